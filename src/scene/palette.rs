//! Word colours, the background colour and the scene's text fonts.
//!
//! How it works: every word gets a colour from a hand-picked set of saturated hues that read well
//! glowing on a dark background; beyond that set, hues continue around the colour wheel by the
//! golden angle so neighbours stay distinct. The GPU gets linear RGB (in the per-word style
//! buffer); labels use the same colour as sRGB, lightened so text stays readable.
//! Fonts: DejaVu Sans (regular and bold, assets/fonts/, Bitstream Vera licence) embedded in the
//! binary, since egui is built without its default fonts here; it covers Latin, Greek and Cyrillic.

/// The scene's background: a near-black blue, in linear HDR units (the frame is cleared to it).
pub const BACKGROUND: wgpu::Color = wgpu::Color {
    r: 0.0025,
    g: 0.003,
    b: 0.006,
    a: 1.0,
};

/// sRGB colours of the first words.
const BASE: [[u8; 3]; 10] = [
    [64, 196, 255],  // sky
    [255, 92, 168],  // pink
    [255, 184, 48],  // amber
    [124, 232, 96],  // lime
    [176, 128, 255], // violet
    [255, 120, 72],  // coral
    [48, 232, 200],  // teal
    [255, 232, 80],  // lemon
    [232, 96, 255],  // magenta
    [120, 168, 255], // periwinkle
];

fn srgb_to_linear(c: u8) -> f32 {
    let c = f32::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn hsv_to_srgb(h: f32, s: f32, v: f32) -> [u8; 3] {
    let h = h.rem_euclid(1.0) * 6.0;
    let i = h.floor();
    let f = h - i;
    let (p, q, t) = (v * (1.0 - s), v * (1.0 - s * f), v * (1.0 - s * (1.0 - f)));
    let (r, g, b) = match i as u32 {
        0 => (v, t, p),
        1 => (q, v, p),
        2 => (p, v, t),
        3 => (p, q, v),
        4 => (t, p, v),
        _ => (v, p, q),
    };
    [r, g, b].map(|x| (x * 255.0).round() as u8)
}

/// The sRGB colour of word `i`.
pub fn word_srgb(i: usize) -> [u8; 3] {
    BASE.get(i).copied().unwrap_or_else(|| {
        let h = 0.57 + i as f32 * 0.381_966;
        hsv_to_srgb(h, 0.7, 1.0)
    })
}

/// The linear RGB colour of word `i`, for the GPU.
pub fn word_linear(i: usize) -> [f32; 3] {
    word_srgb(i).map(srgb_to_linear)
}

/// The colour of word `i`'s label: the word colour, lightened toward white.
pub fn word_text(i: usize) -> egui::Color32 {
    let [r, g, b] = word_srgb(i).map(|c| (f32::from(c) * 0.7 + 255.0 * 0.3) as u8);
    egui::Color32::from_rgb(r, g, b)
}

/// The colour of each run when a lesson trains several side by side (the learning-rate lesson):
/// Okabe and Ito's colour-blind-safe set, in sRGB. The followed run is drawn in its words'
/// colours; the others, in these, as ghosts.
pub const RUN_COLORS: [[u8; 3]; 8] = [
    [230, 159, 0],   // orange
    [86, 180, 233],  // sky blue
    [0, 158, 115],   // bluish green
    [240, 228, 66],  // yellow
    [0, 114, 178],   // blue
    [213, 94, 0],    // vermillion
    [204, 121, 167], // reddish purple
    [200, 200, 200], // grey
];

/// The linear RGB colour of run `r` (the GPU's).
pub fn run_linear(r: usize) -> [f32; 3] {
    RUN_COLORS[r % RUN_COLORS.len()].map(srgb_to_linear)
}

/// The label colour of run `r`.
pub fn run_text(r: usize) -> egui::Color32 {
    let [red, g, b] = RUN_COLORS[r % RUN_COLORS.len()];
    egui::Color32::from_rgb(red, g, b)
}

/// The family name of the bold face.
pub const BOLD: &str = "bold";

/// Font definitions with DejaVu Sans as the proportional and monospace face and a "bold" family.
pub fn fonts() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::empty();
    fonts.font_data.insert(
        "DejaVuSans".into(),
        std::sync::Arc::new(egui::FontData::from_static(include_bytes!(
            "../../assets/fonts/DejaVuSans.ttf"
        ))),
    );
    fonts.font_data.insert(
        "DejaVuSans-Bold".into(),
        std::sync::Arc::new(egui::FontData::from_static(include_bytes!(
            "../../assets/fonts/DejaVuSans-Bold.ttf"
        ))),
    );
    fonts
        .families
        .insert(egui::FontFamily::Proportional, vec!["DejaVuSans".into()]);
    fonts
        .families
        .insert(egui::FontFamily::Monospace, vec!["DejaVuSans".into()]);
    fonts.families.insert(
        egui::FontFamily::Name(BOLD.into()),
        vec!["DejaVuSans-Bold".into(), "DejaVuSans".into()],
    );
    fonts
}

/// The characters of `text` the app's fonts cannot draw (they would show as boxes), each once,
/// in order; spaces and control characters do not count.
pub fn undrawable(text: &str) -> Vec<char> {
    use std::sync::{Mutex, OnceLock};
    static FONTS: OnceLock<Mutex<egui::epaint::text::Fonts>> = OnceLock::new();
    let fonts = FONTS.get_or_init(|| {
        Mutex::new(egui::epaint::text::Fonts::new(
            egui::epaint::text::TextOptions::default(),
            fonts(),
        ))
    });
    let Ok(mut fonts) = fonts.lock() else {
        return Vec::new();
    };
    let font = egui::FontId::proportional(20.0);
    let mut missing = Vec::new();
    for c in text.chars() {
        if c.is_whitespace() || c.is_control() || missing.contains(&c) {
            continue;
        }
        if !fonts.has_glyph(&font, c) {
            missing.push(c);
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_greek_and_cyrillic_draw_cjk_does_not() {
        assert!(undrawable("naïve café Straße ελληνικά русский 42 ’").is_empty());
        assert_eq!(undrawable("猫 が 猫"), vec!['猫', 'が']);
    }

    #[test]
    fn colours_are_distinct_and_bright() {
        let colours: Vec<[u8; 3]> = (0..40).map(word_srgb).collect();
        for (i, a) in colours.iter().enumerate() {
            assert!(
                a.iter().copied().max().unwrap() >= 200,
                "word {i} too dark: {a:?}"
            );
            for b in &colours[..i] {
                assert_ne!(a, b);
            }
        }
        assert!((word_linear(0)[2] - 1.0).abs() < 1e-6);
    }
}
