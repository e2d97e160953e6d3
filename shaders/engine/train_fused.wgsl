// Fused driver: one workgroup trains one run for `steps` epochs in a single dispatch, all pairs
// in one chunk (B = N). The workgroup's invocations share each phase's items
// (shaders/engine/phases.wgsl); barriers make every phase's writes visible to the next. The last iteration (i == steps) runs only the
// forward phases, so the epoch the dispatch ends on is recorded too.
//
// Mesa's software drivers stop any invocation after 65,535 loop iterations in total, so the host
// bounds `steps` by the loop iterations one epoch costs (src/engine/fused.rs).

const WG: u32 = 64u;

fn sync() {
    storageBarrier();
    workgroupBarrier();
}

@compute @workgroup_size(64)
fn cs_train(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
    let run = wid.x + wid.y * 65535u;
    // Whole workgroups are in or out, so barriers stay in uniform control flow.
    let in_range = run < step.runs;
    for (var i = 0u; i <= step.steps; i++) {
        let epoch = step.epoch_start + i;
        let slot = history_slot(epoch, step.first_epoch, step.stride, step.capacity);
        let learning = i < step.steps;
        for (var item = lid; in_range && item < N * H; item += WG) {
            phase_hidden(run, item, 0u);
        }
        sync();
        for (var item = lid; in_range && item < N * V; item += WG) {
            phase_logits(run, item);
        }
        sync();
        for (var item = lid; in_range && item < N; item += WG) {
            phase_softmax(run, item, 0u, slot, step.capacity, step.recorded_pairs);
        }
        sync();
        if learning {
            for (var item = lid; in_range && item < H * V + V + N * H; item += WG) {
                phase_output_grads(run, item, N);
            }
            sync();
            for (var item = lid; in_range && item < KD * H + H + N * KD; item += WG) {
                phase_input_grads(run, item, 0u, N);
            }
            sync();
            for (var item = lid; in_range && item < V * D; item += WG) {
                phase_embedding_grads(run, item, 0u, 0u);
            }
            sync();
        }
        // Items past 0 only record the parameters.
        let loss_items = select(1u, 1u + P, slot != NO_SLOT);
        for (var item = lid; in_range && item < loss_items; item += WG) {
            phase_loss(run, item, epoch, slot, step.capacity, learning);
        }
        sync();
        if learning {
            for (var item = lid; in_range && item < P; item += WG) {
                phase_update(run, item);
            }
            sync();
        }
    }
}
