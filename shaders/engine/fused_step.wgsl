// The dispatch parameters of the fused drivers (train_fused.wgsl, train_per_run.wgsl).
// Keep in sync with src/engine/fused.rs (StepUniform).
struct Step {
    epoch_start: u32,
    steps: u32,
    stride: u32,
    first_epoch: u32,
    capacity: u32,
    runs: u32,
    recorded_pairs: u32,
    _pad: u32,
}

@group(0) @binding(0) var<uniform> step: Step;
