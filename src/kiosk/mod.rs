//! Exhibit and lecture modes: a kiosk that runs for days, and presenter controls.
//!
//! How it works: everything here is plain data and pure logic where it can be, so it is tested
//! without a window. [`config`] reads and checks the exhibit TOML (`nextword --kiosk --config
//! exhibit.toml`); [`attract`] is the idle / countdown / attract-loop state machine driven by the
//! window's clock; [`chord`] matches the exit key chord; [`present`] maps clicker keys
//! (`nextword --present`); [`theme`] holds the dark and projector looks; [`overlay`] draws the
//! kiosk's own egui layer (attract caption, welcome, countdown, blank screen); [`runtime`] bundles
//! them for the window and decides which keys and actions a visitor may use. For faults:
//! [`recovery`] watches a device (loss, uncaptured errors, logged once) and runs work in error
//! scopes; [`checkpoint`] rebuilds a lesson on a new device by retraining to the same epoch
//! (training is deterministic); [`logfile`] is a size-capped log for overnight runs; [`shutdown`]
//! turns SIGTERM into a clean exit; [`soak`]
//! drives the whole kiosk path headless for many frames and samples memory and GPU objects.

pub mod attention_exhibit;
pub mod attract;
pub mod checkpoint;
pub mod chord;
pub mod config;
pub mod logfile;
pub mod overlay;
pub mod present;
pub mod recovery;
pub mod runtime;
pub mod shutdown;
pub mod soak;
pub mod theme;

pub use attract::{Attract, AttractTiming, KioskEvent, Mode};
pub use checkpoint::{Checkpoint, LessonSource};
pub use chord::{KeyChord, Mods, Pressed};
pub use config::{ExhibitConfig, KioskStrings};
pub use overlay::{KioskOverlay, kiosk_overlay_ui};
pub use present::{Presenter, PresenterAction};
pub use recovery::{DeviceHealth, ReportOnce, validated};
pub use runtime::{KeyVerdict, KioskRuntime};
pub use shutdown::ExitRequest;
pub use theme::{Theme, ThemeStyle};

/// Errors of the kiosk. Each message is one line.
#[derive(Debug, thiserror::Error)]
pub enum KioskError {
    /// A problem at a place in the exhibit config.
    #[error("{origin}:{line}:{column}: {message}")]
    At {
        origin: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// A problem with the config as a whole.
    #[error("{origin}: {message}")]
    Invalid { origin: String, message: String },
    /// The file could not be read, or is no regular file, or is too large.
    #[error(transparent)]
    Read(#[from] crate::limits::ReadError),
    #[error("cannot restore the lesson: {0}")]
    Restore(String),
    #[error("GPU: {0}")]
    Gpu(String),
}
