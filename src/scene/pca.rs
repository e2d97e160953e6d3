//! The scene's compute passes, encoded before the render passes of a frame:
//! ranges (shaders/scene/ranges.wgsl: loss range, max |weight|, max |embedding|, max |hidden|),
//! PCA (shaders/scene/pca.wgsl: the embedding view's stable 3D basis over the recorded history)
//! and summary (shaders/scene/summary.wgsl: the handful of numbers read back for labels).
//!
//! How it works: all three are single-workgroup dispatches over group 0 with the derived and
//! summary buffers writable. The PCA runs only when the history it covers changed (new slots, a
//! different run or projection mode); it warm-starts from the previous basis, so the basis moves
//! continuously and never flips sign. [`pca_slots`] bounds its cost: at most 64 history slots, fewer
//! for big models, so one dispatch stays around a few million multiply-adds.

/// Multiply-adds one PCA dispatch may spend on the covariance.
const PCA_BUDGET: u64 = 4_000_000;

/// Orthogonal-iteration steps for a cold start and for a warm start.
pub const PCA_COLD_ITERATIONS: u32 = 96;
pub const PCA_WARM_ITERATIONS: u32 = 12;

/// How many history slots the PCA and ranges sample for a model of `vocab` x `embed_dim`.
pub fn pca_slots(vocab: u32, embed_dim: u32) -> u32 {
    let per_slot = u64::from(vocab.max(1)) * u64::from(embed_dim.max(1)).pow(2);
    (PCA_BUDGET / per_slot).clamp(2, 64) as u32
}

pub struct ScenePasses {
    ranges: wgpu::ComputePipeline,
    pca: wgpu::ComputePipeline,
    summary: wgpu::ComputePipeline,
}

fn compute_pipeline(
    device: &wgpu::Device,
    layout: &wgpu::PipelineLayout,
    name: &str,
    entry: &str,
) -> wgpu::ComputePipeline {
    let module = super::shaders::module(device, name);
    device.create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
        label: Some(&format!("ScenePasses::{name}")),
        layout: Some(layout),
        module: &module,
        entry_point: Some(entry),
        compilation_options: Default::default(),
        cache: None,
    })
}

impl ScenePasses {
    pub fn new(device: &wgpu::Device, compute_layout: &wgpu::BindGroupLayout) -> Self {
        let layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some("ScenePasses::layout"),
            bind_group_layouts: &[Some(compute_layout)],
            immediate_size: 0,
        });
        Self {
            ranges: compute_pipeline(device, &layout, "ranges", "cs_ranges"),
            pca: compute_pipeline(device, &layout, "pca", "cs_pca"),
            summary: compute_pipeline(device, &layout, "summary", "cs_summary"),
        }
    }

    /// Encodes ranges, (when `run_pca`) the PCA, and the summary.
    pub fn encode(
        &self,
        encoder: &mut wgpu::CommandEncoder,
        group: &wgpu::BindGroup,
        run_pca: bool,
    ) {
        let mut pass = encoder.begin_compute_pass(&wgpu::ComputePassDescriptor {
            label: Some("ScenePasses"),
            timestamp_writes: None,
        });
        pass.set_bind_group(0, group, &[]);
        pass.set_pipeline(&self.ranges);
        pass.dispatch_workgroups(1, 1, 1);
        if run_pca {
            pass.set_pipeline(&self.pca);
            pass.dispatch_workgroups(1, 1, 1);
        }
        pass.set_pipeline(&self.summary);
        pass.dispatch_workgroups(1, 1, 1);
    }
}
