//! What [`update`](fn@super::update) asks of the document after a message: the
//! wasm shell applies exactly this, and nothing it was not asked.

use super::api::Outgoing;
use super::lesson::LessonView;
use super::msg::{CodeBlock, ExportKind};
use super::question::Question;
use crate::charts::Figure;
use crate::i18n::Lang;
use crate::state::Setting;

/// The document's work after one message.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// Ask for an animation frame (something is left to draw, or the fit plays).
    pub frame: bool,
    /// Draw these figures now (only in answer to a frame).
    pub draw: Vec<Figure>,
    /// Write this query into the address: `(query, push)` — a history entry
    /// of its own for a change's first address, else a replacement.
    pub url: Option<(String, bool)>,
    /// A change finished: its address (`url`, or the last one still waiting
    /// its turn) is written at once, not at the pace of a change in progress.
    pub url_settled: bool,
    /// Rewrite the live readouts.
    pub readouts: bool,
    /// Rewrite every control from the state (after a history step).
    pub all_controls: bool,
    /// Rewrite these controls from the state (their value was brought into
    /// range, or set by something other than themselves).
    pub controls: Vec<Setting>,
    /// The theme or the palette changed.
    pub theme: bool,
    /// The page's language changed: rewrite every word.
    pub words: bool,
    /// Fetch this language's words (a [`Msg::WordsArrived`](super::Msg::WordsArrived) follows).
    pub load_words: Option<Lang>,
    /// Rewrite the notices.
    pub notices: bool,
    /// Rewrite the calculators' tables and notes.
    pub calculators: bool,
    /// The points text box's errors: `Some(lines)` to show, `Some(empty)` to hide.
    pub csv_errors: Option<Vec<String>>,
    pub tooltip: Option<Tooltip>,
    /// Copy this text, and say so on that button.
    pub copy: Option<(String, CopyButton)>,
    /// Download this figure.
    pub export: Option<(Figure, ExportKind)>,
    /// Keep the pointer's events on the figure it pressed (a drag).
    pub capture_pointer: bool,
    /// The event was used: the browser should not act on it as well.
    pub handled: bool,
    /// Let go of these figures' drawings (far from the viewport).
    pub release: Vec<Figure>,
    /// Rewrite these figures' descriptions (all whose numbers changed,
    /// drawn now or waiting to be).
    pub describe: Vec<Figure>,
    /// Say this politely to a screen reader: what the figures on screen now
    /// show, after a settled change.
    pub announce: Option<String>,
    /// Rewrite the questions.
    pub questions: bool,
    /// Keep this progress through the questions (in the browser's storage).
    pub store: Option<String>,
    /// Post these to the page around the embed.
    pub post: Vec<Outgoing>,
    /// Bring this into view (a selector).
    pub reveal: Option<&'static str>,
    /// Move the keyboard focus.
    pub focus: Option<Focus>,
    /// The lesson-link dialog: show it so, or close it (`Some(None)`).
    pub lesson: Option<Option<LessonView>>,
}

/// Where the keyboard focus goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// A question (it is also brought into view).
    Question(Question),
    /// The dialog's `n`-th focusable element.
    LessonItem(usize),
    /// The button that opened the dialog.
    LessonOpener,
}

/// The tooltip beside the pointer.
#[derive(Clone, Debug, PartialEq)]
pub enum Tooltip {
    /// These lines at this window position.
    Show {
        lines: Vec<String>,
        at: (i32, i32),
    },
    Hide,
}

/// Which button copied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyButton {
    Share,
    Embed(Figure),
    Code(CodeBlock),
    Lesson,
}
