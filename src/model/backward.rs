//! The backward pass of MODEL.md, in f64: the gradient of the mean loss for every parameter.
//!
//! How it works: after the forward pass, per pair j: dlogits_j = (p_j - onehot(target_j)) / N;
//! dw2 += h_j^T dlogits_j, db2 += dlogits_j; dh_j = dlogits_j . w2^T; dz_j = dh_j * act'(z_j);
//! dw1 += x_j^T dz_j, db1 += dz_j; dx_j = dz_j . w1^T is added into the embedding rows named by
//! the context (a word used twice gets both contributions).

use super::dims::Dims;
use super::forward::{Forward, activate_grad, forward, input_of};
use crate::lesson::{Activation, Pair};

/// The forward pass and the flat gradient (same layout as the parameters).
pub fn gradients(
    dims: &Dims,
    act: Activation,
    params: &[f64],
    pairs: &[Pair],
) -> (Forward, Vec<f64>) {
    let fwd = forward(dims, act, params, pairs);
    let o = dims.offsets();
    let (d, kd, h, v) = (dims.embed_dim, dims.input_dim(), dims.hidden, dims.vocab);
    let n = pairs.len().max(1) as f64;
    let mut grads = vec![0.0; o.total];
    for (j, pair) in pairs.iter().enumerate() {
        let x = input_of(dims, params, pair);
        let hid = &fwd.hidden[j];
        let mut dlogits: Vec<f64> = fwd.probs[j].iter().map(|p| p / n).collect();
        dlogits[pair.target as usize] -= 1.0 / n;

        for c in 0..v {
            grads[o.b2 + c] += dlogits[c];
            for r in 0..h {
                grads[o.w2 + r * v + c] += hid[r] * dlogits[c];
            }
        }
        let dz: Vec<f64> = (0..h)
            .map(|r| {
                let dh: f64 = (0..v).map(|c| dlogits[c] * params[o.w2 + r * v + c]).sum();
                dh * activate_grad(act, fwd.pre_act[j][r], hid[r])
            })
            .collect();
        for c in 0..h {
            grads[o.b1 + c] += dz[c];
            for r in 0..kd {
                grads[o.w1 + r * h + c] += x[r] * dz[c];
            }
        }
        for (slot, &word) in pair.context.iter().enumerate() {
            for e in 0..d {
                let r = slot * d + e;
                let dx: f64 = (0..h).map(|c| dz[c] * params[o.w1 + r * h + c]).sum();
                grads[o.embedding + word as usize * d + e] += dx;
            }
        }
    }
    (fwd, grads)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::compare::assert_close;
    use crate::model::params::init_params;
    use crate::rng::SeededRng;

    fn random_pairs(dims: &Dims, n: usize, rng: &mut SeededRng) -> Vec<Pair> {
        let v = dims.vocab as u64;
        (0..n)
            .map(|_| Pair {
                context: (0..dims.context).map(|_| rng.below(v) as u32).collect(),
                target: rng.below(v) as u32,
            })
            .collect()
    }

    /// Central differences of the loss for every parameter.
    fn numeric_gradients(dims: &Dims, act: Activation, params: &[f64], pairs: &[Pair]) -> Vec<f64> {
        let step = 1e-6;
        let mut p = params.to_vec();
        (0..p.len())
            .map(|i| {
                let orig = p[i];
                p[i] = orig + step;
                let up = forward(dims, act, &p, pairs).loss;
                p[i] = orig - step;
                let down = forward(dims, act, &p, pairs).loss;
                p[i] = orig;
                (up - down) / (2.0 * step)
            })
            .collect()
    }

    fn check(act: Activation, context: usize, seed: u64) {
        let mut rng = SeededRng::new(seed ^ 0xABCD);
        let dims = Dims {
            vocab: 3 + rng.below(5) as usize,
            embed_dim: 1 + rng.below(5) as usize,
            hidden: 1 + rng.below(6) as usize,
            context,
        };
        let mut params = init_params(&dims, seed);
        // Non-zero biases too, so their paths are exercised away from the init.
        for p in params.iter_mut() {
            *p += rng.uniform(-0.5, 0.5);
        }
        let pairs = random_pairs(&dims, 2 + rng.below(6) as usize, &mut rng);
        let (_, got) = gradients(&dims, act, &params, &pairs);
        let want = numeric_gradients(&dims, act, &params, &pairs);
        let name = format!("{act:?} k={context} seed={seed} {dims:?}");
        if let Err(e) = assert_close(&name, &got, &want, 1e-5, 1e-8) {
            panic!("{e}");
        }
    }

    #[test]
    fn finite_differences_tanh() {
        for seed in 0..6 {
            check(Activation::Tanh, 1, seed);
            check(Activation::Tanh, 2, seed);
        }
    }

    #[test]
    fn finite_differences_relu() {
        for seed in 0..6 {
            check(Activation::Relu, 1, seed);
            check(Activation::Relu, 2, seed);
        }
    }

    #[test]
    fn repeated_context_word_gets_both_contributions() {
        // "a a -> b": the same embedding row is used in both context slots.
        let dims = Dims {
            vocab: 2,
            embed_dim: 2,
            hidden: 3,
            context: 2,
        };
        let params = init_params(&dims, 3);
        let pairs = [Pair {
            context: vec![0, 0],
            target: 1,
        }];
        let (_, got) = gradients(&dims, Activation::Tanh, &params, &pairs);
        let want = numeric_gradients(&dims, Activation::Tanh, &params, &pairs);
        assert_close("repeated", &got, &want, 1e-5, 1e-8).unwrap();
        // Word 1 is never a context word: its embedding row gets no gradient.
        assert_eq!(&got[2..4], &[0.0, 0.0]);
    }
}
