//! The whole pipeline: mentions point into the page (plain text) or into the kept text
//! (HTML), on char boundaries, sorted and disjoint; entity groups name real entities.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use nuqta::document::{analyze, AnalyzeOptions};

fuzz_target!(|data: &[u8]| {
    let Some((selector, page)) = common::split(data) else {
        return;
    };
    let options = AnalyzeOptions {
        html: match selector % 3 {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        },
        ..AnalyzeOptions::default()
    };
    let doc = analyze(&page, &options);
    let base = if doc.html {
        doc.cleaned.text.as_str()
    } else {
        page.as_str()
    };
    for e in &doc.entities {
        common::assert_span(base, e.start, e.end, "entity");
    }
    for m in &doc.numbers {
        common::assert_span(base, m.start, m.end, "number");
    }
    common::assert_disjoint(doc.entities.iter().map(|e| (e.start, e.end)), "entities");
    common::assert_disjoint(doc.numbers.iter().map(|m| (m.start, m.end)), "numbers");
    for group in &doc.entity_groups {
        assert!(!group.mentions.is_empty(), "empty entity group");
        for &i in &group.mentions {
            assert!(
                i < doc.entities.len(),
                "group names entity {i} of {}",
                doc.entities.len()
            );
            assert_eq!(doc.entities[i].label, group.label, "group label differs");
        }
    }
});
