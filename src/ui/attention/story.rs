//! What the attention views show, as plain numbers: the lesson's words and pairs, the recorded
//! epochs of the shown run (read back from the engine's history), the "without attention" ghost,
//! and the sentences the narration says about one pair at one recorded epoch.
//!
//! How it works: every number of a frame comes from one [`AttnSlot`] (one recorded epoch), picked
//! by the playhead ([`AttnStory::slot_at`]); the narration ([`narrate`]) only names what those
//! numbers and the text's own pair counts say, so it is true for any lesson and any typed text
//! (checked against the f64 reference in the tests).

use crate::engine::attention_history::AttnSlot;
use crate::i18n::format::{loss, percent};
use crate::model::attention::{AttnDims, AttnPair};
use crate::model::without_attention::{GHOST_CONTEXT, ShareTable};
use crate::tr;

/// The lesson and its recorded history, as the views read them.
#[derive(Clone, Debug, PartialEq)]
pub struct AttnStory {
    pub title: crate::lesson::Localized,
    pub vocab: Vec<String>,
    pub dims: AttnDims,
    pub pairs: Vec<AttnPair>,
    /// The shown run's recorded epochs, oldest first.
    pub slots: Vec<AttnSlot>,
    /// The context-2 MLP's loss at every epoch on the same text, when it was computed.
    pub ghost: Option<Vec<f64>>,
    /// Epochs the lesson plans.
    pub total_epochs: u32,
    /// What follows the last two words, and the last `window` words, in the text (counted once).
    shares: [ShareTable; 2],
}

impl AttnStory {
    /// The story of a lesson's words and pairs, before any epoch is recorded.
    pub fn new(
        title: crate::lesson::Localized,
        vocab: Vec<String>,
        dims: AttnDims,
        pairs: Vec<AttnPair>,
        ghost: Option<Vec<f64>>,
        total_epochs: u32,
    ) -> Self {
        let count = |k| ShareTable::new(pairs.iter().map(|p| (p.context.as_slice(), p.target)), k);
        let shares = [count(GHOST_CONTEXT), count(dims.window)];
        Self {
            title,
            vocab,
            dims,
            pairs,
            slots: Vec::new(),
            ghost,
            total_epochs,
            shares,
        }
    }

    pub fn word(&self, id: u32) -> &str {
        self.vocab.get(id as usize).map_or("?", String::as_str)
    }

    /// The newest recorded epoch at or before `playhead` (the first when none is).
    pub fn slot_at(&self, playhead: f32) -> Option<&AttnSlot> {
        let newest = self
            .slots
            .iter()
            .rposition(|s| s.epoch as f32 <= playhead + 1e-3)
            .unwrap_or(0);
        self.slots.get(newest)
    }

    /// The newest recorded epoch.
    pub fn last_epoch(&self) -> u32 {
        self.slots.last().map_or(0, |s| s.epoch)
    }

    /// The pair to show first: one whose next word two words of context cannot tell but the
    /// whole window can (the lesson's point), the one looking furthest back; else the last pair.
    pub fn featured_pair(&self) -> usize {
        let [two, window] = &self.shares;
        let mut best: Option<(usize, usize)> = None;
        for (j, pair) in self.pairs.iter().enumerate() {
            let (two_best, all_best) = (
                two.top_share(&pair.context),
                window.top_share(&pair.context),
            );
            if all_best > two_best + 1e-9 && best.is_none_or(|(_, len)| pair.context.len() > len) {
                best = Some((j, pair.context.len()));
            }
        }
        best.map_or(self.pairs.len().saturating_sub(1), |(j, _)| j)
    }

    /// The share of the text's pairs with `pair`'s context (its last `k` words) that continue
    /// with its target (a look-up for two words and the window, a count otherwise).
    pub fn best_share(&self, pair: usize, k: usize) -> f64 {
        let Some(p) = self.pairs.get(pair) else {
            return 0.0;
        };
        let [two, window] = &self.shares;
        match k {
            GHOST_CONTEXT => two.share(&p.context, p.target),
            k if k == self.dims.window => window.share(&p.context, p.target),
            k => ShareTable::new(self.plain_pairs(), k).share(&p.context, p.target),
        }
    }

    /// The pairs as (context, next word).
    fn plain_pairs(&self) -> impl Iterator<Item = (&[u32], u32)> + Clone {
        self.pairs.iter().map(|p| (p.context.as_slice(), p.target))
    }

