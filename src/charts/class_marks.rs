//! The marks of the plane's K classes: each class its colour and its shape,
//! so that classes stay apart without colour (class 0 is the line's
//! negative cross, class 1 its positive circle).

use plotters::element::{Circle, Polygon};
use plotters::prelude::DrawingBackend;
use plotters::style::{Color, RGBColor};

use super::area::{Area, Done};
use super::frame::{r, Frame};

/// The outline of class `k`'s shape around the origin, `s` pixels in size
/// (`None`: a circle of radius `s`).
fn shape(k: usize, s: f64) -> Option<Vec<(f64, f64)>> {
    let points: Vec<(f64, f64)> = match k {
        1 => return None,
        0 => {
            let (a, t) = (s * 0.95, s * 0.32);
            vec![
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
        2 => {
            let a = s * 0.82;
            vec![(-a, -a), (a, -a), (a, a), (-a, a)]
        }
        3 => vec![(0.0, -s * 1.15), (s * 1.05, s * 0.7), (-s * 1.05, s * 0.7)],
        4 => {
            let a = s * 1.2;
            vec![(0.0, -a), (a, 0.0), (0.0, a), (-a, 0.0)]
        }
        _ => vec![(0.0, s * 1.15), (s * 1.05, -s * 0.7), (-s * 1.05, -s * 0.7)],
    };
    Some(points)
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
    if !(frame.drawing() && x.is_finite() && y.is_finite()) {
        return Ok(());
    }
    let style = frame.style;
    let s = style.pxf(size_css);
    for (size, fill) in [(s + style.pxf(1.5), style.colors.background), (s, color)] {
        match shape(k, size) {
            None => area.draw(&Circle::new((r(x), r(y)), size.round().max(1.0) as u32, fill.filled()))?,
            Some(outline) => {
                let outline: Vec<(i32, i32)> = outline.iter().map(|(dx, dy)| (r(x + dx), r(y + dy))).collect();
                area.draw(&Polygon::new(outline, fill.filled()))?
            }
        }
    }
    Ok(())
}
