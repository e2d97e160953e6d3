//! Blocking readbacks for the CLI and tests: copy a buffer range into a mappable staging buffer,
//! wait, and return its contents. The window never calls these per frame.

/// Read `len` f32 values starting at element `offset` of `buffer` (which needs `COPY_SRC`).
pub fn read_buffer_f32(
    device: &wgpu::Device,
    queue: &wgpu::Queue,
    buffer: &wgpu::Buffer,
    offset: usize,
    len: usize,
) -> Vec<f32> {
    bytemuck::cast_slice(&read_bytes(device, queue, buffer, offset * 4, len * 4)).to_vec()
}

/// Read `len` u32 values starting at element `offset` of `buffer` (which needs `COPY_SRC`).
pub fn read_buffer_u32(
    device: &wgpu::Device,
    queue: &wgpu::Queue,
    buffer: &wgpu::Buffer,
    offset: usize,
    len: usize,
) -> Vec<u32> {
    bytemuck::cast_slice(&read_bytes(device, queue, buffer, offset * 4, len * 4)).to_vec()
}

fn read_bytes(
    device: &wgpu::Device,
    queue: &wgpu::Queue,
    buffer: &wgpu::Buffer,
    byte_offset: usize,
    byte_len: usize,
) -> Vec<u8> {
    if byte_len == 0 {
        return Vec::new();
    }
    let staging = device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("readback::staging"),
        size: byte_len as u64,
        usage: wgpu::BufferUsages::COPY_DST | wgpu::BufferUsages::MAP_READ,
        mapped_at_creation: false,
    });
    let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
        label: Some("readback::encoder"),
    });
    encoder.copy_buffer_to_buffer(buffer, byte_offset as u64, &staging, 0, byte_len as u64);
    queue.submit([encoder.finish()]);
    let slice = staging.slice(..);
    let mapped = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let done = mapped.clone();
    slice.map_async(wgpu::MapMode::Read, move |result| match result {
        Ok(()) => done.store(true, std::sync::atomic::Ordering::Release),
        Err(e) => log::error!("readback map failed: {e}"),
    });
    if let Err(e) = device.poll(wgpu::PollType::wait_indefinitely()) {
        log::error!("GPU poll failed while waiting for a readback: {e}");
    }
    // A lost device maps nothing: read zeros (its owner sees the loss and rebuilds), no panic.
    if !mapped.load(std::sync::atomic::Ordering::Acquire) {
        return vec![0; byte_len];
    }
    let bytes = match slice.get_mapped_range() {
        Ok(range) => range.to_vec(),
        Err(e) => {
            log::error!("readback buffer was not mapped: {e}");
            return vec![0; byte_len];
        }
    };
    staging.unmap();
    bytes
}
