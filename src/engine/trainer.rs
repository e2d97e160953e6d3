//! The trainer: owns the engine's GPU buffers and kernels, plans dispatches with the history
//! schedule, and encodes training into command buffers with no readback in between.

use super::EngineError;
use super::buffers::scratch_floats_per_run;
use super::buffers::{EngineBuffers, NO_SLOT, RunState, slot_floats};
use super::compact::CompactKernel;
use super::fused::{FusedKernel, FusedMode, max_steps_per_dispatch};
use super::history::{HistoryBuffers, HistoryLayout};
use super::layered::LayeredKernels;
use super::schedule::{HistorySchedule, PlanStep};
use super::setup::{KernelChoice, TrainingSetup};

/// Most epochs one dispatch trains, so a single dispatch never stalls the GPU for long.
pub const MAX_EPOCHS_PER_DISPATCH: u32 = 4096;
/// Bytes one history buffer may take at most, below any adapter limit.
pub const HISTORY_BUDGET_BYTES: u64 = 96 << 20;
/// Bytes the scratch buffer may take at most (it bounds the layered kernels' chunk of pairs).
pub const SCRATCH_BUDGET_BYTES: u64 = 96 << 20;
/// Most pairs per chunk: keeps every layered invocation far below Mesa's loop limit.
const MAX_CHUNK_LOOP: usize = 16_384;
/// Most pairs a lesson may have (the loss phase sums them in one loop).
pub const MAX_PAIRS: usize = 60_000;

/// How a trainer runs its epochs.
enum Driver {
    /// Small models: one workgroup per run, many epochs per dispatch.
    Fused(FusedKernel),
    /// Big models: one dispatch per phase, pairs in chunks.
    Layered(LayeredKernels),
}

pub struct Trainer {
    setup: TrainingSetup,
    buffers: EngineBuffers,
    driver: Driver,
    compact: CompactKernel,
    schedule: HistorySchedule,
    /// Most epochs per dispatch (the loop budget of the fused kernel).
    max_steps: u32,
    submits: u64,
    dispatches: u64,
}

impl Trainer {
    /// Uploads the setup's parameters and pairs, builds the kernels and records epoch 0.
    pub fn new(
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        setup: &TrainingSetup,
    ) -> Result<Self, EngineError> {
        validate(setup)?;
        let layout = history_layout(device, setup)?;
        let fused = choose_fused(setup);
        let chunk = match fused {
            Some(_) => setup.pairs.len(),
            None => layered_chunk(device, setup)?,
        };
        let buffers = EngineBuffers::new(device, setup, &layout, chunk);
        let (driver, max_steps) = match fused {
            Some((mode, steps)) => {
                let kernel = FusedKernel::new(device, setup, &buffers, mode);
                (Driver::Fused(kernel), steps.min(MAX_EPOCHS_PER_DISPATCH))
            }
            None => {
                let kernels = LayeredKernels::new(device, setup, &buffers, chunk);
                let blocks = kernels.blocks_per_epoch();
                let steps = (LayeredKernels::RING_SLOTS / blocks / 2)
                    .saturating_sub(1)
                    .max(1);
                (Driver::Layered(kernels), steps)
            }
        };
        let compact = CompactKernel::new(device, &buffers);
        let mut trainer = Self {
            setup: setup.clone(),
            buffers,
            driver,
            compact,
            schedule: HistorySchedule::new(layout),
            max_steps,
            submits: 0,
            dispatches: 0,
        };
        trainer.train(device, queue, 0);
        Ok(trainer)
    }

    pub fn setup(&self) -> &TrainingSetup {
        &self.setup
    }

    /// Epochs trained so far.
    pub fn epoch(&self) -> u32 {
        self.schedule.epoch
    }

    pub fn layout(&self) -> HistoryLayout {
        self.schedule.layout
    }

    /// (submits, dispatches) issued since creation.
    pub fn counters(&self) -> (u64, u64) {
        (self.submits, self.dispatches)
    }

