//! The word table learned from unlabeled news: each frequent word's frequency rank and its
//! word clusters at three granularities (see `data/README.md` and `train/README.md`).

use std::collections::HashMap;
use std::sync::LazyLock;

use rustc_hash::FxBuildHasher;

/// Number of cluster granularities stored per word (coarse to fine).
pub const LEVELS: usize = 3;

/// Frequency ranks and clusters of words, keyed by their folded form.
pub struct Lexicon {
    index: HashMap<&'static str, u32, FxBuildHasher>,
    clusters: Vec<[u16; LEVELS]>,
}

/// What the lexicon knows about one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordInfo {
    /// 0 for the most frequent word of the corpus.
    pub rank: u32,
    /// Cluster ids, coarse to fine.
    pub clusters: [u16; LEVELS],
}

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../data/entities/clusters.tsv")));

impl Lexicon {
    /// The table compiled into the crate, parsed on first use.
    pub fn shipped() -> &'static Lexicon {
        &LEXICON
    }

    /// Parses lines of `word TAB c1 TAB c2 TAB c3`, most frequent word first (read by
    /// `crate::tsv`; a row whose ids are not numbers is left out too).
    pub fn parse(tsv: &'static str) -> Lexicon {
        let mut index = HashMap::with_hasher(FxBuildHasher);
        let mut clusters = Vec::new();
        for row in crate::tsv::rows(tsv, 1 + LEVELS) {
            let word = row.get(0);
            let mut ids = [0u16; LEVELS];
            let mut ok = true;
            for (l, id) in ids.iter_mut().enumerate() {
                match row.get(1 + l).parse() {
                    Ok(v) => *id = v,
                    Err(_) => ok = false,
                }
            }
            if ok && !index.contains_key(word) {
                index.insert(word, clusters.len() as u32);
                clusters.push(ids);
            }
        }
        Lexicon { index, clusters }
    }

    /// Rank and clusters of a folded word, if the table has it.
    pub fn get(&self, folded: &str) -> Option<WordInfo> {
        let &rank = self.index.get(folded)?;
        Some(WordInfo {
            rank,
            clusters: self.clusters[rank as usize],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ranks_and_skips_bad_lines() {
        let lex = Lexicon::parse("في\t1\t2\t3\nbad line\nمن\t4\t5\t6\n");
        assert!(lex.get("bad line").is_none());
        assert_eq!(
            lex.get("من").map(|i| (i.rank, i.clusters)),
            Some((1, [4, 5, 6]))
        );
        assert_eq!(lex.get("عن"), None);
    }
}
