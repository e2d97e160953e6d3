//! The attention engine's training history on the GPU: per run and recorded epoch, the loss, the
//! probabilities and attention weights of every pair, and every parameter (the embedding table
//! and the position vectors first), within the same slot rules as the MLP's history
//! ([`EpochSlots`]: slot `s` holds epoch `s * stride`; when every slot is full, every 2nd is kept
//! and the stride doubles, so the history always spans epoch 0 to now).
//!
//! How it works: recording epoch `e` into slot `s` is two copies around the dispatch that steps
//! from `e`: the parameters before it (the model *at* epoch `e`), the records the dispatch writes
//! (loss, probabilities, attention of epoch `e`) after it, each run's part into its own rows.
//! Compaction copies the kept slots into a second set of buffers and swaps the sets (a buffer
//! cannot be copied into itself). Nothing is read back here; [`AttnHistory::read`] does, for
//! tests, `render` and the window's readback.

use super::history::EpochSlots;
use crate::gpu::read_buffer_f32;

/// Most bytes the four history buffers of one set may hold together.
pub const MAX_HISTORY_BYTES: u64 = 96 << 20;

/// Floats one slot of one run holds in each history buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttnSlotShape {
    pub runs: u32,
    pub pairs: u32,
    pub vocab: u32,
    pub window: u32,
    pub params: u32,
}

impl AttnSlotShape {
    /// Floats per run and slot: loss, probabilities, attention, parameters.
    pub fn floats(&self) -> [u64; 4] {
        let (n, v, w) = (
            u64::from(self.pairs),
            u64::from(self.vocab),
            u64::from(self.window),
        );
        [1, n * v, n * w, u64::from(self.params)]
    }

    /// Slots per run the history budget allows (a power of two, 2 to `wanted`).
    pub fn capacity(&self, wanted: u32) -> u32 {
        let per_slot: u64 = self.floats().iter().sum::<u64>() * 4 * u64::from(self.runs.max(1));
        let fit = (MAX_HISTORY_BYTES / per_slot.max(1)).min(u64::from(wanted.max(2)));
        let mut capacity = 2u32;
        while u64::from(capacity) * 2 <= fit {
            capacity *= 2;
        }
        capacity
    }
}

/// One set of history buffers: loss, probabilities, attention, parameters.
struct Set([wgpu::Buffer; 4]);

impl Set {
    fn new(device: &wgpu::Device, shape: &AttnSlotShape, capacity: u32) -> Self {
        let names = [
            "attention history loss",
            "attention history probs",
            "attention history attention",
            "attention history params",
        ];
        let floats = shape.floats();
        Self(std::array::from_fn(|i| {
            device.create_buffer(&wgpu::BufferDescriptor {
                label: Some(names[i]),
                size: (floats[i] * u64::from(capacity) * u64::from(shape.runs) * 4).max(4),
                usage: wgpu::BufferUsages::STORAGE
                    | wgpu::BufferUsages::COPY_SRC
                    | wgpu::BufferUsages::COPY_DST,
                mapped_at_creation: false,
            })
        }))
    }
}

/// One recorded epoch of one run, read back.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AttnSlot {
    pub epoch: u32,
    pub loss: f32,
    /// Per pair, every word's probability.
    pub probs: Vec<Vec<f32>>,
    /// Per pair, one weight per context word (oldest first).
    pub attention: Vec<Vec<f32>>,
    /// Every parameter, ATTENTION.md's order.
    pub params: Vec<f32>,
}

/// The ring of recorded epochs (see the module docs).
pub struct AttnHistory {
    pub shape: AttnSlotShape,
    pub capacity: u32,
    pub slots: EpochSlots,
    /// Each pair's context length (its attention row holds that many weights).
    lengths: Vec<usize>,
    sets: [Set; 2],
    current: usize,
}

impl AttnHistory {
    pub fn new(
        device: &wgpu::Device,
        shape: AttnSlotShape,
        lengths: Vec<usize>,
        wanted: u32,
    ) -> Self {
        let capacity = shape.capacity(wanted);
        Self {
            shape,
            capacity,
            lengths,
            slots: EpochSlots {
                first: 0,
                stride: 1,
                filled: 0,
            },
            sets: [
                Set::new(device, &shape, capacity),
                Set::new(device, &shape, capacity),
            ],
            current: 0,
        }
    }

    /// Whether stepping from `epoch` records it (the ring may compact first).
    pub fn records(&self, epoch: u32) -> bool {
        // The next epoch to record; a full ring compacts first, which keeps it the next one.
        epoch == self.slots.filled.saturating_mul(self.slots.stride.max(1))
    }

    /// The slot `epoch` is recorded into, compacting first when the ring is full; `None` when
    /// the stride skips it (or it is not the next epoch to record).
    pub fn slot_for(&mut self, encoder: &mut wgpu::CommandEncoder, epoch: u32) -> Option<u32> {
        if !self.records(epoch) {
            return None;
        }
        if self.slots.filled == self.capacity {
            // Half the slots at twice the stride: `epoch` is still the next one.
            self.compact(encoder);
        }
        Some(self.slots.filled)
    }

