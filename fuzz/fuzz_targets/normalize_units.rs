//! The code-unit normalizer on Latin-1, UCS-2 and UCS-4 buffers: a lone surrogate (or a
//! value past U+10FFFF) is reported at its index, the output always fits the input's width,
//! and it equals the UTF-8 path on the same text.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use nuqta::normalize::{CodeUnit, Normalizer, UnitsError};

/// Normalizes `units` and checks the result against the UTF-8 path.
fn check<T: CodeUnit>(n: &Normalizer, units: &[T]) {
    let result = n.normalize_units(units);
    let bad = units.iter().position(|u| u.to_char().is_none());
    match (result, bad) {
        (Err(UnitsError::Surrogate(at)), Some(first)) => assert_eq!(at, first),
        (Err(e), _) => panic!("unexpected {e:?} (first invalid unit: {bad:?})"),
        (Ok(_), Some(first)) => panic!("invalid unit at {first} accepted"),
        (Ok(out), None) => {
            let text: String = units.iter().filter_map(|u| u.to_char()).collect();
            let out: String = out.iter().filter_map(|u| u.to_char()).collect();
            assert_eq!(out, n.normalize(&text), "units and UTF-8 paths differ");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let n = Normalizer::new(common::options(u16::from_le_bytes([data[1], data[2]])));
    let bytes = &data[3..];
    match data[0] % 3 {
        0 => check(&n, bytes),
        1 => {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            check(&n, &units);
        }
        _ => {
            let units: Vec<u32> = bytes
                .chunks_exact(3)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], 0]) % 0x11_0000)
                .collect();
            check(&n, &units);
        }
    }
});
