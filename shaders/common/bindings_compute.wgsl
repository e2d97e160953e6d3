// Group 0 of the scene's compute pipelines (PCA, ranges, summary): the same buffers as
// bindings_render.wgsl, with the scene's own derived, scratch and summary buffers writable.
// Keep in sync with `SceneBindings` in src/scene/bindings.rs.

@group(0) @binding(0) var<uniform> frame: Frame;
@group(0) @binding(1) var<storage, read> loss_hist: array<f32>;
@group(0) @binding(2) var<storage, read> probs_hist: array<f32>;
@group(0) @binding(3) var<storage, read> hidden_hist: array<f32>;
@group(0) @binding(4) var<storage, read> params_hist: array<f32>;  // every parameter at every slot
@group(0) @binding(5) var<storage, read> params: array<f32>;
@group(0) @binding(6) var<storage, read> words: array<WordStyle>;
@group(0) @binding(7) var<storage, read_write> derived: array<f32>;
@group(0) @binding(8) var<storage, read_write> scratch: array<f32>;
@group(0) @binding(9) var<storage, read_write> summary: array<f32>;
