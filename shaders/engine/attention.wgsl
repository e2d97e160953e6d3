// The attention model of ATTENTION.md: one epoch of one run per invocation (forward, the
// epoch's records, backward, and MODEL.md's optimizer step). Exact, not fast: each invocation
// walks every pair with plain loops, as the f64 reference does, in f32.
// The host prepends a header with V, D, A, W, N (pairs), R (runs), P (parameters per run), the
// parameter offsets OFF_*, the scratch stride S, OPT and ACT, then common.wgsl.

// One dispatch walks the pairs first_pair..pair_end of an epoch (Mesa's software drivers stop an
// invocation after 65,535 loop iterations, so the host splits big epochs into chunks): the first
// chunk zeroes the gradients and starts the loss, the last one steps.
struct Step {
    // Adam's bias corrections of this step: 1 - 0.9^t, 1 - 0.999^t.
    bias1: f32,
    bias2: f32,
    // 1: record this epoch and step; 0: record only.
    update: u32,
    first_pair: u32,
    pair_end: u32,
    // Bit 0: the epoch's first chunk; bit 1: its last.
    chunk: u32,
    _pad0: u32,
    _pad1: u32,
}

fn first_chunk() -> bool {
    return (step.chunk & 1u) != 0u;
}

fn last_chunk() -> bool {
    return (step.chunk & 2u) != 0u;
}

@group(0) @binding(0) var<uniform> step: Step;
@group(0) @binding(1) var<storage, read_write> params: array<f32>;
@group(0) @binding(2) var<storage, read_write> grads: array<f32>;
// m of every run, then v of every run.
@group(0) @binding(3) var<storage, read_write> moments: array<f32>;
// Per pair: its length L, W context slots (oldest first, unused ones 0), its target.
@group(0) @binding(4) var<storage, read> pairs: array<u32>;
@group(0) @binding(5) var<storage, read> lrs: array<f32>;
// The loss of every run, then R x N x V probabilities, then R x N x W attention weights.
@group(0) @binding(6) var<storage, read_write> records: array<f32>;
@group(0) @binding(7) var<storage, read_write> scratch: array<f32>;

// Scratch blocks of one run (offsets within its stride S).
const SX: u32 = 0u;                 // x_s            W x D
const SK: u32 = SX + W * D;         // k_s            W x A
const SV: u32 = SK + W * A;         // v_s            W x D
const SQ: u32 = SV + W * D;         // q              A
const SATT: u32 = SQ + A;           // a_s            W
const SY: u32 = SATT + W;           // y              D
const SP: u32 = SY + D;             // p              V
const SDY: u32 = SP + V;            // dy             D
const SDA: u32 = SDY + D;           // da_s           W
const SDS: u32 = SDA + W;           // dscore_s       W
const SDQ: u32 = SDS + W;           // dq             A
const SDX: u32 = SDQ + A;           // dx_s           W x D

// Softmax of scratch[at .. at + n) in place (the max subtracted before exp).
fn softmax_scratch(at: u32, n: u32) {
    var top = -3.0e38;
    for (var i = 0u; i < n; i++) {
        top = max(top, scratch[at + i]);
    }
    var total = 0.0;
    for (var i = 0u; i < n; i++) {
        let e = exp(scratch[at + i] - top);
        scratch[at + i] = e;
        total += e;
    }
    for (var i = 0u; i < n; i++) {
        scratch[at + i] /= total;
    }
}

// Column `col` of (a D-vector in scratch at `x`) . (a D x `cols` matrix in params at `m`).
fn times_column(x: u32, m: u32, cols: u32, col: u32) -> f32 {
    var acc = 0.0;
    for (var d = 0u; d < D; d++) {
        acc += scratch[x + d] * params[m + d * cols + col];
    }
    return acc;
}

