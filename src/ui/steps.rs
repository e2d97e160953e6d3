//! The step cards' text: the task, the network, training and the takeaways, written for the
//! lesson on screen from its own text, sizes and numbers, each sentence with its claims.
//!
//! How it works: [`step_sentences`] picks the messages of a step and fills them from the
//! [`LessonInfo`] (the text, the model) and the [`LessonSummary`] at the shown epoch (the
//! network's numbers). A sentence is only said where it is true: "always followed by" only for
//! a context with one follower, "start out random" only at epoch 0, a lesson of one sentence
//! quotes it, a lesson of many says how many and quotes two (shortened, so a card never quotes a
//! whole chapter).

use super::claims::{Claim, Sentence};
use super::state::Step;
use super::summary::{LessonInfo, LessonSummary};
use crate::i18n::format::{loss, percent, rate};
use crate::lesson::facts::Followers;
use crate::tr;

/// Most characters of a sentence quoted on a card (then "…").
pub const QUOTE_CHARS: usize = 60;

/// `text` cut to [`QUOTE_CHARS`] characters at a word boundary, with "…" when cut.
pub fn quote(text: &str) -> String {
    if text.chars().count() <= QUOTE_CHARS {
        return text.to_owned();
    }
    let cut: String = text.chars().take(QUOTE_CHARS).collect();
    let end = cut
        .rfind(' ')
        .filter(|&i| i > QUOTE_CHARS / 2)
        .unwrap_or(cut.len());
    format!("{}…", cut[..end].trim_end())
}

/// The sentences of `step` for this lesson at the summary's shown epoch.
pub fn step_sentences(step: Step, info: &LessonInfo, summary: &LessonSummary) -> Vec<Sentence> {
    match step {
        Step::Task => task(info, summary),
        Step::Architecture => architecture(info, summary),
        Step::Training => training(info),
        Step::Takeaways => takeaways(info, summary),
        Step::Write => write(info),
    }
}

fn words(info: &LessonInfo, ids: &[u32]) -> Vec<String> {
    ids.iter().map(|&w| info.word(w).to_owned()).collect()
}

fn task(info: &LessonInfo, summary: &LessonSummary) -> Vec<Sentence> {
    let k = info.context;
    let vocab = info.vocab.len();
    let mut out = vec![Sentence::new(
        tr!("task-job", k = k),
        vec![model_claim(info)],
    )];
    let examples: Vec<String> = info.sentences.iter().take(2).map(|s| quote(s)).collect();
    let corpus = Claim::Corpus {
        sentences: info.sentences.len(),
        examples: examples.clone(),
        vocab,
    };
    out.push(match examples.as_slice() {
        [one] => Sentence::new(
            tr!("task-world-one", sentence = one.as_str(), vocab = vocab),
            vec![corpus],
        ),
        [first, second, ..] => Sentence::new(
            tr!(
                "task-world-many",
                count = info.sentences.len(),
                first = first.as_str(),
                second = second.as_str(),
                vocab = vocab
            ),
            vec![corpus],
        ),
        [] => Sentence::plain(String::new()),
    });
    if let Some(pair) = info.recorded.get(info.featured_pair as usize) {
        let context = words(info, &pair.context);
        let target = info.word(pair.target).to_owned();
        let followers = Followers::of(&info.pairs, &pair.context);
        if !followers.is_ambiguous() {
            out.push(Sentence::new(
                tr!(
                    "task-always",
                    context = context.join(" "),
                    target = target.as_str()
                ),
                vec![Claim::Always {
                    context: context.clone(),
                    word: target.clone(),
                }],
            ));
        }
        if let Some(p) = summary.featured_prob(info) {
            let epoch = summary.shown_epoch;
            let claim = Claim::Probability {
                context: context.clone(),
                word: target.clone(),
                p,
                epoch,
            };
            let id = if epoch == 0 {
                "task-random"
            } else {
                "task-now"
            };
            out.push(Sentence::new(
                tr!(
                    id,
                    target = target.as_str(),
                    p = percent(p),
                    context = context.join(" "),
                    epoch = epoch
                ),
                vec![claim],
            ));
        }
    }
    out.push(Sentence::plain(tr!("task-phones")));
    out.retain(|s| !s.text.is_empty());
    out
}

