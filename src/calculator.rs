//! The page's loss calculators, without the page: read what the reader typed
//! (Python-style lists such as `[0., 0., 1., 1.]`), make one evaluator call
//! per semantics, and format the answers as the frameworks print them.
//!
//! Every number comes from [`crate::eval::evaluate_cross_entropy`], the evaluator
//! behind `losslab eval`.

use crate::core::array::NdArray;
use crate::core::losses::{CrossEntropy, LossError, LossOptions, LossValue};
use crate::core::semantics::{Reduction, Semantics};
use crate::eval::{evaluate_cross_entropy, Dtype};
use crate::number::format::{numpy, numpy_array};
use crate::number::parse_f64;
use crate::state::CalculatorInput;

/// Which loss a calculator computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loss {
    Binary,
    Categorical,
}

impl Loss {
    fn kind(self) -> CrossEntropy {
        match self {
            Loss::Binary => CrossEntropy::Binary,
            Loss::Categorical => CrossEntropy::Categorical,
        }
    }
}

/// A mistake in what the reader typed, said in words, naming the field.
#[derive(Clone, Debug, PartialEq)]
pub struct InputError {
    pub field: &'static str,
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// One semantics' answer: the printed value, or why that framework refuses the call.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub semantics: &'static str,
    pub answer: Result<String, String>,
}

/// A calculator's whole answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub rows: Vec<Row>,
    /// The parsed inputs, for the figures that follow the calculator.
    pub y_true: NdArray<f64>,
    pub y_pred: NdArray<f64>,
}

/// Reads the calculator's fields and evaluates the call under every semantics.
///
/// `Err` when the input itself is unusable (it cannot be parsed, or every
/// semantics rejects it): the page then keeps showing the last good answer.
pub fn evaluate(loss: Loss, input: &CalculatorInput) -> Result<Answer, InputError> {
    let y_true = parse_field("y_true", &input.y_true)?;
    let y_pred = parse_field("y_pred", &input.y_pred)?;
    let options = options(input)?;
    let rows: Vec<Row> = Semantics::ALL
        .into_iter()
        .map(|semantics| Row { semantics: semantics.name(), answer: printed(answer(loss, semantics, &y_true, &y_pred, &options)) })
        .collect();
    if rows.iter().all(|r| r.answer.is_err()) {
        if let Some(Err(first)) = rows.first().map(|r| &r.answer) {
            return Err(InputError { field: "input", message: first.clone() });
        }
    }
    Ok(Answer { rows, y_true, y_pred })
}

/// The options every semantics shares, from the calculator's fields.
fn options(input: &CalculatorInput) -> Result<LossOptions, InputError> {
    let sample_weight = match input.sample_weight.trim() {
        "" => None,
        text => Some(parse_field("sample_weight", text)?),
    };
    if !(0.0..=1.0).contains(&input.label_smoothing) {
        return Err(InputError {
            field: "label_smoothing",
            message: format!("must be between 0 and 1, not {}", input.label_smoothing),
        });
    }
    let reduction = Reduction::parse(&input.reduction).ok_or_else(|| InputError {
        field: "reduction",
        message: format!("\"{}\" is not sum_over_batch_size, sum or none", input.reduction),
    })?;
    Ok(LossOptions { from_logits: input.from_logits, label_smoothing: input.label_smoothing, reduction, sample_weight, ..LossOptions::default() })
}

fn parse_field(field: &'static str, text: &str) -> Result<NdArray<f64>, InputError> {
    parse_list(text).map_err(|message| InputError { field, message })
}

/// One semantics' call. torch's `cross_entropy` takes class indices, so
/// one-hot rows become their index there.
fn answer(
    loss: Loss,
    semantics: Semantics,
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    options: &LossOptions,
) -> Result<LossValue<f64>, LossError> {
    let options = LossOptions { semantics, ..options.clone() };
    // The frameworks print float32; exact computes in float64 regardless.
    let torch_indices = (loss == Loss::Categorical && semantics == Semantics::Torch).then(|| one_hot_indices(y_true)).flatten();
    match torch_indices {
        Some(indices) => evaluate_cross_entropy(CrossEntropy::Sparse, &labels(&indices), y_pred, &options, Dtype::Float32),
        None => evaluate_cross_entropy(loss.kind(), y_true, y_pred, &options, Dtype::Float32),
    }
}

