//! Group 0 of every scene pipeline: the frame uniform, the engine's history and parameter
//! buffers (bound directly, never copied), the per-word styles, and the scene's own derived,
//! scratch and summary buffers.
//!
//! How it works: render pipelines see everything read-only (bindings_render.wgsl); compute
//! pipelines see the same buffers with derived/scratch/summary writable (bindings_compute.wgsl).
//! Bind groups are rebuilt only when one of the engine's buffers is a different buffer than last
//! frame (wgpu buffers compare by identity) or the scene's own buffers were resized for a new model.

use super::uniforms::{FrameUniforms, WordStyle, derived_len, summary_len};
use crate::engine::HistoryBuffers;

const READ_ONLY: [u32; 7] = [1, 2, 3, 4, 5, 6, 7];

fn storage(
    binding: u32,
    visibility: wgpu::ShaderStages,
    read_only: bool,
) -> wgpu::BindGroupLayoutEntry {
    wgpu::BindGroupLayoutEntry {
        binding,
        visibility,
        ty: wgpu::BindingType::Buffer {
            ty: wgpu::BufferBindingType::Storage { read_only },
            has_dynamic_offset: false,
            min_binding_size: None,
        },
        count: None,
    }
}

fn uniform(binding: u32, visibility: wgpu::ShaderStages) -> wgpu::BindGroupLayoutEntry {
    wgpu::BindGroupLayoutEntry {
        binding,
        visibility,
        ty: wgpu::BindingType::Buffer {
            ty: wgpu::BufferBindingType::Uniform,
            has_dynamic_offset: false,
            min_binding_size: wgpu::BufferSize::new(std::mem::size_of::<FrameUniforms>() as u64),
        },
        count: None,
    }
}

/// The engine buffers a bind group was built from, to notice when they change.
#[derive(PartialEq)]
struct Sources {
    loss: wgpu::Buffer,
    probs: wgpu::Buffer,
    hidden: wgpu::Buffer,
    history_params: wgpu::Buffer,
    params: wgpu::Buffer,
    generation: u64,
}

/// Layouts, the scene-owned buffers and the current bind groups.
pub struct SceneBindings {
    pub render_layout: wgpu::BindGroupLayout,
    pub compute_layout: wgpu::BindGroupLayout,
    pub frame: wgpu::Buffer,
    pub words: wgpu::Buffer,
    pub derived: wgpu::Buffer,
    pub scratch: wgpu::Buffer,
    pub summary: wgpu::Buffer,
    /// (vocab, embed_dim, hidden) the scene buffers are sized for.
    dims: (u32, u32, u32),
    generation: u64,
    sources: Option<Sources>,
    pub render_group: Option<wgpu::BindGroup>,
    pub compute_group: Option<wgpu::BindGroup>,
}

fn f32_buffer(
    device: &wgpu::Device,
    label: &str,
    floats: usize,
    usage: wgpu::BufferUsages,
) -> wgpu::Buffer {
    device.create_buffer(&wgpu::BufferDescriptor {
        label: Some(label),
        size: (floats.max(4) * 4) as u64,
        usage,
        mapped_at_creation: false,
    })
}

