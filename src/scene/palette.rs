//! Word colours, the background colour and the scene's text fonts.
//!
//! How it works: every word gets a colour from one of two hand-picked sets ([`WordPalette`]):
//! `Vivid`, saturated hues that read well glowing on a dark background, or `ColourSafe`, eight
//! colours chosen so that every two stay at least 25 CIELAB units apart for people with
//! protanopia, deuteranopia or tritanopia too (Machado et al.'s simulation; tested below). Beyond
//! its set, `Vivid` continues around the colour wheel by the golden angle and `ColourSafe` repeats
//! its colours darker, then lighter (labels name every word, so colour is never the only cue).
//! The palette is process-wide ([`set_word_palette`]), like the language. The GPU gets linear RGB (in the per-word style
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

/// Eight colours distinguishable with any of the three colour-vision deficiencies, bright
/// enough on the dark background (Okabe and Ito's hues, moved apart by a search over the
/// simulated differences).
const COLOUR_SAFE: [[u8; 3]; 8] = [
    [98, 176, 233],  // sky blue
    [225, 128, 0],   // orange
    [0, 255, 163],   // spring green
    [255, 236, 106], // pale yellow
    [176, 115, 146], // mauve
    [255, 59, 84],   // red
    [151, 112, 255], // violet
    [192, 233, 232], // ice
];

/// Which colours the words get.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum WordPalette {
    /// Saturated hues that glow on the dark background.
    #[default]
    Vivid,
    /// Colours that stay apart for colour-blind visitors.
    ColourSafe,
}

impl std::str::FromStr for WordPalette {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_lowercase().as_str() {
            "vivid" => Ok(WordPalette::Vivid),
            "colour-safe" | "color-safe" => Ok(WordPalette::ColourSafe),
            _ => Err(format!(
                "unknown palette `{s}`, expected \"vivid\" or \"colour-safe\""
            )),
        }
    }
}

static PALETTE: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// The words' colours from now on (every view; the scene re-uploads them).
pub fn set_word_palette(palette: WordPalette) {
    PALETTE.store(
        u8::from(palette == WordPalette::ColourSafe),
        std::sync::atomic::Ordering::Relaxed,
    );
}

/// The palette in use.
pub fn word_palette() -> WordPalette {
    if PALETTE.load(std::sync::atomic::Ordering::Relaxed) == 1 {
        WordPalette::ColourSafe
    } else {
        WordPalette::Vivid
    }
}

/// The sRGB colour of word `i` in the active palette.
pub fn word_srgb(i: usize) -> [u8; 3] {
    palette_srgb(word_palette(), i)
}

