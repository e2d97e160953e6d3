//! SIGTERM becomes a request to exit (the window then leaves its event loop like a close), not
//! a kill. Its own test binary: a process installs one handler.

use std::time::{Duration, Instant};

use nextword::kiosk::ExitRequest;

#[test]
#[cfg(unix)]
fn sigterm_sets_the_exit_request() {
    let exit = ExitRequest::install();
    assert!(!exit.requested());
    let status = std::process::Command::new("kill")
        .args(["-TERM", &std::process::id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let start = Instant::now();
    while !exit.requested() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "SIGTERM was not seen"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    // A second install does not fail.
    let again = ExitRequest::install();
    again.request();
    assert!(again.requested());
}
