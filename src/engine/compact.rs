//! Launcher of the history compaction kernel (shaders/engine/compact.wgsl): keeps every 2nd slot
//! of all four history buffers when the history is full (see `schedule`).

use bytemuck::{Pod, Zeroable};

use super::buffers::{EngineBuffers, slot_floats};
use super::history::HistoryLayout;
use super::kernel::{
    UniformRing, bind_buffers, compute_pipeline, dynamic_uniform_entry, linear_workgroups,
    storage_entry,
};
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
    pub embedding_len: u32,
    pub _pad: u32,
}
const _: () = assert!(std::mem::size_of::<CompactUniform>() == 32);

pub struct CompactKernel {
    pipeline: wgpu::ComputePipeline,
    bind_group: wgpu::BindGroup,
    ring: UniformRing,
}

impl CompactKernel {
    pub fn new(device: &wgpu::Device, buffers: &EngineBuffers) -> Self {
        let block = std::mem::size_of::<CompactUniform>() as u64;
        let mut entries = vec![dynamic_uniform_entry(0, block)];
        entries.extend((1..5).map(|b| storage_entry(b, false)));
        let (pipeline, layout) = compute_pipeline(
            device,
            "CompactKernel::pipeline",
            COMPACT,
            "cs_compact",
            &entries,
        );
        let ring = UniformRing::new(device, "CompactKernel::jobs", block, 16);
        let b = buffers;
        let bind_group = bind_buffers(
            device,
            "CompactKernel::bind_group",
            &layout,
            &[
                &ring.buffer,
                &b.hist_loss,
                &b.hist_probs,
                &b.hist_hidden,
                &b.hist_embedding,
            ],
            Some(block),
        );
        Self {
            pipeline,
            bind_group,
            ring,
        }
    }

    /// Records a dispatch that moves slot 2i to slot i for i in 1..kept, for every run.
    pub fn encode(
        &mut self,
        queue: &wgpu::Queue,
        pass: &mut wgpu::ComputePass<'_>,
        layout: &HistoryLayout,
        kept: u32,
    ) {
        let [loss_len, probs_len, hidden_len, embedding_len] =
            slot_floats(layout).map(|n| n as u32);
        let job = CompactUniform {
            runs: layout.runs,
            capacity: layout.capacity,
            kept,
            loss_len,
            probs_len,
            hidden_len,
            embedding_len,
            _pad: 0,
        };
        let offset = self.ring.push(queue, bytemuck::bytes_of(&job));
        pass.set_pipeline(&self.pipeline);
        pass.set_bind_group(0, &self.bind_group, &[offset]);
        let widest = loss_len.max(probs_len).max(hidden_len).max(embedding_len) as u64;
        let (x, y) = linear_workgroups(layout.runs as u64 * widest);
        pass.dispatch_workgroups(x, y, 1);
    }
}
