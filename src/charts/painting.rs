//! A canvas drawing as a list: every call a chart makes, written down as the
//! 2D context's own calls, for the page to replay on a canvas in one go
//! (`assets/paint.js`). Writing it down is ordinary Rust, tested natively;
//! two paintings compare exactly, which tells the page when a figure's axes
//! look the same as before.
//!
//! The list is small: a colour is set only when it changes, lines of one
//! opaque style drawn one after another that do not come near each other
//! (a figure's ticks) are stroked as one path, and a dashed line is one path
//! that the canvas dashes. Everything else is drawn as plotters' canvas
//! backend draws it.

use std::convert::Infallible;

use plotters_backend::{
    text_anchor::{HPos, VPos},
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform,
};

/// A recorded drawing: the calls, as numbers, and the texts and images they name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Painting {
    /// Each call: its [`Op`] code, then its arguments.
    pub ops: Vec<f64>,
    /// The texts that [`Op::Text`] calls draw and the font families they
    /// name, each followed by U+0001 (which no word holds), as the page hands
    /// them over; a call names them by their place in this list.
    pub texts: String,
    /// How many texts `texts` holds.
    count: usize,
    /// The cells of every [`Op::Image`], four bytes (RGBA) each, one image after another.
    pub pixels: Vec<u8>,
}

/// The calls of a painting; each is followed by its arguments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Op {
    /// `fillStyle = rgba(r, g, b, a)`: r, g, b, a.
    Fill = 1,
    /// `strokeStyle = rgba(r, g, b, a); lineWidth = w`: r, g, b, a, w.
    Stroke,
    BeginPath,
    /// x, y.
    MoveTo,
    /// x, y.
    LineTo,
    /// `stroke()`.
    StrokePath,
    /// `fill()`.
    FillPath,
    ClosePath,
    /// x, y, width, height.
    FillRect,
    /// x, y, width, height.
    StrokeRect,
    /// A whole circle's path: x, y, radius.
    Circle,
    /// `fillText` in the fill colour: x, y, size in pixels, style (0 normal,
    /// 1 bold, 2 italic, 3 oblique), family (a text index), align (0 start,
    /// 1 center, 2 end), baseline (0 top, 1 middle, 2 bottom), rotation in
    /// quarter turns, text (a text index).
    Text,
    /// Cells stretched smoothly over a rectangle (`drawImage` of an
    /// `ImageData`): x, y, width, height, columns, rows, where its cells
    /// start in [`Painting::pixels`].
    Image,
    /// `setLineDash`: pixels drawn, then left out; `0, 0` for a solid line.
    Dash,
}

impl Painting {
    /// Empties the painting, keeping its memory.
    pub fn clear(&mut self) {
        self.ops.clear();
        self.texts.clear();
        self.count = 0;
        self.pixels.clear();
    }

    /// Each call written down: its [`Op`] code and its arguments.
    #[cfg(test)]
    pub(crate) fn calls(&self) -> impl Iterator<Item = (u8, &[f64])> {
        let args = |code: u8| match code {
            1 => 4,
            2 => 5,
            4 | 5 => 2,
            9 | 10 => 4,
            11 => 3,
            12 => 9,
            13 => 7,
            14 => 2,
            _ => 0,
        };
        let mut rest = &self.ops[..];
        std::iter::from_fn(move || {
            let (&code, tail) = rest.split_first()?;
            let (these, after) = tail.split_at(args(code as u8).min(tail.len()));
            rest = after;
            Some((code as u8, these))
        })
    }

    /// Writes down a call: the list grown once, then written in place (a
    /// redraw writes tens of thousands of numbers).
    fn op(&mut self, op: Op, args: &[f64]) {
        let start = self.ops.len();
        self.ops.resize(start + 1 + args.len(), f64::from(op as u8));
        for (slot, &arg) in self.ops[start + 1..].iter_mut().zip(args) {
            *slot = arg;
        }
    }

    /// Adds `text` to the texts; its index.
    fn text(&mut self, text: &str) -> f64 {
        self.texts.push_str(text);
        self.texts.push('\u{1}');
        self.count += 1;
        (self.count - 1) as f64
    }

    /// The texts, in order.
    #[cfg(test)]
    pub(crate) fn words(&self) -> Vec<&str> {
        self.texts.split_terminator('\u{1}').collect()
    }

    /// The texts drawn ([`Op::Text`]), in order (without the font families
    /// the texts also hold).
    #[cfg(test)]
    pub(crate) fn drawn_texts(&self) -> Vec<&str> {
        self.text_calls().map(|(text, _)| text).collect()
    }

    /// Each text drawn ([`Op::Text`]) with its call's arguments, in order.
    #[cfg(test)]
    pub(crate) fn text_calls(&self) -> impl Iterator<Item = (&str, &[f64])> {
        let words = self.words();
        self.calls().filter(|&(code, _)| code == Op::Text as u8).map(move |(_, args)| (words[args[8] as usize], args))
    }

    /// The rectangles filled ([`Op::FillRect`]) in one of `colours`: left,
    /// top, right, bottom.
    #[cfg(test)]
    pub(crate) fn rects_in(&self, colours: &[plotters::style::RGBAColor]) -> Vec<[f64; 4]> {
        let colours: Vec<[f64; 4]> =
            colours.iter().map(|c| [f64::from(c.0), f64::from(c.1), f64::from(c.2), c.3]).collect();
        let mut fill = [0.0; 4];
        let mut rects = Vec::new();
        for (code, args) in self.calls() {
            if code == Op::Fill as u8 {
                fill.copy_from_slice(args);
            } else if code == Op::FillRect as u8 && colours.contains(&fill) {
                rects.push([args[0], args[1], args[0] + args[2], args[1] + args[3]]);
            }
        }
        rects
    }

