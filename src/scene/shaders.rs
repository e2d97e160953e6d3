//! The scene's WGSL, embedded at compile time and composed into modules.
//!
//! How it works: WGSL has no includes, so a scene shader is the concatenation of
//! shaders/common/frame.wgsl (the `Frame` uniform and helpers), the bindings of its kind
//! (bindings_render.wgsl or bindings_compute.wgsl) and its own file under shaders/scene/.
//! Post shaders (shaders/post/) share the fullscreen vertex stage of shaders/post/fullscreen.wgsl. [`all_sources`] lists every composed module so
//! `cargo test` can parse and validate each with naga, no GPU needed.

const FRAME: &str = include_str!("../../shaders/common/frame.wgsl");
const BINDINGS_RENDER: &str = include_str!("../../shaders/common/bindings_render.wgsl");
const BINDINGS_COMPUTE: &str = include_str!("../../shaders/common/bindings_compute.wgsl");
const FULLSCREEN: &str = include_str!("../../shaders/post/fullscreen.wgsl");

/// Scene render shaders: name and source of shaders/scene/<name>.wgsl.
const RENDER: [(&str, &str); 8] = [
    (
        "backdrop",
        include_str!("../../shaders/scene/backdrop.wgsl"),
    ),
    ("grid", include_str!("../../shaders/scene/grid.wgsl")),
    ("trails", include_str!("../../shaders/scene/trails.wgsl")),
    ("points", include_str!("../../shaders/scene/points.wgsl")),
    ("network", include_str!("../../shaders/scene/network.wgsl")),
    (
        "loss_curve",
        include_str!("../../shaders/scene/loss_curve.wgsl"),
    ),
    ("bars", include_str!("../../shaders/scene/bars.wgsl")),
    ("strips", include_str!("../../shaders/scene/strips.wgsl")),
];

/// Scene compute shaders.
const COMPUTE: [(&str, &str); 3] = [
    ("pca", include_str!("../../shaders/scene/pca.wgsl")),
    ("ranges", include_str!("../../shaders/scene/ranges.wgsl")),
    ("summary", include_str!("../../shaders/scene/summary.wgsl")),
];

/// Post-processing shaders (after the fullscreen vertex stage).
const POST: [(&str, &str); 2] = [
    ("bloom", include_str!("../../shaders/post/bloom.wgsl")),
    ("tonemap", include_str!("../../shaders/post/tonemap.wgsl")),
];

/// Constants the Rust side owns, written as WGSL (prepended to every scene shader).
fn generated() -> String {
    use super::layout::network_geometry as net;
    let [a, b, c] = net::COLUMN_X;
    let runs: Vec<String> = (0..super::palette::RUN_COLORS.len())
        .map(|r| {
            let [x, y, z] = super::palette::run_linear(r);
            format!("vec3<f32>({x:?}, {y:?}, {z:?})")
        })
        .collect();
    format!(
        "// Generated from src/scene/layout.rs (network_geometry).\n\
         const NET_COLUMN_X = array<f32, 3>({a:?}, {b:?}, {c:?});\n\
         const NET_RADIUS_PER_ROW: f32 = {:?};\n\
         const NET_MIN_RADIUS_PX: f32 = {:?};\n\
         const NET_MAX_RADIUS_1080: f32 = {:?};\n\
         // Generated from src/scene/palette.rs (RUN_COLORS, linear).\n\
         const RUN_COLORS = array<vec3<f32>, {}>({});\n",
        net::RADIUS_PER_ROW,
        net::MIN_RADIUS_PX,
        net::MAX_RADIUS_1080,
        runs.len(),
        runs.join(", ")
    )
}

/// The full WGSL of the shader called `name` (a file stem under shaders/scene or shaders/post).
pub fn source(name: &str) -> Option<String> {
    if let Some((_, body)) = RENDER.iter().find(|(n, _)| *n == name) {
        return Some(format!("{}{FRAME}\n{BINDINGS_RENDER}\n{body}", generated()));
    }
    if let Some((_, body)) = COMPUTE.iter().find(|(n, _)| *n == name) {
        return Some(format!(
            "{}{FRAME}\n{BINDINGS_COMPUTE}\n{body}",
            generated()
        ));
    }
    POST.iter()
        .find(|(n, _)| *n == name)
        .map(|(_, body)| format!("{FULLSCREEN}\n{body}"))
}

/// Every composed module: (name, full WGSL). Used by the naga validation test.
pub fn all_sources() -> Vec<(&'static str, String)> {
    RENDER
        .iter()
        .chain(COMPUTE.iter())
        .chain(POST.iter())
        .map(|(name, _)| (*name, source(name).expect("listed shader")))
        .chain(std::iter::once((
            "plates",
            super::plates::SOURCE.to_owned(),
        )))
        .collect()
}

/// Compiles the shader called `name` on `device`.
pub(crate) fn module(device: &wgpu::Device, name: &str) -> wgpu::ShaderModule {
    let source = source(name).unwrap_or_else(|| panic!("no scene shader named {name}"));
    device.create_shader_module(wgpu::ShaderModuleDescriptor {
        label: Some(&format!("scene::{name}.wgsl")),
        source: wgpu::ShaderSource::Wgsl(source.into()),
    })
}
