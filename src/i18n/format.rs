//! Numbers as a reader of each language expects them: 45.3% and 1,024 in English, 45,3 % and
//! 1.024 in German, 45,3 % and 1 024 in French.
//!
//! How it works: [`number_in`] writes a value with a fixed number of decimals and the language's
//! decimal and grouping separators; the Fluent bundles use it for every number placeable. The
//! helpers below choose the precision a value deserves ([`percent`], [`loss`], [`rate`],
//! [`signed`], [`tick`]) and format in the active language; a percentage's sign and spacing come
//! from the language's `percent` message, so a translation decides "45 %" or "45%".

use super::{Arg, Lang, language, text_in};

/// Decimal separator, grouping separator, and the fewest integer digits that get grouped.
fn separators(lang: Lang) -> (char, &'static str, usize) {
    match lang {
        Lang::En => ('.', ",", 4),
        Lang::De => (',', ".", 4),
        // French groups with a narrow no-break space.
        Lang::Fr => (',', "\u{202f}", 4),
        // Spanish leaves four-digit numbers whole (2024, 1024) and groups from five digits.
        Lang::Es => (',', ".", 5),
    }
}

/// `value` with `digits` decimals in `lang`'s way ("–" when not finite).
pub fn number_in(lang: Lang, value: f64, digits: usize) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let digits = digits.min(12);
    let text = format!("{:.*}", digits, value.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let (decimal, group, min_grouped) = separators(lang);
    let mut out = String::new();
    // "-0" and "-0.00" read as 0.
    if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('−');
    }
    if int.len() >= min_grouped {
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push_str(group);
            }
            out.push(c);
        }
    } else {
        out.push_str(int);
    }
    if let Some(frac) = frac {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// `value` with `digits` decimals in the active language.
pub fn number(value: f64, digits: usize) -> String {
    number_in(language(), value, digits)
}

/// A whole number in the active language: 1,024 / 1.024 / 1 024.
pub fn integer(n: u64) -> String {
    number(n as f64, 0)
}

/// A probability as a percentage: whole percents between 10% and 99%, one decimal outside them
/// ("43%", "2.1%", "99.4%"); a value below 1 never rounds up to "100%".
pub fn percent(p: f32) -> String {
    percent_in(language(), p)
}

/// [`percent`] in `lang`.
pub fn percent_in(lang: Lang, p: f32) -> String {
    if !p.is_finite() {
        return "–".to_owned();
    }
    let pct = f64::from(p.clamp(0.0, 1.0)) * 100.0;
    // Whole percents (0.5, 0.99: thresholds, shares) read without a decimal.
    let whole = (pct - pct.round()).abs() < 1e-4;
    let digits = if whole || (9.95..99.0).contains(&pct) {
        0
    } else {
        1
    };
    let mut value = if whole { pct.round() } else { pct };
    // Rounding must not claim a certainty the value does not have.
    let step = if digits == 0 { 1.0 } else { 0.1 };
    if pct < 100.0 && (pct / step).round() * step >= 100.0 {
        value = 100.0 - step;
    }
    text_in(
        lang,
        "percent",
        &[("value", Arg::Decimal(value, digits as u8))],
    )
}

/// A loss value: two decimals, three below 0.1, "–" when not finite.
pub fn loss(value: f32) -> String {
    let digits = if value.abs() < 0.1 { 3 } else { 2 };
    number(f64::from(value), digits)
}

/// A learning rate or a speed in its shortest form: 0.02, 1, 0.001 (scientific when long).
pub fn rate(value: f64) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let shortest = format!("{value}");
    if shortest.len() > 8 {
        return format!("{value:.3e}");
    }
    let digits = shortest.split_once('.').map_or(0, |(_, f)| f.len());
    number(value, digits)
}

/// A signed value with `digits` decimals: "+0.99", "−0.20" (German "+0,99").
pub fn signed(value: f32, digits: usize) -> String {
    let body = number(f64::from(value.abs()), digits);
    if !value.is_finite() {
        return body;
    }
    let zero = body.chars().all(|c| !c.is_ascii_digit() || c == '0');
    let sign = if zero {
        ""
    } else if value < 0.0 {
        "−"
    } else {
        "+"
    };
    format!("{sign}{body}")
}

/// An axis tick: "0", "1.61", "0.012", "12".
pub fn tick(value: f32) -> String {
    if value == 0.0 {
        return "0".to_owned();
    }
    let digits = if value.abs() >= 10.0 {
        0
    } else if value.abs() >= 0.1 {
        2
    } else {
        3
    };
    number(f64::from(value), digits)
}
