// The loss curve, read straight from the loss history buffer. Each segment (history slot s to
// s + 1) is a thick anti-aliased line expanded in the vertex shader; the selected run is bright
// up to the playhead and dim after it, other runs are faint ghosts. A soft fill under the curve,
// dim guide lines at 0, 1/4, .., 1 of the plot height (the CPU labels them), the playhead line
// and a glowing dot at the playhead complete it. y is linear from 0 or logarithmic between the
// loss range found by ranges.wgsl; x spans epochs 0..last_epoch.

const PAD: f32 = 0.06;

struct LineOut {
    @builtin(position) position: vec4<f32>,
    @location(0) local: vec2<f32>,
    @location(1) color: vec3<f32>,
    @location(2) len_halfw: vec2<f32>,
    @location(3) @interpolate(flat) fade_after_playhead: f32,
}

fn loss_norm(l: f32) -> f32 {
    let lo = derived[D_LOSS_MIN];
    let hi = derived[D_LOSS_MAX];
    if (has_flag(FLAG_LOSS_LOG)) {
        let a = log(max(lo, 1e-6));
        let b = log(max(hi, 1e-6));
        return (log(max(l, 1e-6)) - a) / max(b - a, 1e-6);
    }
    return l / max(hi, 1e-6);
}

fn loss_y_px(l: f32) -> f32 {
    let n = clamp(loss_norm(l), -0.05, 1.05);
    return panel_size(PANEL_LOSS).y * (1.0 - (PAD + (1.0 - 2.0 * PAD) * n));
}

fn epoch_x_px(epoch: f32) -> f32 {
    return epoch / max(frame.last_epoch, 1.0) * panel_size(PANEL_LOSS).x;
}

fn playhead_x_target() -> f32 {
    return frame.panels[PANEL_LOSS].x + epoch_x_px(shown_epoch());
}

fn slot_point(run: u32, slot: u32) -> vec2<f32> {
    return vec2<f32>(epoch_x_px(slot_epoch(slot)), loss_y_px(loss_at(run, slot)));
}

fn hidden_line() -> LineOut {
    var out: LineOut;
    out.position = vec4<f32>(2.0, 2.0, 0.0, 1.0);
    out.local = vec2<f32>(0.0);
    out.color = vec3<f32>(0.0);
    out.len_halfw = vec2<f32>(0.0);
    out.fade_after_playhead = 0.0;
    return out;
}

fn make_line(a: vec2<f32>, b: vec2<f32>, half_w: f32, vertex: u32, color: vec3<f32>, fade: f32) -> LineOut {
    let lc = line_corner(a, b, half_w, vertex);
    var out: LineOut;
    out.position = panel_ndc(PANEL_LOSS, lc.px);
    out.local = lc.local;
    out.color = color;
    out.len_halfw = vec2<f32>(lc.len, half_w);
    out.fade_after_playhead = fade;
    return out;
}

// Instance = run * segments + segment.
@vertex
fn vs_curve(@builtin(vertex_index) vertex: u32, @builtin(instance_index) instance: u32) -> LineOut {
    let segments = max(frame.slots_filled, 2u) - 1u;
    let run = instance / segments;
    let s = instance % segments;
    if (frame.slots_filled < 2u || run >= frame.runs) {
        return hidden_line();
    }
    let a = slot_point(run, s);
    let b = slot_point(run, s + 1u);
    if (!(all(a == a) && all(b == b))) {
        return hidden_line();
    }
    let selected = run == frame.run;
    let s_px = px_scale();
    let half_w = select(1.1 * s_px, 2.6 * s_px, selected);
    // Other runs in their own colours (as their ghosts in the 3D view), the followed one bright.
    let color = select(RUN_COLORS[run % 8u] * 0.55, vec3<f32>(0.25, 0.80, 1.0) * 2.4, selected);
    return make_line(a, b, half_w, vertex, color, select(0.0, 1.0, selected));
}

