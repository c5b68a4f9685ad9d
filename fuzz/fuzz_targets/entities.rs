//! Entities: spans in bounds, on char boundaries, sorted and disjoint.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use nuqta::entities::entities;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let found = entities(&text);
    for e in &found {
        common::assert_span(&text, e.start, e.end, "entity");
    }
    common::assert_disjoint(found.iter().map(|e| (e.start, e.end)), "entities");
});
