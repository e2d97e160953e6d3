//! The lessons popup's settings: the language (each named in its own words), the level of the
//! explanations, and the viewing choices (calm motion, large text, colour-blind safe colours, high
//! contrast). Each row is a set of toggles a finger can hit; a choice is an [`Action`] the window
//! applies to every view at once.

use egui::{Color32, RichText, Ui};

use super::state::{Action, UiState};
use crate::tr;

const DIM: Color32 = Color32::from_rgb(150, 160, 180);

pub(crate) fn settings_rows(ui: &mut Ui, state: &UiState, s: f32, actions: &mut Vec<Action>) {
    ui.add_space(6.0 * s);
    let size = 22.0 * s;
    // Every text of the app in another language, each named in its own (only the languages the
    // exhibit offers).
    if state.languages.len() > 1 {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr!("language")).color(DIM).size(size));
            for &lang in &state.languages {
                let current = crate::i18n::language() == lang;
                if ui
                    .selectable_label(current, RichText::new(lang.native_name()).size(size))
                    .clicked()
                {
                    actions.push(Action::SetLanguage(lang));
                }
            }
        });
    }
    // Plain words, or the terms and formulas too.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!("level")).color(DIM).size(size));
        for (level, name) in [
            (crate::i18n::Level::Simple, "level-simple"),
            (crate::i18n::Level::Technical, "level-technical"),
        ] {
            let current = crate::i18n::level() == level;
            if ui
                .selectable_label(current, RichText::new(tr!(name)).size(size))
                .clicked()
            {
                actions.push(Action::SetLevel(level));
            }
        }
    });
    // What a visitor's eyes need; each toggles on its own.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!("display")).color(DIM).size(size));
        let c = state.comfort;
        let toggles: [(&str, bool, super::Comfort); 4] = [
            (
                "comfort-calm",
                c.calm_motion,
                super::Comfort {
                    calm_motion: !c.calm_motion,
                    ..c
                },
            ),
            (
                "comfort-large",
                c.large_text,
                super::Comfort {
                    large_text: !c.large_text,
                    ..c
                },
            ),
            (
                "comfort-colours",
                c.colour_safe,
                super::Comfort {
                    colour_safe: !c.colour_safe,
                    ..c
                },
            ),
            (
                "comfort-contrast",
                c.high_contrast,
                super::Comfort {
                    high_contrast: !c.high_contrast,
                    ..c
                },
            ),
        ];
        for (name, on, toggled) in toggles {
            if ui
                .selectable_label(on, RichText::new(tr!(name)).size(size))
                .clicked()
            {
                actions.push(Action::SetComfort(toggled));
            }
        }
    });
}
