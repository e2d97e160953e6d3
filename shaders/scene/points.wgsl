// The words of the embedding view: each word a glowing point at its PCA position at the playhead
// (interpolated between the two bracketing history slots), with a faint stem down to the floor
// grid for depth. Points are camera-facing sprites: a hot core (HDR values well above 1, so bloom
// picks them up), a coloured halo, and a ring on the focus/hovered word. Instance = run * vocab
// + word: the followed run in its words' colours, every other run (several runs: the learning-
// rate lesson) a small ghost in the run's colour (RUN_COLORS), through the same PCA basis.

const FLOOR_Y: f32 = -1.15;

struct PointOut {
    @builtin(position) position: vec4<f32>,
    @location(0) local: vec2<f32>,          // sprite coordinates in units of the core radius
    @location(1) color: vec3<f32>,
    @location(2) @interpolate(flat) ring: f32,
    @location(3) @interpolate(flat) extent: f32,
}

fn point_radius_px(view_depth: f32) -> f32 {
    return 9.0 * px_scale() * clamp(sqrt(3.6 / max(view_depth, 0.1)), 0.6, 1.8);
}

@vertex
fn vs_point(@builtin(vertex_index) vertex: u32, @builtin(instance_index) instance: u32) -> PointOut {
    let run = instance / frame.vocab;
    let word = instance % frame.vocab;
    let ghost = run != frame.run;
    let p = project_run_now(run, word);
    let clip = frame.clip_from_world * vec4<f32>(p, 1.0);
    let radius = point_radius_px(clip.w) * select(1.0, 0.55, ghost);
    let extent = select(5.0, 3.0, ghost);
    let c = quad_corner(vertex);
    let centre = clip_to_panel_px(PANEL_EMBEDDING, clip);
    var out: PointOut;
    out.position = select(vec4<f32>(2.0, 2.0, 0.0, 1.0), panel_ndc(PANEL_EMBEDDING, centre + c * radius * extent), clip.w > 0.05 && run < frame.runs);
    out.local = c * extent;
    out.color = select(words[word].color.rgb, RUN_COLORS[run % 8u] * 0.45, ghost);
    let hovered = has_flag(FLAG_HOVER) && frame.hover_word == word;
    out.ring = select(0.0, 1.0, !ghost && (words[word].flags.z > 0.0 || hovered));
    out.extent = extent;
    return out;
}

@fragment
fn fs_point(in: PointOut) -> @location(0) vec4<f32> {
    let d = length(in.local);
    let core = clamp((1.0 - d) * 4.0, 0.0, 1.0);
    let halo = exp(-d * d * 0.55) * 0.9 + exp(-d * 1.1) * 0.25;
    let edge = smoothstep(in.extent, in.extent * 0.7, d);
    var c = in.color * halo * 1.6 + mix(in.color, vec3<f32>(1.0), 0.55) * core * 4.0;
    let ring = exp(-pow((d - 2.1) * 5.0, 2.0)) * in.ring;
    c += mix(in.color, vec3<f32>(1.0), 0.5) * ring * 2.5;
    return vec4<f32>(c * edge, 1.0);
}

struct StemOut {
    @builtin(position) position: vec4<f32>,
    @location(0) local: vec2<f32>,
    @location(1) color: vec3<f32>,
    @location(2) len_halfw: vec2<f32>,
}

@vertex
fn vs_stem(@builtin(vertex_index) vertex: u32, @builtin(instance_index) word: u32) -> StemOut {
    let p = project_now(word);
    let ca = frame.clip_from_world * vec4<f32>(p, 1.0);
    let cb = frame.clip_from_world * vec4<f32>(p.x, FLOOR_Y, p.z, 1.0);
    let half_w = 0.8 * px_scale();
    let lc = line_corner(clip_to_panel_px(PANEL_EMBEDDING, ca), clip_to_panel_px(PANEL_EMBEDDING, cb), half_w, vertex);
    var out: StemOut;
    out.position = select(vec4<f32>(2.0, 2.0, 0.0, 1.0), panel_ndc(PANEL_EMBEDDING, lc.px), ca.w > 0.05 && cb.w > 0.05);
    out.local = lc.local;
    out.color = words[word].color.rgb * 0.18;
    out.len_halfw = vec2<f32>(lc.len, half_w);
    return out;
}

@fragment
fn fs_stem(in: StemOut) -> @location(0) vec4<f32> {
    let cov = line_coverage(in.local, in.len_halfw.x, in.len_halfw.y);
    // Dashed, brighter near the point, plus a small dot where it meets the floor.
    let dash = step(0.45, fract(in.local.x / (7.0 * px_scale())));
    let t = clamp(in.local.x / max(in.len_halfw.x, 1.0), 0.0, 1.0);
    let foot = exp(-pow((in.local.x - in.len_halfw.x) / (3.0 * px_scale()), 2.0)) * 3.0;
    return vec4<f32>(in.color * ((1.0 - 0.6 * t) * dash + foot), cov);
}
