//! How a line through points between pixels is drawn: the page's painter
//! keeps them between pixels, fitting the fewest segments that pass within
//! a tenth of a pixel of them, and has the canvas dash a dashed one; an SVG
//! backend, whose points are whole pixels, rounds each and keeps the ones
//! where the line turns, and cuts a dashed line into plotters' dashes.

use std::convert::Infallible;

use plotters::element::{DashedPathElement, Drawable};
use plotters::prelude::SVGBackend;
use plotters::style::{Color, ShapeStyle};
use plotters_backend::{BackendCoord, DrawingBackend, DrawingErrorKind};

use super::painting::Painter;

/// A backend that draws a line through points between its pixels.
pub trait Lines: DrawingBackend {
    /// Draws the line through `run`, backend pixels not rounded, in `style`.
    fn line_run(&mut self, run: &[(f64, f64)], style: &ShapeStyle) -> Result<(), DrawingErrorKind<Self::ErrorType>>;

    /// Draws the line through `run` dashed: `dash.0` pixels drawn, then
    /// `dash.1` left out, from its start.
    fn dashed_run(
        &mut self,
        run: &[(f64, f64)],
        dash: (u32, u32),
        style: &ShapeStyle,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>>;
}

impl Lines for Painter<'_> {
    fn line_run(&mut self, run: &[(f64, f64)], style: &ShapeStyle) -> Result<(), DrawingErrorKind<Infallible>> {
        self.line_through(&fitted(run), style.color.to_backend_color(), style.stroke_width);
        Ok(())
    }

    /// The canvas dashes the line itself: one path through the fewest
    /// points, where cutting it into dashes here wrote a path for each.
    fn dashed_run(
        &mut self,
        run: &[(f64, f64)],
        dash: (u32, u32),
        style: &ShapeStyle,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.dashed_through(&fitted(run), style.color.to_backend_color(), style.stroke_width, dash);
        Ok(())
    }
}

impl Lines for SVGBackend<'_> {
    fn line_run(&mut self, run: &[(f64, f64)], style: &ShapeStyle) -> Result<(), DrawingErrorKind<std::io::Error>> {
        self.draw_path(rounded(run), style)
    }

    /// Plotters' dashes: a path for each, through whole pixels.
    fn dashed_run(
        &mut self,
        run: &[(f64, f64)],
        (on, off): (u32, u32),
        style: &ShapeStyle,
    ) -> Result<(), DrawingErrorKind<std::io::Error>> {
        let path = rounded(run);
        let size = self.get_size();
        DashedPathElement::new(path.iter().copied(), on, off, *style).draw(path.iter().copied(), self, size)
    }
}

/// The points of `run` that draw it to within [`TOLERANCE`]: its ends, and
/// where the line turns.
fn fitted(run: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let Some((&first, rest)) = run.split_first() else { return Vec::new() };
    let mut sleeve = Sleeve::new(first);
    let mut points = vec![first];
    for &p in rest {
        if let Some(turn) = sleeve.take(p) {
            points.push(turn);
        }
    }
    if !rest.is_empty() {
        points.push(sleeve.end);
    }
    points
}

/// `run` rounded to whole pixels, leaving out what draws nothing: a point
/// on the last, or a last point that the next carries straight on from.
fn rounded(run: &[(f64, f64)]) -> Vec<BackendCoord> {
    let mut pixels = Vec::with_capacity(run.len());
    for &(x, y) in run {
        extend(&mut pixels, (r(x), r(y)));
    }
    pixels
}

/// Adds pixel `p` to `pixels`, leaving out what draws nothing: a point on
/// the last, or a last point that `p` carries straight on from (the line
/// through them is the same line, and the path is shorter).
#[inline(always)]
fn extend(pixels: &mut Vec<BackendCoord>, p: BackendCoord) {
    match pixels[..] {
        [.., last] if last == p => {}
        [.., a, b] if straight_on(a, b, p) => {
            let n = pixels.len();
            pixels[n - 1] = p;
        }
        _ => pixels.push(p),
    }
}

