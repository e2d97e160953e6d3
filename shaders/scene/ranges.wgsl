// Value ranges the views normalise by, all computed on the GPU (one workgroup): the loss range
// over every run's history (for the loss plot's y axis), max |w1| and max |w2| of the selected
// run's current parameters (network edges), max |embedding| and max |hidden activation| over the
// sampled history of the selected run (strip and heatmap colours). Non-finite values are skipped.

const WG: u32 = 256u;

var<workgroup> red_a: array<vec4<f32>, 256>; // loss min, loss max, max |w1|, max |w2|
var<workgroup> red_b: array<vec2<f32>, 256>; // max |embedding|, max |hidden|

fn finite(x: f32) -> bool {
    return x == x && abs(x) < 1e30;
}

@compute @workgroup_size(256)
fn cs_ranges(@builtin(local_invocation_index) lid: u32) {
    var a = vec4<f32>(1e30, -1e30, 0.0, 0.0);
    var b = vec2<f32>(0.0);

    let filled = frame.slots_filled;
    for (var i = lid; i < frame.runs * filled; i += WG) {
        let l = loss_at(i / filled, i % filled);
        if (finite(l)) {
            a.x = min(a.x, l);
            a.y = max(a.y, l);
        }
    }
    // The largest weights of the epoch shown (the network view draws that epoch's weights).
    let shown = min(frame.number_slot, max(filled, 1u) - 1u);
    let n_w1 = frame.context * frame.embed_dim * frame.hidden;
    for (var i = lid; i < n_w1; i += WG) {
        let w = param_at(frame.run, shown, frame.off_w1 + i);
        if (finite(w)) {
            a.z = max(a.z, abs(w));
        }
    }
    let n_w2 = frame.hidden * frame.vocab;
    for (var i = lid; i < n_w2; i += WG) {
        let w = param_at(frame.run, shown, frame.off_w2 + i);
        if (finite(w)) {
            a.w = max(a.w, abs(w));
        }
    }
    let slots = max(min(frame.pca_slots, filled), 1u);
    let per_slot_emb = frame.vocab * frame.embed_dim;
    for (var i = lid; i < slots * per_slot_emb; i += WG) {
        let slot = sampled_slot(i / per_slot_emb, slots);
        let x = params_hist[run_slot(frame.run, slot) * frame.param_count + i % per_slot_emb];
        if (finite(x)) {
            b.x = max(b.x, abs(x));
        }
    }
    let per_slot_hidden = frame.recorded_pairs * frame.hidden;
    for (var i = lid; i < slots * per_slot_hidden; i += WG) {
        let slot = sampled_slot(i / per_slot_hidden, slots);
        let x = hidden_hist[run_slot(frame.run, slot) * per_slot_hidden + i % per_slot_hidden];
        if (finite(x)) {
            b.y = max(b.y, abs(x));
        }
    }
    red_a[lid] = a;
    red_b[lid] = b;
    workgroupBarrier();
    for (var half = WG / 2u; half > 0u; half /= 2u) {
        if (lid < half) {
            let o = red_a[lid + half];
            let m = red_a[lid];
            red_a[lid] = vec4<f32>(min(m.x, o.x), max(m.y, o.y), max(m.z, o.z), max(m.w, o.w));
            red_b[lid] = max(red_b[lid], red_b[lid + half]);
        }
        workgroupBarrier();
    }
    if (lid == 0u) {
        var r = red_a[0];
        if (r.x > r.y) {
            r = vec4<f32>(0.0, 1.0, r.z, r.w);
        }
        derived[D_LOSS_MIN] = r.x;
        derived[D_LOSS_MAX] = r.y;
        derived[D_W1_MAX] = max(r.z, 1e-6);
        derived[D_W2_MAX] = max(r.w, 1e-6);
        derived[D_EMB_MAX] = max(red_b[0].x, 1e-6);
        derived[D_HIDDEN_MAX] = max(red_b[0].y, 1e-6);
    }
}