    /// The arguments of the first call that draws `text` ([`Op::Text`]).
    #[cfg(test)]
    pub(crate) fn text_call(&self, text: &str) -> Option<&[f64]> {
        self.text_calls().find(|&(drawn, _)| drawn == text).map(|(_, args)| args)
    }
}

/// What a painter's calls give back: they cannot fail.
type Painted<T = ()> = Result<T, DrawingErrorKind<Infallible>>;

/// A colour as the canvas is given it, comparable: red, green, blue, alpha's bits.
type ColorKey = (u8, u8, u8, u64);

fn key(color: BackendColor) -> ColorKey {
    let (r, g, b) = color.rgb;
    (r, g, b, color.alpha.to_bits())
}

fn rgba(color: BackendColor) -> [f64; 4] {
    let (r, g, b) = color.rgb;
    [f64::from(r), f64::from(g), f64::from(b), color.alpha]
}

/// The drawing backend that writes a [`Painting`].
pub struct Painter<'a> {
    painting: &'a mut Painting,
    size: (u32, u32),
    /// The fill colour the context has.
    fill: Option<ColorKey>,
    /// The stroke colour and width the context has.
    stroke: Option<(ColorKey, u32)>,
    /// Where the context holds lines in `stroke`'s style not yet stroked, if it does.
    pending: Option<Bounds>,
    /// The last font family named, and its index among the texts: a
    /// figure's texts all name the same one or two.
    family: Option<(String, f64)>,
    /// A list for the points of each path, kept from path to path: a redraw draws hundreds.
    points: Vec<BackendCoord>,
}

/// A box around lines, in pixels: left, top, right, bottom.
#[derive(Clone, Copy, Debug)]
struct Bounds(i32, i32, i32, i32);

/// A point of a path: a whole backend pixel, or a point between pixels.
pub trait PathPoint: Copy {
    fn xy(self) -> (f64, f64);
}

impl PathPoint for BackendCoord {
    #[inline(always)]
    fn xy(self) -> (f64, f64) {
        (f64::from(self.0), f64::from(self.1))
    }
}

impl PathPoint for (f64, f64) {
    #[inline(always)]
    fn xy(self) -> (f64, f64) {
        self
    }
}

impl Bounds {
    /// The box of a path's line, `width` wide, out to whole pixels.
    fn of<P: PathPoint>(path: &[P], width: u32) -> Bounds {
        let w = f64::from(width.div_ceil(2));
        let (mut lo, mut hi) = ((f64::INFINITY, f64::INFINITY), (f64::NEG_INFINITY, f64::NEG_INFINITY));
        for &p in path {
            let (x, y) = p.xy();
            (lo, hi) = ((lo.0.min(x), lo.1.min(y)), (hi.0.max(x), hi.1.max(y)));
        }
        let whole = |v: f64| v.clamp(-1e9, 1e9) as i32;
        Bounds(whole((lo.0 - w).floor()), whole((lo.1 - w).floor()), whole((hi.0 + w).ceil()), whole((hi.1 + w).ceil()))
    }

    fn meets(self, other: Bounds) -> bool {
        self.0 <= other.2 && other.0 <= self.2 && self.1 <= other.3 && other.1 <= self.3
    }

    fn union(self, other: Bounds) -> Bounds {
        Bounds(self.0.min(other.0), self.1.min(other.1), self.2.max(other.2), self.3.max(other.3))
    }
}

impl<'a> Painter<'a> {
    /// A drawing of `size` pixels, written into `painting` (emptied first).
    pub fn new(painting: &'a mut Painting, size: (u32, u32)) -> Painter<'a> {
        painting.clear();
        Painter { painting, size, fill: None, stroke: None, pending: None, family: None, points: Vec::new() }
    }

    fn set_fill(&mut self, color: BackendColor) {
        if self.fill != Some(key(color)) {
            self.painting.op(Op::Fill, &rgba(color));
            self.fill = Some(key(color));
        }
    }

    fn set_stroke(&mut self, color: BackendColor, width: u32) {
        let wanted = (key(color), width);
        if self.stroke != Some(wanted) {
            let [r, g, b, a] = rgba(color);
            self.painting.op(Op::Stroke, &[r, g, b, a, f64::from(width)]);
            self.stroke = Some(wanted);
        }
    }

    /// Strokes the lines waiting for it: before anything else is drawn over them.
    fn flush(&mut self) {
        if self.pending.take().is_some() {
            self.painting.op(Op::StrokePath, &[]);
        }
    }

    fn path_to<P: PathPoint>(&mut self, path: &[P]) {
        if let Some((&first, rest)) = path.split_first() {
            let (x, y) = first.xy();
            self.painting.op(Op::MoveTo, &[x, y]);
            let ops = &mut self.painting.ops;
            let start = ops.len();
            ops.resize(start + 3 * rest.len(), f64::from(Op::LineTo as u8));
            for (call, &p) in ops[start..].chunks_exact_mut(3).zip(rest) {
                (call[1], call[2]) = p.xy();
            }
        }
    }
}

impl Painter<'_> {
    /// `points` in the painter's list for a path's points.
    pub fn listed(&mut self, points: impl IntoIterator<Item = BackendCoord>) -> Vec<BackendCoord> {
        let mut list = std::mem::take(&mut self.points);
        list.clear();
        list.extend(points);
        list
    }

