// The network as neurons and edges: the selected pair's context embedding values (k*D inputs,
// left), the hidden units (middle) and the output words (right). Neurons glow by activation at
// the playhead (inputs and hidden units on a blue/amber diverging scale, outputs by probability in
// their word colour). Edges are the current w1 and w2: amber positive, blue negative, width and
// brightness by |w| / max |w|. Every epoch (pulse_phase 0 -> 1) a forward pulse sweeps left to
// right, then a gradient pulse sweeps back right to left.

struct EdgeOut {
    @builtin(position) position: vec4<f32>,
    @location(0) local: vec2<f32>,
    @location(1) color: vec3<f32>,
    @location(2) len_halfw: vec2<f32>,
    @location(3) u_range: vec2<f32>,     // network depth (0 inputs, 0.5 hidden, 1 outputs) at a and b
    @location(4) @interpolate(flat) strength: f32,
}

fn column_count(col: u32) -> u32 {
    if (col == 0u) {
        return frame.context * frame.embed_dim;
    }
    if (col == 1u) {
        return frame.hidden;
    }
    return frame.vocab;
}

// The geometry is src/scene/layout.rs's network_geometry (NET_* constants, generated).
fn neuron_pos(col: u32, i: u32) -> vec2<f32> {
    let size = panel_size(PANEL_NETWORK);
    let n = f32(max(column_count(col), 1u));
    return vec2<f32>(size.x * NET_COLUMN_X[col], (f32(i) + 0.5) / n * size.y);
}

fn neuron_radius(col: u32) -> f32 {
    let n = f32(max(column_count(col), 1u));
    let most = max(NET_MAX_RADIUS_1080 * px_scale(), NET_MIN_RADIUS_PX);
    return clamp(NET_RADIUS_PER_ROW * panel_size(PANEL_NETWORK).y / n, NET_MIN_RADIUS_PX, most);
}

// The weights of the epoch the frame shows (the current ones before anything is recorded).
fn param(offset: u32, i: u32) -> f32 {
    if (frame.slots_filled == 0u) {
        return params[frame.run * frame.param_count + offset + i];
    }
    return param_at(frame.run, frame.number_slot, offset + i);
}

// Where the pulse is (network depth 0..1) and its colour; negative depth: no pulse.
fn pulse_front() -> vec4<f32> {
    let p = frame.pulse_phase;
    if (p < 0.0) {
        return vec4<f32>(-10.0, 0.0, 0.0, 0.0);
    }
    if (p < 0.5) {
        return vec4<f32>(p * 2.0, 0.55, 0.95, 1.0);
    }
    return vec4<f32>(1.0 - (p - 0.5) * 2.0, 1.0, 0.35, 0.8);
}

@vertex
fn vs_edge(@builtin(vertex_index) vertex: u32, @builtin(instance_index) e: u32) -> EdgeOut {
    let n_in = column_count(0u);
    let n_hidden = frame.hidden;
    var a: vec2<f32>;
    var b: vec2<f32>;
    var w: f32;
    var w_max: f32;
    var layer: f32;
    var fan: u32;
    if (e < n_in * n_hidden) {
        let i = e / n_hidden;
        let j = e % n_hidden;
        a = neuron_pos(0u, i);
        b = neuron_pos(1u, j);
        w = param(frame.off_w1, e);
        w_max = derived[D_W1_MAX];
        layer = 0.0;
        fan = max(n_in, n_hidden);
    } else {
        let e2 = e - n_in * n_hidden;
        let j = e2 / frame.vocab;
        let v = e2 % frame.vocab;
        a = neuron_pos(1u, j);
        b = neuron_pos(2u, v);
        w = param(frame.off_w2, e2);
        w_max = derived[D_W2_MAX];
        layer = 0.5;
        fan = max(n_hidden, frame.vocab);
    }
    let m = select(0.0, clamp(abs(w) / w_max, 0.0, 1.0), w == w);
    let density = clamp(2.5 / sqrt(f32(max(fan, 1u))), 0.2, 1.0);
    let half_w = (0.35 + 1.7 * m) * px_scale();
    let lc = line_corner(a, b, half_w, vertex);
    var out: EdgeOut;
    out.position = panel_ndc(PANEL_NETWORK, lc.px);
    out.local = lc.local;
    out.color = select(vec3<f32>(0.021, 0.223, 1.0), vec3<f32>(1.0, 0.19, 0.013), w >= 0.0) * (0.08 + 0.8 * m) * density;
    out.len_halfw = vec2<f32>(lc.len, half_w);
    out.u_range = vec2<f32>(layer, layer + 0.5);
    out.strength = (0.25 + m) * density;
    return out;
}

