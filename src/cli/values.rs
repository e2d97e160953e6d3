//! Value parsers for the command line's numbers: every float flag is a finite number (NaN and
//! infinities are refused with one line naming the flag's rule), positive where a zero or a
//! negative value means nothing.

/// A finite number.
pub fn finite_f32(text: &str) -> Result<f32, String> {
    let v: f32 = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))?;
    if !v.is_finite() {
        return Err(format!("`{text}` is not a finite number"));
    }
    Ok(v)
}

/// A finite number of at least 0.
pub fn non_negative_f32(text: &str) -> Result<f32, String> {
    let v = finite_f32(text)?;
    if v < 0.0 {
        return Err(format!("must be at least 0, got {v}"));
    }
    Ok(v)
}

/// A finite number above 0.
pub fn positive_f32(text: &str) -> Result<f32, String> {
    let v = finite_f32(text)?;
    if v <= 0.0 {
        return Err(format!("must be more than 0, got {v}"));
    }
    Ok(v)
}

/// A finite number above 0 (f64).
pub fn positive_f64(text: &str) -> Result<f64, String> {
    positive_f32(text)?;
    let v: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))?;
    if !v.is_finite() || v <= 0.0 {
        return Err(format!("must be a finite number more than 0, got `{text}`"));
    }
    Ok(v)
}

/// A finite number of at least 0 (f64).
pub fn non_negative_f64(text: &str) -> Result<f64, String> {
    let v: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))?;
    if !v.is_finite() || v < 0.0 {
        return Err(format!(
            "must be a finite number of at least 0, got `{text}`"
        ));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_finite_numbers_pass() {
        for bad in ["NaN", "nan", "inf", "-inf", "infinity", "abc", "", "1e999"] {
            assert!(finite_f32(bad).is_err(), "{bad}");
            assert!(positive_f64(bad).is_err(), "{bad}");
            assert!(non_negative_f64(bad).is_err(), "{bad}");
        }
        assert_eq!(finite_f32("-2.5"), Ok(-2.5));
        assert!(non_negative_f32("-1").is_err());
        assert!(positive_f32("0").is_err());
        assert_eq!(positive_f64("0.25"), Ok(0.25));
        assert_eq!(non_negative_f64("0"), Ok(0.0));
    }
}
