//! Glow: bloom over the HDR target and the final tonemap into the output (window surface or
//! offscreen texture), after bevy's bloom.
//!
//! How it works: the HDR frame is prefiltered into a quarter-size Rgba16Float texture (4x4 block
//! average with a soft threshold, so only bright things glow), downsampled into a chain of
//! half-size textures (13-tap filter), then the chain is walked back up with a tent filter, each
//! level added onto the next larger one. The tonemap pass adds level 0 of the chain to the HDR
//! frame, applies exposure and ACES, encodes sRGB and writes the output. Everything is
//! deterministic (no temporal effects), so the same inputs give the same pixels.
//!
//! Costs were measured on Mesa's software rasterizer, where every full-resolution sample counts:
//! the chain starts at a quarter of the frame, the upsample tent is 4 bilinear taps, and the
//! tonemap avoids `pow`.

use bytemuck::{Pod, Zeroable};

use super::pipeline::HDR_FORMAT;

/// Keep in sync with `BloomParams` in shaders/post/bloom.wgsl.
#[repr(C)]
#[derive(Clone, Copy, Debug, Pod, Zeroable)]
struct BloomParams {
    texel: [f32; 2],
    threshold: f32,
    knee: f32,
    intensity: f32,
    first: u32,
    pad0: u32,
    pad1: u32,
}
const _: () = assert!(std::mem::size_of::<BloomParams>() == 32);

/// Keep in sync with `TonemapParams` in shaders/post/tonemap.wgsl.
#[repr(C)]
#[derive(Clone, Copy, Debug, Pod, Zeroable)]
struct TonemapParams {
    bloom_strength: f32,
    exposure: f32,
    encode_srgb: u32,
    dither: u32,
}
const _: () = assert!(std::mem::size_of::<TonemapParams>() == 16);

/// What the final composite needs besides the textures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Composite {
    pub bloom: BloomSettings,
    /// Ordered dither against banding (off in deterministic mode).
    pub dither: bool,
    /// Where the scene shows (x, y, w, h pixels); None: everywhere. The rest is cleared to black:
    /// the overlay's opaque cards cover it, and a software GPU saves the tonemap there.
    pub regions: Option<[[u32; 4]; 2]>,
    /// Reuse the glow computed for the previous frame instead of recomputing it (every other
    /// frame in a window: a glow one frame old is invisible, and it saves a software GPU a
    /// sixth of its frame).
    pub reuse_bloom: bool,
}

/// Most levels in the bloom chain; the smallest level is at least 4 pixels on its short side.
const MAX_LEVELS: usize = 7;
/// Uniform offsets must be 256-byte aligned.
const PARAM_STRIDE: u64 = 256;

/// Tunables of the glow.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BloomSettings {
    pub enabled: bool,
    /// HDR brightness where glow starts (with a soft knee below it).
    pub threshold: f32,
    pub knee: f32,
    /// How much of the bloom chain is added to the frame.
    pub strength: f32,
    pub exposure: f32,
}

impl Default for BloomSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            threshold: 0.8,
            knee: 0.5,
            strength: 1.0,
            exposure: 1.0,
        }
    }
}

/// The size-dependent part: chain textures and bind groups.
struct Chain {
    size: (u32, u32),
    views: Vec<wgpu::TextureView>,
    down_groups: Vec<wgpu::BindGroup>,
    up_groups: Vec<wgpu::BindGroup>,
    tonemap_group: wgpu::BindGroup,
    params: wgpu::Buffer,
}

pub struct PostProcess {
    sampler: wgpu::Sampler,
    bloom_layout: wgpu::BindGroupLayout,
    tonemap_layout: wgpu::BindGroupLayout,
    prefilter: wgpu::RenderPipeline,
    downsample: wgpu::RenderPipeline,
    upsample: wgpu::RenderPipeline,
    tonemap: wgpu::RenderPipeline,
    tonemap_params: wgpu::Buffer,
    encode_srgb: bool,
    chain: Option<Chain>,
    /// Whether the chain holds a glow computed for the current target (may be reused).
    chain_fresh: bool,
}

