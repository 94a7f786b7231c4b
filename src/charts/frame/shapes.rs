//! What the frame hands plotters to draw, borrowing instead of copying:
//! a mark's outline, a path or polygon through pixels, a run of a line
//! between pixels, a text.

use plotters::element::{Drawable, PointCollection};
use plotters::prelude::DrawingBackend;
use plotters::style::{Color, ShapeStyle};
use plotters_backend::{BackendCoord, DrawingErrorKind};

use crate::charts::area::Area;
use crate::charts::error::DrawError;
use crate::charts::lines::{r, Lines};
use crate::charts::style::Lettering;

/// The negative class's × (the plane's class 0 too), `s` pixels in size:
/// its outline's points around its centre.
pub fn cross(s: f64) -> [(f64, f64); 12] {
    let (a, t) = (s * 0.95, s * 0.32);
    [
        (0.0, -t),
        (a - t, -a),
        (a, -a + t),
        (t, 0.0),
        (a, a - t),
        (a - t, a),
        (0.0, t),
        (-a + t, a),
        (-a, a - t),
        (-t, 0.0),
        (-a, -a + t),
        (-a + t, -a),
    ]
}

/// The most points an [`Outline`] has ([`cross`]'s).
pub(super) const MOST: usize = 12;

/// A mark's shape as the pixels of its outline, held on the stack: a mark
/// is drawn for each of hundreds of points, at every redraw.
#[derive(Clone, Copy, Debug)]
pub struct Outline {
    points: [BackendCoord; MOST],
    len: usize,
}

impl Outline {
    /// The outline through `offsets` (at most `MOST`) from an area pixel.
    pub fn around((x, y): (f64, f64), offsets: &[(f64, f64)]) -> Outline {
        debug_assert!(offsets.len() <= MOST, "an outline of {} points: at most {MOST} fit", offsets.len());
        let mut points = [(0, 0); MOST];
        for (point, (dx, dy)) in points.iter_mut().zip(offsets) {
            *point = (r(x + dx), r(y + dy));
        }
        Outline { points, len: offsets.len().min(MOST) }
    }

    pub fn points(&self) -> &[BackendCoord] {
        &self.points[..self.len]
    }
}

/// Pixels as plotters' `PathElement` (a line through them) or `Polygon`
/// (the shape they outline, filled) draws them, borrowed instead of copied
/// into a list of the element's own: a redraw draws hundreds.
pub struct Pixels<'a> {
    points: &'a [BackendCoord],
    pub(super) style: ShapeStyle,
    filled: bool,
}

impl<'a> Pixels<'a> {
    /// A line through `points`.
    pub fn line(points: &'a [BackendCoord], style: ShapeStyle) -> Pixels<'a> {
        Pixels { points, style, filled: false }
    }

    /// The shape `points` outline, filled in `style`'s colour.
    pub fn filled(points: &'a [BackendCoord], style: ShapeStyle) -> Pixels<'a> {
        Pixels { points, style, filled: true }
    }
}

impl<'a, 'b> PointCollection<'a, BackendCoord> for &'a Pixels<'b> {
    type Point = &'a BackendCoord;
    type IntoIter = &'a [BackendCoord];
    fn point_iter(self) -> &'a [BackendCoord] {
        self.points
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Pixels<'_> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        points: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        if self.filled {
            backend.fill_polygon(points, &self.style.color.to_backend_color())
        } else {
            backend.draw_path(points, &self.style)
        }
    }
}

/// One run of a line, in backend pixels not rounded: drawn by the
/// backend's [`Lines`], past plotters' whole pixels.
pub(super) struct Run<'a> {
    pub(super) points: &'a [(f64, f64)],
    pub(super) style: ShapeStyle,
    /// Pixels drawn and left out, for a dashed line.
    pub(super) dash: Option<(u32, u32)>,
}

impl<'a> PointCollection<'a, BackendCoord> for &'a Run<'_> {
    type Point = &'a BackendCoord;
    type IntoIter = &'a [BackendCoord];
    fn point_iter(self) -> &'a [BackendCoord] {
        &[]
    }
}

impl<DB: Lines> Drawable<DB> for Run<'_> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        _: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        match self.dash {
            Some(dash) => backend.dashed_run(self.points, dash, &self.style),
            None => backend.line_run(self.points, &self.style),
        }
    }
}

/// Draws `text` at an area pixel in the style `t`.
pub(super) fn put<DB: DrawingBackend>(
    area: &Area<DB>,
    text: &str,
    (x, y): (f64, f64),
    t: Lettering,
) -> Result<(), DrawError> {
    area.draw(&Words { text, at: (r(x), r(y)), t })?;
    Ok(())
}

/// A text at a pixel: plotters' `Text`, borrowing its words and style
/// instead of owning copies of them.
struct Words<'a> {
    text: &'a str,
    at: BackendCoord,
    t: Lettering,
}

impl<'a, 'b> PointCollection<'a, BackendCoord> for &'a Words<'b> {
    type Point = &'a BackendCoord;
    type IntoIter = std::iter::Once<&'a BackendCoord>;
    fn point_iter(self) -> Self::IntoIter {
        std::iter::once(&self.at)
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Words<'_> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut points: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        match points.next() {
            Some(at) => backend.draw_text(self.text, &self.t, at),
            None => Ok(()),
        }
    }
}
