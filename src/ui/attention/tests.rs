//! The attention screen's words are true for any text (property tests against the f64
//! reference), its regions never overlap, and its frame shows one recorded epoch.

use proptest::prelude::*;

use super::story::{AttnStory, narrate};
use super::{AttnLayout, AttnViewState};
use crate::engine::attention_history::AttnSlot;
use crate::i18n::format::percent;
use crate::model::attention::{AttnLesson, AttnRun, init_attention};
use crate::tr;

/// The story of `lesson` with the f64 reference's epochs `epochs` as its recorded slots.
fn reference_story(lesson: &crate::lesson::Lesson, epochs: &[u32]) -> AttnStory {
    let AttnLesson { vocab, dims, pairs } = AttnLesson::of(lesson).unwrap().unwrap();
    let mut run = AttnRun::new(
        dims,
        lesson.optimizer,
        lesson.lr[0],
        init_attention(&dims, lesson.seed),
    );
    let mut slots = Vec::new();
    for &epoch in epochs {
        while run.epoch < epoch {
            run.step(&pairs);
        }
        let record = run.record(&pairs);
        let f32s = |rows: &[Vec<f64>]| -> Vec<Vec<f32>> {
            rows.iter()
                .map(|r| r.iter().map(|&x| x as f32).collect())
                .collect()
        };
        slots.push(AttnSlot {
            epoch,
            loss: record.loss as f32,
            probs: f32s(&record.probs),
            attention: f32s(&record.attention),
            params: run.params.iter().map(|&x| x as f32).collect(),
        });
    }
    let mut story = AttnStory::new(
        lesson.title.clone(),
        vocab,
        dims,
        pairs,
        None,
        lesson.epochs,
    );
    story.slots = slots;
    story
}

/// Among the text's pairs, the share whose last `k` context words equal `pair`'s and whose
/// next word is `pair`'s, counted by comparing the words as text.
fn share_by_hand(story: &AttnStory, pair: usize, k: usize) -> f64 {
    let words = |j: usize| -> Vec<&str> {
        let c = &story.pairs[j].context;
        c[c.len().saturating_sub(k)..]
            .iter()
            .map(|&w| story.word(w))
            .collect()
    };
    let same: Vec<usize> = (0..story.pairs.len())
        .filter(|&j| words(j) == words(pair))
        .collect();
    let hits = same
        .iter()
        .filter(|&&j| story.pairs[j].target == story.pairs[pair].target)
        .count();
    hits as f64 / same.len() as f64
}

fn attention_lesson_on(text: &str) -> crate::lesson::Lesson {
    let base = crate::lesson::load_builtin(crate::lesson::ATTENTION_ID).unwrap();
    crate::lesson::lesson_from_text(text)
        .unwrap()
        .with_model_of(&base)
}

