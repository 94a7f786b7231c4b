//! A drawing backend that draws nothing: it writes each call down as numbers,
//! so that two drawings can be compared exactly, and cheaply (no text is
//! formatted, nothing leaves the module).

use std::convert::Infallible;

use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};

/// What every call of a transcript gives back: it cannot fail.
type Written<T = ()> = Result<T, DrawingErrorKind<Infallible>>;

/// Every call of a drawing, in order, with everything that shapes its pixels.
pub struct Transcript<'a> {
    words: &'a mut Vec<u64>,
    size: (u32, u32),
}

/// Which call a run of words records.
#[derive(Clone, Copy)]
enum Call {
    Pixel = 1,
    Line,
    Rect,
    Path,
    Circle,
    Polygon,
    Text,
}

impl<'a> Transcript<'a> {
    /// A drawing of `size` pixels, written into `words` (emptied first).
    pub fn new(words: &'a mut Vec<u64>, size: (u32, u32)) -> Transcript<'a> {
        words.clear();
        words.extend([u64::from(size.0), u64::from(size.1)]);
        Transcript { words, size }
    }

    fn call(&mut self, call: Call) {
        self.words.push(call as u64);
    }

    fn point(&mut self, (x, y): BackendCoord) {
        // Each i32 kept whole in its half of the word.
        self.words.push(u64::from(x as u32) << 32 | u64::from(y as u32));
    }

    fn points(&mut self, points: impl IntoIterator<Item = BackendCoord>) {
        let start = self.words.len();
        self.words.push(0);
        for point in points {
            self.point(point);
        }
        // The count, so that two runs of points cannot read as one.
        self.words[start] = (self.words.len() - start - 1) as u64;
    }

    fn color(&mut self, color: BackendColor) {
        let (r, g, b) = color.rgb;
        self.words.extend([u64::from(r) << 16 | u64::from(g) << 8 | u64::from(b), color.alpha.to_bits()]);
    }

    /// A shape's colour and line width.
    fn shape(&mut self, color: BackendColor, width: u32) {
        self.color(color);
        self.words.push(u64::from(width));
    }

    fn write_text(&mut self, text: &str, pos: BackendCoord, color: BackendColor, font: [u64; 5], family: &str) {
        self.call(Call::Text);
        self.point(pos);
        self.text(text);
        self.color(color);
        self.words.extend(font);
        self.text(family);
    }

    fn text(&mut self, text: &str) {
        self.words.push(text.len() as u64);
        self.words.extend(text.as_bytes().chunks(8).map(|chunk| {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            u64::from_le_bytes(word)
        }));
    }
}

impl DrawingBackend for Transcript<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Written {
        Ok(())
    }

    fn present(&mut self) -> Written {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Written {
        self.call(Call::Pixel);
        self.point(point);
        self.color(color);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Written {
        self.call(Call::Line);
        self.points([from, to]);
        self.shape(style.color(), style.stroke_width());
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S, fill: bool) -> Written {
        self.call(Call::Rect);
        self.points([from, to]);
        self.shape(style.color(), style.stroke_width());
        self.words.push(u64::from(fill));
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Written {
        self.call(Call::Path);
        self.points(path);
        self.shape(style.color(), style.stroke_width());
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Written {
        self.call(Call::Circle);
        self.point(center);
        self.words.extend([u64::from(radius), u64::from(fill)]);
        self.shape(style.color(), style.stroke_width());
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Written {
        self.call(Call::Polygon);
        self.points(vert);
        self.shape(style.color(), style.stroke_width());
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Written {
        let anchor = style.anchor();
        let font = [
            style.size().to_bits(),
            style.style() as u64,
            style.transform() as u64,
            anchor.h_pos as u64,
            anchor.v_pos as u64,
        ];
        self.write_text(text, pos, style.color(), font, style.family().as_str());
        Ok(())
    }
}
