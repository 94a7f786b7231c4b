//! Where the figures sample their curves.

/// The x range of the binary figures: the finite data padded on both sides
/// (by 8 % of the span, at least 0.5), so markers never sit on the frame.
pub(crate) fn padded_range(xs: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) =
        xs.filter(|x| x.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| (lo.min(x), hi.max(x)));
    if lo > hi {
        return (-1.0, 1.0);
    }
    let pad = ((hi - lo) * 0.08).max(0.5);
    (lo - pad, hi + pad)
}

/// `n + 1` evenly spaced samples of `f` over `[lo, hi]`.
pub(crate) fn sample(lo: f64, hi: f64, n: usize, f: impl Fn(f64) -> f64) -> Vec<(f64, f64)> {
    (0..=n)
        .map(|i| {
            let x = lo + (hi - lo) * i as f64 / n as f64;
            (x, f(x))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_range_survives_degenerate_data() {
        assert_eq!(padded_range([].into_iter()), (-1.0, 1.0));
        assert_eq!(padded_range([f64::NAN, f64::INFINITY].into_iter()), (-1.0, 1.0));
        assert_eq!(padded_range([2.0].into_iter()), (1.5, 2.5));
        let (lo, hi) = padded_range([-2.2, 4.6].into_iter());
        assert!(lo < -2.2 && hi > 4.6);
    }
}
