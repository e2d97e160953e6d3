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
//! the featured word first became the favourite of its context, when its probability first
//! passed 50%, 90% and 99% (those the text allows) and when training converged or diverged.
//! [`narrate`] turns it all into [`Sentence`]s with their [`Claim`]s, built from the summary's
//! numbers at the shown epoch and the facts of the text ([`crate::lesson::facts`]).

use super::claims::{Claim, Sentence};
use super::summary::{LessonInfo, LessonSummary};
use crate::i18n::format::{loss, percent, rate};
use crate::lesson::facts::Followers;
use crate::tr;

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
    pub fn name(self) -> String {
        tr!(match self {
            TrainingPhase::Guessing => "phase-guessing",
            TrainingPhase::Learning => "phase-learning",
            TrainingPhase::Converging => "phase-converging",
            TrainingPhase::Converged => "phase-converged",
            TrainingPhase::Diverged => "phase-diverged",
        })
    }

    /// The phase's id in data (`narrate` output): "guessing", "learning", ...
    pub fn id(self) -> &'static str {
        match self {
            TrainingPhase::Guessing => "guessing",
            TrainingPhase::Learning => "learning",
            TrainingPhase::Converging => "converging",
            TrainingPhase::Converged => "converged",
            TrainingPhase::Diverged => "diverged",
        }
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
    /// The featured pair's target first became the most likely word after its context.
    Favourite,
    /// The featured pair's probability first reached this many percent.
    Passed(u8),
    Converged,
    Diverged,
}

impl MilestoneKind {
    /// The kind's id in data: "learning", "favourite", "passed", "converged", "diverged".
    pub fn id(self) -> &'static str {
        match self {
            MilestoneKind::LearningStarted => "learning",
            MilestoneKind::Favourite => "favourite",
            MilestoneKind::Passed(_) => "passed",
            MilestoneKind::Converged => "converged",
            MilestoneKind::Diverged => "diverged",
        }
    }
}

/// A moment worth marking on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Milestone {
    /// The first recorded epoch where it shows.
    pub epoch: u32,
    pub kind: MilestoneKind,
    /// When the history no longer holds every epoch (it keeps every 2nd slot of a long run), the
    /// recorded epoch before `epoch`: a threshold was crossed after it, at `epoch` at the latest.
    pub after: Option<u32>,
    /// Likewise for a change of phase, which a coarse history only bounds from above: it
    /// happened by `epoch`.
    pub by: bool,
}

impl Milestone {
    pub fn claim(&self) -> Claim {
        Claim::Milestone {
            milestone: self.kind.id(),
            pct: match self.kind {
                MilestoneKind::Passed(p) => Some(p),
                _ => None,
            },
            epoch: self.epoch,
            after: self.after,
            by: self.by,
        }
    }
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
                out.push(Milestone {
                    epoch,
                    kind,
                    after: None,
                    by: false,
                });
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
            after: None,
            by: false,
        });
    }
    // The favourite: never at epoch 0 (the untrained network's favourite is chance).
    if let Some(&(epoch, _)) = summary
        .featured_history
        .iter()
        .zip(&summary.featured_top)
        .skip_while(|(_, top)| **top)
        .find(|(_, top)| **top)
        .map(|(h, _)| h)
    {
        out.push(Milestone {
            epoch,
            kind: MilestoneKind::Favourite,
            after: None,
            by: false,
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
                after: None,
                by: false,
            });
        }
    }
    out.sort_by_key(|m| m.epoch);
    // Between recorded epochs further apart than one, a moment is only known to lie in between.
    for m in &mut out {
        if m.kind != MilestoneKind::Diverged
            && let Some(before) = summary.slots.previous_before(m.epoch as f32)
            && m.epoch > before + 1
        {
            match m.kind {
                MilestoneKind::Passed(_) | MilestoneKind::Favourite => m.after = Some(before),
                _ => m.by = true,
            }
        }
    }
    out
}

/// "P(sat | cat)" for the featured pair.
pub fn featured_label(info: &LessonInfo) -> String {
    tr!(
        "prob-label",
        target = info.target_word(info.featured_pair),
        context = info.context_text(info.featured_pair)
    )
}

