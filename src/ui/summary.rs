//! What the overlay reads: static facts about the lesson ([`LessonInfo`]) and a small per-frame
//! summary of training ([`LessonSummary`]).
//!
//! How it works: [`LessonInfo`] is built once per lesson from the [`Lesson`] and its [`Corpus`]
//! (names, shapes, the parameter count, the optimizer) and picks the *featured pair* the
//! narration talks about. [`LessonSummary`] holds the few numbers the overlay needs at the
//! playhead, plus the loss and the featured probability at every recorded epoch (at most the
//! history capacity, a few KB) for phases and milestones. It is built from a blocking
//! [`HistoryReadout`] ([`LessonSummary::from_readout`]), from CPU reference records
//! ([`LessonSummary::from_records`]) or from any slices ([`LessonSummary::from_slots`]). Values at
//! a fractional playhead come from the newest recorded epoch at or before it.

use crate::engine::history::EpochSlots;
use crate::engine::live::LiveReadout;
use crate::engine::{HistoryReadout, default_recorded_pairs};
use crate::lesson::{Corpus, Lesson, Localized, OptimizerKind, Pair};
use crate::model::{Dims, EpochRecord};

/// Static description of the lesson being shown.
#[derive(Clone, Debug, PartialEq)]
pub struct LessonInfo {
    pub id: String,
    pub title: Localized,
    pub description: Localized,
    /// The lesson's sentences (the task step quotes one or two).
    pub sentences: Vec<String>,
    pub vocab: Vec<String>,
    /// Every training pair.
    pub pairs: Vec<Pair>,
    /// The pairs whose probabilities are recorded, in recording order.
    pub recorded: Vec<Pair>,
    pub context: usize,
    pub embed_dim: usize,
    pub hidden: usize,
    pub param_count: usize,
    pub activation: crate::lesson::Activation,
    pub optimizer: OptimizerKind,
    /// One learning rate per run.
    pub lrs: Vec<f64>,
    pub total_epochs: u32,
    /// Index into `recorded` of the pair the narration follows.
    pub featured_pair: u32,
}

impl LessonInfo {
    /// The lesson over `corpus`, recording the pairs the engine records by default.
    pub fn from_lesson(lesson: &Lesson, corpus: &Corpus) -> Self {
        let dims = Dims::from_spec(corpus.vocab.len(), &lesson.model);
        Self::new(
            lesson,
            corpus,
            &default_recorded_pairs(&dims, corpus.pairs.len()),
        )
    }

    /// The lesson over `corpus` with the given recorded pair indices.
    pub fn new(lesson: &Lesson, corpus: &Corpus, recorded_pairs: &[u32]) -> Self {
        let dims = Dims::from_spec(corpus.vocab.len(), &lesson.model);
        let recorded: Vec<Pair> = recorded_pairs
            .iter()
            .filter_map(|&i| corpus.pairs.get(i as usize).cloned())
            .collect();
        let featured_pair = featured_pair(&corpus.pairs, &recorded);
        Self {
            id: lesson.id.clone(),
            title: lesson.title.clone(),
            description: lesson.description.clone(),
            sentences: lesson.sentences.clone(),
            vocab: corpus.vocab.clone(),
            pairs: corpus.pairs.clone(),
            recorded,
            context: corpus.context,
            embed_dim: dims.embed_dim,
            hidden: dims.hidden,
            param_count: dims.param_count(),
            activation: lesson.model.activation,
            optimizer: lesson.optimizer,
            lrs: lesson.lr_per_run(),
            total_epochs: lesson.epochs,
            featured_pair,
        }
    }

    /// The model's sizes.
    pub fn dims(&self) -> Dims {
        Dims {
            vocab: self.vocab.len(),
            embed_dim: self.embed_dim,
            hidden: self.hidden,
            context: self.context,
        }
    }

    pub fn word(&self, id: u32) -> &str {
        self.vocab.get(id as usize).map_or("?", String::as_str)
    }

