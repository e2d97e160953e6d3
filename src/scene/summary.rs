//! The tiny asynchronous summary readback: the numbers the CPU needs to place labels (word
//! positions at the playhead, probabilities, the loss and its range), a few hundred bytes a frame.
//!
//! How it works: each frame copies the GPU summary buffer into a free staging buffer of a small
//! ring; after the submit the staging buffer is mapped with `map_async`, whose callback only flips
//! an atomic flag. The next frame polls the device without waiting and takes the newest ready
//! copy. A frame never waits for the GPU; when the ring is full the copy is skipped. Headless
//! rendering uses [`SummaryReadback::read_blocking`] instead, so the labels of a PNG match it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

use glam::Vec3;

use super::uniforms::{
    SUMMARY_EPOCH, SUMMARY_EXPLAINED, SUMMARY_HEADER, SUMMARY_LOSS, SUMMARY_LOSS_MAX,
    SUMMARY_LOSS_MIN, SUMMARY_VECTOR_WORD, summary_len,
};

const RING: usize = 3;
const FREE: u8 = 0;
const COPIED: u8 = 1;
const PENDING: u8 = 2;
const READY: u8 = 3;
const FAILED: u8 = 4;

/// The summary of one frame, on the CPU.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// The epoch whose numbers these are (the frame's shown epoch).
    pub epoch: u32,
    /// Loss of the selected run at that epoch.
    pub loss: f32,
    /// Loss range over every run's history (the loss plot's y range).
    pub loss_min: f32,
    pub loss_max: f32,
    /// Share of the embedding variance the three PCA axes show (0 in raw-dims mode).
    pub explained: f32,
    /// Every word's position in the embedding view's world space.
    pub positions: Vec<Vec3>,
    /// P(word | selected context) at the playhead.
    pub probs: Vec<f32>,
    /// The embedding vector at the playhead of `vector_word`: the hovered word, else the focus word.
    pub focus_vector: Vec<f32>,
    pub vector_word: u32,
    /// The selected pair's hidden activations at the playhead.
    pub hidden: Vec<f32>,
}

impl Summary {
    /// Parses the summary buffer of a model with `dims` = (vocab, embed_dim, hidden).
    pub fn parse(data: &[f32], dims: (u32, u32, u32)) -> Self {
        let (v, d, h) = (dims.0 as usize, dims.1 as usize, dims.2 as usize);
        if data.len() < summary_len(dims.0, dims.1, dims.2) {
            return Self::default();
        }
        let pos = &data[SUMMARY_HEADER..SUMMARY_HEADER + 3 * v];
        let probs = SUMMARY_HEADER + 3 * v;
        let focus = probs + v;
        let hidden = focus + d;
        Self {
            epoch: data[SUMMARY_EPOCH].max(0.0) as u32,
            loss: data[SUMMARY_LOSS],
            loss_min: data[SUMMARY_LOSS_MIN],
            loss_max: data[SUMMARY_LOSS_MAX],
            explained: data[SUMMARY_EXPLAINED],
            positions: pos.chunks(3).map(Vec3::from_slice).collect(),
            probs: data[probs..probs + v].to_vec(),
            focus_vector: data[focus..focus + d].to_vec(),
            vector_word: data[SUMMARY_VECTOR_WORD] as u32,
            hidden: data[hidden..hidden + h].to_vec(),
        }
    }
}

struct Staging {
    buffer: wgpu::Buffer,
    state: Arc<AtomicU8>,
}

pub struct SummaryReadback {
    ring: Vec<Staging>,
    dims: (u32, u32, u32),
    bytes: u64,
    latest: Option<Summary>,
}