/// A milestone as one sentence.
pub fn milestone_text(m: &Milestone, info: &LessonInfo) -> String {
    let epoch = m.epoch;
    let featured = info.featured_pair;
    let after = after_arg(m.after, m.by);
    match m.kind {
        MilestoneKind::Passed(pct) => tr!(
            "milestone-passed",
            prob = featured_label(info),
            pct = percent(f32::from(pct) / 100.0),
            epoch = epoch,
            after = after
        ),
        MilestoneKind::Favourite => tr!(
            "milestone-favourite",
            epoch = epoch,
            after = after,
            target = info.target_word(featured),
            context = info.context_text(featured)
        ),
        MilestoneKind::Converged => tr!("milestone-converged", epoch = epoch, after = after),
        MilestoneKind::Diverged => tr!("milestone-diverged", epoch = epoch),
        MilestoneKind::LearningStarted => {
            tr!("milestone-learning", epoch = epoch, after = after)
        }
    }
}

/// The `$after` of a milestone message: the recorded epoch before it, "by" when only the latest
/// epoch is known, or "none" when it is exact.
fn after_arg(after: Option<u32>, by: bool) -> crate::i18n::Arg {
    match (after, by) {
        (Some(e), _) => crate::i18n::Arg::from(e),
        (None, true) => crate::i18n::Arg::from("by"),
        (None, false) => crate::i18n::Arg::from("none"),
    }
}

/// The phase at the summary's playhead.
pub fn phase_at_playhead(summary: &LessonSummary, params: &PhaseParams) -> TrainingPhase {
    let phases = detect_phases(&summary.loss_history, summary.diverged, params);
    phases
        .get(summary.slots.slot_at_or_before(summary.playhead) as usize)
        .copied()
        .unwrap_or(TrainingPhase::Guessing)
}

/// The narration card's content.
#[derive(Clone, Debug, PartialEq)]
pub struct Narration {
    pub phase: TrainingPhase,
    /// The live number, e.g. "P(sat | cat) is 43% at epoch 18".
    pub live: Option<Sentence>,
    /// What the phase means, in a sentence or two.
    pub body: Vec<Sentence>,
    /// Further lines: an ambiguous context's words, the best run.
    pub extra: Vec<Sentence>,
    /// The newest milestone at or before the shown epoch.
    pub milestone: Option<(Milestone, Sentence)>,
}

impl Narration {
    /// Every sentence, in reading order.
    pub fn sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.live
            .iter()
            .chain(&self.body)
            .chain(&self.extra)
            .chain(self.milestone.iter().map(|(_, s)| s))
    }
}

/// The narration at the summary's shown epoch. `selected` is the recorded pair the visitor
/// follows: when its context is followed by several words, the narration explains that one.
pub fn narrate(
    summary: &LessonSummary,
    info: &LessonInfo,
    params: &PhaseParams,
    selected: u32,
) -> Narration {
    let phase = phase_at_playhead(summary, params);
    let milestones = find_milestones(summary, info, params);
    let shown = summary.shown_epoch;
    let milestone = milestones
        .iter()
        .rev()
        .find(|m| m.epoch <= shown)
        .map(|m| (*m, Sentence::new(milestone_text(m, info), vec![m.claim()])));
    let converged_at = milestones
        .iter()
        .rev()
        .find(|m| m.kind == MilestoneKind::Converged && m.epoch <= shown)
        .map(|m| (m.epoch, m.after, m.by));
    let live = featured_probability(summary, info).map(|(claim, p)| {
        Sentence::new(
            tr!(
                "now-live",
                prob = featured_label(info),
                p = percent(p),
                epoch = shown
            ),
            vec![claim],
        )
    });
    let mut body = vec![phase_sentence(summary, info, phase, converged_at, params)];
    if phase == TrainingPhase::Converged {
        body.push(floor_sentence(summary, info));
    }
    let mut extra = Vec::new();
    if phase != TrainingPhase::Guessing
        && phase != TrainingPhase::Diverged
        && let Some(line) = split_sentence(summary, info, selected)
    {
        extra.push(line);
    }
    if let Some(line) = best_run_sentence(summary) {
        extra.push(line);
    }
    Narration {
        phase,
        live,
        body,
        extra,
        milestone,
    }
}

