// Bloom (after bevy's): a chain of Rgba16Float levels, each half the size of the previous. The
// first level is a quarter of the frame: the prefilter averages each 4x4 block with 4 bilinear
// taps and applies a soft threshold (a quadratic knee, so glow fades in instead of switching on);
// it is cheap, which matters on software GPUs, and glow is smooth anyway. Every further
// downsample is the 13-tap filter of "Next Generation Post Processing in Call of Duty".
// Upsampling walks back up the chain with a 3x3 tent filter (four bilinear taps), blended
// additively into the next larger level, so level 0 ends up holding the glow of every scale.
// Keep `BloomParams` in sync with src/scene/bloom.rs.

struct BloomParams {
    texel: vec2<f32>,      // 1 / size of the source texture
    threshold: f32,
    knee: f32,
    intensity: f32,        // upsample: weight of the blended-in mip
    first: u32,            // unused (kept for layout)
    pad0: u32,
    pad1: u32,
}

@group(0) @binding(0) var src: texture_2d<f32>;
@group(0) @binding(1) var src_sampler: sampler;
@group(0) @binding(2) var<uniform> bp: BloomParams;

fn tap(uv: vec2<f32>, dx: f32, dy: f32) -> vec3<f32> {
    return textureSampleLevel(src, src_sampler, uv + vec2<f32>(dx, dy) * bp.texel, 0.0).rgb;
}

fn soft_threshold(c: vec3<f32>) -> vec3<f32> {
    let brightness = max(c.r, max(c.g, c.b));
    var soft = clamp(brightness - bp.threshold + bp.knee, 0.0, 2.0 * bp.knee);
    soft = soft * soft / (4.0 * bp.knee + 1e-5);
    let contribution = max(soft, brightness - bp.threshold) / max(brightness, 1e-5);
    return c * contribution;
}

@fragment
fn fs_prefilter(in: VsOut) -> @location(0) vec4<f32> {
    let uv = in.uv;
    let c = (tap(uv, -1.0, -1.0) + tap(uv, 1.0, -1.0) + tap(uv, -1.0, 1.0) + tap(uv, 1.0, 1.0)) * 0.25;
    var color = soft_threshold(c);
    // Guard against NaN/inf from a diverged run spreading over the whole frame.
    color = select(vec3<f32>(0.0), min(color, vec3<f32>(1e4)), color == color);
    return vec4<f32>(color, 1.0);
}

@fragment
fn fs_downsample(in: VsOut) -> @location(0) vec4<f32> {
    let uv = in.uv;
    let a = tap(uv, -2.0, 2.0);
    let b = tap(uv, 0.0, 2.0);
    let c = tap(uv, 2.0, 2.0);
    let d = tap(uv, -2.0, 0.0);
    let e = tap(uv, 0.0, 0.0);
    let f = tap(uv, 2.0, 0.0);
    let g = tap(uv, -2.0, -2.0);
    let h = tap(uv, 0.0, -2.0);
    let i = tap(uv, 2.0, -2.0);
    let j = tap(uv, -1.0, 1.0);
    let k = tap(uv, 1.0, 1.0);
    let l = tap(uv, -1.0, -1.0);
    let m = tap(uv, 1.0, -1.0);
    let color = e * 0.125 + (a + c + g + i) * 0.03125 + (b + d + f + h) * 0.0625 + (j + k + l + m) * 0.125;
    return vec4<f32>(color, 1.0);
}

@fragment
fn fs_upsample(in: VsOut) -> @location(0) vec4<f32> {
    // The 3x3 tent [1 2 1] x [1 2 1] / 16 as four bilinear taps at half-texel offsets (each
    // averages a 2x2 block; the four blocks overlap into the tent): 4 samples instead of 9.
    let uv = in.uv;
    let color = (tap(uv, -0.5, -0.5) + tap(uv, 0.5, -0.5) + tap(uv, -0.5, 0.5) + tap(uv, 0.5, 0.5)) * 0.25;
    return vec4<f32>(color * bp.intensity, 1.0);
}
