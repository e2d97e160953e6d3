//! `nextword --kiosk --config PATH` and `--present` on the command line: a malformed exhibit
//! config is one error line naming file:line:col and a non-zero exit, before any window opens.

use std::path::PathBuf;
use std::process::{Command, Output};

fn nextword(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nextword"))
        .args(args)
        // No display: if a window were attempted the test would fail differently.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_RUNTIME_DIR", std::env::temp_dir())
        .output()
        .expect("run nextword")
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nextword-app-kiosk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn one_error_line(out: &Output) -> String {
    assert!(!out.status.success(), "expected a failure");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn malformed_config_is_one_line_with_its_place() {
    let path = temp_file("bad.toml", "idle_secs = 60\nwarning_secs = \"ten\"\n");
    let out = nextword(&["--kiosk", "--config", path.to_str().unwrap()]);
    let stderr = one_error_line(&out);
    let place = format!("{}:2:", path.display());
    assert!(stderr.contains(&place), "{stderr}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn out_of_range_value_names_line_and_column() {
    let path = temp_file("range.toml", "# exhibit\nidle_secs = -5\n");
    let out = nextword(&["--kiosk", "--config", path.to_str().unwrap()]);
    let stderr = one_error_line(&out);
    assert!(
        stderr.contains(&format!("{}:2:13", path.display())),
        "{stderr}"
    );
}

#[test]
fn missing_config_is_one_line() {
    let out = nextword(&["--kiosk", "--config", "/nonexistent/exhibit.toml"]);
    let stderr = one_error_line(&out);
    assert!(stderr.contains("/nonexistent/exhibit.toml"), "{stderr}");
}

#[test]
fn config_needs_kiosk_and_present_excludes_kiosk() {
    let out = nextword(&["--config", "x.toml"]);
    one_error_line(&out);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("add --kiosk"),
        "the line says what to do"
    );
    let out = nextword(&["--kiosk", "--present"]);
    one_error_line(&out);
    assert_eq!(out.status.code(), Some(2));
}