    /// Gives a list from [`Painter::listed`] back, for the next path.
    pub fn keep_points(&mut self, points: Vec<BackendCoord>) {
        self.points = points;
    }

    /// Records `size` cells of `rgba`, stretched over the rectangle from `from` to `to`.
    pub fn image(&mut self, from: BackendCoord, to: BackendCoord, size: (u32, u32), rgba: &[u8]) {
        self.flush();
        let start = self.painting.pixels.len() as f64;
        self.painting.pixels.extend_from_slice(rgba);
        let [x, y, w, h] = rect(from, to);
        self.painting.op(Op::Image, &[x, y, w, h, f64::from(size.0), f64::from(size.1), start]);
    }

    /// A line through `path`, `width` pixels wide: `draw_path` on a slice,
    /// which the page's backend hands over as it is, or a line through
    /// points between pixels ([`super::lines::Lines`]).
    pub fn line_through<P: PathPoint>(&mut self, path: &[P], color: BackendColor, width: u32) {
        if color.alpha == 0.0 || path.is_empty() {
            return;
        }
        let wanted = (key(color), width);
        let bounds = Bounds::of(path, width);
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
            self.set_stroke(color, width);
            self.painting.op(Op::BeginPath, &[]);
        }
        self.path_to(path);
        self.pending = Some(joins.map_or(bounds, |pending| pending.union(bounds)));
    }

    /// A line through `path`, `width` pixels wide, dashed by the canvas:
    /// `dash.0` pixels drawn, then `dash.1` left out, from the path's start.
    /// Stroked on its own, the canvas' dashes set for it alone.
    pub fn dashed_through<P: PathPoint>(&mut self, path: &[P], color: BackendColor, width: u32, dash: (u32, u32)) {
        if color.alpha == 0.0 || path.is_empty() {
            return;
        }
        self.flush();
        self.set_stroke(color, width);
        self.painting.op(Op::Dash, &[f64::from(dash.0), f64::from(dash.1)]);
        self.painting.op(Op::BeginPath, &[]);
        self.path_to(path);
        self.painting.op(Op::StrokePath, &[]);
        self.painting.op(Op::Dash, &[0.0, 0.0]);
    }

    /// `vert` filled: `fill_polygon` on a slice.
    pub fn polygon(&mut self, vert: &[BackendCoord], color: BackendColor) {
        if color.alpha == 0.0 || vert.is_empty() {
            return;
        }
        self.flush();
        self.set_fill(color);
        self.painting.op(Op::BeginPath, &[]);
        self.path_to(vert);
        self.painting.op(Op::ClosePath, &[]);
        self.painting.op(Op::FillPath, &[]);
    }
}

impl Drop for Painter<'_> {
    fn drop(&mut self) {
        self.flush();
    }
}

/// Moves a vertical or horizontal line half a pixel left or up, so that a
/// one-pixel line covers one row of pixels, not two halves (as plotters'
/// canvas backend does).
fn on_pixels(from: BackendCoord, to: BackendCoord) -> [f64; 4] {
    let (mut a, mut b) = ((f64::from(from.0), f64::from(from.1)), (f64::from(to.0), f64::from(to.1)));
    if from.0 == to.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if from.1 == to.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    [a.0, a.1, b.0, b.1]
}

fn rect(from: BackendCoord, to: BackendCoord) -> [f64; 4] {
    [f64::from(from.0), f64::from(from.1), f64::from(to.0 - from.0), f64::from(to.1 - from.1)]
}