    /// The context words of recorded pair `pair`, joined by spaces ("the cat").
    pub fn context_text(&self, pair: u32) -> String {
        self.recorded
            .get(pair as usize)
            .map(|p| {
                p.context
                    .iter()
                    .map(|&w| self.word(w))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default()
    }

    /// The target word of recorded pair `pair`.
    pub fn target_word(&self, pair: u32) -> &str {
        self.recorded
            .get(pair as usize)
            .map_or("?", |p| self.word(p.target))
    }

    /// The best possible probability of every word after recorded pair `pair`'s context: the
    /// share of training pairs with that context that continue with the word.
    pub fn ideal_probs(&self, pair: u32) -> Vec<f32> {
        let mut probs = vec![0.0; self.vocab.len()];
        if let Some(selected) = self.recorded.get(pair as usize) {
            ideal_into(&self.pairs, &selected.context, &mut probs);
        }
        probs
    }

    /// The featured pair's best possible probability of its own target.
    pub fn featured_ideal(&self) -> f32 {
        let ideal = self.ideal_probs(self.featured_pair);
        self.recorded
            .get(self.featured_pair as usize)
            .and_then(|p| ideal.get(p.target as usize).copied())
            .unwrap_or(1.0)
    }
}

fn ideal_into(pairs: &[Pair], context: &[u32], probs: &mut [f32]) {
    let same: Vec<&Pair> = pairs.iter().filter(|p| p.context == context).collect();
    for p in &same {
        if let Some(x) = probs.get_mut(p.target as usize) {
            *x += 1.0 / same.len() as f32;
        }
    }
}

/// The first recorded pair whose context is always followed by the same word (so the network
/// can become sure of it); the first recorded pair when there is none.
pub fn featured_pair(pairs: &[Pair], recorded: &[Pair]) -> u32 {
    recorded
        .iter()
        .position(|r| {
            pairs
                .iter()
                .filter(|p| p.context == r.context)
                .all(|p| p.target == r.target)
        })
        .unwrap_or(0) as u32
}

/// One run's numbers at the playhead (several runs: the learning-rate lesson's ghosts).
#[derive(Clone, Debug, PartialEq)]
pub struct RunStatus {
    pub lr: f64,
    pub loss: f32,
    pub diverged_at: Option<u32>,
}

/// The per-frame numbers the overlay shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LessonSummary {
    /// Newest epoch trained.
    pub trained_epoch: u32,
    /// The epoch shown (fractional while playing).
    pub playhead: f32,
    /// The run shown.
    pub run: u32,
    /// The recorded epochs the histories below cover.
    pub slots: EpochSlots,
    /// (epoch, loss) of the shown run at every recorded epoch, oldest first.
    pub loss_history: Vec<(u32, f32)>,
    /// (epoch, P(target | context)) of the featured pair at every recorded epoch.
    pub featured_history: Vec<(u32, f32)>,
    /// Whether the featured pair's target was the single most likely word, per recorded epoch.
    pub featured_top: Vec<bool>,
    /// The recorded epoch shown (the newest at or before the playhead).
    pub shown_epoch: u32,
    pub loss_at_playhead: f32,
    /// Per recorded pair, P(word | context) for every word, at the shown epoch.
    pub probs_at_playhead: Vec<Vec<f32>>,
    /// Per recorded pair, the hidden activations at the shown epoch.
    pub hidden_at_playhead: Vec<Vec<f32>>,
    /// The V x D embedding table at the shown epoch, row-major (shared with the scene's frame).
    pub embedding_at_playhead: std::sync::Arc<[f32]>,
    /// Every parameter at the shown epoch (the math card computes with them).
    pub params_at_playhead: std::sync::Arc<[f32]>,
    /// Every run at the shown epoch.
    pub runs: Vec<RunStatus>,
    /// The first epoch whose loss was not finite, for the shown run.
    pub diverged: Option<u32>,
}

/// Everything recorded about one run, for [`LessonSummary::from_slots`]: the loss and the
/// featured pair's probabilities at every slot, the rest at the slot shown.
pub struct SlotData<'a> {
    /// Which epochs the slots hold.
    pub slots: EpochSlots,
    /// The slot shown (every number at the playhead comes from it).
    pub shown: u32,
    pub loss: &'a dyn Fn(usize) -> f32,
    /// The featured pair's P(word | context) for every word, at a slot.
    pub featured: &'a dyn Fn(usize) -> Vec<f32>,
    /// P(word | recorded pair) at (slot, pair).
    pub probs: &'a dyn Fn(usize, usize) -> Vec<f32>,
    pub hidden: &'a dyn Fn(usize, usize) -> Vec<f32>,
    /// Every parameter at a slot (MODEL.md's order, the embedding first).
    pub params: &'a dyn Fn(usize) -> Vec<f32>,
}

