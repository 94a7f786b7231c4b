//! Labels that keep clear of each other, of the figure's sides and, where
//! a figure asks, of its lines and markers.

use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};

use super::clip::runs_through_part;
use super::text::SMALLEST_TEXT_PX;
use super::{Frame, Spot, LABEL_GAP};
use crate::charts::area::{Area, Done};
use crate::charts::error::DrawError;
use crate::charts::style::{TextStyle, Weight};

impl Frame<'_> {
    /// A number's label just above a point (a bar's top), where it overlaps nothing.
    pub fn label_above<DB: DrawingBackend>(
        &mut self,
        area: &Area<DB>,
        text: &str,
        at: (f64, f64),
        size_css: f64,
        bold: bool,
    ) -> Done {
        let above = [(at.0, at.1 - self.style.pxf(4.0))];
        let set = TextStyle::new(size_css, self.style.colors.text, Weight::bold_if(bold), (HPos::Center, VPos::Bottom));
        self.label(area, text, &above, set).map(|_| ())
    }

    /// A label that is drawn only where it overlaps no label placed before
    /// it; tries each candidate anchor in turn. Returns whether it was drawn.
    pub fn label<DB: DrawingBackend>(
        &mut self,
        area: &Area<DB>,
        text: &str,
        candidates: &[(f64, f64)],
        set: TextStyle,
    ) -> Result<bool, DrawError> {
        // Its width, estimated once for all its places.
        let w = self.style.text_width(text, set.size_css);
        let room = |&at: &(f64, f64)| Some((self.room(area.dim_in_pixel(), w, at, set.size_css, set.anchor)?, at));
        let mut rooms = candidates.iter().filter_map(room);
        let Some(first) = rooms.next() else {
            return Ok(false);
        };
        let clear = |&(rect, _): &([f64; 4], (f64, f64))| self.keeps_clear(rect);
        let (rect, at) = if clear(&first) { first } else { rooms.find(clear).unwrap_or(first) };
        self.placed.push(rect);
        if self.halo {
            let pad = self.style.pxf(2.0);
            let bg = self.style.colors.background;
            self.pixel_rect(area, [rect[0] - pad, rect[1], rect[2] + pad, rect[3]], bg)?;
        }
        self.text(area, text, at, set)?;
        Ok(true)
    }

    /// A label as [`Frame::label`] draws it, or, where it has no room at
    /// any candidate (a face wider than the estimate, a narrow figure),
    /// set a pixel smaller at a time until it has, down to 9 px. For words
    /// that have no shorter form and say what the figure shows. Returns
    /// whether it was drawn.
    pub fn label_or_smaller<DB: DrawingBackend>(
        &mut self,
        area: &Area<DB>,
        text: &str,
        candidates: &[(f64, f64)],
        set: TextStyle,
    ) -> Result<bool, DrawError> {
        let mut size = set.size_css;
        while size >= SMALLEST_TEXT_PX {
            if self.label(area, text, candidates, set.sized(size))? {
                return Ok(true);
            }
            size -= 1.0;
        }
        Ok(false)
    }

    /// The first of `forms` (a text's whole form, then shorter ones) that
    /// has room at one of `spots` at `floor` px or more, as large as it has
    /// room for, up to `set`'s size, at the first spot with room; where
    /// none has, the last form at the last spot as
    /// [`Frame::label_or_smaller`] sets it. The words take `set`'s colour
    /// and weight; each spot gives its own anchor (`set`'s is not read).
    /// Returns whether it was drawn.
    pub fn label_in_a_form<DB: DrawingBackend>(
        &mut self,
        area: &Area<DB>,
        forms: &[&str],
        spots: &[Spot],
        set: TextStyle,
        floor: f64,
    ) -> Result<bool, DrawError> {
        for form in forms {
            let mut size = set.size_css;
            while size >= floor {
                if let Some(&(at, anchor)) = spots.iter().find(|&&(at, anchor)| self.fits(area, form, at, size, anchor))
                {
                    return self.label(area, form, &[at], TextStyle { anchor, ..set.sized(size) });
                }
                size -= 0.5;
            }
        }
        match (forms.last(), spots.last()) {
            (Some(last), Some(&(at, anchor))) => self.label_or_smaller(area, last, &[at], TextStyle { anchor, ..set }),
            _ => Ok(false),
        }
    }

    /// Whether [`Frame::label`] would draw `text` at `at`: inside the
    /// figure, and clear of every label placed so far.
    pub fn fits<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        text: &str,
        at: (f64, f64),
        size_css: f64,
        anchor: (HPos, VPos),
    ) -> bool {
        self.room(area.dim_in_pixel(), self.style.text_width(text, size_css), at, size_css, anchor).is_some()
    }

    /// Whether [`Frame::label`] would draw `text` at a spot (a place and an
    /// anchor) with no line kept for [`Frame::labels_keep_off_lines`]
    /// running through it and no marker kept for
    /// [`Frame::labels_keep_off_marks`] under it.
    pub fn clear_at<DB: DrawingBackend>(&self, area: &Area<DB>, text: &str, size_css: f64, spot: Spot) -> bool {
        let (at, anchor) = spot;
        let w = self.style.text_width(text, size_css);
        self.room(area.dim_in_pixel(), w, at, size_css, anchor).is_some_and(|rect| self.keeps_clear(rect))
    }

    /// Whether no kept line runs through `rect` and no kept marker overlaps it.
    fn keeps_clear(&self, rect: [f64; 4]) -> bool {
        let overlaps = |m: &[f64; 4]| m[0] < rect[2] && rect[0] < m[2] && m[1] < rect[3] && rect[1] < m[3];
        !self.lines.borrow().iter().any(|(line, rightwards)| runs_through_part(line, *rightwards, rect))
            && !self.marks.borrow().iter().any(overlaps)
    }

    /// The first of `spots` where `text` would be drawn with no kept line
    /// running through it and no kept marker under it ([`Frame::clear_at`]),
    /// else the first where it would be drawn at all:
    /// [`Frame::label`]'s choice, for places that hang their words
    /// differently.
    pub fn best_spot<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        text: &str,
        size_css: f64,
        spots: &[Spot],
    ) -> Option<Spot> {
        let clear = spots.iter().find(|&&spot| self.clear_at(area, text, size_css, spot));
        clear.or_else(|| spots.iter().find(|&&(at, anchor)| self.fits(area, text, at, size_css, anchor))).copied()
    }

    /// The rectangle a text `w` pixels wide takes anchored at `(x, y)` in
    /// a figure of `area` pixels, where that is inside it and clear of
    /// every label placed so far.
    fn room(
        &self,
        (area_w, area_h): (u32, u32),
        w: f64,
        (x, y): (f64, f64),
        size_css: f64,
        (h, v): (HPos, VPos),
    ) -> Option<[f64; 4]> {
        if !(x.is_finite() && y.is_finite()) {
            return None;
        }
        let ht = self.style.pxf(size_css * 1.2);
        let x0 = match h {
            HPos::Left => x,
            HPos::Center => x - w / 2.0,
            HPos::Right => x - w,
        };
        let y0 = match v {
            VPos::Top => y,
            VPos::Center => y - ht / 2.0,
            VPos::Bottom => y - ht,
        };
        let rect = [x0, y0, x0 + w, y0 + ht];
        let pad = self.style.pxf(LABEL_GAP);
        // Where the face runs wider than the estimate, its widest
        // letters (=, N) run wider still: such a face's label keeps as
        // much again clear of the figure's sides.
        let more = w * (self.style.face - 1.0);
        let (left, right) = match h {
            HPos::Left => (rect[0], rect[2] + more),
            HPos::Center => (rect[0] - more / 2.0, rect[2] + more / 2.0),
            HPos::Right => (rect[0] - more, rect[2]),
        };
        let inside = left >= 0.0 && right <= f64::from(area_w) && rect[1] >= 0.0 && rect[3] <= f64::from(area_h);
        let free = inside
            && self
                .placed
                .iter()
                .all(|p| rect[2] + pad <= p[0] || p[2] + pad <= rect[0] || rect[3] <= p[1] || p[3] <= rect[1]);
        free.then_some(rect)
    }
}
