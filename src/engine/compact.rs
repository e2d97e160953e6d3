//! Launcher of the history compaction kernel (shaders/engine/compact.wgsl): keeps every 2nd slot
//! of all four history buffers when the history is full (see `schedule`).

use bytemuck::{Pod, Zeroable};

use super::buffers::{EngineBuffers, slot_floats};
use super::history::HistoryLayout;
use super::kernel::{KernelSet, linear_workgroups};
use super::shader_source::COMPACT;

/// Keep in sync with `Compact` in shaders/engine/compact.wgsl.
#[repr(C)]
#[derive(Clone, Copy, Debug, Pod, Zeroable)]
pub struct CompactUniform {
    pub runs: u32,
    pub capacity: u32,
    pub kept: u32,
    pub loss_len: u32,
    pub probs_len: u32,
    pub hidden_len: u32,
    pub params_len: u32,
    pub _pad: u32,
}
const _: () = assert!(std::mem::size_of::<CompactUniform>() == 32);

pub struct CompactKernel {
    kernels: KernelSet,
}

impl CompactKernel {
    pub fn new(device: &wgpu::Device, buffers: &EngineBuffers) -> Self {
        let kernels = KernelSet::new(
            device,
            "CompactKernel",
            COMPACT,
            &["cs_compact"],
            std::mem::size_of::<CompactUniform>() as u64,
            16,
            &buffers.history_bindings(),
        );
        Self { kernels }
    }

    /// Records a dispatch that moves slot 2i to slot i for i in 1..kept, for every run.
    pub fn encode(
        &mut self,
        queue: &wgpu::Queue,
        pass: &mut wgpu::ComputePass<'_>,
        layout: &HistoryLayout,
        kept: u32,
    ) {
        let [loss_len, probs_len, hidden_len, params_len] = slot_floats(layout).map(|n| n as u32);
        let job = CompactUniform {
            runs: layout.runs,
            capacity: layout.capacity,
            kept,
            loss_len,
            probs_len,
            hidden_len,
            params_len,
            _pad: 0,
        };
        pass.set_pipeline(&self.kernels.pipelines[0]);
        self.kernels
            .bind_block(queue, pass, bytemuck::bytes_of(&job));
        let widest = loss_len.max(probs_len).max(hidden_len).max(params_len) as u64;
        let (x, y) = linear_workgroups(layout.runs as u64 * widest);
        pass.dispatch_workgroups(x, y, 1);
    }
}
