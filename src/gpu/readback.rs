//! Blocking readbacks for the CLI and tests: copy a buffer range into a mappable staging buffer,
//! wait, and return its contents. The window never calls these per frame; it reads its overlay's
//! numbers a few times a second through a [`StagingReader`], which keeps its staging buffer.

/// A staging buffer kept between readbacks: once it has grown to the largest read, reading
/// allocates nothing on the GPU side (the window re-reads the history a few times a second;
/// a fresh multi-megabyte buffer each time fragments the process's heap).
#[derive(Debug, Default)]
pub struct StagingReader {
    staging: Option<wgpu::Buffer>,
}

impl StagingReader {
    /// Copies each `(buffer, first byte, bytes)` range into the staging buffer in one submit,
    /// waits, and hands each range's bytes to `take` in order. Returns false, having handed
    /// nothing, when the copy could not be read (a lost device).
    pub fn read(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        ranges: &[(&wgpu::Buffer, u64, u64)],
        mut take: impl FnMut(usize, &[u8]),
    ) -> bool {
        let total: u64 = ranges.iter().map(|r| r.2).sum();
        if total == 0 {
            return true;
        }
        let size = self.staging.as_ref().map_or(0, |b| b.size());
        // Grow to fit; shrink when far too big (a small lesson after a large one).
        if size < total || size > total.saturating_mul(4).max(1 << 20) {
            self.staging = Some(device.create_buffer(&wgpu::BufferDescriptor {
                label: Some("StagingReader::staging"),
                size: total,
                usage: wgpu::BufferUsages::COPY_DST | wgpu::BufferUsages::MAP_READ,
                mapped_at_creation: false,
            }));
        }
        let Some(staging) = &self.staging else {
            return false;
        };
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("StagingReader::encoder"),
        });
        let mut at = 0;
        for &(buffer, offset, len) in ranges {
            encoder.copy_buffer_to_buffer(buffer, offset, staging, at, len);
            at += len;
        }
        queue.submit([encoder.finish()]);
        let slice = staging.slice(..total);
        let bytes = match map_and_wait(device, &slice) {
            Ok(bytes) => bytes,
            Err(e) => {
                log::error!("{e}");
                return false;
            }
        };
        let mut at = 0;
        for (i, range) in ranges.iter().enumerate() {
            take(i, &bytes[at..at + range.2 as usize]);
            at += range.2 as usize;
        }
        drop(bytes);
        staging.unmap();
        true
    }
}

/// Maps `slice` for reading and waits for it. A failure (a lost device among them) is one line
/// of text: nothing panics, and nothing waits on a mapping that will never come.
pub fn map_and_wait<'a>(
    device: &wgpu::Device,
    slice: &wgpu::BufferSlice<'a>,
) -> Result<wgpu::BufferView, String> {
    let (sender, receiver) = std::sync::mpsc::channel();
    slice.map_async(wgpu::MapMode::Read, move |result| {
        let _ = sender.send(result);
    });
    let polled = device.poll(wgpu::PollType::wait_indefinitely());
    match receiver.try_recv() {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(format!("mapping the readback failed: {e}")),
        Err(_) => {
            return Err(match polled {
                Err(e) => format!("waiting for the GPU failed: {e}"),
                Ok(_) => "the readback was never mapped".into(),
            });
        }
    }
    slice
        .get_mapped_range()
        .map_err(|e| format!("the readback was not mapped: {e}"))
}

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
    // A lost device maps nothing: read zeros (its owner sees the loss and rebuilds), no panic.
    let mut bytes = vec![0; byte_len];
    let range = [(buffer, byte_offset as u64, byte_len as u64)];
    StagingReader::default().read(device, queue, &range, |_, read| bytes.copy_from_slice(read));
    bytes
}
