// The few numbers the CPU reads back each frame (asynchronously, never blocking a frame) to place
// labels: the loss at the shown epoch (slot 5) and the loss range, the share of variance the 3 PCA axes show,
// every word's 3D position at the playhead, P(word | selected context), the vector of the hovered
// word (else the focus word; its id in slot 6) and the selected pair's hidden activations. Layout: `SUMMARY_*` in src/scene/uniforms.rs.

const S_HEADER: u32 = 8u;

fn vector_word() -> u32 {
    return select(frame.word, min(frame.hover_word, frame.vocab - 1u), has_flag(FLAG_HOVER));
}

@compute @workgroup_size(64)
fn cs_summary(@builtin(local_invocation_index) lid: u32) {
    let vocab = frame.vocab;
    let has_data = frame.slots_filled > 0u;
    if (lid == 0u) {
        summary[0] = select(0.0, loss_now(frame.run), has_data);
        summary[1] = derived[D_LOSS_MIN];
        summary[2] = derived[D_LOSS_MAX];
        let trace = derived[D_TRACE];
        summary[3] = select(0.0, (derived[D_EIGEN] + derived[D_EIGEN + 1u] + derived[D_EIGEN + 2u]) / trace, trace > 0.0);
        summary[4] = derived[D_SCALE];
        summary[5] = shown_epoch();
        summary[6] = f32(vector_word());
        summary[7] = 0.0;
    }
    let pos_base = S_HEADER;
    let probs_base = pos_base + 3u * vocab;
    let focus_base = probs_base + vocab;
    let hidden_base = focus_base + frame.embed_dim;
    for (var w = lid; w < vocab; w += 64u) {
        var p = vec3<f32>(0.0);
        var prob = 0.0;
        if (has_data) {
            p = project_now(w);
            if (frame.recorded_pairs > 0u) {
                prob = prob_now(frame.pair, w);
            }
        }
        summary[pos_base + 3u * w] = p.x;
        summary[pos_base + 3u * w + 1u] = p.y;
        summary[pos_base + 3u * w + 2u] = p.z;
        summary[probs_base + w] = prob;
    }
    for (var d = lid; d < frame.embed_dim; d += 64u) {
        summary[focus_base + d] = select(0.0, emb_now(vector_word(), d), has_data);
    }
    for (var u = lid; u < frame.hidden; u += 64u) {
        summary[hidden_base + u] = select(0.0, hidden_now(frame.pair, u), has_data && frame.recorded_pairs > 0u);
    }
}
