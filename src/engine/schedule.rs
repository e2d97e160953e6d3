//! The history schedule: which epochs get a slot, when the history must be compacted, and how
//! many epochs one dispatch may train without writing past the last slot. Pure CPU logic, so the
//! host always knows the layout of the GPU history without reading it back.
//!
//! Rule: slot `s` holds epoch `first_epoch + s * stride`. When the next recorded epoch would need
//! slot `capacity`, the history keeps every 2nd slot (0, 2, 4, ...) and `stride` doubles.

use super::history::HistoryLayout;

/// One step of a training plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanStep {
    /// Keep every 2nd slot: slots `0..kept` receive slots `0, 2, .., 2*(kept-1)`.
    Compact { kept: u32 },
    /// Train `steps` epochs starting at `epoch_start` (recording `epoch_start ..= epoch_start+steps`
    /// where they have slots) under the given stride.
    Train {
        epoch_start: u32,
        steps: u32,
        stride: u32,
    },
}

/// Host-side mirror of the history layout and the trained epoch count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HistorySchedule {
    pub layout: HistoryLayout,
    /// Epochs trained so far (the epoch the parameters are at).
    pub epoch: u32,
}

impl HistorySchedule {
    pub fn new(layout: HistoryLayout) -> Self {
        Self { layout, epoch: 0 }
    }

    /// Last epoch (exclusive bound + 1) that fits in the history under the current stride.
    fn last_fitting_epoch(&self) -> u64 {
        let l = &self.layout;
        l.first_epoch as u64 + (l.capacity as u64 - 1) * l.stride as u64
    }

    /// Plans training `epochs` more epochs (0 records the current epoch only), at most
    /// `max_steps` epochs per dispatch, and advances the mirror as if the plan ran.
    pub fn plan(&mut self, epochs: u32, max_steps: u32) -> Vec<PlanStep> {
        let mut plan = Vec::new();
        let mut remaining = epochs;
        loop {
            let room = self.last_fitting_epoch().saturating_sub(self.epoch as u64);
            if room == 0 && remaining > 0 {
                let kept = self.layout.slots_filled.div_ceil(2);
                plan.push(PlanStep::Compact { kept });
                self.layout.slots_filled = kept;
                self.layout.stride *= 2;
                continue;
            }
            let steps = (remaining as u64).min(room).min(max_steps.max(1) as u64) as u32;
            plan.push(PlanStep::Train {
                epoch_start: self.epoch,
                steps,
                stride: self.layout.stride,
            });
            self.epoch += steps;
            let since = self.epoch - self.layout.first_epoch;
            let newest_slot = since / self.layout.stride;
            self.layout.slots_filled = self.layout.slots_filled.max(newest_slot + 1);
            remaining -= steps;
            if remaining == 0 {
                return plan;
            }
        }
    }

    /// Starts a fresh history at the current epoch (stride 1), for streaming long runs.
    pub fn rebase(&mut self) {
        self.layout.first_epoch = self.epoch;
        self.layout.stride = 1;
        self.layout.slots_filled = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schedule(capacity: u32) -> HistorySchedule {
        HistorySchedule::new(HistoryLayout {
            runs: 1,
            capacity,
            vocab: 5,
            embed_dim: 8,
            hidden: 4,
            recorded_pairs: 5,
            params: 101,
            stride: 1,
            slots_filled: 0,
            first_epoch: 0,
        })
    }

    #[test]
    fn first_plan_records_epoch_zero() {
        let mut s = schedule(8);
        assert_eq!(
            s.plan(0, 100),
            vec![PlanStep::Train {
                epoch_start: 0,
                steps: 0,
                stride: 1
            }]
        );
        assert_eq!(s.layout.slots_filled, 1);
    }

    #[test]
    fn fills_then_compacts_and_doubles_stride() {
        let mut s = schedule(4);
        s.plan(0, 100);
        let plan = s.plan(5, 100);
        assert_eq!(
            plan,
            vec![
                PlanStep::Train {
                    epoch_start: 0,
                    steps: 3,
                    stride: 1
                },
                PlanStep::Compact { kept: 2 },
                PlanStep::Train {
                    epoch_start: 3,
                    steps: 2,
                    stride: 2
                },
            ]
        );
        // Slots now hold epochs 0, 2, 4.
        assert_eq!(s.layout.stride, 2);
        assert_eq!(s.layout.slots_filled, 3);
        assert_eq!(s.layout.last_recorded_epoch(), Some(4));
        assert_eq!(s.epoch, 5);
    }

    #[test]
    fn history_always_spans_epoch_zero_to_now() {
        let mut s = schedule(16);
        s.plan(0, 7);
        for _ in 0..50 {
            s.plan(37, 7);
            let l = s.layout;
            assert!(l.slots_filled <= l.capacity);
            assert_eq!(l.slot_of_epoch(0), Some(0));
            let newest = l.last_recorded_epoch().unwrap();
            assert!(
                s.epoch - newest < l.stride,
                "newest {newest} epoch {}",
                s.epoch
            );
        }
    }

    #[test]
    fn dispatches_respect_max_steps() {
        let mut s = schedule(1 << 20);
        let plan = s.plan(1000, 256);
        assert_eq!(plan.len(), 4);
        assert!(
            plan.iter()
                .all(|p| matches!(p, PlanStep::Train { steps, .. } if *steps <= 256))
        );
    }

    #[test]
    fn rebase_starts_at_current_epoch() {
        let mut s = schedule(4);
        s.plan(0, 10);
        s.plan(3, 10);
        s.rebase();
        s.plan(0, 10);
        assert_eq!(s.layout.first_epoch, 3);
        assert_eq!(s.layout.slot_of_epoch(3), Some(0));
    }
}
