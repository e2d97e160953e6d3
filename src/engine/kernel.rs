//! Small helpers every kernel launcher uses: bind-group-layout entries, pipeline creation, and
//! the workgroup arithmetic (workgroup size lives here and in the WGSL `@workgroup_size`).

/// Invocations per workgroup of every engine kernel (keep in sync with shaders/engine/*.wgsl).
pub const WORKGROUP_SIZE: u32 = 64;
/// Workgroups per row of x; larger jobs spread over y (keep in sync with shaders/engine/*.wgsl).
pub const MAX_WORKGROUPS_X: u32 = 65535;

/// A compute-stage storage-buffer entry.
pub fn storage_entry(binding: u32, read_only: bool) -> wgpu::BindGroupLayoutEntry {
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
pub fn dynamic_uniform_entry(binding: u32, size: u64) -> wgpu::BindGroupLayoutEntry {
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

/// A bind group whose bindings are `buffers` in order (binding 0 read at `first_size` bytes, for
/// dynamic uniforms; `None` binds it whole).
pub fn bind_buffers(
    device: &wgpu::Device,
    label: &str,
    layout: &wgpu::BindGroupLayout,
    buffers: &[&wgpu::Buffer],
    first_size: Option<u64>,
) -> wgpu::BindGroup {
    let entries: Vec<wgpu::BindGroupEntry> = buffers
        .iter()
        .enumerate()
        .map(|(i, buffer)| wgpu::BindGroupEntry {
            binding: i as u32,
            resource: if i == 0 {
                wgpu::BindingResource::Buffer(wgpu::BufferBinding {
                    buffer,
                    offset: 0,
                    size: first_size.and_then(wgpu::BufferSize::new),
                })
            } else {
                buffer.as_entire_binding()
            },
        })
        .collect();
    device.create_bind_group(&wgpu::BindGroupDescriptor {
        label: Some(label),
        layout,
        entries: &entries,
    })
}

/// A compute pipeline from WGSL `source` with one bind group.
pub fn compute_pipeline(
    device: &wgpu::Device,
    label: &str,
    source: &str,
    entry_point: &str,
    entries: &[wgpu::BindGroupLayoutEntry],
) -> (wgpu::ComputePipeline, wgpu::BindGroupLayout) {
    let module = device.create_shader_module(wgpu::ShaderModuleDescriptor {
        label: Some(label),
        source: wgpu::ShaderSource::Wgsl(source.into()),
    });
    let bind_group_layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
        label: Some(label),
        entries,
    });
    let layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
        label: Some(label),
        bind_group_layouts: &[Some(&bind_group_layout)],
        immediate_size: 0,
    });
    let pipeline = device.create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
        label: Some(label),
        layout: Some(&layout),
        module: &module,
        entry_point: Some(entry_point),
        compilation_options: Default::default(),
        cache: None,
    });
    (pipeline, bind_group_layout)
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
pub struct UniformRing {
    pub buffer: wgpu::Buffer,
    pub stride: u64,
    pub slots: u32,
    next: u32,
}

impl UniformRing {
    pub fn new(device: &wgpu::Device, label: &str, block_size: u64, slots: u32) -> Self {
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
    pub fn push(&mut self, queue: &wgpu::Queue, block: &[u8]) -> u32 {
        let offset = self.next as u64 * self.stride;
        queue.write_buffer(&self.buffer, offset, block);
        self.next = (self.next + 1) % self.slots;
        offset as u32
    }
}
