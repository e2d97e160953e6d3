//! Initial parameters, deterministic from a seed.
//!
//! How it works (the init scheme): one [`SeededRng`] stream seeded with the run's seed fills the
//! flat vector in layout order (embedding, w1, b1, w2, b2), one draw per weight:
//! - embedding ~ U(-1, 1): words start as distinct, well-spread points;
//! - w1 ~ U(-a, a), a = sqrt(6 / (k*D + H)) (Glorot uniform);
//! - w2 ~ U(-b, b), b = sqrt(6 / (H + V)) (Glorot uniform);
//! - b1 = b2 = 0 (no draw).
//!
//! Every value is rounded to f32 and back, so the f32 GPU engine and this f64 reference start
//! from exactly the same numbers.

use super::dims::Dims;
use crate::rng::SeededRng;

/// Initial parameters for `dims`, in the flat layout of [`Dims::offsets`].
pub fn init_params(dims: &Dims, seed: u64) -> Vec<f64> {
    let o = dims.offsets();
    let mut rng = SeededRng::new(seed);
    let a = (6.0 / (dims.input_dim() + dims.hidden) as f64).sqrt();
    let b = (6.0 / (dims.hidden + dims.vocab) as f64).sqrt();
    let mut params = vec![0.0; o.total];
    let mut fill = |range: std::ops::Range<usize>, limit: f64| {
        for p in &mut params[range] {
            *p = f64::from(rng.uniform(-limit, limit) as f32);
        }
    };
    fill(o.embedding..o.w1, 1.0);
    fill(o.w1..o.b1, a);
    fill(o.w2..o.b2, b);
    params
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIMS: Dims = Dims {
        vocab: 5,
        embed_dim: 8,
        hidden: 4,
        context: 1,
    };

    #[test]
    fn deterministic_f32_exact_and_in_range() {
        let p = init_params(&DIMS, 7);
        assert_eq!(p, init_params(&DIMS, 7));
        assert_ne!(p, init_params(&DIMS, 8));
        assert!(p.iter().all(|&x| f64::from(x as f32) == x));
        let o = DIMS.offsets();
        assert!(p[o.embedding..o.w1].iter().all(|x| x.abs() <= 1.0));
        assert!(
            p[o.w1..o.b1]
                .iter()
                .all(|x| x.abs() <= (6.0f64 / 12.0).sqrt())
        );
        assert!(p[o.b1..o.w2].iter().all(|&x| x == 0.0));
        assert!(
            p[o.w2..o.b2]
                .iter()
                .all(|x| x.abs() <= (6.0f64 / 9.0).sqrt())
        );
        assert!(p[o.b2..].iter().all(|&x| x == 0.0));
    }
}
