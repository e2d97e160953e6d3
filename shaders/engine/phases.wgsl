// The phases of one training epoch for one run. Each phase is a function of (run, item): the
// items of a phase are independent, so a phase can be spread over a workgroup (fused driver) or
// over a whole dispatch (layered driver). Between phases all writes must be visible (a barrier,
// or a dispatch boundary).
//
// Pairs are processed in chunks of at most B pairs (`first`, `count`): the per-pair phases
// (hidden .. embedding grads) run once per chunk and *add* to the gradients; the loss and update
// phases run once per epoch. The update phase leaves the gradients at zero for the next epoch.
//
// The driver declares corpus (pairs, record_slot, per-chunk occurrence lists), params, grads,
// opt_m, opt_v, run_state, scratch and the four history buffers, and where a run's block starts
// in them: `param_base(run)`, `scratch_base(run)` and `state_index(run)` (a driver that keeps
// one run's state in private arrays returns 0). History buffers are always indexed by run.
// Constants come from the generated header (src/engine/shader_source.rs):
// V D H K KD N B CHUNKS P OFF_* ACT OPT.

// One run's scratch block: z, h, dz [B*H each], dlogits [B*V], dx [B*KD], loss [N].
const SCR_Z: u32 = 0u;
const SCR_H: u32 = B * H;
const SCR_DZ: u32 = 2u * B * H;
const SCR_P: u32 = 3u * B * H;
const SCR_DX: u32 = 3u * B * H + B * V;
const SCR_LOSS: u32 = 3u * B * H + B * V + B * KD;
const SCR: u32 = 3u * B * H + B * V + B * KD + N;
// Corpus: pairs [N*(K+1)], record_slot [N], occ_start [CHUNKS*(V+1)], occ_list [N*K].
// occ_list holds `pair * K + position` grouped by chunk, then by word.
const COR_RECORD: u32 = N * (K + 1u);
const COR_OCC_START: u32 = COR_RECORD + N;
const COR_OCC_LIST: u32 = COR_OCC_START + CHUNKS * (V + 1u);

fn context_word(j: u32, c: u32) -> u32 {
    return corpus[j * (K + 1u) + c];
}

fn target_of(j: u32) -> u32 {
    return corpus[j * (K + 1u) + K];
}

// x_j[q]: the q-th input of pair j (its context embeddings, concatenated).
fn input_of(base: u32, j: u32, q: u32) -> f32 {
    return params[base + context_word(j, q / D) * D + q % D];
}

// Items: count * H. z and h of (local pair jl, unit u).
fn phase_hidden(run: u32, item: u32, first: u32) {
    let base = param_base(run);
    let s = scratch_base(run);
    let jl = item / H;
    let u = item % H;
    var acc = params[base + OFF_B1 + u];
    for (var q = 0u; q < KD; q++) {
        acc += input_of(base, first + jl, q) * params[base + OFF_W1 + q * H + u];
    }
    scratch[s + SCR_Z + item] = acc;
    scratch[s + SCR_H + item] = activate(acc);
}

// Items: count * V. The logit of (local pair jl, word v), stored where dlogits will go.
fn phase_logits(run: u32, item: u32) {
    let base = param_base(run);
    let s = scratch_base(run);
    let jl = item / V;
    let v = item % V;
    var acc = params[base + OFF_B2 + v];
    for (var u = 0u; u < H; u++) {
        acc += scratch[s + SCR_H + jl * H + u] * params[base + OFF_W2 + u * V + v];
    }
    scratch[s + SCR_P + item] = acc;
}

// Items: count. Softmax of local pair jl, its loss term and recording; the logits become
// dlogits = (p - onehot) / N.
fn phase_softmax(run: u32, jl: u32, first: u32, slot: u32, capacity: u32, recorded_pairs: u32) {
    let j = first + jl;
    let s = scratch_base(run) + SCR_P + jl * V;
    var top = -3.0e38;
    for (var v = 0u; v < V; v++) {
        top = max(top, scratch[s + v]);
    }
    let t = target_of(j);
    let target_logit = scratch[s + t];
    var total = 0.0;
    for (var v = 0u; v < V; v++) {
        let e = exp(scratch[s + v] - top);
        scratch[s + v] = e;
        total += e;
    }
    scratch[scratch_base(run) + SCR_LOSS + j] = -(target_logit - top - log(total));
    let rec = corpus[COR_RECORD + j];
    let recording = slot != NO_SLOT && rec != NO_SLOT;
    let cell = (run * capacity + slot) * recorded_pairs + rec;
    let inv_n = 1.0 / f32(N);
    for (var v = 0u; v < V; v++) {
        let p = scratch[s + v] / total;
        if recording {
            hist_probs[cell * V + v] = p;
        }
        scratch[s + v] = (p - select(0.0, 1.0, v == t)) * inv_n;
    }
    if recording {
        for (var u = 0u; u < H; u++) {
            hist_hidden[cell * H + u] = scratch[scratch_base(run) + SCR_H + jl * H + u];
        }
    }
}

