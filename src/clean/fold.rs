//! The light fold used to compare lines and match lexicon phrases: hamza and alef forms to bare
//! alef, ى to ي, ة to ه, ؤ to و, ئ to ي, tatweel and diacritics removed, Latin lower-cased,
//! Arabic-Indic digits to ASCII, punctuation and spaces collapsed to single spaces between words.

use crate::text::chars::{digit_value, is_arabic_letter};

/// A line folded to words: `text` holds the words joined by single spaces and `words` the byte
/// range of each word in `text`.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Folded {
    pub text: String,
    pub words: Vec<(u32, u32)>,
}

impl Folded {
    /// The `i`-th word.
    pub fn word(&self, i: usize) -> &str {
        let (s, e) = self.words[i];
        &self.text[s as usize..e as usize]
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }
}

/// Folds one character: `None` drops it (marks, tatweel), a space ends a word.
fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' => None,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => None,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Some('ا'),
        'ى' | 'ئ' | 'ی' => Some('ي'),
        'ة' => Some('ه'),
        'ؤ' => Some('و'),
        'ک' => Some('ك'),
        _ if is_arabic_letter(c) || c.is_ascii_alphanumeric() => Some(c),
        _ if c.is_ascii() => Some(' '),
        _ => {
            if let Some(d) = digit_value(c) {
                char::from_digit(d, 10)
            } else if c.is_alphanumeric() {
                Some(c)
            } else {
                Some(' ')
            }
        }
    }
}

/// Arabic letters that the fold changes.
fn changes(c: char) -> bool {
    matches!(
        c,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' | 'ى' | 'ئ' | 'ی' | 'ة' | 'ؤ' | 'ک'
    )
}

/// Folds `text` into words.
pub(crate) fn fold(text: &str) -> Folded {
    fold_with(text, |_| {})
}

/// Folds `text` into words, showing each of its characters to `each` on the way (so that a
/// caller can gather its own per-character counts in the same pass). Runs of characters that
/// the fold keeps as they are are copied whole.
pub(crate) fn fold_with(text: &str, mut each: impl FnMut(char)) -> Folded {
    let mut out = Folded {
        text: String::with_capacity(text.len()),
        words: Vec::new(),
    };
    let mut start: Option<usize> = None;
    let mut run: Option<usize> = None;
    for (i, c) in text.char_indices() {
        each(c);
        let same = matches!(c, 'a'..='z' | '0'..='9') || (is_arabic_letter(c) && !changes(c));
        if same {
            if start.is_none() {
                if !out.text.is_empty() {
                    out.text.push(' ');
                }
                start = Some(out.text.len());
            }
            run.get_or_insert(i);
            continue;
        }
        if let Some(r) = run.take() {
            out.text.push_str(&text[r..i]);
        }
        let Some(f) = fold_char(c) else { continue };
        if f == ' ' {
            if let Some(s) = start.take() {
                out.words.push((s as u32, out.text.len() as u32));
            }
            continue;
        }
        if start.is_none() {
            if !out.text.is_empty() {
                out.text.push(' ');
            }
            start = Some(out.text.len());
        }
        if f.is_ascii() {
            out.text.push(f.to_ascii_lowercase());
        } else if !is_arabic_letter(f) && f.is_uppercase() {
            out.text.extend(f.to_lowercase());
        } else {
            out.text.push(f);
        }
    }
    if let Some(r) = run {
        out.text.push_str(&text[r..]);
    }
    if let Some(s) = start {
        out.words.push((s as u32, out.text.len() as u32));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_hamza_taa_marbuta_and_marks() {
        let f = fold("إضغط هنا: أُوافق على شروط الأستخدام، مدرسةٌ");
        assert_eq!(f.text, "اضغط هنا اوافق علي شروط الاستخدام مدرسه");
        assert_eq!(f.len(), 7);
        assert_eq!(f.word(1), "هنا");
    }

    #[test]
    fn folds_digits_latin_and_tatweel() {
        let f = fold("GMT ١٤:٠١ Security-Code* عـــاجل");
        assert_eq!(f.text, "gmt 14 01 security code عاجل");
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert_eq!(fold("").len(), 0);
        assert_eq!(fold(" - * ").len(), 0);
    }
}
