//! The letter fold: the one way every stage folds a word for matching.
//!
//! The variant table ([`variant`]) lists the letters that Arabic text writes in several ways,
//! each under the normalization rule that folds it (`normalize` switches the rules one by one).
//! The search fold ([`fold_char`]) applies all of them and, like the `search` preset:
//! - drops diacritics, the other Arabic marks (Quranic signs included), the combining marks of
//!   other scripts, tatweel and format characters (bidi marks, ZWNJ, ZWJ, soft hyphen, BOM);
//! - writes أ إ آ ٱ ٲ ٳ ٵ as ا, ى ی ې as ي, ة as ه, ک as ك, ہ ە ھ ۀ as ه;
//! - keeps the hamza seats ؤ and ئ, everywhere: folding them would merge distinct words
//!   (رؤية vision and روية deliberation, سئل and سيل) and still not meet the common variants
//!   (مسؤول, مسئول); `normalize`'s `hamza` rule folds them for those who want it;
//! - writes every digit as its ASCII digit (or as `0` under [`Digits::Zero`], for features
//!   that look at the shape of a number only);
//! - lower-cases letters of other scripts.
//!
//! Everything else is kept as it is.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::chars::{class, digit_value, Class, TABLE_END};

/// The normalization rule under which a letter variant is folded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// أ إ آ ٱ → ا
    Alef,
    /// ى → ي
    AlefMaqsura,
    /// ة → ه
    TehMarbuta,
    /// ؤ → و, ئ → ي
    Hamza,
    /// The letters of other languages written in Arabic script: ک → ك, ی ې → ي,
    /// ہ ە ھ ۀ → ه, ٲ ٳ ٵ → ا
    Persian,
}

/// The letter that `c` is a spelling variant of, and the rule that folds it.
pub fn variant(c: char) -> Option<(Rule, char)> {
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => (Rule::Alef, 'ا'),
        'ٲ' | 'ٳ' | 'ٵ' => (Rule::Persian, 'ا'),
        'ى' => (Rule::AlefMaqsura, 'ي'),
        'ة' => (Rule::TehMarbuta, 'ه'),
        'ؤ' => (Rule::Hamza, 'و'),
        'ئ' => (Rule::Hamza, 'ي'),
        'ک' => (Rule::Persian, 'ك'),
        'ی' | 'ې' => (Rule::Persian, 'ي'),
        'ہ' | 'ە' | 'ھ' | 'ۀ' => (Rule::Persian, 'ه'),
        _ => return None,
    })
}

/// How the fold writes digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Digits {
    /// As the ASCII digit of the same value.
    #[default]
    Ascii,
    /// All as `0`: only the shape of a number is kept.
    Zero,
}

/// What the fold does with one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    /// Kept as it is.
    Same,
    /// Dropped (a mark, tatweel or format character).
    Drop,
    /// Written as this character.
    To(char),
    /// Written lower-cased (a letter whose lower case may take several characters).
    Lower,
}

/// [`fold_char`] with ASCII digits, for the characters below [`TABLE_END`].
static TABLE: LazyLock<[Fold; TABLE_END]> = LazyLock::new(|| {
    let mut t = [Fold::Same; TABLE_END];
    for (cp, slot) in t.iter_mut().enumerate() {
        *slot = decide(char::from_u32(cp as u32).unwrap_or('\0'));
    }
    t
});

/// The search fold of one character.
#[inline]
pub fn fold_char(c: char, digits: Digits) -> Fold {
    let f = match TABLE.get(c as usize) {
        Some(&f) => f,
        None => decide(c),
    };
    match (digits, f) {
        (Digits::Zero, Fold::To('0'..='9')) => Fold::To('0'),
        (Digits::Zero, Fold::Same) if c.is_ascii_digit() => Fold::To('0'),
        _ => f,
    }
}

