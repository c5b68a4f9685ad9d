//! Name lists: entity names seen in the training data, and hand-written trigger words (titles
//! that precede a person, heads of organization and place names).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::hash::{combine, hash_bytes};
use super::label::Label;
use super::lexicon::Lexicon;
use crate::text::fold::{fold_into, Digits};
use rustc_hash::FxBuildHasher;

/// Longest entry, in tokens, that the gazetteer matches.
pub const MAX_LEN: usize = 5;

const SALT_TOKEN: u64 = 0x0067_617a;

/// The hash the gazetteer uses for one folded token.
pub fn token_hash(folded: &str) -> u64 {
    hash_bytes(SALT_TOKEN, folded.as_bytes())
}

/// Entity names by label, matched as token sequences of base forms (see [`super::tokenize()`]).
#[derive(Default, Clone)]
pub struct Gazetteer {
    /// Hash of the whole token sequence → bit `label` set for each label it was seen with.
    entries: HashMap<u64, u8, FxBuildHasher>,
    /// Hash of one token → bit `label` set when it occurs in a name of that label.
    parts: HashMap<u64, u8, FxBuildHasher>,
}

impl Gazetteer {
    /// Adds a name given as folded tokens.
    pub fn add<'a>(&mut self, label: Label, tokens: impl IntoIterator<Item = &'a str>) {
        let mut h = 0u64;
        let mut n = 0;
        for t in tokens {
            let th = token_hash(t);
            *self.parts.entry(th).or_default() |= 1 << label as u8;
            h = if n == 0 { th } else { combine(h, th) };
            n += 1;
        }
        if (1..=MAX_LEN).contains(&n) {
            *self.entries.entry(h).or_default() |= 1 << label as u8;
        }
    }

    /// Parses lines of `LABEL TAB tokens separated by spaces` (folded here), read by
    /// `crate::tsv`; a row with an unknown label is left out too.
    pub fn parse(tsv: &str) -> Gazetteer {
        let mut g = Gazetteer::default();
        g.add_tsv(tsv);
        g
    }

    /// Adds the names of a TSV in the format of [`Gazetteer::parse`].
    pub fn add_tsv(&mut self, tsv: &str) {
        self.add_tsv_where(tsv, |_| true);
    }

    /// Adds the names of a TSV in the format of [`Gazetteer::parse`] whose folded tokens
    /// pass `keep`.
    pub fn add_tsv_where(&mut self, tsv: &str, keep: impl Fn(&[String]) -> bool) {
        let mut folded: Vec<String> = Vec::new();
        for row in crate::tsv::rows(tsv, 2) {
            let name = row.get(1);
            let Some(label) = Label::parse(row.get(0)) else {
                continue;
            };
            folded.clear();
            for t in name.split(' ').filter(|t| !t.is_empty()) {
                let mut f = String::with_capacity(t.len());
                fold_into(t, Digits::Zero, &mut f);
                folded.push(f);
            }
            if keep(&folded) {
                self.add(label, folded.iter().map(String::as_str));
            }
        }
    }

    /// Labels of the whole sequence whose combined token hash is `h` (a bit per label).
    pub fn entry(&self, h: u64) -> u8 {
        self.entries.get(&h).copied().unwrap_or(0)
    }

    /// Labels of the names that contain the token with hash `h` (a bit per label).
    pub fn part(&self, h: u64) -> u8 {
        self.parts.get(&h).copied().unwrap_or(0)
    }
}

const HAND_WRITTEN: &str = include_str!("../../data/entities/names.tsv");

/// The hand-written list of well-known recent names (`data/entities/names.tsv`) as TSV.
pub fn hand_written_tsv() -> &'static str {
    HAND_WRITTEN
}

static HAND: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::parse(HAND_WRITTEN));

/// The hand-written list of well-known recent names, which the document pass tags wherever
/// the model left them untagged.
pub fn hand_written() -> &'static Gazetteer {
    &HAND
}

