//! A synthetic training history for tests, snapshots and demos that must not depend on the
//! engine's numbers: the cat-sat vocabulary, embeddings drifting along smooth curves, a decaying
//! loss per run, probabilities moving toward the best possible ones, and fixed weights.
//!
//! How it works: the values are closed-form functions of (run, epoch, word, dim), computed once
//! on the CPU and uploaded into buffers with the engine's layout and usages (STORAGE | COPY_SRC |
//! COPY_DST), so the views bind them exactly as they bind a trainer's. Nothing changes per frame.

use wgpu::util::DeviceExt;

use super::info::SceneInfo;
use crate::engine::{HistoryBuffers, HistoryLayout};
use crate::lesson::Pair;

/// The shape of a synthetic history.
#[derive(Clone, Copy, Debug)]
pub struct FixtureSpec {
    pub runs: u32,
    /// Epochs covered: slots hold epochs 0, stride, .., epochs.
    pub epochs: u32,
    pub stride: u32,
}

impl Default for FixtureSpec {
    fn default() -> Self {
        Self {
            runs: 2,
            epochs: 300,
            stride: 5,
        }
    }
}

pub struct SyntheticHistory {
    pub loss: wgpu::Buffer,
    pub probs: wgpu::Buffer,
    pub hidden: wgpu::Buffer,
    /// Every parameter at every slot.
    pub history_params: wgpu::Buffer,
    pub params: wgpu::Buffer,
    pub layout: HistoryLayout,
    pub info: SceneInfo,
    /// The loss values uploaded, run-major (`layout.loss_index`), for tests to compare with.
    pub loss_values: Vec<f32>,
}

/// A smooth pseudo-random number in -1..1 from integers (no RNG state, so tests are stable).
fn noise(a: u32, b: u32, c: u32) -> f32 {
    let mut x =
        a.wrapping_mul(0x9E37_79B9) ^ b.wrapping_mul(0x85EB_CA6B) ^ c.wrapping_mul(0xC2B2_AE35);
    x ^= x >> 15;
    x = x.wrapping_mul(0x2C1B_3C6D);
    x ^= x >> 12;
    x = x.wrapping_mul(0x297A_2D39);
    x ^= x >> 15;
    (x as f32 / u32::MAX as f32) * 2.0 - 1.0
}

fn storage(device: &wgpu::Device, label: &str, data: &[f32]) -> wgpu::Buffer {
    device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
        label: Some(label),
        contents: bytemuck::cast_slice(data),
        usage: wgpu::BufferUsages::STORAGE
            | wgpu::BufferUsages::COPY_SRC
            | wgpu::BufferUsages::COPY_DST,
    })
}

/// The synthetic loss of `run` at `epoch`.
pub fn synthetic_loss(run: u32, epoch: f32) -> f32 {
    let rate = 45.0 * (1.0 + run as f32 * 1.5);
    let floor = 0.28 + 0.1 * run as f32;
    floor
        + (1.609 - floor) * (-epoch / rate).exp()
        + 0.04 * (epoch / 23.0).sin() * (-epoch / 150.0).exp()
}

impl SyntheticHistory {
    pub fn new(device: &wgpu::Device, spec: FixtureSpec) -> Self {
        let vocab: Vec<String> = ["the", "cat", "sat", "on", "mat"]
            .map(String::from)
            .to_vec();
        let (v, d, h, k) = (5u32, 8u32, 4u32, 1u32);
        let pair = |c: u32, t: u32| Pair {
            context: vec![c],
            target: t,
        };
        let pairs = vec![pair(0, 1), pair(1, 2), pair(2, 3), pair(3, 0), pair(0, 4)];
        let slots = spec.epochs / spec.stride.max(1) + 1;
        let layout = HistoryLayout {
            runs: spec.runs,
            capacity: slots + 3,
            vocab: v,
            embed_dim: d,
            hidden: h,
            recorded_pairs: pairs.len() as u32,
            params: v * d + k * d * h + h + h * v + v,
            stride: spec.stride.max(1),
            slots_filled: slots,
            first_epoch: 0,
        };
        let cap = layout.capacity;
        let n = (spec.runs * cap) as usize;
        let mut loss = vec![0.0; n];
        let mut probs = vec![0.0; n * pairs.len() * v as usize];
        let mut hidden = vec![0.0; n * pairs.len() * h as usize];
        let mut history_params = vec![0.0; n * layout.params as usize];
        let mut info = SceneInfo {
            title: "The cat sat on the mat".into(),
            vocab,
            context: k,
            embed_dim: d,
            hidden: h,
            off_w1: v * d,
            off_b1: v * d + k * d * h,
            off_w2: v * d + k * d * h + h,
            off_b2: v * d + k * d * h + h + h * v,
            param_count: v * d + k * d * h + h + h * v + v,
            pairs: pairs.clone(),
            recorded: pairs.clone(),
            run_labels: vec![],
            total_epochs: spec.epochs,
        };
        info.run_labels = (0..spec.runs).map(|r| format!("run {r}")).collect();
        for run in 0..spec.runs {
            for slot in 0..slots {
                let epoch = layout.epoch_of_slot(slot) as f32;
                let progress = 1.0 - (-epoch / (60.0 * (1.0 + run as f32))).exp();
                loss[layout.loss_index(run, slot)] = synthetic_loss(run, epoch);
                for w in 0..v {
                    for dim in 0..d {
                        let start = 0.3 * noise(run, w, dim);
                        let end = 1.6 * noise(run + 7, w, dim);
                        let wobble = 0.25
                            * (epoch / 40.0 + noise(w, dim, 3) * 3.0).sin()
                            * progress
                            * (1.0 - progress)
                            * 4.0;
                        history_params[layout.embedding_index(run, slot, w, dim)] =
                            start + (end - start) * progress + wobble;
                    }
                }
                for (j, p) in pairs.iter().enumerate() {
                    let ideal = info.ideal_probs(j as u32);
                    for w in 0..v as usize {
                        probs[layout.probs_index(run, slot, j as u32, w as u32)] = (1.0 - progress)
                            / v as f32
                            + progress * 0.92 * ideal[w]
                            + progress * 0.08 / v as f32;
                    }
                    for u in 0..h {
                        let z = (noise(p.target, u, run) * 2.0 + 0.3 * noise(j as u32, u, 9))
                            * progress
                            + 0.2 * noise(j as u32, u, 1);
                        hidden[layout.hidden_index(run, slot, j as u32, u)] = z.tanh();
                    }
                }
            }
        }
        let p = info.param_count as usize;
        let params: Vec<f32> = (0..spec.runs as usize * p)
            .map(|i| 0.8 * noise(i as u32, 11, 5))
            .collect();
        // The weights after the embedding stay those of the current parameters at every slot.
        for run in 0..spec.runs {
            for slot in 0..slots {
                for i in (v * d) as usize..p {
                    history_params[layout.params_index(run, slot, i as u32)] =
                        params[run as usize * p + i];
                }
            }
        }
        Self {
            loss: storage(device, "SyntheticHistory::loss", &loss),
            probs: storage(device, "SyntheticHistory::probs", &probs),
            hidden: storage(device, "SyntheticHistory::hidden", &hidden),
            history_params: storage(device, "SyntheticHistory::history_params", &history_params),
            params: storage(device, "SyntheticHistory::params", &params),
            layout,
            info,
            loss_values: loss,
        }
    }

    pub fn history(&self) -> HistoryBuffers<'_> {
        HistoryBuffers {
            loss: &self.loss,
            probs: &self.probs,
            hidden: &self.hidden,
            params: &self.history_params,
            layout: self.layout,
        }
    }
}
