// Per-run driver: one invocation trains one run for `steps` epochs, walking every phase's items
// itself (shaders/engine/phases.wgsl), so no barriers are needed. The run's parameters, gradients,
// optimizer state, run state and scratch are copied into private arrays for the dispatch, so
// every lane reads the same private index at once (vector loads, not gathers), and copied back at
// the end. With many runs of a tiny model the runs fill the SIMD lanes; the host picks this
// driver then (src/engine/fused.rs). The last iteration (i == steps) runs only the forward phases.

@group(0) @binding(1) var<storage, read> corpus: array<u32>;
@group(0) @binding(2) var<storage, read_write> all_params: array<f32>;
@group(0) @binding(3) var<storage, read_write> all_grads: array<f32>;
@group(0) @binding(4) var<storage, read_write> all_opt_m: array<f32>;
@group(0) @binding(5) var<storage, read_write> all_opt_v: array<f32>;
@group(0) @binding(6) var<storage, read_write> all_run_state: array<RunState>;
@group(0) @binding(7) var<storage, read_write> all_scratch: array<f32>;
@group(0) @binding(8) var<storage, read_write> hist_loss: array<f32>;
@group(0) @binding(9) var<storage, read_write> hist_probs: array<f32>;
@group(0) @binding(10) var<storage, read_write> hist_hidden: array<f32>;
@group(0) @binding(11) var<storage, read_write> hist_params: array<f32>;

var<private> params: array<f32, P>;
var<private> grads: array<f32, P>;
var<private> opt_m: array<f32, P>;
var<private> opt_v: array<f32, P>;
var<private> run_state: array<RunState, 1>;
var<private> scratch: array<f32, SCR>;

// One run's block is the whole private array.
fn param_base(run: u32) -> u32 {
    return 0u;
}

fn scratch_base(run: u32) -> u32 {
    return 0u;
}

fn state_index(run: u32) -> u32 {
    return 0u;
}

@compute @workgroup_size(64)
fn cs_train(@builtin(global_invocation_id) gid: vec3<u32>) {
    let run = gid.x + gid.y * 4194240u;
    if run >= step.runs {
        return;
    }
    for (var q = 0u; q < P; q++) {
        params[q] = all_params[run * P + q];
        grads[q] = all_grads[run * P + q];
        opt_m[q] = all_opt_m[run * P + q];
        opt_v[q] = all_opt_v[run * P + q];
    }
    run_state[0] = all_run_state[run];
    for (var i = 0u; i <= step.steps; i++) {
        let epoch = step.epoch_start + i;
        let slot = history_slot(epoch, step.first_epoch, step.stride, step.capacity);
        let learning = i < step.steps;
        for (var item = 0u; item < N * H; item++) {
            phase_hidden(run, item, 0u);
        }
        for (var item = 0u; item < N * V; item++) {
            phase_logits(run, item);
        }
        for (var item = 0u; item < N; item++) {
            phase_softmax(run, item, 0u, slot, step.capacity, step.recorded_pairs);
        }
        if learning {
            for (var item = 0u; item < H * V + V + N * H; item++) {
                phase_output_grads(run, item, N);
            }
            for (var item = 0u; item < KD * H + H + N * KD; item++) {
                phase_input_grads(run, item, 0u, N);
            }
            for (var item = 0u; item < V * D; item++) {
                phase_embedding_grads(run, item, 0u, 0u);
            }
        }
        // Items past 0 only record the embedding table.
        let loss_items = select(1u, 1u + P, slot != NO_SLOT);
        for (var item = 0u; item < loss_items; item++) {
            phase_loss(run, item, epoch, slot, step.capacity, learning);
        }
        if learning {
            for (var item = 0u; item < P; item++) {
                phase_update(run, item);
            }
        }
    }
    for (var q = 0u; q < P; q++) {
        all_params[run * P + q] = params[q];
        all_grads[run * P + q] = grads[q];
        all_opt_m[run * P + q] = opt_m[q];
        all_opt_v[run * P + q] = opt_v[q];
    }
    all_run_state[run] = run_state[0];
}