impl LessonSummary {
    /// From any per-slot source; `runs` and `diverged` describe every run / the shown run.
    pub fn from_slots(
        info: &LessonInfo,
        data: &SlotData<'_>,
        run: u32,
        playhead: f32,
        runs: Vec<RunStatus>,
        diverged: Option<u32>,
    ) -> Self {
        let n = data.slots.filled as usize;
        let epochs: Vec<u32> = (0..data.slots.filled)
            .map(|s| data.slots.epoch_of(s))
            .collect();
        if n == 0 {
            return Self {
                playhead,
                run,
                runs,
                diverged,
                ..Self::default()
            };
        }
        let featured = info.featured_pair as usize;
        let target = info.recorded.get(featured).map_or(0, |p| p.target as usize);
        let loss_history = (0..n).map(|s| (epochs[s], (data.loss)(s))).collect();
        let featured_probs: Vec<Vec<f32>> = (0..n).map(|s| (data.featured)(s)).collect();
        let featured_history = featured_probs
            .iter()
            .zip(&epochs)
            .map(|(probs, &e)| (e, probs.get(target).copied().unwrap_or(0.0)))
            .collect();
        let featured_top = featured_probs
            .iter()
            .map(|probs| is_single_top(probs, target))
            .collect();
        let at = (data.shown as usize).min(n - 1);
        let pairs = info.recorded.len();
        let params = (data.params)(at);
        Self {
            trained_epoch: epochs[n - 1],
            playhead,
            run,
            loss_history,
            featured_history,
            featured_top,
            slots: data.slots,
            shown_epoch: epochs[at],
            loss_at_playhead: (data.loss)(at),
            probs_at_playhead: (0..pairs).map(|p| (data.probs)(at, p)).collect(),
            hidden_at_playhead: (0..pairs).map(|p| (data.hidden)(at, p)).collect(),
            embedding_at_playhead: params
                .get(..info.vocab.len() * info.embed_dim)
                .unwrap_or(&[])
                .into(),
            params_at_playhead: params.into(),
            runs,
            diverged,
        }
    }

    /// From a blocking readback of the engine's history, showing `run` at `playhead`.
    pub fn from_readout(
        readout: &HistoryReadout,
        info: &LessonInfo,
        run: u32,
        playhead: f32,
    ) -> Self {
        let slots = readout.layout.epochs();
        let slot = |s: usize| s as u32;
        let at = slots.slot_at_or_before(playhead);
        let runs = (0..readout.layout.runs)
            .map(|r| RunStatus {
                lr: info.lrs.get(r as usize).copied().unwrap_or(0.0),
                loss: if slots.filled == 0 {
                    f32::NAN
                } else {
                    readout.loss(r, at)
                },
                diverged_at: readout.diverged_at.get(r as usize).copied().flatten(),
            })
            .collect();
        let featured = info.featured_pair;
        let data = SlotData {
            slots,
            shown: at,
            loss: &|s| readout.loss(run, slot(s)),
            featured: &|s| readout.probs(run, slot(s), featured).to_vec(),
            probs: &|s, p| readout.probs(run, slot(s), p as u32).to_vec(),
            hidden: &|s, p| readout.hidden(run, slot(s), p as u32).to_vec(),
            params: &|s| readout.params(run, slot(s)).to_vec(),
        };
        let diverged = readout.diverged_at.get(run as usize).copied().flatten();
        Self::from_slots(info, &data, run, playhead, runs, diverged)
    }

