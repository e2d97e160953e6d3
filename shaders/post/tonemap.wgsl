// Final composite: HDR scene + bloom (mip 0 of the bloom chain, bilinear) * strength, exposure,
// ACES filmic tonemap (Narkowicz's fit: bright cores roll off to white, hues stay saturated),
// a tiny dither against banding in the dark gradients, and an sRGB encode when the
// output format is not an *Srgb one. Keep `TonemapParams` in sync with src/scene/bloom.rs.

struct TonemapParams {
    bloom_strength: f32,
    exposure: f32,
    encode_srgb: u32,
    dither: u32,
}

@group(0) @binding(0) var hdr: texture_2d<f32>;
@group(0) @binding(1) var bloom: texture_2d<f32>;
@group(0) @binding(2) var bloom_sampler: sampler;
@group(0) @binding(3) var<uniform> tp: TonemapParams;

fn aces(x: vec3<f32>) -> vec3<f32> {
    return clamp((x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14), vec3<f32>(0.0), vec3<f32>(1.0));
}

// sRGB encode of c in 0..1 without pow (Ian Taylor's fit; off by well under one 8-bit step):
// pow costs a software GPU about as much as the rest of this pass together.
fn srgb_encode(c: vec3<f32>) -> vec3<f32> {
    let s1 = sqrt(c);
    let s2 = sqrt(s1);
    let s3 = sqrt(s2);
    let curve = clamp(0.585122381 * s1 + 0.783140355 * s2 - 0.368262736 * s3, vec3<f32>(0.0), vec3<f32>(1.0));
    // The exact linear toe near black (the fit is too steep there).
    return select(curve, c * 12.92, c <= vec3<f32>(0.0031308));
}

@fragment
fn fs_main(in: VsOut) -> @location(0) vec4<f32> {
    let pixel = vec2<i32>(in.position.xy);
    var c = textureLoad(hdr, pixel, 0).rgb;
    c += textureSampleLevel(bloom, bloom_sampler, in.uv, 0.0).rgb * tp.bloom_strength;
    c = select(vec3<f32>(0.0), c, c == c);
    var mapped = aces(max(c, vec3<f32>(0.0)) * tp.exposure);
    if (tp.encode_srgb == 1u) {
        mapped = srgb_encode(mapped);
    }
    if (tp.dither == 1u) {
        // Interleaved gradient noise (Jimenez), +-0.5/255 in the output encoding (applied before
        // an sRGB store it is scaled by the curve's slope; small either way).
        let p = in.position.xy;
        let t = fract(52.9829189 * fract(dot(p, vec2<f32>(0.06711056, 0.00583715)))) - 0.5;
        mapped += vec3<f32>(t / 255.0) * select(mapped * 2.0 + vec3<f32>(0.02), vec3<f32>(1.0), tp.encode_srgb == 1u);
    }
    return vec4<f32>(mapped, 1.0);
}
