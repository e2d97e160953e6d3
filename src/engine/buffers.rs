//! The engine's GPU buffers: parameters, gradients, optimizer state, per-run state, training
//! pairs and the four history buffers. Created once per trainer; nothing is allocated per epoch.

use bytemuck::{Pod, Zeroable};
use wgpu::util::DeviceExt;

use super::history::HistoryLayout;
use super::setup::TrainingSetup;

/// Marks a run that has not diverged (keep in sync with shaders/engine/common.wgsl).
pub const NOT_DIVERGED: u32 = u32::MAX;
/// Marks a pair whose probs/hidden are not recorded.
pub const NO_SLOT: u32 = u32::MAX;

/// Per-run state. Keep in sync with `RunState` in shaders/engine/common.wgsl.
#[repr(C)]
#[derive(Clone, Copy, Debug, Pod, Zeroable)]
pub struct RunState {
    pub lr: f32,
    /// Optimizer steps taken (adam's t).
    pub adam_t: u32,
    /// First epoch whose loss was not finite, or [`NOT_DIVERGED`].
    pub diverged_epoch: u32,
    pub _pad: u32,
    /// Adam's bias corrections for the current step: 1 - 0.9^t and 1 - 0.999^t.
    pub bias1: f32,
    pub bias2: f32,
    pub _pad2: [u32; 2],
}
const _: () = assert!(std::mem::size_of::<RunState>() == 32);

/// All storage buffers of one trainer.
pub struct EngineBuffers {
    pub params: wgpu::Buffer,
    pub grads: wgpu::Buffer,
    pub opt_m: wgpu::Buffer,
    pub opt_v: wgpu::Buffer,
    pub run_state: wgpu::Buffer,
    /// Read-only corpus tables (see [`corpus_table`]).
    pub corpus: wgpu::Buffer,
    /// Per-run activations of the current epoch (see shaders/engine/phases.wgsl).
    pub scratch: wgpu::Buffer,
    pub hist_loss: wgpu::Buffer,
    pub hist_probs: wgpu::Buffer,
    pub hist_hidden: wgpu::Buffer,
    /// Every parameter of every run at every recorded epoch (the embedding table first).
    pub hist_params: wgpu::Buffer,
}

const STATE_USAGE: wgpu::BufferUsages = wgpu::BufferUsages::STORAGE
    .union(wgpu::BufferUsages::COPY_SRC)
    .union(wgpu::BufferUsages::COPY_DST);

fn init_buffer(device: &wgpu::Device, label: &str, contents: &[u8]) -> wgpu::Buffer {
    device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
        label: Some(label),
        contents,
        usage: STATE_USAGE,
    })
}

fn zeroed_buffer(device: &wgpu::Device, label: &str, floats: usize) -> wgpu::Buffer {
    device.create_buffer(&wgpu::BufferDescriptor {
        label: Some(label),
        // wgpu rejects zero-sized bindings; keep at least one element.
        size: (floats.max(1) * 4) as u64,
        usage: STATE_USAGE,
        mapped_at_creation: false,
    })
}

impl EngineBuffers {
    /// Buffers for `setup`, with scratch for chunks of `chunk` pairs.
    pub fn new(
        device: &wgpu::Device,
        setup: &TrainingSetup,
        layout: &HistoryLayout,
        chunk: usize,
    ) -> Self {
        let p = setup.dims.param_count();
        let runs = setup.runs();
        let params: Vec<f32> = setup
            .initial_params
            .iter()
            .flat_map(|run| run.iter().map(|&x| x as f32))
            .collect();
        let run_state: Vec<RunState> = setup
            .lrs
            .iter()
            .map(|&lr| RunState {
                lr: lr as f32,
                adam_t: 0,
                diverged_epoch: NOT_DIVERGED,
                _pad: 0,
                bias1: 1.0,
                bias2: 1.0,
                _pad2: [0; 2],
            })
            .collect();
        let scratch_per_run = scratch_floats_per_run(setup, chunk);
        let slots = (layout.runs * layout.capacity) as usize;
        let rec = layout.recorded_pairs as usize;
        let (v, h) = (layout.vocab as usize, layout.hidden as usize);
        Self {
            params: init_buffer(device, "Engine::params", bytemuck::cast_slice(&params)),
            grads: zeroed_buffer(device, "Engine::grads", runs * p),
            opt_m: zeroed_buffer(device, "Engine::opt_m", runs * p),
            opt_v: zeroed_buffer(device, "Engine::opt_v", runs * p),
            run_state: init_buffer(
                device,
                "Engine::run_state",
                bytemuck::cast_slice(&run_state),
            ),
            corpus: init_buffer(
                device,
                "Engine::corpus",
                bytemuck::cast_slice(&corpus_table(setup, chunk)),
            ),
            scratch: zeroed_buffer(device, "Engine::scratch", runs * scratch_per_run),
            hist_loss: zeroed_buffer(device, "Engine::history_loss", slots),
            hist_probs: zeroed_buffer(device, "Engine::history_probs", slots * rec * v),
            hist_hidden: zeroed_buffer(device, "Engine::history_hidden", slots * rec * h),
            hist_params: zeroed_buffer(device, "Engine::history_params", slots * p),
        }
    }
}

