// Plates: the overlay's large card backgrounds (the lesson column, the control bar), one rounded
// rectangle with a border per instance, alpha-blended over the tonemapped frame just before
// egui's meshes. Colours arrive premultiplied in the output's encoding (src/scene/plates.rs), so
// a plate looks exactly like egui's own fill, at a fraction of its cost on a software GPU (no
// texture sample per pixel). Keep `Plate` in sync with src/scene/plates.rs.

// One instance (a vertex buffer stepped per instance, so GL without vertex storage works too).
struct Plate {
    // x, y, w, h in pixels (origin top left).
    @location(0) rect: vec4<f32>,
    @location(1) fill: vec4<f32>,
    @location(2) stroke: vec4<f32>,
    // x: corner radius, y: border width (pixels); z, w: the target's size.
    @location(3) shape: vec4<f32>,
}

struct VsOut {
    @builtin(position) position: vec4<f32>,
    @location(0) local: vec2<f32>,
    @location(1) @interpolate(flat) fill: vec4<f32>,
    @location(2) @interpolate(flat) stroke: vec4<f32>,
    @location(3) @interpolate(flat) half_size: vec2<f32>,
    @location(4) @interpolate(flat) shape: vec2<f32>,
}

@vertex
fn vs_main(@builtin(vertex_index) vertex: u32, p: Plate) -> VsOut {
    let corners = array<vec2<f32>, 6>(
        vec2<f32>(-1.0, -1.0), vec2<f32>(1.0, -1.0), vec2<f32>(1.0, 1.0),
        vec2<f32>(-1.0, -1.0), vec2<f32>(1.0, 1.0), vec2<f32>(-1.0, 1.0),
    );
    let half_size = p.rect.zw * 0.5;
    let local = corners[vertex] * (half_size + vec2<f32>(1.0));
    let px = p.rect.xy + half_size + local;
    let size = p.shape.zw;
    var out: VsOut;
    out.position = vec4<f32>(px.x / size.x * 2.0 - 1.0, 1.0 - px.y / size.y * 2.0, 0.0, 1.0);
    out.local = local;
    out.fill = p.fill;
    out.stroke = p.stroke;
    out.half_size = half_size;
    out.shape = p.shape.xy;
    return out;
}

fn coverage(p: vec2<f32>, half: vec2<f32>, r: f32) -> f32 {
    let q = abs(p) - half + vec2<f32>(r);
    let dist = length(max(q, vec2<f32>(0.0))) + min(max(q.x, q.y), 0.0) - r;
    return clamp(0.5 - dist, 0.0, 1.0);
}

@fragment
fn fs_main(in: VsOut) -> @location(0) vec4<f32> {
    let radius = in.shape.x;
    let border = in.shape.y;
    let outer = coverage(in.local, in.half_size, radius);
    let inner = coverage(in.local, in.half_size - vec2<f32>(border), max(radius - border, 0.0));
    // Premultiplied: the fill inside, the border between, nothing outside.
    return in.fill * inner + in.stroke * max(outer - inner, 0.0);
}
