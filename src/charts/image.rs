//! A grid of coloured cells stretched smoothly over a rectangle: how a
//! figure shades a region by a value computed once per cell (one pixel write
//! each), instead of as thousands of rectangles. plotters' backends only copy
//! bitmaps pixel for pixel, so the backends the page draws with learn it here:
//! the painting records it as one call (the page's canvas stretches it), and
//! SVG export writes it as an `<image>` holding a PNG.

use plotters::element::{Drawable, PointCollection};
use plotters::prelude::{SVGBackend, BLACK};
use plotters::style::{FontDesc, FontFamily, FontStyle};
use plotters_backend::{BackendCoord, DrawingBackend, DrawingErrorKind};

use super::backend::{painted, svg_error, PageBackend, PageError};
use super::find::find;
use super::lines::Lines;
use super::painting::Painter;
use super::png::png_base64;

/// A backend that can draw [`Cells`].
pub trait CellBackend: Lines {
    /// Draws `rgba` (`size.0 × size.1` cells, row by row, four bytes each)
    /// stretched over the rectangle from `from` to `to`, smoothly.
    fn draw_cells(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        size: (u32, u32),
        rgba: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>>;
}

/// Cells to stretch over a rectangle of the drawing area (its own pixels).
#[derive(Clone)]
pub struct Cells {
    pub corners: [BackendCoord; 2],
    /// Columns and rows.
    pub size: (u32, u32),
    /// Four bytes (red, green, blue, alpha) per cell, row by row from the top.
    pub rgba: Vec<u8>,
}

impl<'a> PointCollection<'a, BackendCoord> for &'a Cells {
    type Point = &'a BackendCoord;
    type IntoIter = &'a [BackendCoord; 2];

    fn point_iter(self) -> Self::IntoIter {
        &self.corners
    }
}

impl<DB: CellBackend> Drawable<DB> for Cells {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut corners: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        match (corners.next(), corners.next()) {
            (Some(from), Some(to)) => backend.draw_cells(from, to, self.size, &self.rgba),
            _ => Ok(()),
        }
    }
}

impl CellBackend for Painter<'_> {
    fn draw_cells(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        size: (u32, u32),
        rgba: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.image(from, to, size, rgba);
        Ok(())
    }
}

/// The font family that marks an image's stand-in text in plotters' SVG:
/// [`into_image`] turns that text into the `<image>`.
pub const IMAGE_MARK: &str = "losslab-image";

impl CellBackend for SVGBackend<'_> {
    /// plotters' SVG backend has no image of its own here: a text in the
    /// [`IMAGE_MARK`] family stands in for it, in its place among the
    /// shapes, holding its rectangle and its PNG.
    fn draw_cells(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        size: (u32, u32),
        rgba: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (w, h) = (to.0 - from.0, to.1 - from.1);
        let text = format!("{} {} {w} {h} data:image/png;base64,{}", from.0, from.1, png_base64(size, rgba));
        let style = FontDesc::new(FontFamily::Name(IMAGE_MARK), 1.0, FontStyle::Normal).color(&BLACK);
        self.draw_text(&text, &style, from)
    }
}

impl CellBackend for PageBackend<'_> {
    fn draw_cells(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        size: (u32, u32),
        rgba: &[u8],
    ) -> Result<(), DrawingErrorKind<PageError>> {
        match self {
            PageBackend::Painter(b) => b.draw_cells(from, to, size, rgba).map_err(painted),
            PageBackend::Svg(b) => b.draw_cells(from, to, size, rgba).map_err(svg_error),
        }
    }
}

/// Replaces each image's stand-in text in plotters' SVG by the `<image>` it
/// stands for (see [`IMAGE_MARK`]).
pub fn into_image(svg: &str) -> String {
    let mark = format!("font-family=\"{IMAGE_MARK}\"");
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = find(rest, &mark) {
        let open = (0..at).rev().find(|&i| rest.as_bytes()[i..].starts_with(b"<text"));
        let (Some(open), Some(close)) = (open, find(&rest[at..], "</text>")) else {
            break;
        };
        let element = &rest[open..at + close];
        let content = element[element.find('>').map_or(0, |i| i + 1)..].trim();
        let mut parts = content.splitn(5, ' ');
        let mut next = || parts.next().unwrap_or("");
        let (x, y, w, h, href) = (next(), next(), next(), next(), next());
        out.push_str(&rest[..open]);
        out.push_str(&format!(
            "<image x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" preserveAspectRatio=\"none\" href=\"{href}\"/>"
        ));
        rest = &rest[at + close + "</text>".len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use plotters::prelude::IntoDrawingArea;

    use super::*;
    use crate::charts::painting::{Op, Painting};

    fn cells() -> Cells {
        Cells { corners: [(10, 20), (50, 40)], size: (2, 1), rgba: vec![255, 0, 0, 255, 0, 0, 255, 255] }
    }

    #[test]
    fn a_painting_records_cells_as_one_call() {
        let mut painting = Painting::default();
        {
            let area = Painter::new(&mut painting, (100, 50)).into_drawing_area();
            area.draw(&cells()).unwrap();
        }
        assert_eq!(painting.ops, [f64::from(Op::Image as u8), 10.0, 20.0, 40.0, 20.0, 2.0, 1.0, 0.0]);
        assert_eq!(painting.pixels, cells().rgba);
    }

    #[test]
    fn svg_writes_cells_as_an_image_in_place() {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (100, 50)).into_drawing_area();
            area.fill(&plotters::prelude::WHITE).unwrap();
            area.draw(&cells()).unwrap();
        }
        let svg = into_image(&svg);
        let image = svg.find("<image x=\"10\" y=\"20\" width=\"40\" height=\"20\" preserveAspectRatio=\"none\" href=\"data:image/png;base64,iVBORw0KGgo");
        assert!(image.is_some(), "{svg}");
        assert!(svg.find("<rect").unwrap() < image.unwrap(), "drawn after what came before it");
        assert!(!svg.contains(IMAGE_MARK));
    }
}
