//! A line cut to the plot, and whether a line runs through a box.

use super::Frame;
use crate::charts::plot_map::PlotMap;

impl Frame<'_> {
    /// The backend pixels of `points`' line inside the plot (not rounded),
    /// as runs, one per stretch inside it: every run's points one after
    /// another, and where each run ends. A run has at least two points.
    pub(super) fn clipped_runs(&self, points: &[(f64, f64)]) -> (Vec<(f64, f64)>, Vec<usize>) {
        let PlotMap { left, top, right, bottom, .. } = self.map;
        let top = top + self.notes_band;
        let mut pixels: Vec<(f64, f64)> = Vec::with_capacity(points.len());
        let mut ends: Vec<usize> = Vec::new();
        // Where the run being built starts in `pixels`.
        let mut start = 0;
        let projection = self.map.projection();
        let pixel = |&(x, y): &(f64, f64)| {
            let (a, c) = (projection.x_pixel(x), projection.y_pixel(y));
            (x.is_finite() && y.is_finite() && a.is_finite() && c.is_finite()).then_some((a, c))
        };
        // Ends the run being built: kept when it draws a line.
        let mut flush = |pixels: &mut Vec<(f64, f64)>, start: &mut usize| {
            if pixels.len() - *start >= 2 {
                ends.push(pixels.len());
                *start = pixels.len();
            } else {
                pixels.truncate(*start);
            }
        };
        let mut previous = points.first().and_then(pixel);
        for point in points.iter().skip(1) {
            let next = pixel(point);
            let (Some(p0), Some(p1)) = (std::mem::replace(&mut previous, next), next) else {
                flush(&mut pixels, &mut start);
                continue;
            };
            match clip_segment(p0, p1, (left, top, right, bottom)) {
                Some((q0, q1, cut_end)) => {
                    // A run that goes on goes on from q0: each segment
                    // starts where the last one, kept whole, ended.
                    if pixels.len() == start {
                        pixels.push(q0);
                    }
                    if pixels.last() != Some(&q1) {
                        pixels.push(q1);
                    }
                    if cut_end {
                        flush(&mut pixels, &mut start);
                    }
                }
                None => flush(&mut pixels, &mut start),
            }
        }
        flush(&mut pixels, &mut start);
        (pixels, ends)
    }
}

/// A segment's kept part, and whether its end was cut.
type Clipped = ((f64, f64), (f64, f64), bool);

/// The part of a segment inside a rectangle (l, t, r, b), and whether its
/// end was cut (so the polyline must break there).
#[inline(always)]
fn clip_segment(p0: (f64, f64), p1: (f64, f64), (l, t, rr, b): (f64, f64, f64, f64)) -> Option<Clipped> {
    let (dx, dy) = (p1.0 - p0.0, p1.1 - p0.1);
    // Most segments of a curve lie inside: kept whole, as Liang–Barsky
    // keeps them (u0 = 0, u1 = 1), without its four divisions.
    if inside(p0, (l, t, rr, b)) && inside(p1, (l, t, rr, b)) {
        return Some((p0, (p0.0 + dx, p0.1 + dy), false));
    }
    liang_barsky(p0, p1, (l, t, rr, b))
}

/// Whether a pixel lies in a rectangle (l, t, r, b), edges included.
#[inline(always)]
fn inside((x, y): (f64, f64), (l, t, rr, b): (f64, f64, f64, f64)) -> bool {
    l <= x && x <= rr && t <= y && y <= b
}

/// The part of a segment inside a rectangle (l, t, r, b), by Liang–Barsky,
/// and whether its end was cut.
fn liang_barsky(p0: (f64, f64), p1: (f64, f64), (l, t, rr, b): (f64, f64, f64, f64)) -> Option<Clipped> {
    let (dx, dy) = (p1.0 - p0.0, p1.1 - p0.1);
    let (mut u0, mut u1) = (0.0f64, 1.0f64);
    for (p, q) in [(-dx, p0.0 - l), (dx, rr - p0.0), (-dy, p0.1 - t), (dy, b - p0.1)] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let u = q / p;
            if p < 0.0 {
                u0 = u0.max(u);
            } else {
                u1 = u1.min(u);
            }
        }
    }
    if u0 > u1 {
        return None;
    }
    Some(((p0.0 + u0 * dx, p0.1 + u0 * dy), (p0.0 + u1 * dx, p0.1 + u1 * dy), u1 < 1.0))
}

/// [`runs_through`]; for a line that goes left to right (a curve over x,
/// most of them), only its segments over the box's columns are looked at.
pub(super) fn runs_through_part(points: &[(f64, f64)], rightwards: bool, rect: [f64; 4]) -> bool {
    if !rightwards {
        return runs_through(points, rect);
    }
    let start = points.partition_point(|p| p.0 < rect[0]).saturating_sub(1);
    let end = (points.partition_point(|p| p.0 <= rect[2]) + 1).min(points.len());
    runs_through(&points[start..end.max(start)], rect)
}

