//! Spelling folds that let one feature cover the many ways Arabic news spells a word.

/// Appends the folded form of `word` to `out`: diacritics and tatweel dropped, hamzated
/// alefs (أ إ آ ٱ) to ا, ى to ي, ة to ه, Persian/Urdu look-alikes (ک ی ہ) to their Arabic
/// letters, ASCII letters lower-cased and every digit to `0`.
pub fn fold_into(word: &str, out: &mut String) {
    for c in word.chars() {
        if let Some(f) = fold_char(c) {
            out.push(f);
        }
    }
}

/// The fold of one character, or `None` when it is dropped (diacritics, tatweel, joiners).
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' | '\u{200D}' => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        'ہ' => 'ه',
        'A'..='Z' => c.to_ascii_lowercase(),
        _ => match crate::text::chars::digit_value(c) {
            Some(_) => '0',
            None => c,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        let mut out = String::new();
        fold_into(s, &mut out);
        out
    }

    #[test]
    fn folds_alef_ya_ta_marbuta_and_marks() {
        assert_eq!(fold("أَحْمَد"), "احمد");
        assert_eq!(fold("مصطفى"), "مصطفي");
        assert_eq!(fold("مدينة"), "مدينه");
        assert_eq!(fold("ـسلامـ"), "سلام");
    }

    #[test]
    fn folds_digits_and_latin() {
        assert_eq!(fold("Nasa ٢٠١٨"), "nasa 0000");
    }
}
