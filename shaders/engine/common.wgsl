// Shared by the engine kernels: run state, activation, optimizer and history-slot helpers.
// (Prepended after the generated header, before phases.wgsl and a driver.)
// ACT (0 tanh, 1 relu) and OPT (0 sgd, 1 momentum, 2 adam) come from the generated header.

const NOT_DIVERGED: u32 = 0xffffffffu;
const NO_SLOT: u32 = 0xffffffffu;

// keep in sync with src/engine/buffers.rs (RunState)
struct RunState {
    lr: f32,
    adam_t: u32,
    diverged_epoch: u32,
    _pad: u32,
    // Adam's bias corrections of step adam_t: 1 - 0.9^t, 1 - 0.999^t (set once per step).
    bias1: f32,
    bias2: f32,
    _pad2: vec2<u32>,
}

fn is_finite(x: f32) -> bool {
    return (bitcast<u32>(x) & 0x7f800000u) != 0x7f800000u;
}

// tanh that stays finite for any finite input (exp only of non-positive numbers).
fn stable_tanh(x: f32) -> f32 {
    let e = exp(-2.0 * abs(x));
    return sign(x) * (1.0 - e) / (1.0 + e);
}

fn activate(z: f32) -> f32 {
    if ACT == 0u {
        return stable_tanh(z);
    }
    return max(z, 0.0);
}

// d act / dz, from the pre-activation z and the activation h = act(z).
fn activation_slope(z: f32, h: f32) -> f32 {
    if ACT == 0u {
        return 1.0 - h * h;
    }
    return select(0.0, 1.0, z > 0.0);
}

struct Moved {
    param: f32,
    m: f32,
    v: f32,
}

// One optimizer update of one parameter (MODEL.md), with adam's bias corrections of this step.
fn optimizer_step(theta: f32, g: f32, m: f32, v: f32, lr: f32, bias1: f32, bias2: f32) -> Moved {
    if OPT == 0u {
        return Moved(theta - lr * g, m, v);
    }
    if OPT == 1u {
        let velocity = 0.9 * m + g;
        return Moved(theta - lr * velocity, velocity, v);
    }
    let m1 = 0.9 * m + 0.1 * g;
    let v1 = 0.999 * v + 0.001 * g * g;
    let m_hat = m1 / bias1;
    let v_hat = v1 / bias2;
    return Moved(theta - lr * m_hat / (sqrt(v_hat) + 1e-8), m1, v1);
}

// A run's state after an epoch whose loss was `loss`: divergence flagged from the first
// non-finite loss on; when `learning` and not diverged, the step count and adam's bias
// corrections advance (the optimizer step of this epoch uses them).
fn close_epoch(state: RunState, loss: f32, epoch: u32, learning: bool) -> RunState {
    var s = state;
    if !is_finite(loss) && s.diverged_epoch == NOT_DIVERGED {
        s.diverged_epoch = epoch;
    }
    if learning && s.diverged_epoch == NOT_DIVERGED {
        s.adam_t += 1u;
        s.bias1 = 1.0 - pow(0.9, f32(s.adam_t));
        s.bias2 = 1.0 - pow(0.999, f32(s.adam_t));
    }
    return s;
}

// The history slot that records `epoch`, or NO_SLOT.
fn history_slot(epoch: u32, first_epoch: u32, stride: u32, capacity: u32) -> u32 {
    if epoch < first_epoch {
        return NO_SLOT;
    }
    let since = epoch - first_epoch;
    if since % stride != 0u || since / stride >= capacity {
        return NO_SLOT;
    }
    return since / stride;
}
