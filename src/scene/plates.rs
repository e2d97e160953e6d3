//! Plates: the overlay's large card backgrounds (the lesson column, the control bar, the math
//! card), drawn by a tiny pipeline of their own (shaders/overlay/plates.wgsl) in the egui pass,
//! just before egui's meshes.
//!
//! Why: egui fills every pixel of a card with its general shader (a texture sample, a blend);
//! on a software GPU the two big cards cost about 16 ms of a 1280x720 frame that way, and a flat
//! rounded rectangle costs a fraction of it. How: while the overlay runs, a card calls
//! [`paint_plate`] with its rectangle and colours (it paints no fill of its own); the scene
//! collects the plates of the pass ([`take_plates`]) and draws them first in the egui render
//! pass, premultiplied and in the output's encoding, as egui would have.

use egui::Color32;

/// A card background: a rounded rectangle (points) with a fill and a border.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plate {
    pub rect: egui::Rect,
    pub radius: f32,
    pub fill: Color32,
    pub stroke: Color32,
    pub stroke_width: f32,
}

fn id() -> egui::Id {
    egui::Id::unique("nextword_scene_plates")
}

/// Asks the scene to draw `plate` under this pass's egui meshes.
pub fn paint_plate(ctx: &egui::Context, plate: Plate) {
    ctx.data_mut(|d| d.get_temp_mut_or_default::<Vec<Plate>>(id()).push(plate));
}

/// The plates asked for since the last call (empties the list).
pub fn take_plates(ctx: &egui::Context) -> Vec<Plate> {
    ctx.data_mut(|d| std::mem::take(d.get_temp_mut_or_default::<Vec<Plate>>(id())))
}

/// One instance as the shader reads it.
#[repr(C)]
#[derive(Clone, Copy, Debug, bytemuck::Pod, bytemuck::Zeroable)]
struct PlateInstance {
    rect: [f32; 4],
    fill: [f32; 4],
    stroke: [f32; 4],
    shape: [f32; 4],
}