impl EngineBuffers {
    /// The storage buffers every training driver binds, in binding order 1..=11, each with
    /// whether the kernels only read it (keep in sync with shaders/engine/bindings.wgsl).
    pub fn training_bindings(&self) -> [(&wgpu::Buffer, bool); 11] {
        [
            (&self.corpus, true),
            (&self.params, false),
            (&self.grads, false),
            (&self.opt_m, false),
            (&self.opt_v, false),
            (&self.run_state, false),
            (&self.scratch, false),
            (&self.hist_loss, false),
            (&self.hist_probs, false),
            (&self.hist_hidden, false),
            (&self.hist_params, false),
        ]
    }

    /// The history buffers, in binding order 1..=4 of shaders/engine/compact.wgsl.
    pub fn history_bindings(&self) -> [(&wgpu::Buffer, bool); 4] {
        [
            (&self.hist_loss, false),
            (&self.hist_probs, false),
            (&self.hist_hidden, false),
            (&self.hist_params, false),
        ]
    }
}

/// Floats of one run's scratch block for chunks of `chunk` pairs (see shaders/engine/phases.wgsl).
pub fn scratch_floats_per_run(setup: &TrainingSetup, chunk: usize) -> usize {
    let d = &setup.dims;
    chunk * (3 * d.hidden + d.vocab + d.input_dim()) + setup.pairs.len()
}

/// The corpus tables the kernels read, one u32 array (offsets in shaders/engine/phases.wgsl):
/// pairs `[N*(K+1)]` (context words then target), the record slot of each pair `[N]`
/// (`NO_SLOT` when not recorded), and, per chunk of `chunk` pairs, for each word the list of
/// (pair, context position) where it occurs: `occ_start[CHUNKS*(V+1)]` and `occ_list[N*K]`
/// holding `pair * K + position`, grouped by chunk then word.
pub fn corpus_table(setup: &TrainingSetup, chunk: usize) -> Vec<u32> {
    let k = setup.dims.context;
    let v = setup.dims.vocab;
    let mut table: Vec<u32> = setup
        .pairs
        .iter()
        .flat_map(|pair| pair.context.iter().copied().chain([pair.target]))
        .collect();
    let mut record_slot = vec![NO_SLOT; setup.pairs.len()];
    for (slot, &pair) in setup.recorded_pairs.iter().enumerate() {
        record_slot[pair as usize] = slot as u32;
    }
    table.extend(record_slot);
    let mut lists = Vec::new();
    let mut start = 0u32;
    for (c, pairs) in setup.pairs.chunks(chunk.max(1)).enumerate() {
        let mut occurrences: Vec<Vec<u32>> = vec![Vec::new(); v];
        for (jl, pair) in pairs.iter().enumerate() {
            let j = c * chunk + jl;
            for (position, &word) in pair.context.iter().enumerate() {
                occurrences[word as usize].push((j * k + position) as u32);
            }
        }
        for list in &occurrences {
            table.push(start);
            start += list.len() as u32;
        }
        table.push(start);
        lists.extend(occurrences.into_iter().flatten());
    }
    table.extend(lists);
    table
}

/// The most times one word occurs in the contexts of the pairs.
pub fn max_occurrences(setup: &TrainingSetup) -> usize {
    let mut counts = vec![0usize; setup.dims.vocab];
    for word in setup.pairs.iter().flat_map(|p| p.context.iter()) {
        counts[*word as usize] += 1;
    }
    counts.into_iter().max().unwrap_or(0)
}

/// Floats per history slot per run, for each history buffer: loss, probs, hidden, params.
pub fn slot_floats(layout: &HistoryLayout) -> [u64; 4] {
    let rec = layout.recorded_pairs as u64;
    [
        1,
        rec * layout.vocab as u64,
        rec * layout.hidden as u64,
        layout.params as u64,
    ]
}