/// The sRGB colour of word `i` in `palette`.
pub fn palette_srgb(palette: WordPalette, i: usize) -> [u8; 3] {
    match palette {
        WordPalette::Vivid => BASE.get(i).copied().unwrap_or_else(|| {
            let h = 0.57 + i as f32 * 0.381_966;
            hsv_to_srgb(h, 0.7, 1.0)
        }),
        WordPalette::ColourSafe => {
            let n = COLOUR_SAFE.len();
            let base = COLOUR_SAFE[i % n];
            // Second round darker, third lighter, then again.
            match (i / n) % 3 {
                0 => base,
                1 => base.map(|c| (f32::from(c) * 0.72) as u8),
                _ => base.map(|c| (f32::from(c) * 0.6 + 255.0 * 0.4) as u8),
            }
        }
    }
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

/// The first characters of `text` (at most 12, as one string) the fonts cannot draw, if any.
pub fn undrawable_shown(text: &str) -> Option<String> {
    let missing = undrawable(text);
    (!missing.is_empty()).then(|| missing.iter().take(12).collect())
}

/// A lesson whose shown `text` (title, words) the fonts can draw, or the one-line refusal that
/// names the characters they cannot.
pub fn check_drawable(text: &str) -> Result<(), String> {
    match undrawable_shown(text) {
        Some(shown) => Err(format!(
            "the lesson uses characters the app's fonts cannot draw ({shown}); Latin, Greek and \
             Cyrillic letters can be shown"
        )),
        None => Ok(()),
    }
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

    /// Machado, Oliveira and Fernandes (2009) simulation matrices at full severity, on linear
    /// RGB: protanopia, deuteranopia, tritanopia.
    const CVD: [[[f32; 3]; 3]; 3] = [
        [
            [0.152_286, 1.052_583, -0.204_868],
            [0.114_503, 0.786_281, 0.099_216],
            [-0.003_882, -0.048_116, 1.051_998],
        ],
        [
            [0.367_322, 0.860_646, -0.227_968],
            [0.280_085, 0.672_501, 0.047_413],
            [-0.011_820, 0.042_940, 0.968_881],
        ],
        [
            [1.255_528, -0.076_749, -0.178_779],
            [-0.078_411, 0.930_809, 0.147_602],
            [0.004_733, 0.691_367, 0.303_900],
        ],
    ];

    /// CIELAB (D65) of linear RGB.
    fn lab([r, g, b]: [f32; 3]) -> [f32; 3] {
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.950_47;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.088_83;
        let f = |t: f32| {
            if t > 216.0 / 24389.0 {
                t.cbrt()
            } else {
                (24389.0 / 27.0 * t + 16.0) / 116.0
            }
        };
        let (fx, fy, fz) = (f(x), f(y), f(z));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    /// The smallest CIELAB difference between two of the first `n` colours of `palette`, as a
    /// viewer with deficiency `m` sees them (None: normal vision).
    fn smallest_difference(palette: WordPalette, n: usize, m: Option<&[[f32; 3]; 3]>) -> f32 {
        let seen: Vec<[f32; 3]> = (0..n)
            .map(|i| {
                let c = palette_srgb(palette, i).map(srgb_to_linear);
                let c = match m {
                    Some(m) => [0, 1, 2].map(|k| {
                        (m[k][0] * c[0] + m[k][1] * c[1] + m[k][2] * c[2]).clamp(0.0, 1.0)
                    }),
                    None => c,
                };
                lab(c)
            })
            .collect();
        let mut smallest = f32::INFINITY;
        for (i, a) in seen.iter().enumerate() {
            for b in &seen[..i] {
                let d =
                    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt();
                smallest = smallest.min(d);
            }
        }
        smallest
    }

    #[test]
    fn the_colour_safe_palette_stays_apart_for_colour_blind_eyes() {
        let n = COLOUR_SAFE.len();
        for (name, m) in ["protanopia", "deuteranopia", "tritanopia"]
            .iter()
            .zip(&CVD)
        {
            let d = smallest_difference(WordPalette::ColourSafe, n, Some(m));
            assert!(d >= 25.0, "{name}: two colours only {d:.1} apart");
            // The vivid palette does not manage this: the test can tell them apart.
            let vivid = smallest_difference(WordPalette::Vivid, n, Some(m));
            assert!(vivid < d, "{name}: vivid {vivid:.1} vs safe {d:.1}");
        }
        assert!(smallest_difference(WordPalette::ColourSafe, n, None) >= 30.0);
        // Every colour is bright enough on the dark background (CIELAB lightness).
        for i in 0..n {
            let l = lab(palette_srgb(WordPalette::ColourSafe, i).map(srgb_to_linear))[0];
            assert!(l >= 55.0, "colour {i} too dark: L* {l:.0}");
        }
        assert_eq!(
            "Colour-Safe".parse::<WordPalette>(),
            Ok(WordPalette::ColourSafe)
        );
        assert!("neon".parse::<WordPalette>().is_err());
    }

    #[test]
    fn colours_are_distinct_and_bright() {
        let colours: Vec<[u8; 3]> = (0..40)
            .map(|i| palette_srgb(WordPalette::Vivid, i))
            .collect();
        for (i, a) in colours.iter().enumerate() {
            assert!(
                a.iter().copied().max().unwrap() >= 200,
                "word {i} too dark: {a:?}"
            );
            for b in &colours[..i] {
                assert_ne!(a, b);
            }
        }
        assert!((srgb_to_linear(palette_srgb(WordPalette::Vivid, 0)[2]) - 1.0).abs() < 1e-6);
    }
}
