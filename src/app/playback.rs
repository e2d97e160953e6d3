//! The playhead: a fractional epoch advancing at `speed` epochs per second while playing, stopping
//! at the lesson's last epoch; scrubbing pauses. Training follows the playhead (the app trains up
//! to `ceil(playhead)` each frame), so motion is smooth at any speed: the views interpolate
//! between recorded epochs.

/// Most epochs trained in one frame, so a jump (End key) never stalls a frame for long.
pub const MAX_EPOCHS_PER_FRAME: u32 = 256;

#[derive(Clone, Debug, PartialEq)]
pub struct Playback {
    pub playhead: f64,
    /// Epochs per second.
    pub speed: f64,
    pub playing: bool,
    /// The last epoch the lesson plays to.
    pub end: f64,
}

impl Playback {
    pub fn new(speed: f64, end: u32) -> Self {
        Self {
            playhead: 0.0,
            speed: speed.max(0.01),
            playing: true,
            end: f64::from(end.max(1)),
        }
    }

    /// Advances by `dt` seconds; returns true when the end was reached in this step.
    pub fn advance(&mut self, dt: f64) -> bool {
        if !self.playing {
            return false;
        }
        self.playhead += self.speed * dt.clamp(0.0, 0.25);
        if self.playhead >= self.end {
            self.playhead = self.end;
            self.playing = false;
            return true;
        }
        false
    }

    pub fn toggle(&mut self) {
        if !self.playing && self.playhead >= self.end {
            self.playhead = 0.0;
        }
        self.playing = !self.playing;
    }

    /// Moves the playhead by `epochs` (clamped to 0..end) and pauses.
    pub fn scrub(&mut self, epochs: f64) {
        self.playhead = (self.playhead + epochs).clamp(0.0, self.end);
        self.playing = false;
    }

    /// The epoch training must have reached to show the playhead.
    pub fn epochs_needed(&self) -> u32 {
        self.playhead.ceil() as u32
    }

    /// Network pulse phase: one forward+gradient sweep per epoch at slow speeds, one per
    /// 2^k epochs at fast ones, so the pulse never strobes faster than about once a second.
    pub fn pulse_phase(&self) -> f32 {
        let per_pulse = (self.speed / 1.2).max(1.0).log2().ceil().exp2();
        (self.playhead / per_pulse).fract() as f32
    }

    /// Multiplies the speed by `factor` (kept within 0.25..2000 epochs per second).
    pub fn change_speed(&mut self, factor: f64) {
        self.speed = (self.speed * factor).clamp(0.25, 2000.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plays_to_the_end_and_stops() {
        let mut p = Playback::new(10.0, 30);
        assert!(!p.advance(1.0));
        assert!((p.playhead - 2.5).abs() < 1e-9, "dt is clamped to 0.25 s");
        assert_eq!(p.epochs_needed(), 3);
        for _ in 0..20 {
            p.advance(0.25);
        }
        assert_eq!(p.playhead, 30.0);
        assert!(!p.playing);
        p.toggle();
        assert_eq!(p.playhead, 0.0);
        assert!(p.playing);
    }

    #[test]
    fn scrub_pauses_and_clamps() {
        let mut p = Playback::new(10.0, 30);
        p.scrub(-5.0);
        assert_eq!(p.playhead, 0.0);
        assert!(!p.playing);
        p.scrub(100.0);
        assert_eq!(p.playhead, 30.0);
    }

    #[test]
    fn pulse_is_slow_at_high_speed() {
        let mut p = Playback::new(1.0, 1000);
        p.playhead = 2.5;
        assert!((p.pulse_phase() - 0.5).abs() < 1e-6);
        p.speed = 100.0;
        p.playhead = 64.0;
        assert_eq!(p.pulse_phase(), 0.5);
    }
}
