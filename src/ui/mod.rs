//! The egui overlay that turns the scene into an interactive lesson: steps, narration, controls.
//!
//! How it works: everything the overlay decides is plain data and pure functions, testable
//! without a window: [`summary`] describes the lesson and the numbers of one frame, [`narration`]
//! reads phases and milestones from the loss history and writes the "what's happening now" text,
//! [`state`] holds the UI state, the [`Action`]s and the keyboard map, [`text`] checks typed text.
//! [`overlay`] draws it all with egui ([`overlay_ui`]) and returns the actions the window executes;
//! [`highlight::highlighted_views`] tells the scene which views the current step talks about.
//! [`steps`] writes the step cards and [`narration`] the "what's happening now" card, each
//! sentence with the facts it states ([`claims`]); every sentence comes from
//! [`crate::i18n`]. [`kit`] is the cards' shared look. [`write`] and [`write_panel`] are the step where the
//! model writes; [`math`] and [`math_card`] the forward pass with real numbers.

pub mod attention;
pub mod claims;
pub mod comfort;
pub mod controls;
pub mod highlight;
pub mod hover;
pub mod kit;
pub mod lesson_card;
pub mod live;
pub mod look;
pub mod math;
pub mod math_card;
pub mod narration;
pub mod overlay;
pub mod pacing;
pub mod settings_rows;
pub mod state;
pub mod steps;
pub mod summary;
pub mod text;
pub mod tour;
pub mod write;
pub mod write_panel;

pub use comfort::Comfort;
pub use highlight::{ViewHighlights, highlighted_views};
pub use live::LessonUi;
pub use look::Look;
pub use narration::{Milestone, MilestoneKind, Narration, PhaseParams, TrainingPhase};
pub use overlay::overlay_ui;
pub use state::{Action, Step, UiState, action_for_key};
pub use summary::{LessonInfo, LessonSummary, RunStatus};
