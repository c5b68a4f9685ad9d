//! Document-level consistency: a name tagged once is tagged wherever else it occurs in the
//! same text, and a person's family name alone (لافروف after سيرغي لافروف) is that person.

use std::collections::HashMap;

use super::gazetteer::{token_hash, Gazetteer, MAX_LEN};
use super::hash::combine;
use super::label::{begin, inside, is_inside, label_of, Label, O};
use super::lexicon::Lexicon;
use super::tokenize::{Shape, Tokens};
use rustc_hash::FxBuildHasher;

/// Words this frequent in the lexicon are never tagged from a single-word match.
const COMMON_RANK: u32 = 3_000;

/// Tags untagged occurrences of names the model tagged elsewhere in `tags` (one tag per token
/// of `tokens`) and of the names in `known` (a curated list). Linear in the number of tokens.
pub fn propagate(tokens: &Tokens, lex: &Lexicon, known: &Gazetteer, tags: &mut [u8]) {
    let toks = &tokens.tokens;
    let n = toks.len().min(tags.len());
    let base: Vec<u64> = toks[..n]
        .iter()
        .map(|t| token_hash(tokens.get(t.base)))
        .collect();
    // Votes per name (hash of its base-form sequence) and per label.
    let mut names: HashMap<u64, [u32; 3], FxBuildHasher> = HashMap::default();
    let mut i = 0;
    while i < n {
        let Some(label) = label_of(tags[i]).filter(|_| !is_inside(tags[i])) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < n && tags[j] == inside(label) {
            j += 1;
        }
        if j - i <= MAX_LEN {
            let h = base[i + 1..j].iter().fold(base[i], |h, &b| combine(h, b));
            names.entry(h).or_default()[label.index()] += 1;
        }
        if label == Label::Per && j - i >= 2 {
            names.entry(base[j - 1]).or_default()[label.index()] += 1;
        }
        i = j;
    }
    let winner = |votes: &[u32; 3]| {
        let best = (0..3).max_by_key(|&l| votes[l]).unwrap_or(0);
        Label::ALL[best]
    };
    let mut i = 0;
    while i < n {
        if tags[i] != O {
            i += 1;
            continue;
        }
        let mut h = 0;
        let mut found = None;
        for len in 1..=MAX_LEN.min(n - i) {
            if tags[i + len - 1] != O {
                break;
            }
            h = if len == 1 {
                base[i]
            } else {
                combine(h, base[i + len - 1])
            };
            if let Some(votes) = names.get(&h) {
                if len > 1 || single_ok(tokens, lex, i) {
                    found = Some((len, winner(votes)));
                }
            } else if let Some(l) = Label::ALL
                .into_iter()
                .find(|l| known.entry(h) & 1 << *l as u8 != 0)
            {
                found = Some((len, l));
            }
        }
        match found {
            Some((len, label)) => {
                tags[i] = begin(label);
                for t in &mut tags[i + 1..i + len] {
                    *t = inside(label);
                }
                i += len;
            }
            None => i += 1,
        }
    }
}

fn single_ok(tokens: &Tokens, lex: &Lexicon, i: usize) -> bool {
    let t = &tokens.tokens[i];
    matches!(t.shape, Shape::Arabic | Shape::LatinUpper)
        && lex
            .get(tokens.get(t.base))
            .is_none_or(|w| w.rank >= COMMON_RANK)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tokenize::tokenize;

    #[test]
    fn family_name_and_repeated_name_are_tagged() {
        // a name, not among the most frequent (function) words
        let table: String = (0..300).map(|i| format!("w{i}\t0\t0\t0\n")).collect();
        let lex = Lexicon::parse(Box::leak(format!("{table}سيرغي\t0\t0\t0\n").into()));
        let mut toks = Tokens::default();
        tokenize("قال سيرغي لافروف إن لافروف وسيرغي لافروف", &lex, &mut toks);
        let mut tags = vec![0, 1, 2, 0, 0, 0, 0];
        propagate(&toks, &lex, &Gazetteer::default(), &mut tags);
        assert_eq!(tags, [0, 1, 2, 0, 1, 1, 2]);
    }

    #[test]
    fn curated_names_are_tagged() {
        let lex = Lexicon::parse("");
        let mut toks = Tokens::default();
        tokenize("ضد تنظيم داعش", &lex, &mut toks);
        let mut tags = vec![0; 3];
        propagate(&toks, &lex, &Gazetteer::parse("ORG\tداعش\n"), &mut tags);
        assert_eq!(tags, [0, 0, 5]);
    }
}
