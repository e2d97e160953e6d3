// Shared by every scene and post shader: the per-frame uniform, the history index helpers, the
// PCA projection, colour maps and the thick-line / sprite helpers.
//
// This file declares no bindings: `bindings_render.wgsl` (read-only, for render pipelines) or
// `bindings_compute.wgsl` (derived buffers writable, for compute pipelines) is concatenated after
// it by `src/scene/shaders.rs`. Keep `Frame` in sync with `FrameUniforms` in src/scene/uniforms.rs.

// Panel slots of `Frame.panels` (plot areas) and `Frame.cards` (framed card areas).
const PANEL_EMBEDDING: u32 = 0u;
const PANEL_NETWORK: u32 = 1u;
const PANEL_BARS: u32 = 2u;
const PANEL_LOSS: u32 = 3u;
const PANEL_STRIP: u32 = 4u;
const PANEL_HEATMAP: u32 = 5u;
const PANEL_COUNT: u32 = 6u;

// Bits of `Frame.flags`.
const FLAG_LOSS_LOG: u32 = 1u;
const FLAG_RAW_DIMS: u32 = 2u;
const FLAG_HAS_BASIS: u32 = 4u;
const FLAG_HOVER: u32 = 8u;

// Layout of the `derived` buffer (f32 indices), written by pca.wgsl / ranges.wgsl.
const D_SCALE: u32 = 0u;      // world units per PCA unit
const D_EIGEN: u32 = 1u;      // 3 eigenvalues
const D_LOSS_MIN: u32 = 4u;
const D_LOSS_MAX: u32 = 5u;
const D_W1_MAX: u32 = 6u;     // max |w1| of the selected run
const D_W2_MAX: u32 = 7u;     // max |w2|
const D_EMB_MAX: u32 = 8u;    // max |embedding| over the history of the selected run
const D_HIDDEN_MAX: u32 = 9u; // max |hidden activation|
const D_TRACE: u32 = 10u;     // total variance (trace of the covariance)
const D_HEADER: u32 = 16u;    // then 3 axes of embed_dim floats, then the mean (embed_dim floats)

struct Frame {
    clip_from_world: mat4x4<f32>,
    panels: array<vec4<f32>, 8>,     // plot areas: x, y, w, h in target pixels
    cards: array<vec4<f32>, 8>,      // card frames: x, y, w, h in target pixels (w = 0: none)
    eye: vec4<f32>,                  // camera eye in world space; w: pixel scale (target height / 1080)
    runs: u32,
    capacity: u32,
    vocab: u32,
    embed_dim: u32,
    hidden: u32,
    recorded_pairs: u32,
    stride: u32,
    slots_filled: u32,
    first_epoch: u32,
    run: u32,
    slot_a: u32,
    slot_b: u32,
    slot_t: f32,                     // mix factor between slot_a and slot_b
    slot_pos: f32,                   // fractional slot of the playhead
    playhead: f32,                   // fractional epoch
    last_epoch: f32,                 // x extent of the loss plot (epochs)
    pair: u32,                       // selected recorded pair
    word: u32,                       // focus word (strip)
    hover_word: u32,                 // valid when FLAG_HOVER
    context: u32,                    // k
    off_w1: u32,
    off_b1: u32,
    off_w2: u32,
    off_b2: u32,
    param_count: u32,
    flags: u32,
    pulse_phase: f32,                // 0..1, forward pulse in the first half, gradient pulse in the second
    time_secs: f32,                  // 0 in deterministic mode
    target_size: vec2<f32>,
    pca_slots: u32,                  // slots sampled for the PCA / ranges
    pca_iterations: u32,
    ctx_words: vec4<u32>,            // word ids of the selected pair's context (first 4)
    bar_rows: u32,                   // rows of the prediction bars; a word's row is words[w].flags.w
    number_slot: u32,                // the slot whose numbers the frame shows (see *_now below)
    pad1: u32,
    pad2: u32,
}

struct WordStyle {
    color: vec4<f32>,                // linear RGB, a = 1
    flags: vec4<f32>,                // x: a true next word of the selected context (its best possible
                                     // probability), y: in the context, z: focus, w: bar row (-1: hidden)
}

