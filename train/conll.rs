//! Reading ANERcorp-style CoNLL files and scoring entities CoNLL-style (exact match).

use nuqta::entities::label::{begin, inside, is_inside, label_of, Label, O};

/// One sentence: its tokens and one BIO tag per token (MISC mapped to O).
pub struct Sentence {
    /// The tokens as written in the file.
    pub tokens: Vec<String>,
    /// Tags in the crate's numbering (see `nuqta::entities::label`).
    pub tags: Vec<u8>,
}

impl Sentence {
    /// The tokens joined by single spaces, and each token's byte range in that text.
    pub fn text(&self) -> (String, Vec<(usize, usize)>) {
        let mut text = String::new();
        let mut ranges = Vec::new();
        for t in &self.tokens {
            if !text.is_empty() {
                text.push(' ');
            }
            ranges.push((text.len(), text.len() + t.len()));
            text.push_str(t);
        }
        (text, ranges)
    }
}

/// Reads `token TAG` lines with blank lines between sentences. B-/I- PERS, LOC, ORG become
/// the crate's tags, anything else O; an I tag that does not continue its label becomes B.
pub fn read(path: &str) -> Vec<Sentence> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    let mut cur = Sentence {
        tokens: Vec::new(),
        tags: Vec::new(),
    };
    for line in text.lines().chain(std::iter::once("")) {
        let line = line.trim();
        if line.is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        tokens: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let (token, tag) = line.rsplit_once(' ').unwrap_or((line, "O"));
        let parsed = tag
            .split_once('-')
            .and_then(|(bi, l)| Label::parse(l).map(|l| (bi == "B", l)));
        let prev = cur.tags.last().copied().unwrap_or(O);
        let t = match parsed {
            None => O,
            Some((true, l)) => begin(l),
            Some((false, l)) if label_of(prev) == Some(l) => inside(l),
            Some((false, l)) => begin(l),
        };
        cur.tokens.push(token.to_string());
        cur.tags.push(t);
    }
    out
}

/// Entity chunks `(first token, one past last, label)` of a tag sequence.
pub fn chunks(tags: &[u8]) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        match label_of(tags[i]) {
            None => i += 1,
            Some(l) => {
                let mut j = i + 1;
                while j < tags.len() && is_inside(tags[j]) && label_of(tags[j]) == Some(l) {
                    j += 1;
                }
                out.push((i, j, l));
                i = j;
            }
        }
    }
    out
}

/// Counts of exact-match chunks per label.
#[derive(Default)]
pub struct Scores {
    tp: [usize; 3],
    pred: [usize; 3],
    gold: [usize; 3],
}

impl Scores {
    /// Adds one sentence's gold and predicted tags.
    pub fn add(&mut self, gold: &[u8], pred: &[u8]) {
        let g = chunks(gold);
        let p = chunks(pred);
        for c in &g {
            self.gold[c.2.index()] += 1;
        }
        for c in &p {
            self.pred[c.2.index()] += 1;
            if g.contains(c) {
                self.tp[c.2.index()] += 1;
            }
        }
    }

    fn prf(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
        let p = if pred == 0 {
            0.0
        } else {
            tp as f64 / pred as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            tp as f64 / gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    /// A table of precision, recall and F1 per label and micro overall.
    pub fn report(&self) -> String {
        let mut out = format!(
            "{:<8}{:>10}{:>10}{:>10}{:>8}\n",
            "label", "precision", "recall", "F1", "gold"
        );
        for l in Label::ALL {
            let i = l.index();
            let (p, r, f) = Self::prf(self.tp[i], self.pred[i], self.gold[i]);
            out += &format!(
                "{:<8}{:>10.4}{:>10.4}{:>10.4}{:>8}\n",
                l.as_str(),
                p,
                r,
                f,
                self.gold[i]
            );
        }
        let s = |a: &[usize; 3]| a.iter().sum::<usize>();
        let (p, r, f) = Self::prf(s(&self.tp), s(&self.pred), s(&self.gold));
        out += &format!(
            "{:<8}{:>10.4}{:>10.4}{:>10.4}{:>8}\n",
            "micro",
            p,
            r,
            f,
            s(&self.gold)
        );
        out
    }
}

/// Tags of the file's tokens (byte `ranges` in the joined text) from predicted entities: a
/// token overlapping an entity is inside it, the first such token begins it.
pub fn tags_from_entities(
    ranges: &[(usize, usize)],
    entities: &[nuqta::entities::Entity],
) -> Vec<u8> {
    let mut tags = vec![O; ranges.len()];
    let mut g = 0;
    for e in entities {
        while g < ranges.len() && ranges[g].1 <= e.start {
            g += 1;
        }
        let mut first = true;
        let mut k = g;
        while k < ranges.len() && ranges[k].0 < e.end {
            if tags[k] == O {
                tags[k] = if first {
                    begin(e.label)
                } else {
                    inside(e.label)
                };
            }
            first = false;
            k += 1;
        }
    }
    tags
}
