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
        chars_before += count_chars(&bytes[at..target]);
        at = target;
        result[i] = chars_before;
    }
    result
}

/// The chars in `bytes`: a char starts at every byte that is not a UTF-8 continuation byte
/// (10xxxxxx). Eight bytes at a time (the spans between offsets are short, too short for the
/// compiler's vector loop to pay off).
fn count_chars(bytes: &[u8]) -> usize {
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let chunks = bytes.chunks_exact(8);
    let rest = chunks.remainder();
    let mut continuation = 0;
    for c in chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap_or_default());
        // bit 7 set and bit 6 clear (shifted into bit 7's place)
        continuation += (w & !(w << 1) & HIGH).count_ones() as usize;
    }
    continuation += rest.iter().filter(|&&b| (b as i8) < -0x40).count();
    bytes.len() - continuation
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
    fn counts_chars_like_chars() {
        let text = "نص عربي with ASCII, é, € and 😀: كلمات أطول من ثمانية بايت";
        for (i, _) in text.char_indices() {
            for (j, _) in text[i..].char_indices() {
                let s = &text[i..i + j];
                assert_eq!(count_chars(s.as_bytes()), s.chars().count(), "{s:?}");
            }
        }
    }

    #[test]
    fn trims_a_range() {
        let text = "x  بب c \n";
        assert_eq!(trimmed_range(text, 1, text.len()), Some((3, 9)));
        assert_eq!(trimmed_range(text, 1, 3), Some((1, 1)));
        assert_eq!(trimmed_range(text, 4, 5), None);
    }
}
