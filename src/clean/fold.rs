//! The fold used to compare lines and match lexicon phrases: the search fold of
//! [`crate::text::fold`] (alef forms to bare alef, ى to ي, ة to ه, marks, tatweel and format
//! characters removed, letters lower-cased, digits to ASCII), with punctuation and spaces
//! collapsed to single spaces between words. This module keeps a byte-run fast path over the
//! shared tables: runs of Arabic letters that the fold keeps, and of ASCII letters and digits,
//! are copied whole.

use std::sync::LazyLock;

use crate::text::chars::{class, is_arabic_letter, Class};
use crate::text::fold::{self as text_fold, Digits, Fold};

/// A line folded to words: `text` holds the words joined by single spaces (so that
/// `text.split(' ')` gives them back, when there is any).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Folded {
    pub text: String,
    /// Number of words (32 bits: a line of more than four billion words counts as four billion).
    words: u32,
}

impl Folded {
    /// A folded text of `words` words.
    pub fn new(text: String, words: usize) -> Folded {
        let words = u32::try_from(words).unwrap_or(u32::MAX);
        Folded { text, words }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words as usize
    }
}

/// Folds one character: `None` drops it (marks, tatweel, format characters), a space ends a
/// word. The search fold of [`crate::text::fold`], with every character that is no part of a
/// word (by the class table of [`crate::text::chars`]) written as a space.
fn fold_char(c: char) -> Option<char> {
    match class(c) {
        Class::Space | Class::LineBreak | Class::InvisibleSpace | Class::Punct => Some(' '),
        _ => match text_fold::fold_char(c, Digits::Ascii) {
            Fold::Drop => None,
            Fold::To(f) => Some(f),
            // lower-cased by the callers
            Fold::Same | Fold::Lower => Some(c),
        },
    }
}

/// Arabic letters that the fold changes.
fn changes(c: char) -> bool {
    is_arabic_letter(c) && text_fold::fold_char(c, Digits::Ascii) != Fold::Same
}

/// Folds `text` into words.
pub(crate) fn fold(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len());
    let mut words = 0;
    fold_into(text, &mut out, |_| words += 1, |_| {});
    Folded::new(out, words)
}

/// What the fold does with one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Act {
    /// Kept as it is (a-z, 0-9, Arabic letters the fold leaves alone): runs are copied whole.
    Same,
    /// Dropped (marks, tatweel, direction marks).
    Drop,
    /// Ends a word.
    Space,
    /// Written as this character (lower-cased when it is an upper-case letter).
    To(char),
}

/// The fold of one character, by [`fold_char`].
fn act(c: char) -> Act {
    if matches!(c, 'a'..='z' | '0'..='9') || (is_arabic_letter(c) && !changes(c)) {
        return Act::Same;
    }
    match fold_char(c) {
        None => Act::Drop,
        Some(' ') => Act::Space,
        Some(f) => Act::To(f),
    }
}

/// Code points below this have their fold and letter class in [`TABLE`] (ASCII, Latin, Greek,
/// Cyrillic and the Arabic block: one or two UTF-8 bytes).
const TABLE_END: usize = 0x700;

/// [`act`] and [`is_arabic_letter`] of the code points below [`TABLE_END`].
static TABLE: LazyLock<Vec<(Act, bool)>> = LazyLock::new(|| {
    (0..TABLE_END as u32)
        .map(|u| {
            let c = char::from_u32(u).unwrap_or('\0');
            (act(c), is_arabic_letter(c))
        })
        .collect()
});

/// Entry `i`: whether U+0600 + `i` is an Arabic letter that the fold keeps as it is.
static SAME_ARABIC: LazyLock<[bool; 256]> = LazyLock::new(|| {
    let mut same = [false; 256];
    for (s, &(a, arabic)) in same.iter_mut().zip(&TABLE[0x600..0x700]) {
        *s = a == Act::Same && arabic;
    }
    same
});

/// [`ASCII_CLASS`] of a digit.
const DIGIT: u8 = 1;
/// [`ASCII_CLASS`] of a lower-case letter.
const LOWER: u8 = 2;
/// [`ASCII_CLASS`] of an upper-case letter (it has the bit of [`LOWER`]).
const UPPER: u8 = 6;

/// For each byte, [`DIGIT`], [`LOWER`] or [`UPPER`] for an ASCII digit or letter, 0 for any other.
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'0'..=b'9' => DIGIT,
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// How many Arabic letters that the fold keeps as they are (two bytes each, by
/// [`SAME_ARABIC`]) `b` starts with.
#[inline]
fn same_run(b: &[u8], same: &[bool; 256]) -> usize {
    b.chunks_exact(2)
        .take_while(|p| p[0] & 0xFC == 0xD8 && same[usize::from(p[0] << 6 | p[1] & 0x3F)])
        .count()
}

