//! Throughput of the attention engine beside its f64 CPU reference: the attention lesson's text
//! with R runs, epochs per second of every run together (`nextword bench --cases d,e`).

use std::time::{Duration, Instant};

use super::attention::AttnTrainer;
use crate::lesson::OptimizerKind;
use crate::model::attention::{AttnDims, AttnPair, AttnRun, init_attention};

/// One line of figures: GPU run-epochs per second, and the CPU reference's (one core).
pub fn bench_attention(
    device: &wgpu::Device,
    queue: &wgpu::Queue,
    name: &str,
    dims: AttnDims,
    pairs: &[AttnPair],
    runs: usize,
    secs: f64,
) -> String {
    let seeds: Vec<u64> = (1..=runs as u64).collect();
    let mut engine = AttnTrainer::from_seeds(
        device,
        dims,
        pairs.to_vec(),
        OptimizerKind::Adam,
        &seeds,
        &vec![0.02; runs],
    );
    // Warm up (pipeline compilation), then time whole batches of epochs.
    engine.train(device, queue, 2);
    let _ = device.poll(wgpu::PollType::wait_indefinitely());
    let budget = Duration::from_secs_f64(secs);
    let start = Instant::now();
    let mut epochs = 0u64;
    while start.elapsed() < budget {
        engine.train(device, queue, 64);
        let _ = device.poll(wgpu::PollType::wait_indefinitely());
        epochs += 64;
    }
    let gpu = epochs as f64 * runs as f64 / start.elapsed().as_secs_f64();
    let mut run = AttnRun::new(dims, OptimizerKind::Adam, 0.02, init_attention(&dims, 1));
    let start = Instant::now();
    let mut cpu_epochs = 0u64;
    while start.elapsed() < budget {
        run.step(pairs);
        cpu_epochs += 1;
    }
    let cpu = cpu_epochs as f64 / start.elapsed().as_secs_f64();
    format!(
        "{name}: {gpu:.0} run-epochs/s on the GPU ({:.0} epochs/s per run), f64 CPU reference \
         {cpu:.0} epochs/s (one run, one core)",
        gpu / runs as f64
    )
}
