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

/// Seconds the forward pass of a written word takes through the network.
pub const WRITE_PASS_SECS: f32 = 1.2;

/// The network's pulse on the Write step: one forward pass (the first half of the cycle) after
/// each word appears, `since_word` seconds ago; none between words.
pub fn write_pulse(since_word: f32) -> Option<f32> {
    (since_word < WRITE_PASS_SECS).then(|| (since_word / WRITE_PASS_SECS).max(0.0) * 0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_word_sends_one_forward_pass() {
        assert_eq!(write_pulse(0.0), Some(0.0));
        assert!(write_pulse(WRITE_PASS_SECS * 0.99).unwrap() < 0.5);
        assert_eq!(write_pulse(WRITE_PASS_SECS), None);
        assert_eq!(write_pulse(f32::INFINITY), None);
    }

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
