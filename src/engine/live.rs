//! The history numbers a window needs, read back without ever blocking a frame.
//!
//! How it works: a [`LiveReader`] asks for one run's numbers ([`LiveRequest`]): the loss of every
//! run at every recorded epoch, the probabilities of one featured pair at every recorded epoch
//! (the narration's milestones and the pacing read these), and everything recorded (the
//! probabilities and hidden activations of every recorded pair, the embedding table) for a
//! *window* of slots. A lesson-sized history fits in one window, so scrubbing never waits; a big
//! one reads a window around the playhead (at most [`WINDOW_BYTES`]) and a new one when the
//! playhead leaves it. The copies go through an [`AsyncReader`]: the frame that starts a read
//! never waits for it, and a later frame's [`LiveReader::poll`] picks it up. [`LiveReader::read_now`]
//! waits instead (headless renders, the `narrate` command, tests).

use std::ops::Range;

use super::Trainer;
use super::buffers::{NOT_DIVERGED, RunState, slot_floats};
use super::history::HistoryLayout;
use crate::gpu::AsyncReader;

/// Most bytes of per-slot data (probabilities, hidden activations, embeddings) one read carries.
pub const WINDOW_BYTES: u64 = 8 << 20;

/// What to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveRequest {
    /// The run whose per-slot numbers are read (every run's loss is).
    pub run: u32,
    /// The recorded pair whose probabilities are read at every slot.
    pub featured: u32,
    /// The slot the window must contain (the playhead's).
    pub around: u32,
}

/// One run's numbers, as of one moment of training.
#[derive(Clone, Debug, Default)]
pub struct LiveReadout {
    pub layout: HistoryLayout,
    pub request: Option<LiveRequest>,
    /// Every run's loss at every slot: `loss[run * capacity + slot]`.
    pub loss: Vec<f32>,
    /// The featured pair's probabilities of every word, slot after slot (filled slots).
    pub featured: Vec<f32>,
    /// The slots whose full numbers are here.
    pub window: Range<u32>,
    probs: Vec<f32>,
    hidden: Vec<f32>,
    params: Vec<f32>,
    /// Per run: the first epoch whose loss was not finite.
    pub diverged_at: Vec<Option<u32>>,
}

impl LiveReadout {
    /// The slot a frame at `playhead` shows: the newest at or before it, within the window.
    pub fn shown_slot(&self, playhead: f32) -> u32 {
        let slot = self.layout.epochs().slot_at_or_before(playhead);
        slot.clamp(
            self.window.start,
            self.window.end.saturating_sub(1).max(self.window.start),
        )
    }

    pub fn loss(&self, run: u32, slot: u32) -> f32 {
        self.loss
            .get(self.layout.loss_index(run, slot))
            .copied()
            .unwrap_or(f32::NAN)
    }

    /// The featured pair's probabilities at `slot`.
    pub fn featured_probs(&self, slot: u32) -> &[f32] {
        let v = self.layout.vocab as usize;
        let at = slot as usize * v;
        self.featured.get(at..at + v).unwrap_or(&[])
    }

    fn window_offset(&self, slot: u32) -> Option<usize> {
        self.window
            .contains(&slot)
            .then(|| (slot - self.window.start) as usize)
    }

    /// P(word | recorded pair) at a slot of the window.
    pub fn probs(&self, slot: u32, pair: u32) -> &[f32] {
        let (v, pairs) = (
            self.layout.vocab as usize,
            self.layout.recorded_pairs as usize,
        );
        self.window_offset(slot)
            .and_then(|w| {
                let at = (w * pairs + pair as usize) * v;
                self.probs.get(at..at + v)
            })
            .unwrap_or(&[])
    }

    pub fn hidden(&self, slot: u32, pair: u32) -> &[f32] {
        let (h, pairs) = (
            self.layout.hidden as usize,
            self.layout.recorded_pairs as usize,
        );
        self.window_offset(slot)
            .and_then(|w| {
                let at = (w * pairs + pair as usize) * h;
                self.hidden.get(at..at + h)
            })
            .unwrap_or(&[])
    }

