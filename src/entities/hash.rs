//! The hash of the model's feature keys: small, fast and deterministic.
//!
//! It stays in-house, unlike the crate's hash maps (which use `rustc-hash`): the trained
//! weights in `data/entities/model.bin` and the gazetteer and silver tables are keyed by these
//! values, so changing the function would invalidate them.

use std::hash::Hasher;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Hashes `bytes` after mixing in `salt` (a feature template id, say); stable across runs
/// and platforms, so trained weights keyed by it stay valid.
pub fn hash_bytes(salt: u64, bytes: &[u8]) -> u64 {
    let mut h = FastHasher(salt.wrapping_mul(SEED) ^ 0x9e37_79b9_7f4a_7c15);
    h.write(bytes);
    h.finish()
}

/// Combines two hashes into one (for features made of several parts).
pub fn combine(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(26) ^ b.wrapping_mul(SEED))
}

fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// An FxHash-style hasher: eight bytes at a time, finished by a strong mix.
#[derive(Default, Clone, Copy)]
struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(SEED);
        }
        let mut tail = 0u64;
        for (i, &b) in chunks.remainder().iter().enumerate() {
            tail |= u64::from(b) << (8 * i);
        }
        self.0 = (self.0.rotate_left(5) ^ tail ^ (bytes.len() as u64) << 59).wrapping_mul(SEED);
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(SEED);
    }

    fn finish(&self) -> u64 {
        mix(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salt_and_length_change_the_hash() {
        assert_ne!(hash_bytes(1, b"abc"), hash_bytes(2, b"abc"));
        assert_ne!(hash_bytes(1, b"abc"), hash_bytes(1, b"abc\0"));
        assert_eq!(
            hash_bytes(7, "مدينة".as_bytes()),
            hash_bytes(7, "مدينة".as_bytes())
        );
    }
}
