//! The page without the document: its [`Model`], the [`Msg`]s that change
//! it, and [`update`], which applies one message and returns the
//! [`Changes`] the document must show. Everything here is ordinary Rust,
//! tested natively; the wasm shell (`app`) only reads DOM events into
//! messages and applies the changes.

pub mod calculators;
pub mod changes;
pub mod claims;
pub mod code;
pub mod fit;
pub mod mailbox;
pub mod markup;
pub mod model;
pub mod msg;
pub mod readouts;
pub mod softmax_fit;
pub mod update;
pub mod url;
pub mod view;

mod plane_pointer;
mod pointer;

pub use changes::{Changes, CopyButton, Tooltip};
pub use model::{FigureSet, Model};
pub use msg::{Action, CodeBlock, ExportKind, Key, Msg, Phase, PointerEvent, Preset, Region};
pub use update::update;
pub use view::View;
