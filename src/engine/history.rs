//! Shapes of the training-history buffers the engine keeps on the GPU, and the epoch <-> slot map
//! (its one owner: [`EpochSlots`], which the trainer, the scene and the overlay all use).
//!
//! Every run records, per *slot*, the loss, the probabilities and hidden activations of the
//! recorded pairs, and every parameter (the embedding table first, as in the parameter layout):
//! the model of each recorded epoch, so the model can write from any of them and the views can
//! show any epoch's weights. The number of slots is what the largest per-slot record allows in a
//! history buffer's budget (src/engine/trainer.rs): 1,024 for the lessons, fewer for big models
//! (59 for the benchmark's 402,512-parameter model), always spanning epoch 0 to now. Slot `s` holds epoch `first_epoch + s * stride`
//! (`first_epoch` is 0 except when the CLI streams a very long run in chunks). When all
//! `capacity` slots are full, the engine keeps every 2nd slot (epochs 0, 2*stride, 4*stride, ...)
//! and doubles `stride`, so the history always spans epoch 0 to the newest recorded epoch.
//!
//! Flat f32 indices (row-major, a leading run dimension):
//! - loss:      `run * capacity + slot`
//! - probs:     `((run * capacity + slot) * recorded_pairs + pair) * vocab + word`
//! - hidden:    `((run * capacity + slot) * recorded_pairs + pair) * hidden + unit`
//! - params:    `(run * capacity + slot) * params + i` (the embedding's `word * embed_dim + dim`)

/// Plain-data description of the history buffers; cheap to copy into a uniform.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HistoryLayout {
    pub runs: u32,
    /// Slots per run.
    pub capacity: u32,
    pub vocab: u32,
    pub embed_dim: u32,
    pub hidden: u32,
    /// How many pairs have their probs/hidden recorded (the first ones, or those chosen at creation).
    pub recorded_pairs: u32,
    /// Parameters per run (the model's size).
    pub params: u32,
    /// Epochs between two consecutive slots (a power of two).
    pub stride: u32,
    /// Slots holding data: slot `s < slots_filled` holds epoch `first_epoch + s * stride`.
    pub slots_filled: u32,
    /// The epoch in slot 0.
    pub first_epoch: u32,
}

/// Which epochs have a slot: slot `s < filled` holds epoch `first + s * stride`. Every mapping
/// between epochs (or a fractional playhead) and slots is a method here. The default has none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EpochSlots {
    pub first: u32,
    pub stride: u32,
    pub filled: u32,
}

impl EpochSlots {
    /// Every epoch 0..=last recorded (the CPU reference's history).
    pub fn dense(last: u32) -> Self {
        Self {
            first: 0,
            stride: 1,
            filled: last.saturating_add(1),
        }
    }

    fn stride(&self) -> u32 {
        self.stride.max(1)
    }

    /// The newest epoch that has a slot, if any.
    pub fn last(&self) -> Option<u32> {
        self.filled
            .checked_sub(1)
            .map(|k| self.first.saturating_add(k.saturating_mul(self.stride())))
    }

    /// The epoch held by `slot`.
    pub fn epoch_of(&self, slot: u32) -> u32 {
        self.first
            .saturating_add(slot.saturating_mul(self.stride()))
    }

    /// The slot holding `epoch`, when that epoch is recorded.
    pub fn slot_of(&self, epoch: u32) -> Option<u32> {
        let since = epoch.checked_sub(self.first)?;
        (since % self.stride() == 0 && since / self.stride() < self.filled)
            .then_some(since / self.stride())
    }

    /// The newest slot at or before `playhead` (slot 0 before the first): the slot whose numbers
    /// a frame at `playhead` shows.
    pub fn slot_at_or_before(&self, playhead: f32) -> u32 {
        if self.filled == 0 {
            return 0;
        }
        let k = ((playhead - self.first as f32) / self.stride() as f32 + 1e-4).floor();
        (k.max(0.0) as u32).min(self.filled - 1)
    }

    /// The slots bracketing `playhead`: (slot_a, slot_b, mix factor, fractional slot), for views
    /// that move smoothly between recorded epochs.
    pub fn bracket(&self, playhead: f32) -> (u32, u32, f32, f32) {
        if self.filled == 0 {
            return (0, 0, 0.0, 0.0);
        }
        let last = (self.filled - 1) as f32;
        let pos = ((playhead - self.first as f32) / self.stride() as f32).clamp(0.0, last);
        let a = pos.floor();
        let b = (a + 1.0).min(last);
        (a as u32, b as u32, pos - a, pos)
    }

    /// The recorded epoch nearest to `epoch`.
    pub fn snap(&self, epoch: f32) -> f32 {
        let Some(last) = self.last() else { return 0.0 };
        let stride = self.stride() as f32;
        let k = ((epoch - self.first as f32) / stride).round();
        (self.first as f32 + k.max(0.0) * stride).min(last as f32)
    }

