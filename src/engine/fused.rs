//! Launcher of the fused training kernels: many epochs of every run in one dispatch, so a tiny
//! model costs one dispatch per frame (or per thousands of epochs) instead of a dozen dispatches
//! per epoch. Two drivers share the phases of shaders/engine/phases.wgsl:
//! - [`FusedMode::Workgroup`] (train_fused.wgsl): one workgroup of 64 invocations per run, which
//!   share each phase's items and meet at barriers; best for a few runs.
//! - [`FusedMode::PerRun`] (train_per_run.wgsl): one invocation per run walks every item itself;
//!   with many runs they fill the SIMD lanes and need no barriers.
//!
//! Mesa's software drivers end an invocation after 65,535 loop iterations in total (their loop
//! limiter), silently. [`loop_iterations_per_epoch`] counts, as an upper bound, the iterations
//! one invocation runs per epoch, and a dispatch trains at most [`LOOP_BUDGET`] worth of them.

use bytemuck::{Pod, Zeroable};

use super::buffers::{EngineBuffers, max_occurrences, scratch_floats_per_run};
use super::history::HistoryLayout;
use super::kernel::{KernelSet, WORKGROUP_SIZE, linear_workgroups};
use super::setup::TrainingSetup;
use super::shader_source::{fused_source, per_run_source};

/// How a fused dispatch maps runs onto invocations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FusedMode {
    Workgroup,
    PerRun,
}

impl FusedMode {
    /// Invocations sharing one run's items.
    fn lanes(self) -> u64 {
        match self {
            FusedMode::Workgroup => WORKGROUP_SIZE as u64,
            FusedMode::PerRun => 1,
        }
    }
}

/// Dispatch parameters. Keep in sync with `Step` in shaders/engine/fused_step.wgsl.
#[repr(C)]
#[derive(Clone, Copy, Debug, Pod, Zeroable)]
pub struct StepUniform {
    pub epoch_start: u32,
    pub steps: u32,
    pub stride: u32,
    pub first_epoch: u32,
    pub capacity: u32,
    pub runs: u32,
    pub recorded_pairs: u32,
    pub _pad: u32,
}
const _: () = assert!(std::mem::size_of::<StepUniform>() == 32);

/// Loop iterations one invocation may run per dispatch (Mesa stops at 65,535).
pub const LOOP_BUDGET: u64 = 60_000;

/// An upper bound of the loop iterations one invocation of a fused kernel runs per epoch
/// (every loop counted, none assumed unrolled; keep in sync with the phases' loops).
pub fn loop_iterations_per_epoch(setup: &TrainingSetup, mode: FusedMode) -> u64 {
    let d = &setup.dims;
    let (v, e, h, k) = (
        d.vocab as u64,
        d.embed_dim as u64,
        d.hidden as u64,
        d.context as u64,
    );
    let n = setup.pairs.len() as u64;
    let p = d.param_count() as u64;
    let kd = k * e;
    let occ = max_occurrences(setup) as u64;
    let rounds = |items: u64| items.div_ceil(mode.lanes());
    1 + rounds(n * h) * (kd + 1)
        + rounds(n * v) * (h + 1)
        + rounds(n) * (3 * v + h + 3)
        + rounds(h * v + v + n * h) * (n.max(v) + 1)
        + rounds(kd * h + h + n * kd) * (n.max(h) + 1)
        + rounds(v * e) * (occ + 1)
        + rounds(1 + v * e) * (n + 1)
        + rounds(p)
}

/// Most floats one invocation of the per-run driver keeps in private arrays (4 P + scratch).
pub const PER_RUN_PRIVATE_FLOATS: usize = 4096;

/// How many epochs one dispatch may train for `setup`, or `None` when this fused driver cannot
/// train it (one epoch exceeds the loop budget, or the per-run private arrays would be too big).
pub fn max_steps_per_dispatch(setup: &TrainingSetup, mode: FusedMode) -> Option<u32> {
    let p = setup.dims.param_count() as u64;
    let mut budget = LOOP_BUDGET;
    if mode == FusedMode::PerRun {
        let private =
            4 * setup.dims.param_count() + scratch_floats_per_run(setup, setup.pairs.len());
        if private > PER_RUN_PRIVATE_FLOATS {
            return None;
        }
        // Copying the run's state in and out.
        budget -= 2 * p + 2;
    }
    let per_epoch = loop_iterations_per_epoch(setup, mode);
    // A dispatch of `steps` epochs runs steps + 1 forward passes; count them as full epochs.
    let epochs = budget / per_epoch;
    (epochs >= 2).then(|| (epochs - 1).min(u32::MAX as u64) as u32)
}

pub struct FusedKernel {
    mode: FusedMode,
    kernels: KernelSet,
}

impl FusedKernel {
    pub const RING_SLOTS: u32 = 256;

    pub fn new(
        device: &wgpu::Device,
        setup: &TrainingSetup,
        buffers: &EngineBuffers,
        mode: FusedMode,
    ) -> Self {
        let source_of = match mode {
            FusedMode::Workgroup => fused_source,
            FusedMode::PerRun => per_run_source,
        };
        let source = source_of(
            &setup.dims,
            setup.pairs.len(),
            setup.activation,
            setup.optimizer,
        );
        let kernels = KernelSet::new(
            device,
            "FusedKernel",
            &source,
            &["cs_train"],
            std::mem::size_of::<StepUniform>() as u64,
            Self::RING_SLOTS,
            &buffers.training_bindings(),
        );
        Self { mode, kernels }
    }

    /// Records one dispatch training `steps` epochs from `epoch_start` for every run.
    pub fn encode(
        &mut self,
        queue: &wgpu::Queue,
        pass: &mut wgpu::ComputePass<'_>,
        layout: &HistoryLayout,
        epoch_start: u32,
        steps: u32,
        stride: u32,
    ) {
        let uniform = StepUniform {
            epoch_start,
            steps,
            stride,
            first_epoch: layout.first_epoch,
            capacity: layout.capacity,
            runs: layout.runs,
            recorded_pairs: layout.recorded_pairs,
            _pad: 0,
        };
        pass.set_pipeline(&self.kernels.pipelines[0]);
        self.kernels
            .bind_block(queue, pass, bytemuck::bytes_of(&uniform));
        let (x, y) = linear_workgroups(layout.runs as u64 * self.mode.lanes());
        pass.dispatch_workgroups(x, y, 1);
    }
}
