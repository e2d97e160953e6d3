//! Checkpoints: enough to rebuild a lesson's training state on a new GPU device.
//!
//! How it works: training is deterministic (fixed seeds, fixed kernels, the same dispatch plan for
//! the same epoch count), so the state after `epoch` epochs is a pure function of the lesson, its
//! seed, learning rates and optimizer. A [`Checkpoint`] records those plus the epoch; after a
//! device loss the window makes a new GPU context and calls [`Checkpoint::restore`], which builds
//! a fresh [`LessonSession`] and retrains it to the same epoch, history included. Kiosk lessons
//! train thousands of epochs per second, so this takes a moment, not a restart of the lesson.

use crate::gpu::GpuContext;
use crate::lesson::{Lesson, OptimizerKind};
use crate::scene::headless::LessonSession;

use super::KioskError;

/// Where a lesson came from, so it can be loaded again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LessonSource {
    /// A built-in id or a lesson file path (see [`crate::lesson::load`]).
    Id(String),
    /// The visitor's own text (see [`crate::lesson::lesson_from_text`]).
    Text(String),
}

/// A lesson's training state, as the inputs that reproduce it.
#[derive(Clone, Debug, PartialEq)]
pub struct Checkpoint {
    pub source: LessonSource,
    pub seed: u64,
    /// One learning rate, or one per run.
    pub lr: Vec<f64>,
    pub optimizer: OptimizerKind,
    /// Epochs trained.
    pub epoch: u32,
}

impl Checkpoint {
    /// The checkpoint of `session`, which was loaded from `source` (perhaps with its seed,
    /// learning rate or optimizer changed since).
    pub fn of(source: LessonSource, session: &LessonSession) -> Self {
        Self {
            source,
            seed: session.lesson.seed,
            lr: session.lesson.lr.clone(),
            optimizer: session.lesson.optimizer,
            epoch: session.trainer.epoch(),
        }
    }

    /// The lesson with the checkpoint's seed, learning rates and optimizer.
    pub fn lesson(&self) -> Result<Lesson, KioskError> {
        let mut lesson = match &self.source {
            LessonSource::Id(id) => crate::lesson::load(id),
            LessonSource::Text(text) => crate::lesson::lesson_from_text(text),
        }
        .map_err(|e| KioskError::Restore(e.to_string()))?;
        if !(self.lr.len() == 1 || self.lr.len() == lesson.runs as usize) {
            return Err(KioskError::Restore(format!(
                "{} learning rates for a lesson with {} runs",
                self.lr.len(),
                lesson.runs
            )));
        }
        lesson.seed = self.seed;
        lesson.lr = self.lr.clone();
        lesson.optimizer = self.optimizer;
        Ok(lesson)
    }

    /// A fresh session on `device` trained to the checkpoint's epoch.
    pub fn restore(
        &self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
    ) -> Result<LessonSession, KioskError> {
        retrain(self.lesson()?, self.epoch, device, queue)
    }

    /// A new headless GPU context and the session restored on it (after a device loss).
    pub fn restore_headless(&self) -> Result<(GpuContext, LessonSession), KioskError> {
        let gpu = GpuContext::headless().map_err(|e| KioskError::Restore(e.to_string()))?;
        let session = self.restore(&gpu.device, &gpu.queue)?;
        Ok((gpu, session))
    }
}

/// A fresh session of `lesson` on `device`, trained to `epoch`: the same parameters and history,
/// bit for bit, as the session that had reached that epoch (training is deterministic).
pub fn retrain(
    lesson: Lesson,
    epoch: u32,
    device: &wgpu::Device,
    queue: &wgpu::Queue,
) -> Result<LessonSession, KioskError> {
    let mut session = LessonSession::from_lesson(device, queue, lesson)
        .map_err(|e| KioskError::Restore(e.to_string()))?;
    session.trainer.train(device, queue, epoch);
    Ok(session)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lesson_takes_the_checkpoint_settings() {
        let c = Checkpoint {
            source: LessonSource::Id("cat-sat".into()),
            seed: 77,
            lr: vec![0.5],
            optimizer: OptimizerKind::Sgd,
            epoch: 12,
        };
        let l = c.lesson().unwrap();
        assert_eq!(
            (l.seed, l.lr.clone(), l.optimizer),
            (77, vec![0.5], OptimizerKind::Sgd)
        );
        let text = Checkpoint {
            source: LessonSource::Text("the dog ran. the cat sat.".into()),
            ..c.clone()
        };
        assert_eq!(text.lesson().unwrap().id, "custom");
        let bad = Checkpoint {
            lr: vec![0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7],
            ..c
        };
        assert!(
            bad.lesson()
                .unwrap_err()
                .to_string()
                .contains("learning rates")
        );
    }
}