fn labels(indices: &[usize]) -> NdArray<f64> {
    NdArray::from_vec(indices.iter().map(|&i| i as f64).collect())
}

/// The class index of each row when `y_true` is a list of one-hot rows.
pub fn one_hot_indices(y_true: &NdArray<f64>) -> Option<Vec<usize>> {
    if y_true.rank() != 2 || y_true.rows() == 0 {
        return None;
    }
    (0..y_true.rows())
        .map(|i| {
            let row = y_true.row(i);
            let one = row.iter().position(|&v| v == 1.0)?;
            let zeros = row.iter().filter(|&&v| v == 0.0).count();
            (zeros + 1 == row.len()).then_some(one)
        })
        .collect()
}

/// The sparse categorical cross-entropy of the same call under keras
/// semantics, when `y_true` is one-hot (else `None`).
pub fn sparse_equivalent(input: &CalculatorInput, answer: &Answer) -> Option<(Vec<usize>, Result<String, String>)> {
    let indices = one_hot_indices(&answer.y_true)?;
    let options = LossOptions {
        from_logits: input.from_logits,
        reduction: Reduction::parse(&input.reduction)?,
        sample_weight: parse_list(&input.sample_weight).ok(),
        ..LossOptions::default()
    };
    let sparse = evaluate_cross_entropy(CrossEntropy::Sparse, &labels(&indices), &answer.y_pred, &options, Dtype::Float32);
    Some((indices, printed(sparse)))
}

/// An evaluator answer as the page prints it.
fn printed(answer: Result<LossValue<f64>, LossError>) -> Result<String, String> {
    match answer {
        Ok(LossValue::Scalar(x)) => Ok(numpy(x)),
        Ok(LossValue::Array(a)) => Ok(numpy_array(&a.shape, &a.data)),
        Err(e) => Err(e.to_string()),
    }
}

