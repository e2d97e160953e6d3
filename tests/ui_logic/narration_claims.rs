//! Every claim the narration and the step cards make is true: property tests over random small
//! texts (1-6 sentences, repeated words, context 1 and 2), checked against the text itself and
//! the CPU reference's numbers at the epoch each claim names.

use std::collections::BTreeMap;

use nextword::i18n::{Lang, LanguageGuard};
use nextword::lesson::facts::{Followers, loss_floor};
use nextword::lesson::{Corpus, Lesson, lesson_from_text};
use nextword::model::{Dims, EpochRecord, init_params, train_reference};
use nextword::ui::claims::{Claim, Sentence};
use nextword::ui::narration::{detect_phases, narrate};
use nextword::ui::steps::step_sentences;
use nextword::ui::{LessonInfo, LessonSummary, PhaseParams, Step, TrainingPhase};
use proptest::prelude::*;

const POOL: [&str; 9] = ["the", "cat", "dog", "sat", "on", "mat", "ran", "a", "park"];
const EPOCHS: u32 = 60;

struct Case {
    lesson: Lesson,
    corpus: Corpus,
    info: LessonInfo,
    records: Vec<EpochRecord>,
    phases: Vec<TrainingPhase>,
}

fn case(sentences: &[Vec<usize>], context: usize) -> Option<Case> {
    let text: Vec<String> = sentences
        .iter()
        .map(|s| s.iter().map(|&w| POOL[w]).collect::<Vec<_>>().join(" "))
        .collect();
    let mut lesson = lesson_from_text(&text.join(". ")).ok()?;
    lesson.model.context = context;
    lesson.epochs = EPOCHS;
    let corpus = lesson.corpus().ok()?;
    let dims = Dims::from_spec(corpus.vocab.len(), &lesson.model);
    let records = train_reference(
        dims,
        lesson.model.activation,
        lesson.optimizer,
        lesson.lr[0],
        init_params(&dims, lesson.seed),
        &corpus.pairs,
        EPOCHS,
    );
    let info = LessonInfo::from_lesson(&lesson, &corpus);
    let full = LessonSummary::from_records(&info, &records, EPOCHS as f32);
    let phases = detect_phases(&full.loss_history, full.diverged, &PhaseParams::default());
    Some(Case {
        lesson,
        corpus,
        info,
        records,
        phases,
    })
}

fn ids(corpus: &Corpus, words: &[String]) -> Vec<u32> {
    words.iter().map(|w| corpus.word_id(w).unwrap()).collect()
}

/// The recorded pair index with this context.
fn recorded(info: &LessonInfo, context: &[u32]) -> usize {
    info.recorded
        .iter()
        .position(|p| p.context == context)
        .expect("a claim names a recorded context")
}

