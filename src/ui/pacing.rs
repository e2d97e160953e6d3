//! Playback that serves reading: training eases through the moments that matter, holds at each
//! milestone long enough to read what it says, and hurries through the flat tail.
//!
//! How it works: the speed setting is a *base* (epochs per second, 10 by default). At the
//! playhead, [`eased_speed`] looks a few epochs ahead in the recorded history and slows playback
//! so that the featured probability (P(sat | cat)) changes by at most [`PROB_PER_SEC`] and the
//! loss by at most [`LOSS_PER_SEC`] of its starting value per second, both scaled by base / 10;
//! where little changes it speeds up to [`TAIL_FACTOR`] times the base. Because the probability
//! never moves faster than its rate, the climb from chance to 90% lasts at least
//! (0.9 − start) / rate seconds (about 17 s for cat-sat at the default speed), whatever the curve.
//! When the playhead reaches a milestone, [`Pacer`] stops it there for the reading time of the
//! milestone's sentence and of the phase sentence it brings ([`reading_secs`]: 200 words a minute,
//! at least [`MIN_HOLD_SECS`]), then lets it go on. Milestones a few epochs apart share one hold.

use super::claims::Sentence;
use super::narration::{Milestone, PhaseParams, find_milestones, narrate};
use super::summary::{LessonInfo, LessonSummary};

/// Words a visitor reads per minute (the reading-time rule).
pub const WORDS_PER_MINUTE: f32 = 200.0;
/// The shortest hold at a milestone, and the longest.
pub const MIN_HOLD_SECS: f32 = 3.0;
pub const MAX_HOLD_SECS: f32 = 10.0;
/// At the default speed: the most the featured probability may change per second.
pub const PROB_PER_SEC: f32 = 0.045;
/// At the default speed: the most the loss may fall per second, as a share of its start.
pub const LOSS_PER_SEC: f32 = 0.06;
/// The default base speed the rates above are given for.
pub const DEFAULT_SPEED: f32 = 10.0;
/// The slowest and fastest playback relative to the base speed.
pub const SLOWEST_FACTOR: f32 = 0.1;
pub const TAIL_FACTOR: f32 = 6.0;
/// Epochs ahead the slope is measured over.
const LOOKAHEAD_EPOCHS: f32 = 4.0;
/// Milestones this many epochs apart share one hold.
const SHARED_HOLD_EPOCHS: u32 = 3;

/// Seconds to read `text` at [`WORDS_PER_MINUTE`].
pub fn reading_secs(text: &str) -> f32 {
    text.split_whitespace().count() as f32 / WORDS_PER_MINUTE * 60.0
}

/// Seconds to read `sentences`.
pub fn reading_secs_of<'a>(sentences: impl IntoIterator<Item = &'a Sentence>) -> f32 {
    sentences.into_iter().map(|s| reading_secs(&s.text)).sum()
}

/// A value of `history` ((epoch, value), epochs ascending) at a fractional epoch, linearly
/// between recorded epochs; the last value after the end.
fn value_at(history: &[(u32, f32)], epoch: f32) -> Option<f32> {
    let after = history.partition_point(|(e, _)| (*e as f32) <= epoch);
    match (after.checked_sub(1).map(|i| history[i]), history.get(after)) {
        (Some((e0, v0)), Some(&(e1, v1))) => {
            let t = (epoch - e0 as f32) / (e1 - e0).max(1) as f32;
            Some(v0 + (v1 - v0) * t)
        }
        (Some((_, v)), None) => Some(v),
        (None, Some(&(_, v))) => Some(v),
        (None, None) => None,
    }
}

/// The playback speed at `playhead` for a base speed of `base` epochs per second.
pub fn eased_speed(summary: &LessonSummary, playhead: f32, base: f32) -> f32 {
    let scale = base / DEFAULT_SPEED;
    let (lo, hi) = (base * SLOWEST_FACTOR, base * TAIL_FACTOR);
    let ahead = playhead + LOOKAHEAD_EPOCHS;
    let slope = |history: &[(u32, f32)]| -> f32 {
        match (value_at(history, playhead), value_at(history, ahead)) {
            (Some(a), Some(b)) if a.is_finite() && b.is_finite() => {
                (b - a).abs() / LOOKAHEAD_EPOCHS
            }
            _ => 0.0,
        }
    };
    let l0 = summary
        .loss_history
        .first()
        .map(|h| h.1)
        .filter(|l| l.is_finite() && *l > 0.0)
        .unwrap_or(1.0);
    let dp = slope(&summary.featured_history);
    let dl = slope(&summary.loss_history) / l0;
    let mut speed = hi;
    if dp > 0.0 {
        speed = speed.min(PROB_PER_SEC * scale / dp);
    }
    if dl > 0.0 {
        speed = speed.min(LOSS_PER_SEC * scale / dl);
    }
    speed.clamp(lo, hi)
}

