//! Training throughput: epochs per second of the GPU engine and of the f64 CPU reference, side by
//! side, with submits and dispatches per epoch. Each timing grows its epoch count until it runs
//! for at least `min_secs`, after a warm-up, and waits for the GPU to finish.

use std::time::{Duration, Instant};

use super::{Trainer, TrainingSetup};
use crate::gpu::GpuContext;
use crate::model::ReferenceRun;

/// One benchmark case's figures.
#[derive(Clone, Debug)]
pub struct TrainBench {
    pub name: String,
    pub runs: usize,
    pub parameters: usize,
    pub pairs: usize,
    /// The trainer's driver ([`Trainer::driver_name`]).
    pub driver: &'static str,
    pub gpu_epochs_per_sec: f64,
    pub cpu_epochs_per_sec: f64,
    pub submits_per_epoch: f64,
    pub dispatches_per_epoch: f64,
}

impl std::fmt::Display for TrainBench {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:<34} {:>5} runs {:>8} params {:>6} pairs | GPU {:>10.3} epochs/s ({}) | CPU ref {:>9.3} epochs/s | {} submits, {} dispatches per epoch",
            self.name,
            self.runs,
            self.parameters,
            self.pairs,
            self.gpu_epochs_per_sec,
            self.driver,
            self.cpu_epochs_per_sec,
            per_epoch(self.submits_per_epoch),
            per_epoch(self.dispatches_per_epoch),
        )
    }
}

/// A count per epoch, readable when it is far below one (`1/4096`).
fn per_epoch(x: f64) -> String {
    if x >= 0.1 || x <= 0.0 {
        format!("{x:.3}")
    } else {
        format!("1/{:.0}", 1.0 / x)
    }
}

fn wait(gpu: &GpuContext) {
    gpu.device
        .poll(wgpu::PollType::wait_indefinitely())
        .expect("GPU poll");
}

/// Times `setup` on the GPU and on the CPU reference.
pub fn bench_training(
    gpu: &GpuContext,
    name: &str,
    setup: &TrainingSetup,
    min_secs: f64,
) -> Result<TrainBench, super::EngineError> {
    let mut trainer = Trainer::new(&gpu.device, &gpu.queue, setup)?;
    trainer.train(&gpu.device, &gpu.queue, 2);
    wait(gpu);
    let mut epochs = 1u32;
    let (gpu_rate, submits, dispatches) = loop {
        let (s0, d0) = trainer.counters();
        let start = Instant::now();
        trainer.train(&gpu.device, &gpu.queue, epochs);
        wait(gpu);
        let secs = start.elapsed().as_secs_f64();
        let (s1, d1) = trainer.counters();
        if secs >= min_secs || epochs >= 1 << 24 {
            let e = epochs as f64;
            break (e / secs, (s1 - s0) as f64 / e, (d1 - d0) as f64 / e);
        }
        epochs = epochs.saturating_mul(if secs < min_secs / 16.0 { 8 } else { 2 });
    };
    Ok(TrainBench {
        name: name.to_owned(),
        runs: setup.runs(),
        parameters: setup.dims.param_count(),
        pairs: setup.pairs.len(),
        driver: trainer.driver_name(),
        gpu_epochs_per_sec: gpu_rate,
        cpu_epochs_per_sec: bench_reference(setup, Duration::from_secs_f64(min_secs)),
        submits_per_epoch: submits,
        dispatches_per_epoch: dispatches,
    })
}

/// Epochs per second of the CPU reference training every run of `setup` (an epoch advances all
/// runs); at least one epoch is timed.
pub fn bench_reference(setup: &TrainingSetup, min: Duration) -> f64 {
    let mut runs: Vec<ReferenceRun> = (0..setup.runs())
        .map(|r| {
            ReferenceRun::new(
                setup.dims,
                setup.activation,
                setup.optimizer,
                setup.lrs[r],
                setup.initial_params[r].clone(),
            )
        })
        .collect();
    let start = Instant::now();
    let mut epochs = 0u32;
    while epochs == 0 || start.elapsed() < min {
        for run in &mut runs {
            run.step(&setup.pairs);
        }
        epochs += 1;
    }
    epochs as f64 / start.elapsed().as_secs_f64()
}

#[cfg(test)]
mod tests {
    #[test]
    fn small_counts_per_epoch_read_as_one_in_n() {
        assert_eq!(super::per_epoch(33.0), "33.000");
        assert_eq!(super::per_epoch(0.25), "0.250");
        assert_eq!(super::per_epoch(1.0 / 4096.0), "1/4096");
        assert_eq!(super::per_epoch(0.0), "0.000");
    }
}
