//! Seeded random numbers: the app's one generator, for initial weights, synthetic lessons, test
//! data and the words the model draws when it writes.
//!
//! How it works: [`SeededRng`] wraps `rand_pcg::Pcg64Mcg` (a permuted congruential generator)
//! seeded with `rand::SeedableRng::seed_from_u64`. Both are value-stable: the same seed gives the
//! same stream on every platform and in every later release of those crates, which is what keeps
//! each lesson's story (its initial weights) and every `generate --seed S` draw the same forever.
//! The floats are made here from the generator's raw 64-bit outputs (the top 53 bits), not with
//! `rand`'s distributions, whose algorithms may change between releases.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

/// A deterministic generator (see the module docs).
#[derive(Debug, Clone)]
pub struct SeededRng(Pcg64Mcg);

impl SeededRng {
    pub fn new(seed: u64) -> Self {
        Self(Pcg64Mcg::seed_from_u64(seed))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// Uniform in [0, 1), from the top 53 bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in [lo, hi).
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.next_f64()
    }

    /// Uniform integer in 0..n (n > 0); the modulo bias (below 2^-40 for n < 2^24) is irrelevant.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stream_is_value_stable() {
        // The first outputs for seed 7, recorded when this generator was adopted: a change here
        // changes every lesson's initial weights (and so its story).
        let mut rng = SeededRng::new(7);
        let first: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        let mut again = SeededRng::new(7);
        assert_eq!(first, (0..3).map(|_| again.next_u64()).collect::<Vec<_>>());
        assert_eq!(first, RECORDED_SEED_7);
        assert_ne!(SeededRng::new(8).next_u64(), first[0]);
    }

    /// Pcg64Mcg::seed_from_u64(7), first three outputs.
    const RECORDED_SEED_7: [u64; 3] = [
        12726360963827698830,
        8784933628230385458,
        4994307442345819819,
    ];

    #[test]
    fn uniform_stays_in_range() {
        let mut rng = SeededRng::new(7);
        for _ in 0..1000 {
            let x = rng.uniform(-2.0, 3.0);
            assert!((-2.0..3.0).contains(&x));
            assert!(rng.below(5) < 5);
        }
    }
}
