// The model writes: MODEL.md's sampling, on the GPU, over the parameters of one epoch.
//
// One written word is five dispatches, all reading the words written so far from `tokens`, so a
// whole sentence is encoded at once with no readback between words:
//   cs_hidden  (H invocations)  z = x . w1 + b1, h = act(z) for the last K words of the text
//   cs_logits  (V invocations)  logits = h . w2 + b2, divided by the temperature (T > 0)
//   cs_rank    (V invocations)  each word's rank by score, ties to the lower vocabulary index
//   cs_probs   (one workgroup)  softmax over the words kept (top-k; the argmax alone at T = 0)
//   cs_draw    (one invocation) the word u (this step's uniform draw) falls on in the cumulative
//                               distribution, appended to `tokens`; the step counter moves on.
// Every loop is bounded by V, H or K*D, far below Mesa's per-invocation loop limit.
// The model constants (V, D, H, K, KD, P, OFF_*, ACT) come from the generated header
// (src/engine/shader_source.rs). Keep `Request` in sync with src/engine/sampler.rs.

struct Request {
    run: u32,
    slot: u32,
    use_history: u32,
    capacity: u32,
    prompt_len: u32,
    steps: u32,
    top_k: u32,
    greedy: u32,
    temperature: f32,
    _pad0: u32,
    _pad1: u32,
    _pad2: u32,
}

@group(0) @binding(0) var<uniform> req: Request;
@group(0) @binding(1) var<storage, read> params: array<f32>;
@group(0) @binding(2) var<storage, read> hist_params: array<f32>;
@group(0) @binding(3) var<storage, read> randoms: array<f32>;
@group(0) @binding(4) var<storage, read_write> tokens: array<u32>;
@group(0) @binding(5) var<storage, read_write> cursor: array<u32>;
@group(0) @binding(6) var<storage, read_write> hidden: array<f32>;
@group(0) @binding(7) var<storage, read_write> scores: array<f32>;
@group(0) @binding(8) var<storage, read_write> ranks: array<u32>;
@group(0) @binding(9) var<storage, read_write> out_probs: array<f32>;

var<workgroup> red: array<f32, 64>;

// Parameter i of the chosen epoch: a history slot, or the current parameters.
fn weight(i: u32) -> f32 {
    if req.use_history != 0u {
        return hist_params[(req.run * req.capacity + req.slot) * P + i];
    }
    return params[req.run * P + i];
}

// Word c of the context: the last K words of the text written so far.
fn context_word(c: u32) -> u32 {
    let len = req.prompt_len + cursor[0];
    return tokens[len - K + c];
}

fn act(z: f32) -> f32 {
    if ACT == 1u {
        return max(z, 0.0);
    }
    return tanh(z);
}

@compute @workgroup_size(64)
fn cs_hidden(@builtin(global_invocation_id) gid: vec3<u32>) {
    let j = gid.x;
    if j >= H {
        return;
    }
    var z = weight(OFF_B1 + j);
    for (var c = 0u; c < K; c++) {
        let row = context_word(c) * D;
        for (var d = 0u; d < D; d++) {
            z += weight(row + d) * weight(OFF_W1 + (c * D + d) * H + j);
        }
    }
    hidden[j] = act(z);
}

@compute @workgroup_size(64)
fn cs_logits(@builtin(global_invocation_id) gid: vec3<u32>) {
    let w = gid.x;
    if w >= V {
        return;
    }
    var l = weight(OFF_B2 + w);
    for (var j = 0u; j < H; j++) {
        l += hidden[j] * weight(OFF_W2 + j * V + w);
    }
    scores[w] = select(l / req.temperature, l, req.greedy != 0u);
}

@compute @workgroup_size(64)
fn cs_rank(@builtin(global_invocation_id) gid: vec3<u32>) {
    let w = gid.x;
    if w >= V {
        return;
    }
    let s = scores[w];
    var r = 0u;
    for (var u = 0u; u < V; u++) {
        let t = scores[u];
        if t > s || (t == s && u < w) {
            r += 1u;
        }
    }
    ranks[w] = r;
}

fn kept(w: u32) -> bool {
    let keep = select(req.top_k, 1u, req.greedy != 0u);
    return ranks[w] < keep;
}

@compute @workgroup_size(64)
fn cs_probs(@builtin(local_invocation_index) lid: u32) {
    var most = -3.4e38;
    for (var w = lid; w < V; w += 64u) {
        if kept(w) {
            most = max(most, scores[w]);
        }
    }
    red[lid] = most;
    workgroupBarrier();
    for (var half = 32u; half > 0u; half /= 2u) {
        if lid < half {
            red[lid] = max(red[lid], red[lid + half]);
        }
        workgroupBarrier();
    }
    let top = red[0];
    workgroupBarrier();
    var sum = 0.0;
    for (var w = lid; w < V; w += 64u) {
        if kept(w) {
            sum += exp(scores[w] - top);
        }
    }
    red[lid] = sum;
    workgroupBarrier();
    for (var half = 32u; half > 0u; half /= 2u) {
        if lid < half {
            red[lid] += red[lid + half];
        }
        workgroupBarrier();
    }
    let total = red[0];
    let base = cursor[0] * V;
    for (var w = lid; w < V; w += 64u) {
        out_probs[base + w] = select(0.0, exp(scores[w] - top) / total, kept(w));
    }
}

@compute @workgroup_size(1)
fn cs_draw() {
    let step = cursor[0];
    let base = step * V;
    let u = randoms[step];
    var cumulative = 0.0;
    var chosen = V;
    var last = 0u;
    for (var w = 0u; w < V; w++) {
        let p = out_probs[base + w];
        if p > 0.0 {
            last = w;
        }
        cumulative += p;
        if chosen == V && u < cumulative {
            chosen = w;
        }
    }
    if chosen == V {
        chosen = last;
    }
    tokens[req.prompt_len + step] = chosen;
    cursor[0] = step + 1u;
}
