//! The Write step's state: the model writes, one word at a time, and the untrained model writes
//! beside it (the rematch). Plain data and pure functions, testable without a window.
//!
//! How it works: the visitor picks a start (a chip, or typed words checked by [`parse_prompt`]),
//! a temperature and a top-k; every change becomes a [`WriteAction`], and [`WriteState::apply`]
//! turns it into a [`WriteRequest`] that the overlay's owner fulfils on the GPU
//! ([`super::live::LessonUi`], with [`crate::engine::sampler::Sampler`]): the model at the
//! playhead's recorded epoch and the one of epoch 0 write the same number of words after the same
//! prompt with the same seed. [`WriteState::receive`] stores both texts. A new start or Again
//! reveals the words one by one ([`REVEAL_SECS`] apart, in [`WriteState::tick`]), so each step
//! can be followed: the forward pass lights up the network and the bars show what the word was
//! drawn from. A new dial setting, or a playhead that moved, rewrites at once with the same seed
//! (same draws: the effect of the dial alone). Step shows one more word; past the end it asks for
//! one more (the same seed writes the same words first, so the text only grows).

use crate::model::sample::Sampling;

/// Words written after the prompt at first (Step adds more, up to [`MAX_WRITE_WORDS`]).
pub const WRITE_WORDS: usize = 10;
/// The most words the panel lets the model write after the prompt.
pub const MAX_WRITE_WORDS: usize = 40;
/// Seconds between two revealed words: time to see the pass and the bars.
pub const REVEAL_SECS: f32 = 1.6;
/// Seconds before the first word of a new writing appears.
const FIRST_WORD_SECS: f32 = 0.6;
/// The temperature dial's range.
pub const TEMPERATURE_RANGE: (f32, f32) = (0.0, 2.0);

/// One model's text: the recorded epoch whose parameters wrote it, the words it wrote after the
/// prompt and, for each, the distribution it was drawn from.
#[derive(Clone, Debug, PartialEq)]
pub struct Writing {
    pub epoch: u32,
    pub words: Vec<u32>,
    pub probs: Vec<Vec<f32>>,
}

/// What the GPU must write next.
#[derive(Clone, Debug, PartialEq)]
pub struct WriteRequest {
    pub prompt: Vec<u32>,
    pub words: usize,
    pub sampling: Sampling,
    pub seed: u64,
    /// Reveal the words one by one (a new start, Again) rather than all at once.
    pub animate: bool,
}

/// What the visitor did on the Write step.
#[derive(Clone, Debug, PartialEq)]
pub enum WriteAction {
    /// Write after these word ids.
    Start(Vec<u32>),
    /// The same start again with new draws.
    Again,
    /// One more word.
    Step,
    Temperature(f32),
    TopK(Option<usize>),
    /// Typed words that cannot start (the message says why).
    Refused(String),
}

/// Everything the Write step remembers.
#[derive(Clone, Debug, PartialEq)]
pub struct WriteState {
    /// The start (word ids); empty until chosen (the lesson's first context then).
    pub prompt: Vec<u32>,
    pub temperature: f32,
    pub top_k: Option<usize>,
    pub seed: u64,
    /// Why the typed start was refused.
    pub error: Option<String>,
    /// Waiting for the GPU.
    pub pending: Option<WriteRequest>,
    /// The model at the playhead.
    pub trained: Option<Writing>,
    /// The model of epoch 0.
    pub untrained: Option<Writing>,
    /// Written words on screen (both texts, in step).
    pub shown: usize,
    /// Whether words still appear by themselves.
    pub revealing: bool,
    clock: f32,
    /// Seconds since the newest word appeared (the network's pass follows it).
    pub since_word: f32,
}

impl Default for WriteState {
    fn default() -> Self {
        Self {
            prompt: Vec::new(),
            temperature: 1.0,
            top_k: None,
            seed: 1,
            error: None,
            pending: None,
            trained: None,
            untrained: None,
            shown: 0,
            revealing: false,
            clock: 0.0,
            since_word: f32::INFINITY,
        }
    }
}