const PI: f32 = 3.14159265;

fn px_scale() -> f32 {
    return frame.eye.w;
}

fn has_flag(bit: u32) -> bool {
    return (frame.flags & bit) != 0u;
}

// ---- history (flat indices as src/engine/history.rs documents) ----

fn run_slot(run: u32, slot: u32) -> u32 {
    return run * frame.capacity + slot;
}

fn loss_at(run: u32, slot: u32) -> f32 {
    return loss_hist[run_slot(run, slot)];
}

fn prob_at(run: u32, slot: u32, pair: u32, word: u32) -> f32 {
    return probs_hist[(run_slot(run, slot) * frame.recorded_pairs + pair) * frame.vocab + word];
}

fn hidden_at(run: u32, slot: u32, pair: u32, unit: u32) -> f32 {
    return hidden_hist[(run_slot(run, slot) * frame.recorded_pairs + pair) * frame.hidden + unit];
}

fn emb_at(run: u32, slot: u32, word: u32, dim: u32) -> f32 {
    return params_hist[run_slot(run, slot) * frame.param_count + word * frame.embed_dim + dim];
}

// Parameter `i` (MODEL.md's order) of `run` at `slot`.
fn param_at(run: u32, slot: u32, i: u32) -> f32 {
    return params_hist[run_slot(run, slot) * frame.param_count + i];
}

// The numbers a frame shows all come from one slot, `frame.number_slot` (the epoch the header,
// the narration and every label name), so a bar never disagrees with its percentage. Only the
// motion of the 3D view mixes the two slots around the playhead (`project_now`).
fn loss_now(run: u32) -> f32 {
    return loss_at(run, frame.number_slot);
}

fn prob_now(pair: u32, word: u32) -> f32 {
    return prob_at(frame.run, frame.number_slot, pair, word);
}

fn hidden_now(pair: u32, unit: u32) -> f32 {
    return hidden_at(frame.run, frame.number_slot, pair, unit);
}

fn emb_now(word: u32, dim: u32) -> f32 {
    return emb_at(frame.run, frame.number_slot, word, dim);
}

// The epoch whose numbers the frame shows.
fn shown_epoch() -> f32 {
    return f32(frame.first_epoch + frame.number_slot * frame.stride);
}

// The epoch held by a slot.
fn slot_epoch(slot: u32) -> f32 {
    return f32(frame.first_epoch + slot * frame.stride);
}

// The i-th of `count` slots spread evenly over the filled ones (always includes the first and last).
fn sampled_slot(i: u32, count: u32) -> u32 {
    if (count <= 1u) {
        return 0u;
    }
    let last = frame.slots_filled - 1u;
    return (i * last + (count - 1u) / 2u) / (count - 1u);
}

// ---- PCA projection (derived buffer) ----

fn axis_at(axis: u32, dim: u32) -> f32 {
    return derived[D_HEADER + axis * frame.embed_dim + dim];
}

fn mean_at(dim: u32) -> f32 {
    return derived[D_HEADER + 3u * frame.embed_dim + dim];
}

// World position of `word` at `slot`.
fn project_slot(run: u32, slot: u32, word: u32) -> vec3<f32> {
    var p = vec3<f32>(0.0);
    for (var d = 0u; d < frame.embed_dim; d++) {
        let x = emb_at(run, slot, word, d) - mean_at(d);
        p += x * vec3<f32>(axis_at(0u, d), axis_at(1u, d), axis_at(2u, d));
    }
    return p * derived[D_SCALE];
}

// World position of `word` at the playhead.
fn project_now(word: u32) -> vec3<f32> {
    return project_run_now(frame.run, word);
}

// World position of `word` in run `run` at the playhead (other runs: through the followed run's
// PCA basis, so every run shares one space).
fn project_run_now(run: u32, word: u32) -> vec3<f32> {
    return mix(project_slot(run, frame.slot_a, word), project_slot(run, frame.slot_b, word), frame.slot_t);
}

// ---- panels: the viewport is set to the panel's plot area, so local pixels map to NDC ----

fn panel_size(panel: u32) -> vec2<f32> {
    return frame.panels[panel].zw;
}

