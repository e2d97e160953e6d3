//! Long trainings on the command line say how far they are: [`train_to`] trains in slices and,
//! once a training has taken more than [`QUIET_SECS`], prints a progress line on stderr every
//! few seconds (stdout stays the command's output).

use std::time::{Duration, Instant};

use crate::engine::Trainer;

/// A training shorter than this prints nothing.
pub const QUIET_SECS: Duration = Duration::from_secs(2);
/// Seconds between two progress lines.
const EVERY: Duration = Duration::from_secs(3);

/// Trains `trainer` up to epoch `target` (nothing when it is there already), in slices of about
/// half a second, with progress lines for long trainings.
pub fn train_to(trainer: &mut Trainer, device: &wgpu::Device, queue: &wgpu::Queue, target: u32) {
    let start = Instant::now();
    let first = trainer.epoch();
    let mut last_line = start;
    let mut slice = 64u32;
    while trainer.epoch() < target {
        let t = Instant::now();
        let n = slice.min(target - trainer.epoch());
        trainer.train(device, queue, n);
        // Aim for slices of ~0.5 s, so a line comes on time.
        let secs = t.elapsed().as_secs_f64().max(1e-4);
        slice = ((f64::from(n) * 0.5 / secs) as u32).clamp(1, 1 << 20);
        if start.elapsed() >= QUIET_SECS && last_line.elapsed() >= EVERY {
            last_line = Instant::now();
            let done = trainer.epoch();
            let share = f64::from(done - first) / f64::from((target - first).max(1));
            eprintln!(
                "training: epoch {done} of {target} ({:.0}%), {:.0} s so far",
                share * 100.0,
                start.elapsed().as_secs_f64()
            );
        }
    }
}
