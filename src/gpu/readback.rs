//! Readbacks: copy buffer ranges into a mappable staging buffer and hand their bytes to the CPU.
//! [`StagingReader`] waits for them (the CLI, tests, headless renders); [`AsyncReader`] never
//! waits (the window: it starts a read, and a later frame picks the bytes up when the GPU is done,
//! so no frame blocks on a readback however large).

use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

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
        let Some((encoder, total)) =
            encode_copies(device, &mut self.staging, ranges, "StagingReader::staging")
        else {
            return true;
        };
        queue.submit([encoder.finish()]);
        let Some(staging) = &self.staging else {
            return false;
        };
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

/// Copies `ranges` into `staging` (growing it to fit) in one encoder; returns the total bytes.
fn encode_copies(
    device: &wgpu::Device,
    staging: &mut Option<wgpu::Buffer>,
    ranges: &[(&wgpu::Buffer, u64, u64)],
    label: &'static str,
) -> Option<(wgpu::CommandEncoder, u64)> {
    let total: u64 = ranges.iter().map(|r| r.2).sum();
    if total == 0 {
        return None;
    }
    let size = staging.as_ref().map_or(0, |b| b.size());
    // Grow to fit; shrink when far too big (a small lesson after a large one).
    if size < total || size > total.saturating_mul(4).max(1 << 20) {
        *staging = Some(device.create_buffer(&wgpu::BufferDescriptor {
            label: Some(label),
            size: total,
            usage: wgpu::BufferUsages::COPY_DST | wgpu::BufferUsages::MAP_READ,
            mapped_at_creation: false,
        }));
    }
    let buffer = staging.as_ref()?;
    let mut encoder =
        device.create_command_encoder(&wgpu::CommandEncoderDescriptor { label: Some(label) });
    let mut at = 0;
    for &(source, offset, len) in ranges {
        encoder.copy_buffer_to_buffer(source, offset, buffer, at, len);
        at += len;
    }
    Some((encoder, total))
}

const IDLE: u8 = 0;
const PENDING: u8 = 1;
const READY: u8 = 2;
const FAILED: u8 = 3;

/// A readback that never blocks: [`AsyncReader::start`] submits the copies and asks for the
/// mapping; [`AsyncReader::poll`] (once a frame) polls the device without waiting and hands the
/// bytes over once they are there. One read at a time; its staging buffer is kept between reads.
#[derive(Debug, Default)]
pub struct AsyncReader {
    staging: Option<wgpu::Buffer>,
    state: Arc<AtomicU8>,
    /// Byte length of each range of the read in flight.
    lengths: Vec<u64>,
    total: u64,
}

impl AsyncReader {
    /// Whether a read is in flight.
    pub fn busy(&self) -> bool {
        matches!(self.state.load(Ordering::Acquire), PENDING | READY)
    }

    /// Starts reading `ranges` (each `(buffer, first byte, bytes)`); false when a read is still
    /// in flight or there is nothing to read.
    pub fn start(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        ranges: &[(&wgpu::Buffer, u64, u64)],
    ) -> bool {
        if self.busy() {
            return false;
        }
        let Some((encoder, total)) =
            encode_copies(device, &mut self.staging, ranges, "AsyncReader::staging")
        else {
            return false;
        };
        queue.submit([encoder.finish()]);
        let Some(staging) = &self.staging else {
            return false;
        };
        self.lengths = ranges.iter().map(|r| r.2).collect();
        self.total = total;
        self.state.store(PENDING, Ordering::Release);
        let state = self.state.clone();
        staging
            .slice(..total)
            .map_async(wgpu::MapMode::Read, move |result| {
                state.store(
                    if result.is_ok() { READY } else { FAILED },
                    Ordering::Release,
                );
            });
        true
    }

    /// Polls without waiting; when the read has arrived, hands each range's bytes to `take` in
    /// order and returns true. A failed read (a lost device) is dropped.
    pub fn poll(&mut self, device: &wgpu::Device, mut take: impl FnMut(usize, &[u8])) -> bool {
        if self.state.load(Ordering::Acquire) == PENDING {
            let _ = device.poll(wgpu::PollType::Poll);
        }
        match self.state.load(Ordering::Acquire) {
            READY => {}
            FAILED => {
                self.state.store(IDLE, Ordering::Release);
                return false;
            }
            _ => return false,
        }
        let Some(staging) = &self.staging else {
            return false;
        };
        let slice = staging.slice(..self.total);
        let arrived = match slice.get_mapped_range() {
            Ok(bytes) => {
                let mut at = 0;
                for (i, len) in self.lengths.iter().enumerate() {
                    take(i, &bytes[at..at + *len as usize]);
                    at += *len as usize;
                }
                true
            }
            Err(e) => {
                log::error!("the readback was not mapped: {e}");
                false
            }
        };
        staging.unmap();
        self.state.store(IDLE, Ordering::Release);
        arrived
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
