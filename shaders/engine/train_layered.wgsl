// Layered driver: every phase of shaders/engine/phases.wgsl is its own entry point (the three
// biggest products in their register-tiled form, shaders/engine/tiles.wgsl), spread over
// a whole dispatch (x/y: items, z: run), so big models use every core and every invocation
// stays far below Mesa's 65,535-loop-iteration limit. The host records, per epoch and chunk of
// pairs: hidden, logits, softmax, w2 grads, dz, input grads, embedding grads; then loss and
// update once per epoch (src/engine/layered.rs).

// keep in sync with src/engine/layered.rs (LayerUniform)
struct Layer {
    epoch: u32,
    slot: u32,
    capacity: u32,
    recorded_pairs: u32,
    first: u32,
    count: u32,
    chunk: u32,
    learning: u32,
}

@group(0) @binding(0) var<uniform> layer: Layer;

// One row of x holds 65535 workgroups of 64 invocations.
fn item_of(gid: vec3<u32>) -> u32 {
    return gid.x + gid.y * 4194240u;
}


@compute @workgroup_size(64)
fn cs_hidden(@builtin(global_invocation_id) gid: vec3<u32>) {
    let item = item_of(gid);
    if item < layer.count * H {
        phase_hidden(gid.z, item, layer.first);
    }
}

@compute @workgroup_size(64)
fn cs_logits(@builtin(global_invocation_id) gid: vec3<u32>) {
    let item = item_of(gid);
    if item < tiles_of(layer.count) * tiles_of(V) {
        tile_logits(gid.z, item, layer.count);
    }
}

@compute @workgroup_size(64)
fn cs_softmax(@builtin(global_invocation_id) gid: vec3<u32>) {
    let item = item_of(gid);
    if item < layer.count {
        phase_softmax(gid.z, item, layer.first, layer.slot, layer.capacity, layer.recorded_pairs);
    }
}

@compute @workgroup_size(64)
fn cs_w2_grads(@builtin(global_invocation_id) gid: vec3<u32>) {
    let item = item_of(gid);
    if item < tiles_of(H) * tiles_of(V) + V {
        tile_w2_grads(gid.z, item, layer.count);
    }
}

@compute @workgroup_size(64)
fn cs_dz(@builtin(global_invocation_id) gid: vec3<u32>) {
    let item = item_of(gid);
    if item < tiles_of(layer.count) * tiles_of(H) {
        tile_dz(gid.z, item, layer.count);
    }
}

@compute @workgroup_size(64)
fn cs_input_grads(@builtin(global_invocation_id) gid: vec3<u32>) {
    let item = item_of(gid);
    if item < KD * H + H + layer.count * KD {
        phase_input_grads(gid.z, item, layer.first, layer.count);
    }
}

@compute @workgroup_size(64)
fn cs_embedding_grads(@builtin(global_invocation_id) gid: vec3<u32>) {
    let item = item_of(gid);
    if item < V * D {
        phase_embedding_grads(gid.z, item, layer.first, layer.chunk);
    }
}

@compute @workgroup_size(64)
fn cs_loss(@builtin(global_invocation_id) gid: vec3<u32>) {
    let item = item_of(gid);
    if item < 1u + P {
        phase_loss(gid.z, item, layer.epoch, layer.slot, layer.capacity, layer.learning != 0u);
    }
}

@compute @workgroup_size(64)
fn cs_update(@builtin(global_invocation_id) gid: vec3<u32>) {
    let item = item_of(gid);
    if item < P {
        phase_update(gid.z, item);
    }
}
