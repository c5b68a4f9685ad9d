//! Conversion from Rust byte offsets to Python `str` indices (Unicode code points).

/// Converts byte offsets into `text` to code-point indices.
///
/// Each offset must lie on a char boundary. `byte_offsets` may come in any order;
/// the conversion costs one pass over `text` plus a sort of the offsets, so it is
/// linear in the text for any number of spans.
pub fn byte_to_char_offsets(text: &str, byte_offsets: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..byte_offsets.len()).collect();
    order.sort_unstable_by_key(|&i| byte_offsets[i]);
    let bytes = text.as_bytes();
    let mut result = vec![0; byte_offsets.len()];
    let (mut chars_before, mut at) = (0, 0);
    for i in order {
        let target = byte_offsets[i].min(bytes.len());
        // a char starts at every byte that is not a UTF-8 continuation byte (10xxxxxx)
        chars_before += bytes[at..target]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count();
        at = target;
        result[i] = chars_before;
    }
    result
}

/// The byte range of `text[start..end]` without its leading and trailing whitespace, or
/// `None` when `start..end` is not a range of `text` on char boundaries.
pub fn trimmed_range(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let slice = text.get(start..end)?;
    let trimmed = slice.trim();
    let from = start + (trimmed.as_ptr() as usize - slice.as_ptr() as usize);
    Some((from, from + trimmed.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_unsorted_offsets() {
        let text = "aب c";
        // bytes: a=0, ب=1..3, ' '=3, c=4
        assert_eq!(
            byte_to_char_offsets(text, &[4, 0, 3, 1, 5]),
            vec![3, 0, 2, 1, 4]
        );
    }

    #[test]
    fn trims_a_range() {
        let text = "x  بب c \n";
        assert_eq!(trimmed_range(text, 1, text.len()), Some((3, 9)));
        assert_eq!(trimmed_range(text, 1, 3), Some((1, 1)));
        assert_eq!(trimmed_range(text, 4, 5), None);
    }
}