fn check(c: &Case, sentence: &Sentence, shown: u32) {
    let featured = c.info.featured_pair as usize;
    let target = c.info.recorded[featured].target as usize;
    let p_at = |e: u32| c.records[e as usize].probs[featured][target] as f32;
    for claim in &sentence.claims {
        let why = format!("{claim:?} in {:?}", sentence.text);
        match claim {
            Claim::Corpus {
                sentences,
                examples,
                vocab,
            } => {
                assert_eq!(*sentences, c.lesson.sentences.len(), "{why}");
                assert_eq!(*vocab, c.corpus.vocab.len(), "{why}");
                for e in examples {
                    let stem = e.trim_end_matches('…');
                    assert!(
                        c.lesson.sentences.iter().any(|s| s.starts_with(stem)),
                        "{why}"
                    );
                }
                if *sentences > 1 {
                    assert!(sentence.text.contains(&sentences.to_string()), "{why}");
                }
            }
            Claim::Model {
                context,
                embed_dim,
                hidden,
                vocab,
                parameters,
            } => {
                let m = &c.lesson.model;
                assert_eq!(
                    (*context, *embed_dim, *hidden, *vocab),
                    (m.context, m.embed_dim, m.hidden, c.corpus.vocab.len()),
                    "{why}"
                );
                let dims = Dims::from_spec(c.corpus.vocab.len(), m);
                assert_eq!(*parameters, dims.param_count(), "{why}");
            }
            Claim::Always { context, word } => {
                let ctx = ids(&c.corpus, context);
                let word = c.corpus.word_id(word).unwrap();
                let with: Vec<_> = c.corpus.pairs.iter().filter(|p| p.context == ctx).collect();
                assert!(
                    !with.is_empty() && with.iter().all(|p| p.target == word),
                    "{why}"
                );
            }
            Claim::Split {
                context,
                words,
                best,
            } => {
                let f = Followers::of(&c.corpus.pairs, &ids(&c.corpus, context));
                let want: Vec<(String, f64)> = f
                    .shares()
                    .iter()
                    .map(|&(w, s)| (c.corpus.vocab[w as usize].clone(), s))
                    .collect();
                assert_eq!(
                    words, &want,
                    "every word that follows, with its share: {why}"
                );
                assert!(words.len() >= 2, "{why}");
                assert!((words.iter().map(|w| w.1).sum::<f64>() - 1.0).abs() < 1e-12);
                assert_eq!(*best, want[0].1, "{why}");
                for (w, _) in words.iter().take(5) {
                    assert!(sentence.text.contains(w.as_str()), "{w} named: {why}");
                }
                assert!(
                    sentence.text.contains(&words.len().to_string()),
                    "the count is said: {why}"
                );
            }
            Claim::Uniform { vocab, p } => {
                assert_eq!(*vocab, c.corpus.vocab.len(), "{why}");
                assert_eq!(*p, 1.0 / *vocab as f64, "{why}");
            }
            Claim::Probability {
                context,
                word,
                p,
                epoch,
            } => {
                assert!(*epoch == shown || *epoch == 0, "{why}");
                let pair = recorded(&c.info, &ids(&c.corpus, context));
                let w = c.corpus.word_id(word).unwrap() as usize;
                let want = c.records[*epoch as usize].probs[pair][w] as f32;
                assert_eq!(*p, want, "the engine's number: {why}");
            }
            Claim::Loss { loss, epoch } => {
                assert!(*epoch == shown || *epoch <= shown, "{why}");
                assert_eq!(*loss, c.records[*epoch as usize].loss as f32, "{why}");
            }
            Claim::LossFloor { loss } => {
                assert_eq!(*loss, loss_floor(&c.corpus.pairs), "{why}");
            }
            Claim::Phase { phase, epoch } => {
                assert_eq!(*epoch, shown, "{why}");
                assert_eq!(*phase, c.phases[shown as usize].id(), "{why}");
            }
            Claim::Milestone {
                milestone,
                pct,
                epoch,
                after,
                by,
            } => {
                // The reference records every epoch: every milestone is exact.
                assert_eq!((*after, *by), (None, false), "{why}");
                let e = *epoch;
                assert!(e <= shown, "no milestone from the future: {why}");
                let before = |e: u32| e.checked_sub(1);
                match *milestone {
                    "passed" => {
                        let t = f32::from(pct.unwrap()) / 100.0;
                        assert!(p_at(e) >= t, "{why}");
                        assert!((0..e).all(|x| p_at(x) < t), "first passed at {e}: {why}");
                    }
                    "favourite" => {
                        let top = |e: u32| {
                            let probs = &c.records[e as usize].probs[featured];
                            probs
                                .iter()
                                .enumerate()
                                .all(|(w, &q)| w == target || q < probs[target])
                        };
                        assert!(e > 0 && top(e), "{why}");
                        assert!(!top(before(e).unwrap()), "{why}");
                    }
                    "converged" | "diverged" | "learning" => {
                        let phase = match *milestone {
                            "converged" => TrainingPhase::Converged,
                            "diverged" => TrainingPhase::Diverged,
                            _ => c.phases[e as usize],
                        };
                        assert_eq!(c.phases[e as usize], phase, "{why}");
                        if let Some(b) = before(e) {
                            assert_ne!(c.phases[b as usize], c.phases[e as usize], "{why}");
                        }
                    }
                    other => panic!("unknown milestone {other}"),
                }
            }
            Claim::BestRun { .. } => panic!("one run has no best run: {why}"),
            Claim::Settings { lr, optimizer } => {
                assert_eq!(lr, &c.lesson.lr_per_run(), "{why}");
                assert_eq!(*optimizer, c.lesson.optimizer.name(), "{why}");
            }
        }
    }
}

