//! How much training the window may do per frame, so it stays live with any lesson it accepts.
//!
//! How it works: an epoch's work is counted as pairs × parameters × runs (the multiply-adds of a
//! forward and backward pass, up to a small factor). A software adapter (Mesa's lavapipe, about
//! 2.4 GFLOP/s on two cores) gets [`SOFTWARE_WORK_PER_FRAME`] per frame, a real GPU a hundred
//! times more. The window trains at most as many epochs in a frame as fit its budget (at least
//! one), and refuses a lesson of which one epoch alone would take several frames' budget: such
//! a lesson would freeze the window, so it is named with `nextword train`, which trains it
//! without a window.

use crate::lesson::{Corpus, Lesson, parameter_count};

/// Work per frame on a software adapter: about 35 ms of lavapipe on two cores (measured with
/// `nextword bench --frame-only --frame-lesson FILE`: a lesson of 3,000 pairs and 6,500
/// parameters trains one epoch in about 100 ms).
pub const SOFTWARE_WORK_PER_FRAME: u64 = 3_000_000;
/// Work per frame on a hardware GPU.
pub const HARDWARE_WORK_PER_FRAME: u64 = 100 * SOFTWARE_WORK_PER_FRAME;
/// A lesson whose single epoch needs more than this many frames' budget is refused.
const MAX_FRAMES_PER_EPOCH: u64 = 2;

/// The work of one epoch of `lesson` over `corpus`.
pub fn epoch_work(lesson: &Lesson, corpus: &Corpus) -> u64 {
    let params = parameter_count(
        corpus.vocab.len() as u64,
        lesson.model.embed_dim as u64,
        lesson.model.hidden as u64,
        lesson.model.context as u64,
    );
    (corpus.pairs.len() as u64)
        .saturating_mul(params)
        .saturating_mul(u64::from(lesson.runs.max(1)))
}

/// The window's training budget for one adapter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameBudget {
    pub work_per_frame: u64,
}

impl FrameBudget {
    /// The budget of an adapter of `device_type`.
    pub fn for_device(device_type: wgpu::DeviceType) -> Self {
        Self {
            work_per_frame: if device_type == wgpu::DeviceType::Cpu {
                SOFTWARE_WORK_PER_FRAME
            } else {
                HARDWARE_WORK_PER_FRAME
            },
        }
    }

    /// Epochs one frame may train for a lesson of `work` per epoch (1..=`max`).
    pub fn epochs_per_frame(&self, work: u64, max: u32) -> u32 {
        let fit = self.work_per_frame / work.max(1);
        u32::try_from(fit).unwrap_or(u32::MAX).clamp(1, max.max(1))
    }

    /// Whether the window can train a lesson of `work` per epoch and stay live; else why not.
    pub fn admits(&self, work: u64) -> Result<(), String> {
        let limit = self.work_per_frame.saturating_mul(MAX_FRAMES_PER_EPOCH);
        if work > limit {
            return Err(format!(
                "one epoch of this lesson is about {work} multiply-adds (pairs × parameters × \
                 runs), more than the {limit} this GPU can do while the window stays live; train \
                 it with `nextword train` instead"
            ));
        }
        Ok(())
    }
}

/// Epochs per frame for `lesson` within `budget`, or why the window cannot train it live.
pub fn window_epochs(budget: &FrameBudget, lesson: &Lesson) -> Result<u32, String> {
    let corpus = lesson.corpus().map_err(|e| e.to_string())?;
    let work = epoch_work(lesson, &corpus);
    budget.admits(work)?;
    Ok(budget.epochs_per_frame(work, super::playback::MAX_EPOCHS_PER_FRAME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_admits_lessons_and_bounds_each_frame() {
        let cpu = FrameBudget::for_device(wgpu::DeviceType::Cpu);
        let gpu = FrameBudget::for_device(wgpu::DeviceType::DiscreteGpu);
        let lesson = crate::lesson::load_builtin("cat-sat").unwrap();
        let corpus = lesson.corpus().unwrap();
        let cat_sat = epoch_work(&lesson, &corpus);
        assert_eq!(cat_sat, 5 * 101);
        assert!(cpu.admits(cat_sat).is_ok());
        assert_eq!(cpu.epochs_per_frame(cat_sat, 256), 256);
        // The benchmark's large lesson: 20,000 pairs of a 402,512-parameter model.
        let large = 20_000 * 402_512;
        assert!(cpu.admits(large).unwrap_err().contains("nextword train"));
        assert_eq!(gpu.epochs_per_frame(large, 256), 1);
        // A lesson that just fits trains one epoch a frame.
        assert_eq!(cpu.epochs_per_frame(SOFTWARE_WORK_PER_FRAME * 2, 256), 1);
        assert!(cpu.admits(SOFTWARE_WORK_PER_FRAME * 2).is_ok());
        assert!(cpu.admits(SOFTWARE_WORK_PER_FRAME * 2 + 1).is_err());
    }
}