impl SummaryReadback {
    pub fn new(device: &wgpu::Device, dims: (u32, u32, u32)) -> Self {
        let bytes = (summary_len(dims.0, dims.1, dims.2) * 4) as u64;
        let ring = (0..RING)
            .map(|i| Staging {
                buffer: device.create_buffer(&wgpu::BufferDescriptor {
                    label: Some(&format!("SummaryReadback::staging{i}")),
                    size: bytes,
                    usage: wgpu::BufferUsages::COPY_DST | wgpu::BufferUsages::MAP_READ,
                    mapped_at_creation: false,
                }),
                state: Arc::new(AtomicU8::new(FREE)),
            })
            .collect();
        Self {
            ring,
            dims,
            bytes,
            latest: None,
        }
    }

    pub fn dims(&self) -> (u32, u32, u32) {
        self.dims
    }

    /// The newest summary that has arrived, if any.
    pub fn latest(&self) -> Option<&Summary> {
        self.latest.as_ref()
    }

    /// Copies `source` into a free staging buffer (skipped when none is free).
    pub fn encode_copy(&mut self, encoder: &mut wgpu::CommandEncoder, source: &wgpu::Buffer) {
        if let Some(staging) = self
            .ring
            .iter()
            .find(|s| s.state.load(Ordering::Acquire) == FREE)
        {
            encoder.copy_buffer_to_buffer(source, 0, &staging.buffer, 0, self.bytes);
            staging.state.store(COPIED, Ordering::Release);
        }
    }

    /// Call after the submit that carries [`Self::encode_copy`]: starts the asynchronous maps.
    pub fn after_submit(&mut self) {
        for staging in &self.ring {
            if staging.state.load(Ordering::Acquire) != COPIED {
                continue;
            }
            staging.state.store(PENDING, Ordering::Release);
            let state = staging.state.clone();
            staging
                .buffer
                .slice(..)
                .map_async(wgpu::MapMode::Read, move |result| {
                    state.store(
                        if result.is_ok() { READY } else { FAILED },
                        Ordering::Release,
                    );
                });
        }
    }

    /// Polls without waiting and takes the newest arrived summary.
    pub fn poll(&mut self, device: &wgpu::Device) {
        let _ = device.poll(wgpu::PollType::Poll);
        self.harvest();
    }

    fn harvest(&mut self) {
        for staging in &self.ring {
            match staging.state.load(Ordering::Acquire) {
                READY => {
                    // A buffer of a lost device cannot be read or unmapped; just free the slot.
                    if let Ok(view) = staging.buffer.slice(..).get_mapped_range() {
                        let data: &[f32] = bytemuck::cast_slice(&view);
                        self.latest = Some(Summary::parse(data, self.dims));
                        drop(view);
                        staging.buffer.unmap();
                    }
                    staging.state.store(FREE, Ordering::Release);
                }
                FAILED => staging.state.store(FREE, Ordering::Release),
                _ => {}
            }
        }
    }

    /// Reads `source` now, waiting for the GPU (headless rendering and tests).
    pub fn read_blocking(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        source: &wgpu::Buffer,
    ) -> Summary {
        let data = crate::gpu::read_buffer_f32(device, queue, source, 0, (self.bytes / 4) as usize);
        let summary = Summary::parse(&data, self.dims);
        self.latest = Some(summary.clone());
        summary
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_splits_the_sections() {
        let dims = (2, 3, 1);
        let mut data = vec![0.0; summary_len(2, 3, 1)];
        data[SUMMARY_LOSS] = 1.5;
        data[SUMMARY_LOSS_MAX] = 2.0;
        for (i, x) in data[SUMMARY_HEADER..].iter_mut().enumerate() {
            *x = i as f32;
        }
        let s = Summary::parse(&data, dims);
        assert_eq!(s.loss, 1.5);
        assert_eq!(s.loss_max, 2.0);
        assert_eq!(
            s.positions,
            vec![Vec3::new(0.0, 1.0, 2.0), Vec3::new(3.0, 4.0, 5.0)]
        );
        assert_eq!(s.probs, vec![6.0, 7.0]);
        assert_eq!(s.focus_vector, vec![8.0, 9.0, 10.0]);
        assert_eq!(s.hidden, vec![11.0]);
        assert_eq!(Summary::parse(&data[..5], dims), Summary::default());
    }
}
