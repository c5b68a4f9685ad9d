//! Helpers shared by the fuzz targets: decoding the fuzzer's bytes into arguments, and the
//! span invariants every result must keep.

#![allow(dead_code)] // Each target uses a subset of these helpers.

use nuqta::normalize::Options;

/// Normalization options from two bytes: bit `i` switches rule `Options::NAMES[i]`.
pub fn options(bits: u16) -> Options {
    let mut options = Options::none();
    for (i, name) in Options::NAMES.iter().enumerate() {
        options.set(name, bits >> i & 1 == 1);
    }
    options
}

/// Splits off the first byte as a selector, and reads the rest as text (lossily, so every
/// input reaches the code under test).
pub fn split(data: &[u8]) -> Option<(u8, String)> {
    let (&first, rest) = data.split_first()?;
    Some((first, String::from_utf8_lossy(rest).into_owned()))
}

/// Asserts that `start..end` is a non-inverted byte range of `text` on char boundaries.
pub fn assert_span(text: &str, start: usize, end: usize, what: &str) {
    assert!(start <= end, "{what}: inverted span {start}..{end}");
    assert!(
        end <= text.len(),
        "{what}: span {start}..{end} past the end ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(start),
        "{what}: start {start} inside a char"
    );
    assert!(
        text.is_char_boundary(end),
        "{what}: end {end} inside a char"
    );
}

/// Asserts that the spans are non-empty, sorted and do not overlap.
pub fn assert_disjoint(spans: impl IntoIterator<Item = (usize, usize)>, what: &str) {
    let mut last_end = 0;
    for (start, end) in spans {
        assert!(start < end, "{what}: empty span at {start}");
        assert!(
            start >= last_end,
            "{what}: span at {start} overlaps one ending at {last_end}"
        );
        last_end = end;
    }
}
