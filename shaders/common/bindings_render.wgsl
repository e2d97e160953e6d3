// Group 0 of every scene render pipeline: the frame uniform and the engine's history buffers,
// read-only. Keep in sync with `SceneBindings` in src/scene/bindings.rs.

@group(0) @binding(0) var<uniform> frame: Frame;
@group(0) @binding(1) var<storage, read> loss_hist: array<f32>;
@group(0) @binding(2) var<storage, read> probs_hist: array<f32>;
@group(0) @binding(3) var<storage, read> hidden_hist: array<f32>;
@group(0) @binding(4) var<storage, read> params_hist: array<f32>;  // every parameter at every slot
@group(0) @binding(5) var<storage, read> params: array<f32>;
@group(0) @binding(6) var<storage, read> words: array<WordStyle>;
@group(0) @binding(7) var<storage, read> derived: array<f32>;
