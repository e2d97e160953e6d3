//! The training engine: the model of MODEL.md trained by WGSL compute shaders.
//!
//! Parameters, gradients, optimizer state, per-run state and the whole training history live in
//! GPU storage buffers ([`buffers`]). A [`Trainer`] plans training with the host-side
//! [`schedule`] (which epochs get history slots, when to compact) and encodes it as dispatches of
//! kernels specialised to the model ([`shader_source`]): for small models a fused kernel trains
//! many epochs of every run per dispatch (one workgroup per run); big models run the same phases
//! (shaders/engine/phases.wgsl) as one dispatch each over all cores, with pairs in chunks.
//! Nothing is read back unless asked ([`readout`]).

pub mod attention;
pub mod attention_bench;
pub mod attention_history;
pub mod bench;
pub mod buffers;
mod compact;
mod fused;
pub mod history;
pub mod kernel;
mod layered;
pub mod live;
pub mod readout;
pub mod sampler;
pub mod schedule;
mod setup;
pub mod shader_source;
mod trainer;
pub mod unrolled;

pub use buffers::{NOT_DIVERGED, RunState};
pub use history::{HistoryBuffers, HistoryLayout};
pub use readout::HistoryReadout;
pub use setup::{KernelChoice, TrainingSetup, default_recorded_pairs};
pub use trainer::{MAX_EPOCHS_PER_DISPATCH, Trainer};

/// Errors creating a trainer.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("invalid training setup: {0}")]
    Invalid(String),
    #[error(
        "the training history needs {bytes_per_slot} bytes per epoch slot, more than the {max_bytes} \
         bytes a GPU buffer may hold here; use fewer runs or a smaller model"
    )]
    HistoryTooLarge { bytes_per_slot: u64, max_bytes: u64 },
    #[error(
        "one epoch of this model is too much work for the fused training kernel; use fewer pairs, \
         a smaller vocabulary or a smaller hidden layer"
    )]
    ModelTooBigForFusedKernel,
    #[error(
        "the parameters of all runs need {bytes} bytes, more than the {max_bytes} a GPU buffer may bind here"
    )]
    ModelTooLarge { bytes: u64, max_bytes: u64 },
}
