// The attention epoch with one workgroup per run (few runs): the 64 threads of a workgroup share
// each pair's work, element by element, with barriers between the steps of ATTENTION.md. Same
// bindings, scratch layout and results as attention.wgsl's `epoch` (appended after it).

const T: u32 = 64u;

// The pair's length, read once by the workgroup (barriers need it uniform).
var<workgroup> pair_len: u32;

@compute @workgroup_size(64)
fn epoch_wide(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
    let r = wid.x + wid.y * 65535u;
    if r >= R {
        return;
    }
    let pb = r * P;
    let sb = r * S;
    let learning = step.update == 1u;
    if learning && first_chunk() {
        for (var i = lid; i < P; i += T) {
            grads[pb + i] = 0.0;
        }
    }
    storageBarrier();
    let scale = sqrt(f32(A));
    let inv_n = 1.0 / f32(N);
    var loss = 0.0;
    for (var j = step.first_pair; j < step.pair_end; j++) {
        let base = j * (W + 2u);
        if lid == 0u {
            pair_len = pairs[base];
        }
        let l = workgroupUniformLoad(&pair_len);
        let want = pairs[base + 1u + W];
        let last = sb + SX + (l - 1u) * D;
        // x_s.
        for (var i = lid; i < l * D; i += T) {
            let s = i / D;
            let d = i % D;
            let c = pairs[base + 1u + s];
            scratch[sb + SX + i] =
                params[pb + c * D + d] + params[pb + OFF_POS + (l - 1u - s) * D + d];
        }
        storageBarrier();
        // k_s (l x A), v_s (l x D), q (A).
        for (var i = lid; i < l * A + l * D + A; i += T) {
            if i < l * A {
                scratch[sb + SK + i] = times_column(sb + SX + (i / A) * D, pb + OFF_WK, A, i % A);
            } else if i < l * A + l * D {
                let k = i - l * A;
                scratch[sb + SV + k] = times_column(sb + SX + (k / D) * D, pb + OFF_WV, D, k % D);
            } else {
                let a = i - l * A - l * D;
                scratch[sb + SQ + a] = times_column(last, pb + OFF_WQ, A, a);
            }
        }
        storageBarrier();
        // Scores, then the softmax (one thread: at most W values).
        for (var s = lid; s < l; s += T) {
            var acc = 0.0;
            for (var a = 0u; a < A; a++) {
                acc += scratch[sb + SQ + a] * scratch[sb + SK + s * A + a];
            }
            scratch[sb + SATT + s] = acc / scale;
        }
        storageBarrier();
        if lid == 0u {
            softmax_scratch(sb + SATT, l);
        }
        storageBarrier();
        // y.
        for (var d = lid; d < D; d += T) {
            var acc = scratch[last + d];
            for (var s = 0u; s < l; s++) {
                acc += scratch[sb + SATT + s] * scratch[sb + SV + s * D + d];
            }
            scratch[sb + SY + d] = acc;
        }
        storageBarrier();
        // Logits, then the softmax (one thread).
        for (var v = lid; v < V; v += T) {
            scratch[sb + SP + v] =
                params[pb + OFF_BOUT + v] + times_column(sb + SY, pb + OFF_WOUT, V, v);
        }
        storageBarrier();
        if lid == 0u {
            softmax_scratch(sb + SP, V);
            loss -= log(scratch[sb + SP + want]);
        }
        storageBarrier();
        for (var v = lid; v < V; v += T) {
            records[R + (r * N + j) * V + v] = scratch[sb + SP + v];
        }
        for (var s = lid; s < W; s += T) {
            records[R + R * N * V + (r * N + j) * W + s] = select(0.0, scratch[sb + SATT + s], s < l);
        }
        if !learning {
            continue;
        }
        // Readout gradients (each thread its own elements) and dy.
        for (var i = lid; i < D * V + V; i += T) {
            if i < D * V {
                let d = i / V;
                let v = i % V;
                let dl = (scratch[sb + SP + v] - select(0.0, 1.0, v == want)) * inv_n;
                grads[pb + OFF_WOUT + i] += scratch[sb + SY + d] * dl;
            } else {
                let v = i - D * V;
                grads[pb + OFF_BOUT + v] += (scratch[sb + SP + v] - select(0.0, 1.0, v == want)) * inv_n;
            }
        }
        for (var d = lid; d < D; d += T) {
            var acc = 0.0;
            for (var v = 0u; v < V; v++) {
                let dl = (scratch[sb + SP + v] - select(0.0, 1.0, v == want)) * inv_n;
                acc += dl * params[pb + OFF_WOUT + d * V + v];
            }
            scratch[sb + SDY + d] = acc;
        }
        storageBarrier();
        // da_s, then dscore (one thread: at most W values).
        for (var s = lid; s < l; s += T) {
            var acc = 0.0;
            for (var d = 0u; d < D; d++) {
                acc += scratch[sb + SDY + d] * scratch[sb + SV + s * D + d];
            }
            scratch[sb + SDA + s] = acc;
        }
        storageBarrier();
        if lid == 0u {
            var mean_da = 0.0;
            for (var s = 0u; s < l; s++) {
                mean_da += scratch[sb + SATT + s] * scratch[sb + SDA + s];
            }
            for (var s = 0u; s < l; s++) {
                scratch[sb + SDS + s] = scratch[sb + SATT + s] * (scratch[sb + SDA + s] - mean_da);
            }
        }
        storageBarrier();
        for (var a = lid; a < A; a += T) {
            var acc = 0.0;
            for (var s = 0u; s < l; s++) {
                acc += scratch[sb + SDS + s] * scratch[sb + SK + s * A + a] / scale;
            }
            scratch[sb + SDQ + a] = acc;
        }
        storageBarrier();
        // Projection gradients: wq (D x A), wk (D x A), wv (D x D), each element one thread.
        for (var i = lid; i < 2u * D * A + D * D; i += T) {
            if i < D * A {
                let d = i / A;
                let a = i % A;
                grads[pb + OFF_WQ + i] += scratch[last + d] * scratch[sb + SDQ + a];
            } else if i < 2u * D * A {
                let k = i - D * A;
                let d = k / A;
                let a = k % A;
                var acc = 0.0;
                for (var s = 0u; s < l; s++) {
                    acc += scratch[sb + SX + s * D + d] * scratch[sb + SDS + s] * scratch[sb + SQ + a] / scale;
                }
                grads[pb + OFF_WK + k] += acc;
            } else {
                let k = i - 2u * D * A;
                let d = k / D;
                let e = k % D;
                var acc = 0.0;
                for (var s = 0u; s < l; s++) {
                    acc += scratch[sb + SX + s * D + d] * scratch[sb + SATT + s] * scratch[sb + SDY + e];
                }
                grads[pb + OFF_WV + k] += acc;
            }
        }
        // dx_s for every context word (each element one thread).
        for (var i = lid; i < l * D; i += T) {
            let s = i / D;
            let d = i % D;
            let ds = scratch[sb + SDS + s];
            let att = scratch[sb + SATT + s];
            var dx = 0.0;
            if s == l - 1u {
                dx = scratch[sb + SDY + d];
                for (var a = 0u; a < A; a++) {
                    dx += scratch[sb + SDQ + a] * params[pb + OFF_WQ + d * A + a];
                }
            }
            for (var a = 0u; a < A; a++) {
                dx += ds * scratch[sb + SQ + a] / scale * params[pb + OFF_WK + d * A + a];
            }
            for (var e = 0u; e < D; e++) {
                dx += att * scratch[sb + SDY + e] * params[pb + OFF_WV + d * D + e];
            }
            scratch[sb + SDX + i] = dx;
        }
        storageBarrier();
        // Scatter, one context word after another (two may be the same word).
        for (var s = 0u; s < l; s++) {
            let c = pairs[base + 1u + s];
            for (var d = lid; d < D; d += T) {
                let dx = scratch[sb + SDX + s * D + d];
                grads[pb + c * D + d] += dx;
                grads[pb + OFF_POS + (l - 1u - s) * D + d] += dx;
            }
            storageBarrier();
        }
    }
    if lid == 0u {
        if first_chunk() {
            records[r] = loss / f32(N);
        } else {
            records[r] += loss / f32(N);
        }
    }
    storageBarrier();
    if learning && last_chunk() {
        let lr = lrs[r];
        for (var i = lid; i < P; i += T) {
            let moved = optimizer_step(
                params[pb + i], grads[pb + i], moments[pb + i], moments[R * P + pb + i],
                lr, step.bias1, step.bias2,
            );
            params[pb + i] = moved.param;
            moments[pb + i] = moved.m;
            moments[R * P + pb + i] = moved.v;
        }
    }
}