/// Whether the line through `points` runs through `rect` (x0, y0, x1, y1),
/// a pixel in from its edges: a line that only grazes the words does not.
pub(crate) fn runs_through(points: &[(f64, f64)], [x0, y0, x1, y1]: [f64; 4]) -> bool {
    let (x0, y0, x1, y1) = (x0 + 1.0, y0 + 1.0, x1 - 1.0, y1 - 1.0);
    points.windows(2).any(|pair| {
        let ((ax, ay), (bx, by)) = (pair[0], pair[1]);
        // Most segments are nowhere near: passed over without a division.
        let apart = ax.max(bx) < x0 || ax.min(bx) > x1 || ay.max(by) < y0 || ay.min(by) > y1;
        !apart && liang_barsky(pair[0], pair[1], (x0, y0, x1, y1)).is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::super::FrameSpec;
    use super::*;
    use crate::charts::plot_map::Axis;
    use crate::charts::style::Style;

    /// A line breaks where a point is not a number and where it leaves the
    /// plot: its runs lie one after another in one list, each of at least
    /// two points, a lone point left out.
    #[test]
    fn a_line_breaks_into_runs_where_it_is_not_a_number_or_leaves_the_plot() {
        use plotters::prelude::IntoDrawingArea;

        use crate::charts::painting::{Painter, Painting};

        let style = Style::default();
        let mut painting = Painting::default();
        let area = Painter::new(&mut painting, (400, 300)).into_drawing_area();
        let spec = FrameSpec::new(Axis::linear(0.0, 1.0), Axis::linear(0.0, 1.0));
        let frame = Frame::draw(&area, &style, &spec).unwrap();
        let points = [
            (0.0, 0.5),
            (0.25, 0.5),
            (0.5, 0.5),
            (f64::NAN, 0.5),
            (0.6, 0.1), // alone between two breaks: draws nothing
            (0.7, f64::INFINITY),
            (0.8, 0.5),
            (0.9, 0.9),
            (0.9, 1.5), // leaves the plot at its top
            (1.0, 1.5),
        ];
        let (pixels, ends) = frame.clipped_runs(&points);
        assert_eq!(ends, [3, 6]);
        let kept = [(0.0, 0.5), (0.25, 0.5), (0.5, 0.5), (0.8, 0.5), (0.9, 0.9)].map(|(x, y)| frame.p(x, y));
        assert_eq!(pixels[..5], kept, "every point kept, not rounded: the backend fits the line");
        let (_, top, ..) = frame.rect();
        let cut = pixels[5];
        assert!((cut.0 - kept[4].0).abs() < 1e-9 && (cut.1 - top).abs() < 1e-9, "cut at the top: {cut:?}");
    }

    #[test]
    fn clipping_cuts_at_the_edge() {
        let rect = (0.0, 0.0, 10.0, 10.0);
        let (a, b, cut) = clip_segment((5.0, 5.0), (5.0, -5.0), rect).unwrap();
        assert_eq!((a, b, cut), ((5.0, 5.0), (5.0, 0.0), true));
        assert!(clip_segment((20.0, 5.0), (30.0, 5.0), rect).is_none());
    }

    #[test]
    fn a_segment_inside_is_kept_as_liang_barsky_keeps_it() {
        // A plot's rectangle in awkward pixels, and ends drawn inside it,
        // on its edges and corners among them.
        let rect = (61.25, 17.5, 1043.125, 388.75);
        let (l, t, rr, b) = rect;
        let mut random = crate::core::random::SplitMix64::new(11);
        let mut next = || random.uniform();
        let mut point = || {
            let pick = |u: f64, lo: f64, hi: f64| match (u * 10.0) as u32 {
                0 => lo,
                1 => hi,
                _ => lo + u * (hi - lo),
            };
            (pick(next(), l, rr), pick(next(), t, b))
        };
        for _ in 0..20_000 {
            let (p0, p1) = (point(), point());
            assert_eq!(clip_segment(p0, p1, rect), liang_barsky(p0, p1, rect), "{p0:?} → {p1:?}");
        }
    }

    /// A line runs through a label's box when any of its segments passes
    /// through the box a pixel in from its edges: across it, into it, or
    /// corner to corner; not when it passes beside it, grazes an edge or
    /// would meet it only if it went on.
    #[test]
    fn a_line_runs_through_a_box_only_where_a_segment_crosses_it() {
        let rect = [10.0, 10.0, 50.0, 30.0];
        let through = |points: &[(f64, f64)]| runs_through(points, rect);
        assert!(through(&[(0.0, 20.0), (60.0, 20.0)]), "across");
        assert!(through(&[(0.0, 0.0), (30.0, 20.0)]), "into");
        assert!(through(&[(0.0, 0.0), (60.0, 40.0)]), "corner to corner");
        assert!(through(&[(0.0, 40.0), (5.0, 35.0), (30.0, 5.0)]), "its second segment");
        assert!(!through(&[(0.0, 0.0), (60.0, 5.0)]), "above");
        assert!(!through(&[(0.0, 10.5), (60.0, 10.5)]), "along the top edge");
        assert!(!through(&[(0.0, 40.0), (10.0, 31.0)]), "toward it, stopping short");
        assert!(!through(&[(55.0, 0.0), (70.0, 40.0)]), "beside it");
        assert!(!through(&[(20.0, 20.0)]), "a single point is no line");
    }

    /// For a line that goes left to right, looking only at the segments over
    /// the box's columns answers as looking at all of them.
    #[test]
    fn a_rightward_line_is_looked_at_only_over_the_box() {
        let mut random = crate::core::random::SplitMix64::new(11);
        for case in 0..2000 {
            let mut next = || random.uniform() * 100.0;
            let mut xs: Vec<f64> = (0..12).map(|_| next()).collect();
            xs.sort_by(f64::total_cmp);
            let line: Vec<(f64, f64)> = xs.iter().map(|&x| (x, next())).collect();
            let (a, b, c, d) = (next(), next(), next(), next());
            let rect = [a.min(b), c.min(d), a.max(b), c.max(d)];
            assert_eq!(
                runs_through_part(&line, true, rect),
                runs_through(&line, rect),
                "case {case}: {line:?} {rect:?}"
            );
        }
    }
}
