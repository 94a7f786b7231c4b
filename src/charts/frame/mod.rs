//! The frame every figure draws in: margins, a few horizontal gridlines, the
//! x axis, tick labels, axis titles (the y title sits horizontally above the
//! plot, where it reads without turning the head), and the primitives the
//! figures place in data coordinates: lines clipped to the plot, bars,
//! markers, labels that avoid each other.

mod clip;
mod key;
mod labels;
mod shapes;
mod text;
mod ticks;

#[cfg(test)]
pub(crate) use clip::runs_through;
pub use key::{swatch_key_width, KeyLine, KEY_LINE, KEY_SMALLEST_PX};
pub use shapes::{cross, Outline, Pixels};
pub use text::{fitted, wrap};
pub use ticks::{nice_ticks, y_tick_band, Ticks};

use key::{key_name_width, ClassKey, KeyRow, SWATCH, SWATCH_GAP};
use shapes::{put, Run, MOST};
use text::{note_lines, SMALLEST_TEXT_PX};

use std::cell::RefCell;
use std::collections::BTreeSet;

use plotters::element::{Circle, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, RGBAColor, RGBColor, ShapeStyle};

use super::area::{Area, Done, Drawn};
use super::error::DrawError;
use super::lines::{r, Lines};
use super::plot_map::{Axis, PlotMap, Scale};
use super::style::{Colors, Style, TextStyle, Weight, AXIS_TITLE_PX, LABEL_PX, NOTE_PX, TICK_PX};

#[derive(Clone)]
pub struct FrameSpec {
    pub x: Axis,
    pub y: Axis,
    pub x_ticks: Ticks,
    pub y_ticks: Ticks,
    pub x_title: String,
    /// The x title in fewer words (empty: there is none), written where
    /// the whole of it would have to be set smaller than the usual size.
    pub x_title_short: String,
    /// The given x ticks' labels in fewer characters, one for each of
    /// `x_ticks` (empty: there are none): set where the whole ones cannot
    /// all be read at a size the short ones can.
    pub x_ticks_short: Vec<String>,
    pub y_title: String,
    /// The y title in fewer words (empty: there is none), written where
    /// the whole of it would have to be set smaller than the usual size:
    /// on a phone, a long title at some 10 px is hard to read.
    pub y_title_short: String,
    /// Extra room on the right, at scale 1, for direct labels.
    pub right: f64,
    /// Extra room at the bottom, at scale 1, below the x title.
    pub bottom_extra: f64,
    /// Extra room at the top, at scale 1: a line above the plot for a key
    /// or a title that does not fit on the first line.
    pub top_extra: f64,
    /// How far below its usual line the y title sits, at scale 1.
    pub y_title_drop: f64,
    /// Draw the x axis at y = 0 rather than at the bottom of the plot.
    pub x_axis_at_zero: bool,
    /// The two classes' markers with their names, on the x title's line at
    /// the right: for figures whose markers are not labelled one by one.
    pub class_key: bool,
    /// The area this frame may use, as fractions of the drawing area's width
    /// (left, right): lets a figure put two frames side by side.
    pub columns: (f64, f64),
    /// The area is this frame's alone, though `columns` narrow it (a panel
    /// that lines its plot up with a neighbour's in an area of its own): its
    /// x title may take the area's whole width, as a lone frame's does.
    pub own_area: bool,
    /// A unit of x as long as a unit of y on the screen (a map of the
    /// plane): the axes' ranges grow about their middles to fill the plot.
    pub equal_aspect: bool,
    /// A band at the top of the plot, at scale 1, that the data never
    /// reaches (labels of vertical lines go there): a linear y axis grows
    /// upwards by as much.
    pub head_room: f64,
    /// Notes in words above the plot, under the y title: what the data was
    /// judged on, a figure's readout. The plot moves down to make room, so
    /// that they cover none of it ([`Frame::note`] writes over the plot).
    pub notes_above: Vec<Note>,
}

/// A note in words, and a shorter form of it, if it has one, for where
/// whole it would take more than one line.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub whole: String,
    pub short: Option<String>,
}

impl Note {
    pub fn or_short(whole: String, short: String) -> Note {
        Note { whole, short: Some(short) }
    }

    /// Its lines `width` wide: the whole form's, or the short form's where
    /// the whole takes more than one line.
    fn lines(&self, style: &Style, width: f64) -> Vec<String> {
        let whole = note_lines(style, &self.whole, width);
        match &self.short {
            Some(short) if whole.len() > 1 => note_lines(style, short, width),
            _ => whole,
        }
    }
}

impl From<String> for Note {
    fn from(whole: String) -> Note {
        Note { whole, short: None }
    }
}

impl From<&str> for Note {
    fn from(whole: &str) -> Note {
        whole.to_owned().into()
    }
}

impl FrameSpec {
    pub fn new(x: Axis, y: Axis) -> FrameSpec {
        FrameSpec {
            x,
            y,
            x_ticks: Ticks::Auto(8),
            y_ticks: Ticks::Auto(5),
            x_title: String::new(),
            x_title_short: String::new(),
            x_ticks_short: Vec::new(),
            y_title: String::new(),
            y_title_short: String::new(),
            right: 24.0,
            bottom_extra: 0.0,
            top_extra: 0.0,
            y_title_drop: 0.0,
            x_axis_at_zero: false,
            class_key: false,
            columns: (0.0, 1.0),
            own_area: false,
            equal_aspect: false,
            head_room: 0.0,
            notes_above: Vec::new(),
        }
    }

    /// The room above the plot: the y title's line, and any extra.
    fn top_margin(&self, style: &Style) -> f64 {
        (if self.y_title.is_empty() { style.pxf(14.0) } else { style.pxf(38.0) }) + style.pxf(self.top_extra)
    }

    /// The room under the plot: the tick labels, the x title, a key's own
    /// line (`key_line`), and any extra.
    fn bottom_margin(&self, style: &Style, has_x_ticks: bool, key_line: bool) -> f64 {
        style.pxf(if self.x_title.is_empty() { 14.0 } else { 30.0 })
            + if has_x_ticks { style.pxf(22.0) } else { 0.0 }
            + if key_line { style.pxf(KEY_LINE) } else { 0.0 }
            + style.pxf(self.bottom_extra)
    }

    /// The x title as drawn in a figure `width` pixels wide: in fewer words
    /// where the whole title would have to be set smaller than the usual size.
    fn x_title_in(&self, style: &Style, width: f64) -> &str {
        let room = width - style.pxf(8.0);
        if !self.x_title_short.is_empty() && style.text_width(&self.x_title, AXIS_TITLE_PX) > room {
            &self.x_title_short
        } else {
            &self.x_title
        }
    }

    /// The plot's height in an area `height` pixels high, known before the
    /// frame is drawn: for a figure whose y range leaves room for what it
    /// writes over the plot. (A class key's own line is not counted: the
    /// frame decides it.)
    pub fn plot_height(&self, style: &Style, height: f64) -> f64 {
        height - self.top_margin(style) - self.bottom_margin(style, !self.x_ticks.on(&self.x).is_empty(), false)
    }
}

/// Which marker a point gets: its class's shape, filled for a training
/// point and in outline for a held-out one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Mark {
    pub positive: bool,
    pub hollow: bool,
}

