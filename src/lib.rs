//! nextword: watch a tiny neural network learn next-word prediction.
//!
//! The GPU holds the truth: `engine` trains the model with WGSL compute shaders and keeps the
//! whole training history in GPU buffers; `scene` draws every view straight from those buffers.
//! `lesson` turns lesson files and typed text into the vocabulary and training pairs, and `model`
//! is the f64 CPU reference (the oracle the tests compare the GPU with).

pub mod app;
pub mod cli;
pub mod engine;
pub mod export;
pub mod gpu;
pub mod i18n;
pub mod kiosk;
pub mod lesson;
pub mod limits;
pub mod model;
pub mod rng;
pub mod scene;
pub mod ui;

#[cfg(test)]
mod architecture_tests;
#[cfg(test)]
mod hostile_tests;
