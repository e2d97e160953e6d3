//! A CPU trainer that follows MODEL.md step by step and records the history, for tests.
//!
//! How it works: [`ReferenceRun`] holds the parameters, the optimizer state and the epoch count.
//! Epoch 0 is the untrained model; each [`ReferenceRun::step`] is one full-batch update, after
//! which the run is at the next epoch. [`train_reference`] records epochs 0..=N: the loss, the
//! probabilities and hidden activations of every pair, and the parameters at that epoch.

use super::backward::gradients;
use super::dims::Dims;
use super::forward::{Forward, forward};
use super::optimizer::OptimizerState;
use crate::lesson::{Activation, OptimizerKind, Pair};

/// The state of one run at one epoch.
#[derive(Debug, Clone, PartialEq)]
pub struct EpochRecord {
    pub epoch: u32,
    pub loss: f64,
    /// Per pair, V probabilities.
    pub probs: Vec<Vec<f64>>,
    /// Per pair, H hidden activations h.
    pub hidden: Vec<Vec<f64>>,
    /// The flat parameters at this epoch.
    pub params: Vec<f64>,
}

/// One training run on the CPU.
#[derive(Debug, Clone)]
pub struct ReferenceRun {
    dims: Dims,
    act: Activation,
    lr: f64,
    params: Vec<f64>,
    optimizer: OptimizerState,
    epoch: u32,
}

impl ReferenceRun {
    /// A run at epoch 0 with the given initial parameters (see `init_params`).
    pub fn new(dims: Dims, act: Activation, opt: OptimizerKind, lr: f64, params: Vec<f64>) -> Self {
        assert_eq!(params.len(), dims.param_count(), "parameter count");
        let optimizer = OptimizerState::new(opt, params.len());
        ReferenceRun {
            dims,
            act,
            lr,
            params,
            optimizer,
            epoch: 0,
        }
    }

    fn make_record(&self, fwd: Forward) -> EpochRecord {
        EpochRecord {
            epoch: self.epoch,
            loss: fwd.loss,
            probs: fwd.probs,
            hidden: fwd.hidden,
            params: self.params.clone(),
        }
    }

    /// The record of the current epoch.
    pub fn record(&self, pairs: &[Pair]) -> EpochRecord {
        self.make_record(forward(&self.dims, self.act, &self.params, pairs))
    }

    /// One full-batch update: the run moves to the next epoch.
    pub fn step(&mut self, pairs: &[Pair]) {
        self.step_recording(pairs);
    }

    /// Records the current epoch and then takes one step (one forward pass for both).
    pub fn step_recording(&mut self, pairs: &[Pair]) -> EpochRecord {
        let (fwd, grads) = gradients(&self.dims, self.act, &self.params, pairs);
        let record = self.make_record(fwd);
        self.optimizer.step(&mut self.params, &grads, self.lr);
        self.epoch += 1;
        record
    }

    pub fn epoch(&self) -> u32 {
        self.epoch
    }

    pub fn params(&self) -> &[f64] {
        &self.params
    }

    pub fn dims(&self) -> &Dims {
        &self.dims
    }

    pub fn optimizer(&self) -> &OptimizerState {
        &self.optimizer
    }
}

/// Trains for `epochs` updates and returns the records of epochs 0..=epochs.
pub fn train_reference(
    dims: Dims,
    act: Activation,
    opt: OptimizerKind,
    lr: f64,
    params: Vec<f64>,
    pairs: &[Pair],
    epochs: u32,
) -> Vec<EpochRecord> {
    let mut run = ReferenceRun::new(dims, act, opt, lr, params);
    let mut history: Vec<EpochRecord> = (0..epochs).map(|_| run.step_recording(pairs)).collect();
    history.push(run.record(pairs));
    history
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::params::init_params;

    fn setup() -> (Dims, Vec<Pair>, Vec<f64>) {
        let dims = Dims {
            vocab: 5,
            embed_dim: 8,
            hidden: 4,
            context: 1,
        };
        let pairs: Vec<Pair> = [(0, 1), (1, 2), (2, 3), (3, 0), (0, 4)]
            .iter()
            .map(|&(c, t)| Pair {
                context: vec![c],
                target: t,
            })
            .collect();
        let params = init_params(&dims, 1);
        (dims, pairs, params)
    }

    #[test]
    fn history_numbers_epochs_zero_to_n() {
        let (dims, pairs, params) = setup();
        let history = train_reference(
            dims,
            Activation::Tanh,
            OptimizerKind::Sgd,
            0.5,
            params.clone(),
            &pairs,
            3,
        );
        assert_eq!(
            history.iter().map(|r| r.epoch).collect::<Vec<_>>(),
            vec![0, 1, 2, 3]
        );
        assert_eq!(history[0].params, params);
        assert_eq!(
            history[0].loss,
            forward(&dims, Activation::Tanh, &params, &pairs).loss
        );
        assert!(history[3].loss < history[0].loss);
        assert_eq!(history[0].probs.len(), 5);
        assert_eq!(history[0].hidden[0].len(), 4);
    }

    #[test]
    fn stepping_by_hand_matches_train_reference() {
        let (dims, pairs, params) = setup();
        let history = train_reference(
            dims,
            Activation::Relu,
            OptimizerKind::Adam,
            0.01,
            params.clone(),
            &pairs,
            4,
        );
        let mut run = ReferenceRun::new(dims, Activation::Relu, OptimizerKind::Adam, 0.01, params);
        for want in &history {
            assert_eq!(run.epoch(), want.epoch);
            assert_eq!(&run.record(&pairs), want);
            run.step(&pairs);
        }
        assert_eq!(run.optimizer().steps(), 5);
    }
}