impl WriteState {
    /// A fresh state for another lesson (its words are others): only the dial stays.
    pub fn for_new_lesson(&self) -> Self {
        Self {
            temperature: self.temperature,
            ..Self::default()
        }
    }

    /// The sampling the dial and the top-k choice set.
    pub fn sampling(&self) -> Sampling {
        Sampling {
            temperature: f64::from(self.temperature),
            top_k: self.top_k,
        }
    }

    /// Words written so far (the length of the texts on hand, or the first batch).
    fn words(&self) -> usize {
        self.trained
            .as_ref()
            .map_or(WRITE_WORDS, |w| w.words.len().max(1))
    }

    fn request(&mut self, words: usize, animate: bool) {
        if self.prompt.is_empty() {
            return;
        }
        self.pending = Some(WriteRequest {
            prompt: self.prompt.clone(),
            words: words.clamp(1, MAX_WRITE_WORDS),
            sampling: self.sampling(),
            seed: self.seed,
            animate,
        });
    }

    /// The UI side of `action`: what to write next.
    pub fn apply(&mut self, action: &WriteAction) {
        match action {
            WriteAction::Start(prompt) => {
                self.prompt = prompt.clone();
                self.error = None;
                self.request(WRITE_WORDS, true);
            }
            WriteAction::Again => {
                self.seed = self.seed.wrapping_add(1);
                self.request(WRITE_WORDS, true);
            }
            WriteAction::Step => {
                let total = self.trained.as_ref().map_or(0, |w| w.words.len());
                self.revealing = false;
                if self.shown < total {
                    self.reveal_one();
                } else if total < MAX_WRITE_WORDS {
                    // The same seed writes the same words first: the text grows by one.
                    self.request(total + 1, false);
                    self.shown = total + 1;
                    self.since_word = 0.0;
                }
            }
            WriteAction::Temperature(t) => {
                let t = if t.is_finite() { *t } else { 1.0 };
                self.temperature = t.clamp(TEMPERATURE_RANGE.0, TEMPERATURE_RANGE.1);
                self.request(self.words(), false);
            }
            WriteAction::TopK(k) => {
                self.top_k = *k;
                self.request(self.words(), false);
            }
            WriteAction::Refused(message) => self.error = Some(message.clone()),
        }
    }

    /// Stores what the GPU wrote for `request`: the model at the playhead and at epoch 0.
    pub fn receive(&mut self, request: &WriteRequest, trained: Writing, untrained: Writing) {
        let total = trained.words.len();
        if request.animate {
            self.shown = 0;
            self.revealing = true;
            self.clock = REVEAL_SECS - FIRST_WORD_SECS;
        } else if !self.revealing {
            self.shown = total;
        }
        self.shown = self.shown.min(total);
        self.trained = Some(trained);
        self.untrained = Some(untrained);
    }

    /// A rewrite the GPU could not do: the message, and nothing pending.
    pub fn failed(&mut self, message: String) {
        self.error = Some(message);
        self.revealing = false;
    }

    fn reveal_one(&mut self) {
        let total = self.trained.as_ref().map_or(0, |w| w.words.len());
        if self.shown < total {
            self.shown += 1;
            self.since_word = 0.0;
        }
        if self.shown >= total {
            self.revealing = false;
        }
    }

    /// Every written word on screen at once (stills).
    pub fn reveal_all(&mut self) {
        self.revealing = false;
        self.shown = self.trained.as_ref().map_or(0, |w| w.words.len());
    }

    /// Advances the reveal by `dt` seconds; returns whether a word appeared.
    pub fn tick(&mut self, dt: f32) -> bool {
        let dt = dt.clamp(0.0, 0.25);
        self.since_word += dt;
        if !self.revealing {
            return false;
        }
        self.clock += dt;
        if self.clock < REVEAL_SECS {
            return false;
        }
        self.clock = 0.0;
        let before = self.shown;
        self.reveal_one();
        self.shown > before
    }

    /// Whether the writing on screen is complete (nothing pending, every word shown).
    pub fn done(&self) -> bool {
        self.pending.is_none()
            && !self.revealing
            && self
                .trained
                .as_ref()
                .is_some_and(|w| self.shown >= w.words.len())
    }