/// The search fold of `c` with ASCII digits, computed.
fn decide(c: char) -> Fold {
    match class(c) {
        Class::Diacritic | Class::Mark | Class::Extend | Class::Tatweel | Class::Format => {
            Fold::Drop
        }
        Class::Digit if !c.is_ascii_digit() => match digit_value(c) {
            Some(d) => Fold::To(char::from(b'0' + d as u8)),
            None => Fold::Same,
        },
        Class::ArabicLetter => match variant(c) {
            Some((rule, to)) if rule != Rule::Hamza => Fold::To(to),
            _ => Fold::Same,
        },
        Class::Letter if c.is_ascii_uppercase() => Fold::To(c.to_ascii_lowercase()),
        Class::Letter if c.is_uppercase() => Fold::Lower,
        _ => Fold::Same,
    }
}

/// Appends the search fold of `text` to `out`.
pub fn fold_into(text: &str, digits: Digits, out: &mut String) {
    for c in text.chars() {
        push_folded(c, fold_char(c, digits), out);
    }
}

/// Appends `c` as folded by `f` to `out`.
#[inline]
pub fn push_folded(c: char, f: Fold, out: &mut String) {
    match f {
        Fold::Same => out.push(c),
        Fold::Drop => {}
        Fold::To(t) => out.push(t),
        Fold::Lower => out.extend(lower(c)),
    }
}

/// The lower case of `c` without the combining marks that some lower cases take (İ → i).
pub fn lower(c: char) -> impl Iterator<Item = char> {
    c.to_lowercase()
        .filter(|&l| fold_char(l, Digits::Ascii) != Fold::Drop)
}

/// The search fold of `text` (ASCII digits); borrows `text` when the fold changes nothing.
pub fn fold(text: &str) -> Cow<'_, str> {
    let first_change = text
        .char_indices()
        .find(|&(_, c)| fold_char(c, Digits::Ascii) != Fold::Same);
    match first_change {
        None => Cow::Borrowed(text),
        Some((at, _)) => {
            let mut out = String::with_capacity(text.len());
            out.push_str(&text[..at]);
            fold_into(&text[at..], Digits::Ascii, &mut out);
            Cow::Owned(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_letters_marks_and_invisible_characters() {
        assert_eq!(fold("أَحْمَد"), "احمد");
        assert_eq!(fold("مصطفى"), "مصطفي");
        assert_eq!(fold("مدينة"), "مدينه");
        assert_eq!(fold("ـسلامـ"), "سلام");
        assert_eq!(fold("رئيس مسؤول"), "رئيس مسؤول");
        assert_eq!(fold("کتاب ہے ٲٳ ې"), "كتاب هے اا ي");
        assert_eq!(fold("القا\u{0615}هرة"), "القاهره");
        assert_eq!(fold("مر\u{200F}حبا\u{200C}"), "مرحبا");
        assert_eq!(fold("\u{06D6}ب\u{06ED}"), "ب");
    }

    #[test]
    fn folds_digits_and_case() {
        assert_eq!(fold("Nasa ٢٠١٨ ۳"), "nasa 2018 3");
        assert_eq!(fold("ÉTÉ"), "été");
        let mut out = String::new();
        fold_into("A٢٠1", Digits::Zero, &mut out);
        assert_eq!(out, "a000");
    }

    #[test]
    fn borrows_when_nothing_changes() {
        assert!(matches!(fold("كتاب abc 12"), Cow::Borrowed(_)));
        assert!(matches!(fold("كتابة"), Cow::Owned(_)));
    }

    #[test]
    fn the_fold_is_idempotent() {
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            let s = format!("ب{c}ا");
            let once = fold(&s).into_owned();
            assert_eq!(fold(&once), once.as_str(), "{c:?}");
        }
    }

    #[test]
    fn the_table_agrees_with_the_rules() {
        for c in (0u32..TABLE_END as u32).filter_map(char::from_u32) {
            assert_eq!(fold_char(c, Digits::Ascii), decide(c), "{c:?}");
        }
    }
}
