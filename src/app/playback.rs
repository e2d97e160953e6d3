//! Playback helpers for the window. The playhead itself lives in the overlay's
//! [`crate::ui::UiState`] (a fractional epoch advancing at `speed` epochs per second; training
//! follows it, so motion is smooth at any speed: the views interpolate between recorded epochs).

/// Most epochs trained in one frame, so a jump (End key) never stalls a frame for long.
pub const MAX_EPOCHS_PER_FRAME: u32 = 256;

/// Network pulse phase at `playhead` playing at `speed` epochs per second: one forward+gradient
/// sweep per epoch at slow speeds, one per 2^k epochs at fast ones, so the pulse never strobes
/// faster than about once a second.
pub fn pulse_phase(playhead: f32, speed: f32) -> f32 {
    let per_pulse = (speed / 1.2).max(1.0).log2().ceil().exp2();
    (playhead / per_pulse).fract()
}

/// Seconds one explained forward pass takes on the network step (paused at epoch 0).
pub const EXPLAIN_PASS_SECS: f32 = 3.0;

/// The network's pulse while step 2 explains it on a paused network: one forward pass (the first
/// half of the pulse's cycle) every [`EXPLAIN_PASS_SECS`], a slow sweep a visitor can follow.
pub fn explain_pulse(time_secs: f32) -> f32 {
    (time_secs / EXPLAIN_PASS_SECS).fract() * 0.5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pulse_is_slow_at_high_speed() {
        assert!((pulse_phase(2.5, 1.0) - 0.5).abs() < 1e-6);
        assert_eq!(pulse_phase(64.0, 100.0), 0.5);
    }

    #[test]
    fn the_explained_pass_only_goes_forward() {
        for t in 0..100 {
            let p = explain_pulse(t as f32 * 0.37);
            assert!((0.0..0.5).contains(&p), "{p}");
        }
    }
}
