//! Small helpers every kernel launcher uses: bind-group-layout entries, pipeline creation, and
//! the workgroup arithmetic (workgroup size lives here and in the WGSL `@workgroup_size`).

/// Invocations per workgroup of every engine kernel (keep in sync with shaders/engine/*.wgsl).
pub const WORKGROUP_SIZE: u32 = 64;
/// Workgroups per row of x; larger jobs spread over y (keep in sync with shaders/engine/*.wgsl).
pub const MAX_WORKGROUPS_X: u32 = 65535;

/// A compute-stage storage-buffer entry.
fn storage_entry(binding: u32, read_only: bool) -> wgpu::BindGroupLayoutEntry {
    wgpu::BindGroupLayoutEntry {
        binding,
        visibility: wgpu::ShaderStages::COMPUTE,
        ty: wgpu::BindingType::Buffer {
            ty: wgpu::BufferBindingType::Storage { read_only },
            has_dynamic_offset: false,
            min_binding_size: None,
        },
        count: None,
    }
}

/// A compute-stage uniform entry read at a dynamic offset of `size` bytes.
fn dynamic_uniform_entry(binding: u32, size: u64) -> wgpu::BindGroupLayoutEntry {
    wgpu::BindGroupLayoutEntry {
        binding,
        visibility: wgpu::ShaderStages::COMPUTE,
        ty: wgpu::BindingType::Buffer {
            ty: wgpu::BufferBindingType::Uniform,
            has_dynamic_offset: true,
            min_binding_size: wgpu::BufferSize::new(size),
        },
        count: None,
    }
}

/// Compute pipelines built from one WGSL module that share one bind group: binding 0 is a ring
/// of uniform blocks read at dynamic offsets, bindings 1.. are storage buffers in order.
pub struct KernelSet {
    pub pipelines: Vec<wgpu::ComputePipeline>,
    bind_group: wgpu::BindGroup,
    ring: UniformRing,
}

impl KernelSet {
    /// `buffers` pairs each storage buffer with whether the kernels only read it.
    pub fn new(
        device: &wgpu::Device,
        label: &str,
        source: &str,
        entry_points: &[&str],
        block_size: u64,
        ring_slots: u32,
        buffers: &[(&wgpu::Buffer, bool)],
    ) -> Self {
        let module = device.create_shader_module(wgpu::ShaderModuleDescriptor {
            label: Some(label),
            source: wgpu::ShaderSource::Wgsl(source.into()),
        });
        let mut entries = vec![dynamic_uniform_entry(0, block_size)];
        entries.extend(
            buffers
                .iter()
                .enumerate()
                .map(|(i, (_, read_only))| storage_entry(i as u32 + 1, *read_only)),
        );
        let bind_group_layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some(label),
            entries: &entries,
        });
        let layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some(label),
            bind_group_layouts: &[Some(&bind_group_layout)],
            immediate_size: 0,
        });
        let pipelines = entry_points
            .iter()
            .map(|entry| {
                device.create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
                    label: Some(&format!("{label}::{entry}")),
                    layout: Some(&layout),
                    module: &module,
                    entry_point: Some(entry),
                    compilation_options: Default::default(),
                    cache: None,
                })
            })
            .collect();
        let ring = UniformRing::new(device, label, block_size, ring_slots);
        let mut bindings = vec![wgpu::BindGroupEntry {
            binding: 0,
            resource: wgpu::BindingResource::Buffer(wgpu::BufferBinding {
                buffer: &ring.buffer,
                offset: 0,
                size: wgpu::BufferSize::new(block_size),
            }),
        }];
        bindings.extend(
            buffers
                .iter()
                .enumerate()
                .map(|(i, (buffer, _))| wgpu::BindGroupEntry {
                    binding: i as u32 + 1,
                    resource: buffer.as_entire_binding(),
                }),
        );
        let bind_group = device.create_bind_group(&wgpu::BindGroupDescriptor {
            label: Some(label),
            layout: &bind_group_layout,
            entries: &bindings,
        });
        Self {
            pipelines,
            bind_group,
            ring,
        }
    }

    /// Writes `block` into the next ring slot and binds the group to read it.
    pub fn bind_block(
        &mut self,
        queue: &wgpu::Queue,
        pass: &mut wgpu::ComputePass<'_>,
        block: &[u8],
    ) {
        let offset = self.ring.push(queue, block);
        pass.set_bind_group(0, &self.bind_group, &[offset]);
    }
}

/// Workgroup counts (x, y) covering `invocations` threads, one thread per item.
pub fn linear_workgroups(invocations: u64) -> (u32, u32) {
    let groups = invocations.div_ceil(WORKGROUP_SIZE as u64).max(1);
    let x = groups.min(MAX_WORKGROUPS_X as u64) as u32;
    let y = groups.div_ceil(MAX_WORKGROUPS_X as u64) as u32;
    (x, y)
}

/// A ring of uniform blocks read at dynamic offsets: each dispatch of a submit gets its own
/// block, written with `queue.write_buffer` before the submit that reads it.
struct UniformRing {
    buffer: wgpu::Buffer,
    stride: u64,
    slots: u32,
    next: u32,
}

impl UniformRing {
    fn new(device: &wgpu::Device, label: &str, block_size: u64, slots: u32) -> Self {
        let align = device.limits().min_uniform_buffer_offset_alignment as u64;
        let stride = block_size.div_ceil(align) * align;
        let buffer = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some(label),
            size: stride * slots as u64,
            usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        Self {
            buffer,
            stride,
            slots,
            next: 0,
        }
    }

    /// Writes `block` into the next slot and returns its dynamic offset.
    fn push(&mut self, queue: &wgpu::Queue, block: &[u8]) -> u32 {
        let offset = self.next as u64 * self.stride;
        queue.write_buffer(&self.buffer, offset, block);
        self.next = (self.next + 1) % self.slots;
        offset as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::shader_source::{COMPACT, TRAIN_LAYERED, TRAIN_PER_RUN};

    /// Kernels rebuild a linear index as `gid.x + gid.y * ROW`; ROW must be the invocations in
    /// one row of [`linear_workgroups`], in every kernel (the unrolled one is generated).
    #[test]
    fn kernels_agree_with_the_host_on_a_dispatch_row() {
        let row = format!("gid.y * {}u", MAX_WORKGROUPS_X * WORKGROUP_SIZE);
        let lesson = crate::lesson::load_builtin("cat-sat").unwrap();
        let setup = crate::engine::TrainingSetup::from_lesson(&lesson, &lesson.corpus().unwrap());
        let unrolled = crate::engine::unrolled::unrolled_source(&setup);
        for (name, source) in [
            ("compact", COMPACT),
            ("layered", TRAIN_LAYERED),
            ("per-run", TRAIN_PER_RUN),
            ("unrolled", unrolled.as_str()),
        ] {
            assert!(source.contains(&row), "{name} does not use {row}");
        }
        assert_eq!(
            linear_workgroups(u64::from(MAX_WORKGROUPS_X) * 64 + 1),
            (65535, 2)
        );
    }
}
