//! Tests of the lesson types, loading by id or path, and lessons from typed text.

use super::*;

#[test]
fn names_round_trip() {
    for a in [Activation::Tanh, Activation::Relu] {
        assert_eq!(a.name().parse::<Activation>(), Ok(a));
    }
    for o in [
        OptimizerKind::Sgd,
        OptimizerKind::Momentum,
        OptimizerKind::Adam,
    ] {
        assert_eq!(o.name().parse::<OptimizerKind>(), Ok(o));
    }
    assert!("sigmoid".parse::<Activation>().is_err());
    assert!("rmsprop".parse::<OptimizerKind>().is_err());
}

#[test]
fn runs_share_or_vary_the_seed() {
    let mut lesson = load_builtin("cat-sat").unwrap();
    lesson.runs = 3;
    assert_eq!(lesson.lr_per_run(), vec![lesson.lr[0]; 3]);
    assert_eq!(
        lesson.seeds(),
        vec![lesson.seed, lesson.seed + 1, lesson.seed + 2]
    );
    lesson.lr = vec![0.1, 0.2, 0.3];
    assert_eq!(lesson.lr_per_run(), vec![0.1, 0.2, 0.3]);
    assert_eq!(lesson.seeds(), vec![lesson.seed; 3]);
}

#[test]
fn load_by_id_or_path() {
    assert_eq!(load("cat-sat").unwrap().id, "cat-sat");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/lessons/context.toml");
    let lesson = load(path).unwrap();
    assert_eq!(lesson, load_builtin("context").unwrap());
    let err = load("no-such-lesson").unwrap_err().to_string();
    assert!(err.contains("`no-such-lesson`") && err.contains("cat-sat, similar-words"));
    assert!(!err.contains('\n'));
}

#[test]
fn text_lessons() {
    let lesson = lesson_from_text("I like tea. You like coffee!").unwrap();
    assert_eq!(lesson.id, "custom");
    assert_eq!(lesson.sentences, vec!["I like tea", "You like coffee"]);
    let base = load_builtin("cat-sat").unwrap();
    assert_eq!(
        (lesson.model, lesson.lr.clone()),
        (base.model, base.lr.clone())
    );

    let err = lesson_from_text("?!... 🎉 \u{0}").unwrap_err().to_string();
    assert_eq!(
        err,
        "your text: the text has no words (only punctuation, symbols or spaces)"
    );
    assert!(matches!(
        lesson_from_text("one. two. three"),
        Err(LessonError::Corpus { .. })
    ));
    let long = "a ".repeat(MAX_TEXT_CHARS);
    assert!(matches!(
        lesson_from_text(&long),
        Err(LessonError::TextTooLong {
            chars,
            max: MAX_TEXT_CHARS
        }) if chars == 2 * MAX_TEXT_CHARS
    ));
    let many: String = (0..=MAX_VOCAB).map(|i| format!("w{i} ")).collect();
    assert!(matches!(
        lesson_from_text(&many),
        Err(LessonError::TooManyWords { words, .. }) if words == MAX_VOCAB + 1
    ));
}
