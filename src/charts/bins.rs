//! Bar figures of many points. Up to [`BAR_LIMIT`] points each point gets
//! its own bar; past it bars would be thinner than a pixel and hide each
//! other, so a figure draws one bar per class and x bin instead, and says so.

use plotters::prelude::DrawingBackend;

use super::area::{Area, Done};
use super::frame::Frame;
use super::style::Style;
use crate::i18n::{fill, t};
use plotters::style::RGBColor;

/// The most points a bar figure draws one bar each.
pub const BAR_LIMIT: usize = 40;
/// How many x bins a binned bar figure uses.
pub const X_BINS: usize = 24;

/// One x bin: the points of each class that fall in it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct XBin {
    pub lo: f64,
    pub hi: f64,
    /// Per class, negative (red) first: how many points, and the sum of their values.
    pub classes: [(usize, f64); 2],
}

impl XBin {
    /// The mean value of class `positive`'s points in the bin, if it has any.
    pub fn mean(&self, positive: bool) -> Option<f64> {
        let (n, sum) = self.classes[usize::from(positive)];
        (n > 0).then(|| sum / n as f64)
    }

    /// The sum of class `positive`'s values in the bin, if it has any points.
    pub fn sum(&self, positive: bool) -> Option<f64> {
        let (n, sum) = self.classes[usize::from(positive)];
        (n > 0).then_some(sum)
    }

    pub fn count(&self) -> usize {
        self.classes[0].0 + self.classes[1].0
    }
}

/// `(x, value, positive)` triples gathered into [`X_BINS`] equal bins over
/// `range` (a point on an edge goes right; beyond the range, to the end
/// bin). Empty bins are left out.
///
/// ```
/// use losslab::charts::bins::x_bins;
/// // 24 bins of width 1 over 0 … 24.
/// let bins = x_bins([(1.1, 1.0, true), (1.5, 3.0, true), (5.5, 0.5, false)].into_iter(), (0.0, 24.0));
/// assert_eq!(bins.len(), 2);
/// assert_eq!((bins[0].lo, bins[0].mean(true), bins[0].count()), (1.0, Some(2.0), 2));
/// assert_eq!((bins[1].lo, bins[1].mean(false), bins[1].mean(true)), (5.0, Some(0.5), None));
/// ```
pub fn x_bins(points: impl Iterator<Item = (f64, f64, bool)>, (lo, hi): (f64, f64)) -> Vec<XBin> {
    let width = (hi - lo) / X_BINS as f64;
    let mut bins: Vec<XBin> = (0..X_BINS)
        .map(|i| XBin { lo: lo + i as f64 * width, hi: lo + (i + 1) as f64 * width, classes: [(0, 0.0); 2] })
        .collect();
    for (x, value, positive) in points {
        if !(x.is_finite() && value.is_finite()) || width <= 0.0 {
            continue;
        }
        let i = (((x - lo) / width).floor().max(0.0) as usize).min(X_BINS - 1);
        let class = &mut bins[i].classes[usize::from(positive)];
        class.0 += 1;
        class.1 += value;
    }
    bins.retain(|b| b.count() > 0);
    bins
}

/// The note that says how binned bars were made (`note_key`, with `{n}`
/// points and `{bins}` bins), for above the plot.
pub fn binned_note(note_key: &'static str, points: usize, style: &Style) -> String {
    fill(t(style.lang, note_key), &[("n", points.to_string()), ("bins", X_BINS.to_string())])
}

/// Draws `bins` as bars standing on y = 0: in each bin one bar per class that
/// `shows`, side by side, `value` of the class's points (their mean, or their
/// sum) high. The figure says how they were made ([`binned_note`]).
pub fn draw_binned<DB: DrawingBackend>(
    frame: &Frame,
    area: &Area<DB>,
    bins: &[XBin],
    shows: impl Fn(bool) -> bool,
    value: impl Fn(&XBin, bool) -> Option<f64>,
    style: &Style,
) -> Done {
    let classes: Vec<bool> = [false, true].into_iter().filter(|&c| shows(c)).collect();
    for bin in bins {
        let (x0, x1) = (frame.px(bin.lo), frame.px(bin.hi));
        let w = (x1 - x0) * 0.84 / classes.len() as f64;
        let mut x = x0 + (x1 - x0) * 0.08;
        for &positive in &classes {
            if let Some(v) = value(bin, positive) {
                let (base, top) = (frame.py(0.0), frame.py_clamped(v));
                frame.pixel_rect(area, [x, top.min(base), x + w, top.max(base)], style.colors.class(positive))?;
            }
            x += w;
        }
    }
    Ok(())
}

/// Draws one set of bins per series (`groups[k]` in `colors[k]`, all over the
/// same points): in each x bin the series' bars side by side, each the sum of
/// the bin's values, from y = 0 up or down. The figure says how they were
/// made ([`binned_note`]).
pub fn draw_binned_groups<DB: DrawingBackend>(
    frame: &Frame,
    area: &Area<DB>,
    groups: &[Vec<XBin>],
    colors: &[RGBColor],
) -> Done {
    let k = groups.len().max(1) as f64;
    for (j, (bins, &color)) in groups.iter().zip(colors).enumerate() {
        for bin in bins {
            let (x0, x1) = (frame.px(bin.lo), frame.px(bin.hi));
            let w = (x1 - x0) * 0.84 / k;
            let left = x0 + (x1 - x0) * 0.08 + j as f64 * w;
            let (zero, end) = (frame.py(0.0), frame.py_clamped(bin.classes[0].1 + bin.classes[1].1));
            frame.pixel_rect(area, [left, zero.min(end), left + w, zero.max(end)], color)?;
        }
    }
    Ok(())
}
