//! Number mentions: spans in bounds, on char boundaries, sorted and disjoint; floats finite.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use nuqta::numbers::{find_numbers, NumberValue};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let found = find_numbers(&text, None);
    for m in &found {
        common::assert_span(&text, m.start, m.end, "number");
        if let NumberValue::Float(v) = m.value {
            assert!(v.is_finite(), "non-finite value {v}");
        }
    }
    common::assert_disjoint(found.iter().map(|m| (m.start, m.end)), "numbers");
});
