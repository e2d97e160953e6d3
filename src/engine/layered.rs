//! Launcher of the layered training kernels (shaders/engine/train_layered.wgsl), for models too
//! big for the fused kernel: every phase is its own dispatch over all items of all runs, pairs
//! are processed in chunks that fit the scratch budget, and gradients accumulate over chunks.

use bytemuck::{Pod, Zeroable};

use super::buffers::EngineBuffers;
use super::history::HistoryLayout;
use super::kernel::{KernelSet, linear_workgroups};
use super::setup::TrainingSetup;
use super::shader_source::layered_source;

/// Keep in sync with `Layer` in shaders/engine/train_layered.wgsl.
#[repr(C)]
#[derive(Clone, Copy, Debug, Pod, Zeroable)]
pub struct LayerUniform {
    pub epoch: u32,
    pub slot: u32,
    pub capacity: u32,
    pub recorded_pairs: u32,
    pub first: u32,
    pub count: u32,
    pub chunk: u32,
    pub learning: u32,
}
const _: () = assert!(std::mem::size_of::<LayerUniform>() == 32);

/// The phases, in the order one chunk runs them (entry points of train_layered.wgsl).
const CHUNK_PHASES: [&str; 7] = [
    "cs_hidden",
    "cs_logits",
    "cs_softmax",
    "cs_w2_grads",
    "cs_dz",
    "cs_input_grads",
    "cs_embedding_grads",
];
/// Phases that only run while learning (the forward-only last epoch skips them).
const GRAD_PHASES: usize = 4;

/// Index of the loss and update pipelines in the kernel set, after the chunk phases.
const LOSS: usize = CHUNK_PHASES.len();
const UPDATE: usize = CHUNK_PHASES.len() + 1;

pub struct LayeredKernels {
    kernels: KernelSet,
    chunk: usize,
    pairs: usize,
    params: usize,
    vocab_dims: usize,
    hidden: usize,
    vocab: usize,
    input_dim: usize,
}

impl LayeredKernels {
    pub const RING_SLOTS: u32 = 1024;

    pub fn new(
        device: &wgpu::Device,
        setup: &TrainingSetup,
        buffers: &EngineBuffers,
        chunk: usize,
    ) -> Self {
        let d = &setup.dims;
        let source = layered_source(
            d,
            setup.pairs.len(),
            chunk,
            setup.activation,
            setup.optimizer,
        );
        let mut entry_points = CHUNK_PHASES.to_vec();
        entry_points.extend(["cs_loss", "cs_update"]);
        let kernels = KernelSet::new(
            device,
            "LayeredKernels",
            &source,
            &entry_points,
            std::mem::size_of::<LayerUniform>() as u64,
            Self::RING_SLOTS,
            &buffers.training_bindings(),
        );
        Self {
            kernels,
            chunk,
            pairs: setup.pairs.len(),
            params: d.param_count(),
            vocab_dims: d.vocab * d.embed_dim,
            hidden: d.hidden,
            vocab: d.vocab,
            input_dim: d.input_dim(),
        }
    }

    /// Uniform blocks one epoch uses (one per chunk, one for loss and update).
    pub fn blocks_per_epoch(&self) -> u32 {
        self.pairs.div_ceil(self.chunk) as u32 + 1
    }

    /// Items of chunk phase `phase` for a chunk of `count` pairs.
    fn items(&self, phase: usize, count: usize) -> usize {
        let (h, v, kd) = (self.hidden, self.vocab, self.input_dim);
        let tiles = |n: usize| n.div_ceil(4);
        match phase {
            0 => count * h,
            1 => tiles(count) * tiles(v),
            2 => count,
            3 => tiles(h) * tiles(v) + v,
            4 => tiles(count) * tiles(h),
            5 => kd * h + h + count * kd,
            _ => self.vocab_dims,
        }
    }

    fn dispatch(pass: &mut wgpu::ComputePass<'_>, items: usize, runs: u32) {
        let (x, y) = linear_workgroups(items as u64);
        pass.dispatch_workgroups(x, y, runs);
    }

    /// Records one epoch: every chunk's phases, then loss and (when `learning`) update.
    pub fn encode_epoch(
        &mut self,
        queue: &wgpu::Queue,
        pass: &mut wgpu::ComputePass<'_>,
        layout: &HistoryLayout,
        epoch: u32,
        slot: u32,
        learning: bool,
    ) -> u64 {
        let mut dispatches = 0;
        let mut uniform = LayerUniform {
            epoch,
            slot,
            capacity: layout.capacity,
            recorded_pairs: layout.recorded_pairs,
            first: 0,
            count: 0,
            chunk: 0,
            learning: learning as u32,
        };
        let phases = if learning {
            CHUNK_PHASES.len()
        } else {
            CHUNK_PHASES.len() - GRAD_PHASES
        };
        for (c, first) in (0..self.pairs).step_by(self.chunk).enumerate() {
            let count = self.chunk.min(self.pairs - first);
            uniform.first = first as u32;
            uniform.count = count as u32;
            uniform.chunk = c as u32;
            self.kernels
                .bind_block(queue, pass, bytemuck::bytes_of(&uniform));
            for phase in 0..phases {
                pass.set_pipeline(&self.kernels.pipelines[phase]);
                Self::dispatch(pass, self.items(phase, count), layout.runs);
                dispatches += 1;
            }
        }
        self.kernels
            .bind_block(queue, pass, bytemuck::bytes_of(&uniform));
        // Item 0 is the loss; items 1..=P record every parameter (when the epoch has a slot).
        pass.set_pipeline(&self.kernels.pipelines[LOSS]);
        Self::dispatch(pass, 1 + self.params, layout.runs);
        dispatches += 1;
        if learning {
            pass.set_pipeline(&self.kernels.pipelines[UPDATE]);
            Self::dispatch(pass, self.params, layout.runs);
            dispatches += 1;
        }
        dispatches
    }
}
