//! "What's happening now?": the training phase, the milestones and the narration text, all read
//! from the recorded loss and probabilities (nothing on screen is a hard-coded number).
//!
//! How it works: [`detect_phases`] walks the loss history once, oldest first. With `L0` the
//! first loss, it looks back one window (`window_epochs`) from each epoch and measures how much
//! the loss fell over that window, as a share of `L0`:
//! - *Guessing* until the best loss so far is `guess_drop` below `L0`;
//! - *Converged* once the loss moved less than `converged_change` of `L0` over a whole window;
//! - *Converging* once the fall per window is below `slow_fraction` of the fastest fall so far;
//! - *Learning* otherwise; *Diverged* from the first non-finite loss on.
//!
//! Phases only move forward, except that a converged run that later falls a further
//! `guess_drop` of `L0` goes back to learning (it had only paused on a plateau). Everything is
//! causal: the phase at an epoch depends on earlier epochs only, so scrubbing back replays
//! exactly what the narration said live. [`find_milestones`] marks when learning took off, when
//! the featured pair's probability first passed 50%, 90% and 99% (those the text allows) and
//! when training converged or diverged. [`narrate`] turns it all into sentences from
//! [`super::strings`].

use super::strings::{fill, loss, percent, rate, strings};
use super::summary::{LessonInfo, LessonSummary, slot_at};

/// Where training stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TrainingPhase {
    Guessing,
    Learning,
    Converging,
    Converged,
    Diverged,
}

impl TrainingPhase {
    /// The phase's name in the active language.
    pub fn name(self) -> &'static str {
        strings().phase_names[self as usize]
    }
}

/// The thresholds of [`detect_phases`] (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PhaseParams {
    pub window_epochs: u32,
    pub guess_drop: f32,
    pub slow_fraction: f32,
    pub converged_change: f32,
}

impl Default for PhaseParams {
    fn default() -> Self {
        Self {
            window_epochs: 20,
            guess_drop: 0.05,
            slow_fraction: 0.25,
            converged_change: 0.005,
        }
    }
}

/// The phase at every entry of `history` ((epoch, loss), epochs ascending).
pub fn detect_phases(
    history: &[(u32, f32)],
    diverged_at: Option<u32>,
    params: &PhaseParams,
) -> Vec<TrainingPhase> {
    use TrainingPhase::*;
    let mut phases = Vec::with_capacity(history.len());
    let Some(&(_, l0)) = history.first() else {
        return phases;
    };
    let scale = if l0.is_finite() && l0 > 0.0 { l0 } else { 1.0 };
    let w = params.window_epochs.max(1);
    let mut best = f32::INFINITY;
    let mut peak_rate = 0.0f32;
    let mut converged_loss = f32::NAN;
    let mut current = Guessing;
    let mut back = 0; // index of the newest entry at least one window before `i`
    for (i, &(epoch, l)) in history.iter().enumerate() {
        if current == Diverged || !l.is_finite() || diverged_at.is_some_and(|d| epoch >= d) {
            current = Diverged;
            phases.push(current);
            continue;
        }
        best = best.min(l);
        while back + 1 < i && history[back + 1].0 + w <= epoch {
            back += 1;
        }
        let (e0, lw) = history[back];
        let full_window = epoch >= e0 + w;
        let span = epoch.saturating_sub(e0).max(1) as f32;
        let fall = (lw - l) / scale * (w as f32 / span);
        if full_window {
            peak_rate = peak_rate.max(fall);
        }
        let raw = if (l0 - best) / scale < params.guess_drop {
            Guessing
        } else if full_window && ((lw - l) / scale).abs() < params.converged_change {
            Converged
        } else if full_window && fall < params.slow_fraction * peak_rate {
            Converging
        } else {
            Learning
        };
        if current == Converged
            && raw != Converged
            && (converged_loss - l) / scale > params.guess_drop
        {
            current = raw.min(Converging);
        } else if raw > current {
            current = raw;
            if raw == Converged {
                converged_loss = l;
            }
        }
        phases.push(current);
    }
    phases
}

/// What a milestone marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MilestoneKind {
    /// Training left the guessing phase.
    LearningStarted,
    /// The featured pair's probability first reached this many percent.
    Passed(u8),
    Converged,
    Diverged,
}

/// A moment worth marking on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Milestone {
    pub epoch: u32,
    pub kind: MilestoneKind,
}

/// Probability thresholds marked for the featured pair, in percent.
pub const PROBABILITY_MILESTONES: [u8; 3] = [50, 90, 99];