/// A premultiplied egui colour in the output's encoding: gamma as it is for a plain target, and
/// linear for an *Srgb one (as egui's own shaders write it).
fn encode(color: Color32, srgb_target: bool) -> [f32; 4] {
    let [r, g, b, a] = color.to_array().map(|c| f32::from(c) / 255.0);
    if !srgb_target {
        return [r, g, b, a];
    }
    let linear = |c: f32| {
        if c < 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    [linear(r), linear(g), linear(b), a]
}

const INSTANCE_SIZE: u64 = std::mem::size_of::<PlateInstance>() as u64;

pub(super) struct PlateRenderer {
    pipeline: wgpu::RenderPipeline,
    instances: wgpu::Buffer,
    capacity: u64,
    srgb_target: bool,
}

impl PlateRenderer {
    pub fn new(device: &wgpu::Device, output_format: wgpu::TextureFormat) -> Self {
        let module = device.create_shader_module(wgpu::ShaderModuleDescriptor {
            label: Some("overlay::plates.wgsl"),
            source: wgpu::ShaderSource::Wgsl(SOURCE.into()),
        });
        let layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some("Plates::layout"),
            bind_group_layouts: &[],
            immediate_size: 0,
        });
        let attributes = wgpu::vertex_attr_array![0 => Float32x4, 1 => Float32x4, 2 => Float32x4, 3 => Float32x4];
        let pipeline = device.create_render_pipeline(&wgpu::RenderPipelineDescriptor {
            label: Some("Plates::pipeline"),
            layout: Some(&layout),
            vertex: wgpu::VertexState {
                module: &module,
                entry_point: Some("vs_main"),
                compilation_options: Default::default(),
                buffers: &[Some(wgpu::VertexBufferLayout {
                    array_stride: INSTANCE_SIZE,
                    step_mode: wgpu::VertexStepMode::Instance,
                    attributes: &attributes,
                })],
            },
            fragment: Some(wgpu::FragmentState {
                module: &module,
                entry_point: Some("fs_main"),
                compilation_options: Default::default(),
                targets: &[Some(wgpu::ColorTargetState {
                    format: output_format,
                    blend: Some(wgpu::BlendState::PREMULTIPLIED_ALPHA_BLENDING),
                    write_mask: wgpu::ColorWrites::ALL,
                })],
            }),
            primitive: wgpu::PrimitiveState::default(),
            depth_stencil: None,
            multisample: wgpu::MultisampleState::default(),
            multiview_mask: None,
            cache: None,
        });
        let capacity = 8;
        Self {
            pipeline,
            instances: Self::buffer(device, capacity),
            capacity,
            srgb_target: output_format.is_srgb(),
        }
    }

    fn buffer(device: &wgpu::Device, capacity: u64) -> wgpu::Buffer {
        device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("Plates::instances"),
            size: capacity * INSTANCE_SIZE,
            usage: wgpu::BufferUsages::VERTEX | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        })
    }

    /// Uploads `plates` (points, at `ppp` pixels per point, on a `size` target); returns how
    /// many to draw.
    pub fn prepare(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        plates: &[Plate],
        ppp: f32,
        size: (u32, u32),
    ) -> u32 {
        let data: Vec<PlateInstance> = plates
            .iter()
            .filter(|p| p.rect.is_positive())
            .map(|p| PlateInstance {
                rect: [
                    p.rect.min.x * ppp,
                    p.rect.min.y * ppp,
                    p.rect.width() * ppp,
                    p.rect.height() * ppp,
                ],
                fill: encode(p.fill, self.srgb_target),
                stroke: encode(p.stroke, self.srgb_target),
                shape: [
                    p.radius * ppp,
                    p.stroke_width * ppp,
                    size.0 as f32,
                    size.1 as f32,
                ],
            })
            .collect();
        if data.len() as u64 > self.capacity {
            self.capacity = (data.len() as u64).next_power_of_two();
            self.instances = Self::buffer(device, self.capacity);
        }
        if !data.is_empty() {
            queue.write_buffer(&self.instances, 0, bytemuck::cast_slice(&data));
        }
        data.len() as u32
    }

    /// Draws the `count` prepared plates.
    pub fn draw(&self, pass: &mut wgpu::RenderPass<'_>, count: u32) {
        if count == 0 {
            return;
        }
        pass.set_pipeline(&self.pipeline);
        pass.set_vertex_buffer(0, self.instances.slice(..count as u64 * INSTANCE_SIZE));
        pass.draw(0..6, 0..count);
    }
}

/// The plates' WGSL (validated with naga in `cargo test`).
pub const SOURCE: &str = include_str!("../../shaders/overlay/plates.wgsl");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_arrive_as_egui_writes_them() {
        let c = Color32::from_rgba_premultiplied(9, 12, 22, 228);
        let gamma = encode(c, false);
        assert!((gamma[0] - 9.0 / 255.0).abs() < 1e-6 && (gamma[3] - 228.0 / 255.0).abs() < 1e-6);
        let linear = encode(Color32::WHITE, true);
        assert!(linear.iter().all(|&x| (x - 1.0).abs() < 1e-6));
        assert!(encode(Color32::from_gray(128), true)[0] < 0.25);
    }

    #[test]
    fn a_pass_takes_its_plates_once() {
        let ctx = egui::Context::default();
        let plate = Plate {
            rect: egui::Rect::from_min_size(egui::pos2(1.0, 2.0), egui::vec2(3.0, 4.0)),
            radius: 2.0,
            fill: Color32::BLACK,
            stroke: Color32::WHITE,
            stroke_width: 1.0,
        };
        paint_plate(&ctx, plate);
        assert_eq!(take_plates(&ctx), vec![plate]);
        assert!(take_plates(&ctx).is_empty());
    }
}
