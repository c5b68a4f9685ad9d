//! BIO-constrained Viterbi decoding over per-token tag scores.

use super::label::{is_inside, TAGS};

/// Transition scores: `t[prev][next]`, with row `TAGS` for the start of a sentence.
pub type Transitions = [[f32; TAGS]; TAGS + 1];

/// True when tag `next` may follow `prev` (`None` at the start): an I tag only continues a
/// B or I tag of the same label.
pub fn allowed(prev: Option<u8>, next: u8) -> bool {
    if !is_inside(next) {
        return true;
    }
    match prev {
        None => false,
        Some(p) => p == next || p + 1 == next,
    }
}

/// Scratch space for decoding, reusable across sentences.
#[derive(Default)]
pub struct Viterbi {
    back: Vec<[u8; TAGS]>,
}

impl Viterbi {
    /// Writes the best BIO-valid tag sequence for `scores` into `out` (cleared first).
    pub fn decode(&mut self, scores: &[[f32; TAGS]], trans: &Transitions, out: &mut Vec<u8>) {
        out.clear();
        if scores.is_empty() {
            return;
        }
        self.back.clear();
        let mut prev = [f32::NEG_INFINITY; TAGS];
        for (t, p) in prev.iter_mut().enumerate() {
            if allowed(None, t as u8) {
                *p = trans[TAGS][t] + scores[0][t];
            }
        }
        self.back.push([0; TAGS]);
        for s in &scores[1..] {
            let mut cur = [f32::NEG_INFINITY; TAGS];
            let mut back = [0u8; TAGS];
            for (t, c) in cur.iter_mut().enumerate() {
                for (p, &ps) in prev.iter().enumerate() {
                    if ps == f32::NEG_INFINITY || !allowed(Some(p as u8), t as u8) {
                        continue;
                    }
                    let v = ps + trans[p][t];
                    if v > *c {
                        *c = v;
                        back[t] = p as u8;
                    }
                }
                *c += s[t];
            }
            self.back.push(back);
            prev = cur;
        }
        let mut best = 0;
        for t in 1..TAGS {
            if prev[t] > prev[best] {
                best = t;
            }
        }
        out.resize(scores.len(), 0);
        let mut tag = best as u8;
        for i in (0..scores.len()).rev() {
            out[i] = tag;
            tag = self.back[i][tag as usize];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_starts_or_jumps_into_an_inside_tag() {
        let trans = [[0.0; TAGS]; TAGS + 1];
        // Token scores favour I-PER everywhere; the best valid path is B-PER I-PER I-PER.
        let scores = vec![[0.0, 1.0, 5.0, 0.0, 0.0, 0.0, 0.0]; 3];
        let mut v = Viterbi::default();
        let mut out = Vec::new();
        v.decode(&scores, &trans, &mut out);
        assert_eq!(out, [1, 2, 2]);
        v.decode(&[], &trans, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn nan_scores_do_not_panic() {
        let trans = [[0.0; TAGS]; TAGS + 1];
        let scores = vec![[f32::NAN; TAGS]; 4];
        let mut out = Vec::new();
        Viterbi::default().decode(&scores, &trans, &mut out);
        assert_eq!(out.len(), 4);
    }
}
