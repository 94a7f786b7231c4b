//! Everything that can happen to the page, as values: the wasm shell reads
//! each DOM event once into a [`Msg`], through the word tables below and the
//! state's table of settings, and no name is matched anywhere else.

use super::question::Question;
use super::section::Section;
use super::words::words;
use crate::charts::{Figure, PlotMap};
use crate::i18n::Lang;
use crate::state::{ControlInput, Setting};

/// One thing that happened.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// A control of a setting was moved or typed in; `finished` for the
    /// `change` at the end of an edit, not the `input` events during it.
    Control { setting: Setting, input: ControlInput, finished: bool },
    /// A button that acts rather than sets.
    Action(Action),
    /// One of the categorical calculator's examples.
    Preset(Preset),
    /// The points text box's text, to use as the points.
    ApplyCsv(String),
    /// Copy the address of the page as it is.
    Share { href: String },
    /// Copy a code twin.
    CopyCode(CodeBlock),
    /// A figure's export button; `base` is the page's address without its query.
    Export { figure: Figure, kind: ExportKind, base: String },
    /// The pointer on a figure.
    Pointer(PointerEvent),
    /// A key on a focused figure; `map` is that figure's last drawing's.
    Key { figure: Figure, key: Key, shift: bool, map: Option<PlotMap> },
    /// A figure lost the keyboard focus.
    Blur,
    /// A step back or forward in history, to this address (its path and
    /// query, as [`url::read_address`](super::url::read_address) reads them).
    Navigated(String),
    /// A language's words arrived.
    WordsArrived(Lang),
    /// The system's colour scheme changed (dark or not).
    SystemDark(bool),
    /// These figures no longer fit their drawing (resized, or a new pixel ratio).
    Resized(Vec<Figure>),
    /// Figures came into a region around the viewport (`inside`) or left it
    /// (`outside`).
    Seen { region: Region, inside: Vec<Figure>, outside: Vec<Figure> },
    /// A touch held still on a point: it is removed.
    Hold,
    /// The page is about to be printed (`true`), or has been.
    Printing(bool),
    /// An animation frame: time to draw.
    Frame,
    /// The page is mounted: whether it sits in another page's frame, and
    /// the progress through the questions an earlier visit kept (if the
    /// browser lets the page keep any).
    Opened { framed: bool, progress: Option<String> },
    /// Something done to a question.
    Question(Question, QuestionEvent),
    /// Something done in the lesson-link dialog.
    Lesson(LessonEvent),
    /// A `losslab:set` from the page around the embed: who sent it
    /// (`event.origin`), and its settings as key and text.
    ApiSet { origin: String, pairs: Vec<(String, String)> },
    /// The page's content is now this tall (CSS pixels).
    Height(u32),
    /// A "Show code" disclosure was opened: its code twins, left as they
    /// were while it was closed, are written now.
    CodeShown,
}

/// What a reader does to a question.
#[derive(Clone, Debug, PartialEq)]
pub enum QuestionEvent {
    /// Chose the answer with this id.
    Choose(String),
    /// One of the question's buttons.
    Act(QuestionAction),
}

/// What a reader does in the lesson-link dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum LessonEvent {
    /// Open it; `base` is the page's address without its query.
    Open {
        base: String,
    },
    /// Close it (its button, or Escape).
    Close,
    Show(Section, bool),
    Lock(Setting, bool),
    Ask(Option<Question>),
    /// Copy the link.
    Copy,
    /// Tab (shift: `backwards`) while the `at`-th of `count` focusable
    /// elements of the dialog has the focus (`None`: none of them).
    Tab {
        at: Option<usize>,
        count: usize,
        backwards: bool,
    },
}