/// Whether `c` lies on the line from `a` through `b`, beyond `b`.
#[inline(always)]
fn straight_on(a: BackendCoord, b: BackendCoord, c: BackendCoord) -> bool {
    let (ux, uy) = (i64::from(b.0 - a.0), i64::from(b.1 - a.1));
    let (vx, vy) = (i64::from(c.0 - b.0), i64::from(c.1 - b.1));
    ux * vy == uy * vx && ux * vx + uy * vy > 0
}

/// Rounds an area pixel coordinate to the backend's integer grid, halves
/// up (`floor` is one WebAssembly instruction; `round`, halves away from
/// zero, has none and is done in software; this runs for every point drawn).
#[inline(always)]
pub fn r(v: f64) -> i32 {
    if v.is_finite() {
        (v + 0.5).floor().clamp(-1e6, 1e6) as i32
    } else {
        0
    }
}

/// How far, in backend pixels, the straight segments that draw a line may
/// pass from its points: a curve is drawn with as few segments as keep that
/// close to it, and a straight stretch with one. A tenth of a pixel: less
/// than antialiasing shows.
const TOLERANCE: f64 = 0.1;

/// One segment of a line, stretched over as many of the line's points as it
/// passes within [`TOLERANCE`] of (sleeve fitting, after Zhao and Saalfeld,
/// 1997): each point taken narrows the directions the segment may still
/// take, and a point outside them ends it.
#[derive(Clone, Copy, Debug)]
struct Sleeve {
    /// Where the segment starts.
    start: (f64, f64),
    /// The last point taken: where the segment ends, so far.
    end: (f64, f64),
    /// The square of how far from `start` the farthest point taken lies:
    /// the segment does not turn back.
    reach: f64,
    /// The directions from `start` that pass within the tolerance of every
    /// point taken: from the first counter-clockwise to the second (as
    /// vectors of any length); `None` while every point lies within the
    /// tolerance of `start`.
    window: Option<((f64, f64), (f64, f64))>,
}

impl Sleeve {
    fn new(start: (f64, f64)) -> Sleeve {
        Sleeve { start, end: start, reach: 0.0, window: None }
    }

    /// Takes the line's next point, and returns where the line turns if the
    /// segment cannot stretch to it: there the next segment starts.
    #[inline(always)]
    fn take(&mut self, p: (f64, f64)) -> Option<(f64, f64)> {
        let away = |start: (f64, f64)| {
            let v = (p.0 - start.0, p.1 - start.1);
            (v, v.0 * v.0 + v.1 * v.1)
        };
        let (mut v, mut squared) = away(self.start);
        let fits = squared >= self.reach
            && self.window.is_none_or(|(lo, hi)| {
                let middle = (lo.0 + hi.0, lo.1 + hi.1);
                turn(lo, v) >= 0.0 && turn(v, hi) >= 0.0 && middle.0 * v.0 + middle.1 * v.1 > 0.0
            });
        let turned = (!fits).then(|| {
            let at = self.end;
            *self = Sleeve::new(at);
            (v, squared) = away(at);
            at
        });
        if squared > TOLERANCE * TOLERANCE {
            // The two tangents from `start` to the circle of the tolerance
            // around `p`: v turned either way by the angle whose sine is
            // TOLERANCE / |v|, both |v| times as long as v.
            let k = (squared - TOLERANCE * TOLERANCE).sqrt();
            let lo = (v.0 * k + v.1 * TOLERANCE, v.1 * k - v.0 * TOLERANCE);
            let hi = (v.0 * k - v.1 * TOLERANCE, v.1 * k + v.0 * TOLERANCE);
            self.window = Some(match self.window {
                None => (lo, hi),
                Some((was_lo, was_hi)) => {
                    (if turn(was_lo, lo) > 0.0 { lo } else { was_lo }, if turn(hi, was_hi) > 0.0 { hi } else { was_hi })
                }
            });
        }
        self.reach = self.reach.max(squared);
        self.end = p;
        turned
    }
}