/// A stop at a milestone.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hold {
    pub epoch: u32,
    pub secs_left: f32,
}

/// Stops playback at milestones for their reading time (see the module docs).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pacer {
    /// The hold in progress.
    pub hold: Option<Hold>,
    /// The newest epoch whose milestones have been held (none are held twice).
    held_through: Option<u32>,
}

impl Pacer {
    /// Forgets the holds (a new lesson, a reset, a seek backwards).
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// Whether playback stands at a milestone now.
    pub fn holding(&self) -> bool {
        self.hold.is_some()
    }

    /// Counts down a hold by `dt` seconds; true while it lasts.
    pub fn wait(&mut self, dt: f32) -> bool {
        if let Some(hold) = &mut self.hold {
            hold.secs_left -= dt;
            if hold.secs_left > 0.0 {
                return true;
            }
            self.hold = None;
        }
        false
    }

    /// Moving the playhead from `from` to `to`: the milestone epoch it must stop at, if one lies
    /// in between that has not been held; starts the hold (its length from the narration the
    /// milestone brings).
    pub fn stop_between(
        &mut self,
        from: f32,
        to: f32,
        summary: &LessonSummary,
        info: &LessonInfo,
        selected: u32,
    ) -> Option<u32> {
        let milestones = find_milestones(summary, info, &PhaseParams::default());
        let first = milestones.iter().find(|m| {
            let e = m.epoch as f32;
            e > from && e <= to && self.held_through.is_none_or(|h| m.epoch > h)
        })?;
        let group: Vec<&Milestone> = milestones
            .iter()
            .filter(|m| m.epoch >= first.epoch && m.epoch <= first.epoch + SHARED_HOLD_EPOCHS)
            .collect();
        let last = group.iter().map(|m| m.epoch).max().unwrap_or(first.epoch);
        let secs = hold_secs(summary, info, selected, last);
        self.held_through = Some(last);
        self.hold = Some(Hold {
            epoch: last,
            secs_left: secs,
        });
        Some(last)
    }
}

/// How long to stand at the milestone(s) of `epoch`: the reading time of the milestone's
/// sentence and of the phase sentence shown there.
fn hold_secs(summary: &LessonSummary, info: &LessonInfo, selected: u32, epoch: u32) -> f32 {
    let mut at = summary.clone();
    at.playhead = epoch as f32;
    at.shown_epoch = epoch;
    let n = narrate(&at, info, &PhaseParams::default(), selected);
    let secs = reading_secs_of(n.body.iter().chain(n.milestone.iter().map(|(_, s)| s)));
    secs.clamp(MIN_HOLD_SECS, MAX_HOLD_SECS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_is_two_hundred_words_a_minute() {
        assert_eq!(reading_secs(""), 0.0);
        let fifty = "word ".repeat(50);
        assert!((reading_secs(&fifty) - 15.0).abs() < 1e-4);
    }

    #[test]
    fn values_interpolate_between_recorded_epochs() {
        let h = [(0, 0.0), (4, 1.0), (8, 1.0)];
        assert_eq!(value_at(&h, 2.0), Some(0.5));
        assert_eq!(value_at(&h, 99.0), Some(1.0));
        assert_eq!(value_at(&h, -1.0), Some(0.0));
        assert_eq!(value_at(&[], 1.0), None);
    }

    #[test]
    fn a_steep_climb_is_slow_and_a_flat_tail_fast() {
        let summary = LessonSummary {
            featured_history: (0..=100).map(|e| (e, (e as f32 * 0.02).min(1.0))).collect(),
            loss_history: (0..=100).map(|e| (e, 1.0)).collect(),
            ..LessonSummary::default()
        };
        // 0.02 per epoch: at most 0.045 per second gives 2.25 epochs per second.
        let climbing = eased_speed(&summary, 10.0, DEFAULT_SPEED);
        assert!((climbing - 2.25).abs() < 1e-3, "{climbing}");
        let flat = eased_speed(&summary, 80.0, DEFAULT_SPEED);
        assert_eq!(flat, DEFAULT_SPEED * TAIL_FACTOR);
        // Twice the base, twice as fast.
        let double = eased_speed(&summary, 10.0, 2.0 * DEFAULT_SPEED);
        assert!((double - 4.5).abs() < 1e-3, "{double}");
    }
}
