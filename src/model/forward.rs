//! The forward pass of MODEL.md, in f64.
//!
//! How it works: for each pair j, x_j concatenates the context words' embedding rows,
//! z_j = x_j . w1 + b1, h_j = act(z_j), logits_j = h_j . w2 + b2, p_j = softmax(logits_j) with the
//! max subtracted before `exp`, and the loss is the mean of -ln p_j[target_j].

use super::dims::Dims;
use crate::lesson::{Activation, Pair};

/// Everything the forward pass computes, per pair in pair order.
#[derive(Debug, Clone, PartialEq)]
pub struct Forward {
    /// Mean cross-entropy over the pairs.
    pub loss: f64,
    /// p_j: V probabilities per pair.
    pub probs: Vec<Vec<f64>>,
    /// h_j = act(z_j): H activations per pair.
    pub hidden: Vec<Vec<f64>>,
    /// z_j: H pre-activations per pair.
    pub pre_act: Vec<Vec<f64>>,
}

/// act(z).
pub fn activate(act: Activation, z: f64) -> f64 {
    match act {
        Activation::Tanh => z.tanh(),
        Activation::Relu => z.max(0.0),
    }
}

/// act'(z) given z and h = act(z): 1 - h^2 for tanh; 1 if z > 0 else 0 for relu.
pub fn activate_grad(act: Activation, z: f64, h: f64) -> f64 {
    match act {
        Activation::Tanh => 1.0 - h * h,
        Activation::Relu => {
            if z > 0.0 {
                1.0
            } else {
                0.0
            }
        }
    }
}

/// x_j: the concatenated embedding rows of the pair's context (k*D values).
pub fn input_of(dims: &Dims, params: &[f64], pair: &Pair) -> Vec<f64> {
    let d = dims.embed_dim;
    let base = dims.offsets().embedding;
    pair.context
        .iter()
        .flat_map(|&w| {
            let row = base + w as usize * d;
            params[row..row + d].iter().copied()
        })
        .collect()
}

/// Softmax with the max subtracted before `exp`.
pub fn softmax(logits: &[f64]) -> Vec<f64> {
    let max = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exps: Vec<f64> = logits.iter().map(|&l| (l - max).exp()).collect();
    let sum: f64 = exps.iter().sum();
    exps.iter().map(|e| e / sum).collect()
}

/// One context through the network, every intermediate value: MODEL.md's forward for one pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Pass {
    /// The context words' embeddings, concatenated (k*D).
    pub x: Vec<f64>,
    /// z = x . w1 + b1 (H).
    pub z: Vec<f64>,
    /// h = act(z) (H).
    pub h: Vec<f64>,
    /// logits = h . w2 + b2 (V).
    pub logits: Vec<f64>,
    /// softmax(logits) (V).
    pub probs: Vec<f64>,
}

/// The forward pass of one `context` (k word ids).
pub fn pass(dims: &Dims, act: Activation, params: &[f64], context: &[u32]) -> Pass {
    let o = dims.offsets();
    let (kd, h, v) = (dims.input_dim(), dims.hidden, dims.vocab);
    let pair = Pair {
        context: context.to_vec(),
        target: 0,
    };
    let x = input_of(dims, params, &pair);
    let z: Vec<f64> = (0..h)
        .map(|c| {
            params[o.b1 + c]
                + (0..kd)
                    .map(|r| x[r] * params[o.w1 + r * h + c])
                    .sum::<f64>()
        })
        .collect();
    let hid: Vec<f64> = z.iter().map(|&zc| activate(act, zc)).collect();
    let logits: Vec<f64> = (0..v)
        .map(|c| {
            params[o.b2 + c]
                + (0..h)
                    .map(|r| hid[r] * params[o.w2 + r * v + c])
                    .sum::<f64>()
        })
        .collect();
    let probs = softmax(&logits);
    Pass {
        x,
        z,
        h: hid,
        logits,
        probs,
    }
}

/// Runs the model on every pair. `params` has the layout of [`Dims::offsets`].
pub fn forward(dims: &Dims, act: Activation, params: &[f64], pairs: &[Pair]) -> Forward {
    assert_eq!(params.len(), dims.param_count(), "parameter count");
    let mut out = Forward {
        loss: 0.0,
        probs: Vec::with_capacity(pairs.len()),
        hidden: Vec::with_capacity(pairs.len()),
        pre_act: Vec::with_capacity(pairs.len()),
    };
    for pair in pairs {
        let p = pass(dims, act, params, &pair.context);
        out.loss -= p.probs[pair.target as usize].ln();
        out.probs.push(p.probs);
        out.hidden.push(p.h);
        out.pre_act.push(p.z);
    }
    out.loss /= pairs.len().max(1) as f64;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn softmax_is_stable_and_normalized() {
        let p = softmax(&[1000.0, 1000.0, f64::NEG_INFINITY]);
        assert_eq!(p, vec![0.5, 0.5, 0.0]);
        let q = softmax(&[0.0, 2.0_f64.ln()]);
        assert!((q[0] - 1.0 / 3.0).abs() < 1e-15 && (q[1] - 2.0 / 3.0).abs() < 1e-15);
    }

    #[test]
    fn hand_computed_tiny_case() {
        // V=2, D=1, H=1, k=1: embedding [1, -1], w1 [[2]], b1 [0.5], w2 [[1, -1]], b2 [0, 0.25].
        let dims = Dims {
            vocab: 2,
            embed_dim: 1,
            hidden: 1,
            context: 1,
        };
        let params = [1.0, -1.0, 2.0, 0.5, 1.0, -1.0, 0.0, 0.25];
        let pairs = [
            Pair {
                context: vec![0],
                target: 1,
            },
            Pair {
                context: vec![1],
                target: 0,
            },
        ];
        let f = forward(&dims, Activation::Tanh, &params, &pairs);
        // pair 0: z = 2.5, h = tanh 2.5, logits (h, 0.25 - h); pair 1: z = -1.5, h = tanh -1.5.
        let (h0, h1) = (2.5f64.tanh(), (-1.5f64).tanh());
        let p0_1 = 1.0 / (1.0 + (h0 - (0.25 - h0)).exp());
        let p1_0 = 1.0 / (1.0 + ((0.25 - h1) - h1).exp());
        let want = -(p0_1.ln() + p1_0.ln()) / 2.0;
        assert!((f.loss - want).abs() < 1e-14, "{} vs {want}", f.loss);
        assert_eq!(f.pre_act, vec![vec![2.5], vec![-1.5]]);
        assert_eq!(f.hidden, vec![vec![h0], vec![h1]]);
        assert!((f.probs[0][1] - p0_1).abs() < 1e-15);

        let r = forward(&dims, Activation::Relu, &params, &pairs);
        assert_eq!(r.hidden, vec![vec![2.5], vec![0.0]]);
        // pair 1 has h = 0, so its logits are just b2 = (0, 0.25).
        assert!((r.probs[1][0] - 1.0 / (1.0 + 0.25f64.exp())).abs() < 1e-15);
    }
}