fn model_claim(info: &LessonInfo) -> Claim {
    Claim::Model {
        context: info.context,
        embed_dim: info.embed_dim,
        hidden: info.hidden,
        vocab: info.vocab.len(),
        parameters: info.param_count,
    }
}

fn architecture(info: &LessonInfo, summary: &LessonSummary) -> Vec<Sentence> {
    let model = model_claim(info);
    let mut out = vec![
        Sentence::new(
            tr!("arch-embedding", dim = info.embed_dim),
            vec![model.clone()],
        ),
        Sentence::new(
            crate::tr_level!(
                "arch-layers",
                k = info.context,
                inputs = info.context * info.embed_dim,
                hidden = info.hidden,
                vocab = info.vocab.len()
            ),
            vec![model.clone()],
        ),
        Sentence::new(tr!("arch-params", params = info.param_count), vec![model]),
    ];
    let epoch = summary.shown_epoch;
    if epoch == 0 {
        let context = info.context_text(info.featured_pair);
        out.push(Sentence::plain(tr!("arch-untrained", context = context)));
    } else {
        out.push(Sentence::plain(tr!("arch-trained", epoch = epoch)));
    }
    out
}

fn training(info: &LessonInfo) -> Vec<Sentence> {
    let lrs: Vec<String> = info.lrs.iter().map(|&lr| rate(lr)).collect();
    vec![
        Sentence::plain(crate::tr_level!(
            "train-loop",
            optimizer = info.optimizer.name()
        )),
        Sentence::new(
            tr!(
                "train-settings",
                lr = lrs.join(", "),
                optimizer = info.optimizer.name()
            ),
            vec![Claim::Settings {
                lr: info.lrs.clone(),
                optimizer: info.optimizer.name(),
            }],
        ),
    ]
}

fn write(info: &LessonInfo) -> Vec<Sentence> {
    vec![Sentence::new(
        tr!("write-intro", k = info.context),
        vec![model_claim(info)],
    )]
}

fn takeaways(info: &LessonInfo, summary: &LessonSummary) -> Vec<Sentence> {
    let mut out = vec![Sentence::plain(tr!("take-embeddings"))];
    let shown = summary.shown_epoch;
    if let Some(&(_, l0)) = summary.loss_history.first() {
        let now = summary.loss_at_playhead;
        out.push(Sentence::new(
            tr!("take-loss", from = loss(l0), to = loss(now)),
            vec![
                Claim::Loss { loss: l0, epoch: 0 },
                Claim::Loss {
                    loss: now,
                    epoch: shown,
                },
            ],
        ));
    }
    if let (Some(pair), Some(&(_, p0)), Some(p)) = (
        info.recorded.get(info.featured_pair as usize),
        summary.featured_history.first(),
        summary.featured_prob(info),
    ) {
        let context = words(info, &pair.context);
        let target = info.word(pair.target).to_owned();
        let claim = |p: f32, epoch: u32| Claim::Probability {
            context: context.clone(),
            word: target.clone(),
            p,
            epoch,
        };
        out.push(Sentence::new(
            tr!(
                "take-probability",
                vocab = info.vocab.len(),
                target = target.as_str(),
                context = context.join(" "),
                from = percent(p0),
                to = percent(p)
            ),
            vec![claim(p0, 0), claim(p, shown)],
        ));
    }
    out.push(Sentence::plain(tr!("take-backprop")));
    out.push(Sentence::new(
        tr!("take-scale", params = info.param_count),
        vec![model_claim(info)],
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_short_and_cut_at_a_word() {
        assert_eq!(quote("the cat sat"), "the cat sat");
        let long = "word ".repeat(40);
        let q = quote(&long);
        assert!(q.chars().count() <= QUOTE_CHARS + 1, "{q}");
        assert!(q.ends_with("word…"), "{q}");
    }
}