fn words_of(info: &LessonInfo, ids: &[u32]) -> Vec<String> {
    ids.iter().map(|&w| info.word(w).to_owned()).collect()
}

/// The featured pair's probability at the shown epoch, as a claim.
fn featured_probability(summary: &LessonSummary, info: &LessonInfo) -> Option<(Claim, f32)> {
    let pair = info.recorded.get(info.featured_pair as usize)?;
    let p = summary.featured_prob(info)?;
    let claim = Claim::Probability {
        context: words_of(info, &pair.context),
        word: info.word(pair.target).to_owned(),
        p,
        epoch: summary.shown_epoch,
    };
    Some((claim, p))
}

fn loss_claim(loss: f32, epoch: u32) -> Claim {
    Claim::Loss { loss, epoch }
}

fn phase_sentence(
    summary: &LessonSummary,
    info: &LessonInfo,
    phase: TrainingPhase,
    converged_at: Option<(u32, Option<u32>, bool)>,
    params: &PhaseParams,
) -> Sentence {
    let shown = summary.shown_epoch;
    let phase_claim = Claim::Phase {
        phase: phase.id(),
        epoch: shown,
    };
    let (l0, now) = (
        summary.loss_history.first().map_or(f32::NAN, |h| h.1),
        summary.loss_at_playhead,
    );
    match phase {
        TrainingPhase::Guessing => {
            let vocab = info.vocab.len().max(1);
            let uniform = 1.0 / vocab as f64;
            let mut claims = vec![phase_claim, Claim::Uniform { vocab, p: uniform }];
            let (target_p, target) = match featured_probability(summary, info) {
                Some((claim, p)) => {
                    claims.push(claim);
                    (p, info.target_word(info.featured_pair).to_owned())
                }
                None => (f32::NAN, String::new()),
            };
            Sentence::new(
                tr!(
                    "now-guessing",
                    target = target,
                    p = percent(target_p),
                    vocab = vocab,
                    uniform = percent(uniform as f32)
                ),
                claims,
            )
        }
        TrainingPhase::Learning => {
            let claims = vec![phase_claim, loss_claim(l0, 0), loss_claim(now, shown)];
            let id = if now < l0 {
                "now-learning"
            } else {
                "now-learning-up"
            };
            Sentence::new(tr!(id, from = loss(l0), to = loss(now)), claims)
        }
        TrainingPhase::Converging => {
            let earlier = loss_one_window_before(summary, params.window_epochs);
            let mut claims = vec![phase_claim, loss_claim(now, shown)];
            let id = match earlier {
                Some((epoch, l)) if l > now => {
                    claims.push(loss_claim(l, epoch));
                    "now-converging-falling"
                }
                _ => "now-converging-flat",
            };
            Sentence::new(tr!(id, loss = loss(now)), claims)
        }
        TrainingPhase::Converged => {
            let (since, after, by) = converged_at.unwrap_or((shown, None, false));
            let claims = vec![
                phase_claim,
                Claim::Milestone {
                    milestone: MilestoneKind::Converged.id(),
                    pct: None,
                    epoch: since,
                    after,
                    by,
                },
                loss_claim(now, shown),
            ];
            Sentence::new(
                tr!(
                    "now-converged",
                    epoch = since,
                    after = after_arg(after, by),
                    loss = loss(now)
                ),
                claims,
            )
        }
        TrainingPhase::Diverged => {
            let at = summary.diverged.unwrap_or(shown);
            Sentence::new(
                tr!("now-diverged", epoch = at),
                vec![
                    phase_claim,
                    Claim::Milestone {
                        milestone: MilestoneKind::Diverged.id(),
                        pct: None,
                        epoch: at,
                        after: None,
                        by: false,
                    },
                ],
            )
        }
    }
}

/// The recorded (epoch, loss) one phase window before the shown epoch, if training is that old.
fn loss_one_window_before(summary: &LessonSummary, window: u32) -> Option<(u32, f32)> {
    let target = summary.shown_epoch.checked_sub(window.max(1))?;
    summary
        .loss_history
        .iter()
        .rev()
        .find(|(e, _)| *e <= target)
        .copied()
}