impl DrawingBackend for Painter<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Painted {
        Ok(())
    }

    fn present(&mut self) -> Painted {
        self.flush();
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Painted {
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        self.set_fill(color);
        self.painting.op(Op::FillRect, &[f64::from(point.0), f64::from(point.1), 1.0, 1.0]);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Painted {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        self.set_stroke(style.color(), style.stroke_width());
        let [x0, y0, x1, y1] = on_pixels(from, to);
        self.painting.op(Op::BeginPath, &[]);
        self.painting.op(Op::MoveTo, &[x0, y0]);
        self.painting.op(Op::LineTo, &[x1, y1]);
        self.painting.op(Op::StrokePath, &[]);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S, fill: bool) -> Painted {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        if fill {
            self.set_fill(style.color());
            self.painting.op(Op::FillRect, &rect(from, to));
        } else {
            self.set_stroke(style.color(), style.stroke_width());
            self.painting.op(Op::StrokeRect, &rect(from, to));
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Painted {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let points = self.listed(path);
        self.line_through(&points, style.color(), style.stroke_width());
        self.keep_points(points);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Painted {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        if fill {
            self.set_fill(style.color());
        } else {
            self.set_stroke(style.color(), style.stroke_width());
        }
        self.painting.op(Op::BeginPath, &[]);
        self.painting.op(Op::Circle, &[f64::from(center.0), f64::from(center.1), f64::from(radius)]);
        self.painting.op(if fill { Op::FillPath } else { Op::StrokePath }, &[]);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Painted {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let points = self.listed(vert);
        self.polygon(&points, style.color());
        self.keep_points(points);
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Painted {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        self.set_fill(color);
        let anchor = style.anchor();
        let align = match anchor.h_pos {
            HPos::Left => 0.0,
            HPos::Center => 1.0,
            HPos::Right => 2.0,
        };
        let baseline = match anchor.v_pos {
            VPos::Top => 0.0,
            VPos::Center => 1.0,
            VPos::Bottom => 2.0,
        };
        let quarter_turns = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 1.0,
            FontTransform::Rotate180 => 2.0,
            FontTransform::Rotate270 => 3.0,
        };
        let font_style = match style.style().as_str() {
            "bold" => 1.0,
            "italic" => 2.0,
            "oblique" => 3.0,
            _ => 0.0,
        };
        let family = match &self.family {
            Some((name, index)) if name == style.family().as_str() => *index,
            _ => {
                let name = style.family().as_str().to_owned();
                let index = self.painting.text(&name);
                self.family = Some((name, index));
                index
            }
        };
        let text = self.painting.text(text);
        let (x, y) = (f64::from(pos.0), f64::from(pos.1));
        self.painting.op(Op::Text, &[x, y, style.size(), font_style, family, align, baseline, quarter_turns, text]);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use plotters::prelude::{Color, IntoDrawingArea, IntoFont, PathElement, Rectangle, Text, BLACK, RED, TRANSPARENT};

    use super::*;

    fn paint(draw: impl FnOnce(&plotters::prelude::DrawingArea<Painter<'_>, plotters::coord::Shift>)) -> Painting {
        let mut painting = Painting::default();
        {
            let area = Painter::new(&mut painting, (100, 50)).into_drawing_area();
            draw(&area);
        }
        painting
    }

    fn count(painting: &Painting, op: Op) -> usize {
        painting.calls().filter(|&(code, _)| code == op as u8).count()
    }

    #[test]
    fn lines_of_one_style_that_stay_apart_are_stroked_once() {
        let painting = paint(|area| {
            for i in 0..10 {
                let x = i * 10;
                area.draw(&PathElement::new(vec![(x, 0), (x + 5, 0)], Color::stroke_width(&BLACK, 1))).unwrap();
            }
        });
        assert_eq!(count(&painting, Op::Stroke), 1, "the colour is set once");
        assert_eq!(count(&painting, Op::BeginPath), 1);
        assert_eq!(count(&painting, Op::StrokePath), 1);
        assert_eq!(count(&painting, Op::MoveTo), 10);
    }

    #[test]
    fn crossing_lines_are_stroked_apart() {
        let painting = paint(|area| {
            area.draw(&PathElement::new(vec![(0, 0), (50, 50)], Color::stroke_width(&BLACK, 1))).unwrap();
            area.draw(&PathElement::new(vec![(0, 50), (50, 0)], Color::stroke_width(&BLACK, 1))).unwrap();
        });
        assert_eq!(count(&painting, Op::StrokePath), 2);
        assert_eq!(count(&painting, Op::Stroke), 1);
    }

    #[test]
    fn text_names_its_family_once_and_each_text_as_drawn() {
        let painting = paint(|area| {
            let style = ("sans-serif", 13).into_font().color(&RED);
            area.draw(&Text::new("p = 0.5", (10, 10), style.clone())).unwrap();
            area.draw(&Text::new("p = 0.5", (10, 30), style)).unwrap();
        });
        assert_eq!(painting.words(), ["sans-serif", "p = 0.5", "p = 0.5"]);
        assert_eq!(count(&painting, Op::Text), 2);
        assert_eq!(count(&painting, Op::Fill), 1);
    }

    /// A dashed line is one path that the canvas dashes, not a path for
    /// each dash; its dashes are set for it alone, so the line after it is
    /// solid.
    #[test]
    fn a_dashed_line_is_one_path_and_the_next_line_is_solid() {
        use super::super::lines::Lines;
        let mut painting = Painting::default();
        {
            let mut painter = Painter::new(&mut painting, (100, 50));
            let style = Color::stroke_width(&BLACK, 2);
            let wave: Vec<(f64, f64)> =
                (0..=90).map(f64::from).map(|x| (x + 5.0, 25.0 + 10.0 * (x / 10.0).sin())).collect();
            painter.dashed_run(&wave, (5, 4), &style).unwrap();
            painter.line_run(&[(5.0, 45.0), (95.0, 45.0)], &style).unwrap();
        }
        let calls: Vec<(u8, &[f64])> = painting.calls().collect();
        let dashes: Vec<&[f64]> = calls.iter().filter(|(code, _)| *code == Op::Dash as u8).map(|&(_, a)| a).collect();
        assert_eq!(dashes, [&[5.0, 4.0][..], &[0.0, 0.0][..]]);
        let at = |op: Op, nth: usize| calls.iter().enumerate().filter(|(_, c)| c.0 == op as u8).nth(nth).unwrap().0;
        assert!(at(Op::Dash, 0) < at(Op::StrokePath, 0), "dashed before its stroke");
        assert!(at(Op::StrokePath, 0) < at(Op::Dash, 1), "{calls:?}");
        assert!(at(Op::Dash, 1) < at(Op::MoveTo, 1), "solid again before the next line");
        assert_eq!(count(&painting, Op::MoveTo), 2, "one path for the whole dashed line");
        assert!(count(&painting, Op::LineTo) < 30, "through far fewer points than the wave's 91: {calls:?}");
    }

    /// In every figure the page draws, dashes are set only around a path
    /// of their own, and none is left set when a figure is done.
    #[test]
    fn dashes_are_set_around_their_paths_alone() {
        use crate::charts::{Figure, Style};
        use crate::scene::Scene;
        use crate::state::State;
        let scene = Scene::from_state(&State::default());
        let mut dashed_lines = 0;
        for figure in Figure::ALL {
            let painting = painted(figure, (696, 392), &scene, &Style::default());
            let mut dashed = false;
            for (code, args) in painting.calls() {
                if code == Op::Dash as u8 {
                    dashed = args[0] > 0.0;
                    dashed_lines += usize::from(dashed);
                } else if dashed {
                    let path = [Op::BeginPath, Op::MoveTo, Op::LineTo, Op::StrokePath].map(|op| op as u8);
                    assert!(path.contains(&code), "{}: call {code} while dashed", figure.name());
                }
            }
            assert!(!dashed, "{} ends dashed", figure.name());
        }
        assert!(dashed_lines >= 8, "{dashed_lines} dashed lines");
    }

    #[test]
    fn transparent_shapes_draw_nothing() {
        let painting = paint(|area| {
            area.draw(&Rectangle::new([(0, 0), (10, 10)], TRANSPARENT.filled())).unwrap();
        });
        assert!(painting.ops.is_empty());
    }
}

/// `figure` of `scene` as the page paints it, on a canvas of `size` pixels.
#[cfg(test)]
pub(crate) fn painted(
    figure: crate::charts::Figure,
    size: (u32, u32),
    scene: &crate::scene::Scene,
    style: &crate::charts::Style,
) -> Painting {
    use plotters::prelude::IntoDrawingArea;
    let mut painting = Painting::default();
    {
        let area = Painter::new(&mut painting, size).into_drawing_area();
        crate::charts::draw(figure, &area, scene, style).unwrap();
    }
    painting
}

/// `figure` of `scene` as painted on a 320-pixel phone: the page's column
/// there is 294 pixels wide, the figure's box in its narrow proportions.
#[cfg(test)]
pub(crate) fn painted_on_a_phone(
    figure: crate::charts::Figure,
    scene: &crate::scene::Scene,
    style: &crate::charts::Style,
) -> Painting {
    let (w, h) = figure.spec().shape.aspect(true);
    painted(figure, (294, 294 * h / w), scene, style)
}

/// The box a text call ([`Op::Text`], not turned) sets `text` in, by the
/// estimate the layout goes by: left, top, right, bottom.
#[cfg(test)]
pub(crate) fn text_box(call: &[f64], text: &str, style: &crate::charts::Style) -> [f64; 4] {
    // x, y, size, style, family, align, baseline, quarter turns, text.
    let (width, height) = (style.text_width(text, call[2]), style.pxf(call[2] * 1.2));
    let left = [call[0], call[0] - width / 2.0, call[0] - width][call[5] as usize];
    let top = [call[1], call[1] - height / 2.0, call[1] - height][call[6] as usize];
    [left, top, left + width, top + height]
}

/// Whether two boxes (left, top, right, bottom) overlap.
#[cfg(test)]
pub(crate) fn overlap(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// The styles the layout tests draw in: each language, in the estimate's
/// face and in faces 13 % wider (Firefox's and WebKit's here) and 20 % wider
/// (a reader's own default face may be).
#[cfg(test)]
pub(crate) fn test_styles() -> impl Iterator<Item = crate::charts::Style> {
    use crate::i18n::Lang;
    [Lang::En, Lang::Zh]
        .into_iter()
        .flat_map(|lang| [1.0, 1.13, 1.2].map(|face| crate::charts::Style { lang, face, ..Default::default() }))
}

/// The glyphs' own part of a text's box (left, top, right, bottom): a line
/// through the leading above or below them does not run through the words.
#[cfg(test)]
pub(crate) fn glyphs([left, top, right, bottom]: [f64; 4]) -> [f64; 4] {
    let h = bottom - top;
    [left, top + h * 0.1, right, top + h * 0.9]
}

/// The lines of a painting that words keep off, each as its points: the
/// curves (2 px and wider) and every dashed line.
#[cfg(test)]
pub(crate) fn curves(painting: &Painting) -> Vec<Vec<(f64, f64)>> {
    let (mut curves, mut path, mut dashed, mut width) = (Vec::new(), Vec::new(), false, 0.0);
    for (code, call) in painting.calls() {
        match code {
            c if c == Op::Stroke as u8 => width = call[4],
            c if c == Op::Dash as u8 => dashed = call[0] > 0.0,
            c if c == Op::BeginPath as u8 => path.clear(),
            c if c == Op::MoveTo as u8 || c == Op::LineTo as u8 => path.push((call[0], call[1])),
            c if c == Op::StrokePath as u8 && (dashed || width >= 2.0) => curves.push(std::mem::take(&mut path)),
            _ => {}
        }
    }
    curves
}

/// Every figure keeps its words inside it, by the estimate its layout goes
/// by, wide and on phones of 360 and 320 pixels (the page's column there),
/// in both languages and in faces 13 % wider than the estimate (Firefox's
/// and WebKit's here) and 20 % wider (a reader's own default face may be):
/// a title, key or readout too long for a phone is set smaller, or in
/// fewer words, never cut at the figure's side.
#[cfg(test)]
mod texts_inside {
    use super::*;
    use crate::charts::{Figure, Style};
    use crate::i18n::{is_wide, Lang};
    use crate::scene::Scene;
    use crate::state::State;

    #[test]
    fn every_text_of_every_figure_lies_inside_it_wide_and_on_a_phone() {
        let scene = Scene::from_state(&State::default());
        let mut outside = Vec::new();
        for style in test_styles() {
            let (lang, face) = (style.lang, style.face);
            for (w, h) in [(696, 392), (334, 250), (294, 220)] {
                for figure in Figure::ALL {
                    let painting = painted(figure, (w, h), &scene, &style);
                    let words = painting.words();
                    for (_, call) in painting.calls().filter(|&(code, call)| code == Op::Text as u8 && call[7] == 0.0) {
                        let text = words[call[8] as usize];
                        let [left, _, right, _] = text_box(call, text, &style);
                        if left < -0.5 || right > f64::from(w) + 0.5 {
                            let name = figure.name();
                            outside.push(format!("{lang:?} ×{face} {w} px {name}: {text:?} {left:.0} to {right:.0}"));
                        }
                    }
                }
            }
        }
        assert!(outside.is_empty(), "{}", outside.join("\n"));
    }

    /// On a 320-pixel phone (a 294-pixel column, each figure in its
    /// proportions there), no y title is set under 11 px, in a face 13 %
    /// wider than the estimate (Firefox's and WebKit's here): a title too
    /// long for the line is written in fewer words. Wide, the whole title
    /// is written. (The probability of the negatives' bars and of the true
    /// classes' and the chosen point's class probabilities were set at
    /// 9.6 to 10.3 px, and the logit gaps' x title at 9 px.)
    #[test]
    fn on_a_phone_a_long_axis_title_is_written_shorter_not_smaller() {
        let scene = Scene::from_state(&State::default());
        // A y title: set from the top-left corner, at its place there.
        let y_title = |call: &[f64]| call[5] == 0.0 && call[6] == 0.0 && call[0] < 40.0 && call[1] < 40.0;
        let mut small = Vec::new();
        for lang in [Lang::En, Lang::Zh] {
            for face in [1.0, 1.13] {
                let style = Style { lang, face, ..Style::default() };
                for figure in Figure::ALL {
                    let painting = painted_on_a_phone(figure, &scene, &style);
                    let words = painting.words();
                    for (_, call) in painting.calls().filter(|&(code, call)| code == Op::Text as u8 && y_title(call)) {
                        if call[2] < 11.0 {
                            small.push(format!(
                                "{lang:?} ×{face} {}: {:?} at {:.1} px",
                                figure.name(),
                                words[call[8] as usize],
                                call[2]
                            ));
                        }
                    }
                }
            }
        }
        assert!(small.is_empty(), "{}", small.join("\n"));
        let wide = painted(Figure::RedBars, (696, 392), &scene, &Style::default());
        assert!(wide.words().contains(&"p(y = 0) = 1 − p(y = 1) of each negative point"), "{:?}", wide.words());
        // An x title too.
        let style = Style { face: 1.13, ..Style::default() };
        for (width, title) in [
            (294, "logit gap: true class − largest other"),
            (696, "logit gap: the true class's logit − the largest other"),
        ] {
            let painting = painted(Figure::SoftmaxLogits, (width, width), &scene, &style);
            let call = painting.text_call(title);
            assert!(call.is_some_and(|call| call[2] >= 11.0), "{width} px: {title:?} in {:?}", painting.words());
        }
    }

    /// From a 320-pixel phone to a desk, every text of every figure is set
    /// at 11 px or more, in both languages, in the estimate's face and one
    /// 13 % wider (Firefox's and WebKit's here), for the default state and
    /// four others: the sliders moved, imbalanced data, points held out,
    /// and the calculators' rows edited. Each figure is drawn in its
    /// proportions on the page (narrow up to a 494-pixel column). (Set
    /// under 11 px before: the softmax-probs loss and Keras calls, the
    /// logit gaps' cap, the smoothed loss's y title, the smoothed curve's
    /// name, the gradients' key, the categorical figure's p_t where a note
    /// on unnormalised rows lay over its plot, and the confusion panels'
    /// titles in windows of some 550 pixels.)
    #[test]
    fn from_phone_to_desk_every_text_is_read_at_11_px_or_more() {
        let states = [
            "",
            "reg=off&smooth=0.2&gamma=0.5&alpha=0.6&balance=1&ls=0.3&K=5\
             &softmax-data=imbalanced&softmax-classes=6&softmax-C=10&softmax-smoothing=0.2&softmax-gamma=1",
            "data=imbalanced&seed=1&smooth=0.2&bins=12&threshold=0.3",
            "pts=-2:0,-1:0h,-0.5:1,0.3:0,0.6:1h,1:1,2:1,2.5:0h,3:1&gamma=4",
            "cp=[[0.05,0.95,0],[0.2,1.6,0.2]]&softmax-point=3",
        ];
        let mut small = Vec::new();
        for query in states {
            let state = State::from_query(query).state;
            let scene = Scene::from_state(&state);
            for style in test_styles().filter(|style| style.face < 1.15) {
                let (lang, face) = (style.lang, style.face);
                for w in [294, 334, 360, 400, 440, 494, 530, 560, 600, 696] {
                    for figure in Figure::ALL {
                        let (a, b) = figure.spec().shape.aspect(w < 520);
                        let painting = painted(figure, (w, w * b / a), &scene, &style);
                        for (text, call) in painting.text_calls() {
                            if call[2] < 11.0 {
                                let name = figure.name();
                                small.push(format!(
                                    "{query:?} {lang:?} ×{face} {w} px {name}: {text:?} at {:.1}",
                                    call[2]
                                ));
                            }
                        }
                    }
                }
            }
        }
        assert!(small.is_empty(), "{}", small.join("\n"));
    }

    /// On a 320-pixel phone, in faces up to 20 % wider than the estimate,
    /// a key on a line of its own sets its names at 11.5 px or more: it
    /// reaches the figure's right edge, its entries closer, and the
    /// categorical figure's names the label formats alone. (The three
    /// fits' names were set at 9 px, and the categorical figure's.) The
    /// calibration figure's key takes two lines where one would set its
    /// names smaller; the gradients' keeps to one line, where a second
    /// would leave the plot too short for its notes, and names
    /// cross-entropy "CE" there (it was set at 10.1 px).
    #[test]
    fn on_a_phone_a_key_keeps_its_names_readable() {
        use crate::charts::frame::KEY_SMALLEST_PX;
        use crate::i18n::t;

        let scene = Scene::from_state(&State::default());
        // Each key's names, whole and as the figure may shorten them.
        let same = |key| (key, key);
        let fits = ["fit-name.ce", "fit-name.focal", "fit-name.smoothed"].map(same);
        let gradients = [("fit-name.ce", "fit-name.ce.short"), fits[1], fits[2]];
        let formats = ["fig.cce.one-hot-short", "fig.cce.sparse-short"].map(same);
        let keys = [(Figure::Gradients, &gradients[..]), (Figure::Calibration, &fits[..]), (Figure::Cce, &formats[..])];
        for style in test_styles() {
            for (figure, names) in keys {
                let painting = painted_on_a_phone(figure, &scene, &style);
                for &(whole, short) in names {
                    let (whole, short) = (t(style.lang, whole), t(style.lang, short));
                    let call = painting.text_call(whole).or_else(|| painting.text_call(short));
                    assert!(
                        call.is_some_and(|call| call[2] >= KEY_SMALLEST_PX),
                        "{:?} face {} {}: {whole:?} in {:?}",
                        style.lang,
                        style.face,
                        figure.name(),
                        painting.words()
                    );
                }
            }
        }
    }

    /// A face wider than the estimate loses no label a figure shows in the
    /// estimate's: Firefox's and WebKit's here set Latin text up to 13 %
    /// wider, and a reader's own default face may be wider still (20 %).
    /// A label without room where it goes first finds another place, or is
    /// set smaller. Words may wrap elsewhere; the two figures that name
    /// their classes in full where there is room ("positive, y = 1") may
    /// shorten those names to their labels; an axis title, a loss's name
    /// or a Keras call may be written in its fewer words; on a phone, a
    /// bar's value may give way to its neighbour's.
    #[test]
    fn a_wider_face_loses_no_label() {
        use crate::i18n::t;

        // A title written in fewer words stands for the whole title (with
        // the same numbers in it, where it has some), and a tick in
        // thousands ("−1k") or without its leading zero (".62") for the
        // whole number.
        fn whole(lang: Lang, text: &str) -> String {
            let titles = [
                ("fig.softmax-logits.x", "fig.softmax-logits.x.short"),
                ("fig.red-bars.y", "fig.red-bars.y-short"),
                ("fig.true-class-bars.y", "fig.true-class-bars.y-short"),
                ("fig.confusion.recall", "fig.confusion.recall.short"),
                ("fig.point-losses.y-smoothed", "fig.point-losses.y-smoothed-short"),
                ("fig.softmax-logits.cap", "fig.softmax-logits.cap.short"),
                ("fig.softmax-probs.ce", "fig.softmax-probs.ce.short"),
                ("fig.softmax-probs.one-hot", "fig.softmax-probs.one-hot.call"),
                ("fig.softmax-probs.one-hot", "fig.softmax-probs.one-hot.short"),
                ("fig.softmax-probs.sparse", "fig.softmax-probs.sparse.call"),
                ("fig.softmax-probs.sparse", "fig.softmax-probs.sparse.short"),
            ];
            let thousands = text.strip_suffix('k').and_then(|n| n.replace('−', "-").parse::<f64>().ok());
            if let Some(n) = thousands {
                return crate::number::format::fixed(n * 1000.0, 0);
            }
            if text.starts_with('.') && text.parse::<f64>().is_ok() {
                return format!("0{text}");
            }
            // A template's blanks ("{r}") and what `text` fills them with,
            // where `text` is that template filled.
            let filling = |template: &'static str| -> Option<Vec<(&'static str, String)>> {
                let mut pieces = template.split('{');
                let mut rest = text.strip_prefix(pieces.next()?)?;
                let pieces: Vec<(&str, &str)> = pieces.map(|piece| piece.split_once('}')).collect::<Option<_>>()?;
                let mut values = Vec::new();
                for (i, &(name, after)) in pieces.iter().enumerate() {
                    let end = if i + 1 == pieces.len() {
                        rest.strip_suffix(after)?.len()
                    } else {
                        rest.find(after).filter(|_| !after.is_empty())?
                    };
                    values.push((name, rest[..end].to_owned()));
                    rest = &rest[end + after.len()..];
                }
                (!pieces.is_empty()).then_some(values)
            };
            for (whole, short) in titles {
                let (whole, short) = (t(lang, whole), t(lang, short));
                if short == text {
                    return whole.into();
                }
                if let Some(values) = filling(short) {
                    return crate::i18n::fill(whole, &values);
                }
            }
            text.into()
        }
        let scene = Scene::from_state(&State::default());
        // Words, and each Chinese character a word of its own: a line of
        // Chinese may wrap between any two.
        let words = |figure: Figure, size: (u32, u32), style: &Style| -> Vec<String> {
            let painting = painted(figure, size, &scene, style);
            let texts: Vec<String> = painting.words().iter().map(|s| whole(style.lang, s)).collect();
            let mut words = Vec::new();
            for word in texts.iter().flat_map(|s| s.split_whitespace()) {
                let mut latin = String::new();
                for c in word.chars() {
                    if is_wide(c) {
                        words.extend((!latin.is_empty()).then(|| std::mem::take(&mut latin)));
                        words.push(c.to_string());
                    } else {
                        latin.push(c);
                    }
                }
                words.extend((!latin.is_empty()).then_some(latin));
            }
            words
        };
        let bars = [Figure::GreenBars, Figure::RedBars, Figure::TrueClassBars];
        let mut lost = Vec::new();
        for lang in [Lang::En, Lang::Zh] {
            for size in [(696, 392), (334, 250)] {
                for figure in Figure::ALL {
                    if matches!(figure, Figure::Points | Figure::PointLosses) {
                        continue;
                    }
                    let shown = words(figure, size, &Style { lang, ..Style::default() });
                    for face in [1.05, 1.1, 1.13, 1.2] {
                        let wider = words(figure, size, &Style { lang, face, ..Style::default() });
                        let value = |word: &str| size.0 < 696 && bars.contains(&figure) && word.parse::<f64>().is_ok();
                        // A Chinese character as often as before (one of a lost
                        // label may stand in another), a word at all.
                        let count = |words: &[String], word: &str| words.iter().filter(|w| *w == word).count();
                        let kept = |word: &str| match word.chars().next().is_some_and(is_wide) {
                            true => count(&wider, word) >= count(&shown, word),
                            false => wider.iter().any(|w| w == word),
                        };
                        let mut seen = std::collections::BTreeSet::new();
                        for word in shown.iter().filter(|word| seen.insert(word.as_str()) && !value(word)) {
                            if !kept(word) {
                                lost.push(format!("{lang:?} ×{face} {} px {}: {word:?}", size.0, figure.name()));
                            }
                        }
                    }
                }
            }
        }
        assert!(lost.is_empty(), "{}", lost.join("\n"));
    }
}

/// No curve runs through a figure's words: where a label's first place has
/// a line through it, it goes to the next that has none. Checked wide and
/// on phones, each figure in the proportions the page gives it there, in
/// both languages, at the defaults and with the sliders moved; the lines are the curves (2 px and wider) and every dashed line.
/// The bar charts are left out: a bar's value sits on its top, which the
/// probability curve passes through by design.
#[cfg(test)]
mod lines_keep_off_words {
    use super::*;
    use crate::charts::{Figure, Style};
    use crate::i18n::Lang;
    use crate::scene::Scene;
    use crate::state::State;

    #[test]
    fn no_curve_runs_through_a_label() {
        let bars = [Figure::GreenBars, Figure::RedBars, Figure::TrueClassBars];
        let mut crossed = Vec::new();
        for query in ["", "gamma=3&ls=0.3", "ls=0.5&smoothing=0.4&gamma=0.5"] {
            let scene = Scene::from_state(&State::from_query(query).state);
            for lang in [Lang::En, Lang::Zh] {
                let style = Style { lang, ..Style::default() };
                for width in [696, 334, 294] {
                    for figure in Figure::ALL.into_iter().filter(|figure| !bars.contains(figure)) {
                        // In the figure's proportions on the page at that width.
                        let (w, h) = figure.spec().shape.aspect(width <= 520);
                        let size = (width, width * h / w);
                        let painting = painted(figure, size, &scene, &style);
                        let words = painting.words();
                        let calls: Vec<_> = painting.calls().collect();
                        let curves = curves(&painting);
                        for (i, &(code, call)) in calls.iter().enumerate() {
                            if code != Op::Text as u8 || call[7] != 0.0 {
                                continue;
                            }
                            let text = words[call[8] as usize];
                            let glyphs = glyphs(text_box(call, text, &style));
                            // Level words, but those on a box that hides what
                            // is under it (a halo, a veil: nearly opaque)
                            // filled just before them, under all of them.
                            let under = |rect: &[f64]| {
                                rect[0] <= glyphs[0] + 0.5
                                    && rect[1] <= glyphs[1] + 0.5
                                    && rect[0] + rect[2] >= glyphs[2] - 0.5
                                    && rect[1] + rect[3] >= glyphs[3] - 0.5
                            };
                            let opaque_at = |j: usize| {
                                let fill = calls[..j].iter().rev().find(|&&(c, _)| c == Op::Fill as u8);
                                fill.is_some_and(|&(_, rgba)| rgba[3] >= 0.8)
                            };
                            let halo = (i.saturating_sub(3)..i)
                                .any(|j| calls[j].0 == Op::FillRect as u8 && under(calls[j].1) && opaque_at(j));
                            if halo {
                                continue;
                            }
                            if curves.iter().any(|curve| crate::charts::frame::runs_through(curve, glyphs)) {
                                crossed.push(format!("{query:?} {lang:?} {} px {}: {text:?}", size.0, figure.name()));
                            }
                        }
                    }
                }
            }
        }
        assert!(crossed.is_empty(), "{}", crossed.join("\n"));
    }
}
