// Card backgrounds: one rounded rectangle per card (instance = card), a faint vertical gradient,
// a thin border, and a soft radial glow behind the 3D embedding view for depth. Drawn first with
// blending off (the cleared background is mixed in by coverage here), so it costs one write per
// pixel, which matters on software GPUs. The viewport covers the whole target.

const BACKGROUND: vec3<f32> = vec3<f32>(0.0025, 0.003, 0.006);

struct VsOut {
    @builtin(position) position: vec4<f32>,
    @location(0) local: vec2<f32>,
    @location(1) half_size: vec2<f32>,
    @location(2) @interpolate(flat) card: u32,
}

@vertex
fn vs_main(@builtin(vertex_index) vertex: u32, @builtin(instance_index) card: u32) -> VsOut {
    let r = frame.cards[card];
    let half_size = r.zw * 0.5;
    let c = quad_corner(vertex);
    let local = c * (half_size + vec2<f32>(1.0));
    let px = r.xy + half_size + local;
    var out: VsOut;
    let ndc = vec2<f32>(px.x / frame.target_size.x * 2.0 - 1.0, 1.0 - px.y / frame.target_size.y * 2.0);
    // Empty cards collapse to a point (no fragments).
    out.position = select(vec4<f32>(0.0, 0.0, 0.0, 1.0), vec4<f32>(ndc, 0.0, 1.0), r.z > 0.0 && r.w > 0.0);
    out.local = local;
    out.half_size = half_size;
    out.card = card;
    return out;
}

@fragment
fn fs_main(in: VsOut) -> @location(0) vec4<f32> {
    let s = px_scale();
    let radius = 16.0 * s;
    let outer = rounded_rect_coverage(in.local, in.half_size, radius);
    let border_w = max(1.0, 1.5 * s);
    let inner = rounded_rect_coverage(in.local, in.half_size - vec2<f32>(border_w), radius - border_w);
    let t = in.local.y / max(in.half_size.y, 1.0) * 0.5 + 0.5;
    var fill = mix(vec3<f32>(0.016, 0.020, 0.036), vec3<f32>(0.008, 0.010, 0.020), t);
    if (in.card == PANEL_EMBEDDING) {
        let uv = in.local / max(in.half_size.y, 1.0);
        fill = vec3<f32>(0.006, 0.007, 0.014) + vec3<f32>(0.020, 0.016, 0.045) * exp(-dot(uv, uv) * 1.4);
    }
    let border = vec3<f32>(0.07, 0.09, 0.16);
    let color = BACKGROUND * (1.0 - outer) + fill * inner + border * max(outer - inner, 0.0);
    return vec4<f32>(color, 1.0);
}
