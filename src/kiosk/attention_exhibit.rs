//! An exhibit of the attention lesson (an exhibit config whose only lesson is an attention
//! lesson): the screen plays its tour on its own, in a loop, and the next visitor starts over.
//!
//! How it works: plain clock logic, fed seconds: [`AttnExhibit::input`] on every touch, key or
//! click; [`AttnExhibit::tick`] once a frame with the playhead, which says when to start over:
//! after [`AttnExhibit::idle_secs`] without input once someone has used it (the next visitor
//! finds the lesson from the start, in the exhibit's language and viewing choices), or when the
//! trained model has been on screen for [`HOLD_SECS`] (the tour's last steps), so the loop
//! goes on while nobody is there.

/// Seconds the trained model stays on screen before the tour starts over.
pub const HOLD_SECS: f64 = 45.0;

/// Why the exhibit starts the lesson over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartOver {
    /// Nobody touched it for the idle time: welcome the next visitor.
    NextVisitor,
    /// The tour reached its end: play it again.
    Loop,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AttnExhibit {
    pub idle_secs: f64,
    last_input: Option<f64>,
    ended_at: Option<f64>,
}

impl AttnExhibit {
    pub fn new(idle_secs: f64) -> Self {
        Self {
            idle_secs,
            last_input: None,
            ended_at: None,
        }
    }

    /// A visitor touched, clicked or pressed a key at `now`.
    pub fn input(&mut self, now: f64) {
        self.last_input = Some(now);
        self.ended_at = None;
    }

    /// Whether a visitor is using the exhibit (input within the idle time).
    pub fn visitor_present(&self, now: f64) -> bool {
        self.last_input.is_some_and(|t| now - t < self.idle_secs)
    }

    /// Once a frame: whether to start over now.
    pub fn tick(&mut self, now: f64, playhead: f32, total: u32) -> Option<StartOver> {
        if let Some(t) = self.last_input
            && now - t >= self.idle_secs
        {
            self.last_input = None;
            self.ended_at = None;
            return Some(StartOver::NextVisitor);
        }
        if playhead < total as f32 {
            self.ended_at = None;
            return None;
        }
        let ended = *self.ended_at.get_or_insert(now);
        if now - ended >= HOLD_SECS && !self.visitor_present(now) {
            self.ended_at = None;
            return Some(StartOver::Loop);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_loops_alone_and_welcomes_the_next_visitor() {
        let mut e = AttnExhibit::new(60.0);
        // Nobody there: the tour plays, holds the trained model, then starts over.
        assert_eq!(e.tick(0.0, 10.0, 300), None);
        assert_eq!(e.tick(100.0, 300.0, 300), None);
        assert_eq!(e.tick(100.0 + HOLD_SECS - 1.0, 300.0, 300), None);
        assert_eq!(e.tick(100.0 + HOLD_SECS, 300.0, 300), Some(StartOver::Loop));
        // A visitor at the end keeps it; leaving for the idle time brings the next visitor.
        e.input(200.0);
        assert!(e.visitor_present(230.0));
        assert_eq!(e.tick(250.0, 300.0, 300), None);
        assert_eq!(e.tick(259.9, 300.0, 300), None);
        assert_eq!(e.tick(260.0, 300.0, 300), Some(StartOver::NextVisitor));
        assert!(!e.visitor_present(260.0));
        assert_eq!(e.tick(261.0, 0.0, 300), None);
    }
}
