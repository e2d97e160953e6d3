//! The optimizers of MODEL.md: one full-batch step per epoch.
//!
//! How it works: [`OptimizerState`] keeps the per-parameter state (momentum's velocity, Adam's
//! two moments and step count t) and applies, for every parameter i:
//! - sgd:      theta -= lr * g
//! - momentum: v = 0.9 v + g; theta -= lr * v
//! - adam:     m = 0.9 m + 0.1 g; v = 0.999 v + 0.001 g^2; t += 1;
//!   theta -= lr * (m / (1 - 0.9^t)) / (sqrt(v / (1 - 0.999^t)) + 1e-8)   (eps outside the sqrt)

use crate::lesson::OptimizerKind;

pub const MOMENTUM: f64 = 0.9;
pub const ADAM_BETA1: f64 = 0.9;
pub const ADAM_BETA2: f64 = 0.999;
pub const ADAM_EPS: f64 = 1e-8;

/// Optimizer state for `n` parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct OptimizerState {
    kind: OptimizerKind,
    /// Momentum's velocity, or Adam's first moment m (empty for sgd).
    first: Vec<f64>,
    /// Adam's second moment v (empty otherwise).
    second: Vec<f64>,
    /// Steps taken so far (Adam's t after the next step is `steps + 1`).
    steps: u32,
}

impl OptimizerState {
    pub fn new(kind: OptimizerKind, n: usize) -> Self {
        let (first, second) = match kind {
            OptimizerKind::Sgd => (0, 0),
            OptimizerKind::Momentum => (n, 0),
            OptimizerKind::Adam => (n, n),
        };
        OptimizerState {
            kind,
            first: vec![0.0; first],
            second: vec![0.0; second],
            steps: 0,
        }
    }

    pub fn kind(&self) -> OptimizerKind {
        self.kind
    }

    /// Steps taken so far.
    pub fn steps(&self) -> u32 {
        self.steps
    }

    /// Momentum's velocity or Adam's m (empty for sgd).
    pub fn first_moment(&self) -> &[f64] {
        &self.first
    }

    /// Adam's v (empty for sgd and momentum).
    pub fn second_moment(&self) -> &[f64] {
        &self.second
    }

    /// One update of `params` with gradient `grads`.
    pub fn step(&mut self, params: &mut [f64], grads: &[f64], lr: f64) {
        assert_eq!(
            params.len(),
            grads.len(),
            "params and grads differ in length"
        );
        self.steps += 1;
        match self.kind {
            OptimizerKind::Sgd => {
                for (p, g) in params.iter_mut().zip(grads) {
                    *p -= lr * g;
                }
            }
            OptimizerKind::Momentum => {
                for ((p, g), v) in params.iter_mut().zip(grads).zip(&mut self.first) {
                    *v = MOMENTUM * *v + g;
                    *p -= lr * *v;
                }
            }
            OptimizerKind::Adam => {
                let t = self.steps as i32;
                let c1 = 1.0 - ADAM_BETA1.powi(t);
                let c2 = 1.0 - ADAM_BETA2.powi(t);
                let moments = self.first.iter_mut().zip(&mut self.second);
                for ((p, g), (m, v)) in params.iter_mut().zip(grads).zip(moments) {
                    *m = ADAM_BETA1 * *m + (1.0 - ADAM_BETA1) * g;
                    *v = ADAM_BETA2 * *v + (1.0 - ADAM_BETA2) * g * g;
                    *p -= lr * (*m / c1) / ((*v / c2).sqrt() + ADAM_EPS);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GRADS: [f64; 2] = [0.5, -2.0];

    fn two_steps(kind: OptimizerKind) -> (Vec<f64>, Vec<f64>) {
        let mut state = OptimizerState::new(kind, 2);
        let mut params = vec![1.0, -1.0];
        state.step(&mut params, &GRADS, 0.1);
        let first = params.clone();
        state.step(&mut params, &GRADS, 0.1);
        (first, params)
    }

    fn close(got: &[f64], want: &[f64]) {
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() < 1e-12, "{got:?} vs {want:?}");
        }
    }

    #[test]
    fn sgd_by_hand() {
        let (first, second) = two_steps(OptimizerKind::Sgd);
        close(&first, &[1.0 - 0.05, -1.0 + 0.2]);
        close(&second, &[1.0 - 0.1, -1.0 + 0.4]);
    }

    #[test]
    fn momentum_by_hand() {
        let (first, second) = two_steps(OptimizerKind::Momentum);
        // v1 = g; v2 = 0.9 g + g = 1.9 g.
        close(&first, &[0.95, -0.8]);
        close(&second, &[0.95 - 0.1 * 0.95, -0.8 + 0.1 * 3.8]);
    }

    #[test]
    fn adam_by_hand() {
        let (first, second) = two_steps(OptimizerKind::Adam);
        // Step 1: m = 0.1 g, v = 0.001 g^2; bias-corrected m/c1 = g, v/c2 = g^2, so the step is
        // lr * g / (|g| + 1e-8): about lr * sign(g).
        let step1 = |g: f64| 0.1 * g / (g.abs() + 1e-8);
        close(&first, &[1.0 - step1(0.5), -1.0 - step1(-2.0)]);
        // Step 2 with the same gradient: corrected moments are again g and g^2.
        close(&second, &[1.0 - 2.0 * step1(0.5), -1.0 - 2.0 * step1(-2.0)]);
    }

    #[test]
    fn adam_eps_is_outside_the_sqrt() {
        let mut state = OptimizerState::new(OptimizerKind::Adam, 1);
        let mut params = vec![0.0];
        state.step(&mut params, &[1e-8], 1.0);
        // m/c1 = 1e-8, sqrt(v/c2) = 1e-8: step = 1e-8 / (1e-8 + 1e-8) = 0.5.
        assert!((params[0] + 0.5).abs() < 1e-9, "{}", params[0]);
        assert_eq!(state.steps(), 1);
    }
}
