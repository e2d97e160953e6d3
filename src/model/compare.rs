//! NaN-aware comparison of number slices with a relative + absolute tolerance.
//!
//! How it works: element i passes when |got - want| <= abs + rel * |want|, or when both are NaN,
//! or both are the same infinity. On failure the message names the first failing index with both
//! values, how many elements failed, and the worst error, so a GPU-vs-reference test says exactly
//! where it went wrong.

/// Ok when every element of `got` is close to `want`; else a one-line description.
pub fn assert_close(
    name: &str,
    got: &[f64],
    want: &[f64],
    rel: f64,
    abs: f64,
) -> Result<(), String> {
    if got.len() != want.len() {
        return Err(format!(
            "{name}: length {} but expected {}",
            got.len(),
            want.len()
        ));
    }
    let mut first: Option<usize> = None;
    let mut failures = 0;
    let mut worst = (0, 0.0f64);
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        let ok = if g.is_nan() || w.is_nan() {
            g.is_nan() && w.is_nan()
        } else if g.is_infinite() || w.is_infinite() {
            g == w
        } else {
            let err = (g - w).abs();
            if err > worst.1 {
                worst = (i, err);
            }
            err <= abs + rel * w.abs()
        };
        if !ok {
            failures += 1;
            first.get_or_insert(i);
        }
    }
    match first {
        None => Ok(()),
        Some(i) => Err(format!(
            "{name}: {failures} of {} values differ; first at index {i}: got {} want {} \
             (rel {rel:e}, abs {abs:e}); largest finite error {:e} at index {}",
            got.len(),
            got[i],
            want[i],
            worst.1,
            worst.0
        )),
    }
}

/// Widens f32 values (e.g. read back from the GPU) for [`assert_close`].
pub fn widen(values: &[f32]) -> Vec<f64> {
    values.iter().map(|&x| f64::from(x)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_within_tolerance_and_on_matching_nans() {
        assert!(assert_close("a", &[1.0, 2.0], &[1.0 + 1e-9, 2.0], 1e-6, 0.0).is_ok());
        assert!(
            assert_close(
                "a",
                &[f64::NAN, f64::INFINITY],
                &[f64::NAN, f64::INFINITY],
                0.0,
                0.0
            )
            .is_ok()
        );
        assert!(assert_close("a", &[1e-12], &[0.0], 0.0, 1e-9).is_ok());
        assert_eq!(widen(&[0.5, -2.0]), vec![0.5, -2.0]);
    }

    #[test]
    fn reports_the_first_failing_index() {
        let err =
            assert_close("w1", &[1.0, f64::NAN, 5.0], &[1.0, 2.0, 3.0], 1e-6, 1e-9).unwrap_err();
        assert!(
            err.starts_with("w1: 2 of 3 values differ; first at index 1: got NaN want 2"),
            "{err}"
        );
        assert!(err.contains("largest finite error 2e0 at index 2"), "{err}");
        assert!(
            assert_close("b", &[1.0], &[1.0, 2.0], 0.0, 0.0)
                .unwrap_err()
                .contains("length 1")
        );
        assert!(assert_close("c", &[f64::INFINITY], &[1.0], 1.0, 1.0).is_err());
    }
}
