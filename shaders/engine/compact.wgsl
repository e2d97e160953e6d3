// History compaction: keep every 2nd slot. Slot i receives slot 2i, for i = 1 .. kept-1.
// One invocation owns one (run, element-of-a-slot) column and walks the slots in ascending
// order, so a slot is always read (as the source 2i) before it is overwritten (as slot i).

// keep in sync with src/engine/compact.rs (CompactUniform)
struct Compact {
    runs: u32,
    capacity: u32,
    kept: u32,
    loss_len: u32,
    probs_len: u32,
    hidden_len: u32,
    params_len: u32,
    _pad: u32,
}

@group(0) @binding(0) var<uniform> job: Compact;
@group(0) @binding(1) var<storage, read_write> hist_loss: array<f32>;
@group(0) @binding(2) var<storage, read_write> hist_probs: array<f32>;
@group(0) @binding(3) var<storage, read_write> hist_hidden: array<f32>;
@group(0) @binding(4) var<storage, read_write> hist_params: array<f32>;

@compute @workgroup_size(64)
fn cs_compact(@builtin(global_invocation_id) gid: vec3<u32>) {
    let widest = max(max(job.loss_len, job.probs_len), max(job.hidden_len, job.params_len));
    // Large jobs spread over y: one row of x holds 65535 workgroups of 64 invocations.
    let index = gid.x + gid.y * 4194240u;
    let run = index / widest;
    let element = index % widest;
    if run >= job.runs {
        return;
    }
    let first_slot = run * job.capacity;
    for (var i = 1u; i < job.kept; i++) {
        let dst = first_slot + i;
        let src = first_slot + 2u * i;
        if element < job.loss_len {
            hist_loss[dst * job.loss_len + element] = hist_loss[src * job.loss_len + element];
        }
        if element < job.probs_len {
            hist_probs[dst * job.probs_len + element] = hist_probs[src * job.probs_len + element];
        }
        if element < job.hidden_len {
            hist_hidden[dst * job.hidden_len + element] = hist_hidden[src * job.hidden_len + element];
        }
        if element < job.params_len {
            hist_params[dst * job.params_len + element] = hist_params[src * job.params_len + element];
        }
    }
}
