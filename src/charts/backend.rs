//! One drawing backend for everything the page draws — the paintings it
//! replays on its canvases and the SVG it exports — so that each chart is
//! compiled once into the page's module rather than once per backend (the
//! charts are most of its size).

use std::convert::Infallible;

use plotters::prelude::SVGBackend;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};

use super::lines::Lines;
use super::painting::Painter;

pub enum PageBackend<'a> {
    Painter(Painter<'a>),
    Svg(SVGBackend<'a>),
}

/// What a page backend's call gives back.
type Done<T = ()> = Result<T, DrawingErrorKind<PageError>>;

/// What went wrong while drawing, in words.
#[derive(Debug)]
pub struct PageError(String);

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PageError {}

/// A painter never fails.
pub(super) fn painted(error: DrawingErrorKind<Infallible>) -> DrawingErrorKind<PageError> {
    match error {
        DrawingErrorKind::DrawingError(never) => match never {},
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// The SVG backend writes into a `String`, where no write fails; should one
/// ever, its `io::Error` is named by this sentence rather than formatted
/// (formatting it would bring every error kind's description to the page).
pub(super) fn svg_error(error: DrawingErrorKind<std::io::Error>) -> DrawingErrorKind<PageError> {
    match error {
        DrawingErrorKind::DrawingError(_) => {
            DrawingErrorKind::DrawingError(PageError("the SVG could not be written".into()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// Calls the same method on whichever backend this is.
macro_rules! both {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            PageBackend::Painter($b) => $call.map_err(painted),
            PageBackend::Svg($b) => $call.map_err(svg_error),
        }
    };
}

/// A shape's colour and line width: the one style type the backends are
/// given, so that each backend's shapes are compiled once, not once for every
/// style and path type of plotters' elements.
#[derive(Clone, Copy)]
struct Shape {
    color: BackendColor,
    width: u32,
}

impl Shape {
    fn of(style: &impl BackendStyle) -> Shape {
        Shape { color: style.color(), width: style.stroke_width() }
    }
}

impl BackendStyle for Shape {
    fn color(&self) -> BackendColor {
        self.color
    }

    fn stroke_width(&self) -> u32 {
        self.width
    }
}

impl PageBackend<'_> {
    fn line(&mut self, from: BackendCoord, to: BackendCoord, style: Shape) -> Done {
        both!(self, b => b.draw_line(from, to, &style))
    }

    fn rect(&mut self, from: BackendCoord, to: BackendCoord, style: Shape, fill: bool) -> Done {
        both!(self, b => b.draw_rect(from, to, &style, fill))
    }

    /// `points` in a list: a painter's own, kept from path to path (a redraw
    /// draws hundreds), or a new one.
    fn listed(&mut self, points: impl IntoIterator<Item = BackendCoord>) -> Vec<BackendCoord> {
        match self {
            PageBackend::Painter(b) => b.listed(points),
            PageBackend::Svg(_) => points.into_iter().collect(),
        }
    }

    fn path(&mut self, path: Vec<BackendCoord>, style: Shape) -> Done {
        match self {
            PageBackend::Painter(b) => {
                b.line_through(&path, style.color, style.width);
                b.keep_points(path);
                Ok(())
            }
            PageBackend::Svg(b) => b.draw_path(path, &style).map_err(svg_error),
        }
    }

    fn circle(&mut self, center: BackendCoord, radius: u32, style: Shape, fill: bool) -> Done {
        both!(self, b => b.draw_circle(center, radius, &style, fill))
    }

    fn polygon(&mut self, vert: Vec<BackendCoord>, style: Shape) -> Done {
        match self {
            PageBackend::Painter(b) => {
                b.polygon(&vert, style.color);
                b.keep_points(vert);
                Ok(())
            }
            PageBackend::Svg(b) => b.fill_polygon(vert, &style).map_err(svg_error),
        }
    }
}

impl Lines for PageBackend<'_> {
    fn line_run(&mut self, run: &[(f64, f64)], style: &plotters::style::ShapeStyle) -> Done {
        both!(self, b => b.line_run(run, style))
    }

    fn dashed_run(&mut self, run: &[(f64, f64)], dash: (u32, u32), style: &plotters::style::ShapeStyle) -> Done {
        both!(self, b => b.dashed_run(run, dash, style))
    }
}

impl DrawingBackend for PageBackend<'_> {
    type ErrorType = PageError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            PageBackend::Painter(b) => b.get_size(),
            PageBackend::Svg(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Done {
        both!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Done {
        both!(self, b => b.present())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Done {
        both!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Done {
        self.line(from, to, Shape::of(style))
    }

    fn draw_rect<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S, fill: bool) -> Done {
        self.rect(from, to, Shape::of(style), fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Done {
        let path = self.listed(path);
        self.path(path, Shape::of(style))
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Done {
        self.circle(center, radius, Shape::of(style), fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Done {
        let vert = self.listed(vert);
        self.polygon(vert, Shape::of(style))
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Done {
        both!(self, b => b.draw_text(text, style, pos))
    }

    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Done<(u32, u32)> {
        both!(self, b => b.estimate_text_size(text, style))
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Done {
        both!(self, b => b.blit_bitmap(pos, size, src))
    }
}

#[cfg(test)]
mod tests {
    use plotters::prelude::{Color, IntoDrawingArea, PathElement, Polygon, BLUE, RED};

    use super::*;
    use crate::charts::painting::Painting;

    /// Lines (two apart, one crossing them) and a polygon, on `area`.
    fn shapes<DB: DrawingBackend>(area: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>) {
        let line = Color::stroke_width(&BLUE, 2);
        area.draw(&PathElement::new(vec![(0, 0), (10, 5), (20, 0)], line)).unwrap();
        area.draw(&PathElement::new(vec![(40, 0), (50, 5)], line)).unwrap();
        area.draw(&PathElement::new(vec![(0, 5), (60, 0)], line)).unwrap();
        area.draw(&Polygon::new(vec![(5, 5), (15, 25), (25, 5)], RED.mix(0.5).filled())).unwrap();
    }

    #[test]
    fn the_page_backend_paints_paths_as_its_painter_does() {
        let (mut direct, mut through) = (Painting::default(), Painting::default());
        shapes(&Painter::new(&mut direct, (80, 40)).into_drawing_area());
        shapes(&PageBackend::Painter(Painter::new(&mut through, (80, 40))).into_drawing_area());
        assert!(!direct.ops.is_empty());
        assert_eq!(through, direct);
    }
}