    /// Every parameter at a slot of the window (MODEL.md's order, the embedding first).
    pub fn params(&self, slot: u32) -> &[f32] {
        let p = self.layout.params as usize;
        self.window_offset(slot)
            .and_then(|w| self.params.get(w * p..(w + 1) * p))
            .unwrap_or(&[])
    }

    /// The V x D embedding table at a slot of the window.
    pub fn embedding(&self, slot: u32) -> &[f32] {
        let vd = (self.layout.vocab * self.layout.embed_dim) as usize;
        self.params(slot).get(..vd).unwrap_or(&[])
    }
}

/// Reads [`LiveReadout`]s (see the module docs).
#[derive(Default)]
pub struct LiveReader {
    reader: AsyncReader,
    /// The read in flight: what it asked for and the history's shape then.
    pending: Option<(LiveRequest, HistoryLayout, Range<u32>)>,
    latest: Option<LiveReadout>,
}

/// The window of slots to read around `around`: every filled slot when they fit
/// [`WINDOW_BYTES`], else as many as fit, most of them ahead of `around` (playback moves forward).
pub fn window_for(layout: &HistoryLayout, around: u32) -> Range<u32> {
    let filled = layout.slots_filled;
    let [_, probs, hidden, embedding] = slot_floats(layout);
    let per_slot = (probs + hidden + embedding).max(1) * 4;
    let fits = (WINDOW_BYTES / per_slot).clamp(1, u64::from(u32::MAX)) as u32;
    if fits >= filled {
        return 0..filled;
    }
    let around = around.min(filled.saturating_sub(1));
    let start = around.saturating_sub(fits / 4).min(filled - fits);
    start..start + fits
}

impl LiveReader {
    /// The newest readout that has arrived.
    pub fn latest(&self) -> Option<&LiveReadout> {
        self.latest.as_ref()
    }

    /// Whether a read is in flight.
    pub fn busy(&self) -> bool {
        self.reader.busy()
    }

    /// Forgets everything (the device is gone): the next request starts afresh.
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// Starts reading `request` from `trainer`'s history (false while a read is in flight).
    pub fn request(
        &mut self,
        trainer: &Trainer,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        request: LiveRequest,
    ) -> bool {
        if self.reader.busy() {
            return false;
        }
        let layout = trainer.layout();
        let b = trainer.buffers();
        let run = request.run.min(layout.runs.saturating_sub(1));
        let featured = request
            .featured
            .min(layout.recorded_pairs.saturating_sub(1));
        let window = window_for(&layout, request.around);
        let f = 4u64;
        let (v, pairs) = (u64::from(layout.vocab), u64::from(layout.recorded_pairs));
        let [_, probs, hidden, embedding] = slot_floats(&layout);
        let slot_index = |slot: u32| u64::from(run) * u64::from(layout.capacity) + u64::from(slot);
        let loss_bytes = u64::from(layout.runs) * u64::from(layout.capacity) * f;
        let states = (layout.runs as usize * std::mem::size_of::<RunState>()) as u64;
        let mut ranges: Vec<(&wgpu::Buffer, u64, u64)> =
            vec![(&b.hist_loss, 0, loss_bytes), (&b.run_state, 0, states)];
        if pairs > 0 {
            for slot in 0..layout.slots_filled {
                let at = (slot_index(slot) * pairs + u64::from(featured)) * v * f;
                ranges.push((&b.hist_probs, at, v * f));
            }
        }
        let count = u64::from(window.end - window.start);
        if count > 0 {
            let first = slot_index(window.start);
            for (buffer, per_slot) in [
                (&b.hist_probs, probs),
                (&b.hist_hidden, hidden),
                (&b.hist_params, embedding),
            ] {
                if per_slot > 0 {
                    ranges.push((buffer, first * per_slot * f, count * per_slot * f));
                }
            }
        }
        if !self.reader.start(device, queue, &ranges) {
            return false;
        }
        let request = LiveRequest {
            run,
            featured,
            ..request
        };
        self.pending = Some((request, layout, window));
        true
    }

