//! What every code twin is made of: a template of the word tables (the code
//! is the same in every language, its comments are the language's) whose
//! lines hold under conditions, filled with the call's literals, and the
//! closing comment with what the page shows. Keeping the text and the
//! choices in the templates keeps the page's module small.

use crate::i18n::{fill, t, Lang};
use crate::number::format::{python, python_list};

/// What the page shows for the call a code twin reproduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown<'a> {
    /// The value, written as the code prints it.
    Value(&'a str),
    /// No value: why the framework refuses the call, in words.
    Refused(&'a str),
}

/// The template `key` of the word tables in `lang`, with the lines whose
/// conditions hold and its `{names}` filled from `values`. A line may start
/// with conditions — `?x`: flag `x` is in `flags`; `!x`: it is not — and a
/// space. A flag is an ASCII byte; a zero in `flags` is a flag that is off.
pub(super) fn render(key: &'static str, lang: Lang, flags: &[u8], values: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for line in t(lang, key).lines() {
        let (mut rest, mut keep) = (line, true);
        while let [sign @ (b'?' | b'!'), flag, ..] = rest.as_bytes() {
            keep &= flags.contains(flag) == (*sign == b'?');
            rest = &rest[2..];
        }
        if keep {
            out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            out.push('\n');
        }
    }
    fill(&out, values)
}

/// `flag` when `on`, else the zero that stands for no flag.
pub(super) fn flag(on: bool, flag: u8) -> u8 {
    if on {
        flag
    } else {
        0
    }
}

/// The flag `P` and the text of what the page shows: its value, or why
/// there is none.
pub(super) fn page_shows(shown: Shown<'_>) -> (u8, &str) {
    match shown {
        Shown::Value(value) => (b'P', value),
        Shown::Refused(why) => (0, why),
    }
}

/// An array as a Python list (integers for class indices).
pub(super) fn list(shape: &[usize], data: &[f64], whole: bool) -> String {
    python_list(shape, data, whole)
}

/// A number as a Python literal.
pub(super) fn number(x: f64) -> String {
    python(x)
}
