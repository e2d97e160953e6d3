// The storage buffers of the shared-buffer drivers (train_fused.wgsl, train_layered.wgsl):
// every run's block lives in the same buffers (see phases.wgsl). Binding 0 is the driver's own
// uniform. Keep in sync with EngineBuffers::training_bindings (src/engine/buffers.rs).

@group(0) @binding(1) var<storage, read> corpus: array<u32>;
@group(0) @binding(2) var<storage, read_write> params: array<f32>;
@group(0) @binding(3) var<storage, read_write> grads: array<f32>;
@group(0) @binding(4) var<storage, read_write> opt_m: array<f32>;
@group(0) @binding(5) var<storage, read_write> opt_v: array<f32>;
@group(0) @binding(6) var<storage, read_write> run_state: array<RunState>;
@group(0) @binding(7) var<storage, read_write> scratch: array<f32>;
@group(0) @binding(8) var<storage, read_write> hist_loss: array<f32>;
@group(0) @binding(9) var<storage, read_write> hist_probs: array<f32>;
@group(0) @binding(10) var<storage, read_write> hist_hidden: array<f32>;
@group(0) @binding(11) var<storage, read_write> hist_params: array<f32>;

fn param_base(run: u32) -> u32 {
    return run * P;
}

fn scratch_base(run: u32) -> u32 {
    return run * SCR;
}

fn state_index(run: u32) -> u32 {
    return run;
}
