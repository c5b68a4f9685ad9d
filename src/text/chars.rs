//! The character class table: what every stage knows about a character, decided once.
//!
//! Classes follow Unicode word segmentation (UAX #29) where it matters to Arabic text:
//! combining marks, tatweel and format characters (bidi marks, ZWNJ, ZWJ, isolates) belong to
//! the word they stand in; spaces, line breaks and the zero-width space separate words.

use std::sync::LazyLock;

/// The class of one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// A letter of the Arabic script.
    ArabicLetter,
    /// A letter of another script (Latin, Greek, Cyrillic, CJK …).
    Letter,
    /// Harakat, tanween, shadda, sukun and the dagger alef (U+064B–U+0652, U+0670).
    Diacritic,
    /// The other Arabic combining marks: Quranic annotation signs and rarer marks
    /// (U+0610–U+061A, U+0653–U+065F, U+06D6–U+06ED, U+08D3–U+08FF).
    Mark,
    /// A combining mark of another script: part of its word, dropped by the fold.
    Extend,
    /// Tatweel (U+0640).
    Tatweel,
    /// A decimal digit of a script Arabic text uses: ASCII, Arabic-Indic or Persian.
    Digit,
    /// A space or tab (every Unicode space separator).
    Space,
    /// A line or paragraph break.
    LineBreak,
    /// An invisible format character that belongs to the word around it (bidi marks and
    /// controls, ZWNJ, ZWJ, word joiner, soft hyphen, BOM).
    Format,
    /// The zero-width space: invisible, but separates words.
    InvisibleSpace,
    /// Punctuation, symbols and everything else.
    Punct,
}

impl Class {
    /// True for classes that never start a word but continue one: marks, tatweel, format.
    pub fn continues_word(self) -> bool {
        matches!(
            self,
            Class::Diacritic | Class::Mark | Class::Extend | Class::Tatweel | Class::Format
        )
    }
}

/// Characters below this code point have their class in a flat table.
pub(crate) const TABLE_END: usize = 0x800;

/// The class table's reach: every script of Arabic text's neighbours and the general
/// punctuation block (“ ” – …), whose classes would otherwise be computed on every lookup.
const CLASS_TABLE_END: usize = 0x3000;

static TABLE: LazyLock<Box<[Class; CLASS_TABLE_END]>> = LazyLock::new(|| {
    let mut t = Box::new([Class::Punct; CLASS_TABLE_END]);
    for (cp, slot) in t.iter_mut().enumerate() {
        *slot = decide(char::from_u32(cp as u32).unwrap_or('\0'));
    }
    t
});

/// The class of `c`.
#[inline]
pub fn class(c: char) -> Class {
    match TABLE.get(c as usize) {
        Some(&k) => k,
        None => decide(c),
    }
}

/// The class of `c`, computed (the table caches it below [`CLASS_TABLE_END`]).
fn decide(c: char) -> Class {
    match c {
        '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}' => Class::LineBreak,
        '\t'
        | '\u{000B}'
        | '\u{000C}'
        | ' '
        | '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Class::Space,
        '\u{200B}' => Class::InvisibleSpace,
        '\u{00AD}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{200C}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => Class::Format,
        '\u{064B}'..='\u{0652}' | '\u{0670}' => Class::Diacritic,
        '\u{0610}'..='\u{061A}'
        | '\u{0653}'..='\u{065F}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}' => Class::Mark,
        '\u{0640}' => Class::Tatweel,
        _ if is_arabic_letter(c) => Class::ArabicLetter,
        _ if c.is_ascii_digit() || digit_value(c).is_some() => Class::Digit,
        _ if unicode_normalization::char::is_combining_mark(c) => Class::Extend,
        // `is_numeric` covers other numerals (Ⅻ, ½): they count as letters, as in `\w`.
        _ if c.is_alphanumeric() => Class::Letter,
        _ => Class::Punct,
    }
}