    /// Seconds the whole writing takes to appear word by word (the tour waits for it).
    pub fn reveal_secs(&self) -> f32 {
        self.trained
            .as_ref()
            .map_or(0.0, |w| w.words.len() as f32 * REVEAL_SECS)
    }

    /// The newest shown step of the model at the playhead: (its context, the distribution, the
    /// drawn word).
    pub fn current_step(&self, k: usize) -> Option<(Vec<u32>, &[f32], u32)> {
        let w = self.trained.as_ref()?;
        let i = self.shown.checked_sub(1)?;
        let mut text = self.prompt.clone();
        text.extend_from_slice(&w.words[..i]);
        let context = text[text.len().saturating_sub(k)..].to_vec();
        Some((context, w.probs.get(i)?, *w.words.get(i)?))
    }

    /// Asks for a rewrite when the model shown is not the one at `epoch` (the playhead moved, or
    /// nothing was written yet), with `default_prompt` when no start was chosen.
    pub fn follow_epoch(&mut self, epoch: u32, default_prompt: &[u32]) {
        if self.pending.is_some() {
            return;
        }
        if self.prompt.is_empty() {
            self.prompt = default_prompt.to_vec();
        }
        match &self.trained {
            None => self.request(WRITE_WORDS, true),
            // Every number of a frame is of one epoch: the text follows the playhead's slot.
            Some(w) if w.epoch != epoch => self.request(w.words.len(), false),
            Some(_) => {}
        }
    }
}

/// The plain-language name of a temperature: the message id of what it does.
pub fn temperature_meaning(t: f32) -> &'static str {
    if t <= 0.0 {
        "write-t-zero"
    } else if t < 0.7 {
        "write-t-low"
    } else if t <= 1.3 {
        "write-t-mid"
    } else {
        "write-t-high"
    }
}

/// The top-k choices offered for a vocabulary of `vocab` words: all, then the best 5, 3 and 2
/// where that is fewer than all.
pub fn top_k_choices(vocab: usize) -> Vec<Option<usize>> {
    std::iter::once(None)
        .chain([5, 3, 2].into_iter().filter(|&k| k < vocab).map(Some))
        .collect()
}

/// Why typed words cannot start the writing.
#[derive(Clone, Debug, PartialEq)]
pub enum PromptProblem {
    Empty,
    /// These words are not in the vocabulary.
    Unknown(Vec<String>),
    /// Fewer words than the model reads.
    TooShort {
        got: usize,
        need: usize,
    },
}

/// The word ids of a typed start (tokenized as the lessons are), or what is wrong with it.
pub fn parse_prompt(
    text: &str,
    vocab: &[String],
    context: usize,
) -> Result<Vec<u32>, PromptProblem> {
    let words = crate::lesson::tokenize(text);
    if words.is_empty() {
        return Err(PromptProblem::Empty);
    }
    let mut unknown: Vec<String> = Vec::new();
    let mut ids = Vec::with_capacity(words.len());
    for w in &words {
        match vocab.iter().position(|v| v == w) {
            Some(i) => ids.push(i as u32),
            None if !unknown.contains(w) => unknown.push(w.clone()),
            None => {}
        }
    }
    if !unknown.is_empty() {
        return Err(PromptProblem::Unknown(unknown));
    }
    if ids.len() < context {
        return Err(PromptProblem::TooShort {
            got: ids.len(),
            need: context,
        });
    }
    Ok(ids)
}

