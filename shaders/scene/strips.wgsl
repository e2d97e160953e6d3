// The focus word's embedding vector as a strip of D coloured cells (instance = dim) and the
// hidden-activation heatmap, recorded pairs x hidden units (instance = pair * H + unit), both at
// the playhead, on the blue/amber diverging scale normalised by the history's max |value|
// (ranges.wgsl). The selected pair's row of the heatmap is outlined.

struct CellOut {
    @builtin(position) position: vec4<f32>,
    @location(0) local: vec2<f32>,
    @location(1) half_size: vec2<f32>,
    @location(2) color: vec3<f32>,
    @location(3) @interpolate(flat) outline: f32,
}

fn cell(panel: u32, col: u32, row: u32, cols: u32, rows: u32, vertex: u32) -> CellOut {
    let size = panel_size(panel);
    let cell_size = size / vec2<f32>(f32(max(cols, 1u)), f32(max(rows, 1u)));
    let gap = min(2.0 * px_scale(), cell_size.x * 0.2);
    let half_size = max(cell_size * 0.5 - vec2<f32>(gap * 0.5), vec2<f32>(0.25));
    let c = quad_corner(vertex);
    let centre = (vec2<f32>(f32(col), f32(row)) + vec2<f32>(0.5)) * cell_size;
    var out: CellOut;
    out.local = c * (half_size + vec2<f32>(1.0));
    out.position = panel_ndc(panel, centre + out.local);
    out.half_size = half_size;
    out.color = vec3<f32>(0.0);
    out.outline = 0.0;
    return out;
}

@vertex
fn vs_strip(@builtin(vertex_index) vertex: u32, @builtin(instance_index) d: u32) -> CellOut {
    var out = cell(PANEL_STRIP, d, 0u, frame.embed_dim, 1u, vertex);
    if (frame.slots_filled > 0u) {
        out.color = diverging(emb_now(frame.word, d) / derived[D_EMB_MAX]) * 1.15;
    }
    return out;
}

@vertex
fn vs_heat(@builtin(vertex_index) vertex: u32, @builtin(instance_index) n: u32) -> CellOut {
    let pair = n / max(frame.hidden, 1u);
    let unit = n % max(frame.hidden, 1u);
    var out = cell(PANEL_HEATMAP, unit, pair, frame.hidden, frame.recorded_pairs, vertex);
    if (frame.slots_filled > 0u) {
        out.color = diverging(hidden_now(pair, unit) / derived[D_HIDDEN_MAX]) * 1.15;
    }
    out.outline = select(0.0, 1.0, pair == frame.pair);
    return out;
}

@fragment
fn fs_cell(in: CellOut) -> @location(0) vec4<f32> {
    let r = min(4.0 * px_scale(), min(in.half_size.x, in.half_size.y) * 0.5);
    let cov = rounded_rect_coverage(in.local, in.half_size, r);
    let bw = max(1.0, 1.5 * px_scale());
    let inner = rounded_rect_coverage(in.local, in.half_size - vec2<f32>(bw), max(r - bw, 0.0));
    var c = (in.color + vec3<f32>(0.02, 0.024, 0.04)) * cov;
    c += vec3<f32>(1.0, 0.92, 0.7) * max(cov - inner, 0.0) * in.outline * 1.2;
    return vec4<f32>(c, 1.0);
}