fn panel_ndc(panel: u32, px: vec2<f32>) -> vec4<f32> {
    let size = max(frame.panels[panel].zw, vec2<f32>(1.0));
    return vec4<f32>(px.x / size.x * 2.0 - 1.0, 1.0 - px.y / size.y * 2.0, 0.0, 1.0);
}

// Clip space -> local pixels of a panel.
fn clip_to_panel_px(panel: u32, clip: vec4<f32>) -> vec2<f32> {
    let ndc = clip.xy / clip.w;
    let size = frame.panels[panel].zw;
    return vec2<f32>((ndc.x * 0.5 + 0.5) * size.x, (0.5 - ndc.y * 0.5) * size.y);
}

// ---- quads from the vertex index ----

// Corner of a two-triangle quad in [-1, 1]^2 for vertex 0..5.
fn quad_corner(vertex: u32) -> vec2<f32> {
    let idx = (0x312210u >> (vertex * 4u)) & 0xfu;
    return vec2<f32>(select(-1.0, 1.0, (idx & 1u) == 1u), select(-1.0, 1.0, idx >= 2u));
}

// A thick segment a -> b (pixels) expanded to a quad; `local` is (along, across) in pixels from a.
struct LineCorner {
    px: vec2<f32>,
    local: vec2<f32>,
    len: f32,
}

fn line_corner(a: vec2<f32>, b: vec2<f32>, half_width: f32, vertex: u32) -> LineCorner {
    let d = b - a;
    let len = length(d);
    let dir = select(vec2<f32>(1.0, 0.0), d / max(len, 1e-6), len > 1e-6);
    let normal = vec2<f32>(-dir.y, dir.x);
    let ext = half_width + 1.5;
    let c = quad_corner(vertex);
    let along = select(-ext, len + ext, c.x > 0.0);
    let across = c.y * ext;
    var out: LineCorner;
    out.px = a + dir * along + normal * across;
    out.local = vec2<f32>(along, across);
    out.len = len;
    return out;
}

// Anti-aliased coverage of a segment with flat ends at `local` (see line_corner): consecutive
// segments of a polyline meet edge to edge, so joints do not double up under additive blending.
fn flat_line_coverage(local: vec2<f32>, len: f32, half_width: f32) -> f32 {
    let along = clamp(local.x + 0.5, 0.0, 1.0) * clamp(len - local.x + 0.5, 0.0, 1.0);
    return along * clamp(half_width + 0.5 - abs(local.y), 0.0, 1.0);
}

// Anti-aliased coverage of a round-capped segment at `local` (see line_corner).
fn line_coverage(local: vec2<f32>, len: f32, half_width: f32) -> f32 {
    let dx = max(0.0, max(-local.x, local.x - len));
    let dist = length(vec2<f32>(dx, local.y));
    return clamp(half_width + 0.5 - dist, 0.0, 1.0);
}

// Coverage of a rounded rectangle of half size `half` and corner radius `r`, at `p` from its centre.
fn rounded_rect_coverage(p: vec2<f32>, half: vec2<f32>, r: f32) -> f32 {
    let q = abs(p) - half + vec2<f32>(r);
    let dist = length(max(q, vec2<f32>(0.0))) + min(max(q.x, q.y), 0.0) - r;
    return clamp(0.5 - dist, 0.0, 1.0);
}

// ---- colour ----

// Diverging map for signed values in [-1, 1]: cool blue (negative), dark (0), warm amber (positive).
fn diverging(v: f32) -> vec3<f32> {
    let m = clamp(abs(v), 0.0, 1.0);
    // sRGB (255, 120, 30) and (40, 130, 255), in linear RGB.
    let warm = vec3<f32>(1.0, 0.19, 0.013);
    let cool = vec3<f32>(0.021, 0.223, 1.0);
    let base = vec3<f32>(0.012, 0.014, 0.022);
    return mix(base, select(cool, warm, v >= 0.0), pow(m, 0.8));
}

fn luminance(c: vec3<f32>) -> f32 {
    return dot(c, vec3<f32>(0.2126, 0.7152, 0.0722));
}