impl SceneBindings {
    pub fn new(device: &wgpu::Device) -> Self {
        let vf = wgpu::ShaderStages::VERTEX | wgpu::ShaderStages::FRAGMENT;
        let mut render_entries = vec![uniform(0, vf)];
        render_entries.extend(READ_ONLY.map(|b| storage(b, vf, true)));
        let render_layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("SceneBindings::render_layout"),
            entries: &render_entries,
        });
        let cs = wgpu::ShaderStages::COMPUTE;
        let mut compute_entries = vec![uniform(0, cs)];
        compute_entries.extend([1, 2, 3, 4, 5, 6].map(|b| storage(b, cs, true)));
        compute_entries.extend([7, 8, 9].map(|b| storage(b, cs, false)));
        let compute_layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("SceneBindings::compute_layout"),
            entries: &compute_entries,
        });
        let frame = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("SceneBindings::frame"),
            size: std::mem::size_of::<FrameUniforms>() as u64,
            usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let mut bindings = Self {
            render_layout,
            compute_layout,
            frame,
            words: f32_buffer(
                device,
                "SceneBindings::words",
                8,
                wgpu::BufferUsages::STORAGE,
            ),
            derived: f32_buffer(
                device,
                "SceneBindings::derived",
                4,
                wgpu::BufferUsages::STORAGE,
            ),
            scratch: f32_buffer(
                device,
                "SceneBindings::scratch",
                4,
                wgpu::BufferUsages::STORAGE,
            ),
            summary: f32_buffer(
                device,
                "SceneBindings::summary",
                4,
                wgpu::BufferUsages::STORAGE,
            ),
            dims: (0, 0, 0),
            generation: 0,
            sources: None,
            render_group: None,
            compute_group: None,
        };
        bindings.resize(device, 1, 1, 1);
        bindings
    }

    /// Sizes the scene-owned buffers for a model; returns true when they were recreated (the
    /// PCA basis then starts cold).
    pub fn resize(
        &mut self,
        device: &wgpu::Device,
        vocab: u32,
        embed_dim: u32,
        hidden: u32,
    ) -> bool {
        if self.dims == (vocab, embed_dim, hidden) {
            return false;
        }
        self.dims = (vocab, embed_dim, hidden);
        let rw = wgpu::BufferUsages::STORAGE
            | wgpu::BufferUsages::COPY_DST
            | wgpu::BufferUsages::COPY_SRC;
        let words = vocab.max(1) as usize * std::mem::size_of::<WordStyle>() / 4;
        self.words = f32_buffer(device, "SceneBindings::words", words, rw);
        self.derived = f32_buffer(device, "SceneBindings::derived", derived_len(embed_dim), rw);
        let dim = embed_dim.min(super::uniforms::PCA_MAX_DIM) as usize;
        self.scratch = f32_buffer(device, "SceneBindings::scratch", dim * dim, rw);
        self.summary = f32_buffer(
            device,
            "SceneBindings::summary",
            summary_len(vocab, embed_dim, hidden),
            rw,
        );
        self.generation += 1;
        true
    }

    /// (Re)builds the bind groups when the engine's buffers or the scene's own changed.
    pub fn bind(
        &mut self,
        device: &wgpu::Device,
        history: &HistoryBuffers<'_>,
        params: &wgpu::Buffer,
    ) {
        let sources = Sources {
            loss: history.loss.clone(),
            probs: history.probs.clone(),
            hidden: history.hidden.clone(),
            history_params: history.params.clone(),
            params: params.clone(),
            generation: self.generation,
        };
        if self.sources.as_ref() == Some(&sources) && self.render_group.is_some() {
            return;
        }
        let engine = [
            history.loss,
            history.probs,
            history.hidden,
            history.params,
            params,
        ];
        let mut entries = vec![wgpu::BindGroupEntry {
            binding: 0,
            resource: self.frame.as_entire_binding(),
        }];
        for (i, buffer) in engine.iter().enumerate() {
            entries.push(wgpu::BindGroupEntry {
                binding: i as u32 + 1,
                resource: buffer.as_entire_binding(),
            });
        }
        for (binding, buffer) in [(6, &self.words), (7, &self.derived)] {
            entries.push(wgpu::BindGroupEntry {
                binding,
                resource: buffer.as_entire_binding(),
            });
        }
        self.render_group = Some(device.create_bind_group(&wgpu::BindGroupDescriptor {
            label: Some("SceneBindings::render_group"),
            layout: &self.render_layout,
            entries: &entries,
        }));
        for (binding, buffer) in [(8, &self.scratch), (9, &self.summary)] {
            entries.push(wgpu::BindGroupEntry {
                binding,
                resource: buffer.as_entire_binding(),
            });
        }
        self.compute_group = Some(device.create_bind_group(&wgpu::BindGroupDescriptor {
            label: Some("SceneBindings::compute_group"),
            layout: &self.compute_layout,
            entries: &entries,
        }));
        self.sources = Some(sources);
    }
}
