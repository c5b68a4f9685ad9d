//! The per-character action table: every rule decided once per `Options`, so the
//! hot loop does one lookup per character.

use super::options::Options;
use super::presentation;
use crate::text::chars::{self, class};
use crate::text::fold::{variant, Rule};

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
    /// An invisible character inside a word (a bidi mark, say): deleted, and leaves a space
    /// only where the script changes across it (an Arabic letter and a digit or a letter of
    /// another script), where the word scanner parts the word too.
    Join,
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

/// The rule that applies to `c` under `o`, or `Keep`: the character's class (from the shared
/// table in [`crate::text::chars`]) and, for a letter, the variant it is of
/// ([`crate::text::fold::variant`]) decide.
fn decide(c: char, o: &Options) -> Action {
    use Action::*;
    let on = |rule: bool, action: Action| if rule { action } else { Keep };
    match c {
        '\u{0660}'..='\u{0669}' => return on(o.digits, Map(shift(c, 0x0660))),
        '\u{06F0}'..='\u{06F9}' => return on(o.digits, Map(shift(c, 0x06F0))),
        '\u{066B}' => return on(o.digits, DigitSeparator('.')),
        '\u{066C}' => return on(o.digits, DigitSeparator(',')),
        '،' => return on(o.punctuation, Map(',')),
        '؛' => return on(o.punctuation, Map(';')),
        '؟' => return on(o.punctuation, Map('?')),
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' if o.presentation_forms => {
            return presentation::index(c).map_or(Keep, Expand)
        }
        _ => {}
    }
    match class(c) {
        chars::Class::LineBreak => on(o.whitespace, Newline),
        chars::Class::Space => on(o.whitespace, Space),
        // A zero-width space separates words; the other invisible characters belong to the
        // word they stand in (UAX #29), so removing them joins its letters again.
        chars::Class::InvisibleSpace => on(o.invisible, Break),
        chars::Class::Format if matches!(c, '\u{200C}' | '\u{200D}' | '\u{00AD}') => {
            on(o.invisible, Drop)
        }
        chars::Class::Format => on(o.invisible, Join),
        chars::Class::Diacritic => on(o.diacritics, Drop),
        chars::Class::Mark => on(o.diacritics && o.quranic_marks, Drop),
        chars::Class::Tatweel => on(o.tatweel, Drop),
        chars::Class::ArabicLetter => match variant(c) {
            Some((rule, to)) => on(
                match rule {
                    Rule::Alef => o.alef,
                    Rule::AlefMaqsura => o.alef_maqsura,
                    Rule::TehMarbuta => o.teh_marbuta,
                    Rule::Hamza => o.hamza,
                    Rule::Persian => o.persian,
                },
                Map(to),
            ),
            None => Keep,
        },
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
        assert_eq!(on.action('\u{200F}'), Action::Join);
        assert_eq!(on.action('\u{200C}'), Action::Drop);
        assert_eq!(on.action('\u{200B}'), Action::Break);
        assert_eq!(
            on.action('ﻻ'),
            Action::Expand(presentation::index('ﻻ').unwrap())
        );
        assert_eq!(on.action('€'), Action::Keep);
    }
}
