//! Reading the lists a reader types into a calculator: Python- or
//! JSON-style, nested to any depth (`[0., 0., 1., 1.]`, `[[0, 1, 0], [0, 0, 1]]`).

use crate::core::array::NdArray;
use crate::i18n::{excerpt, Message};
use crate::number::parse_f64;

/// What is wrong with a list, and where (1-based character positions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListError {
    /// Text after the list.
    Unexpected { c: char, at: usize },
    /// Nothing where a number or a list should be.
    Nothing,
    /// A bracket that is never closed.
    NeverClosed { open: char, at: usize },
    /// Neither a comma nor the closing bracket after an item.
    ExpectedSeparator { close: char, at: usize, found: char },
    /// A number beyond float64 (`1e999`).
    TooLarge { word: String },
    /// Nothing between two commas.
    ExpectedNumber { at: usize },
    /// A word that is no number.
    NotANumber { word: String, at: usize },
    /// Rows of different lengths.
    Ragged { found: usize, expected: usize },
    /// A list where the other rows have a number.
    ListForNumber,
    /// A number where the other rows have a list.
    NumberForList,
}

impl ListError {
    /// The mistake in words, from the word tables.
    pub fn message(&self) -> Message {
        let m = Message::new;
        match self {
            ListError::Unexpected { c, at } => m("list.unexpected").with("c", c.to_string()).with("at", at.to_string()),
            ListError::Nothing => m("list.nothing"),
            ListError::NeverClosed { open, at } => {
                m("list.never-closed").with("open", open.to_string()).with("at", at.to_string())
            }
            ListError::ExpectedSeparator { close, at, found } => m("list.separator-expected")
                .with("close", close.to_string())
                .with("at", at.to_string())
                .with("found", found.to_string()),
            ListError::TooLarge { word } => m("list.too-large").with("word", word.as_str()),
            ListError::ExpectedNumber { at } => m("list.number-expected").with("at", at.to_string()),
            ListError::NotANumber { word, at } => {
                m("list.not-a-number").with("word", word.as_str()).with("at", at.to_string())
            }
            ListError::Ragged { found, expected } => {
                m("list.ragged").with("found", found.to_string()).with("expected", expected.to_string())
            }
            ListError::ListForNumber => m("list.ragged.list"),
            ListError::NumberForList => m("list.ragged.number"),
        }
    }
}

/// Parses a Python- or JSON-style list of numbers, nested to any depth:
/// `[0., 0., 1., 1.]`, `[[0, 1, 0], [0, 0, 1]]`, `0.5`, with `nan`, `inf` and
/// `-inf` allowed (the evaluator answers them in words). Errors say where.
pub fn parse_list(text: &str) -> Result<NdArray<f64>, ListError> {
    let mut parser = ListParser { chars: text.char_indices().peekable(), text };
    let item = parser.value()?;
    parser.skip_space();
    if let Some((at, c)) = parser.chars.next() {
        return Err(ListError::Unexpected { c, at: at + 1 });
    }
    item.into_array()
}

/// A parsed number or list, before its shape is checked.
enum Item {
    Number(f64),
    List(Vec<Item>),
}

impl Item {
    /// The array of a well-formed nesting; the shape comes from the first
    /// element at each depth, and every other element must agree.
    fn into_array(self) -> Result<NdArray<f64>, ListError> {
        let mut shape = Vec::new();
        let mut probe = &self;
        while let Item::List(items) = probe {
            shape.push(items.len());
            match items.first() {
                Some(first) => probe = first,
                None => break,
            }
        }
        let mut data = Vec::with_capacity(shape.iter().product());
        self.flatten(&shape, &mut data)?;
        Ok(NdArray { shape, data })
    }

    fn flatten(self, shape: &[usize], out: &mut Vec<f64>) -> Result<(), ListError> {
        match (self, shape.split_first()) {
            (Item::List(items), Some((&n, rest))) => {
                if items.len() != n {
                    return Err(ListError::Ragged { found: items.len(), expected: n });
                }
                items.into_iter().try_for_each(|item| item.flatten(rest, out))
            }
            (Item::List(_), None) => Err(ListError::ListForNumber),
            (Item::Number(_), Some(_)) => Err(ListError::NumberForList),
            (Item::Number(x), None) => {
                out.push(x);
                Ok(())
            }
        }
    }
}

struct ListParser<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    text: &'a str,
}