/// How the loss compares with the lowest the text allows.
fn floor_sentence(summary: &LessonSummary, info: &LessonInfo) -> Sentence {
    let floor = crate::lesson::facts::loss_floor(&info.pairs);
    let now = summary.loss_at_playhead;
    let claims = vec![
        Claim::LossFloor { loss: floor },
        loss_claim(now, summary.shown_epoch),
    ];
    // Within a hundredth of the floor the network has learned all the text can teach.
    if f64::from(now) - floor < 0.01 && floor > 0.01 {
        Sentence::new(tr!("now-floor-reached"), claims)
    } else {
        Sentence::new(tr!("now-floor", floor = loss(floor as f32)), claims)
    }
}

/// Words shown by name in a list; the rest are counted ("and 4 more").
const LISTED_WORDS: usize = 5;

/// "dog 50%, ball 25%, cat 25%" (at most [`LISTED_WORDS`] names, then "and N more").
fn word_list(items: &[(String, f32)]) -> String {
    let named: Vec<String> = items
        .iter()
        .take(LISTED_WORDS)
        .map(|(w, p)| format!("{w} {}", percent(*p)))
        .collect();
    let words = named.join(", ");
    let more = items.len().saturating_sub(LISTED_WORDS);
    if more == 0 {
        words
    } else {
        tr!("now-split-more", words = words, more = more)
    }
}

/// The context the split sentence explains: the selected pair's when several words follow it,
/// else the first recorded pair's that has several.
fn split_context(info: &LessonInfo, selected: u32) -> Option<(u32, Followers)> {
    let followers = |p: u32| {
        let pair = info.recorded.get(p as usize)?;
        let f = Followers::of(&info.pairs, &pair.context);
        f.is_ambiguous().then_some((p, f))
    };
    followers(selected).or_else(|| (0..info.recorded.len() as u32).find_map(followers))
}

/// Every word that follows an ambiguous context, its true share, the best bet, and the
/// network's probabilities of those words now.
fn split_sentence(summary: &LessonSummary, info: &LessonInfo, selected: u32) -> Option<Sentence> {
    let (pair, followers) = split_context(info, selected)?;
    let context = words_of(info, &followers.context);
    let context_text = context.join(" ");
    let shares = followers.shares();
    let (best_word, best) = followers.best()?;
    let true_words: Vec<(String, f32)> = shares
        .iter()
        .map(|&(w, s)| (info.word(w).to_owned(), s as f32))
        .collect();
    let mut claims = vec![Claim::Split {
        context: context.clone(),
        words: shares
            .iter()
            .map(|&(w, s)| (info.word(w).to_owned(), s))
            .collect(),
        best,
    }];
    let mut text = tr!(
        "now-split",
        context = context_text.as_str(),
        count = shares.len(),
        words = word_list(&true_words),
        best = info.word(best_word),
        p = percent(best as f32)
    );
    if let Some(probs) = summary.probs_at_playhead.get(pair as usize) {
        let now: Vec<(String, f32)> = shares
            .iter()
            .map(|&(w, _)| {
                let p = probs.get(w as usize).copied().unwrap_or(f32::NAN);
                claims.push(Claim::Probability {
                    context: context.clone(),
                    word: info.word(w).to_owned(),
                    p,
                    epoch: summary.shown_epoch,
                });
                (info.word(w).to_owned(), p)
            })
            .collect();
        text.push(' ');
        text.push_str(&tr!("now-split-now", words = word_list(&now)));
    }
    Some(Sentence::new(text, claims))
}

/// With several runs, the one with the lowest loss at the shown epoch.
fn best_run_sentence(summary: &LessonSummary) -> Option<Sentence> {
    if summary.runs.len() < 2 {
        return None;
    }
    let shown = summary.shown_epoch;
    let best = summary
        .runs
        .iter()
        .filter(|r| r.loss.is_finite() && r.diverged_at.is_none_or(|d| d > shown))
        .min_by(|a, b| a.loss.total_cmp(&b.loss))?;
    Some(Sentence::new(
        tr!("now-best-run", lr = rate(best.lr), loss = loss(best.loss)),
        vec![Claim::BestRun {
            lr: best.lr,
            loss: best.loss,
            epoch: shown,
        }],
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
