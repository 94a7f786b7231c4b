//! The pieces every code twin is made of: array assignments with their
//! dtype, and the closing comment with what the page shows.

use super::Framework;
use crate::number::format::python_list;

/// What the page shows for the call a code twin reproduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown<'a> {
    /// The value, written as the code prints it.
    Value(&'a str),
    /// No value: why the framework refuses the call, in words.
    Refused(&'a str),
}

/// `name = np.array([…], dtype="float32")`, or `torch.tensor` for torch;
/// `dtype` `None` for class indices, which stay integers.
pub(super) fn array(out: &mut String, torch: bool, name: &str, shape: &[usize], data: &[f64], dtype: Option<&str>) {
    let list = python_list(shape, data, dtype.is_none());
    let line = match (torch, dtype) {
        (true, Some(d)) => format!("{name} = torch.tensor({list}, dtype=torch.{d})\n"),
        (true, None) => format!("{name} = torch.tensor({list})\n"),
        (false, Some(d)) => format!("{name} = np.array({list}, dtype=\"{d}\")\n"),
        (false, None) => format!("{name} = np.array({list})\n"),
    };
    out.push_str(&line);
}

/// The last line: `# prints …`, or why the page shows no value.
pub(super) fn shown(out: &mut String, framework: Framework, shown: Shown) {
    let line = match shown {
        Shown::Value(v) => format!("# prints {v}\n"),
        Shown::Refused(why) => {
            format!("# The page shows no {} value for this call: {}\n", framework.label(), why.replace('\n', " "))
        }
    };
    out.push_str(&line);
}

/// Python's `True` or `False`.
pub(super) fn boolean(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}
