//! plotters' canvas backend, with the calls a redraw makes by the thousand
//! (lines, bars, markers) made here instead: each colour reaches the canvas
//! as text (`rgba(…)`), so it is set only when it changes rather than once a
//! shape, and lines of one opaque style drawn one after another that do not
//! come near each other (a dashed curve is dozens of them) are stroked as one
//! path. Everything else is plotters-canvas' own drawing.

use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::backend_error::{lift, Done, PageError};

/// A colour as the canvas is given it, comparable: red, green, blue, alpha's bits.
type ColorKey = (u8, u8, u8, u64);

fn key(color: BackendColor) -> ColorKey {
    let (r, g, b) = color.rgb;
    (r, g, b, color.alpha.to_bits())
}

/// The canvas' form of a colour, written as plotters-canvas writes it.
fn css(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("rgba({r},{g},{b},{})", color.alpha)
}

pub struct Canvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    /// The fill colour the context has, when this backend set it last.
    fill: Option<ColorKey>,
    /// The stroke colour and width the context has, when this backend set them last.
    stroke: Option<(ColorKey, u32)>,
    /// Where the context holds lines in `stroke`'s style not yet stroked, if it does.
    pending: Option<Bounds>,
}

/// A box around lines, in pixels: left, top, right, bottom.
#[derive(Clone, Copy)]
struct Bounds(i32, i32, i32, i32);

impl Bounds {
    /// The box of a path's line, `width` wide.
    fn of(path: &[BackendCoord], width: u32) -> Bounds {
        let w = width.div_ceil(2) as i32;
        let mut b = Bounds(i32::MAX, i32::MAX, i32::MIN, i32::MIN);
        for &(x, y) in path {
            b = Bounds(b.0.min(x - w), b.1.min(y - w), b.2.max(x + w), b.3.max(y + w));
        }
        b
    }

    fn meets(self, other: Bounds) -> bool {
        self.0 <= other.2 && other.0 <= self.2 && self.1 <= other.3 && other.1 <= self.3
    }

    fn union(self, other: Bounds) -> Bounds {
        Bounds(self.0.min(other.0), self.1.min(other.1), self.2.max(other.2), self.3.max(other.3))
    }
}

impl Canvas {
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Canvas> {
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas.clone())?;
        Some(Canvas { inner, context, fill: None, stroke: None, pending: None })
    }

    fn set_fill(&mut self, color: BackendColor) {
        if self.fill != Some(key(color)) {
            self.context.set_fill_style_str(&css(color));
            self.fill = Some(key(color));
        }
    }

    /// Strokes the lines waiting for it: before anything else is drawn over them.
    fn flush(&mut self) {
        if self.pending.take().is_some() {
            self.context.stroke();
        }
    }

    /// Hands a call to plotters-canvas, which sets the context's colours itself.
    fn delegate<T, E: std::error::Error + Send + Sync>(
        &mut self,
        call: impl FnOnce(&mut CanvasBackend) -> Result<T, DrawingErrorKind<E>>,
    ) -> Done<T> {
        self.flush();
        self.fill = None;
        self.stroke = None;
        call(&mut self.inner).map_err(lift)
    }
}

impl Drop for Canvas {
    fn drop(&mut self) {
        self.flush();
    }
}

impl DrawingBackend for Canvas {
    type ErrorType = PageError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Done {
        Ok(())
    }

    fn present(&mut self) -> Done {
        self.flush();
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Done {
        self.delegate(|inner| inner.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Done {
        self.delegate(|inner| inner.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S, fill: bool) -> Done {
        if !fill {
            return self.delegate(|inner| inner.draw_rect(from, to, style, fill));
        }
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        self.set_fill(style.color());
        let (x0, y0) = (f64::from(from.0), f64::from(from.1));
        let (x1, y1) = (f64::from(to.0), f64::from(to.1));
        self.context.fill_rect(x0, y0, x1 - x0, y1 - y0);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Done {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let path: Vec<BackendCoord> = path.into_iter().collect();
        let Some((&start, rest)) = path.split_first() else { return Ok(()) };
        let wanted = (key(color), style.stroke_width());
        let bounds = Bounds::of(&path, style.stroke_width());
        // Lines that cross or touch are stroked apart, as they would be one
        // by one: a shared stroke would paint their overlap once, not twice.
        let joins = match self.pending {
            Some(pending) if self.stroke == Some(wanted) && color.alpha >= 1.0 && !pending.meets(bounds) => {
                Some(pending)
            }
            _ => None,
        };
        if joins.is_none() {
            self.flush();
            if self.stroke != Some(wanted) {
                self.context.set_stroke_style_str(&css(color));
                self.context.set_line_width(f64::from(style.stroke_width()));
                self.stroke = Some(wanted);
            }
            self.context.begin_path();
        }
        self.context.move_to(f64::from(start.0), f64::from(start.1));
        for &(x, y) in rest {
            self.context.line_to(f64::from(x), f64::from(y));
        }
        self.pending = Some(joins.map_or(bounds, |pending| pending.union(bounds)));
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Done {
        if !fill {
            return self.delegate(|inner| inner.draw_circle(center, radius, style, fill));
        }
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        self.set_fill(style.color());
        self.context.begin_path();
        let (x, y) = (f64::from(center.0), f64::from(center.1));
        // An arc only fails for a negative radius, which a u32 cannot be.
        let _ = self.context.arc(x, y, f64::from(radius), 0.0, std::f64::consts::TAU);
        self.context.fill();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Done {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let mut vert = vert.into_iter();
        let Some(start) = vert.next() else { return Ok(()) };
        self.flush();
        self.set_fill(style.color());
        self.context.begin_path();
        self.context.move_to(f64::from(start.0), f64::from(start.1));
        for next in vert {
            self.context.line_to(f64::from(next.0), f64::from(next.1));
        }
        self.context.close_path();
        self.context.fill();
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Done {
        self.delegate(|inner| inner.draw_text(text, style, pos))
    }

    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Done<(u32, u32)> {
        self.inner.estimate_text_size(text, style).map_err(lift)
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Done {
        self.delegate(|inner| inner.blit_bitmap(pos, size, src))
    }
}