/// Texts of a few short sentences over a small vocabulary, so contexts repeat.
fn texts() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "the", "a", "cat", "dog", "sat", "ran", "on", "mat", "rug",
    ]);
    let sentence = prop::collection::vec(word, 2..7).prop_map(|w| w.join(" "));
    prop::collection::vec(sentence, 1..5).prop_map(|s| s.join(". "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// For any text, place and epoch, the narration names the word with the most attention and
    /// its weight, the next word's probability (and the top guess when it is another word), and
    /// the best shares any model could reach with the window and with two words, counted by hand.
    #[test]
    fn the_narration_is_true_for_any_text(text in texts(), epoch in 0u32..40, pick in 0usize..64) {
        let _english = crate::i18n::LanguageGuard::new(crate::i18n::Lang::En);
        let lesson = attention_lesson_on(&text);
        let story = reference_story(&lesson, &[epoch]);
        prop_assume!(!story.pairs.is_empty());
        let pair = pick % story.pairs.len();
        let slot = &story.slots[0];
        let p = &story.pairs[pair];
        let weights = &slot.attention[pair];
        // The most attended word, found by a plain scan (the oldest on a tie).
        let mut best = 0;
        for (s, &a) in weights.iter().enumerate() {
            if a > weights[best] {
                best = s;
            }
        }
        let lines: Vec<String> = narrate(&story, slot, pair).into_iter().map(|l| l.text).collect();
        let context: Vec<&str> = p.context.iter().map(|&w| story.word(w)).collect();
        prop_assert_eq!(&lines[0], &tr!(
            "attn-now-looks",
            context = context.join(" "),
            word = story.word(p.context[best]),
            back = p.context.len() - 1 - best,
            share = percent(weights[best]),
        ));
        let probs = &slot.probs[pair];
        let mut top = 0;
        for (w, &q) in probs.iter().enumerate() {
            if q > probs[top] {
                top = w;
            }
        }
        let target = story.word(p.target);
        let p_target = percent(probs[p.target as usize]);
        let guess = if top as u32 == p.target {
            tr!("attn-now-guess-right", target = target, p = p_target)
        } else {
            tr!("attn-now-guess", target = target, p = p_target,
                top = story.word(top as u32), ptop = percent(probs[top]))
        };
        prop_assert_eq!(&lines[1], &guess);
        let window = story.dims.window;
        prop_assert_eq!(&lines[2], &tr!(
            "attn-now-best",
            window = window,
            best = percent(share_by_hand(&story, pair, window) as f32),
        ));
        if p.context.len() > 2 {
            prop_assert_eq!(&lines[3], &tr!(
                "attn-now-two-words",
                two = context[context.len() - 2..].join(" "),
                best2 = percent(share_by_hand(&story, pair, 2) as f32),
            ));
        } else {
            prop_assert_eq!(lines.len(), 3);
        }
    }
}

/// The attention lesson's featured place is one that needs attention: after "on the", where
/// two words leave three things equally likely and the whole window knows which.
#[test]
fn the_lesson_opens_on_a_place_that_needs_attention() {
    let lesson = crate::lesson::load_builtin(crate::lesson::ATTENTION_ID).unwrap();
    let story = reference_story(&lesson, &[0]);
    let pair = story.featured_pair();
    let context = story.context_text(pair);
    assert!(context.ends_with("on the"), "{context}");
    assert!((story.best_share(pair, 2) - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(story.best_share(pair, story.dims.window), 1.0);
    assert_eq!(AttnViewState::new(&story, Default::default()).pair, pair);
}

/// A frame shows the newest recorded epoch at or before the playhead, every number from it.
#[test]
fn a_frame_shows_the_recorded_epoch_under_the_playhead() {
    let lesson = crate::lesson::load_builtin(crate::lesson::ATTENTION_ID).unwrap();
    let story = reference_story(&lesson, &[0, 8, 16]);
    assert_eq!(story.slot_at(-1.0).unwrap().epoch, 0);
    assert_eq!(story.slot_at(7.9).unwrap().epoch, 0);
    assert_eq!(story.slot_at(8.0).unwrap().epoch, 8);
    assert_eq!(story.slot_at(15.5).unwrap().epoch, 8);
    assert_eq!(story.slot_at(400.0).unwrap().epoch, 16);
    let slot = story.slot_at(9.0).unwrap();
    assert!(super::story::epoch_line(slot).contains('8'));
}

/// On the three reviewed screen sizes, at normal and large type (1.25x) and the projector's,
/// every region lies on the screen and none overlaps another: the card never covers a view.
#[test]
fn no_region_covers_another_on_any_screen() {
    for (w, h) in [
        (1280.0, 720.0),
        (1920.0, 1080.0),
        (1024.0, 768.0),
        (3840.0, 2160.0),
    ] {
        for look_scale in [1.0, 1.25, 1.6] {
            let s = crate::ui::kit::design_scale(w, h) * look_scale;
            let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(w, h));
            let regions = AttnLayout::of(screen, s).all();
            for (i, a) in regions.iter().enumerate() {
                assert!(
                    screen.contains_rect(*a),
                    "{w}x{h} x{look_scale}: region {i} {a:?}"
                );
                assert!(
                    a.width() > 40.0 && a.height() > 30.0,
                    "{w}x{h}: region {i} {a:?}"
                );
                for (j, b) in regions.iter().enumerate().skip(i + 1) {
                    assert!(
                        !a.intersects(b.shrink(0.5)),
                        "{w}x{h} x{look_scale}: regions {i} and {j} overlap"
                    );
                }
            }
        }
    }
}

/// Trained, the model writes one of the lesson's sentences from its first word (it learned
/// which thing goes with which animal, so the animal it drew decides the end), and each written
/// word names the earlier word it looked at most; untrained, it writes something else for most
/// draws.
#[test]
fn the_trained_model_writes_the_lessons_sentences() {
    use super::write::write_from;
    let lesson = crate::lesson::load_builtin(crate::lesson::ATTENTION_ID).unwrap();
    let story = reference_story(&lesson, &[0, 300]);
    let mut untrained_right = 0;
    for seed in 0..12 {
        let written = write_from(&story, &story.slots[1], seed).unwrap();
        let text = written.text(&story);
        assert!(lesson.sentences.contains(&text), "seed {seed}: {text}");
        // "mat", "rug" or "branch" looked back at its animal.
        let (last, at) = *written.words.last().unwrap();
        let animal = written.words[0].0;
        assert_eq!(
            at,
            animal,
            "{} looked at {}",
            story.word(last),
            story.word(at)
        );
        let untrained = write_from(&story, &story.slots[0], seed).unwrap();
        untrained_right += usize::from(lesson.sentences.contains(&untrained.text(&story)));
    }
    assert!(untrained_right <= 2, "{untrained_right} of 12");
}

/// The steps follow the training in order and never go back while it plays on.
#[test]
fn the_steps_follow_the_training() {
    use super::{STEPS, WRITE_STEP, auto_step};
    assert_eq!(auto_step(0.0, 300, false, 0.0), 0);
    let mut last = 0;
    for e in 0..=300 {
        let step = auto_step(e as f32, 300, true, 0.0);
        assert!(step >= last && step < STEPS.len());
        last = step;
    }
    assert_eq!(last, 4);
    assert_eq!(auto_step(300.0, 300, true, 25.0), WRITE_STEP);
}

/// What a screen reader finds on the attention screen (AccessKit's tree), at a roomy screen and
/// at a small one with large type, where the card's buttons show their signs alone.
fn accessibility_words(
    size: (f32, f32),
    look_scale: f32,
) -> Vec<(egui::accesskit::Role, String, bool)> {
    let lesson = crate::lesson::load_builtin(crate::lesson::ATTENTION_ID).unwrap();
    let story = reference_story(&lesson, &[0, 60]);
    let ctx = egui::Context::default();
    ctx.set_fonts(crate::scene::palette::fonts());
    ctx.enable_accesskit();
    let mut state = AttnViewState::new(&story, Default::default());
    state.playing = false;
    let look = crate::ui::Look {
        scale: look_scale,
        ..crate::ui::Look::DARK
    };
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(size.0, size.1),
        )),
        time: Some(0.0),
        ..Default::default()
    };
    let mut last = None;
    // egui lays a new area out invisibly once: the second pass is the one a reader hears.
    for _ in 0..2 {
        let mut out = ctx.run_pass(input(), |ctx| {
            look.install(ctx);
            super::attention_ui(ctx, &story, &mut state, 60.0);
        });
        out.textures_delta.clear();
        last = out.platform_output.accesskit_update;
    }
    let update = last.expect("egui gives AccessKit a tree once enabled");
    update
        .nodes
        .iter()
        .map(|(_, node)| {
            let words = [node.label(), node.value(), node.description()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            (
                node.role(),
                words,
                node.supports_action(egui::accesskit::Action::Click),
            )
        })
        .collect()
}

#[test]
fn a_screen_reader_finds_the_step_the_narration_and_the_buttons() {
    use egui::accesskit::Role;
    let _english = crate::i18n::LanguageGuard::new(crate::i18n::Lang::En);
    for (size, scale) in [((1280.0, 720.0), 1.0), ((1024.0, 768.0), 1.6)] {
        let nodes = accessibility_words(size, scale);
        let has = |role: Option<Role>, needle: &str| {
            nodes
                .iter()
                .any(|(r, words, _)| role.is_none_or(|want| *r == want) && words.contains(needle))
        };
        assert!(has(None, "The puzzle"), "{size:?}: step title");
        assert!(has(None, "several places back"), "{size:?}: step text");
        assert!(has(None, "it looks most at"), "{size:?}: narration");
        for name in ["Back", "Play", "Next", "Lessons", "Deutsch"] {
            assert!(has(Some(Role::Button), name), "{size:?}: button {name}");
        }
        for (role, words, click) in &nodes {
            if *click && !matches!(role, Role::Label | Role::ScrollBar) {
                assert!(
                    !words.trim().is_empty(),
                    "{size:?}: a {role:?} without a name"
                );
            }
        }
    }
}
