//! Words made to fit: a title set smaller where it is too wide, a note
//! broken into lines.

use crate::charts::style::{Style, NOTE_PX};
use crate::i18n::{is_wide, unbroken_formulas};

/// The smallest size, in CSS pixels, a title, key or readout shrinks to in
/// a figure too narrow for it (a long title on a phone).
pub(super) const SMALLEST_TEXT_PX: f64 = 9.0;

/// The size, in CSS pixels, at which `title` fits in `room` pixels:
/// `size_css`, or smaller where it would not fit (down to
/// `SMALLEST_TEXT_PX`).
pub fn fitted(style: &Style, title: &str, size_css: f64, room: f64) -> f64 {
    shrunk(style.text_width(title, size_css), size_css, room)
}

/// The size, in CSS pixels, at which words `width` pixels wide at
/// `size_css` fit in `room` pixels (words scale with their size): as it is,
/// or smaller, down to [`SMALLEST_TEXT_PX`].
pub(super) fn shrunk(width: f64, size_css: f64, room: f64) -> f64 {
    if width <= room {
        size_css
    } else {
        (size_css * room / width).max(SMALLEST_TEXT_PX)
    }
}

/// A note's lines, no wider than `width`, each formula broken only where
/// the article's prose breaks one ([`unbroken_formulas`]).
pub(super) fn note_lines(style: &Style, text: &str, width: f64) -> Vec<String> {
    let lines = wrap(&unbroken_formulas(text.to_owned()), |s| style.text_width(s, NOTE_PX), width);
    lines.into_iter().map(|line| line.replace('\u{a0}', " ")).collect()
}

/// `text` in lines no wider than `width` (by `measure`): broken at spaces,
/// or between any two characters of Chinese, Japanese or Korean text, which
/// has no spaces; never at an unbreakable space (U+00A0), nor either side of
/// one. A word wider than a line keeps a line of its own.
///
/// ```
/// use losslab::charts::frame::wrap;
/// let width = |s: &str| s.chars().count() as f64;
/// assert_eq!(wrap("one two three", width, 8.0), ["one two", "three"]);
/// assert_eq!(wrap("每根柱为一类点的均值", width, 4.0), ["每根柱为", "一类点的", "均值"]);
/// assert_eq!(wrap("一二三，四", width, 3.0), ["一二", "三，四"]);
/// assert_eq!(wrap("一二三\u{a0}45", width, 4.0), ["一二", "三\u{a0}45"]);
/// ```
pub fn wrap(text: &str, measure: impl Fn(&str) -> f64, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // Pieces: a word with the space before it, or one wide character.
    let mut pieces: Vec<String> = Vec::new();
    for c in text.chars() {
        let wide = is_wide(c);
        // Closing punctuation never starts a line, nor what an unbreakable
        // space (U+00A0) joins to the piece before it.
        let closing = "，。：；、）」』！？".contains(c);
        let glued = c == '\u{a0}' || pieces.last().is_some_and(|last| last.ends_with('\u{a0}'));
        match pieces.last_mut() {
            Some(last) if closing || glued => last.push(c),
            Some(last) if !wide && c != ' ' && last.chars().last().is_none_or(|l| !is_wide(l)) => last.push(c),
            _ => pieces.push(c.to_string()),
        }
    }
    for piece in pieces {
        let candidate = format!("{line}{piece}");
        if !line.is_empty() && measure(candidate.trim_end()) > width {
            lines.push(line.trim_end().to_owned());
            line = piece.trim_start().to_owned();
        } else {
            line = candidate;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where "γ =" would end a line, "γ = 2" goes to the next one whole,
    /// written with plain spaces as before.
    #[test]
    fn a_note_breaks_a_formula_as_the_prose_does() {
        let style = Style::default();
        let width = style.text_width("at γ =", NOTE_PX) + 1.0;
        assert_eq!(wrap("at γ = 2 it", |s| style.text_width(s, NOTE_PX), width), ["at γ =", "2 it"]);
        assert_eq!(note_lines(&style, "at γ = 2 it", width), ["at", "γ = 2", "it"]);
    }
}