    pub fn history(&self) -> HistoryBuffers<'_> {
        HistoryBuffers {
            loss: &self.buffers.hist_loss,
            probs: &self.buffers.hist_probs,
            hidden: &self.buffers.hist_hidden,
            params: &self.buffers.hist_params,
            layout: self.schedule.layout,
        }
    }

    /// Current parameters: run-major, `param_count` floats per run, MODEL.md order.
    pub fn params_buffer(&self) -> &wgpu::Buffer {
        &self.buffers.params
    }

    /// Per-run state (learning rate, step count, divergence epoch); see [`RunState`].
    pub fn run_state_buffer(&self) -> &wgpu::Buffer {
        &self.buffers.run_state
    }

    pub(crate) fn buffers(&self) -> &EngineBuffers {
        &self.buffers
    }

    /// Encodes `epochs` more epochs of training into `encoder` (the caller submits). Epoch
    /// `epoch() + epochs` is recorded when the schedule gives it a slot. At most
    /// [`Trainer::epochs_per_submit`] epochs per call and per submit.
    pub fn encode_train(
        &mut self,
        queue: &wgpu::Queue,
        encoder: &mut wgpu::CommandEncoder,
        epochs: u32,
    ) {
        let plan = self
            .schedule
            .plan(epochs.min(self.epochs_per_submit()), self.max_steps);
        // Shape fields (runs, capacity, first_epoch) do not change within a plan.
        let layout = self.schedule.layout;
        let mut pass = encoder.begin_compute_pass(&wgpu::ComputePassDescriptor {
            label: Some("Trainer::train"),
            timestamp_writes: None,
        });
        for step in plan {
            match (step, &mut self.driver) {
                (PlanStep::Compact { kept }, _) => {
                    self.compact.encode(queue, &mut pass, &layout, kept);
                    self.dispatches += 1;
                }
                (
                    PlanStep::Train {
                        epoch_start,
                        steps,
                        stride,
                    },
                    Driver::Fused(fused),
                ) => {
                    fused.encode(queue, &mut pass, &layout, epoch_start, steps, stride);
                    self.dispatches += 1;
                }
                (
                    PlanStep::Train {
                        epoch_start,
                        steps,
                        stride,
                    },
                    Driver::Layered(layered),
                ) => {
                    for i in 0..=steps {
                        let epoch = epoch_start + i;
                        let slot = layout.slot_recording(epoch, stride).unwrap_or(NO_SLOT);
                        self.dispatches +=
                            layered.encode_epoch(queue, &mut pass, &layout, epoch, slot, i < steps);
                    }
                }
            }
        }
    }

    /// Trains `epochs` more epochs: encodes and submits (several submits for very long runs).
    pub fn train(&mut self, device: &wgpu::Device, queue: &wgpu::Queue, epochs: u32) {
        let per_submit = self.epochs_per_submit();
        let mut remaining = epochs;
        loop {
            let chunk = remaining.min(per_submit);
            let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
                label: Some("Trainer::train"),
            });
            self.encode_train(queue, &mut encoder, chunk);
            queue.submit([encoder.finish()]);
            self.submits += 1;
            remaining -= chunk;
            if remaining == 0 {
                return;
            }
        }
    }

    /// Most epochs one submit trains (the uniform rings hold one block per dispatch).
    pub fn epochs_per_submit(&self) -> u32 {
        match self.driver {
            Driver::Fused(_) => FusedKernel::RING_SLOTS / 2 * self.max_steps,
            Driver::Layered(_) => self.max_steps,
        }
    }

    /// Whether the layered kernels train this model (else the fused kernel does).
    pub fn is_layered(&self) -> bool {
        matches!(self.driver, Driver::Layered(_))
    }

    /// The driver's name: "workgroup", "per-run", "unrolled" or "layered".
    pub fn driver_name(&self) -> &'static str {
        match &self.driver {
            Driver::Fused(kernel) => match kernel.mode() {
                FusedMode::Workgroup => "workgroup",
                FusedMode::PerRun => "per-run",
                FusedMode::Unrolled => "unrolled",
            },
            Driver::Layered(_) => "layered",
        }
    }

    /// Most epochs one dispatch trains.
    pub fn epochs_per_dispatch(&self) -> u32 {
        self.max_steps
    }

    /// Starts a fresh history at the current epoch (stride 1); used to stream long CLI runs.
    pub fn rebase_history(&mut self) {
        self.schedule.rebase();
    }

    /// Reads the per-run state back (blocking; CLI and tests).
    pub fn read_run_states(&self, device: &wgpu::Device, queue: &wgpu::Queue) -> Vec<RunState> {
        let raw = crate::gpu::read_buffer_u32(
            device,
            queue,
            &self.buffers.run_state,
            0,
            self.setup.runs() * std::mem::size_of::<RunState>() / 4,
        );
        bytemuck::cast_slice(&raw).to_vec()
    }

    /// Reads the current parameters back, one vector per run (blocking; CLI and tests).
    pub fn read_params(&self, device: &wgpu::Device, queue: &wgpu::Queue) -> Vec<Vec<f32>> {
        let p = self.setup.dims.param_count();
        let flat = crate::gpu::read_buffer_f32(
            device,
            queue,
            &self.buffers.params,
            0,
            self.setup.runs() * p,
        );
        flat.chunks(p).map(<[f32]>::to_vec).collect()
    }
}

