//! The math card's numbers: MODEL.md's forward pass for the selected pair, computed with the
//! parameters of the shown epoch as the GPU recorded them, and one step of the backward pass.
//!
//! How it works: [`MathView::new`] takes the shown epoch's parameters from the
//! [`LessonSummary`] (read back from the engine's history slot, the same slot as every other
//! number of the frame), widens them to f64 and runs [`crate::model::pass`] on the selected
//! pair's context: x, z = x·w1 + b1, h = act(z), the logits and the softmax. The gradient shown is
//! the one of this pair's loss for the weight from the most active hidden neuron j to the right
//! word t: ∂loss/∂w2[j,t] = h_j · (p_t − 1) (MODEL.md's dlogits = p − onehot).

use super::summary::{LessonInfo, LessonSummary};
use crate::model::{Pass, pass};

/// One weight's gradient for one pair: ∂loss/∂w2[unit, word] = h[unit] · (p[word] − 1).
#[derive(Clone, Debug, PartialEq)]
pub struct OneGradient {
    /// The hidden neuron the weight leaves.
    pub unit: usize,
    /// The word it points to (the pair's right word).
    pub word: u32,
    pub h: f64,
    pub p: f64,
    pub value: f64,
}

/// The forward pass of one pair at one epoch, and one gradient.
#[derive(Clone, Debug, PartialEq)]
pub struct MathView {
    pub epoch: u32,
    pub context: Vec<u32>,
    pub target: u32,
    pub pass: Pass,
    /// P(target | context).
    pub p_target: f64,
    /// This pair's loss, −ln P(target).
    pub loss: f64,
    pub gradient: OneGradient,
}

impl MathView {
    /// The math of recorded pair `pair` at the summary's shown epoch; None before the numbers
    /// have been read (or when they do not fit the lesson).
    pub fn new(info: &LessonInfo, summary: &LessonSummary, pair: u32) -> Option<Self> {
        let dims = info.dims();
        let params: Vec<f64> = summary
            .params_at_playhead
            .iter()
            .map(|&x| f64::from(x))
            .collect();
        if params.len() != dims.param_count() {
            return None;
        }
        let p = info.recorded.get(pair as usize)?;
        let pass = pass(&dims, info.activation, &params, &p.context);
        let p_target = *pass.probs.get(p.target as usize)?;
        let unit =
            (0..pass.h.len()).max_by(|&a, &b| pass.h[a].abs().total_cmp(&pass.h[b].abs()))?;
        let h = pass.h[unit];
        let gradient = OneGradient {
            unit,
            word: p.target,
            h,
            p: p_target,
            value: h * (p_target - 1.0),
        };
        Some(Self {
            epoch: summary.shown_epoch,
            context: p.context.clone(),
            target: p.target,
            p_target,
            loss: -p_target.max(f64::MIN_POSITIVE).ln(),
            pass,
            gradient,
        })
    }
}