/// Parses a Python- or JSON-style list of numbers, nested to any depth:
/// `[0., 0., 1., 1.]`, `[[0, 1, 0], [0, 0, 1]]`, `0.5`, with `nan`, `inf` and
/// `-inf` allowed (the evaluator answers them in words). Errors say where.
pub fn parse_list(text: &str) -> Result<NdArray<f64>, String> {
    let mut parser = ListParser { chars: text.char_indices().peekable(), text };
    let item = parser.value()?;
    parser.skip_space();
    if let Some((at, c)) = parser.chars.next() {
        return Err(format!("unexpected '{c}' at character {}", at + 1));
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
    fn into_array(self) -> Result<NdArray<f64>, String> {
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

    fn flatten(self, shape: &[usize], out: &mut Vec<f64>) -> Result<(), String> {
        match (self, shape.split_first()) {
            (Item::List(items), Some((&n, rest))) => {
                if items.len() != n {
                    return Err(format!("the lists are ragged: one has {} entries where {n} were expected", items.len()));
                }
                items.into_iter().try_for_each(|item| item.flatten(rest, out))
            }
            (Item::List(_), None) => Err("the lists are ragged: a list appears where a number was expected".into()),
            (Item::Number(_), Some(_)) => Err("the lists are ragged: a number appears where a list was expected".into()),
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

    fn value(&mut self) -> Result<Item, String> {
        self.skip_space();
        match self.chars.peek().copied() {
            None => Err("expected a number or a list, found nothing".into()),
            Some((_, '[' | '(')) => self.list(),
            Some((at, _)) => self.number(at),
        }
    }

    fn list(&mut self) -> Result<Item, String> {
        let Some((open_at, open)) = self.chars.next() else {
            return Err("expected a list, found nothing".into());
        };
        let close = if open == '[' { ']' } else { ')' };
        let mut items = Vec::new();
        loop {
            self.skip_space();
            match self.chars.peek().copied() {
                None => return Err(format!("the '{open}' at character {} is never closed", open_at + 1)),
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
                Some((at, c)) => return Err(format!("expected ',' or '{close}' at character {}, found '{c}'", at + 1)),
                None => return Err(format!("the '{open}' at character {} is never closed", open_at + 1)),
            }
        }
    }

    fn number(&mut self, start: usize) -> Result<Item, String> {
        let mut end = start;
        while let Some((at, c)) = self.chars.next_if(|(_, c)| !matches!(c, ',' | ']' | ')' | '[' | '(') && !c.is_whitespace()) {
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
            Some(_) => Err(format!("{word} is too large for a number")),
            None if word.is_empty() => Err(format!("expected a number at character {}", start + 1)),
            None => Err(format!("'{word}' at character {} is not a number", start + 1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(parse_list("[0,1").unwrap_err(), "the '[' at character 1 is never closed");
        assert_eq!(parse_list("[0, one]").unwrap_err(), "'one' at character 5 is not a number");
        assert_eq!(parse_list("[0 1]").unwrap_err(), "expected ',' or ']' at character 4, found '1'");
        assert_eq!(parse_list("").unwrap_err(), "expected a number or a list, found nothing");
        assert_eq!(parse_list("[1] x").unwrap_err(), "unexpected 'x' at character 5");
        assert_eq!(parse_list("[1e999]").unwrap_err(), "1e999 is too large for a number");
        assert_eq!(parse_list("[[0, 1], [0]]").unwrap_err(), "the lists are ragged: one has 1 entries where 2 were expected");
        assert_eq!(parse_list("[[0, 1], 0]").unwrap_err(), "the lists are ragged: a number appears where a list was expected");
        assert_eq!(parse_list("[0, [1]]").unwrap_err(), "the lists are ragged: a list appears where a number was expected");
    }


    #[test]
    fn one_hot_rows_become_indices() {
        let indices = |text: &str| one_hot_indices(&parse_list(text).unwrap());
        assert_eq!(indices("[[0, 1, 0], [0, 0, 1]]"), Some(vec![1, 2]));
        assert_eq!(indices("[[0.1, 0.9], [0, 1]]"), None);
        assert_eq!(indices("[[1, 1], [0, 1]]"), None);
        assert_eq!(indices("[0, 1]"), None);
    }

    fn printed(answer: &Answer) -> Vec<(&'static str, String)> {
        answer.rows.iter().map(|r| (r.semantics, r.answer.clone().unwrap_or_else(|e| format!("error: {e}")))).collect()
    }

    #[test]
    fn the_seeds_binary_call_as_each_framework_prints_it() {
        let answer = evaluate(Loss::Binary, &crate::state::State::default().bce_calc).unwrap();
        assert_eq!(
            printed(&answer),
            [("keras", "11.522857".into()), ("keras3", "12.000716".into()), ("torch", "75.0".into()), ("exact", "inf".into())]
        );
    }

    #[test]
    fn the_seeds_categorical_calls() {
        let mut input = crate::state::State::default().cce_calc;
        let answer = evaluate(Loss::Categorical, &input).unwrap();
        assert_eq!(answer.rows[0].answer.as_deref(), Ok("1.1769392"));
        input.sample_weight = "[0.3, 0.7]".into();
        assert_eq!(evaluate(Loss::Categorical, &input).unwrap().rows[0].answer.as_deref(), Ok("0.8135988"));
        input.sample_weight.clear();
        input.reduction = "none".into();
        let none = evaluate(Loss::Categorical, &input).unwrap();
        assert_eq!(none.rows[0].answer.as_deref(), Ok("[0.051293306, 2.3025851]"));
        let (labels, sparse) = sparse_equivalent(&input, &none).unwrap();
        assert_eq!(labels, [1, 2]);
        assert_eq!(sparse.as_deref(), Ok("[0.051293444, 2.3025851]"));
    }

    #[test]
    fn unusable_input_is_an_error_in_words() {
        let mut input = crate::state::State::default().bce_calc;
        input.y_true = "[0,1".into();
        assert_eq!(evaluate(Loss::Binary, &input).unwrap_err().field, "y_true");
        input.y_true = "[0, 1]".into();
        let error = evaluate(Loss::Binary, &input).unwrap_err();
        assert_eq!(error.field, "input", "mismatched lengths are refused by every framework: {error}");
    }
}