/// The pointer on a figure, in CSS pixels of its canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PointerEvent {
    pub figure: Figure,
    pub phase: Phase,
    /// Where, relative to the canvas.
    pub at: (f64, f64),
    /// Where, relative to the window (for the tooltip).
    pub client: (i32, i32),
    /// The figure's last drawing's mapping, in CSS pixels.
    pub map: Option<PlotMap>,
    pub shift: bool,
    pub alt: bool,
    /// A finger, not a mouse or a pen: a coarser aim.
    pub touch: bool,
}

/// A region around the viewport, for what the page does with the figures in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    /// On the screen: a settled change describes these figures aloud.
    Shown,
    /// Within a screen's height of it: these figures are drawn (and a
    /// change redraws them); the others wait until they come near.
    Near,
    /// Within two screens' height: these keep their drawings; a figure that
    /// leaves lets its drawing go and is drawn again when it comes near.
    Kept,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Down,
    Move,
    Up,
    Cancel,
    Leave,
}

words! {
    /// A button that acts (`data-control` or `data-action`).
    Action {
        Play = "play",
        Step = "step",
        Reset = "reset",
        Converge = "converge",
        Share = "share",
        ApplyCsv = "apply-csv",
        ResetPoints = "reset-points",
        NewSeed = "new-seed",
        DismissNotices = "dismiss-notices",
        /// The softmax fit's animation: play or pause, one step, back to W = 0, the optimum.
        SoftmaxPlay = "softmax-play",
        SoftmaxStep = "softmax-step",
        SoftmaxReset = "softmax-reset",
        SoftmaxConverge = "softmax-converge",
        Lesson = "lesson",
        LessonClose = "lesson-close",
        LessonCopy = "lesson-copy",
    }
}

words! {
    /// A question's buttons (`data-q`).
    QuestionAction {
        /// Answer by picking a point in a figure (or stop picking).
        Pick = "pick",
        /// Show the answer in its figure.
        Show = "show",
        /// Answer again.
        Retry = "retry",
        Skip = "skip",
    }
}

words! {
    /// The categorical calculator's examples (`data-preset`).
    Preset {
        Mean = "cce-mean",
        Weighted = "cce-weighted",
        NoReduction = "cce-none",
        Unnormalised = "cce-unnormalised",
    }
}

words! {
    /// A code twin (`data-code`): a section of the page, then a framework.
    CodeBlock {
        FitSklearn = "fit-sklearn",
        BceKeras = "bce-keras",
        BceKeras3 = "bce-keras3",
        BceTorch = "bce-torch",
        CceKeras = "cce-keras",
        CceKeras3 = "cce-keras3",
        CceTorch = "cce-torch",
        SoftmaxSklearn = "softmax-sklearn",
        FocalKeras = "focal-keras",
        FocalKeras3 = "focal-keras3",
        FocalTorch = "focal-torch",
    }
}

words! {
    /// A figure's export (`data-export`).
    ExportKind {
        Svg = "svg",
        Png = "png",
        Embed = "embed",
    }
}

words! {
    /// A key on a focused figure (`KeyboardEvent.key`).
    Key {
        /// The point before (↑).
        Previous = "ArrowUp",
        /// The point after (↓).
        Next = "ArrowDown",
        /// Move the point left (←).
        Left = "ArrowLeft",
        /// Move it right (→).
        Right = "ArrowRight",
        /// Flip its label (in the plane: the next class).
        Flip = " " | "Enter",
        /// In the plane, where the arrows move the point: choose the one after,
        Following = "PageDown" | "]",
        /// or the one before.
        Preceding = "PageUp" | "[",
        /// Remove it.
        Remove = "Delete" | "Backspace",
        /// Let it go.
        LetGo = "Escape",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_read_back() {
        for action in [Action::Play, Action::ApplyCsv, Action::DismissNotices] {
            assert_eq!(Action::from_word(action.word()), Some(action));
        }
        assert_eq!(Key::from_word("Enter"), Some(Key::Flip));
        assert_eq!(Key::from_word("Backspace"), Some(Key::Remove));
        assert_eq!(ExportKind::from_word("pdf"), None);
    }
}