/// How far in from its column's left edge the y title starts, at scale 1.
const Y_TITLE_INSET: f64 = 16.0;

/// How far a y title reaches from its column's left edge, in the style's pixels.
pub fn y_title_span(style: &Style, title: &str) -> f64 {
    style.pxf(Y_TITLE_INSET) + style.text_width(title, AXIS_TITLE_PX)
}

/// Where the y title of `spec` starts, in a column whose left edge is at `col_left`.
fn y_title_at(spec: &FrameSpec, style: &Style, col_left: f64) -> (f64, f64) {
    (col_left + style.pxf(Y_TITLE_INSET), style.pxf(10.0 + spec.y_title_drop))
}

/// How a line is drawn: its colour, its width in CSS pixels, and whether dashed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    pub color: RGBAColor,
    pub width_css: f64,
    pub dashed: bool,
}

impl Stroke {
    pub fn solid(color: impl Color, width_css: f64) -> Stroke {
        Stroke { color: color.to_rgba(), width_css, dashed: false }
    }

    pub fn dashed(color: impl Color, width_css: f64) -> Stroke {
        Stroke { color: color.to_rgba(), width_css, dashed: true }
    }
}

/// Where a label goes: a place in area pixels, and how the words hang from it.
pub type Spot = ((f64, f64), (HPos, VPos));

/// A line labels keep off: a stretch of it inside the plot, as area
/// pixels, and whether it goes left to right.
type KeptLine = (Vec<(f64, f64)>, bool);

/// A drawn frame: maps data to the drawing area's own pixels and draws in it.
pub struct Frame<'s> {
    pub map: PlotMap,
    base: (f64, f64),
    pub style: &'s Style,
    placed: Vec<[f64; 4]>,
    /// The lines of notes placed, each painted when the frame is finished
    /// (see [`Frame::note`]): its rectangle and its words.
    notes: Vec<([f64; 4], String)>,
    /// When set, labels get a box of background colour behind them, so they
    /// read over the lines they name.
    pub halo: bool,
    /// When set, each line drawn is kept, and a label goes to the first of
    /// its places that none of them runs through (where every place has
    /// one, to the first with room, as before).
    pub labels_keep_off_lines: bool,
    /// The lines kept for that.
    lines: RefCell<Vec<KeptLine>>,
    /// When set, each class marker and bar drawn is kept, and a label goes
    /// to the first of its places that none of them overlaps, as for lines.
    pub labels_keep_off_marks: bool,
    /// The markers and bars kept for that: their boxes, in area pixels.
    marks: RefCell<Vec<[f64; 4]>>,
    /// Markers already drawn, by position on a grid a third of a marker wide
    /// and by colour: a marker that would land on one of them adds nothing a
    /// reader can see, so dense data (1 000 points) costs a fraction of the
    /// shapes.
    markers: RefCell<BTreeSet<MarkerCell>>,
    /// The band at the plot's top that its notes are written over, in
    /// backend pixels (0 without one): no line, clamped value or tick
    /// enters it.
    notes_band: f64,
}

/// A marker's grid cell, class and colour.
type MarkerCell = (i64, i64, (bool, bool), (u8, u8, u8));

/// Fills the area with the background. Every figure starts here.
pub fn clear<DB: DrawingBackend>(area: &Area<DB>, style: &Style) -> Result<(), DrawError> {
    area.fill(&style.colors.background)?;
    Ok(())
}

