//! The marks of the plane's K classes: each class its colour and its shape,
//! so that classes stay apart without colour (class 0 is the line's
//! negative cross, class 1 its positive circle).

use plotters::element::Circle;
use plotters::prelude::DrawingBackend;
use plotters::style::{Color, RGBColor};

use super::area::{Area, Done};
use super::frame::{cross, Frame, Outline, Pixels};
use super::lines::r;

/// Class `k`'s shape around an area pixel, `s` pixels in size (`None`: a
/// circle of radius `s`).
fn outline(k: usize, at: (f64, f64), s: f64) -> Option<Outline> {
    let outline = match k {
        1 => return None,
        0 => Outline::around(at, &cross(s)),
        2 => {
            let a = s * 0.82;
            Outline::around(at, &[(-a, -a), (a, -a), (a, a), (-a, a)])
        }
        3 => Outline::around(at, &[(0.0, -s * 1.15), (s * 1.05, s * 0.7), (-s * 1.05, s * 0.7)]),
        4 => {
            let a = s * 1.2;
            Outline::around(at, &[(0.0, -a), (a, 0.0), (0.0, a), (-a, 0.0)])
        }
        _ => Outline::around(at, &[(0.0, s * 1.15), (s * 1.05, -s * 0.7), (-s * 1.05, -s * 0.7)]),
    };
    Some(outline)
}

/// Class `k`'s mark at an area pixel, `size_css` in size, in `color`, with a
/// thin edge of the background so it reads over the shaded regions.
pub fn class_mark<DB: DrawingBackend>(
    frame: &Frame,
    area: &Area<DB>,
    (x, y): (f64, f64),
    k: usize,
    color: RGBColor,
    size_css: f64,
) -> Done {
    if !(x.is_finite() && y.is_finite()) {
        return Ok(());
    }
    let style = frame.style;
    let s = style.pxf(size_css);
    for (size, fill) in [(s + style.pxf(1.5), style.colors.background), (s, color)] {
        match outline(k, (x, y), size) {
            None => area.draw(&Circle::new((r(x), r(y)), size.round().max(1.0) as u32, fill.filled()))?,
            Some(outline) => area.draw(&Pixels::filled(outline.points(), fill.filled()))?,
        }
    }
    Ok(())
}