    /// Keeps every 2nd slot (epochs 0, 2·stride, ...) and doubles the stride.
    fn compact(&mut self, encoder: &mut wgpu::CommandEncoder) {
        let (from, to) = (self.current, 1 - self.current);
        let half = self.capacity / 2;
        for (i, per_slot) in self.shape.floats().into_iter().enumerate() {
            let bytes = per_slot * 4;
            for run in 0..u64::from(self.shape.runs) {
                let row = run * u64::from(self.capacity);
                for k in 0..u64::from(half) {
                    encoder.copy_buffer_to_buffer(
                        &self.sets[from].0[i],
                        (row + 2 * k) * bytes,
                        &self.sets[to].0[i],
                        (row + k) * bytes,
                        bytes,
                    );
                }
            }
        }
        self.current = to;
        self.slots.filled = half;
        self.slots.stride = self.slots.stride.max(1) * 2;
    }

    /// Copies every run's parameters (the model at the epoch being recorded) into `slot`.
    pub fn copy_params(
        &self,
        encoder: &mut wgpu::CommandEncoder,
        params: &wgpu::Buffer,
        slot: u32,
    ) {
        let p = u64::from(self.shape.params) * 4;
        for run in 0..u64::from(self.shape.runs) {
            let at = (run * u64::from(self.capacity) + u64::from(slot)) * p;
            encoder.copy_buffer_to_buffer(params, run * p, &self.sets[self.current].0[3], at, p);
        }
    }

    /// Copies the records of the dispatch just encoded (its loss, probabilities and attention)
    /// into `slot` and counts the slot as filled.
    pub fn copy_records(
        &mut self,
        encoder: &mut wgpu::CommandEncoder,
        records: &wgpu::Buffer,
        slot: u32,
    ) {
        let runs = u64::from(self.shape.runs);
        let [_, probs, attention, _] = self.shape.floats();
        // The records buffer: every run's loss, then every run's probs, then attention.
        let starts = [0, runs, runs + runs * probs];
        for (i, per_slot) in [1, probs, attention].into_iter().enumerate() {
            let bytes = per_slot * 4;
            for run in 0..runs {
                let at = (run * u64::from(self.capacity) + u64::from(slot)) * bytes;
                encoder.copy_buffer_to_buffer(
                    records,
                    starts[i] * 4 + run * bytes,
                    &self.sets[self.current].0[i],
                    at,
                    bytes,
                );
            }
        }
        self.slots.filled = self.slots.filled.max(slot + 1);
    }

    /// The four buffers of the current set (loss, probs, attention, params).
    pub fn buffers(&self) -> &[wgpu::Buffer; 4] {
        &self.sets[self.current].0
    }

    /// Where `run`'s row of history buffer `which` starts, in bytes, and how long its filled
    /// slots are (a read takes those, not the empty rest of the ring).
    pub fn run_range(&self, which: usize, run: u32) -> (u64, u64) {
        let per_slot = self.shape.floats()[which] * 4;
        let row = per_slot * u64::from(self.capacity);
        (
            u64::from(run) * row,
            per_slot * u64::from(self.slots.filled.max(1)),
        )
    }

    /// Every filled slot of `run`, read back (blocking: tests, `render`).
    pub fn read(&self, device: &wgpu::Device, queue: &wgpu::Queue, run: u32) -> Vec<AttnSlot> {
        let rows: Vec<Vec<f32>> = (0..4)
            .map(|i| {
                let (start, len) = self.run_range(i, run);
                read_buffer_f32(
                    device,
                    queue,
                    &self.buffers()[i],
                    (start / 4) as usize,
                    (len / 4) as usize,
                )
            })
            .collect();
        self.slots_of_rows(&rows, self.slots)
    }

    /// The slots filled at `at` (the ring's state when the rows were copied) from one run's
    /// four rows (as [`AttnHistory::run_range`] lays them out).
    pub fn slots_of_rows(&self, rows: &[Vec<f32>], at: EpochSlots) -> Vec<AttnSlot> {
        let f = self.shape.floats().map(|x| x as usize);
        let (v, w) = (self.shape.vocab as usize, self.shape.window as usize);
        (0..at.filled as usize)
            .filter(|s| {
                rows.iter()
                    .zip(f)
                    .all(|(row, per)| row.len() >= (s + 1) * per)
            })
            .map(|s| {
                let probs = &rows[1][s * f[1]..(s + 1) * f[1]];
                let attention = &rows[2][s * f[2]..(s + 1) * f[2]];
                AttnSlot {
                    epoch: at.epoch_of(s as u32),
                    loss: rows[0][s],
                    probs: probs.chunks(v.max(1)).map(<[f32]>::to_vec).collect(),
                    attention: attention
                        .chunks(w.max(1))
                        .zip(&self.lengths)
                        .map(|(row, &len)| row[..len.min(w)].to_vec())
                        .collect(),
                    params: rows[3][s * f[3]..(s + 1) * f[3]].to_vec(),
                }
            })
            .collect()
    }
}