/// Runs from which the per-run fused driver fills the SIMD lanes better than a workgroup per run.
const PER_RUN_FROM_RUNS: usize = 32;

/// The fused driver for `setup` and its epochs per dispatch, or `None` for the layered kernels.
fn choose_fused(setup: &TrainingSetup) -> Option<(FusedMode, u32)> {
    let with = |mode| max_steps_per_dispatch(setup, mode).map(|steps| (mode, steps));
    match setup.kernels {
        // Straight-line code for many runs; a few runs (the window's lessons) keep the workgroup
        // driver, which compiles at once (see src/engine/unrolled.rs).
        KernelChoice::Auto if setup.runs() >= PER_RUN_FROM_RUNS => with(FusedMode::Unrolled)
            .or_else(|| with(FusedMode::PerRun))
            .or_else(|| with(FusedMode::Workgroup)),
        KernelChoice::Auto => with(FusedMode::Workgroup),
        KernelChoice::FusedWorkgroup => with(FusedMode::Workgroup),
        KernelChoice::FusedPerRun => with(FusedMode::PerRun),
        KernelChoice::FusedUnrolled => with(FusedMode::Unrolled),
        KernelChoice::Layered { .. } => None,
    }
}

/// Pairs per chunk of the layered kernels: as many as the scratch budget and the loop limit allow.
fn layered_chunk(device: &wgpu::Device, setup: &TrainingSetup) -> Result<usize, EngineError> {
    let limits = device.limits();
    let max_bytes = limits
        .max_storage_buffer_binding_size
        .min(limits.max_buffer_size)
        .min(SCRATCH_BUDGET_BYTES);
    let runs = setup.runs() as u64;
    let per_pair = scratch_floats_per_run(setup, 1) as u64 - setup.pairs.len() as u64;
    let fixed = setup.pairs.len() as u64;
    let fitting = (max_bytes / 4 / runs).saturating_sub(fixed) / per_pair.max(1);
    let by_loops = MAX_CHUNK_LOOP / setup.dims.context.max(1);
    let chunk = (fitting as usize)
        .min(by_loops)
        .min(setup.pairs.len())
        .min(match setup.kernels {
            KernelChoice::Layered { max_chunk } => max_chunk.max(1),
            _ => usize::MAX,
        });
    if chunk == 0 {
        return Err(EngineError::ModelTooLarge {
            bytes: (fixed + per_pair) * 4 * runs,
            max_bytes,
        });
    }
    Ok(chunk)
}

fn validate(setup: &TrainingSetup) -> Result<(), EngineError> {
    let runs = setup.runs();
    if runs == 0 {
        return Err(EngineError::Invalid("at least one run is needed".into()));
    }
    if setup.initial_params.len() != runs {
        return Err(EngineError::Invalid(format!(
            "{} initial parameter vectors for {runs} runs",
            setup.initial_params.len()
        )));
    }
    let p = setup.dims.param_count();
    if let Some(bad) = setup.initial_params.iter().find(|v| v.len() != p) {
        return Err(EngineError::Invalid(format!(
            "{} initial parameters, the model has {p}",
            bad.len()
        )));
    }
    if setup.pairs.is_empty() {
        return Err(EngineError::Invalid("there are no training pairs".into()));
    }
    if setup.pairs.len() > MAX_PAIRS {
        return Err(EngineError::Invalid(format!(
            "{} training pairs; the engine trains at most {MAX_PAIRS}",
            setup.pairs.len()
        )));
    }
    if let Some(bad) = setup.lrs.iter().find(|lr| !(lr.is_finite() && **lr > 0.0)) {
        return Err(EngineError::Invalid(format!(
            "learning rate {bad} is not a positive number"
        )));
    }
    let vocab = setup.dims.vocab as u32;
    let out_of_range = setup.pairs.iter().any(|pair| {
        pair.target >= vocab
            || pair.context.len() != setup.dims.context
            || pair.context.iter().any(|&w| w >= vocab)
    });
    if out_of_range {
        return Err(EngineError::Invalid(
            "a training pair does not fit the model's vocabulary or context".into(),
        ));
    }
    if setup
        .recorded_pairs
        .iter()
        .any(|&p| p as usize >= setup.pairs.len())
    {
        return Err(EngineError::Invalid(
            "a recorded pair index is out of range".into(),
        ));
    }
    Ok(())
}