fn sentences_strategy() -> impl Strategy<Value = Vec<Vec<usize>>> {
    prop::collection::vec(prop::collection::vec(0..POOL.len(), 2..8), 1..=6)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_claim_agrees_with_the_text_and_the_reference(
        sentences in sentences_strategy(),
        context in 1usize..=2,
        epochs in prop::collection::vec(0u32..=EPOCHS, 3),
    ) {
        let _english = LanguageGuard::new(Lang::En);
        let Some(c) = case(&sentences, context) else {
            // Texts that make no pair at this context are refused, which is right.
            return Ok(());
        };
        for shown in epochs.into_iter().chain([0, EPOCHS]) {
            let summary = LessonSummary::from_records(&c.info, &c.records, shown as f32 + 0.5);
            prop_assert_eq!(summary.shown_epoch, shown.min(EPOCHS));
            let shown = summary.shown_epoch;
            for pair in 0..c.info.recorded.len() as u32 {
                let n = narrate(&summary, &c.info, &PhaseParams::default(), pair);
                for s in n.sentences() {
                    check(&c, s, shown);
                }
            }
            for step in Step::ALL {
                for s in step_sentences(step, &c.info, &summary) {
                    check(&c, &s, shown);
                }
            }
            // Context k is spoken of as k words.
            let task = &step_sentences(Step::Task, &c.info, &summary)[0].text;
            let want = if context == 1 { "read a word" } else { "read 2 words" };
            prop_assert!(task.contains(want), "{}", task);
        }
    }
}

#[test]
fn the_issue_examples_are_told_truly() {
    let _english = LanguageGuard::new(Lang::En);
    // "the" is followed by dog (twice), ball and cat: all three, with their shares.
    let lesson = lesson_from_text("the dog chased the ball and the cat chased the dog").unwrap();
    let corpus = lesson.corpus().unwrap();
    let info = LessonInfo::from_lesson(&lesson, &corpus);
    let summary = LessonSummary {
        shown_epoch: 0,
        ..LessonSummary::default()
    };
    let mut words: BTreeMap<String, f64> = BTreeMap::new();
    let the = corpus.word_id("the").unwrap();
    let pair = info
        .recorded
        .iter()
        .position(|p| p.context == [the])
        .unwrap() as u32;
    let dims = Dims::from_spec(corpus.vocab.len(), &lesson.model);
    let records = train_reference(
        dims,
        lesson.model.activation,
        lesson.optimizer,
        lesson.lr[0],
        init_params(&dims, lesson.seed),
        &corpus.pairs,
        300,
    );
    let late = LessonSummary::from_records(&info, &records, 300.0);
    let n = narrate(&late, &info, &PhaseParams::default(), pair);
    let split = n
        .sentences()
        .flat_map(|s| &s.claims)
        .find_map(|c| match c {
            Claim::Split { words, .. } => Some(words.clone()),
            _ => None,
        })
        .expect("the ambiguous context is explained");
    words.extend(split);
    assert_eq!(words.len(), 3, "{words:?}");
    assert_eq!(words["dog"], 0.5);
    assert_eq!(words["ball"], 0.25);
    assert_eq!(words["cat"], 0.25);
    let _ = summary;

    // 30 sentences are said to be 30 sentences.
    let sw = nextword::lesson::load_builtin("similar-words").unwrap();
    let corpus = sw.corpus().unwrap();
    let info = LessonInfo::from_lesson(&sw, &corpus);
    let task = step_sentences(Step::Task, &info, &LessonSummary::default());
    assert!(
        task.iter().any(|s| s.text.contains("30 sentences")),
        "{task:?}"
    );
}