/// The milestones of a summary's whole history, sorted by epoch.
pub fn find_milestones(
    summary: &LessonSummary,
    info: &LessonInfo,
    params: &PhaseParams,
) -> Vec<Milestone> {
    let phases = detect_phases(&summary.loss_history, summary.diverged, params);
    let mut out = Vec::new();
    let mut previous = TrainingPhase::Guessing;
    for (&(epoch, _), &phase) in summary.loss_history.iter().zip(&phases) {
        if phase != previous {
            let kind = match phase {
                TrainingPhase::Converged => Some(MilestoneKind::Converged),
                TrainingPhase::Diverged => Some(MilestoneKind::Diverged),
                _ if previous == TrainingPhase::Guessing => Some(MilestoneKind::LearningStarted),
                _ => None,
            };
            if let Some(kind) = kind {
                // A run that starts learning again after converging is converged only later.
                out.retain(|m: &Milestone| m.kind != kind || kind != MilestoneKind::Converged);
                out.push(Milestone { epoch, kind });
            }
        }
        previous = phase;
    }
    if let Some(d) = summary.diverged
        && !out.iter().any(|m| m.kind == MilestoneKind::Diverged)
        && summary.trained_epoch >= d
    {
        out.push(Milestone {
            epoch: d,
            kind: MilestoneKind::Diverged,
        });
    }
    let ideal = info.featured_ideal();
    for pct in PROBABILITY_MILESTONES {
        let t = f32::from(pct) / 100.0;
        if ideal + 1e-6 < t + 0.005 {
            continue;
        }
        if let Some(&(epoch, _)) = summary.featured_history.iter().find(|(_, p)| *p >= t) {
            out.push(Milestone {
                epoch,
                kind: MilestoneKind::Passed(pct),
            });
        }
    }
    out.sort_by_key(|m| m.epoch);
    out
}

/// "P(sat | cat)" for the featured pair.
pub fn featured_label(info: &LessonInfo) -> String {
    fill(
        strings().prob_label,
        &[
            ("target", info.target_word(info.featured_pair)),
            ("context", &info.context_text(info.featured_pair)),
        ],
    )
}

/// A milestone as one sentence.
pub fn milestone_text(m: &Milestone, info: &LessonInfo) -> String {
    let s = strings();
    let epoch = m.epoch.to_string();
    match m.kind {
        MilestoneKind::Passed(pct) => fill(
            s.milestone_passed,
            &[
                ("prob", &featured_label(info)),
                ("pct", &format!("{pct}%")),
                ("epoch", &epoch),
            ],
        ),
        MilestoneKind::Converged => fill(s.milestone_converged, &[("epoch", &epoch)]),
        MilestoneKind::Diverged => fill(s.milestone_diverged, &[("epoch", &epoch)]),
        MilestoneKind::LearningStarted => fill(s.milestone_learning, &[("epoch", &epoch)]),
    }
}

/// The phase at the summary's playhead.
pub fn phase_at_playhead(summary: &LessonSummary, params: &PhaseParams) -> TrainingPhase {
    let phases = detect_phases(&summary.loss_history, summary.diverged, params);
    let epochs: Vec<u32> = summary.loss_history.iter().map(|h| h.0).collect();
    phases
        .get(slot_at(&epochs, summary.playhead))
        .copied()
        .unwrap_or(TrainingPhase::Guessing)
}

/// The narration card's content.
#[derive(Clone, Debug, PartialEq)]
pub struct Narration {
    pub phase: TrainingPhase,
    /// One or two sentences about the phase.
    pub body: String,
    /// The live number, e.g. "P(sat | cat) is 43% at epoch 18".
    pub live: String,
    /// Further lines: an ambiguous context's split, the best run.
    pub extra: Vec<String>,
    /// The newest milestone at or before the playhead, as a sentence.
    pub last_milestone: Option<String>,
}

