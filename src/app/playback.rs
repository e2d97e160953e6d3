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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pulse_is_slow_at_high_speed() {
        assert!((pulse_phase(2.5, 1.0) - 0.5).abs() < 1e-6);
        assert_eq!(pulse_phase(64.0, 100.0), 0.5);
    }
}