/// Words at least this frequent in news (lexicon rank) are left out of the name lists as
/// one-word entries: من, كان, عمر as a word.
pub const LIST_STOP_RANK: u32 = 2_000;

static LISTS: LazyLock<Gazetteer> = LazyLock::new(|| {
    let lex = Lexicon::shipped();
    let mut g = Gazetteer::default();
    g.add_tsv_where(include_str!("../../data/entities/lists.tsv"), |tokens| {
        tokens.len() > 1
            || tokens
                .first()
                .and_then(|t| lex.get(t))
                .is_none_or(|info| info.rank >= LIST_STOP_RANK)
    });
    g
});

/// The permissively licensed name lists (`data/entities/lists.tsv`: person-name tokens,
/// place names), without the most frequent news words as one-word entries; parsed on first
/// use.
pub fn lists() -> &'static Gazetteer {
    &LISTS
}

/// Kinds of trigger words, as bits.
pub mod trigger {
    /// A title or role that precedes a person's name (الرئيس, الشيخ, وزير …).
    pub const PER: u8 = 1;
    /// The head of an organization's name (وزارة, حزب, شركة …).
    pub const ORG: u8 = 2;
    /// The head of a place name (مدينة, محافظة …).
    pub const LOC: u8 = 4;
    /// A verb or noun of speech that follows or precedes a speaker (قال, أكد …).
    pub const SAY: u8 = 8;
}

/// Trigger words keyed by their folded stem (without ال).
pub struct Triggers {
    words: HashMap<u64, u8, FxBuildHasher>,
}

impl Triggers {
    /// Parses lines of `KIND TAB word` (KIND is PER, ORG, LOC or SAY); words are folded and
    /// stripped of a leading ال.
    pub fn parse(tsv: &str) -> Triggers {
        let mut words = HashMap::with_hasher(FxBuildHasher);
        let mut folded = String::new();
        for row in crate::tsv::rows(tsv, 2) {
            let word = row.get(1);
            let bit = match row.get(0) {
                "PER" => trigger::PER,
                "ORG" => trigger::ORG,
                "LOC" => trigger::LOC,
                "SAY" => trigger::SAY,
                _ => continue,
            };
            folded.clear();
            fold_into(word.trim(), Digits::Zero, &mut folded);
            let stem = folded.strip_prefix("ال").filter(|s| s.chars().count() >= 2);
            *words
                .entry(token_hash(stem.unwrap_or(&folded)))
                .or_default() |= bit;
        }
        Triggers { words }
    }

    /// Trigger bits of a folded stem.
    pub fn get(&self, stem_hash: u64) -> u8 {
        self.words.get(&stem_hash).copied().unwrap_or(0)
    }

    /// The hand-written list compiled into the crate, parsed on first use.
    pub fn shipped() -> &'static Triggers {
        &TRIGGERS
    }
}

static TRIGGERS: LazyLock<Triggers> =
    LazyLock::new(|| Triggers::parse(include_str!("../../data/entities/triggers.tsv")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_and_parts() {
        let g = Gazetteer::parse("ORG\tالامم المتحده\nPER\tسامح شكري\nbad\n");
        let h = combine(token_hash("الامم"), token_hash("المتحده"));
        assert_eq!(g.entry(h), 1 << Label::Org as u8);
        assert_eq!(g.part(token_hash("شكري")), 1 << Label::Per as u8);
        assert_eq!(g.part(token_hash("جنيف")), 0);
    }

    #[test]
    fn triggers_fold_and_drop_the_article() {
        let t = Triggers::parse("PER\tالرئيس\nORG\tوزارة\nXX\tفي\n");
        assert_eq!(t.get(token_hash("رئيس")), trigger::PER);
        assert_eq!(t.get(token_hash("وزاره")), trigger::ORG);
        assert_eq!(t.get(token_hash("في")), 0);
    }

    #[test]
    fn shipped_lists_parse() {
        assert_ne!(Triggers::shipped().get(token_hash("وزاره")), 0);
    }
}