/// True for letters of the Arabic block and its supplements (not marks, digits or punctuation).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}')
}

/// The value of a decimal digit of any script that Arabic text uses: ASCII, Arabic-Indic and
/// Extended Arabic-Indic (Persian).
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// True for an Arabic letter that joins the letter after it (a dual-joining letter): a ZWNJ
/// after it changes how the word looks, so in Arabic text it stands for a space between two
/// words. ا د ذ ر ز و ة ء and their variants join only the letter before them.
pub fn joins_next(c: char) -> bool {
    is_arabic_letter(c)
        && !matches!(c,
            '\u{0621}'..='\u{0625}' // ء آ أ ؤ إ
            | '\u{0627}' | '\u{0629}' | '\u{062F}'..='\u{0632}' // ا ة د ذ ر ز
            | '\u{0648}' // و
            | '\u{0671}'..='\u{0673}' | '\u{0675}'..='\u{0677}'
            | '\u{0688}'..='\u{0699}' | '\u{06C0}' | '\u{06C3}'..='\u{06CB}' | '\u{06CD}'
            | '\u{06CF}' | '\u{06D2}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}'
            | '\u{0759}'..='\u{075B}' | '\u{076B}'..='\u{076C}' | '\u{0771}'
            | '\u{0773}'..='\u{0774}' | '\u{0778}'..='\u{0779}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_in_three_scripts() {
        assert_eq!(digit_value('7'), Some(7));
        assert_eq!(digit_value('٧'), Some(7));
        assert_eq!(digit_value('۷'), Some(7));
        assert_eq!(digit_value('a'), None);
        assert_eq!(class('٧'), Class::Digit);
        assert_eq!(class('۷'), Class::Digit);
    }

    #[test]
    fn letters() {
        assert!(is_arabic_letter('ب'));
        assert!(is_arabic_letter('ک'));
        assert!(!is_arabic_letter('\u{064E}'));
        assert!(!is_arabic_letter('٣'));
        assert_eq!(class('ب'), Class::ArabicLetter);
        assert_eq!(class('é'), Class::Letter);
        assert_eq!(class('Ж'), Class::Letter);
    }

    #[test]
    fn every_arabic_letter_is_alphanumeric() {
        for c in (0u32..0x1_0000).filter_map(char::from_u32) {
            if is_arabic_letter(c) {
                assert!(c.is_alphanumeric(), "{c:?}");
            }
        }
    }

    #[test]
    fn invisible_characters_join_or_separate_as_uax29_says() {
        for c in [
            '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{2067}',
        ] {
            assert_eq!(class(c), Class::Format, "{c:?}");
            assert!(class(c).continues_word());
        }
        assert_eq!(class('\u{200B}'), Class::InvisibleSpace);
        assert_eq!(class('\u{00A0}'), Class::Space);
        assert_eq!(class('\u{2029}'), Class::LineBreak);
    }

    #[test]
    fn marks() {
        assert_eq!(class('\u{064E}'), Class::Diacritic);
        assert_eq!(class('\u{0670}'), Class::Diacritic);
        for c in ['\u{0615}', '\u{06D6}', '\u{06ED}', '\u{0653}', '\u{08F0}'] {
            assert_eq!(class(c), Class::Mark, "{c:?}");
        }
        assert_eq!(class('\u{0301}'), Class::Extend);
        assert_eq!(class('\u{0640}'), Class::Tatweel);
    }

    #[test]
    fn the_table_agrees_with_the_rules() {
        for c in (0u32..CLASS_TABLE_END as u32).filter_map(char::from_u32) {
            assert_eq!(class(c), decide(c), "{c:?}");
        }
    }

    #[test]
    fn joining() {
        assert!(joins_next('ي'));
        assert!(joins_next('ب'));
        assert!(!joins_next('ا'));
        assert!(!joins_next('د'));
        assert!(!joins_next('و'));
        assert!(!joins_next('ة'));
        assert!(!joins_next('a'));
    }
}
