//! Clean exits on SIGTERM / SIGINT (systemd stopping a kiosk, Ctrl+C in a terminal, a lecture
//! machine shutting down): the window finishes its frame, flushes the log and exits 0.
//!
//! How it works: [`ExitRequest::install`] registers a handler (the `ctrlc` crate, with SIGTERM
//! and SIGHUP via its `termination` feature) that only sets a shared flag; the window checks
//! [`ExitRequest::requested`] in `about_to_wait` and calls `event_loop.exit()`, the same path as
//! closing the window. A process may install one handler; a second install returns the flag
//! without a handler (and says so in the log) instead of failing.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

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
