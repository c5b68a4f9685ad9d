//! Entities in both schemes: spans in bounds, on char boundaries, sorted and disjoint. The
//! first byte picks the scheme.
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
    }
    common::assert_disjoint(found.iter().map(|e| (e.start, e.end)), "entities");
});
