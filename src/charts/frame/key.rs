//! The layout of a figure's keys: where the two classes' markers and
//! names go, and how wide swatches of colour with their names are (the
//! frame draws both).

use super::text::shrunk;
use crate::charts::style::{Style, AXIS_TITLE_PX, LABEL_PX};
use crate::i18n::t;

/// Where the class key goes (see [`super::FrameSpec::class_key`]).
pub(super) struct ClassKey {
    /// The names, positive first: in full, or only "y = 1" / "y = 0" where
    /// the full ones would reach the middle of the figure (marker and colour
    /// already name the class).
    pub(super) labels: (&'static str, &'static str),
    /// The first marker's x.
    pub(super) start: f64,
    /// On a line of its own under the x title, which would not fit beside it.
    pub(super) own_line: bool,
}

/// The height of a key's own line, at scale 1.
pub const KEY_LINE: f64 = 18.0;

impl ClassKey {
    pub(super) fn layout(style: &Style, left: f64, right: f64, x_title: &str) -> ClassKey {
        let names = |short: bool| {
            let (positive, negative) = if short {
                ("fig.class.positive.short", "fig.class.negative.short")
            } else {
                ("fig.class.positive", "fig.class.negative")
            };
            (t(style.lang, positive), t(style.lang, negative))
        };
        let span = |(a, b): (&str, &str)| key_name_width(style, a) + key_name_width(style, b) + style.pxf(72.0);
        let short = span(names(false)) > (right - left) / 2.0 - style.pxf(24.0);
        let labels = names(short);
        let start = right - span(labels) + style.pxf(26.0);
        let title = style.text_width(x_title, AXIS_TITLE_PX);
        ClassKey { labels, start, own_line: start - style.pxf(20.0) - title < left }
    }
}

/// Where a swatch key goes (see [`super::Frame::swatch_key`]).
#[derive(Clone, Copy)]
pub enum KeyLine {
    /// The y title's line, at the top.
    Top,
    /// The x title's line.
    XTitle,
    /// A line of its own under the x title (the frame's `bottom_extra` makes room).
    Below,
    /// Two lines of their own under the x title, the first half of the
    /// entries on the first (`bottom_extra` makes room for both): where on
    /// one line the names would be set smaller than [`KEY_SMALLEST_PX`].
    BelowInTwo,
}

impl KeyLine {
    /// The key's place under the x title, for `names` in a figure `width`
    /// pixels wide: a line of its own, or two where one would set its
    /// names smaller than [`KEY_SMALLEST_PX`] (on a phone, a key of three
    /// fits was set at 10 px).
    pub fn below(style: &Style, names: &[&str], width: f64) -> KeyLine {
        // The widest a line of its own may be: to the figure's right edge.
        let row = KeyRow::layout(style, names, width - style.pxf(8.0), width, true);
        if row.scale * LABEL_PX >= KEY_SMALLEST_PX || names.len() < 2 {
            KeyLine::Below
        } else {
            KeyLine::BelowInTwo
        }
    }

    /// How many lines of their own under the x title it takes, at scale 1
    /// (for the frame's `bottom_extra`).
    pub fn room_below(self) -> f64 {
        match self {
            KeyLine::Top | KeyLine::XTitle => 0.0,
            KeyLine::Below => KEY_LINE,
            KeyLine::BelowInTwo => 2.0 * KEY_LINE,
        }
    }
}

/// The smallest size a key's names are set at on a line of their own
/// before they take two lines, in CSS pixels.
pub const KEY_SMALLEST_PX: f64 = 11.5;

/// A swatch's side, the gap to its name and the room between two entries, at scale 1.
pub(super) const SWATCH: f64 = 11.0;
pub(super) const SWATCH_GAP: f64 = 6.0;
const KEY_BETWEEN: f64 = 18.0;
/// The room between two entries of a key short of room.
const KEY_BETWEEN_CLOSE: f64 = 10.0;

/// The width of a swatch key with these names, in the style's pixels.
pub fn swatch_key_width(style: &Style, names: &[&str]) -> f64 {
    let entries: f64 = names.iter().map(|name| style.pxf(SWATCH + SWATCH_GAP) + key_name_width(style, name)).sum();
    entries + style.pxf(KEY_BETWEEN) * names.len().saturating_sub(1) as f64
}

/// The margin a key name's width is given over its estimate, for faces
/// wider than the estimate.
const KEY_NAME_MARGIN: f64 = 1.15;

/// A line of a swatch key, laid out ([`super::Frame::swatch_key`]).
pub(super) struct KeyRow {
    /// Where it ends, and the width of its swatches and the room between
    /// its entries.
    pub(super) end: f64,
    pub(super) swatches: f64,
    /// Its names' width at the usual size, and how much smaller than that
    /// they are set.
    pub(super) words: f64,
    pub(super) scale: f64,
    /// How the names are spaced: 1, or less where even the smallest ones
    /// want more room than there is.
    pub(super) spread: f64,
    pub(super) between: f64,
}

impl KeyRow {
    /// How a line of a swatch key with `names` is laid out in a figure
    /// `width` pixels wide: it ends at `right`, the plot's; where that
    /// leaves too little room (a narrow panel on a phone), its names are
    /// set smaller, and it never starts past the figure's left edge. Where
    /// even the smallest names want more room than there is, they are
    /// spaced by the estimate alone, without its margin. A key on a line
    /// of its own (`own_line`) that would be set smaller may reach the
    /// figure's right edge, its entries closer together: on a phone, three
    /// fits' names were set at 9 px.
    pub(super) fn layout(style: &Style, names: &[&str], right: f64, width: f64, own_line: bool) -> KeyRow {
        let words: f64 = names.iter().map(|name| key_name_width(style, name)).sum();
        // The swatches and the gaps to their names, without the room between entries.
        let gaps = names.len().saturating_sub(1) as f64;
        let swatches_alone = swatch_key_width(style, names) - words - style.pxf(KEY_BETWEEN) * gaps;
        let room = |(end, between): (f64, f64)| end - style.pxf(8.0) - swatches_alone - between * gaps;
        // How much smaller than usual the names are set in that room.
        let scale = |room: f64| shrunk(words, LABEL_PX, room) / LABEL_PX;
        let usual = (right, style.pxf(KEY_BETWEEN));
        let (end, between) = if own_line && scale(room(usual)) < 1.0 {
            let wider = (right.max(width - style.pxf(8.0)), style.pxf(KEY_BETWEEN_CLOSE));
            if scale(room(wider)) > scale(room(usual)) {
                wider
            } else {
                usual
            }
        } else {
            usual
        };
        let room = room((end, between));
        let scale = scale(room);
        let spread = if words * scale > room { 1.0 / KEY_NAME_MARGIN } else { 1.0 };
        KeyRow { end, swatches: swatches_alone + between * gaps, words, scale, spread, between }
    }

    /// Where it starts with its names set `k` times the usual size.
    pub(super) fn start(&self, k: f64) -> f64 {
        self.end - self.swatches - self.words * k * self.spread
    }
}

/// A key name's width: an estimate, not the backend's measure (plotters
/// measures web text with an inline-styled element, which the page's CSP
/// forbids), with a margin for fonts wider than the estimate.
pub(super) fn key_name_width(style: &Style, name: &str) -> f64 {
    style.text_width(name, LABEL_PX) * KEY_NAME_MARGIN
}
