// Depth cues for the embedding view: a floor grid below the unit sphere the points live in and
// three faint axes through the origin (PCA axis 1, 2, 3 = x, y, z). Instance = line; each line is
// a thick anti-aliased segment projected with the orbit camera, fading toward its ends.

const GRID_LINES: u32 = 11u;     // per direction
const GRID_HALF: f32 = 1.25;
const FLOOR_Y: f32 = -1.15;

struct VsOut {
    @builtin(position) position: vec4<f32>,
    @location(0) local: vec2<f32>,
    @location(1) color: vec3<f32>,
    @location(2) len_halfw: vec2<f32>,
}

fn grid_line(i: u32) -> array<vec3<f32>, 2> {
    if (i < 2u * GRID_LINES) {
        let k = i % GRID_LINES;
        let c = -GRID_HALF + 2.0 * GRID_HALF * f32(k) / f32(GRID_LINES - 1u);
        if (i < GRID_LINES) {
            return array<vec3<f32>, 2>(vec3<f32>(c, FLOOR_Y, -GRID_HALF), vec3<f32>(c, FLOOR_Y, GRID_HALF));
        }
        return array<vec3<f32>, 2>(vec3<f32>(-GRID_HALF, FLOOR_Y, c), vec3<f32>(GRID_HALF, FLOOR_Y, c));
    }
    let axis = i - 2u * GRID_LINES;
    var dir = vec3<f32>(0.0);
    dir[axis] = 1.1;
    return array<vec3<f32>, 2>(-dir, dir);
}

@vertex
fn vs_main(@builtin(vertex_index) vertex: u32, @builtin(instance_index) line: u32) -> VsOut {
    let ends = grid_line(line);
    let ca = frame.clip_from_world * vec4<f32>(ends[0], 1.0);
    let cb = frame.clip_from_world * vec4<f32>(ends[1], 1.0);
    var out: VsOut;
    let half_w = 0.9 * px_scale();
    let lc = line_corner(clip_to_panel_px(PANEL_EMBEDDING, ca), clip_to_panel_px(PANEL_EMBEDDING, cb), half_w, vertex);
    let visible = ca.w > 0.05 && cb.w > 0.05;
    out.position = select(vec4<f32>(2.0, 2.0, 0.0, 1.0), panel_ndc(PANEL_EMBEDDING, lc.px), visible);
    out.local = lc.local;
    out.len_halfw = vec2<f32>(lc.len, half_w);
    if (line < 2u * GRID_LINES) {
        out.color = vec3<f32>(0.032, 0.045, 0.085);
    } else {
        let axis = line - 2u * GRID_LINES;
        var c = vec3<f32>(0.05);
        c[axis] = 0.22;
        out.color = c;
    }
    return out;
}

@fragment
fn fs_main(in: VsOut) -> @location(0) vec4<f32> {
    let cov = line_coverage(in.local, in.len_halfw.x, in.len_halfw.y);
    let t = clamp(in.local.x / max(in.len_halfw.x, 1.0), 0.0, 1.0);
    let fade = sqrt(sin(PI * t));
    return vec4<f32>(in.color * fade, cov);
}