@fragment
fn fs_edge(in: EdgeOut) -> @location(0) vec4<f32> {
    let cov = line_coverage(in.local, in.len_halfw.x, in.len_halfw.y);
    let t = clamp(in.local.x / max(in.len_halfw.x, 1.0), 0.0, 1.0);
    let u = mix(in.u_range.x, in.u_range.y, t);
    let front = pulse_front();
    let pulse = exp(-pow((u - front.x) / 0.035, 2.0)) * in.strength * 3.0;
    return vec4<f32>(in.color + front.yzw * pulse, cov);
}

struct NeuronOut {
    @builtin(position) position: vec4<f32>,
    @location(0) local: vec2<f32>,
    @location(1) color: vec3<f32>,
    @location(2) @interpolate(flat) ring: f32,
}

@vertex
fn vs_neuron(@builtin(vertex_index) vertex: u32, @builtin(instance_index) n: u32) -> NeuronOut {
    let n_in = column_count(0u);
    let has_data = frame.slots_filled > 0u && frame.recorded_pairs > 0u;
    var col = 0u;
    var i = n;
    if (n >= n_in + frame.hidden) {
        col = 2u;
        i = n - n_in - frame.hidden;
    } else if (n >= n_in) {
        col = 1u;
        i = n - n_in;
    }
    var color: vec3<f32>;
    var ring = 0.0;
    if (col == 0u) {
        let slot_in_ctx = i / frame.embed_dim;
        let word = frame.ctx_words[min(slot_in_ctx, 3u)];
        var v = 0.0;
        if (has_data && slot_in_ctx < 4u) {
            v = emb_now(word, i % frame.embed_dim) / derived[D_EMB_MAX];
        }
        color = diverging(v) * 1.1;
    } else if (col == 1u) {
        var v = 0.0;
        if (has_data) {
            v = hidden_now(frame.pair, i) / derived[D_HIDDEN_MAX];
        }
        color = diverging(v) * 1.1;
    } else {
        var p = 0.0;
        if (has_data) {
            p = prob_now(frame.pair, i);
        }
        color = words[i].color.rgb * (0.06 + 1.6 * clamp(p, 0.0, 1.0));
        ring = select(0.0, 1.0, words[i].flags.x > 0.0);
    }
    let front = pulse_front();
    let flash = exp(-pow((f32(col) * 0.5 - front.x) / 0.06, 2.0));
    color += front.yzw * flash * 1.2;
    let r = neuron_radius(col);
    let extent = 2.6;
    let c = quad_corner(vertex);
    var out: NeuronOut;
    out.position = panel_ndc(PANEL_NETWORK, neuron_pos(col, i) + c * r * extent);
    out.local = c * extent;
    out.color = color;
    out.ring = ring;
    return out;
}

@fragment
fn fs_neuron(in: NeuronOut) -> @location(0) vec4<f32> {
    let d = length(in.local);
    let disc = clamp((1.0 - d) * 6.0, 0.0, 1.0);
    let rim = exp(-pow((d - 1.0) * 7.0, 2.0));
    let halo = exp(-d * d * 1.2) * 0.5 * smoothstep(2.6, 1.8, d);
    var c = in.color * (disc + halo) + vec3<f32>(0.10, 0.12, 0.20) * rim;
    c += vec3<f32>(1.0, 0.92, 0.7) * exp(-pow((d - 1.6) * 6.0, 2.0)) * in.ring * 1.5;
    return vec4<f32>(c, 1.0);
}
