//! Hostile input at a kiosk: huge text, emoji, control characters, combining marks and scripts
//! the fonts lack, typed by a visitor or written into the exhibit config. Each is refused with a
//! one-line message or trained and drawn; nothing panics.

mod common;

use nextword::kiosk::overlay::display_text;
use nextword::kiosk::{Checkpoint, ExhibitConfig, LessonSource};
use nextword::scene::SceneOptions;
use nextword::scene::headless::{HeadlessRenderer, LessonSession};
use nextword::ui::text::check_text;

fn nasty_texts() -> Vec<String> {
    vec![
        String::new(),
        "\u{0}\u{1}\u{7}\u{1b}[2J\r\n\t".into(),
        "\u{1f600}\u{1f431}\u{1f3e0} \u{1f44d}\u{1f3fd} \u{200d}\u{fe0f}".into(),
        "the cat sat on the mat. ".repeat(200), // far over the length limit
        "a ".repeat(5000),
        (0..400).map(|i| format!("w{i} ")).collect(), // too many words
        "the ca\u{301}t sa\u{308}t. the cat sat on the ma\u{30a}t.".into(), // combining marks
        "z\u{336}\u{334}\u{335}a\u{337}\u{338}l\u{321}g\u{322}o the cat sat. the cat ran.".into(),
        "\u{65e5}\u{672c}\u{8a9e} \u{30c6}\u{30ad}\u{30b9}\u{30c8} \u{65e5}\u{672c}\u{8a9e} \u{306e} \u{30c6}\u{30ad}\u{30b9}\u{30c8}.".into(),
        "\u{5d4}\u{5d7}\u{5ea}\u{5d5}\u{5dc} \u{5d9}\u{5e9}\u{5d1} \u{202e}reversed\u{202c} the cat sat.".into(),
        "\u{feff}\u{200b}the\u{200b} cat\u{ad} sat.\u{2028}the dog ran.".into(),
        "\u{fdfd} \u{1242b} \u{a9c5} the cat sat. the cat ran.".into(),
    ]
}

#[test]
fn typed_text_is_refused_in_one_line_or_trained_and_drawn() {
    let gpu = common::gpu();
    let (device, queue) = (&gpu.device, &gpu.queue);
    let mut renderer = HeadlessRenderer::new(
        device,
        (320, 180),
        SceneOptions {
            deterministic: true,
        },
    );
    let mut trained = 0;
    for text in nasty_texts() {
        match check_text(&text) {
            Err(message) => {
                assert!(
                    !message.is_empty() && !message.contains('\n'),
                    "{text:?}: {message}"
                );
            }
            Ok(lesson) => {
                let mut session = LessonSession::from_lesson(device, queue, lesson).unwrap();
                session.trainer.train(device, queue, 30);
                let frame = session.frame(30.0);
                let rgba = renderer
                    .render(device, queue, &session.inputs(), &frame)
                    .unwrap();
                assert_eq!(rgba.len(), 320 * 180 * 4);
                // A device loss mid-lesson restores typed text too.
                let c = Checkpoint::of(LessonSource::Text(text.clone()), &session);
                let again = c.restore(device, queue).unwrap();
                assert_eq!(again.trainer.epoch(), 30);
                trained += 1;
            }
        }
    }
    assert!(trained >= 4, "only {trained} texts trained");
}

#[test]
fn display_text_survives_anything() {
    for text in nasty_texts() {
        let shown = display_text(&text, 240);
        assert!(shown.chars().count() <= 241);
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
    }
}

#[test]
fn hostile_config_values_are_refused_in_one_line() {
    let cases = [
        format!("[strings]\nwelcome = \"{}\"", "\u{1f600}".repeat(300)),
        "[strings]\ncountdown = \"a\\u001b[2Jb\"".to_owned(),
        "lessons = [\"\\u0000\"]".to_owned(),
        format!("lessons = [{}]", vec!["\"cat-sat\""; 40].join(",")),
        "idle_secs = 1e400".to_owned(),
        "idle_secs = -inf".to_owned(),
        "exit_chord = \"ctrl+\u{1f600}\u{1f600}\"".to_owned(),
        "\u{feff}theme = \"dark\"\ntheme = \"dark\"".to_owned(),
        "log_max_bytes = 99999999999999999999".to_owned(),
        "[[strings]]".to_owned(),
        "\u{0}".to_owned(),
    ];
    for text in cases {
        let err = ExhibitConfig::parse(&text, "exhibit.toml", None)
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("exhibit.toml"), "{text:?}: {err}");
        assert!(!err.contains('\n'), "{text:?}: {err}");
    }
    // Emoji and other scripts are fine in strings.
    let ok = ExhibitConfig::parse(
        "[strings]\nwelcome = \"Willkommen! \u{1f44b} \u{6b22}\u{8fce}\"",
        "exhibit.toml",
        None,
    )
    .unwrap();
    assert!(ok.strings.welcome().contains('\u{1f44b}'));
}
