//! How often the tagger itself labels each word in unlabeled news ("silver" statistics).
//!
//! A name the model has never seen in training often occurs in the unlabeled corpus in easy
//! contexts too (after a title, before قال); the share of its occurrences tagged PER, LOC or
//! ORG there is a strong hint in a hard context. Built by `train/train_ner.rs`, jackknifed
//! during training so the feature is never computed from a model that saw the sentence.

use std::collections::HashMap;

use super::gazetteer::token_hash;
#[cfg(any(test, feature = "training"))]
use super::label::{label_of, Label};
use rustc_hash::FxBuildHasher;

/// Per word: a bucket 0..=5 of the share of its occurrences tagged PER, LOC and ORG.
#[derive(Default, Clone)]
pub struct Silver {
    buckets: HashMap<u64, [u8; 3], FxBuildHasher>,
}

/// Occurrence counts per word (keyed by the hash of its folded form) and tag class, and of
/// the multi-word names tagged.
#[cfg(any(test, feature = "training"))]
#[derive(Default)]
pub struct SilverCounts {
    counts: HashMap<u64, ([u32; 4], String), FxBuildHasher>,
    names: HashMap<String, [u32; 3]>,
}

#[cfg(any(test, feature = "training"))]
impl SilverCounts {
    /// Counts one token with folded form `word` tagged `tag`.
    pub fn add(&mut self, word: &str, tag: u8) {
        let class = label_of(tag).map_or(0, |l| 1 + l.index());
        let e = self
            .counts
            .entry(token_hash(word))
            .or_insert_with(|| ([0; 4], word.to_string()));
        e.0[class] += 1;
    }

    /// Counts one tagged name of two words or more (folded base forms joined by spaces).
    pub fn add_name(&mut self, name: &str, label: Label) {
        match self.names.get_mut(name) {
            Some(c) => c[label.index()] += 1,
            None => {
                let mut c = [0; 3];
                c[label.index()] = 1;
                self.names.insert(name.to_string(), c);
            }
        }
    }

    /// Names tagged at least `min_count` times, at least 80 % of them with one label.
    pub fn names(&self, min_count: u32) -> Vec<(Label, String)> {
        let mut out = Vec::new();
        for (name, c) in &self.names {
            let total: u32 = c.iter().sum();
            if let Some(l) = Label::ALL
                .into_iter()
                .find(|l| c[l.index()] * 5 >= total * 4)
            {
                if total >= min_count {
                    out.push((l, name.clone()));
                }
            }
        }
        out.sort();
        out
    }

    /// Merges another set of counts into this one.
    #[cfg(feature = "training")]
    pub fn merge(&mut self, other: SilverCounts) {
        for (name, c) in other.names {
            let e = self.names.entry(name).or_default();
            for (a, b) in e.iter_mut().zip(c) {
                *a += b;
            }
        }
        for (h, (c, w)) in other.counts {
            let e = self.counts.entry(h).or_insert_with(|| ([0; 4], w));
            for (a, b) in e.0.iter_mut().zip(c) {
                *a += b;
            }
        }
    }

    /// Words seen at least `min_count` times with a non-zero bucket, as `(word, buckets)`.
    pub fn finish(&self, min_count: u32) -> Vec<(String, [u8; 3])> {
        let mut out = Vec::new();
        for (c, w) in self.counts.values() {
            let total: u32 = c.iter().sum();
            if total < min_count {
                continue;
            }
            let b = [1, 2, 3].map(|l| bucket(c[l] as f32 / total as f32));
            if b.iter().any(|&x| x > 0) {
                out.push((w.clone(), b));
            }
        }
        out.sort();
        out
    }
}

/// The bucket of a share: 0 below 2 %, then 10 %, 30 %, 60 %, 90 %, and 5 above.
#[cfg(any(test, feature = "training"))]
pub fn bucket(p: f32) -> u8 {
    [0.02, 0.1, 0.3, 0.6, 0.9]
        .iter()
        .filter(|&&t| p >= t)
        .count() as u8
}

impl Silver {
    /// A table of `(word, buckets)` pairs.
    pub fn from_pairs(pairs: &[(String, [u8; 3])]) -> Silver {
        let buckets = pairs.iter().map(|(w, b)| (token_hash(w), *b)).collect();
        Silver { buckets }
    }

    /// Parses lines of `word TAB per TAB loc TAB org` (buckets 0..=5), read by
    /// `crate::tsv`; a row whose buckets are not numbers is left out too.
    pub fn parse(tsv: &str) -> Silver {
        let mut buckets = HashMap::with_hasher(FxBuildHasher);
        for row in crate::tsv::rows(tsv, 4) {
            let word = row.get(0);
            let mut b = [0u8; 3];
            if b.iter_mut()
                .enumerate()
                .all(|(l, x)| row.get(1 + l).parse().map(|v: u8| *x = v.min(5)).is_ok())
            {
                buckets.insert(token_hash(word), b);
            }
        }
        Silver { buckets }
    }

    /// Buckets of the folded word with hash `h` (zeros when unknown).
    pub fn get(&self, h: u64) -> [u8; 3] {
        self.buckets.get(&h).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_to_buckets_and_back() {
        let mut c = SilverCounts::default();
        for _ in 0..9 {
            c.add("لافروف", 1);
        }
        c.add("لافروف", 0);
        c.add("في", 0);
        c.add_name("سيرغي لافروف", Label::Per);
        c.add_name("سيرغي لافروف", Label::Per);
        assert_eq!(c.names(2), [(Label::Per, "سيرغي لافروف".to_string())]);
        assert!(c.names(3).is_empty());
        let pairs = c.finish(2);
        assert_eq!(pairs, [("لافروف".to_string(), [5, 0, 0])]);
        let s = Silver::parse("لافروف\t5\t0\t0\nbad\n");
        assert_eq!(s.get(token_hash("لافروف")), [5, 0, 0]);
        assert_eq!(Silver::from_pairs(&pairs).get(token_hash("في")), [0, 0, 0]);
    }
}
