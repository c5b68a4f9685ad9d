//! Character classes of the Arabic script used across the crate.

/// True for letters of the Arabic block and its supplements (not marks, digits or punctuation).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}')
}

/// The value of an ASCII, Arabic-Indic or Extended Arabic-Indic (Persian) digit.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
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
    }

    #[test]
    fn letters() {
        assert!(is_arabic_letter('ب'));
        assert!(is_arabic_letter('ک'));
        assert!(!is_arabic_letter('\u{064E}'));
        assert!(!is_arabic_letter('٣'));
    }
}