impl<'s> Frame<'s> {
    /// Lays out and draws the axes of `spec` on `area` (already cleared).
    pub fn draw<DB: DrawingBackend>(
        area: &Area<DB>,
        style: &'s Style,
        spec: &FrameSpec,
    ) -> Result<Frame<'s>, DrawError> {
        let (w, h) = area.dim_in_pixel();
        let (w, h) = (f64::from(w), f64::from(h));
        let s = |css: f64| style.pxf(css);
        let y_ticks = spec.y_ticks.on(&spec.y);
        let x_ticks = spec.x_ticks.on(&spec.x);
        let col_left = w * spec.columns.0;
        let col_right = w * spec.columns.1;
        let left = col_left + s(16.0) + y_tick_band(style, y_ticks.iter().map(|(_, l)| l.as_str()));
        let right = col_right - s(spec.right);
        let top = spec.top_margin(style);
        let key = spec.class_key.then(|| ClassKey::layout(style, left, right, spec.x_title_in(style, w)));
        let bottom = h - spec.bottom_margin(style, !x_ticks.is_empty(), key.as_ref().is_some_and(|k| k.own_line));
        let (left, right) =
            if right - left < 20.0 { (col_left, col_right.max(col_left + 20.0)) } else { (left, right) };
        // The notes above the plot, in their lines, first to last while they
        // leave the plot room; the rest are written over it, as
        // [`Frame::note`] writes.
        let line_height = s(NOTE_PX * 1.4);
        let mut notes_above: Vec<String> = Vec::new();
        // The lines of the notes over the plot, wrapped as [`Frame::note`] wraps.
        let mut lines_over: Vec<String> = Vec::new();
        let mut any_over = false;
        for note in &spec.notes_above {
            let lines = note.lines(style, col_right - s(4.0) - left);
            let height = (notes_above.len() + lines.len()) as f64 * line_height + s(4.0);
            if !any_over && bottom - top - height >= s(80.0) {
                notes_above.extend(lines);
            } else {
                lines_over.extend(note.lines(style, right - left - s(12.0)));
                any_over = true;
            }
        }
        let notes_top = top;
        let top = if notes_above.is_empty() { top } else { top + notes_above.len() as f64 * line_height + s(4.0) };
        let (top, bottom) = if bottom - top < 20.0 { (0.0, h.max(20.0)) } else { (top, bottom) };
        // Notes written over the plot take a band at its top that a linear
        // y axis grows by, as for head room: they veil no data.
        let over = if lines_over.is_empty() { 0.0 } else { lines_over.len() as f64 * line_height + s(6.0) };
        let roomy;
        let (spec, y_ticks, band) = match (s(spec.head_room) + over, spec.y) {
            (room, y) if room > 0.0 && bottom - top > 2.0 * room && y.scale == Scale::Linear => {
                let max = y.min + (y.max - y.min) * (bottom - top) / (bottom - top - room);
                roomy = FrameSpec { y: Axis { max, ..y }, ..spec.clone() };
                // The ticks stop under the notes' band (the head room under
                // it is the figure's own, as before).
                let under = y.max + (max - y.max) * s(spec.head_room) / room;
                let ticks = roomy.y_ticks.on(&Axis { max: under, ..y });
                (&roomy, ticks, over)
            }
            _ => (spec, y_ticks, 0.0),
        };
        #[cfg(test)]
        if !lines_over.is_empty() && band == 0.0 {
            tests::VEILED.with(|veiled| veiled.set(veiled.get() + 1));
        }
        let equal;
        let (spec, x_ticks, y_ticks) = if spec.equal_aspect {
            let (x, y) = (spec.x, spec.y);
            let per_pixel = ((x.max - x.min) / (right - left)).max((y.max - y.min) / (bottom - top));
            let grow = |axis: Axis, pixels: f64| {
                let (middle, half) = ((axis.min + axis.max) / 2.0, per_pixel * pixels / 2.0);
                Axis { min: middle - half, max: middle + half, ..axis }
            };
            equal = FrameSpec { x: grow(x, right - left), y: grow(y, bottom - top), ..spec.clone() };
            let ticks = (equal.x_ticks.on(&equal.x), equal.y_ticks.on(&equal.y));
            (&equal, ticks.0, ticks.1)
        } else {
            (spec, x_ticks, y_ticks)
        };
        let (bx, by) = area.get_base_pixel();
        let mut frame = Frame {
            map: PlotMap {
                left: left + f64::from(bx),
                top: top + f64::from(by),
                right: right + f64::from(bx),
                bottom: bottom + f64::from(by),
                x: spec.x,
                y: spec.y,
            },
            base: (f64::from(bx), f64::from(by)),
            style,
            placed: Vec::new(),
            notes: Vec::new(),
            halo: false,
            labels_keep_off_lines: false,
            lines: RefCell::new(Vec::new()),
            labels_keep_off_marks: false,
            marks: RefCell::new(Vec::new()),
            markers: RefCell::new(BTreeSet::new()),
            notes_band: band,
        };
        // Labels keep off the y axis' tick labels and its title.
        let tick_height = s(TICK_PX * 1.2);
        for (v, label) in y_ticks.iter() {
            if (spec.y.min..=spec.y.max).contains(v) {
                let (x, y) = (left - s(8.0), frame.py(*v));
                frame.reserve([x - style.text_width(label, TICK_PX), y - tick_height / 2.0, x, y + tick_height / 2.0]);
            }
        }
        // The y title, whole or short, as large as fits before the area's right side.
        let (x, y) = y_title_at(spec, style, col_left);
        let room = f64::from(area.dim_in_pixel().0) - x - s(4.0);
        let whole = (spec.y_title.as_str(), fitted(style, &spec.y_title, AXIS_TITLE_PX, room));
        let (y_title, y_title_px) = match spec.y_title_short.as_str() {
            short if !short.is_empty() && whole.1 < AXIS_TITLE_PX => (short, fitted(style, short, AXIS_TITLE_PX, room)),
            _ => whole,
        };
        if !y_title.is_empty() {
            frame.reserve([x, y, x + style.text_width(y_title, y_title_px), y + s(AXIS_TITLE_PX * 1.2)]);
        }
        frame.draw_axes(area, spec, (y_title, (x, y), y_title_px), &x_ticks, &y_ticks, key.as_ref())?;
        for (i, line) in notes_above.iter().enumerate() {
            let at = (left, notes_top + i as f64 * line_height);
            frame.reserve([at.0, at.1, at.0 + style.text_width(line, NOTE_PX), at.1 + s(NOTE_PX * 1.2)]);
            frame.text(area, line, at, TextStyle::regular(NOTE_PX, style.colors.muted, (HPos::Left, VPos::Top)))?;
        }
        frame.place_note_lines(lines_over);
        if let Some(key) = key {
            frame.draw_class_key(area, &key)?;
        }
        Ok(frame)
    }

    /// The gridlines, the x axis, the tick labels and the axis titles of
    /// `spec`; the y title, where it starts and its size.
    fn draw_axes<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        spec: &FrameSpec,
        (y_title, title_at, size): (&str, (f64, f64), f64),
        x_ticks: &[(f64, String)],
        y_ticks: &[(f64, String)],
        key: Option<&ClassKey>,
    ) -> Result<(), DrawError> {
        let style = self.style;
        let s = |css: f64| style.pxf(css);
        let (left, _, right, bottom) = self.rect();
        let frame = self;
        let c = &style.colors;
        let thin = ShapeStyle::from(c.grid).stroke_width(style.stroke(1.0));
        let tick_text = style.text(TICK_PX, c.muted, Weight::Regular, (HPos::Right, VPos::Center));
        // A tick's label is left out where it would touch one already
        // written (0 and 1 on a short logarithmic axis); its line stays.
        let mut written: Vec<f64> = Vec::new();
        for (v, label) in y_ticks {
            if !(spec.y.min..=spec.y.max).contains(v) {
                continue;
            }
            let y = frame.py(*v);
            area.draw(&Pixels::line(&[(r(left), r(y)), (r(right), r(y))], thin))?;
            if written.iter().all(|&other| (other - y).abs() >= s(TICK_PX * 1.1)) {
                put(area, label, (left - s(8.0), y), tick_text)?;
                written.push(y);
            }
        }
        let axis_y = if spec.x_axis_at_zero && spec.y.min < 0.0 && spec.y.max > 0.0 { frame.py(0.0) } else { bottom };
        let axis = ShapeStyle::from(c.axis).stroke_width(style.stroke(1.0));
        area.draw(&Pixels::line(&[(r(left), r(axis_y)), (r(right), r(axis_y))], axis))?;
        let shorts = (spec.x_ticks_short.len() == x_ticks.len()).then_some(&spec.x_ticks_short);
        let at = |short: bool| -> Vec<(f64, &str)> {
            (x_ticks.iter().enumerate())
                .filter(|(_, (v, _))| (spec.x.min..=spec.x.max).contains(v))
                .map(|(i, (v, label))| (frame.px(*v), shorts.filter(|_| short).map_or(label.as_str(), |s| &s[i])))
                .collect()
        };
        // Whether a tick's label at `size` keeps apart from the one written
        // before it, which ends at `last_right`; where it does, it is
        // written and ends the line so far.
        let apart = |last_right: &mut f64, &(x, label): &(f64, &str), size: f64| {
            let half = style.text_width(label, size) / 2.0;
            let apart = x - half > *last_right + s(4.0);
            if apart {
                *last_right = x + half;
            }
            apart
        };
        let (whole, short) = (at(false), shorts.map(|_| at(true)));
        // Given ticks each name something (a row, a class, a point): set
        // smaller, or in short, where that lets every one of them be read:
        // the whole labels a little smaller, then the short ones at any
        // size, then the whole ones at the smallest sizes. Else, as "nice"
        // ticks are, at the ticks' size, each left out where it would meet
        // the one before.
        const TRIES: [(bool, f64); 10] = [
            (false, TICK_PX),
            (false, 12.0),
            (false, 11.0),
            (true, TICK_PX),
            (true, 12.0),
            (true, 11.0),
            (true, 10.0),
            (true, SMALLEST_TEXT_PX),
            (false, 10.0),
            (false, SMALLEST_TEXT_PX),
        ];
        // A size that writes every one of them, each measured once, up to
        // the first that would meet the one before it.
        let every_one = |&(in_short, px): &(bool, f64)| {
            let ticks = if in_short { short.as_ref()? } else { &whole };
            let mut last_right = f64::NEG_INFINITY;
            ticks.iter().all(|tick| apart(&mut last_right, tick, px)).then_some((ticks, px))
        };
        let chosen = match spec.x_ticks {
            Ticks::At(_) => TRIES.iter().find_map(every_one),
            _ => None,
        };
        // Else the whole labels at the ticks' size, each written where it
        // keeps apart from the one before, measured as it is drawn.
        let every_one_written = chosen.is_some();
        let (x_ticks, tick_px) = chosen.unwrap_or((&whole, TICK_PX));
        let x_text = style.text(tick_px, c.muted, Weight::Regular, (HPos::Center, VPos::Top));
        let mut last_right = f64::NEG_INFINITY;
        for tick @ &(x, label) in x_ticks {
            area.draw(&Pixels::line(&[(r(x), r(axis_y)), (r(x), r(axis_y + s(5.0)))], axis))?;
            if every_one_written || apart(&mut last_right, tick, tick_px) {
                put(area, label, (x, axis_y + s(8.0)), x_text)?;
            }
        }
        if !y_title.is_empty() {
            let t = style.text(size, c.text, Weight::Regular, (HPos::Left, VPos::Top));
            put(area, y_title, title_at, t)?;
        }
        let width = f64::from(area.dim_in_pixel().0);
        // A frame in a column of its figure, beside others, centres its x
        // title under its plot, as wide as the column leaves room for on both
        // sides: the titles side by side never meet and are set alike. One
        // too long for that even at the smallest size is set as a lone
        // frame's is.
        let centre = (left + right) / 2.0;
        let room = 2.0 * (centre - width * spec.columns.0).min(width * spec.columns.1 - centre) - s(8.0);
        let beside = spec.columns != (0.0, 1.0)
            && !spec.own_area
            && style.text_width(spec.x_title_in(style, room), SMALLEST_TEXT_PX) <= room;
        let x_title = spec.x_title_in(style, if beside { room } else { width });
        if !x_title.is_empty() {
            // Under the axis' tick labels, wherever the axis is; centred, or
            // as far right as the class key on its line leaves room for; and
            // inside the figure, where the plot's centre would push a long
            // title past its side (on a phone), smaller where it is wider
            // than the figure.
            let size = fitted(style, x_title, AXIS_TITLE_PX, if beside { room } else { width - s(8.0) });
            let t = style.text(size, c.text, Weight::Regular, (HPos::Center, VPos::Top));
            let y = axis_y + if x_ticks.is_empty() { s(8.0) } else { s(30.0) };
            let half = style.text_width(x_title, size) / 2.0;
            let x = match key {
                Some(key) if axis_y == bottom && !key.own_line => centre.min(key.start - s(20.0) - half),
                _ => centre,
            };
            let x = if beside { x } else { kept_inside(x, half, width, s(4.0)) };
            put(area, x_title, (x, y), t)?;
        }
        Ok(())
    }

    /// The plot rectangle in the area's own pixels: left, top, right, bottom.
    pub fn rect(&self) -> (f64, f64, f64, f64) {
        (
            self.map.left - self.base.0,
            self.map.top - self.base.1,
            self.map.right - self.base.0,
            self.map.bottom - self.base.1,
        )
    }

    /// The area-local pixel x of data x (unclamped).
    pub fn px(&self, x: f64) -> f64 {
        self.map.x_pixel(x) - self.base.0
    }

    /// The area-local pixel y of data y (unclamped).
    pub fn py(&self, y: f64) -> f64 {
        self.map.y_pixel(y) - self.base.1
    }

    /// The area-local pixel of a data point.
    pub fn p(&self, x: f64, y: f64) -> (f64, f64) {
        (self.px(x), self.py(y))
    }

    /// The data point under an area-local pixel.
    pub fn data_at(&self, (x, y): (f64, f64)) -> (f64, f64) {
        self.map.to_data(x + self.base.0, y + self.base.1)
    }

    /// Pixel y of `y` clamped into the plot, under its notes' band.
    pub fn py_clamped(&self, y: f64) -> f64 {
        let (_, top, _, bottom) = self.rect();
        let top = top + self.notes_band;
        if y.is_nan() {
            return bottom;
        }
        self.py(y.clamp(self.map.y.min, self.map.y.max)).clamp(top, bottom)
    }

    /// A polyline through data points, clipped to the plot; non-finite points
    /// break it.
    pub fn line<DB: Lines>(&self, area: &Area<DB>, points: &[(f64, f64)], stroke: Stroke) -> Result<(), DrawError> {
        let style = ShapeStyle::from(stroke.color).stroke_width(self.style.stroke(stroke.width_css));
        let dash = stroke.dashed.then(|| (self.style.px(5.0).unsigned_abs(), self.style.px(4.0).unsigned_abs()));
        let (pixels, ends) = self.clipped_runs(points);
        let mut start = 0;
        for end in ends {
            let run = &pixels[start..end];
            start = end;
            area.draw(&Run { points: run, style, dash })?;
            if self.labels_keep_off_lines {
                self.keep_off_run(run);
            }
        }
        Ok(())
    }

    /// Keeps the labels placed from now on off a line through data points
    /// drawn before (as [`Frame::labels_keep_off_lines`] would have kept
    /// them off it): for a label that must keep off lines that the labels
    /// placed before it may cross.
    pub fn keep_labels_off(&self, points: &[(f64, f64)]) {
        let (pixels, ends) = self.clipped_runs(points);
        let mut start = 0;
        for end in ends {
            self.keep_off_run(&pixels[start..end]);
            start = end;
        }
    }

    /// Keeps the labels off a run of a line, in the figure's pixels.
    fn keep_off_run(&self, run: &[(f64, f64)]) {
        let local: Vec<_> = run.iter().map(|&(x, y)| (x - self.base.0, y - self.base.1)).collect();
        let rightwards = local.is_sorted_by(|a, b| a.0 <= b.0);
        self.lines.borrow_mut().push((local, rightwards));
    }

    /// A filled rectangle between data corners, clamped to the plot; kept
    /// for [`Frame::labels_keep_off_marks`].
    pub fn bar<DB: DrawingBackend>(&self, area: &Area<DB>, lo: (f64, f64), hi: (f64, f64), color: impl Color) -> Done {
        let ((x0, y0), (x1, y1)) = (lo, hi);
        let (l, _, rr, _) = self.rect();
        let (a, b) = (self.px(x0).clamp(l, rr), self.px(x1).clamp(l, rr));
        let (c, d) = (self.py_clamped(y0), self.py_clamped(y1));
        let rect = [a.min(b), c.min(d), a.max(b), c.max(d)];
        if self.labels_keep_off_marks {
            self.marks.borrow_mut().push(rect);
        }
        self.pixel_rect(area, rect, color)
    }

    /// A filled rectangle in area pixels; at least one pixel wide and high.
    pub fn pixel_rect<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        [x0, y0, x1, y1]: [f64; 4],
        color: impl Color,
    ) -> Done {
        if !(x0.is_finite() && x1.is_finite() && y0.is_finite() && y1.is_finite()) {
            return Ok(());
        }
        let (a, b) = (r(x0), r(x1).max(r(x0) + 1));
        let (c, d) = (r(y0), r(y1).max(r(y0) + 1));
        area.draw(&Rectangle::new([(a, c), (b, d)], color.to_rgba().filled()))?;
        Ok(())
    }

    /// A rectangle in outline, at area pixels: a held-out point's bar.
    pub fn outline_rect<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        [x0, y0, x1, y1]: [f64; 4],
        color: RGBColor,
    ) -> Done {
        if !(x0.is_finite() && x1.is_finite() && y0.is_finite() && y1.is_finite()) {
            return Ok(());
        }
        let (a, b) = (r(x0), r(x1).max(r(x0) + 2));
        let (c, d) = (r(y0), r(y1).max(r(y0) + 2));
        let style = ShapeStyle::from(color).stroke_width(self.style.stroke(1.5));
        area.draw(&Rectangle::new([(a, c), (b, d)], style))?;
        Ok(())
    }

    /// Shades the plot between two data x values (full height).
    pub fn x_band<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        x0: f64,
        x1: f64,
        color: RGBAColor,
    ) -> Result<(), DrawError> {
        let (l, t, rr, b) = self.rect();
        let (a, c) = (self.px(x0).clamp(l, rr), self.px(x1).clamp(l, rr));
        self.pixel_rect(area, [a.min(c), t, a.max(c), b], color)
    }

    /// A class marker at an area pixel: a filled circle for the positive
    /// (green) class, a cross for the negative (red) one — in every figure.
    pub fn marker<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        at: (f64, f64),
        positive: bool,
        color: RGBColor,
        size_css: f64,
    ) -> Done {
        self.mark(area, at, Mark { positive, hollow: false }, color, size_css)
    }

    /// A point's marker: [`Frame::marker`], drawn in outline for a held-out point.
    pub fn mark<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        (x, y): (f64, f64),
        mark: Mark,
        color: RGBColor,
        size_css: f64,
    ) -> Done {
        if !(x.is_finite() && y.is_finite()) {
            return Ok(());
        }
        let s = self.style.pxf(size_css);
        let grid = (s / 3.0).max(1.0);
        let cell = (
            (x / grid).round() as i64,
            (y / grid).round() as i64,
            (mark.positive, mark.hollow),
            (color.0, color.1, color.2),
        );
        if !self.markers.borrow_mut().insert(cell) {
            return Ok(());
        }
        if self.labels_keep_off_marks {
            self.marks.borrow_mut().push([x - s, y - s, x + s, y + s]);
        }
        let outline = ShapeStyle::from(color).stroke_width(self.style.stroke(1.5));
        if mark.positive {
            let radius = s.round().max(1.0) as u32;
            let style = if mark.hollow { outline } else { color.filled() };
            area.draw(&Circle::new((r(x), r(y)), radius, style))?;
        } else {
            // An × drawn as one polygon: crisp at any scale, one shape to count.
            let cross = Outline::around((x, y), &cross(s));
            if mark.hollow {
                let mut closed = [(0, 0); MOST + 1];
                let points = cross.points();
                closed[..points.len()].copy_from_slice(points);
                closed[points.len()] = points[0];
                area.draw(&Pixels::line(&closed[..=points.len()], outline))?;
            } else {
                area.draw(&Pixels::filled(cross.points(), color.filled()))?;
            }
        }
        Ok(())
    }

    /// A ring around a pixel: the hover highlight.
    pub fn ring<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        (x, y): (f64, f64),
        radius_css: f64,
    ) -> Result<(), DrawError> {
        if !(x.is_finite() && y.is_finite()) {
            return Ok(());
        }
        let style = ShapeStyle::from(self.style.colors.highlight).stroke_width(self.style.stroke(2.5));
        area.draw(&Circle::new((r(x), r(y)), self.style.px(radius_css) as u32, style))?;
        Ok(())
    }

    /// A dot (not a class marker): annotations such as an optimum.
    pub fn dot<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        (x, y): (f64, f64),
        color: impl Color,
        radius_css: f64,
    ) -> Result<(), DrawError> {
        if !(x.is_finite() && y.is_finite()) {
            return Ok(());
        }
        area.draw(&Circle::new((r(x), r(y)), self.style.px(radius_css) as u32, color.to_rgba().filled()))?;
        Ok(())
    }

    /// Text at an area pixel, unconditionally.
    pub fn text<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        text: &str,
        at: (f64, f64),
        set: TextStyle,
    ) -> Result<(), DrawError> {
        put(area, text, at, self.style.text(set.size_css, set.color, set.weight, set.anchor))
    }

    /// The key's markers and names, left to right from where its estimated
    /// span starts: each name sits at a fixed distance from its marker, so an
    /// estimate's error only moves the key's right end.
    fn draw_class_key<DB: DrawingBackend>(&mut self, area: &Area<DB>, key: &ClassKey) -> Result<(), DrawError> {
        let style = self.style;
        let y = self.rect().3 + style.pxf(38.0) + if key.own_line { style.pxf(KEY_LINE) } else { 0.0 };
        let mut x = key.start;
        for (positive, label) in [(true, key.labels.0), (false, key.labels.1)] {
            self.marker(area, (x, y), positive, style.colors.class(positive), 5.0)?;
            self.text(
                area,
                label,
                (x + style.pxf(10.0), y),
                TextStyle::regular(LABEL, style.colors.text, (HPos::Left, VPos::Center)),
            )?;
            let w = key_name_width(style, label);
            self.reserve([x - style.pxf(8.0), y - style.pxf(9.0), x + style.pxf(10.0) + w, y + style.pxf(9.0)]);
            x += w + style.pxf(36.0);
        }
        Ok(())
    }

    /// A key of coloured swatches and names, right aligned, on `line`: for
    /// bars that cannot be labelled one by one. Laid out left to right as the
    /// class key is, so each name sits beside its swatch; on two lines, the
    /// first half of the entries on the first, both lines starting where
    /// the longer one must.
    pub fn swatch_key<DB: DrawingBackend>(
        &mut self,
        area: &Area<DB>,
        items: &[(RGBAColor, &str)],
        line: KeyLine,
    ) -> Result<(), DrawError> {
        let style = self.style;
        let (_, _, right, bottom) = self.rect();
        let below = bottom + style.pxf(38.0 + KEY_LINE);
        let rows: Vec<(&[(RGBAColor, &str)], f64)> = match line {
            KeyLine::Top => vec![(items, style.pxf(18.0))],
            KeyLine::XTitle => vec![(items, bottom + style.pxf(38.0))],
            KeyLine::Below => vec![(items, below)],
            KeyLine::BelowInTwo => {
                let (first, second) = items.split_at(items.len().div_ceil(2));
                vec![(first, below), (second, below + style.pxf(KEY_LINE))]
            }
        };
        let own_line = matches!(line, KeyLine::Below | KeyLine::BelowInTwo);
        let width = f64::from(area.dim_in_pixel().0);
        let layouts: Vec<KeyRow> = rows
            .iter()
            .map(|(row, _)| {
                let names: Vec<&str> = row.iter().map(|(_, name)| *name).collect();
                KeyRow::layout(style, &names, right, width, own_line)
            })
            .collect();
        // The lines share one size, and start where the longest must.
        let k = layouts.iter().map(|row| row.scale).fold(1.0, f64::min);
        let start = layouts.iter().map(|row| row.start(k)).fold(f64::INFINITY, f64::min).max(style.pxf(8.0));
        for ((row, y), layout) in rows.iter().zip(&layouts) {
            let mut x = if rows.len() > 1 { start } else { layout.start(k).max(style.pxf(8.0)) };
            for (color, name) in row.iter() {
                let sw = style.pxf(SWATCH);
                self.pixel_rect(area, [x, y - sw / 2.0, x + sw, y + sw / 2.0], *color)?;
                self.text(
                    area,
                    name,
                    (x + sw + style.pxf(SWATCH_GAP), *y),
                    TextStyle::regular(LABEL_PX * k, style.colors.text, (HPos::Left, VPos::Center)),
                )?;
                x += sw + style.pxf(SWATCH_GAP) + key_name_width(style, name) * k * layout.spread + layout.between;
            }
        }
        Ok(())
    }

    /// Marks a rectangle (area pixels) as taken, so labels avoid it.
    pub fn reserve(&mut self, rect: [f64; 4]) {
        self.placed.push(rect);
    }

    /// A note in words in the plot's top-left corner: what was left out or
    /// could not be computed. It takes its place at once, so the labels
    /// placed after it keep clear of it, and is painted when the frame is
    /// finished, over everything else, on a veil that keeps it legible
    /// over bars and curves: a chart places its notes before its labels.
    pub fn note(&mut self, text: &str) {
        let (l, _, r, _) = self.rect();
        self.place_note_lines(note_lines(self.style, text, r - l - self.style.pxf(12.0)));
    }

    /// Places a note's lines, already wrapped to the plot's width less
    /// 12 px, under the notes placed before.
    fn place_note_lines(&mut self, lines: Vec<String>) {
        let (l, t, ..) = self.rect();
        let x = l + self.style.pxf(6.0);
        for line in lines {
            let y = t + self.style.pxf(4.0) + self.notes.len() as f64 * self.style.pxf(NOTE_PX * 1.4);
            let w = self.style.text_width(&line, NOTE_PX);
            let rect = [x, y, x + w, y + self.style.pxf(NOTE_PX * 1.2)];
            self.placed.push(rect);
            self.notes.push((rect, line));
        }
    }

    /// Paints the notes over the drawing; the figure's map.
    pub fn finish<DB: DrawingBackend>(mut self, area: &Area<DB>) -> Drawn {
        let pad = self.style.pxf(3.0);
        let veil = Colors::tint(self.style.colors.background, 0.85);
        for (rect, line) in std::mem::take(&mut self.notes) {
            self.pixel_rect(area, [rect[0] - pad, rect[1] - pad / 2.0, rect[2] + pad, rect[3] + pad / 2.0], veil)?;
            let at = (rect[0], rect[1]);
            self.text(area, &line, at, TextStyle::regular(NOTE_PX, self.style.colors.muted, (HPos::Left, VPos::Top)))?;
        }
        Ok(self.map)
    }
}

