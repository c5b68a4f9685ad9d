//! The trained weights: one row of tag weights per feature key, quantized to 16 bits, plus
//! the tag transition scores.
//!
//! File layout (little endian): `NQNER01\n`, the scale (f32), the transitions
//! ((TAGS + 1) × TAGS f32, start row last), the number of features n (u32), n sorted keys
//! (u32), n tag masks (u8: bit t set when tag t has a weight) and then, feature by feature,
//! one i16 per set bit. A weight is its i16 times the scale.

use super::decode::Transitions;
use super::label::TAGS;

const MAGIC: &[u8; 8] = b"NQNER02\n";
const EMPTY: u32 = u32::MAX;
const EMPTY_SLOT: Slot = Slot {
    key: EMPTY,
    weights: [0; TAGS],
};

/// One slot of the open-addressing table: a key and its whole weight row, so a lookup
/// touches one cache line.
#[derive(Clone, Copy)]
struct Slot {
    key: u32,
    weights: [i16; TAGS],
}

/// Trained weights ready for scoring.
pub struct Model {
    scale: f32,
    /// Transition scores between tags.
    pub transitions: Transitions,
    slots: Vec<Slot>,
    features: usize,
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Some(a)
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Option<f32> {
        self.u32().map(f32::from_bits)
    }
}

impl Model {
    /// A model with no features: every token scores zero.
    pub fn empty() -> Model {
        Model {
            scale: 0.0,
            transitions: [[0.0; TAGS]; TAGS + 1],
            slots: vec![EMPTY_SLOT],
            features: 0,
        }
    }

    /// Reads the binary format described in the module docs.
    pub fn parse(bytes: &[u8]) -> Option<Model> {
        let mut r = Reader(bytes);
        if r.take(8)? != MAGIC {
            return None;
        }
        let scale = r.f32()?;
        let mut transitions = [[0.0; TAGS]; TAGS + 1];
        for row in &mut transitions {
            for v in row.iter_mut() {
                *v = r.f32()?;
            }
        }
        let n = r.u32()? as usize;
        let keys = r.take(n.checked_mul(4)?)?;
        let masks = r.take(n)?;
        let total: usize = masks.iter().map(|m| m.count_ones() as usize).sum();
        let mut weights = r.take(total.checked_mul(2)?)?.chunks_exact(2);
        let cap = (n * 2).next_power_of_two().max(2);
        let mut slots = vec![EMPTY_SLOT; cap];
        for (k, &mask) in keys.chunks_exact(4).zip(masks) {
            let key = u32::from_le_bytes([k[0], k[1], k[2], k[3]]);
            let mut row = [0i16; TAGS];
            for (t, w) in row.iter_mut().enumerate() {
                if mask & (1 << t) != 0 {
                    let b = weights.next()?;
                    *w = i16::from_le_bytes([b[0], b[1]]);
                }
            }
            if key == EMPTY {
                continue;
            }
            let mut s = slot(key, cap);
            while slots[s].key != EMPTY && slots[s].key != key {
                s = (s + 1) & (cap - 1);
            }
            slots[s] = Slot { key, weights: row };
        }
        Some(Model {
            scale,
            transitions,
            slots,
            features: n,
        })
    }

    /// Serializes weights in the format of [`Model::parse`]: `features` holds each key's
    /// weights (already divided by `scale` and rounded), `transitions` the transition scores.
    pub fn encode(
        scale: f32,
        transitions: &Transitions,
        features: &[(u32, [i16; TAGS])],
    ) -> Vec<u8> {
        let mut feats: Vec<&(u32, [i16; TAGS])> = features
            .iter()
            .filter(|(_, w)| w.iter().any(|&x| x != 0))
            .collect();
        feats.sort_by_key(|(k, _)| *k);
        feats.dedup_by_key(|(k, _)| *k);
        let mut out = MAGIC.to_vec();
        out.extend(scale.to_le_bytes());
        for row in transitions {
            for v in row {
                out.extend(v.to_le_bytes());
            }
        }
        out.extend((feats.len() as u32).to_le_bytes());
        for (k, _) in &feats {
            out.extend(k.to_le_bytes());
        }
        for (_, w) in &feats {
            let mask = w
                .iter()
                .enumerate()
                .fold(0u8, |m, (t, &x)| m | (u8::from(x != 0) << t));
            out.push(mask);
        }
        for (_, w) in &feats {
            for x in w.iter().filter(|&&x| x != 0) {
                out.extend(x.to_le_bytes());
            }
        }
        out
    }

    /// Adds the weights of every feature in `keys` to `scores`.
    pub fn score(&self, keys: &[u32], scores: &mut [f32; TAGS]) {
        let mut acc = [0i32; TAGS];
        let cap = self.slots.len();
        for &key in keys {
            let mut s = slot(key, cap);
            loop {
                let slot = &self.slots[s];
                if slot.key == key {
                    for (a, &w) in acc.iter_mut().zip(&slot.weights) {
                        *a += i32::from(w);
                    }
                    break;
                }
                if slot.key == EMPTY {
                    break;
                }
                s = (s + 1) & (cap - 1);
            }
        }
        for (s, a) in scores.iter_mut().zip(acc) {
            *s += a as f32 * self.scale;
        }
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.features
    }

    /// True when the model has no feature weights.
    pub fn is_empty(&self) -> bool {
        self.features == 0
    }
}

fn slot(key: u32, cap: usize) -> usize {
    (key.wrapping_mul(0x9e37_79b1) >> 7) as usize & (cap - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_parse_score_round_trip() {
        let mut trans = [[0.0; TAGS]; TAGS + 1];
        trans[0][1] = 0.5;
        let feats = vec![
            (7u32, [0, 3, 0, 0, -2, 0, 0]),
            (9, [1, 0, 0, 0, 0, 0, 0]),
            (11, [0; TAGS]),
        ];
        let bytes = Model::encode(0.5, &trans, &feats);
        let m = Model::parse(&bytes).unwrap();
        assert_eq!(m.len(), 2);
        assert_eq!(m.transitions[0][1], 0.5);
        let mut s = [0.0; TAGS];
        m.score(&[7, 9, 11, 12345], &mut s);
        assert_eq!(s, [0.5, 1.5, 0.0, 0.0, -1.0, 0.0, 0.0]);
    }

    #[test]
    fn truncated_files_are_rejected() {
        let bytes = Model::encode(1.0, &[[0.0; TAGS]; TAGS + 1], &[(1, [1; TAGS])]);
        for cut in 0..bytes.len() {
            assert!(Model::parse(&bytes[..cut]).is_none());
        }
    }
}
