//! The tests' generator of random inputs: xorshift64, deterministic from its seed.

/// A xorshift64 generator.
pub(crate) struct XorShift(u64);

impl XorShift {
    /// A generator starting from `seed` (not 0).
    pub(crate) fn new(seed: u64) -> XorShift {
        XorShift(seed)
    }

    /// The next number.
    pub(crate) fn next_u64(&mut self) -> u64 {
        let x = &mut self.0;
        *x ^= *x << 13;
        *x ^= *x >> 7;
        *x ^= *x << 17;
        *x
    }

    /// The next number below `n` (not 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}
