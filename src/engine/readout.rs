//! Blocking readbacks of the history, for the CLI and tests (never per frame in the window).

use super::Trainer;
use super::buffers::{NOT_DIVERGED, RunState, slot_floats};
use super::history::HistoryLayout;
use crate::gpu::StagingReader;

/// A CPU copy of the history buffers and of each run's divergence epoch.
pub struct HistoryReadout {
    pub layout: HistoryLayout,
    pub loss: Vec<f32>,
    pub probs: Vec<f32>,
    pub hidden: Vec<f32>,
    /// Every parameter at every slot (see [`HistoryLayout::params_index`]).
    pub params: Vec<f32>,
    /// Per run: the first epoch whose loss was not finite.
    pub diverged_at: Vec<Option<u32>>,
}

impl HistoryReadout {
    /// Reads everything again into `self` through `reader`, reusing the vectors' memory (the
    /// window's overlay, a few times a second). On a lost device `self` keeps what it had.
    pub fn refill(
        &mut self,
        reader: &mut StagingReader,
        trainer: &Trainer,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
    ) {
        let layout = trainer.layout();
        let b = trainer.buffers();
        let slots = u64::from(layout.runs * layout.capacity);
        let [loss, probs, hidden, params] = slot_floats(&layout).map(|n| n * slots * 4);
        let states = (layout.runs as usize * std::mem::size_of::<RunState>()) as u64;
        let ranges = [
            (&b.hist_loss, 0, loss),
            (&b.hist_probs, 0, probs),
            (&b.hist_hidden, 0, hidden),
            (&b.hist_params, 0, params),
            (&b.run_state, 0, states),
        ];
        let mut diverged_at = std::mem::take(&mut self.diverged_at);
        let read = reader.read(device, queue, &ranges, |i, bytes| {
            let into =
                match i {
                    0 => &mut self.loss,
                    1 => &mut self.probs,
                    2 => &mut self.hidden,
                    3 => &mut self.params,
                    _ => {
                        let states: &[RunState] = bytemuck::cast_slice(bytes);
                        diverged_at.clear();
                        diverged_at.extend(states.iter().map(|s| {
                            (s.diverged_epoch != NOT_DIVERGED).then_some(s.diverged_epoch)
                        }));
                        return;
                    }
                };
            into.clear();
            into.extend_from_slice(bytemuck::cast_slice(bytes));
        });
        self.diverged_at = diverged_at;
        if read {
            self.layout = layout;
        }
    }

    /// A fresh readback (the CLI, tests, a lesson's first numbers). On a lost device every value
    /// reads as zero, with the right lengths, and no run as diverged.
    pub fn read(trainer: &Trainer, device: &wgpu::Device, queue: &wgpu::Queue) -> Self {
        let layout = trainer.layout();
        let slots = (layout.runs * layout.capacity) as usize;
        let [loss, probs, hidden, params] =
            slot_floats(&layout).map(|n| vec![0.0; n as usize * slots]);
        let mut readout = Self {
            layout,
            loss,
            probs,
            hidden,
            params,
            diverged_at: vec![None; layout.runs as usize],
        };
        readout.refill(&mut StagingReader::default(), trainer, device, queue);
        readout
    }

    /// Epochs with a slot, oldest first, with their slots.
    pub fn recorded_epochs(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        (0..self.layout.slots_filled).map(|slot| (self.layout.epoch_of_slot(slot), slot))
    }

    pub fn loss(&self, run: u32, slot: u32) -> f32 {
        self.loss[self.layout.loss_index(run, slot)]
    }

    /// P(word | recorded pair) for every word.
    pub fn probs(&self, run: u32, slot: u32, pair: u32) -> &[f32] {
        let at = self.layout.probs_index(run, slot, pair, 0);
        &self.probs[at..at + self.layout.vocab as usize]
    }

    pub fn hidden(&self, run: u32, slot: u32, pair: u32) -> &[f32] {
        let at = self.layout.hidden_index(run, slot, pair, 0);
        &self.hidden[at..at + self.layout.hidden as usize]
    }

    /// The whole V x D embedding table at a slot.
    pub fn embedding(&self, run: u32, slot: u32) -> &[f32] {
        let at = self.layout.embedding_index(run, slot, 0, 0);
        &self.params[at..at + (self.layout.vocab * self.layout.embed_dim) as usize]
    }

    /// Every parameter of `run` at a slot (MODEL.md's order).
    pub fn params(&self, run: u32, slot: u32) -> &[f32] {
        let at = self.layout.params_index(run, slot, 0);
        &self.params[at..at + self.layout.params as usize]
    }

    /// Whether `run` had diverged by `epoch`.
    pub fn diverged(&self, run: u32, epoch: u32) -> bool {
        self.diverged_at[run as usize].is_some_and(|at| epoch >= at)
    }
}
