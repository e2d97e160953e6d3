// Register-tiled versions of the three biggest products of an epoch, for the layered driver:
// each invocation computes a 4 x 4 tile, so every value it loads feeds four multiply-adds
// instead of one. Edge tiles clamp their loads and skip their stores out of range.
// Same math as phase_logits / phase_output_grads in phases.wgsl.

fn tiles_of(n: u32) -> u32 {
    return (n + 3u) / 4u;
}

// Items: tiles_of(count) * tiles_of(V). logits[jl][v] for a 4 x 4 tile of (pairs, words).
fn tile_logits(run: u32, item: u32, count: u32) {
    let base = param_base(run);
    let s = scratch_base(run);
    let j0 = (item / tiles_of(V)) * 4u;
    let v0 = (item % tiles_of(V)) * 4u;
    var acc = array<vec4<f32>, 4>();
    for (var u = 0u; u < H; u++) {
        let w = params[base + OFF_W2 + u * V + min(v0, V - 1u)];
        let wv = vec4<f32>(
            w,
            params[base + OFF_W2 + u * V + min(v0 + 1u, V - 1u)],
            params[base + OFF_W2 + u * V + min(v0 + 2u, V - 1u)],
            params[base + OFF_W2 + u * V + min(v0 + 3u, V - 1u)],
        );
        for (var r = 0u; r < 4u; r++) {
            acc[r] += scratch[s + SCR_H + min(j0 + r, count - 1u) * H + u] * wv;
        }
    }
    for (var r = 0u; r < 4u; r++) {
        for (var c = 0u; c < 4u; c++) {
            if j0 + r < count && v0 + c < V {
                scratch[s + SCR_P + (j0 + r) * V + v0 + c] = acc[r][c] + params[base + OFF_B2 + v0 + c];
            }
        }
    }
}

// Items: tiles_of(H) * tiles_of(V) + V. dw2 for a 4 x 4 tile of (units, words), added; then db2.
fn tile_w2_grads(run: u32, item: u32, count: u32) {
    let base = param_base(run);
    let s = scratch_base(run);
    let tiles = tiles_of(H) * tiles_of(V);
    if item >= tiles {
        let v = item - tiles;
        var total = 0.0;
        for (var jl = 0u; jl < count; jl++) {
            total += scratch[s + SCR_P + jl * V + v];
        }
        grads[base + OFF_B2 + v] += total;
        return;
    }
    let u0 = (item / tiles_of(V)) * 4u;
    let v0 = (item % tiles_of(V)) * 4u;
    var acc = array<vec4<f32>, 4>();
    for (var jl = 0u; jl < count; jl++) {
        let row = s + SCR_P + jl * V;
        let dl = vec4<f32>(
            scratch[row + min(v0, V - 1u)],
            scratch[row + min(v0 + 1u, V - 1u)],
            scratch[row + min(v0 + 2u, V - 1u)],
            scratch[row + min(v0 + 3u, V - 1u)],
        );
        for (var r = 0u; r < 4u; r++) {
            acc[r] += scratch[s + SCR_H + jl * H + min(u0 + r, H - 1u)] * dl;
        }
    }
    for (var r = 0u; r < 4u; r++) {
        for (var c = 0u; c < 4u; c++) {
            if u0 + r < H && v0 + c < V {
                grads[base + OFF_W2 + (u0 + r) * V + v0 + c] += acc[r][c];
            }
        }
    }
}

// Items: tiles_of(count) * tiles_of(H). dz = (dlogits . w2^T) * act'(z) for a 4 x 4 tile of
// (pairs, units).
fn tile_dz(run: u32, item: u32, count: u32) {
    let base = param_base(run);
    let s = scratch_base(run);
    let j0 = (item / tiles_of(H)) * 4u;
    let u0 = (item % tiles_of(H)) * 4u;
    var acc = array<vec4<f32>, 4>();
    for (var v = 0u; v < V; v++) {
        let w = vec4<f32>(
            params[base + OFF_W2 + min(u0, H - 1u) * V + v],
            params[base + OFF_W2 + min(u0 + 1u, H - 1u) * V + v],
            params[base + OFF_W2 + min(u0 + 2u, H - 1u) * V + v],
            params[base + OFF_W2 + min(u0 + 3u, H - 1u) * V + v],
        );
        for (var r = 0u; r < 4u; r++) {
            acc[r] += scratch[s + SCR_P + min(j0 + r, count - 1u) * V + v] * w;
        }
    }
    for (var r = 0u; r < 4u; r++) {
        for (var c = 0u; c < 4u; c++) {
            if j0 + r < count && u0 + c < H {
                let jh = (j0 + r) * H + u0 + c;
                scratch[s + SCR_DZ + jh] = acc[r][c] * activation_slope(scratch[s + SCR_Z + jh], scratch[s + SCR_H + jh]);
            }
        }
    }
}