impl ListParser<'_> {
    fn skip_space(&mut self) {
        while self.chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
    }

    fn value(&mut self) -> Result<Item, ListError> {
        self.skip_space();
        match self.chars.peek().copied() {
            None => Err(ListError::Nothing),
            Some((_, '[' | '(')) => self.list(),
            Some((at, _)) => self.number(at),
        }
    }

    fn list(&mut self) -> Result<Item, ListError> {
        let Some((open_at, open)) = self.chars.next() else {
            return Err(ListError::Nothing);
        };
        let close = if open == '[' { ']' } else { ')' };
        let mut items = Vec::new();
        loop {
            self.skip_space();
            match self.chars.peek().copied() {
                None => return Err(ListError::NeverClosed { open, at: open_at + 1 }),
                Some((_, c)) if c == close => {
                    self.chars.next();
                    return Ok(Item::List(items));
                }
                _ => {}
            }
            items.push(self.value()?);
            self.skip_space();
            match self.chars.peek().copied() {
                Some((_, ',')) => {
                    self.chars.next();
                }
                Some((_, c)) if c == close => {}
                Some((at, c)) => return Err(ListError::ExpectedSeparator { close, at: at + 1, found: c }),
                None => return Err(ListError::NeverClosed { open, at: open_at + 1 }),
            }
        }
    }

    fn number(&mut self, start: usize) -> Result<Item, ListError> {
        let mut end = start;
        while let Some((at, c)) =
            self.chars.next_if(|(_, c)| !matches!(c, ',' | ']' | ')' | '[' | '(') && !c.is_whitespace())
        {
            end = at + c.len_utf8();
        }
        let word = &self.text[start..end];
        let special = match word.to_ascii_lowercase().trim_start_matches('+') {
            "nan" | "-nan" => Some(f64::NAN),
            "inf" | "infinity" => Some(f64::INFINITY),
            "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
            _ => None,
        };
        if let Some(special) = special {
            return Ok(Item::Number(special));
        }
        match parse_f64(word) {
            Some(v) if v.is_finite() => Ok(Item::Number(v)),
            Some(_) => Err(ListError::TooLarge { word: excerpt(word) }),
            None if word.is_empty() => Err(ListError::ExpectedNumber { at: start + 1 }),
            None => Err(ListError::NotANumber { word: excerpt(word), at: start + 1 }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn reads_python_style_lists() {
        let array = |shape: &[usize], data: &[f64]| NdArray { shape: shape.to_vec(), data: data.to_vec() };
        assert_eq!(parse_list("[0., 0., 1., 1.]").unwrap(), array(&[4], &[0.0, 0.0, 1.0, 1.0]));
        assert_eq!(parse_list(" [[0, 1, 0], [0, 0, 1]] ").unwrap(), array(&[2, 3], &[0.0, 1.0, 0.0, 0.0, 0.0, 1.0]));
        assert_eq!(parse_list("(.5, -2e-3)").unwrap(), array(&[2], &[0.5, -0.002]));
        assert_eq!(parse_list("0.5").unwrap(), array(&[], &[0.5]));
        assert_eq!(parse_list("[]").unwrap(), array(&[0], &[]));
        let special = parse_list("[nan, inf, -INF]").unwrap();
        assert!(special.data[0].is_nan());
        assert_eq!(special.data[1..], [f64::INFINITY, f64::NEG_INFINITY]);
    }

    #[test]
    fn says_where_a_list_is_wrong() {
        assert_eq!(parse_list("[0,1").unwrap_err().message().text(Lang::En), "the '[' at character 1 is never closed");
        assert_eq!(
            parse_list("[0, one]").unwrap_err().message().text(Lang::En),
            "'one' at character 5 is not a number"
        );
        assert_eq!(
            parse_list("[0 1]").unwrap_err().message().text(Lang::En),
            "expected ',' or ']' at character 4, found '1'"
        );
        assert_eq!(parse_list("").unwrap_err().message().text(Lang::En), "expected a number or a list, found nothing");
        assert_eq!(parse_list("[1] x").unwrap_err().message().text(Lang::En), "unexpected 'x' at character 5");
        assert_eq!(parse_list("[1e999]").unwrap_err().message().text(Lang::En), "1e999 is too large for a number");
        assert_eq!(
            parse_list("[[0, 1], [0]]").unwrap_err().message().text(Lang::En),
            "the lists are ragged: one has 1 entries where 2 were expected"
        );
        assert_eq!(
            parse_list("[[0, 1], 0]").unwrap_err().message().text(Lang::En),
            "the lists are ragged: a number appears where a list was expected"
        );
        assert_eq!(
            parse_list("[0, [1]]").unwrap_err().message().text(Lang::En),
            "the lists are ragged: a list appears where a number was expected"
        );
    }
}