/// How far `b` turns counter-clockwise from `a` (the cross product's z):
/// positive counter-clockwise, negative clockwise, zero along.
#[inline(always)]
fn turn(a: (f64, f64), b: (f64, f64)) -> f64 {
    a.0 * b.1 - a.1 * b.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The segments that draw a line start and end where it does, pass
    /// within the tolerance of every point between their ends, and are
    /// fewer than its points; a straight line sampled finely is one.
    #[test]
    fn a_line_is_drawn_with_segments_within_the_tolerance_of_its_points() {
        // Where the segments start and end, as indices into `points`.
        let vertices = |points: &[(f64, f64)]| {
            let mut sleeve = Sleeve::new(points[0]);
            let mut at = vec![0];
            for (i, &p) in points.iter().enumerate().skip(1) {
                if let Some(turn) = sleeve.take(p) {
                    assert_eq!(turn, points[i - 1], "a segment ends at a point of the line");
                    at.push(i - 1);
                }
            }
            at.push(points.len() - 1);
            at
        };
        let straight: Vec<(f64, f64)> =
            (0..=500).map(|i| f64::from(i) / 500.0).map(|t| (10.0 + 700.0 * t, 300.0 - 250.0 * t)).collect();
        assert_eq!(vertices(&straight), [0, 500]);
        let away = |p: (f64, f64), a: (f64, f64), b: (f64, f64)| {
            let (ab, ap) = ((b.0 - a.0, b.1 - a.1), (p.0 - a.0, p.1 - a.1));
            let along = ab.0 * ab.0 + ab.1 * ab.1;
            let t = if along > 0.0 { ((ap.0 * ab.0 + ap.1 * ab.1) / along).clamp(0.0, 1.0) } else { 0.0 };
            (p.0 - a.0 - t * ab.0).hypot(p.1 - a.1 - t * ab.1)
        };
        let mut random = crate::core::random::SplitMix64::new(7);
        for case in 0..400 {
            let mut next = || random.uniform();
            let (step, bend, wave) = (0.1 + 4.0 * next(), next(), 200.0 * next());
            let mut points = vec![(20.0, 200.0)];
            let mut heading = 0.0f64;
            for i in 0..300 {
                let (x, y) = points[points.len() - 1];
                points.push(if case % 2 == 0 {
                    // A wave, sampled at uneven steps.
                    let x = x + step * (0.2 + next());
                    (x, 200.0 + wave * (x * bend * 0.1).sin())
                } else {
                    // A walk that wanders, now and then turning back.
                    heading += (next() - 0.5) * bend * if i % 37 == 0 { 8.0 } else { 1.0 };
                    (x + step * heading.cos(), y + step * heading.sin())
                });
            }
            let at = vertices(&points);
            assert!(at.len() < points.len(), "case {case}: {} segments for {} points", at.len() - 1, points.len());
            for pair in at.windows(2) {
                let (a, b) = (points[pair[0]], points[pair[1]]);
                for (k, &p) in points.iter().enumerate().take(pair[1] + 1).skip(pair[0]) {
                    let off = away(p, a, b);
                    assert!(off <= TOLERANCE + 1e-9, "case {case}: point {k} lies {off} from its segment {pair:?}");
                }
            }
        }
    }

    #[test]
    fn a_rounded_run_keeps_only_the_points_where_its_line_turns() {
        let run = [
            (0.0, 0.0),
            (1.0, 1.0),
            (1.2, 0.9),
            (2.0, 2.0),
            (3.0, 3.0),
            (4.0, 3.0),
            (5.0, 3.0),
            (4.0, 3.0),
            (2.0, 3.0),
        ];
        // The diagonal and the level stretch each come down to their ends;
        // turning back along the same line is a turn.
        assert_eq!(rounded(&run), [(0, 0), (3, 3), (5, 3), (2, 3)]);
    }
}
