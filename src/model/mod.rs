//! The f64 CPU reference of MODEL.md: the oracle the GPU engine is tested against.
//!
//! How it works: parameters are one flat `Vec<f64>` laid out as in the GPU buffer ([`Dims`],
//! [`ParamOffsets`]); [`init_params`] fills it deterministically from a seed; [`forward`] and
//! [`gradients`] are the literal math of MODEL.md, one pair at a time; [`OptimizerState`] applies
//! sgd, momentum or Adam; [`ReferenceRun`] / [`train_reference`] train and record the history
//! epoch by epoch. Plain loops, no tricks: it is meant to be obviously right, not fast.
//! [`assert_close`] is the NaN-aware compare the tests (and GPU tests) use.

pub mod attention;
mod backward;
pub mod compare;
mod dims;
mod forward;
mod optimizer;
mod params;
mod reference;
pub mod sample;
#[cfg(test)]
mod story;
pub mod without_attention;

pub use backward::gradients;
pub use compare::{assert_close, widen};
pub use dims::{Dims, ParamOffsets};
pub use forward::{Forward, Pass, activate, activate_grad, forward, pass, softmax};
pub use optimizer::{ADAM_BETA1, ADAM_BETA2, ADAM_EPS, MOMENTUM, OptimizerState};
pub use params::init_params;
pub use reference::{EpochRecord, ReferenceRun, train_reference};