/// The capacity rule: the slots per run `layout` gets, `wanted` or fewer, so its widest
/// history buffer (all runs) stays within `max_bytes`; a model whose two slots do not fit is
/// refused. Big models thus keep a bounded set of checkpoints (evenly spaced from epoch 0 by
/// the keep-every-2nd rule), each with every parameter: the model of each can still write.
pub fn history_capacity(
    layout: &HistoryLayout,
    wanted: u32,
    max_bytes: u64,
) -> Result<u32, EngineError> {
    let widest = slot_floats(layout).into_iter().max().unwrap_or(1);
    let bytes_per_slot = widest
        .saturating_mul(4)
        .saturating_mul(u64::from(layout.runs.max(1)));
    let fitting = max_bytes / bytes_per_slot.max(1);
    let capacity = u64::from(wanted).min(fitting).min(u64::from(u32::MAX)) as u32;
    if capacity < 2 {
        return Err(EngineError::HistoryTooLarge {
            bytes_per_slot,
            max_bytes,
        });
    }
    Ok(capacity)
}

/// The history layout for `setup`, with as many slots as the adapter's limits and the budget allow.
fn history_layout(
    device: &wgpu::Device,
    setup: &TrainingSetup,
) -> Result<HistoryLayout, EngineError> {
    let limits = device.limits();
    let max_bytes = limits
        .max_storage_buffer_binding_size
        .min(limits.max_buffer_size)
        .min(HISTORY_BUDGET_BYTES);
    let mut layout = HistoryLayout {
        runs: setup.runs() as u32,
        capacity: 0,
        vocab: setup.dims.vocab as u32,
        embed_dim: setup.dims.embed_dim as u32,
        hidden: setup.dims.hidden as u32,
        recorded_pairs: setup.recorded_pairs.len() as u32,
        params: setup.dims.param_count() as u32,
        stride: 1,
        slots_filled: 0,
        first_epoch: 0,
    };
    layout.capacity = history_capacity(&layout, setup.history_capacity, max_bytes)?;
    let params_bytes = setup.dims.param_count() as u64 * 4 * layout.runs as u64;
    if params_bytes > limits.max_storage_buffer_binding_size {
        return Err(EngineError::ModelTooLarge {
            bytes: params_bytes,
            max_bytes: limits.max_storage_buffer_binding_size,
        });
    }
    Ok(layout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_models_keep_fewer_checkpoints_and_too_big_ones_are_refused() {
        let layout = |params: u32, runs: u32| HistoryLayout {
            runs,
            vocab: 5,
            hidden: 4,
            recorded_pairs: 5,
            params,
            ..HistoryLayout::default()
        };
        // Lessons: every slot asked for.
        let small = history_capacity(&layout(101, 1), 1024, HISTORY_BUDGET_BYTES).unwrap();
        assert_eq!(small, 1024);
        // The benchmark's model: what the budget holds.
        let big = history_capacity(&layout(402_512, 1), 1024, HISTORY_BUDGET_BYTES).unwrap();
        assert_eq!(big, (HISTORY_BUDGET_BYTES / (402_512 * 4)) as u32);
        assert!((2..1024).contains(&big));
        // Runs share the budget.
        let four = history_capacity(&layout(402_512, 4), 1024, HISTORY_BUDGET_BYTES).unwrap();
        assert_eq!(four, big / 4);
        // Not even two checkpoints: refused, with the sizes.
        let err = history_capacity(&layout(20_000_000, 1), 1024, HISTORY_BUDGET_BYTES).unwrap_err();
        assert!(matches!(err, EngineError::HistoryTooLarge { .. }), "{err}");
    }
}