    /// The recorded epoch after `epoch`, if any.
    pub fn next_after(&self, epoch: f32) -> Option<u32> {
        let last = self.last()?;
        let stride = self.stride() as f32;
        let k = ((epoch - self.first as f32) / stride + 1e-3).floor() + 1.0;
        let e = self.first as f32 + k.max(0.0) * stride;
        (e <= last as f32).then_some(e as u32)
    }

    /// The recorded epoch before `epoch`, if any.
    pub fn previous_before(&self, epoch: f32) -> Option<u32> {
        self.last()?;
        let stride = self.stride() as f32;
        let k = ((epoch - self.first as f32) / stride - 1e-3).ceil() - 1.0;
        (k >= 0.0).then_some((self.first as f32 + k * stride) as u32)
    }
}

impl HistoryLayout {
    /// Which epochs have slots now.
    pub fn epochs(&self) -> EpochSlots {
        EpochSlots {
            first: self.first_epoch,
            stride: self.stride,
            filled: self.slots_filled,
        }
    }

    /// The newest epoch that has a slot, if any.
    pub fn last_recorded_epoch(&self) -> Option<u32> {
        self.epochs().last()
    }

    /// The epoch held by `slot`.
    pub fn epoch_of_slot(&self, slot: u32) -> u32 {
        self.epochs().epoch_of(slot)
    }

    /// The slot that training with `stride` writes `epoch` into, if any (the rule of
    /// `history_slot` in shaders/engine/common.wgsl, which the kernels apply).
    pub fn slot_recording(&self, epoch: u32, stride: u32) -> Option<u32> {
        let since = epoch.checked_sub(self.first_epoch)?;
        (since % stride == 0 && since / stride < self.capacity).then_some(since / stride)
    }

    /// The slot holding `epoch`, when that epoch is recorded.
    pub fn slot_of_epoch(&self, epoch: u32) -> Option<u32> {
        self.epochs().slot_of(epoch)
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

    /// Where parameter `i` of `run` at `slot` is.
    pub fn params_index(&self, run: u32, slot: u32, i: u32) -> usize {
        self.loss_index(run, slot) * self.params as usize + i as usize
    }

    pub fn embedding_index(&self, run: u32, slot: u32, word: u32, dim: u32) -> usize {
        self.params_index(run, slot, word * self.embed_dim + dim)
    }
}

/// The engine's history buffers, borrowed for drawing. Views bind these directly.
pub struct HistoryBuffers<'a> {
    pub loss: &'a wgpu::Buffer,
    pub probs: &'a wgpu::Buffer,
    pub hidden: &'a wgpu::Buffer,
    /// Every parameter at every slot (the embedding first).
    pub params: &'a wgpu::Buffer,
    pub layout: HistoryLayout,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_snap_step_and_bracket_with_a_stride() {
        let g = EpochSlots {
            first: 0,
            stride: 4,
            filled: 5,
        }; // 0 4 8 12 16
        assert_eq!(g.last(), Some(16));
        assert_eq!(g.snap(5.9), 4.0);
        assert_eq!(g.snap(6.1), 8.0);
        assert_eq!(g.snap(99.0), 16.0);
        assert_eq!(g.snap(-3.0), 0.0);
        assert_eq!(g.next_after(4.0), Some(8));
        assert_eq!(g.next_after(5.0), Some(8));
        assert_eq!(g.next_after(16.0), None);
        assert_eq!(g.previous_before(8.0), Some(4));
        assert_eq!(g.previous_before(7.0), Some(4));
        assert_eq!(g.previous_before(0.0), None);
        assert_eq!(g.slot_at_or_before(7.9), 1);
        assert_eq!(g.slot_at_or_before(8.0), 2);
        assert_eq!(g.slot_at_or_before(-1.0), 0);
        assert_eq!(g.slot_at_or_before(99.0), 4);
        assert_eq!(g.slot_of(12), Some(3));
        assert_eq!(g.slot_of(13), None);
        assert_eq!(g.slot_of(20), None);
        let empty = EpochSlots::dense(0);
        assert_eq!(empty.last(), Some(0));
        let none = EpochSlots {
            first: 0,
            stride: 1,
            filled: 0,
        };
        assert_eq!(none.snap(3.0), 0.0);
        assert_eq!(none.previous_before(3.0), None);
        assert_eq!(none.bracket(3.0), (0, 0, 0.0, 0.0));
    }

    #[test]
    fn the_playhead_maps_to_bracketing_slots() {
        let h = EpochSlots {
            first: 0,
            stride: 2,
            filled: 5,
        }; // epochs 0, 2, 4, 6, 8
        assert_eq!(h.bracket(0.0), (0, 1, 0.0, 0.0));
        assert_eq!(h.bracket(3.0), (1, 2, 0.5, 1.5));
        assert_eq!(h.bracket(8.0), (4, 4, 0.0, 4.0));
        assert_eq!(h.bracket(99.0), (4, 4, 0.0, 4.0));
        assert_eq!(h.bracket(-3.0), (0, 1, 0.0, 0.0));
        let later = EpochSlots {
            first: 10,
            stride: 1,
            filled: 3,
        };
        assert_eq!(later.bracket(11.25), (1, 2, 0.25, 1.25));
    }
}