fn texture_entry(binding: u32) -> wgpu::BindGroupLayoutEntry {
    wgpu::BindGroupLayoutEntry {
        binding,
        visibility: wgpu::ShaderStages::FRAGMENT,
        ty: wgpu::BindingType::Texture {
            sample_type: wgpu::TextureSampleType::Float { filterable: true },
            view_dimension: wgpu::TextureViewDimension::D2,
            multisampled: false,
        },
        count: None,
    }
}

fn sampler_entry(binding: u32) -> wgpu::BindGroupLayoutEntry {
    wgpu::BindGroupLayoutEntry {
        binding,
        visibility: wgpu::ShaderStages::FRAGMENT,
        ty: wgpu::BindingType::Sampler(wgpu::SamplerBindingType::Filtering),
        count: None,
    }
}

fn uniform_entry(binding: u32, size: u64) -> wgpu::BindGroupLayoutEntry {
    wgpu::BindGroupLayoutEntry {
        binding,
        visibility: wgpu::ShaderStages::FRAGMENT,
        ty: wgpu::BindingType::Buffer {
            ty: wgpu::BufferBindingType::Uniform,
            has_dynamic_offset: false,
            min_binding_size: wgpu::BufferSize::new(size),
        },
        count: None,
    }
}

fn fullscreen_pipeline(
    device: &wgpu::Device,
    layout: &wgpu::BindGroupLayout,
    module: &wgpu::ShaderModule,
    label: &str,
    fs: &str,
    format: wgpu::TextureFormat,
    blend: Option<wgpu::BlendState>,
) -> wgpu::RenderPipeline {
    let pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
        label: Some(label),
        bind_group_layouts: &[Some(layout)],
        immediate_size: 0,
    });
    device.create_render_pipeline(&wgpu::RenderPipelineDescriptor {
        label: Some(label),
        layout: Some(&pipeline_layout),
        vertex: wgpu::VertexState {
            module,
            entry_point: Some("vs_fullscreen"),
            compilation_options: Default::default(),
            buffers: &[],
        },
        primitive: wgpu::PrimitiveState::default(),
        depth_stencil: None,
        multisample: wgpu::MultisampleState::default(),
        fragment: Some(wgpu::FragmentState {
            module,
            entry_point: Some(fs),
            compilation_options: Default::default(),
            targets: &[Some(wgpu::ColorTargetState {
                format,
                blend,
                write_mask: wgpu::ColorWrites::ALL,
            })],
        }),
        multiview_mask: None,
        cache: None,
    })
}

/// Sizes of the chain levels for a `width` x `height` frame (the first is a quarter of it).
pub fn chain_sizes(width: u32, height: u32) -> Vec<(u32, u32)> {
    let mut sizes = Vec::new();
    let (mut w, mut h) = (width / 4, height / 4);
    while sizes.len() < MAX_LEVELS && w.min(h) >= 4 {
        sizes.push((w, h));
        w /= 2;
        h /= 2;
    }
    sizes
}