    /// "the cat sat on the" for a pair's context.
    pub fn context_text(&self, pair: usize) -> String {
        self.pairs.get(pair).map_or(String::new(), |p| {
            p.context
                .iter()
                .map(|&w| self.word(w))
                .collect::<Vec<_>>()
                .join(" ")
        })
    }
}

/// The context word `pair` looks at most in `slot`: (position in the context, recency, weight).
pub fn most_attended(
    story: &AttnStory,
    slot: &AttnSlot,
    pair: usize,
) -> Option<(usize, usize, f32)> {
    let weights = slot.attention.get(pair)?;
    let (s, &a) = weights
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))?;
    let len = story.pairs.get(pair)?.context.len();
    Some((s, len - 1 - s, a))
}

/// The words with the highest probabilities for `pair` in `slot`, highest first.
pub fn top_words(slot: &AttnSlot, pair: usize, n: usize) -> Vec<(u32, f32)> {
    let Some(probs) = slot.probs.get(pair) else {
        return Vec::new();
    };
    let mut order: Vec<(u32, f32)> = probs
        .iter()
        .enumerate()
        .map(|(w, &p)| (w as u32, p))
        .collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    order.truncate(n);
    order
}

/// The header line: "Epoch 120 · loss 0.42".
pub fn epoch_line(slot: &AttnSlot) -> String {
    tr!("attn-epoch", epoch = slot.epoch, loss = loss(slot.loss))
}

/// What one sentence of the narration states, as data (`nextword narrate` prints it beside the
/// sentence; tests hold it to the reference).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AttnClaim {
    /// The context word with the most attention: its position from the oldest, how many words
    /// back it is, and its weight.
    LooksAt {
        word: String,
        position: usize,
        back: usize,
        weight: f32,
    },
    /// The probability of the text's next word, and the top guess with its probability.
    Gives {
        word: String,
        p: f32,
        top: String,
        p_top: f32,
    },
    /// The share of the text's pairs with the same last `words` words that continue with the
    /// next word: the most any model seeing that many words can give it.
    BestPossible { words: usize, share: f64 },
}

/// One sentence of the narration and the fact it states.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct AttnSentence {
    pub text: String,
    pub claim: AttnClaim,
}

/// What the narration says about `pair` at `slot`: where it looks, what it gives the next word,
/// and the best any model could give it with the whole window and with two words.
pub fn narrate(story: &AttnStory, slot: &AttnSlot, pair: usize) -> Vec<AttnSentence> {
    let Some(p) = story.pairs.get(pair) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    let context = story.context_text(pair);
    if let Some((s, back, a)) = most_attended(story, slot, pair) {
        let word = story.word(p.context[s]);
        lines.push(AttnSentence {
            text: tr!(
                "attn-now-looks",
                context = context.as_str(),
                word = word,
                back = back,
                share = percent(a),
            ),
            claim: AttnClaim::LooksAt {
                word: word.to_owned(),
                position: s,
                back,
                weight: a,
            },
        });
    }
    let target = story.word(p.target);
    let p_target = slot
        .probs
        .get(pair)
        .and_then(|row| row.get(p.target as usize))
        .copied()
        .unwrap_or(0.0);
    let (top, p_top) = top_words(slot, pair, 1)
        .first()
        .copied()
        .unwrap_or((p.target, p_target));
    let text = if top != p.target {
        tr!(
            "attn-now-guess",
            target = target,
            p = percent(p_target),
            top = story.word(top),
            ptop = percent(p_top),
        )
    } else {
        tr!(
            "attn-now-guess-right",
            target = target,
            p = percent(p_target)
        )
    };
    lines.push(AttnSentence {
        text,
        claim: AttnClaim::Gives {
            word: target.to_owned(),
            p: p_target,
            top: story.word(top).to_owned(),
            p_top,
        },
    });
    let window = story.dims.window;
    let best = story.best_share(pair, window);
    lines.push(AttnSentence {
        text: tr!(
            "attn-now-best",
            window = window,
            best = percent(best as f32),
        ),
        claim: AttnClaim::BestPossible {
            words: window,
            share: best,
        },
    });
    if p.context.len() > GHOST_CONTEXT {
        let two = &p.context[p.context.len() - GHOST_CONTEXT..];
        let two_text: Vec<&str> = two.iter().map(|&w| story.word(w)).collect();
        let best2 = story.best_share(pair, GHOST_CONTEXT);
        lines.push(AttnSentence {
            text: tr!(
                "attn-now-two-words",
                two = two_text.join(" "),
                best2 = percent(best2 as f32),
            ),
            claim: AttnClaim::BestPossible {
                words: GHOST_CONTEXT,
                share: best2,
            },
        });
    }
    lines
}
