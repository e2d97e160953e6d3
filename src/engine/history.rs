//! Shapes of the training-history buffers the engine keeps on the GPU, and the epoch <-> slot map.
//!
//! Every run records, per *slot*, the loss, the probabilities and hidden activations of the
//! recorded pairs, and the whole embedding table. Slot `s` holds epoch `first_epoch + s * stride`
//! (`first_epoch` is 0 except when the CLI streams a very long run in chunks). When all
//! `capacity` slots are full, the engine keeps every 2nd slot (epochs 0, 2*stride, 4*stride, ...)
//! and doubles `stride`, so the history always spans epoch 0 to the newest recorded epoch.
//!
//! Flat f32 indices (row-major, a leading run dimension):
//! - loss:      `run * capacity + slot`
//! - probs:     `((run * capacity + slot) * recorded_pairs + pair) * vocab + word`
//! - hidden:    `((run * capacity + slot) * recorded_pairs + pair) * hidden + unit`
//! - embedding: `((run * capacity + slot) * vocab + word) * embed_dim + dim`

/// Plain-data description of the history buffers; cheap to copy into a uniform.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HistoryLayout {
    pub runs: u32,
    /// Slots per run.
    pub capacity: u32,
    pub vocab: u32,
    pub embed_dim: u32,
    pub hidden: u32,
    /// How many pairs have their probs/hidden recorded (the first ones, or those chosen at creation).
    pub recorded_pairs: u32,
    /// Epochs between two consecutive slots (a power of two).
    pub stride: u32,
    /// Slots holding data: slot `s < slots_filled` holds epoch `first_epoch + s * stride`.
    pub slots_filled: u32,
    /// The epoch in slot 0.
    pub first_epoch: u32,
}

impl HistoryLayout {
    /// The newest epoch that has a slot, if any.
    pub fn last_recorded_epoch(&self) -> Option<u32> {
        self.slots_filled
            .checked_sub(1)
            .map(|s| self.first_epoch + s * self.stride)
    }

    /// The epoch held by `slot`.
    pub fn epoch_of_slot(&self, slot: u32) -> u32 {
        self.first_epoch + slot * self.stride
    }

    /// The slot that training with `stride` writes `epoch` into, if any (the rule of
    /// `history_slot` in shaders/engine/common.wgsl, which the kernels apply).
    pub fn slot_recording(&self, epoch: u32, stride: u32) -> Option<u32> {
        let since = epoch.checked_sub(self.first_epoch)?;
        (since % stride == 0 && since / stride < self.capacity).then_some(since / stride)
    }

    /// The slot holding `epoch`, when that epoch is recorded.
    pub fn slot_of_epoch(&self, epoch: u32) -> Option<u32> {
        let since = epoch.checked_sub(self.first_epoch)?;
        (since % self.stride == 0 && since / self.stride < self.slots_filled)
            .then_some(since / self.stride)
    }

    pub fn loss_index(&self, run: u32, slot: u32) -> usize {
        (run * self.capacity + slot) as usize
    }

    pub fn probs_index(&self, run: u32, slot: u32, pair: u32, word: u32) -> usize {
        ((self.loss_index(run, slot) * self.recorded_pairs as usize) + pair as usize)
            * self.vocab as usize
            + word as usize
    }

    pub fn hidden_index(&self, run: u32, slot: u32, pair: u32, unit: u32) -> usize {
        ((self.loss_index(run, slot) * self.recorded_pairs as usize) + pair as usize)
            * self.hidden as usize
            + unit as usize
    }

    pub fn embedding_index(&self, run: u32, slot: u32, word: u32, dim: u32) -> usize {
        ((self.loss_index(run, slot) * self.vocab as usize) + word as usize)
            * self.embed_dim as usize
            + dim as usize
    }
}

/// The engine's history buffers, borrowed for drawing. Views bind these directly.
pub struct HistoryBuffers<'a> {
    pub loss: &'a wgpu::Buffer,
    pub probs: &'a wgpu::Buffer,
    pub hidden: &'a wgpu::Buffer,
    pub embedding: &'a wgpu::Buffer,
    pub layout: HistoryLayout,
}
