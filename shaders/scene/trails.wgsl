// Every word's trajectory through the embedding space from epoch 0 to the playhead, in every run
// (other runs than the followed one: thin, in the run's colour). Instance =
// (run * vocab + word) * (MAX_SEGMENTS + 1) + k. With `step` = ceil(slot_a / MAX_SEGMENTS) history slots per
// segment, segment k joins slot k*step to slot min((k+1)*step, slot_a); the segment starting at
// slot_a ends at the interpolated position at the playhead; later ones collapse. Long histories
// are thus drawn with at most MAX_SEGMENTS + 1 segments per word (bounded vertex work). Width and
// brightness fade with age (relative to the playhead): recent motion is bright, the origin a wisp.
// Keep MAX_SEGMENTS in sync with src/scene/trails.rs.

const MAX_SEGMENTS: u32 = 96u;

struct VsOut {
    @builtin(position) position: vec4<f32>,
    @location(0) local: vec2<f32>,
    @location(1) color: vec3<f32>,
    @location(2) len_halfw: vec2<f32>,
}

@vertex
fn vs_main(@builtin(vertex_index) vertex: u32, @builtin(instance_index) instance: u32) -> VsOut {
    let line = instance / (MAX_SEGMENTS + 1u);
    let run = line / max(frame.vocab, 1u);
    let word = line % max(frame.vocab, 1u);
    let ghost = run != frame.run;
    let k = instance % (MAX_SEGMENTS + 1u);
    let step = max(1u, (frame.slot_a + MAX_SEGMENTS - 1u) / MAX_SEGMENTS);
    let s = k * step;
    var out: VsOut;
    out.position = vec4<f32>(2.0, 2.0, 0.0, 1.0);
    out.local = vec2<f32>(0.0);
    out.color = vec3<f32>(0.0);
    out.len_halfw = vec2<f32>(0.0);
    if (s > frame.slot_a || frame.slots_filled < 2u || run >= frame.runs) {
        return out;
    }
    let a = project_slot(run, s, word);
    var b = project_run_now(run, word);
    if (s < frame.slot_a) {
        b = project_slot(run, min(s + step, frame.slot_a), word);
    }
    let ca = frame.clip_from_world * vec4<f32>(a, 1.0);
    let cb = frame.clip_from_world * vec4<f32>(b, 1.0);
    let age = clamp((f32(s) + 1.0) / (frame.slot_pos + 1.0), 0.0, 1.0);
    let half_w = px_scale() * select(0.8 + 2.0 * age * age, 0.5 + 0.8 * age, ghost);
    let lc = line_corner(clip_to_panel_px(PANEL_EMBEDDING, ca), clip_to_panel_px(PANEL_EMBEDDING, cb), half_w, vertex);
    if (ca.w > 0.05 && cb.w > 0.05) {
        out.position = panel_ndc(PANEL_EMBEDDING, lc.px);
    }
    out.local = lc.local;
    let color = select(words[word].color.rgb, RUN_COLORS[run % 8u] * 0.5, ghost);
    out.color = color * (0.12 + 1.5 * pow(age, 1.6));
    out.len_halfw = vec2<f32>(lc.len, half_w);
    return out;
}

@fragment
fn fs_main(in: VsOut) -> @location(0) vec4<f32> {
    // Flat ends (trajectories are smooth, the gaps at turns are sub-pixel).
    let cov = flat_line_coverage(in.local, in.len_halfw.x, in.len_halfw.y);
    return vec4<f32>(in.color, cov);
}
