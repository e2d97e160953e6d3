// Prediction bars: P(next word | selected context) at the playhead, one row per word (instance =
// word; its row comes from its style: vocabulary order for small vocabularies, so rows never
// jump; the most likely words plus the true ones for big vocabularies, see info::bar_rows). The probabilities come from the
// probs history, interpolated between slots. The true next word(s) of the selected context glow
// brighter, get an outline and a white tick at their best possible probability (e.g. 0.5 for
// "the" -> "cat" when "the" is followed by "cat" once and "mat" once).

struct VsOut {
    @builtin(position) position: vec4<f32>,
    @location(0) local: vec2<f32>,
    @location(1) half_size: vec2<f32>,
    @location(2) @interpolate(flat) word: u32,
    @location(3) @interpolate(flat) prob: f32,
}

@vertex
fn vs_main(@builtin(vertex_index) vertex: u32, @builtin(instance_index) word: u32) -> VsOut {
    let size = panel_size(PANEL_BARS);
    let row = words[word].flags.w;
    let row_h = size.y / f32(max(frame.bar_rows, 1u));
    let bar_h = min(row_h * 0.62, 30.0 * px_scale());
    let half_size = vec2<f32>(size.x * 0.5, bar_h * 0.5);
    let margin = vec2<f32>(4.0 * px_scale());
    let c = quad_corner(vertex);
    let local = c * (half_size + margin);
    let centre = vec2<f32>(size.x * 0.5, (row + 0.5) * row_h);
    var out: VsOut;
    out.position = select(vec4<f32>(2.0, 2.0, 0.0, 1.0), panel_ndc(PANEL_BARS, centre + local), row >= 0.0);
    out.local = local;
    out.half_size = half_size;
    out.word = word;
    var p = 0.0;
    if (frame.slots_filled > 0u && frame.recorded_pairs > 0u) {
        p = clamp(prob_now(frame.pair, word), 0.0, 1.0);
    }
    out.prob = select(0.0, p, p == p);
    return out;
}

@fragment
fn fs_main(in: VsOut) -> @location(0) vec4<f32> {
    let s = px_scale();
    let style = words[in.word];
    let is_target = style.flags.x > 0.0;
    let x = in.local.x + in.half_size.x;
    let r = in.half_size.y;
    let track = rounded_rect_coverage(in.local, in.half_size, r);
    let fill = clamp(in.prob * 2.0 * in.half_size.x - x + 0.5, 0.0, 1.0);
    let gain = select(0.55, 1.25, is_target);
    var c = vec3<f32>(0.030, 0.036, 0.055) * track * (1.0 - fill) + style.color.rgb * gain * fill * track;
    if (is_target) {
        let bw = max(1.0, 1.6 * s);
        let inner = rounded_rect_coverage(in.local, in.half_size - vec2<f32>(bw), r - bw);
        c += vec3<f32>(1.0, 0.92, 0.7) * max(track - inner, 0.0) * 1.2;
        let ideal_x = style.flags.x * 2.0 * in.half_size.x;
        let tick = clamp(1.4 * s - abs(x - ideal_x), 0.0, 1.0) * step(abs(in.local.y), in.half_size.y + 3.0 * s);
        c += vec3<f32>(1.0) * tick * 1.6;
    }
    return vec4<f32>(c, 1.0);
}