@fragment
fn fs_line(in: LineOut) -> @location(0) vec4<f32> {
    let cov = flat_line_coverage(in.local, in.len_halfw.x, in.len_halfw.y);
    let after = clamp(in.position.x - playhead_x_target(), 0.0, 1.0) * in.fade_after_playhead;
    return vec4<f32>(in.color * (1.0 - 0.8 * after), cov);
}

// Instances 0..=4: guide lines; 5: the playhead line.
@vertex
fn vs_guides(@builtin(vertex_index) vertex: u32, @builtin(instance_index) i: u32) -> LineOut {
    let size = panel_size(PANEL_LOSS);
    let s_px = px_scale();
    if (i < 5u) {
        let y = size.y * (1.0 - (PAD + (1.0 - 2.0 * PAD) * f32(i) / 4.0));
        return make_line(vec2<f32>(0.0, y), vec2<f32>(size.x, y), 0.6 * s_px, vertex, vec3<f32>(0.06, 0.075, 0.12), 0.0);
    }
    let x = epoch_x_px(shown_epoch());
    return make_line(vec2<f32>(x, 0.0), vec2<f32>(x, size.y), 1.0 * s_px, vertex, vec3<f32>(1.0, 0.75, 0.35) * 0.55, 0.0);
}

struct FillOut {
    @builtin(position) position: vec4<f32>,
    @location(0) depth: f32,   // 0 on the curve, 1 at the bottom
}

// Instance = segment of the selected run: a trapezoid from the curve down to the plot bottom.
@vertex
fn vs_fill(@builtin(vertex_index) vertex: u32, @builtin(instance_index) s: u32) -> FillOut {
    var out: FillOut;
    out.position = vec4<f32>(2.0, 2.0, 0.0, 1.0);
    out.depth = 0.0;
    if (frame.slots_filled < 2u) {
        return out;
    }
    let a = slot_point(frame.run, s);
    let b = slot_point(frame.run, s + 1u);
    let c = quad_corner(vertex);
    let bottom = panel_size(PANEL_LOSS).y;
    let top = select(a, b, c.x > 0.0);
    let y = select(top.y, bottom, c.y > 0.0);
    if (all(a == a) && all(b == b)) {
        out.position = panel_ndc(PANEL_LOSS, vec2<f32>(top.x, y));
    }
    out.depth = select(0.0, 1.0, c.y > 0.0);
    return out;
}

@fragment
fn fs_fill(in: FillOut) -> @location(0) vec4<f32> {
    let before = clamp(playhead_x_target() - in.position.x + 0.5, 0.0, 1.0);
    let k = (1.0 - in.depth);
    return vec4<f32>(vec3<f32>(0.25, 0.80, 1.0) * 0.10 * k * k * before, 1.0);
}

struct DotOut {
    @builtin(position) position: vec4<f32>,
    @location(0) local: vec2<f32>,
}

@vertex
fn vs_dot(@builtin(vertex_index) vertex: u32) -> DotOut {
    let c = quad_corner(vertex);
    let centre = vec2<f32>(epoch_x_px(shown_epoch()), loss_y_px(loss_now(frame.run)));
    let r = 6.0 * px_scale();
    var out: DotOut;
    out.position = select(vec4<f32>(2.0, 2.0, 0.0, 1.0), panel_ndc(PANEL_LOSS, centre + c * r * 4.0), frame.slots_filled > 0u);
    out.local = c * 4.0;
    return out;
}

@fragment
fn fs_dot(in: DotOut) -> @location(0) vec4<f32> {
    let d = length(in.local);
    let core = clamp((1.0 - d) * 3.0, 0.0, 1.0);
    let halo = exp(-d * d * 0.8);
    let edge = smoothstep(4.0, 3.0, d);
    return vec4<f32>((vec3<f32>(1.0) * core * 5.0 + vec3<f32>(0.25, 0.8, 1.0) * halo * 1.5) * edge, 1.0);
}