/// What [`fold_with`] shows its caller of each stretch of the text.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Seen<'a> {
    /// This many Arabic letters in a row, with or without single spaces between them, and with
    /// any marks or tatweel among them (a space between two letters, and a mark after a letter,
    /// are not shown on their own).
    Letters(usize),
    /// A run of ASCII letters and digits as the text has it, with or without single spaces
    /// between them (it starts and ends with a letter or digit), and how many of its bytes are
    /// letters.
    Ascii(&'a str, usize),
    /// One character that is not an Arabic letter.
    Other(char),
}

/// Folds `text` into words appended to `out`, one space between two of them, telling
/// `word` the byte range in `out` of each word and showing the characters of `text` to `each`
/// on the way (so that a caller can gather its own per-character counts in the same pass). Runs
/// of characters that the fold keeps as they are, and runs of ASCII letters and digits, are
/// copied whole.
pub(crate) fn fold_into<'a>(
    text: &'a str,
    out: &mut String,
    mut word: impl FnMut(std::ops::Range<usize>),
    mut each: impl FnMut(Seen<'a>),
) {
    let table = TABLE.as_slice();
    let bytes = text.as_bytes();
    // the fold and letter class of the character at byte `j` when it is one of U+0600..U+06FF
    let arabic_block = |j: usize| match bytes.get(j..j + 2) {
        Some(&[b0, b1]) if b0 & 0xFC == 0xD8 => {
            Some(table[0x600 | usize::from(b0 & 3) << 6 | usize::from(b1 & 0x3F)])
        }
        _ => None,
    };
    let same_arabic = &*SAME_ARABIC;
    // a space goes before every word but the first
    let mut spaced = false;
    let mut start: Option<usize> = None;
    let mut run: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if ASCII_CLASS[usize::from(b)] != 0 {
            // runs of ASCII letters and digits, and single spaces between them: copied whole
            // (with what is pending before them) and lower-cased
            let r = run.take().unwrap_or(i);
            let mut word_start = open_word(start, &mut spaced, out);
            // where byte `k` of the text lands in `out`
            let base = out.len();
            let at = |k: usize| base + (k - r);
            let (mut j, mut letters, mut upper) = (i, 0, false);
            loop {
                while let Some(&k) = bytes.get(j).map(|&c| &ASCII_CLASS[usize::from(c)]) {
                    if k == 0 {
                        break;
                    }
                    letters += usize::from(k & LOWER != 0);
                    upper |= k == UPPER;
                    j += 1;
                }
                if bytes.get(j) == Some(&b' ')
                    && bytes.get(j + 1).is_some_and(u8::is_ascii_alphanumeric)
                {
                    word(word_start..at(j));
                    word_start = at(j) + 1;
                    j += 1;
                    continue;
                }
                break;
            }
            each(Seen::Ascii(&text[i..j], letters));
            out.push_str(&text[r..j]);
            if upper {
                out[at(i)..].make_ascii_lowercase();
            }
            start = Some(word_start);
            i = j;
            continue;
        }
        // other ASCII and two-byte sequences from the table; longer ones decoded
        let (c, len, a, arabic) = if b < 0x80 {
            let (a, arabic) = table[b as usize];
            (b as char, 1, a, arabic)
        } else if b < 0xE0 {
            let u = (u32::from(b & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
            let (a, arabic) = table.get(u as usize).copied().unwrap_or_else(|| {
                let c = char::from_u32(u).unwrap_or('\0');
                (act(c), is_arabic_letter(c))
            });
            (char::from_u32(u).unwrap_or('\0'), 2, a, arabic)
        } else {
            let c = text[i..].chars().next().unwrap_or('\0');
            (c, c.len_utf8(), act(c), is_arabic_letter(c))
        };
        if arabic && b & 0xFC == 0xD8 {
            // the common case: runs of Arabic letters, two bytes each, with the marks among them
            // and single spaces between them; letters the fold keeps are copied as they are
            let mut word_start = open_word(start, &mut spaced, out);
            let mut r = run.unwrap_or(i);
            let (mut j, mut letters) = (i, 0);
            loop {
                let n = same_run(&bytes[j..], same_arabic);
                j += 2 * n;
                letters += n;
                match arabic_block(j) {
                    Some((Act::To(f), true)) => {
                        out.push_str(&text[r..j]);
                        out.push(f);
                        j += 2;
                        r = j;
                        letters += 1;
                        continue;
                    }
                    Some((Act::Drop, _)) => {
                        out.push_str(&text[r..j]);
                        j += 2;
                        r = j;
                        continue;
                    }
                    _ => {}
                }
                if bytes.get(j) == Some(&b' ')
                    && arabic_block(j + 1).is_some_and(|(_, letter)| letter)
                {
                    let end = out.len() + (j - r);
                    word(word_start..end);
                    word_start = end + 1;
                    j += 1;
                    continue;
                }
                break;
            }
            each(Seen::Letters(letters));
            run = Some(r);
            start = Some(word_start);
            i = j;
            continue;
        }
        each(if arabic {
            Seen::Letters(1)
        } else {
            Seen::Other(c)
        });
        let at = i;
        i += len;
        let f = match a {
            Act::Same => {
                start = Some(open_word(start, &mut spaced, out));
                run.get_or_insert(at);
                continue;
            }
            Act::Drop => {
                if let Some(r) = run.take() {
                    out.push_str(&text[r..at]);
                }
                continue;
            }
            Act::Space => {
                if let Some(r) = run.take() {
                    out.push_str(&text[r..at]);
                }
                if let Some(s) = start.take() {
                    word(s..out.len());
                }
                continue;
            }
            Act::To(f) => f,
        };
        if let Some(r) = run.take() {
            out.push_str(&text[r..at]);
        }
        start = Some(open_word(start, &mut spaced, out));
        if f.is_ascii() {
            out.push(f.to_ascii_lowercase());
        } else if !is_arabic_letter(f) && f.is_uppercase() {
            out.extend(text_fold::lower(f));
        } else {
            out.push(f);
        }
    }
    if let Some(r) = run {
        out.push_str(&text[r..]);
    }
    if let Some(s) = start {
        word(s..out.len());
    }
}

/// Where the word being written into `out` starts: `start`, when a word is open; else a new
/// word's start at the end of `out`, after a space unless it is the first (`spaced`).
#[inline]
fn open_word(start: Option<usize>, spaced: &mut bool, out: &mut String) -> usize {
    start.unwrap_or_else(|| {
        if *spaced {
            out.push(' ');
        }
        *spaced = true;
        out.len()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_hamza_taa_marbuta_and_marks() {
        let f = fold("إضغط هنا: أُوافق على شروط الأستخدام، مدرسةٌ");
        assert_eq!(f.text, "اضغط هنا اوافق علي شروط الاستخدام مدرسه");
        assert_eq!(f.len(), 7);
        assert_eq!(f.text.split(' ').nth(1), Some("هنا"));
    }

    #[test]
    fn folds_digits_latin_and_tatweel() {
        let f = fold("GMT ١٤:٠١ Security-Code* عـــاجل");
        assert_eq!(f.text, "gmt 14 01 security code عاجل");
    }

    /// The folded text and its word ranges, from [`fold_into`].
    fn fold_spans(text: &str) -> (String, Vec<std::ops::Range<usize>>) {
        let mut out = String::new();
        let mut words = Vec::new();
        fold_into(text, &mut out, |w| words.push(w), |_| {});
        (out, words)
    }

    /// The fold as first written: one character at a time.
    fn fold_reference(text: &str) -> (String, Vec<std::ops::Range<usize>>) {
        let mut out = String::new();
        let mut words = Vec::new();
        let mut start: Option<usize> = None;
        for c in text.chars() {
            let Some(f) = fold_char(c) else { continue };
            if f == ' ' {
                if let Some(s) = start.take() {
                    words.push(s..out.len());
                }
                continue;
            }
            if start.is_none() {
                if !out.is_empty() {
                    out.push(' ');
                }
                start = Some(out.len());
            }
            if f.is_ascii() {
                out.push(f.to_ascii_lowercase());
            } else if !is_arabic_letter(f) && f.is_uppercase() {
                out.extend(text_fold::lower(f));
            } else {
                out.push(f);
            }
        }
        if let Some(s) = start {
            words.push(s..out.len());
        }
        (out, words)
    }

    #[test]
    fn table_fold_matches_the_reference() {
        let all: Vec<char> = (0..0x3_0000).filter_map(char::from_u32).collect();
        for c in &all {
            let s = format!("x{c}ب{c}{c} {c}");
            assert_eq!(fold_spans(&s), fold_reference(&s), "{:X}", *c as u32);
        }
        let mut rng = crate::test_rng::XorShift::new(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..rng.below(12) {
                let c = match rng.below(4) {
                    0 => all[rng.below(0x800)],
                    1 => ['أ', 'ة', ' ', 'ـ', 'A', '١', '-', 'ب', 'a', '7', 'ُ', 'ی'][rng.below(12)],
                    _ => all[rng.below(all.len())],
                };
                s.push(c);
            }
            let (text, words) = fold_reference(&s);
            assert_eq!(fold_spans(&s), (text.clone(), words.clone()), "{s:?}");
            assert_eq!(fold(&s), Folded::new(text, words.len()), "{s:?}");
        }
        // long runs of Arabic letters (read four at a time) broken by letters the fold
        // changes, marks, spaces and other characters at every position
        let pool: Vec<char> = "بتثجحخدذرسشصضطظعغفقكلمنهويءأإآةىئؤـَُ ٠xé\u{750}\u{8a0}"
            .chars()
            .collect();
        let mut rng = crate::test_rng::XorShift::new(0x2545_F491_4F6C_DD1D);
        for _ in 0..20_000 {
            let n = rng.below(40);
            let s: String = (0..n)
                .map(|_| {
                    if rng.below(4) == 0 {
                        pool[rng.below(pool.len())]
                    } else {
                        pool[rng.below(24)]
                    }
                })
                .collect();
            assert_eq!(fold_spans(&s), fold_reference(&s), "{s:?}");
        }
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert_eq!(fold("").len(), 0);
        assert_eq!(fold(" - * ").len(), 0);
    }
}
