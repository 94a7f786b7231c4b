//! What every code twin is made of: a template of the word tables (the code
//! is the same in every language, its comments are the language's) whose
//! lines hold under conditions, filled with the call's literals, and the
//! closing comment with what the page shows. Keeping the text and the
//! choices in the templates keeps the page's module small.

use crate::i18n::{fill, is_wide, t, Lang};
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
///
/// Without flag `P` (the page shows no value), the last line says why in
/// words, as a comment broken at its spaces to keep to [`COLUMNS`].
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
    let code = fill(&out, values);
    if flags.contains(&b'P') {
        return code;
    }
    match code.trim_end_matches('\n').rsplit_once('\n') {
        Some((head, why)) if columns(why) > COLUMNS => format!("{head}\n{}\n", wrap_comment(why)),
        _ => code,
    }
}

/// Black's longest line, in columns.
const COLUMNS: usize = 88;

/// How many columns `line` takes in a monospace face: a Chinese character
/// two, any other one.
fn columns(line: &str) -> usize {
    line.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// A `# ` comment broken at its spaces into comment lines of at most
/// [`COLUMNS`] (a word wider than that keeps a line to itself); joining
/// the lines' words with a space gives the comment back.
fn wrap_comment(comment: &str) -> String {
    let Some(text) = comment.strip_prefix("# ") else { return comment.to_owned() };
    let (mut out, mut line) = (String::new(), String::from("#"));
    for word in text.split(' ') {
        if line.len() > 1 && columns(&line) + 1 + columns(word) > COLUMNS {
            out.push_str(&line);
            out.push('\n');
            line.truncate(1);
        }
        line.push(' ');
        line.push_str(word);
    }
    out + &line
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

/// An array as a Python list (integers for class indices). One longer
/// than [`INLINE`] characters, which could take its line past black's 88,
/// is broken as black breaks it: after its opening bracket, its items four
/// spaces in, as many to a line as fit in [`LINE`] characters, each line
/// ending in a comma, and its closing bracket on a line of its own (a twin
/// of 200 points in the plane was one line of 2 500 characters).
///
/// ```text
/// X = np.array([
///     [-1.25, 0.5], [0.75, 2.0], …,
///     [1.5, -0.25],
/// ], dtype="float64")
/// ```
pub(super) fn list(shape: &[usize], data: &[f64], whole: bool) -> String {
    let Some((&n, rest)) = shape.split_first() else { return python_list(shape, data, whole) };
    let step: usize = rest.iter().product();
    let items: Vec<String> = (0..n).map(|i| python_list(rest, &data[i * step..(i + 1) * step], whole)).collect();
    let inline = format!("[{}]", items.join(", "));
    if inline.len() <= INLINE {
        return inline;
    }
    let mut lines = vec![String::new()];
    for item in items {
        let line = lines.last_mut().expect("a line");
        // The line with ", ", the item and the comma that ends a line.
        if !line.is_empty() && INDENT.len() + line.len() + 2 + item.len() + 1 > LINE {
            lines.push(item);
        } else {
            if !line.is_empty() {
                line.push_str(", ");
            }
            line.push_str(&item);
        }
    }
    let body: Vec<String> = lines.iter().map(|line| format!("{INDENT}{line},")).collect();
    format!("[\n{}\n]", body.join("\n"))
}

/// The longest list written inline, in characters: the longest line
/// around one, `y_pred = torch.tensor(…, dtype=torch.float64)`, leaves 44
/// of black's 88.
const INLINE: usize = 44;

/// The longest line of a broken list, in characters (a column of code on
/// the page shows [`COLUMNS`]).
const LINE: usize = 76;

/// The indent of a broken list's items.
const INDENT: &str = "    ";

/// A number as a Python literal.
pub(super) fn number(x: f64) -> String {
    python(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calculator::parse_list;

    /// A short list stays on its line; a long one is broken between its
    /// items into lines no longer than [`LINE`], and reads back as the
    /// same numbers, in the same shape.
    #[test]
    fn a_list_longer_than_a_line_is_broken_between_its_items() {
        assert_eq!(list(&[2, 2], &[0.05, 0.95, 1.0, 0.0], false), "[[0.05, 0.95], [1.0, 0.0]]");
        let points: Vec<f64> = (0..400).map(|i| f64::from(i) * 0.37 - 50.0).collect();
        for (shape, whole) in [(vec![200, 2], false), (vec![400], true), (vec![400], false)] {
            let text = list(&shape, &points, whole);
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!((lines[0], *lines.last().unwrap()), ("[", "]"), "{shape:?}");
            for line in &lines[1..lines.len() - 1] {
                assert!(line.starts_with(INDENT) && line.ends_with(',') && line.len() <= LINE, "{line:?}");
            }
            let back = parse_list(&text).unwrap();
            assert_eq!(back.shape, shape);
            assert!(back.data.iter().zip(&points).all(|(a, b)| a.to_bits() == b.to_bits()), "{shape:?}");
        }
    }

    /// A long comment is broken at its spaces into comment lines that keep
    /// to black's columns, a Chinese character counted as two, and its words
    /// joined again are the comment; a short one is left as it is.
    #[test]
    fn a_comment_wider_than_black_s_columns_is_broken_at_its_spaces() {
        assert_eq!(wrap_comment("# short"), "# short");
        let english = format!("# The page shows no value: {}", "a reason in words ".repeat(12).trim_end());
        let chinese = format!("# 页面上没有结果：{}", "按类别而不是按样本给的 sample_weight ".repeat(6).trim_end());
        for comment in [english, chinese] {
            let wrapped = wrap_comment(&comment);
            let lines: Vec<&str> = wrapped.lines().collect();
            assert!(lines.len() > 1, "{wrapped}");
            assert!(lines.iter().all(|l| l.starts_with("# ") && columns(l) <= COLUMNS), "{wrapped}");
            // No line could have taken the next one's first word.
            for pair in lines.windows(2) {
                let next = pair[1][2..].split(' ').next().unwrap();
                assert!(columns(pair[0]) + 1 + columns(next) > COLUMNS, "{pair:?}");
            }
            let words: Vec<&str> = lines.iter().map(|l| &l[2..]).collect();
            assert_eq!(format!("# {}", words.join(" ")), comment);
        }
    }
}
