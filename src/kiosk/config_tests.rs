//! Tests of the exhibit config: defaults, every key, and errors that point at the bad value.

use super::*;

fn parse(text: &str) -> Result<ExhibitConfig, String> {
    ExhibitConfig::parse(text, "exhibit.toml", None).map_err(|e| e.to_string())
}

#[test]
fn an_empty_file_gives_the_defaults() {
    assert_eq!(parse("").unwrap(), ExhibitConfig::default());
}

#[test]
fn the_example_config_is_valid() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/exhibit/example.toml");
    let c = ExhibitConfig::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.lessons, ["cat-sat", "similar-words", "context"]);
    assert_eq!(c.exit_chord.to_string(), "ctrl+shift+q");
    assert_eq!(c.theme, Theme::Dark);
    assert!(c.strings.countdown_text(7).contains('7'));
}

#[test]
fn reads_every_key() {
    let c = parse(
        "lessons = [\"context\"]\nidle_secs = 60\nwarning_secs = 5\nlesson_secs = 20\n\
         welcome_secs = 2\nspeed = 40\nexit_chord = \"alt+f4\"\ntheme = \"projector\"\n\
         log_file = \"\"\nlog_max_bytes = 65536\n[strings]\nwelcome = \"Hallo! \u{1f44b}\"\n",
    )
    .unwrap();
    assert_eq!(c.lessons, ["context"]);
    assert_eq!(
        (c.idle_secs, c.warning_secs, c.lesson_secs),
        (60.0, 5.0, 20.0)
    );
    assert_eq!((c.welcome_secs, c.speed), (2.0, 40.0));
    assert_eq!(c.exit_chord.to_string(), "alt+f4");
    assert_eq!(c.theme, Theme::Projector);
    assert_eq!(c.log_file, None);
    assert_eq!(c.log_max_bytes, 65536);
    assert_eq!(c.strings.welcome(), "Hallo! \u{1f44b}");
    assert_eq!(c.strings.attract(), KioskStrings::default().attract());
}

#[test]
fn errors_point_at_the_bad_value() {
    for (text, expected) in [
        (
            "idle_secs = 3",
            "exhibit.toml:1:13: `idle_secs` must be between 10 and 86400, got 3",
        ),
        (
            "idle_secs = 30\nwarning_secs = 30",
            "exhibit.toml:2:16: `warning_secs` (30) must be less",
        ),
        ("lessons = []", "exhibit.toml:1:11: `lessons` is empty"),
        (
            "lessons = [\"cat-sat\", \"dog-ran\"]",
            "exhibit.toml:1:23: `dog-ran` is neither a built-in lesson",
        ),
        (
            "exit_chord = \"q\"",
            "exhibit.toml:1:14: the exit chord `q` needs ctrl",
        ),
        ("theme = \"neon\"", "exhibit.toml:1:9: unknown theme `neon`"),
        (
            "idel_secs = 30",
            "exhibit.toml:1:1: unknown field `idel_secs`",
        ),
        ("idle_secs = \"lots\"", "exhibit.toml:1:13: invalid type"),
        (
            "[strings]\nwelcome = \"a\\u0007b\"",
            "exhibit.toml:2:11: `strings.welcome` contains a control character",
        ),
        (
            "[strings]\nwelcome = \"  \"",
            "exhibit.toml:2:11: `strings.welcome` is empty",
        ),
        (
            "log_max_bytes = 10",
            "exhibit.toml:1:17: `log_max_bytes` must be between 4096",
        ),
        (
            "idle_secs = nan",
            "exhibit.toml:1:13: `idle_secs` must be between",
        ),
        ("lessons = [", "exhibit.toml:1:12:"),
    ] {
        let err = parse(text).unwrap_err();
        assert!(
            err.starts_with(expected),
            "{text:?}\n  got: {err}\n want: {expected}"
        );
        assert!(!err.contains('\n'), "{err}");
    }
}

#[test]
fn huge_strings_are_refused() {
    let long = "x".repeat(MAX_STRING_CHARS + 1);
    let err = parse(&format!("[strings]\nattract = \"{long}\"")).unwrap_err();
    assert!(err.contains("at most 240"), "{err}");
}

#[test]
fn lesson_files_resolve_against_the_config_folder() {
    let dir = std::env::temp_dir().join(format!("nextword-kiosk-cfg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let lesson = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/lessons/context.toml");
    std::fs::copy(&lesson, dir.join("mine.toml")).unwrap();
    let cfg = dir.join("exhibit.toml");
    std::fs::write(&cfg, "lessons = [\"mine.toml\", \"cat-sat\"]\n").unwrap();
    let c = ExhibitConfig::load(&cfg).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.lessons[0], dir.join("mine.toml").display().to_string());
    assert_eq!(c.lessons[1], "cat-sat");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_missing_file_is_one_line() {
    let err = ExhibitConfig::load(Path::new("/nonexistent/exhibit.toml")).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/nonexistent/exhibit.toml: cannot read"),
        "{err}"
    );
}

#[test]
fn languages_and_viewing_choices() {
    let c = parse(
        "languages = [\"de\", \"en\", \"de-AT\"]\nlanguage = \"de\"\ncalm_motion = true\n\
         large_text = true\npalette = \"vivid\"\nhigh_contrast = true\nscreen_width_mm = 531\n",
    )
    .unwrap();
    assert_eq!(c.languages, [Lang::De, Lang::En]);
    assert_eq!(c.language, Lang::De);
    assert!(c.comfort.calm_motion && c.comfort.large_text && c.comfort.high_contrast);
    assert!(!c.comfort.colour_safe);
    assert_eq!(c.screen_width_mm, Some(531.0));
    // Exhibits start with colour-blind safe colours and every language, English first.
    let d = ExhibitConfig::default();
    assert!(d.comfort.colour_safe && !d.comfort.calm_motion);
    assert_eq!((d.languages.len(), d.language), (4, Lang::En));
    // The first offered language is the default when none is named.
    assert_eq!(
        parse("languages = [\"fr\", \"es\"]").unwrap().language,
        Lang::Fr
    );
    for (text, needle) in [
        ("languages = []", "exhibit.toml:1:13: `languages` is empty"),
        (
            "languages = [\"en\", \"ar\"]",
            "exhibit.toml:1:20: `ar` is written right to left",
        ),
        (
            "languages = [\"en\"]\nlanguage = \"de\"",
            "exhibit.toml:2:12: `language` de is not among",
        ),
        ("palette = \"neon\"", "exhibit.toml:1:11: unknown palette"),
        (
            "screen_width_mm = 0",
            "exhibit.toml:1:19: `screen_width_mm` must be between",
        ),
        ("calm_motion = \"yes\"", "exhibit.toml:1:15"),
    ] {
        let err = parse(text).unwrap_err();
        assert!(err.starts_with(needle), "{text}: {err}");
    }
}

#[test]
fn an_attention_lesson_is_shown_alone() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/lessons/attention.toml");
    let alone = parse(&format!("lessons = [{:?}]", path.display().to_string())).unwrap();
    assert_eq!(alone.lessons.len(), 1);
    assert_eq!(
        parse("lessons = [\"attention\"]").unwrap().lessons,
        ["attention"]
    );
    let err = parse("lessons = [\"cat-sat\", \"attention\"]").unwrap_err();
    assert!(err.starts_with("exhibit.toml:1:23:"), "{err}");
    assert!(err.contains("shows alone"), "{err}");
}