    /// From the window's non-blocking readback ([`LiveReadout`]), showing its run at `playhead`
    /// (at the newest recorded epoch at or before it that the readout holds in full).
    pub fn from_live(readout: &LiveReadout, info: &LessonInfo, playhead: f32) -> Self {
        let slots = readout.layout.epochs();
        let run = readout.request.as_ref().map_or(0, |r| r.run);
        let at = readout.shown_slot(playhead);
        let slot = |s: usize| s as u32;
        let runs = (0..readout.layout.runs)
            .map(|r| RunStatus {
                lr: info.lrs.get(r as usize).copied().unwrap_or(0.0),
                loss: readout.loss(r, at),
                diverged_at: readout.diverged_at.get(r as usize).copied().flatten(),
            })
            .collect();
        let data = SlotData {
            slots,
            shown: at,
            loss: &|s| readout.loss(run, slot(s)),
            featured: &|s| readout.featured_probs(slot(s)).to_vec(),
            probs: &|s, p| readout.probs(slot(s), p as u32).to_vec(),
            hidden: &|s, p| readout.hidden(slot(s), p as u32).to_vec(),
            params: &|s| readout.params(slot(s)).to_vec(),
        };
        let diverged = readout.diverged_at.get(run as usize).copied().flatten();
        Self::from_slots(info, &data, run, playhead, runs, diverged)
    }

    /// From CPU reference records of one run (every epoch recorded), showing `playhead`.
    pub fn from_records(info: &LessonInfo, records: &[EpochRecord], playhead: f32) -> Self {
        let slots = EpochSlots {
            first: records.first().map_or(0, |r| r.epoch),
            stride: 1,
            filled: records.len() as u32,
        };
        let featured = info.featured_pair as usize;
        let data = SlotData {
            slots,
            shown: slots.slot_at_or_before(playhead),
            loss: &|s| records[s].loss as f32,
            featured: &|s| widen_row(records[s].probs.get(featured)),
            probs: &|s, p| widen_row(records[s].probs.get(p)),
            hidden: &|s, p| widen_row(records[s].hidden.get(p)),
            params: &|s| records[s].params.iter().map(|&x| x as f32).collect(),
        };
        let diverged = records
            .iter()
            .find(|r| !r.loss.is_finite())
            .map(|r| r.epoch);
        let at = slots.slot_at_or_before(playhead) as usize;
        let runs = vec![RunStatus {
            lr: info.lrs.first().copied().unwrap_or(0.0),
            loss: records.get(at).map_or(f32::NAN, |r| r.loss as f32),
            diverged_at: diverged,
        }];
        Self::from_slots(info, &data, 0, playhead, runs, diverged)
    }

    /// P(word | context) of the featured pair's target at the shown epoch.
    pub fn featured_prob(&self, info: &LessonInfo) -> Option<f32> {
        let pair = info.recorded.get(info.featured_pair as usize)?;
        self.probs_at_playhead
            .get(info.featured_pair as usize)?
            .get(pair.target as usize)
            .copied()
    }

    /// Whether anything has been recorded yet.
    pub fn is_empty(&self) -> bool {
        self.loss_history.is_empty()
    }
}

/// Whether `probs[word]` is larger than every other entry.
fn is_single_top(probs: &[f32], word: usize) -> bool {
    let Some(&p) = probs.get(word) else {
        return false;
    };
    probs.iter().enumerate().all(|(w, &q)| w == word || q < p)
}

fn widen_row(row: Option<&Vec<f64>>) -> Vec<f32> {
    row.map(|r| r.iter().map(|&x| x as f32).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::load_builtin;

    #[test]
    fn cat_sat_features_cat_to_sat() {
        let lesson = load_builtin("cat-sat").unwrap();
        let info = LessonInfo::from_lesson(&lesson, &lesson.corpus().unwrap());
        assert_eq!(info.param_count, 101);
        assert_eq!(info.context_text(info.featured_pair), "cat");
        assert_eq!(info.target_word(info.featured_pair), "sat");
        assert_eq!(info.featured_ideal(), 1.0);
        // "the" is followed by "cat" and "mat" once each.
        assert_eq!(info.ideal_probs(0), vec![0.0, 0.5, 0.0, 0.0, 0.5]);
    }
}
