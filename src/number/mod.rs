//! Numbers and text: reading them ([`parse`]) and writing them ([`format`](mod@format)),
//! each in one place for the whole crate.

pub mod format;
pub mod parse;

pub use parse::parse_f64;
