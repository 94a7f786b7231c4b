//! The page's words in English and Chinese. Every string a reader sees is
//! looked up here by key; a test fails when either language lacks one.

mod formulas;
mod lang;
mod message;
mod table;

pub use formulas::{element_text, unbroken_formulas};
pub use lang::{is_wide, Lang};
pub use message::{excerpt, Message, Value};
pub use table::{fill, install, is_installed, lookup, sentences, t, t_count, Placeholders};
