//! Shared plumbing of the view renderers: the HDR format, blend modes, building a render pipeline
//! that pulls everything from group 0 (no vertex buffers: quads come from the vertex index), and
//! the per-draw context (panel rects and element counts) every view's `draw` receives.

use super::layout::{Layout, Panel};
use crate::engine::HistoryLayout;

/// The scene's HDR colour target format.
pub const HDR_FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Rgba16Float;

/// How a view's fragments combine with the target.
#[derive(Clone, Copy, Debug)]
pub enum Blend {
    /// `src * alpha + dst`: glowing things; order independent.
    Additive,
    /// No blending: the card backgrounds, written once over the cleared target.
    Replace,
}

impl Blend {
    fn state(self) -> Option<wgpu::BlendState> {
        Some(match self {
            Blend::Additive => wgpu::BlendState {
                color: wgpu::BlendComponent {
                    src_factor: wgpu::BlendFactor::SrcAlpha,
                    dst_factor: wgpu::BlendFactor::One,
                    operation: wgpu::BlendOperation::Add,
                },
                alpha: wgpu::BlendComponent {
                    src_factor: wgpu::BlendFactor::Zero,
                    dst_factor: wgpu::BlendFactor::One,
                    operation: wgpu::BlendOperation::Add,
                },
            },
            Blend::Replace => return None,
        })
    }
}

/// A render pipeline of `module` (entry points `vs` / `fs`) drawing into the HDR target.
pub fn render_pipeline(
    device: &wgpu::Device,
    layout: &wgpu::PipelineLayout,
    module: &wgpu::ShaderModule,
    label: &str,
    (vs, fs): (&str, &str),
    blend: Blend,
) -> wgpu::RenderPipeline {
    device.create_render_pipeline(&wgpu::RenderPipelineDescriptor {
        label: Some(label),
        layout: Some(layout),
        vertex: wgpu::VertexState {
            module,
            entry_point: Some(vs),
            compilation_options: Default::default(),
            buffers: &[],
        },
        primitive: wgpu::PrimitiveState {
            topology: wgpu::PrimitiveTopology::TriangleList,
            cull_mode: None,
            ..Default::default()
        },
        depth_stencil: None,
        multisample: wgpu::MultisampleState::default(),
        fragment: Some(wgpu::FragmentState {
            module,
            entry_point: Some(fs),
            compilation_options: Default::default(),
            targets: &[Some(wgpu::ColorTargetState {
                format: HDR_FORMAT,
                blend: blend.state(),
                write_mask: wgpu::ColorWrites::ALL,
            })],
        }),
        multiview_mask: None,
        cache: None,
    })
}

/// What every view needs to issue its draws: where its panel is and how many elements to draw.
pub struct DrawContext<'a> {
    pub layout: &'a Layout,
    pub history: HistoryLayout,
    pub context: u32,
}

impl DrawContext<'_> {
    /// Sets viewport and scissor to `panel`'s plot rect; false when it is empty (skip drawing).
    pub fn focus(&self, pass: &mut wgpu::RenderPass<'_>, panel: Panel) -> bool {
        let rect = self.layout.plot(panel);
        self.focus_rect(pass, rect.x, rect.y, rect.w, rect.h)
    }

    fn focus_rect(&self, pass: &mut wgpu::RenderPass<'_>, x: f32, y: f32, w: f32, h: f32) -> bool {
        // wgpu rejects viewports that leave the target: clamp (layouts stay inside anyway).
        let (tw, th) = (self.layout.width as f32, self.layout.height as f32);
        let (x0, y0) = (x.clamp(0.0, tw), y.clamp(0.0, th));
        let (w, h) = ((x + w).min(tw) - x0, (y + h).min(th) - y0);
        let (x, y) = (x0, y0);
        let rect = super::layout::Rect::new(x, y, w, h);
        let Some((sx, sy, sw, sh)) = rect.to_pixels(self.layout.width, self.layout.height) else {
            return false;
        };
        if w < 1.0 || h < 1.0 {
            return false;
        }
        // The viewport keeps the exact (fractional) rect so shaders map plot pixels 1:1; the
        // scissor clips to the target.
        pass.set_viewport(x, y, w, h, 0.0, 1.0);
        pass.set_scissor_rect(sx, sy, sw, sh);
        true
    }

    /// The whole target.
    pub fn focus_all(&self, pass: &mut wgpu::RenderPass<'_>) -> bool {
        let (w, h) = (self.layout.width as f32, self.layout.height as f32);
        self.focus_rect(pass, 0.0, 0.0, w, h)
    }

    /// Segments between consecutive filled slots (0 when fewer than 2 slots).
    pub fn segments(&self) -> u32 {
        self.history.slots_filled.saturating_sub(1)
    }
}
