//! Playback helpers for the window. The playhead itself lives in the overlay's
//! [`crate::ui::UiState`] (a fractional epoch advancing at `speed` epochs per second; training
//! follows it, so motion is smooth at any speed: the views interpolate between recorded epochs).

use crate::ui::{Step, UiState};

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

/// The network's pulse this frame: none with calm motion (the network holds still); one slow
/// forward pass at a time while step 2 explains the paused network or the Write step writes;
/// else the training pulse at the playhead.
pub fn network_pulse(state: &UiState, playhead: f32, time_secs: f32) -> Option<f32> {
    if state.comfort.calm_motion {
        None
    } else if state.step == Step::Architecture && !state.playing {
        Some(explain_pulse(time_secs))
    } else if state.step == Step::Write && !state.playing {
        write_pulse(state.write.since_word)
    } else {
        Some(pulse_phase(playhead, state.speed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calm_motion_stills_the_network_in_every_step() {
        let mut state = UiState::default();
        for step in Step::ALL {
            for playing in [false, true] {
                state.step = step;
                state.playing = playing;
                state.write.since_word = 0.1;
                state.comfort.calm_motion = false;
                assert!(network_pulse(&state, 3.3, 1.0).is_some(), "{step:?}");
                state.comfort.calm_motion = true;
                assert_eq!(network_pulse(&state, 3.3, 1.0), None, "{step:?}");
            }
        }
    }

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

    /// Times `phase` wraps (starts a new pulse) over `secs` seconds sampled at 240 Hz.
    fn pulses(secs: f32, phase: impl Fn(f32) -> Option<f32>) -> u32 {
        let mut last = None;
        let mut count = 0;
        for i in 0..(secs * 240.0) as u32 {
            let p = phase(i as f32 / 240.0);
            if let (Some(a), Some(b)) = (last, p)
                && b < a
            {
                count += 1;
            }
            last = p;
        }
        count
    }

    #[test]
    fn no_clock_pulses_faster_than_twice_a_second() {
        let (slowest, fastest) = crate::ui::state::SPEED_RANGE;
        let mut speed = slowest;
        while speed <= fastest {
            let n = pulses(10.0, |t| Some(pulse_phase(t * speed, speed)));
            assert!(n <= 20, "{n} pulses in 10 s at {speed} epochs/s");
            speed *= 1.07;
        }
        assert!(pulses(10.0, |t| Some(explain_pulse(t))) <= 20);
        // The Write step: one pass per written word, one word per reveal interval.
        let reveal = crate::ui::write::REVEAL_SECS;
        assert!(reveal >= 0.5);
        assert!(pulses(10.0, |t| write_pulse(t % reveal)) <= 20);
        let breath = |t: f32| Some(crate::kiosk::overlay::breath_phase(f64::from(t)));
        assert!(pulses(10.0, breath) <= 20);
        // The clock can tell: a pulse per epoch at 10 epochs/s would be counted.
        assert!(pulses(10.0, |t| Some((t * 10.0).fract())) >= 90);
    }

    #[test]
    fn the_explained_pass_only_goes_forward() {
        for t in 0..100 {
            let p = explain_pulse(t as f32 * 0.37);
            assert!((0.0..0.5).contains(&p), "{p}");
        }
    }
}
