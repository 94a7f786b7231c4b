//! An axis' ticks: given, or "nice" ones found for its range.

use std::borrow::Cow;

use crate::charts::plot_map::Axis;
use crate::charts::style::{Style, TICK_PX};
use crate::number::format::fixed;

/// Tick positions of one axis.
#[derive(Clone)]
pub enum Ticks {
    /// About this many "nice" ticks (1, 2, 2.5, 5 × 10^k steps).
    Auto(usize),
    /// Exactly these, with their labels.
    At(Vec<(f64, String)>),
    None,
}

impl Ticks {
    /// The ticks and their labels on `axis` (those given, not copied).
    pub(super) fn on(&self, axis: &Axis) -> Cow<'_, [(f64, String)]> {
        match self {
            Ticks::Auto(n) => Cow::Owned(nice_ticks(axis.min, axis.max, *n)),
            Ticks::At(t) => Cow::Borrowed(t),
            Ticks::None => Cow::Borrowed(&[]),
        }
    }
}

/// "Nice" ticks covering [lo, hi]: about `n` of them.
pub fn nice_ticks(lo: f64, hi: f64, n: usize) -> Vec<(f64, String)> {
    if !lo.is_finite() || !hi.is_finite() || hi <= lo {
        return vec![];
    }
    let raw = (hi - lo) / n.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw * 0.999).unwrap_or(10.0 * mag);
    let decimals = (-(step.log10().floor())).max(0.0) as usize + usize::from((step / mag - 2.5).abs() < 1e-9);
    let first = (lo / step - 1e-9).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    (first..=last).map(|i| i as f64 * step).map(|v| (v, fixed(v, decimals))).collect()
}

/// The width the y tick `labels` take left of the plot, with their gap to
/// it: none without labels. Frames side by side that name their rows only
/// once widen the first column by as much, so their plots come out alike.
pub fn y_tick_band<'a>(style: &Style, labels: impl IntoIterator<Item = &'a str>) -> f64 {
    let widest = labels.into_iter().map(|l| style.text_width(l, TICK_PX)).fold(0.0, f64::max);
    if widest > 0.0 {
        widest + style.pxf(8.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks_are_round() {
        let t: Vec<String> = nice_ticks(0.0, 1.0, 5).into_iter().map(|t| t.1).collect();
        assert_eq!(t, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
        let t: Vec<String> = nice_ticks(-2.9, 5.3, 8).into_iter().map(|t| t.1).collect();
        assert_eq!(t, ["−2", "0", "2", "4"]);
        assert!(nice_ticks(f64::NAN, 1.0, 5).is_empty());
        assert!(nice_ticks(1.0, 1.0, 5).is_empty());
    }
}