/// The starts offered as chips: every distinct context of the lesson's pairs, in order of
/// first appearance, at most `max`.
pub fn start_choices(pairs: &[crate::lesson::Pair], max: usize) -> Vec<Vec<u32>> {
    let mut out: Vec<Vec<u32>> = Vec::new();
    for p in pairs {
        if out.len() >= max {
            break;
        }
        if !out.contains(&p.context) {
            out.push(p.context.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn writing(epoch: u32, n: usize) -> Writing {
        Writing {
            epoch,
            words: (0..n as u32).collect(),
            probs: vec![vec![0.2; 5]; n],
        }
    }

    #[test]
    fn a_new_start_reveals_word_by_word() {
        let mut w = WriteState::default();
        w.apply(&WriteAction::Start(vec![0]));
        let req = w.pending.take().expect("a request");
        assert!(req.animate);
        assert_eq!(req.words, WRITE_WORDS);
        w.receive(&req, writing(300, 3), writing(0, 3));
        assert_eq!(w.shown, 0);
        assert!(!w.tick(0.1));
        let mut appeared = 0;
        for _ in 0..200 {
            if w.tick(0.1) {
                appeared += 1;
            }
        }
        assert_eq!(appeared, 3);
        assert!(w.done());
    }

    #[test]
    fn the_dial_rewrites_at_once_with_the_same_seed() {
        let mut w = WriteState::default();
        w.apply(&WriteAction::Start(vec![1]));
        let req = w.pending.take().unwrap();
        w.receive(&req, writing(300, 12), writing(0, 12));
        w.apply(&WriteAction::Temperature(0.0));
        let again = w.pending.take().unwrap();
        assert_eq!(again.seed, req.seed);
        assert!(!again.animate);
        assert_eq!(again.sampling.temperature, 0.0);
        w.apply(&WriteAction::Temperature(f32::NAN));
        assert_eq!(w.temperature, 1.0);
        w.apply(&WriteAction::Temperature(9.0));
        assert_eq!(w.temperature, TEMPERATURE_RANGE.1);
    }

    #[test]
    fn again_draws_anew_and_step_grows_the_text() {
        let mut w = WriteState::default();
        w.apply(&WriteAction::Start(vec![1]));
        let req = w.pending.take().unwrap();
        w.receive(&req, writing(300, 2), writing(0, 2));
        w.apply(&WriteAction::Step);
        assert_eq!(w.shown, 1);
        assert!(!w.revealing);
        w.apply(&WriteAction::Step);
        assert_eq!(w.shown, 2);
        w.apply(&WriteAction::Step);
        let more = w.pending.take().unwrap();
        assert_eq!(more.words, 3);
        assert_eq!(more.seed, req.seed);
        w.receive(&more, writing(300, 3), writing(0, 3));
        assert_eq!(w.shown, 3);
        w.apply(&WriteAction::Again);
        assert_ne!(w.pending.as_ref().unwrap().seed, req.seed);
    }

    #[test]
    fn a_moved_playhead_rewrites_what_is_shown() {
        let mut w = WriteState::default();
        w.follow_epoch(0, &[2]);
        let req = w.pending.take().unwrap();
        assert_eq!(req.prompt, vec![2]);
        assert!(req.animate, "the first writing appears word by word");
        w.receive(&req, writing(0, 10), writing(0, 10));
        w.follow_epoch(0, &[2]);
        assert!(w.pending.is_none(), "nothing moved");
        w.follow_epoch(8, &[2]);
        let again = w.pending.take().expect("the playhead moved");
        assert!(!again.animate);
        assert_eq!((again.words, again.seed), (10, req.seed));
    }

    #[test]
    fn typed_starts_are_checked() {
        let vocab: Vec<String> = ["the", "cat", "sat"].map(String::from).to_vec();
        assert_eq!(parse_prompt("The cat", &vocab, 1), Ok(vec![0, 1]));
        assert_eq!(parse_prompt("  ", &vocab, 1), Err(PromptProblem::Empty));
        assert_eq!(
            parse_prompt("the dog dog", &vocab, 1),
            Err(PromptProblem::Unknown(vec!["dog".into()]))
        );
        assert_eq!(
            parse_prompt("cat", &vocab, 2),
            Err(PromptProblem::TooShort { got: 1, need: 2 })
        );
    }

    #[test]
    fn choices_fit_the_vocabulary() {
        assert_eq!(top_k_choices(5), vec![None, Some(3), Some(2)]);
        assert_eq!(top_k_choices(2), vec![None]);
        assert_eq!(top_k_choices(23), vec![None, Some(5), Some(3), Some(2)]);
        assert_eq!(temperature_meaning(0.0), "write-t-zero");
        assert_eq!(temperature_meaning(1.0), "write-t-mid");
    }
}
