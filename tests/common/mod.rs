//! Helpers shared by the integration tests: a GPU context that fails loudly when there is no
//! adapter, and small training setups.
#![allow(dead_code)]

use nextword::engine::{TrainingSetup, default_recorded_pairs};
use nextword::gpu::GpuContext;
use nextword::lesson::{Activation, Corpus, OptimizerKind};
use nextword::model::{Dims, init_params};

/// The test GPU. Fails (never skips) with what to install when there is no adapter.
pub fn gpu() -> GpuContext {
    match GpuContext::headless() {
        Ok(gpu) => gpu,
        Err(err) => panic!(
            "GPU tests need an adapter: {err}. On Debian: apt-get install -y mesa-vulkan-drivers libvulkan1"
        ),
    }
}

/// A setup over `sentences` with the given shape, one run per learning rate, seeds `seed + run`.
pub fn setup(
    sentences: &[&str],
    context: usize,
    activation: Activation,
    optimizer: OptimizerKind,
    lrs: &[f64],
    seed: u64,
) -> TrainingSetup {
    let sentences: Vec<String> = sentences.iter().map(|s| s.to_string()).collect();
    let corpus = Corpus::build(&sentences, context).expect("test corpus");
    let dims = Dims {
        vocab: corpus.vocab.len(),
        embed_dim: 8,
        hidden: 4,
        context,
    };
    TrainingSetup {
        dims,
        activation,
        optimizer,
        lrs: lrs.to_vec(),
        initial_params: (0..lrs.len() as u64)
            .map(|r| init_params(&dims, seed + r))
            .collect(),
        recorded_pairs: default_recorded_pairs(&dims, corpus.pairs.len()),
        pairs: corpus.pairs,
        history_capacity: 512,
        kernels: nextword::engine::KernelChoice::Auto,
    }
}

pub const CAT_SAT: &[&str] = &["the cat sat on the mat"];
pub const TWO_SENTENCES: &[&str] = &["the cat sat on the mat", "a dog lay on the rug by the door"];

/// The CPU reference's loss at every epoch 0..=epochs of `run`.
pub fn reference_losses(setup: &TrainingSetup, run: usize, epochs: u32) -> Vec<f64> {
    nextword::model::train_reference(
        setup.dims,
        setup.activation,
        setup.optimizer,
        setup.lrs[run],
        setup.initial_params[run].clone(),
        &setup.pairs,
        epochs,
    )
    .iter()
    .map(|r| r.loss)
    .collect()
}

/// Fails (never skips) with what to install when ffmpeg is missing (scripts/test installs it).
pub fn require_ffmpeg() {
    assert!(
        nextword::export::ffmpeg_available(),
        "the MP4 tests need ffmpeg: apt-get install -y ffmpeg (scripts/test installs it)"
    );
}

/// `codec,width,height,frames` of a video's first stream, as ffprobe counts them.
pub fn probe_video(path: &std::path::Path) -> String {
    let probe = std::process::Command::new("ffprobe")
        .args(["-v", "error", "-count_frames", "-select_streams", "v:0"])
        .args([
            "-show_entries",
            "stream=codec_name,width,height,nb_read_frames",
        ])
        .args(["-of", "csv=p=0"])
        .arg(path)
        .output()
        .expect("run ffprobe");
    String::from_utf8_lossy(&probe.stdout).trim().to_owned()
}