impl PostProcess {
    pub fn new(device: &wgpu::Device, output_format: wgpu::TextureFormat) -> Self {
        let sampler = device.create_sampler(&wgpu::SamplerDescriptor {
            label: Some("PostProcess::sampler"),
            address_mode_u: wgpu::AddressMode::ClampToEdge,
            address_mode_v: wgpu::AddressMode::ClampToEdge,
            mag_filter: wgpu::FilterMode::Linear,
            min_filter: wgpu::FilterMode::Linear,
            ..Default::default()
        });
        let bloom_layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("PostProcess::bloom_layout"),
            entries: &[texture_entry(0), sampler_entry(1), uniform_entry(2, 32)],
        });
        let tonemap_layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("PostProcess::tonemap_layout"),
            entries: &[
                texture_entry(0),
                texture_entry(1),
                sampler_entry(2),
                uniform_entry(3, std::mem::size_of::<TonemapParams>() as u64),
            ],
        });
        let bloom = super::shaders::module(device, "bloom");
        let tonemap = super::shaders::module(device, "tonemap");
        let add = wgpu::BlendState {
            color: wgpu::BlendComponent {
                src_factor: wgpu::BlendFactor::One,
                dst_factor: wgpu::BlendFactor::One,
                operation: wgpu::BlendOperation::Add,
            },
            alpha: wgpu::BlendComponent::REPLACE,
        };
        Self {
            prefilter: fullscreen_pipeline(
                device,
                &bloom_layout,
                &bloom,
                "Bloom::prefilter",
                "fs_prefilter",
                HDR_FORMAT,
                None,
            ),
            downsample: fullscreen_pipeline(
                device,
                &bloom_layout,
                &bloom,
                "Bloom::downsample",
                "fs_downsample",
                HDR_FORMAT,
                None,
            ),
            upsample: fullscreen_pipeline(
                device,
                &bloom_layout,
                &bloom,
                "Bloom::upsample",
                "fs_upsample",
                HDR_FORMAT,
                Some(add),
            ),
            tonemap: fullscreen_pipeline(
                device,
                &tonemap_layout,
                &tonemap,
                "Tonemap::pipeline",
                "fs_main",
                output_format,
                None,
            ),
            tonemap_params: device.create_buffer(&wgpu::BufferDescriptor {
                label: Some("Tonemap::params"),
                size: std::mem::size_of::<TonemapParams>() as u64,
                usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
                mapped_at_creation: false,
            }),
            encode_srgb: !output_format.is_srgb(),
            sampler,
            bloom_layout,
            tonemap_layout,
            chain: None,
            chain_fresh: false,
        }
    }

    fn ensure_chain(&mut self, device: &wgpu::Device, hdr: &wgpu::TextureView, size: (u32, u32)) {
        if self.chain.as_ref().is_some_and(|c| c.size == size) {
            return;
        }
        self.chain_fresh = false;
        let sizes = chain_sizes(size.0, size.1);
        let sizes = if sizes.is_empty() {
            vec![(1, 1)]
        } else {
            sizes
        };
        let views: Vec<wgpu::TextureView> = sizes
            .iter()
            .enumerate()
            .map(|(i, &(w, h))| {
                device
                    .create_texture(&wgpu::TextureDescriptor {
                        label: Some(&format!("Bloom::level{i}")),
                        size: wgpu::Extent3d {
                            width: w,
                            height: h,
                            depth_or_array_layers: 1,
                        },
                        mip_level_count: 1,
                        sample_count: 1,
                        dimension: wgpu::TextureDimension::D2,
                        format: HDR_FORMAT,
                        usage: wgpu::TextureUsages::RENDER_ATTACHMENT
                            | wgpu::TextureUsages::TEXTURE_BINDING,
                        view_formats: &[],
                    })
                    .create_view(&wgpu::TextureViewDescriptor::default())
            })
            .collect();
        let params = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("Bloom::params"),
            size: PARAM_STRIDE * 2 * sizes.len() as u64,
            usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let group = |label: &str, src: &wgpu::TextureView, slot: u64| {
            device.create_bind_group(&wgpu::BindGroupDescriptor {
                label: Some(label),
                layout: &self.bloom_layout,
                entries: &[
                    wgpu::BindGroupEntry {
                        binding: 0,
                        resource: wgpu::BindingResource::TextureView(src),
                    },
                    wgpu::BindGroupEntry {
                        binding: 1,
                        resource: wgpu::BindingResource::Sampler(&self.sampler),
                    },
                    wgpu::BindGroupEntry {
                        binding: 2,
                        resource: wgpu::BindingResource::Buffer(wgpu::BufferBinding {
                            buffer: &params,
                            offset: slot * PARAM_STRIDE,
                            size: wgpu::BufferSize::new(32),
                        }),
                    },
                ],
            })
        };
        let down_groups = (0..views.len())
            .map(|i| {
                group(
                    &format!("Bloom::down{i}"),
                    if i == 0 { hdr } else { &views[i - 1] },
                    i as u64,
                )
            })
            .collect();
        let up_groups = (0..views.len().saturating_sub(1))
            .map(|i| {
                group(
                    &format!("Bloom::up{i}"),
                    &views[i + 1],
                    (views.len() + i) as u64,
                )
            })
            .collect();
        let tonemap_group = device.create_bind_group(&wgpu::BindGroupDescriptor {
            label: Some("Tonemap::group"),
            layout: &self.tonemap_layout,
            entries: &[
                wgpu::BindGroupEntry {
                    binding: 0,
                    resource: wgpu::BindingResource::TextureView(hdr),
                },
                wgpu::BindGroupEntry {
                    binding: 1,
                    resource: wgpu::BindingResource::TextureView(&views[0]),
                },
                wgpu::BindGroupEntry {
                    binding: 2,
                    resource: wgpu::BindingResource::Sampler(&self.sampler),
                },
                wgpu::BindGroupEntry {
                    binding: 3,
                    resource: self.tonemap_params.as_entire_binding(),
                },
            ],
        });
        self.chain = Some(Chain {
            size,
            views,
            down_groups,
            up_groups,
            tonemap_group,
            params,
        });
    }

    /// Forgets the size-dependent resources (call when the HDR target is recreated).
    pub fn invalidate(&mut self) {
        self.chain = None;
        self.chain_fresh = false;
    }

    /// Encodes bloom (when enabled) and the tonemap of `hdr` (`size`) into `output`.
    #[allow(clippy::too_many_arguments)]
    pub fn encode(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        encoder: &mut wgpu::CommandEncoder,
        hdr: &wgpu::TextureView,
        size: (u32, u32),
        output: &wgpu::TextureView,
        composite: &Composite,
    ) {
        let reusable = self.chain_fresh && self.chain.as_ref().is_some_and(|c| c.size == size);
        let bloom_on = if composite.reuse_bloom && reusable && composite.bloom.enabled {
            true
        } else {
            let on = self.encode_bloom(device, queue, encoder, hdr, size, &composite.bloom);
            self.chain_fresh = on;
            on
        };
        self.encode_tonemap(queue, encoder, output, composite, bloom_on);
    }

    /// Encodes the bloom chain of `hdr`; returns whether bloom ran.
    pub fn encode_bloom(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        encoder: &mut wgpu::CommandEncoder,
        hdr: &wgpu::TextureView,
        size: (u32, u32),
        settings: &BloomSettings,
    ) -> bool {
        self.ensure_chain(device, hdr, size);
        let chain = self.chain.as_ref().expect("chain just built");
        let levels = chain.views.len();
        let bloom_on = settings.enabled && chain_sizes(size.0, size.1).len() == levels;
        if bloom_on {
            encoder.push_debug_group("Bloom");
            let sizes = chain_sizes(size.0, size.1);
            for (i, view) in chain.views.iter().enumerate() {
                let src = if i == 0 { size } else { sizes[i - 1] };
                let params = BloomParams {
                    texel: [1.0 / src.0 as f32, 1.0 / src.1 as f32],
                    threshold: settings.threshold,
                    knee: settings.knee,
                    intensity: 1.0,
                    first: u32::from(i == 0),
                    pad0: 0,
                    pad1: 0,
                };
                queue.write_buffer(
                    &chain.params,
                    i as u64 * PARAM_STRIDE,
                    bytemuck::bytes_of(&params),
                );
                let (label, pipeline) = if i == 0 {
                    ("Bloom::prefilter", &self.prefilter)
                } else {
                    ("Bloom::downsample", &self.downsample)
                };
                fullscreen_pass(
                    encoder,
                    label,
                    view,
                    wgpu::LoadOp::Clear(wgpu::Color::BLACK),
                    pipeline,
                    &chain.down_groups[i],
                );
            }
            for i in (0..levels - 1).rev() {
                let src = sizes[i + 1];
                let params = BloomParams {
                    texel: [1.0 / src.0 as f32, 1.0 / src.1 as f32],
                    threshold: 0.0,
                    knee: 0.0,
                    intensity: 1.0,
                    first: 0,
                    pad0: 0,
                    pad1: 0,
                };
                queue.write_buffer(
                    &chain.params,
                    (levels + i) as u64 * PARAM_STRIDE,
                    bytemuck::bytes_of(&params),
                );
                fullscreen_pass(
                    encoder,
                    "Bloom::upsample",
                    &chain.views[i],
                    wgpu::LoadOp::Load,
                    &self.upsample,
                    &chain.up_groups[i],
                );
            }
            encoder.pop_debug_group();
        }
        bloom_on
    }

    /// Encodes the tonemap of the HDR frame (plus bloom when `bloom_on`) into `output`. Call
    /// after [`Self::encode_bloom`].
    pub fn encode_tonemap(
        &self,
        queue: &wgpu::Queue,
        encoder: &mut wgpu::CommandEncoder,
        output: &wgpu::TextureView,
        composite: &Composite,
        bloom_on: bool,
    ) {
        let chain = self.chain.as_ref().expect("encode_bloom builds the chain");
        let levels = chain.views.len();
        let settings = &composite.bloom;
        let params = TonemapParams {
            bloom_strength: if bloom_on {
                settings.strength / levels as f32
            } else {
                0.0
            },
            exposure: settings.exposure,
            encode_srgb: u32::from(self.encode_srgb),
            dither: u32::from(composite.dither),
        };
        queue.write_buffer(&self.tonemap_params, 0, bytemuck::bytes_of(&params));
        let mut pass = encoder.begin_render_pass(&wgpu::RenderPassDescriptor {
            label: Some("Tonemap"),
            color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                view: output,
                depth_slice: None,
                resolve_target: None,
                ops: wgpu::Operations {
                    load: wgpu::LoadOp::Clear(wgpu::Color::BLACK),
                    store: wgpu::StoreOp::Store,
                },
            })],
            depth_stencil_attachment: None,
            timestamp_writes: None,
            occlusion_query_set: None,
            multiview_mask: None,
        });
        pass.set_pipeline(&self.tonemap);
        pass.set_bind_group(0, &chain.tonemap_group, &[]);
        match &composite.regions {
            None => pass.draw(0..3, 0..1),
            Some(regions) => {
                for &[x, y, w, h] in regions.iter().filter(|r| r[2] > 0 && r[3] > 0) {
                    pass.set_scissor_rect(x, y, w, h);
                    pass.draw(0..3, 0..1);
                }
            }
        }
    }
}

fn fullscreen_pass(
    encoder: &mut wgpu::CommandEncoder,
    label: &str,
    target: &wgpu::TextureView,
    load: wgpu::LoadOp<wgpu::Color>,
    pipeline: &wgpu::RenderPipeline,
    group: &wgpu::BindGroup,
) {
    let mut pass = encoder.begin_render_pass(&wgpu::RenderPassDescriptor {
        label: Some(label),
        color_attachments: &[Some(wgpu::RenderPassColorAttachment {
            view: target,
            depth_slice: None,
            resolve_target: None,
            ops: wgpu::Operations {
                load,
                store: wgpu::StoreOp::Store,
            },
        })],
        depth_stencil_attachment: None,
        timestamp_writes: None,
        occlusion_query_set: None,
        multiview_mask: None,
    });
    pass.set_pipeline(pipeline);
    pass.set_bind_group(0, group, &[]);
    pass.draw(0..3, 0..1);
}
