//! Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE) mapped to base letters.
//!
//! The mapping is the Unicode compatibility decomposition (NFKC) of each form, so
//! ﻻ → لا and ﷲ → الله; isolated forms of marks (ﹰ, ﱞ) drop the carrier space NFKC
//! gives them. Built once, on first use.

use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// Ranges covered, as (first, last) code points.
const RANGES: [(u32, u32); 2] = [(0xFB50, 0xFDFF), (0xFE70, 0xFEFE)];

struct Forms {
    /// For each code point of `RANGES`, in order: an index into `expansions`, or `u16::MAX`.
    slots: Vec<u16>,
    expansions: Vec<String>,
}

static FORMS: LazyLock<Forms> = LazyLock::new(|| {
    let mut slots = Vec::new();
    let mut expansions = Vec::new();
    for (first, last) in RANGES {
        for cp in first..=last {
            let expansion = char::from_u32(cp).and_then(expand);
            slots.push(match expansion {
                Some(s) => {
                    expansions.push(s);
                    (expansions.len() - 1) as u16
                }
                None => u16::MAX,
            });
        }
    }
    Forms { slots, expansions }
});

/// The base letters of `c`, or `None` when Unicode gives it no decomposition.
fn expand(c: char) -> Option<String> {
    let decomposed: String = c.nfkc().collect();
    if decomposed.chars().eq(std::iter::once(c)) {
        return None;
    }
    // Isolated forms of marks decompose to a space carrying the mark.
    let trimmed = match decomposed.strip_prefix(' ') {
        Some(marks) if !marks.is_empty() => marks.to_string(),
        _ => decomposed,
    };
    Some(trimmed)
}

/// The slot of `c` in the mapping, when it is a presentation form with a decomposition.
pub(crate) fn index(c: char) -> Option<u16> {
    let cp = c as u32;
    let mut offset = 0;
    for (first, last) in RANGES {
        if (first..=last).contains(&cp) {
            let slot = FORMS.slots[(offset + cp - first) as usize];
            return (slot != u16::MAX).then_some(slot);
        }
        offset += last - first + 1;
    }
    None
}

/// The base letters stored at `index`.
pub(crate) fn expansion(index: u16) -> &'static str {
    &FORMS.expansions[index as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(c: char) -> Option<&'static str> {
        index(c).map(expansion)
    }

    #[test]
    fn ligatures_and_forms() {
        assert_eq!(base('ﻻ'), Some("لا"));
        assert_eq!(base('ﷲ'), Some("الله"));
        assert_eq!(base('ﺑ'), Some("ب"));
        assert_eq!(base('ﹰ'), Some("\u{064B}"));
        assert_eq!(base('ﷺ'), Some("صلى الله عليه وسلم"));
        assert_eq!(base('\u{FDFD}'), None);
        assert_eq!(base('a'), None);
    }
}
