//! The per-character action table: every rule decided once per `Options`, so the
//! hot loop does one lookup per character.

use super::options::Options;
use super::presentation;

/// What the normalizer does with one input character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    /// Copy it.
    Keep,
    /// Delete it.
    Drop,
    /// Replace it with another character.
    Map(char),
    /// A space: collapse runs, trim at line ends.
    Space,
    /// A line break: kept, and ends the line for trimming.
    Newline,
    /// An invisible word separator: deleted, but leaves a space between two words.
    Break,
    /// ٫ or ٬: becomes this ASCII separator when it stands between two digits.
    DigitSeparator(char),
    /// A presentation form: replaced by the base letters at this index of
    /// [`presentation::expansion`], which are then normalized themselves.
    Expand(u16),
}

/// How the fast copy loop sees a character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// No rule touches it.
    Keep,
    /// An ASCII space under the whitespace rule: kept when alone between kept characters.
    Space,
    /// Deleted, with no effect on its neighbours.
    Drop,
    /// Replaced by this character.
    Map(char),
    /// Anything else: handled by [`Action`].
    Other,
}

/// In [`Table::simple`]: the character is deleted. The markers are the three largest
/// `u32` values, DROP the smallest of them, so one comparison sorts out the other two.
pub(crate) const SIMPLE_DROP: u32 = 0xFFFF_FFFD;
/// In [`Table::simple`]: an ASCII space under the whitespace rule.
pub(crate) const SIMPLE_SPACE: u32 = 0xFFFF_FFFE;
/// In [`Table::simple`]: the character needs the general path.
pub(crate) const SIMPLE_STOP: u32 = 0xFFFF_FFFF;

/// Characters below this code point are looked up in a flat table.
const TABLE_SIZE: usize = 0x800;

/// The actions of one `Options`.
#[derive(Clone, Debug)]
pub(crate) struct Table {
    low: Box<[Action; TABLE_SIZE]>,
    classes: Box<[Class; TABLE_SIZE]>,
    /// For branch-free copying: the output code point, or one of the `SIMPLE_*` markers.
    simple: Box<[u32; TABLE_SIZE]>,
    options: Options,
}

impl Table {
    /// Builds the table for `options`.
    pub(crate) fn new(options: Options) -> Table {
        let mut low = Box::new([Action::Keep; TABLE_SIZE]);
        for (cp, slot) in low.iter_mut().enumerate() {
            let c = char::from_u32(cp as u32).expect("below the surrogate range");
            *slot = decide(c, &options);
        }
        let mut classes = Box::new([Class::Other; TABLE_SIZE]);
        for (class, action) in classes.iter_mut().zip(low.iter()) {
            *class = match *action {
                Action::Keep => Class::Keep,
                Action::Drop => Class::Drop,
                Action::Map(m) => Class::Map(m),
                _ => Class::Other,
            };
        }
        if low[usize::from(b' ')] == Action::Space {
            classes[usize::from(b' ')] = Class::Space;
        }
        let mut simple = Box::new([SIMPLE_STOP; TABLE_SIZE]);
        for (cp, (slot, class)) in simple.iter_mut().zip(classes.iter()).enumerate() {
            *slot = match *class {
                Class::Keep => cp as u32,
                Class::Map(m) => u32::from(m),
                Class::Drop => SIMPLE_DROP,
                Class::Space => SIMPLE_SPACE,
                Class::Other => SIMPLE_STOP,
            };
        }
        Table {
            low,
            classes,
            simple,
            options,
        }
    }

    /// The branch-free entry for code point `cp`: what it becomes, or a `SIMPLE_*` marker.
    #[inline(always)]
    pub(crate) fn simple(&self, cp: u32) -> u32 {
        match self.simple.get(cp as usize) {
            Some(&entry) => entry,
            None => match char::from_u32(cp).map(|c| self.class(c)) {
                Some(Class::Keep) => cp,
                _ => SIMPLE_STOP,
            },
        }
    }

    /// The class of `c` for the fast copy loop.
    #[inline(always)]
    pub(crate) fn class(&self, c: char) -> Class {
        match self.classes.get(c as usize) {
            Some(&class) => class,
            None if decide(c, &self.options) == Action::Keep => Class::Keep,
            None => Class::Other,
        }
    }

    /// The action for `c`.
    #[inline(always)]
    pub(crate) fn action(&self, c: char) -> Action {
        match self.low.get(c as usize) {
            Some(&action) => action,
            None => decide(c, &self.options),
        }
    }
}

/// The rule that applies to `c` under `o`, or `Keep`.
fn decide(c: char, o: &Options) -> Action {
    use Action::*;
    let on = |rule: bool, action: Action| if rule { action } else { Keep };
    match c {
        // Whitespace.
        '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}' => on(o.whitespace, Newline),
        '\t'
        | '\u{000B}'
        | '\u{000C}'
        | ' '
        | '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => on(o.whitespace, Space),
        // Invisible characters: separators leave a word break, joiners vanish.
        '\u{200B}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{061C}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => on(o.invisible, Break),
        '\u{00AD}'
        | '\u{200C}'
        | '\u{200D}'
        | '\u{2060}'..='\u{2064}'
        | '\u{180E}'
        | '\u{FEFF}' => on(o.invisible, Drop),
        // Diacritics.
        '\u{064B}'..='\u{0652}' | '\u{0670}' => on(o.diacritics, Drop),
        '\u{0610}'..='\u{061A}'
        | '\u{0653}'..='\u{065F}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}' => on(o.diacritics && o.quranic_marks, Drop),
        '\u{0640}' => on(o.tatweel, Drop),
        // Letters.
        'أ' | 'إ' | 'آ' | 'ٱ' => on(o.alef, Map('ا')),
        'ى' => on(o.alef_maqsura, Map('ي')),
        'ة' => on(o.teh_marbuta, Map('ه')),
        'ؤ' => on(o.hamza, Map('و')),
        'ئ' => on(o.hamza, Map('ي')),
        'ک' => on(o.persian, Map('ك')),
        'ی' => on(o.persian, Map('ي')),
        'ھ' | 'ە' | 'ۀ' => on(o.persian, Map('ه')),
        // Digits.
        '\u{0660}'..='\u{0669}' => on(o.digits, Map(shift(c, 0x0660))),
        '\u{06F0}'..='\u{06F9}' => on(o.digits, Map(shift(c, 0x06F0))),
        '\u{066B}' => on(o.digits, DigitSeparator('.')),
        '\u{066C}' => on(o.digits, DigitSeparator(',')),
        // Punctuation.
        '،' => on(o.punctuation, Map(',')),
        '؛' => on(o.punctuation, Map(';')),
        '؟' => on(o.punctuation, Map('?')),
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' if o.presentation_forms => {
            presentation::index(c).map_or(Keep, Expand)
        }
        _ => Keep,
    }
}

/// The ASCII digit for a digit of a script whose zero is `zero`.
fn shift(c: char, zero: u32) -> char {
    char::from_u32(c as u32 - zero + '0' as u32).expect("an ASCII digit")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_follow_options() {
        let on = Table::new(Options::default());
        let off = Table::new(Options::none());
        assert_eq!(on.action('\u{064E}'), Action::Drop);
        assert_eq!(off.action('\u{064E}'), Action::Keep);
        assert_eq!(on.action('٣'), Action::Map('3'));
        assert_eq!(on.action('\u{200F}'), Action::Break);
        assert_eq!(
            on.action('ﻻ'),
            Action::Expand(presentation::index('ﻻ').unwrap())
        );
        assert_eq!(on.action('€'), Action::Keep);
    }
}
