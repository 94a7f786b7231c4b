//! The page without the document: its [`Model`], the [`Msg`]s that change
//! it, and [`update`](fn@update), which applies one message and returns the
//! [`Changes`] the document must show. Everything here is ordinary Rust,
//! tested natively; the wasm shell (`app`) only reads DOM events into
//! messages and applies the changes.

pub mod api;
pub mod calculators;
pub mod changes;
pub mod claims;
pub mod code;
pub mod fit;
pub mod lesson;
pub mod mailbox;
pub mod markup;
pub mod model;
pub mod msg;
pub mod question;
pub mod questions;
pub mod readouts;
pub mod section;
pub mod softmax_fit;
pub mod update;
pub mod url;
pub mod view;
pub mod words;

mod plane_pointer;
mod pointer;
mod prose;
mod why;

pub use changes::{Changes, CopyButton, Focus, Tooltip};
pub use model::{FigureSet, Model, Opening};
pub use msg::{
    Action, CodeBlock, ExportKind, Key, LessonEvent, Msg, Phase, PointerEvent, Preset, QuestionAction, QuestionEvent,
    Region,
};
pub use question::{Answer, Question};
pub use section::Section;
pub use update::update;
pub use view::View;