// Items: H*V + V + count*H. dw2 and db2 (added), and dz of (jl, u).
fn phase_output_grads(run: u32, item: u32, count: u32) {
    let base = param_base(run);
    let s = scratch_base(run);
    if item < H * V {
        let u = item / V;
        let v = item % V;
        var acc = 0.0;
        for (var jl = 0u; jl < count; jl++) {
            acc += scratch[s + SCR_H + jl * H + u] * scratch[s + SCR_P + jl * V + v];
        }
        grads[base + OFF_W2 + item] += acc;
    } else if item < H * V + V {
        let v = item - H * V;
        var acc = 0.0;
        for (var jl = 0u; jl < count; jl++) {
            acc += scratch[s + SCR_P + jl * V + v];
        }
        grads[base + OFF_B2 + v] += acc;
    } else {
        let jh = item - H * V - V;
        let jl = jh / H;
        let u = jh % H;
        var dh = 0.0;
        for (var v = 0u; v < V; v++) {
            dh += scratch[s + SCR_P + jl * V + v] * params[base + OFF_W2 + u * V + v];
        }
        scratch[s + SCR_DZ + jh] = dh * activation_slope(scratch[s + SCR_Z + jh], scratch[s + SCR_H + jh]);
    }
}

// Items: KD*H + H + count*KD. dw1 and db1 (added), and dx of (jl, q).
fn phase_input_grads(run: u32, item: u32, first: u32, count: u32) {
    let base = param_base(run);
    let s = scratch_base(run);
    if item < KD * H {
        let q = item / H;
        let u = item % H;
        var acc = 0.0;
        for (var jl = 0u; jl < count; jl++) {
            acc += input_of(base, first + jl, q) * scratch[s + SCR_DZ + jl * H + u];
        }
        grads[base + OFF_W1 + item] += acc;
    } else if item < KD * H + H {
        let u = item - KD * H;
        var acc = 0.0;
        for (var jl = 0u; jl < count; jl++) {
            acc += scratch[s + SCR_DZ + jl * H + u];
        }
        grads[base + OFF_B1 + u] += acc;
    } else {
        let jq = item - KD * H - H;
        let jl = jq / KD;
        let q = jq % KD;
        var acc = 0.0;
        for (var u = 0u; u < H; u++) {
            acc += scratch[s + SCR_DZ + jl * H + u] * params[base + OFF_W1 + q * H + u];
        }
        scratch[s + SCR_DX + jq] = acc;
    }
}

// Items: V*D. The embedding gradient of (word w, dim d): dx of every context position in this
// chunk where w occurs, added.
fn phase_embedding_grads(run: u32, item: u32, first: u32, chunk: u32) {
    let s = scratch_base(run);
    let w = item / D;
    let d = item % D;
    let starts = COR_OCC_START + chunk * (V + 1u);
    var acc = 0.0;
    for (var o = corpus[starts + w]; o < corpus[starts + w + 1u]; o++) {
        let occurrence = corpus[COR_OCC_LIST + o];
        let jl = occurrence / K - first;
        let q = (occurrence % K) * D + d;
        acc += scratch[s + SCR_DX + jl * KD + q];
    }
    grads[param_base(run) + item] += acc;
}

// Items: 1 + P. Item 0: the epoch's loss, its recording, the divergence flag and the step
// count. Items 1..: the recording of every parameter (params are not yet updated).
fn phase_loss(run: u32, item: u32, epoch: u32, slot: u32, capacity: u32, learning: bool) {
    if item == 0u {
        var loss = 0.0;
        for (var j = 0u; j < N; j++) {
            loss += scratch[scratch_base(run) + SCR_LOSS + j];
        }
        loss /= f32(N);
        if slot != NO_SLOT {
            hist_loss[run * capacity + slot] = loss;
        }
        run_state[state_index(run)] = close_epoch(run_state[state_index(run)], loss, epoch, learning);
    } else if slot != NO_SLOT {
        let q = item - 1u;
        hist_params[(run * capacity + slot) * P + q] = params[param_base(run) + q];
    }
}

// Items: P. The optimizer step of one parameter (unless the run has diverged); the gradient is
// then reset for the next epoch.
fn phase_update(run: u32, item: u32) {
    let state = run_state[state_index(run)];
    let at = param_base(run) + item;
    if state.diverged_epoch == NOT_DIVERGED {
        let moved = optimizer_step(params[at], grads[at], opt_m[at], opt_v[at], state.lr, state.bias1, state.bias2);
        params[at] = moved.param;
        opt_m[at] = moved.m;
        opt_v[at] = moved.v;
    }
    grads[at] = 0.0;
}