    /// Picks up a read that has arrived, without waiting; true when `latest` changed.
    pub fn poll(&mut self, device: &wgpu::Device) -> bool {
        let Some((request, layout, window)) = self.pending.clone() else {
            return false;
        };
        let mut readout = LiveReadout {
            layout,
            request: Some(request),
            window: window.clone(),
            ..LiveReadout::default()
        };
        let featured_ranges = if layout.recorded_pairs > 0 {
            layout.slots_filled as usize
        } else {
            0
        };
        let [_, probs, hidden, embedding] = slot_floats(&layout);
        // Which per-slot buffers the request read, in order.
        let window_parts: Vec<u8> = [(0u8, probs), (1, hidden), (2, embedding)]
            .into_iter()
            .filter(|(_, n)| *n > 0 && window.end > window.start)
            .map(|(i, _)| i)
            .collect();
        let arrived = self.reader.poll(device, |i, bytes| {
            let floats: &[f32] = bytemuck::cast_slice(bytes);
            match i {
                0 => readout.loss = floats.to_vec(),
                1 => {
                    let states: &[RunState] = bytemuck::cast_slice(bytes);
                    readout.diverged_at = states
                        .iter()
                        .map(|s| (s.diverged_epoch != NOT_DIVERGED).then_some(s.diverged_epoch))
                        .collect();
                }
                i if i < 2 + featured_ranges => readout.featured.extend_from_slice(floats),
                i => match window_parts.get(i - 2 - featured_ranges) {
                    Some(0) => readout.probs = floats.to_vec(),
                    Some(1) => readout.hidden = floats.to_vec(),
                    _ => readout.params = floats.to_vec(),
                },
            }
        });
        if arrived {
            self.latest = Some(readout);
            self.pending = None;
        } else if !self.reader.busy() {
            // The read failed (a lost device): ask again later.
            self.pending = None;
        }
        arrived
    }

    /// Reads `request` and waits for it.
    pub fn read_now(
        &mut self,
        trainer: &Trainer,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        request: LiveRequest,
    ) -> Option<&LiveReadout> {
        while self.reader.busy() {
            let _ = device.poll(wgpu::PollType::wait_indefinitely());
            self.poll(device);
        }
        if self.request(trainer, device, queue, request) {
            let _ = device.poll(wgpu::PollType::wait_indefinitely());
            self.poll(device);
        }
        self.latest()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(vocab: u32, dim: u32, filled: u32) -> HistoryLayout {
        HistoryLayout {
            runs: 1,
            capacity: 1024,
            vocab,
            embed_dim: dim,
            hidden: 4,
            recorded_pairs: 5,
            params: vocab * dim * 2 + 40,
            stride: 1,
            slots_filled: filled,
            first_epoch: 0,
        }
    }

    #[test]
    fn a_lesson_sized_history_is_one_window() {
        assert_eq!(window_for(&layout(5, 8, 301), 40), 0..301);
        assert_eq!(window_for(&layout(5, 8, 0), 0), 0..0);
    }

    #[test]
    fn a_big_history_reads_a_window_around_the_playhead() {
        let big = layout(2000, 64, 1024);
        let w = window_for(&big, 500);
        assert!(w.contains(&500), "{w:?}");
        let [_, p, h, e] = slot_floats(&big);
        let bytes = u64::from(w.end - w.start) * (p + h + e) * 4;
        assert!(bytes <= WINDOW_BYTES, "{bytes}");
        assert!(w.end <= 1024 && !w.is_empty());
        let at_end = window_for(&big, 5000);
        assert_eq!(at_end.end, 1024);
    }
}