@compute @workgroup_size(64)
fn epoch(@builtin(global_invocation_id) gid: vec3<u32>) {
    let r = gid.x;
    if r >= R {
        return;
    }
    let pb = r * P;
    let sb = r * S;
    let learning = step.update == 1u;
    if learning && first_chunk() {
        for (var i = 0u; i < P; i++) {
            grads[pb + i] = 0.0;
        }
    }
    let scale = sqrt(f32(A));
    var loss = 0.0;
    for (var j = step.first_pair; j < step.pair_end; j++) {
        let base = j * (W + 2u);
        let l = pairs[base];
        let want = pairs[base + 1u + W];
        // x_s = embedding[c_s] + position[L-1-s]; k_s, v_s.
        for (var s = 0u; s < l; s++) {
            let c = pairs[base + 1u + s];
            for (var d = 0u; d < D; d++) {
                scratch[sb + SX + s * D + d] =
                    params[pb + c * D + d] + params[pb + OFF_POS + (l - 1u - s) * D + d];
            }
            for (var a = 0u; a < A; a++) {
                scratch[sb + SK + s * A + a] = times_column(sb + SX + s * D, pb + OFF_WK, A, a);
            }
            for (var e = 0u; e < D; e++) {
                scratch[sb + SV + s * D + e] = times_column(sb + SX + s * D, pb + OFF_WV, D, e);
            }
        }
        let last = sb + SX + (l - 1u) * D;
        for (var a = 0u; a < A; a++) {
            scratch[sb + SQ + a] = times_column(last, pb + OFF_WQ, A, a);
        }
        // a = softmax over s of (q . k_s) / sqrt(A).
        for (var s = 0u; s < l; s++) {
            var acc = 0.0;
            for (var a = 0u; a < A; a++) {
                acc += scratch[sb + SQ + a] * scratch[sb + SK + s * A + a];
            }
            scratch[sb + SATT + s] = acc / scale;
        }
        softmax_scratch(sb + SATT, l);
        // y = x_{L-1} + sum_s a_s v_s; p = softmax(y . w_out + b_out).
        for (var d = 0u; d < D; d++) {
            var acc = scratch[last + d];
            for (var s = 0u; s < l; s++) {
                acc += scratch[sb + SATT + s] * scratch[sb + SV + s * D + d];
            }
            scratch[sb + SY + d] = acc;
        }
        for (var v = 0u; v < V; v++) {
            scratch[sb + SP + v] =
                params[pb + OFF_BOUT + v] + times_column(sb + SY, pb + OFF_WOUT, V, v);
        }
        softmax_scratch(sb + SP, V);
        for (var v = 0u; v < V; v++) {
            records[R + (r * N + j) * V + v] = scratch[sb + SP + v];
        }
        for (var s = 0u; s < W; s++) {
            records[R + R * N * V + (r * N + j) * W + s] = select(0.0, scratch[sb + SATT + s], s < l);
        }
        loss -= log(scratch[sb + SP + want]);
        if !learning {
            continue;
        }
        // Backward (ATTENTION.md), gradients summed over pairs.
        let inv_n = 1.0 / f32(N);
        for (var d = 0u; d < D; d++) {
            scratch[sb + SDY + d] = 0.0;
        }
        for (var v = 0u; v < V; v++) {
            let dl = (scratch[sb + SP + v] - select(0.0, 1.0, v == want)) * inv_n;
            grads[pb + OFF_BOUT + v] += dl;
            for (var d = 0u; d < D; d++) {
                grads[pb + OFF_WOUT + d * V + v] += scratch[sb + SY + d] * dl;
                scratch[sb + SDY + d] += dl * params[pb + OFF_WOUT + d * V + v];
            }
        }
        for (var s = 0u; s < l; s++) {
            for (var d = 0u; d < D; d++) {
                scratch[sb + SDX + s * D + d] = select(0.0, scratch[sb + SDY + d], s == l - 1u);
            }
        }
        var mean_da = 0.0;
        for (var s = 0u; s < l; s++) {
            var acc = 0.0;
            for (var d = 0u; d < D; d++) {
                acc += scratch[sb + SDY + d] * scratch[sb + SV + s * D + d];
            }
            scratch[sb + SDA + s] = acc;
            mean_da += scratch[sb + SATT + s] * acc;
        }
        for (var s = 0u; s < l; s++) {
            scratch[sb + SDS + s] = scratch[sb + SATT + s] * (scratch[sb + SDA + s] - mean_da);
        }
        for (var a = 0u; a < A; a++) {
            var acc = 0.0;
            for (var s = 0u; s < l; s++) {
                acc += scratch[sb + SDS + s] * scratch[sb + SK + s * A + a] / scale;
            }
            scratch[sb + SDQ + a] = acc;
        }
        for (var d = 0u; d < D; d++) {
            for (var a = 0u; a < A; a++) {
                grads[pb + OFF_WQ + d * A + a] += scratch[last + d] * scratch[sb + SDQ + a];
                scratch[sb + SDX + (l - 1u) * D + d] +=
                    scratch[sb + SDQ + a] * params[pb + OFF_WQ + d * A + a];
            }
        }
        for (var s = 0u; s < l; s++) {
            let ds = scratch[sb + SDS + s];
            let att = scratch[sb + SATT + s];
            for (var d = 0u; d < D; d++) {
                let x = scratch[sb + SX + s * D + d];
                var dx = 0.0;
                for (var a = 0u; a < A; a++) {
                    let dk = ds * scratch[sb + SQ + a] / scale;
                    grads[pb + OFF_WK + d * A + a] += x * dk;
                    dx += dk * params[pb + OFF_WK + d * A + a];
                }
                for (var e = 0u; e < D; e++) {
                    let dv = att * scratch[sb + SDY + e];
                    grads[pb + OFF_WV + d * D + e] += x * dv;
                    dx += dv * params[pb + OFF_WV + d * D + e];
                }
                scratch[sb + SDX + s * D + d] += dx;
            }
        }
        for (var s = 0u; s < l; s++) {
            let c = pairs[base + 1u + s];
            for (var d = 0u; d < D; d++) {
                let dx = scratch[sb + SDX + s * D + d];
                grads[pb + c * D + d] += dx;
                grads[pb + OFF_POS + (l - 1u - s) * D + d] += dx;
            }
        }
    }
    if first_chunk() {
        records[r] = loss / f32(N);
    } else {
        records[r] += loss / f32(N);
    }
    if learning && last_chunk() {
        let lr = lrs[r];
        for (var i = 0u; i < P; i++) {
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
