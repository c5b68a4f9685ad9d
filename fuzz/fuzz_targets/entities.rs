//! Entities in both schemes: spans in bounds, on char boundaries, sorted and disjoint;
//! canonical names non-empty and free of invisible characters. The first byte picks the scheme.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use nuqta::entities::{entities_in, Scheme};

fuzz_target!(|data: &[u8]| {
    let (scheme, rest) = match data.split_first() {
        Some((b, rest)) if b % 2 == 1 => (Scheme::Anercorp, rest),
        Some((_, rest)) => (Scheme::News, rest),
        None => (Scheme::News, data),
    };
    let text = String::from_utf8_lossy(rest);
    let found = entities_in(&text, scheme);
    for e in &found {
        common::assert_span(&text, e.start, e.end, "entity");
        assert!(!e.name.trim().is_empty(), "entity without a name");
        assert!(
            !e.name.contains(['\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}']),
            "invisible character in a name"
        );
    }
    common::assert_disjoint(found.iter().map(|e| (e.start, e.end)), "entities");
});
