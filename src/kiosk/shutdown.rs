//! Clean exits on SIGTERM / SIGINT (systemd stopping a kiosk, Ctrl+C in a terminal, a lecture
//! machine shutting down): the window finishes its frame, flushes the log and exits 0.
//!
//! How it works: [`ExitRequest::install`] registers a handler (the `ctrlc` crate, with SIGTERM
//! and SIGHUP via its `termination` feature) that only sets a shared flag; the window checks
//! [`ExitRequest::requested`] in `about_to_wait` and calls `event_loop.exit()`, the same path as
//! closing the window; should that not happen within [`FORCED_EXIT_AFTER`] (a frame stuck in a
//! driver), the handler's watchdog ends the process. A process may install one handler; a second install returns the flag
//! without a handler (and says so in the log) instead of failing.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// How long a signal waits for the clean exit before the process leaves anyway.
pub const FORCED_EXIT_AFTER: std::time::Duration = std::time::Duration::from_millis(900);

/// A flag set when the process is asked to terminate.
#[derive(Clone, Debug, Default)]
pub struct ExitRequest {
    flag: Arc<AtomicBool>,
}

impl ExitRequest {
    /// Installs the signal handler (SIGINT, SIGTERM, SIGHUP on Unix; Ctrl+C / close on Windows).
    pub fn install() -> Self {
        let request = Self::default();
        let flag = request.flag.clone();
        if let Err(e) = ctrlc::set_handler(move || {
            flag.store(true, Ordering::SeqCst);
            // The window leaves at its next frame; should a frame be stuck (a driver, a huge
            // submit), the process still ends within a second.
            std::thread::spawn(|| {
                std::thread::sleep(FORCED_EXIT_AFTER);
                log::warn!("no clean exit within {FORCED_EXIT_AFTER:?} of the signal: leaving now");
                log::logger().flush();
                std::process::exit(0);
            });
        }) {
            log::warn!("cannot install the termination handler: {e}");
        }
        request
    }

    pub fn requested(&self) -> bool {
        self.flag.load(Ordering::SeqCst)
    }

    /// Asks for an exit from inside the app (e.g. the kiosk's exit chord).
    pub fn request(&self) {
        self.flag.store(true, Ordering::SeqCst);
    }
}