/// The narration at the summary's playhead.
pub fn narrate(summary: &LessonSummary, info: &LessonInfo, params: &PhaseParams) -> Narration {
    let s = strings();
    let phase = phase_at_playhead(summary, params);
    let milestones = find_milestones(summary, info, params);
    let shown = summary.shown_epoch;
    let reached = |kind: MilestoneKind| {
        milestones
            .iter()
            .rev()
            .find(|m| m.kind == kind && m.epoch <= shown)
            .map(|m| m.epoch)
    };
    let l0 = summary.loss_history.first().map_or(f32::NAN, |h| h.1);
    let body = match phase {
        TrainingPhase::Guessing => fill(
            s.narr_guessing,
            &[
                ("vocab", &info.vocab.len().to_string()),
                ("p", &percent(1.0 / info.vocab.len().max(1) as f32)),
            ],
        ),
        TrainingPhase::Learning => fill(
            s.narr_learning,
            &[("from", &loss(l0)), ("to", &loss(summary.loss_at_playhead))],
        ),
        TrainingPhase::Converging => fill(
            s.narr_converging,
            &[("loss", &loss(summary.loss_at_playhead))],
        ),
        TrainingPhase::Converged => fill(
            s.narr_converged,
            &[
                (
                    "epoch",
                    &reached(MilestoneKind::Converged)
                        .unwrap_or(shown)
                        .to_string(),
                ),
                ("loss", &loss(summary.loss_at_playhead)),
            ],
        ),
        TrainingPhase::Diverged => fill(
            s.narr_diverged,
            &[("epoch", &summary.diverged.unwrap_or(shown).to_string())],
        ),
    };
    let live = summary
        .featured_prob(info)
        .map(|p| {
            fill(
                s.narr_live,
                &[
                    ("prob", &featured_label(info)),
                    ("p", &percent(p)),
                    ("epoch", &shown.to_string()),
                ],
            )
        })
        .unwrap_or_default();
    let mut extra = Vec::new();
    if phase >= TrainingPhase::Converging
        && phase != TrainingPhase::Diverged
        && let Some(line) = split_line(summary, info)
    {
        extra.push(line);
    }
    if summary.runs.len() > 1
        && let Some(best) = summary
            .runs
            .iter()
            .filter(|r| r.loss.is_finite() && r.diverged_at.is_none_or(|d| d > shown))
            .min_by(|a, b| a.loss.total_cmp(&b.loss))
    {
        extra.push(fill(
            s.narr_best_run,
            &[("run", &rate(best.lr)), ("loss", &loss(best.loss))],
        ));
    }
    let last_milestone = milestones
        .iter()
        .rev()
        .find(|m| m.epoch <= shown)
        .map(|m| milestone_text(m, info));
    Narration {
        phase,
        body,
        live,
        extra,
        last_milestone,
    }
}

/// For the first recorded context with two or more possible next words: its two most likely
/// words now.
fn split_line(summary: &LessonSummary, info: &LessonInfo) -> Option<String> {
    let pair = (0..info.recorded.len() as u32)
        .find(|&p| info.ideal_probs(p).iter().filter(|&&x| x > 0.0).count() >= 2)?;
    let probs = summary.probs_at_playhead.get(pair as usize)?;
    let mut order: Vec<usize> = (0..probs.len()).collect();
    order.sort_by(|&a, &b| probs[b].total_cmp(&probs[a]));
    let (a, b) = (*order.first()?, *order.get(1)?);
    Some(fill(
        strings().narr_split,
        &[
            ("context", &info.context_text(pair)),
            ("first", info.word(a as u32)),
            ("p1", &percent(probs[a])),
            ("second", info.word(b as u32)),
            ("p2", &percent(probs[b])),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use TrainingPhase::*;

    fn curve(f: impl Fn(u32) -> f32, n: u32) -> Vec<(u32, f32)> {
        (0..=n).map(|e| (e, f(e))).collect()
    }

    #[test]
    fn smooth_decay_goes_through_every_phase_in_order() {
        // Flat for 10 epochs, then exponential decay toward 0.3.
        let h = curve(
            |e| 0.3 + 1.3 * (-(e.saturating_sub(10) as f32) / 25.0).exp(),
            300,
        );
        let phases = detect_phases(&h, None, &PhaseParams::default());
        let mut seen = vec![phases[0]];
        for p in &phases {
            if seen.last() != Some(p) {
                seen.push(*p);
            }
        }
        assert_eq!(seen, vec![Guessing, Learning, Converging, Converged]);
    }

    #[test]
    fn a_flat_loss_is_guessing_and_nan_is_diverged() {
        let flat = curve(|_| 1.6, 100);
        let phases = detect_phases(&flat, None, &PhaseParams::default());
        assert!(phases.iter().all(|&p| p == Guessing));
        let mut blown = curve(|e| 1.6 - e as f32 * 0.01, 50);
        blown[30].1 = f32::NAN;
        let phases = detect_phases(&blown, None, &PhaseParams::default());
        assert_eq!(phases[29], Learning);
        assert!(phases[30..].iter().all(|&p| p == Diverged));
        let phases = detect_phases(&curve(|_| 1.0, 10), Some(4), &PhaseParams::default());
        assert_eq!(phases[3], Guessing);
        assert_eq!(phases[4], Diverged);
    }

    #[test]
    fn a_plateau_then_more_learning_reopens_learning() {
        let h = curve(
            |e| match e {
                0..=40 => 1.6 - 0.02 * e as f32,
                41..=100 => 0.8,
                _ => (0.8 - 0.01 * (e - 100) as f32).max(0.1),
            },
            200,
        );
        let phases = detect_phases(&h, None, &PhaseParams::default());
        assert_eq!(phases[90], Converged);
        assert!(phases[140] < Converged, "{:?}", phases[140]);
        assert_eq!(phases[200], Converged);
    }
}