impl Drop for Frame<'_> {
    fn drop(&mut self) {
        debug_assert!(
            self.notes.is_empty() || std::thread::panicking(),
            "a chart placed notes and never painted them: it ends with `frame.finish(area)`"
        );
    }
}

/// The centre `x` of a text `half` as wide on either side, moved where need
/// be to keep it `margin` clear of both sides of a figure `width` wide; a
/// text too wide for that is centred on the figure.
fn kept_inside(x: f64, half: f64, width: f64, margin: f64) -> f64 {
    if 2.0 * (half + margin) > width {
        width / 2.0
    } else {
        x.clamp(margin + half, width - margin - half)
    }
}

/// The label size used for direct labels, re-exported for figures.
pub const LABEL: f64 = LABEL_PX;

/// How far apart, in CSS pixels, two labels keep.
pub const LABEL_GAP: f64 = 2.0;

impl crate::scene::BinaryPoint {
    /// The point's marker: its class's shape, hollow when held out.
    pub fn mark(&self) -> Mark {
        Mark { positive: self.green, hollow: self.held_out }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// How many frames drawn on this thread wrote notes over their
        /// data: no band at the plot's top, as a plot too short for one.
        pub(super) static VEILED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// A note takes its place when it is placed, and is painted when the
    /// frame is finished: a label placed after it keeps clear of it, and
    /// nothing drawn after it covers its words.
    #[test]
    fn a_note_is_placed_at_once_and_painted_last() {
        use plotters::prelude::IntoDrawingArea;

        use crate::charts::painting::{Painter, Painting};

        let style = Style::default();
        let mut painting = Painting::default();
        {
            let area = Painter::new(&mut painting, (400, 300)).into_drawing_area();
            let mut spec = FrameSpec::new(Axis::linear(0.0, 1.0), Axis::linear(0.0, 1.0));
            spec.y_title = "p".into();
            let mut frame = Frame::draw(&area, &style, &spec).unwrap();
            frame.note("held out");
            let (left, top, ..) = frame.rect();
            // Where the note is, then clear of it.
            let corner = (left + 6.0, top + 4.0);
            let drawn = |frame: &mut Frame, at| {
                frame
                    .label(&area, "over", &[at], TextStyle::regular(LABEL, RGBColor(0, 0, 0), (HPos::Left, VPos::Top)))
                    .unwrap()
            };
            assert!(!drawn(&mut frame, corner), "a label on the note is not drawn");
            assert!(drawn(&mut frame, (corner.0, corner.1 + 60.0)), "one clear of it is");
            frame.line(&area, &[(0.0, 0.0), (1.0, 1.0)], Stroke::solid(RGBColor(0, 0, 0), 2.0)).unwrap();
            frame.finish(&area).unwrap();
        }
        // The words drawn, in order: the y title, the label, then the note.
        let texts = painting.drawn_texts();
        assert_eq!(texts.iter().rev().take(2).collect::<Vec<_>>(), [&"held out", &"over"]);
        assert_eq!(texts.iter().filter(|&&t| t == "over").count(), 1);
    }

    /// Of several notes above the plot, those that leave it room are
    /// written above it, first to last, and the rest over it: never a later
    /// one above and an earlier one over.
    #[test]
    fn notes_that_do_not_fit_above_the_plot_go_over_it_in_order() {
        use plotters::prelude::IntoDrawingArea;

        use crate::charts::painting::{Op, Painter, Painting};

        let style = Style::default();
        let notes = ["judged on all 10 points (none is held out)", "280 training points: each bar sums one bin"];
        let mut spec = FrameSpec::new(Axis::linear(0.0, 1.0), Axis::linear(0.0, 1.0));
        spec.y_title = "fraction".into();
        spec.notes_above = notes.map(Note::from).to_vec();
        let mut splits = Vec::new();
        for height in (150..=400).step_by(10) {
            let mut painting = Painting::default();
            let top = {
                let area = Painter::new(&mut painting, (200, height)).into_drawing_area();
                let frame = Frame::draw(&area, &style, &spec).unwrap();
                let (_, top, _, bottom) = frame.rect();
                frame.finish(&area).unwrap();
                assert!(
                    top == 38.0 || bottom - top >= 80.0,
                    "{height} px: notes above leave the plot {} px",
                    bottom - top
                );
                top
            };
            let words = painting.words();
            // For each note, whether its lines lie above the plot.
            let above: Vec<bool> = notes
                .iter()
                .map(|note| {
                    let lines: Vec<f64> = painting
                        .calls()
                        .filter(|&(code, args)| code == Op::Text as u8 && note.contains(words[args[8] as usize]))
                        .map(|(_, args)| args[1])
                        .collect();
                    assert!(!lines.is_empty(), "{height} px: {note:?} written");
                    lines.iter().all(|&y| y + style.pxf(NOTE_PX * 1.2) <= top)
                })
                .collect();
            assert!(above[0] || !above[1], "{height} px: the second above, the first over");
            splits.push(above.iter().filter(|&&a| a).count());
        }
        for count in 0..=2 {
            assert!(splits.contains(&count), "some height has {count} of the notes above: {splits:?}");
        }
    }

    /// Notes written over the plot (no room above it) stand over a band the
    /// y axis grows by: the highest data value is drawn below their veil
    /// (the gradients' second note on a phone hid the tallest bars), and no
    /// tick, clamped value or line enters the band (the −log figure's axis
    /// would have grown ticks past its top, 5, under the note that says
    /// which points lie above it).
    #[test]
    fn notes_over_the_plot_veil_no_data() {
        use plotters::prelude::IntoDrawingArea;

        use crate::charts::painting::{Op, Painter, Painting};

        let style = Style::default();
        let notes = [
            "misclassified points' share of the pull: cross-entropy 50% · focal 51%",
            "280 training points: each bar sums the pulls in one of 24 x bins",
        ];
        let mut spec = FrameSpec::new(Axis::linear(-2.5, 2.5), Axis::linear(0.0, 5.0));
        spec.y_ticks = Ticks::Auto(5);
        spec.y_title = "sum of ∂loss/∂z in the bin".into();
        spec.notes_above = notes.map(Note::from).to_vec();
        let mut over = 0;
        // (A plot less than twice the notes' band keeps all of its height
        // for the data, and the notes veil its top.)
        for height in (200..=400).step_by(5) {
            let mut painting = Painting::default();
            let (top, highest, clamped) = {
                let area = Painter::new(&mut painting, (360, height)).into_drawing_area();
                let frame = Frame::draw(&area, &style, &spec).unwrap();
                let (_, top, ..) = frame.rect();
                let highest = frame.py(5.0);
                let clamped = frame.py_clamped(1e9);
                // A line far past the top, clipped.
                frame.line(&area, &[(-2.5, 0.0), (2.5, 100.0)], Stroke::solid(RGBColor(0, 0, 0), 1.0)).unwrap();
                frame.finish(&area).unwrap();
                (top, highest, clamped)
            };
            let words = painting.words();
            let lowest_over = painting
                .calls()
                .filter(|&(code, args)| {
                    code == Op::Text as u8 && {
                        let line = words[args[8] as usize];
                        line.len() > 8 && notes.iter().any(|n| n.contains(line))
                    }
                })
                .map(|(_, args)| args[1] + style.pxf(NOTE_PX * 1.2))
                .filter(|&bottom| bottom > top)
                .fold(f64::NEG_INFINITY, f64::max);
            if lowest_over.is_finite() {
                over += 1;
                assert!(
                    highest >= lowest_over && clamped >= lowest_over,
                    "{height} px: data up to {highest} px (clamped {clamped}), a note down to {lowest_over} px"
                );
                let ticks: Vec<f64> = painting
                    .calls()
                    .filter(|&(code, args)| code == Op::Text as u8 && words[args[8] as usize].parse::<f64>().is_ok())
                    .filter(|&(_, args)| args[0] < 60.0)
                    .map(|(_, args)| args[1])
                    .collect();
                assert!(ticks.iter().all(|&y| y >= lowest_over), "{height} px: a y tick at {ticks:?} in the band");
                let path_top = painting
                    .calls()
                    .filter(|&(code, _)| code == Op::MoveTo as u8 || code == Op::LineTo as u8)
                    .map(|(_, args)| args[1])
                    .fold(f64::INFINITY, f64::min);
                assert!(path_top >= lowest_over, "{height} px: a line up to {path_top} px");
            }
        }
        assert!(over > 0, "some height writes a note over the plot");
    }

    /// A y tick's label that would touch one already written is left out
    /// (0 and 1 on a short logarithmic axis), the others kept.
    #[test]
    fn y_tick_labels_that_would_touch_are_left_out() {
        use plotters::prelude::IntoDrawingArea;

        use crate::charts::painting::{Painter, Painting};

        let style = Style::default();
        let mut spec = FrameSpec::new(Axis::linear(0.0, 1.0), Axis { min: 0.0, max: 2000.0, scale: Scale::SymLog });
        spec.y_ticks = Ticks::At([0.0, 1.0, 10.0, 100.0, 1000.0].map(|v| (v, format!("{v}"))).to_vec());
        spec.x_ticks = Ticks::None;
        for (height, written) in [(400, vec!["0", "1", "10", "100", "1000"]), (150, vec!["0", "10", "100", "1000"])] {
            let mut painting = Painting::default();
            {
                let area = Painter::new(&mut painting, (300, height)).into_drawing_area();
                Frame::draw(&area, &style, &spec).unwrap().finish(&area).unwrap();
            }
            assert_eq!(painting.drawn_texts(), written, "{height} px high");
        }
    }

    /// Notes above the plot are written above it, the plot moved down to
    /// make room for every line of them; where that would leave it too
    /// little room, over it, on a veil, as a note is.
    #[test]
    fn notes_above_the_plot_move_it_down_where_there_is_room() {
        use plotters::prelude::IntoDrawingArea;

        use crate::charts::painting::{Op, Painter, Painting};

        let style = Style::default();
        let note = "judged on all 10 points (none is held out)";
        let mut spec = FrameSpec::new(Axis::linear(0.0, 1.0), Axis::linear(0.0, 1.0));
        spec.y_title = "fraction".into();
        let plain = |size: (u32, u32)| {
            let mut painting = Painting::default();
            let area = Painter::new(&mut painting, size).into_drawing_area();
            Frame::draw(&area, &style, &spec).unwrap().rect().1
        };
        let (wide_top, narrow_top, low_top) = (plain((600, 300)), plain((200, 300)), plain((200, 150)));
        spec.notes_above.push(note.into());
        for (size, top_before, lines, above) in
            [((600, 300), wide_top, 1.0, true), ((200, 300), narrow_top, 2.0, true), ((200, 150), low_top, 3.0, false)]
        {
            let mut painting = Painting::default();
            let top = {
                let area = Painter::new(&mut painting, size).into_drawing_area();
                let frame = Frame::draw(&area, &style, &spec).unwrap();
                let top = frame.rect().1;
                frame.finish(&area).unwrap();
                top
            };
            let words = painting.words();
            let notes: Vec<&[f64]> = painting
                .calls()
                .filter(|&(code, args)| code == Op::Text as u8 && note.contains(words[args[8] as usize]))
                .map(|(_, args)| args)
                .collect();
            assert_eq!(notes.len() as f64, lines, "{size:?}: the note in {lines} lines");
            let moved = if above { lines * style.pxf(NOTE_PX * 1.4) + style.pxf(4.0) } else { 0.0 };
            assert_eq!(top, top_before + moved, "{size:?}: the plot's top");
            for args in notes {
                let bottom = args[1] + style.pxf(NOTE_PX * 1.2);
                assert_eq!(
                    bottom <= top,
                    above,
                    "{size:?}: a line of the note ends at {bottom}, the plot starts at {top}"
                );
            }
            let veiled = painting.calls().any(|(code, _)| code == Op::FillRect as u8);
            assert_eq!(veiled, !above, "{size:?}: a veil under the note only over the plot");
        }
    }

    /// A note with a short form is written whole where whole it takes one
    /// line, and short where it would take more, above the plot (wide
    /// enough, tall enough) or over it (where the plot is low); the short
    /// form is not wrapped when it fits.
    #[test]
    fn a_note_is_written_short_only_where_whole_it_would_wrap() {
        use plotters::prelude::IntoDrawingArea;

        use crate::charts::painting::{Painter, Painting};

        let style = Style::default();
        let (whole, short) = ("cross-entropy = −log p_1 = 0.0941", "CE = −log p_1 = 0.0941");
        let mut spec = FrameSpec::new(Axis::linear(0.0, 1.0), Axis::linear(0.0, 1.0));
        spec.notes_above.push(Note::or_short(whole.into(), short.into()));
        let width = style.text_width(whole, NOTE_PX);
        let roomy = (width as u32 + 120, 300);
        let narrow = (width as u32 + 20, 300);
        let low = (width as u32 + 60, 120);
        for (size, expected) in [(roomy, whole), (narrow, short), (low, short)] {
            let mut painting = Painting::default();
            {
                let area = Painter::new(&mut painting, size).into_drawing_area();
                Frame::draw(&area, &style, &spec).unwrap().finish(&area).unwrap();
            }
            let written: Vec<&str> =
                painting.text_calls().map(|(text, _)| text).filter(|t| t.contains("log")).collect();
            assert_eq!(written, [expected], "{size:?}");
        }
    }

    #[test]
    #[should_panic(expected = "never painted them")]
    fn a_frame_dropped_with_notes_unpainted_says_so() {
        use plotters::prelude::IntoDrawingArea;

        use crate::charts::painting::{Painter, Painting};

        let style = Style::default();
        let mut painting = Painting::default();
        let area = Painter::new(&mut painting, (400, 300)).into_drawing_area();
        let spec = FrameSpec::new(Axis::linear(0.0, 1.0), Axis::linear(0.0, 1.0));
        let mut frame = Frame::draw(&area, &style, &spec).unwrap();
        frame.note("held out");
    }

    /// A label fits the figure by the estimate of its width; where the face
    /// runs wider than the estimate, it keeps as much again clear of the sides.
    #[test]
    fn a_wider_face_keeps_labels_clear_of_the_figure_s_sides() {
        use plotters::prelude::IntoDrawingArea;

        use crate::charts::painting::{Painter, Painting};

        let placed = |face: f64| {
            let style = Style { face, ..Style::default() };
            let mut painting = Painting::default();
            let area = Painter::new(&mut painting, (400, 300)).into_drawing_area();
            let spec = FrameSpec::new(Axis::linear(0.0, 1.0), Axis::linear(0.0, 1.0));
            let mut frame = Frame::draw(&area, &style, &spec).unwrap();
            // Flush against the right side by the estimate.
            let at = (400.0 - style.text_width("NaN = 1", LABEL), 150.0);
            frame
                .label(&area, "NaN = 1", &[at], TextStyle::bold(LABEL, RGBColor(0, 0, 0), (HPos::Left, VPos::Top)))
                .unwrap()
        };
        assert!(placed(1.0));
        assert!(!placed(1.1));
    }

    /// The x axis' title sits under the plot's centre, moved only as far as
    /// it must be to stay inside a figure too narrow for it there: on a
    /// phone, a long title under a plot pushed right by the y axis' labels.
    #[test]
    fn the_x_title_stays_inside_a_narrow_figure() {
        use plotters::prelude::{IntoDrawingArea, SVGBackend};

        let style = Style::default();
        let title_x = |width: u32, title: &str| {
            let mut svg = String::new();
            let (centre, half) = {
                let area = SVGBackend::with_string(&mut svg, (width, 300)).into_drawing_area();
                let mut spec = FrameSpec::new(Axis::linear(0.0, 1.0), Axis::linear(0.0, 1.0));
                spec.y_ticks = Ticks::At(vec![(0.0, "class 0".into()), (1.0, "class 1".into())]);
                spec.x_title = title.into();
                let frame = Frame::draw(&area, &style, &spec).unwrap();
                let (left, _, right, _) = frame.rect();
                ((left + right) / 2.0, style.text_width(title, AXIS_TITLE_PX) / 2.0)
            };
            let at = svg.find(&format!(">\n{title}\n<")).expect("the title is drawn");
            let tag = &svg[svg[..at].rfind("<text").unwrap()..at];
            let x: f64 = tag.split("x=\"").nth(1).and_then(|v| v.split('"').next()).unwrap().parse().unwrap();
            (x, centre, half)
        };
        let long = "logit gap: the true class logit − the largest other logit";
        let (x, centre, half) = title_x(440, long);
        assert!(x < centre - 1.0, "moved left of the plot's centre {centre}: {x}");
        assert!(x - half >= 3.5 && x + half <= 440.0 - 3.5, "inside the figure: {} to {}", x - half, x + half);
        let (x, _, half) = title_x(360, long);
        assert!(2.0 * half > 360.0 && (x - 180.0).abs() <= 1.0, "too wide for the figure: centred on it, at {x}");
        let (x, centre, _) = title_x(720, long);
        assert!((x - centre).abs() <= 1.0, "centred where it fits: {x} under {centre}");
    }

    /// On a 320-pixel phone (the page's column there is 294 pixels, in
    /// each figure's proportions), no figure writes its notes over its
    /// data, in either language, in a face 13 % wider than the estimate,
    /// for the data sets and settings that bring notes: the point-losses
    /// figure with the imbalanced data (its binned note) and the logit
    /// gaps with ε = 0 took five lines over a plot of some 110 pixels.
    #[test]
    fn on_a_phone_no_figure_writes_its_notes_over_its_data() {
        use crate::charts::painting::painted_on_a_phone;
        use crate::charts::Figure;
        use crate::i18n::Lang;
        use crate::scene::Scene;
        use crate::state::State;

        let queries = [
            "",
            "data=imbalanced",
            "data=outlier&reg=off",
            "data=noisy&K=10&ls=1&gamma=5&alpha=1",
            "softmax-smoothing=0",
            "softmax-data=imbalanced&softmax-classes=6&softmax-smoothing=0",
            "softmax-data=blobs&softmax-reg=off&softmax-smoothing=0",
            "softmax-data=ring&softmax-classes=2",
        ];
        let mut veiled = Vec::new();
        for query in queries {
            let scene = Scene::from_state(&State::from_query(query).state);
            for lang in [Lang::En, Lang::Zh] {
                for face in [1.0, 1.13] {
                    let style = Style { lang, face, ..Style::default() };
                    for figure in Figure::ALL {
                        VEILED.with(|v| v.set(0));
                        painted_on_a_phone(figure, &scene, &style);
                        if VEILED.with(std::cell::Cell::get) > 0 {
                            veiled.push(format!("{query:?} {lang:?} ×{face} {}", figure.name()));
                        }
                    }
                }
            }
        }
        assert!(veiled.is_empty(), "{}", veiled.join("\n"));
    }
}
