//! The UTF-8 normalizer: `normalize` and `normalize_with_offsets` agree, offsets are in
//! bounds and never decrease, the output is a fixed point, and the code-unit path on the
//! UCS-4 form gives the same text.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use nuqta::normalize::Normalizer;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let options = common::options(u16::from_le_bytes([data[0], data[1]]));
    let text = String::from_utf8_lossy(&data[2..]);
    let n = Normalizer::new(options);
    let out = n.normalize(&text);
    let (with_offsets, offsets) = n.normalize_with_offsets(&text);
    assert_eq!(
        out, with_offsets,
        "normalize and normalize_with_offsets differ"
    );
    let chars = text.chars().count();
    assert_eq!(
        offsets.len(),
        out.chars().count(),
        "one offset per output char"
    );
    for pair in offsets.windows(2) {
        assert!(pair[0] <= pair[1], "offsets decrease: {pair:?}");
    }
    if let Some(&last) = offsets.last() {
        assert!(last < chars, "offset {last} past the input's {chars} chars");
    }
    assert_eq!(n.normalize(&out), out, "not idempotent");
    let ucs4: Vec<u32> = text.chars().map(u32::from).collect();
    let units = n
        .normalize_units(&ucs4)
        .expect("UCS-4 of valid text normalizes");
    let from_units: String = units.iter().map(|&u| char::from_u32(u).unwrap()).collect();
    assert_eq!(
        from_units, out,
        "normalize_units on UCS-4 differs from normalize"
    );
});
