//! The page's loss calculators, without the page: read what the reader typed
//! (Python-style lists such as `[0., 0., 1., 1.]`), build one evaluator call
//! per semantics, and format the answers as the frameworks print them.
//!
//! Every number comes from [`crate::eval`], the evaluator behind `losslab eval`.

use serde_json::{json, Map, Value};

use crate::state::CalculatorInput;

/// Which loss a calculator computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loss {
    Binary,
    Categorical,
}

impl Loss {
    fn keras_name(self) -> &'static str {
        match self {
            Loss::Binary => "binary_crossentropy",
            Loss::Categorical => "categorical_crossentropy",
        }
    }
}

/// The four semantics, in the order the page lists them.
pub const SEMANTICS: [&str; 4] = ["keras", "keras3", "torch", "exact"];

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
    pub y_true: Value,
    pub y_pred: Value,
}

/// Reads the calculator's fields and evaluates the call under every semantics.
///
/// `Err` when the input itself is unusable (it cannot be parsed, or every
/// semantics rejects it): the page then keeps showing the last good answer.
pub fn evaluate(loss: Loss, input: &CalculatorInput) -> Result<Answer, InputError> {
    let y_true = parse_list(&input.y_true).map_err(|message| InputError { field: "y_true", message })?;
    let y_pred = parse_list(&input.y_pred).map_err(|message| InputError { field: "y_pred", message })?;
    let sample_weight = if input.sample_weight.trim().is_empty() {
        Value::Null
    } else {
        parse_list(&input.sample_weight).map_err(|message| InputError { field: "sample_weight", message })?
    };
    if !(0.0..=1.0).contains(&input.label_smoothing) {
        return Err(InputError {
            field: "label_smoothing",
            message: format!("must be between 0 and 1, not {}", input.label_smoothing),
        });
    }
    let rows: Vec<Row> = SEMANTICS
        .iter()
        .map(|&semantics| {
            let call = call_for(loss, semantics, input, &y_true, &y_pred, &sample_weight);
            Row { semantics, answer: answer_text(&crate::eval::evaluate(&call)) }
        })
        .collect();
    if let Some(first) = rows.iter().find_map(|r| r.answer.as_ref().err()) {
        if rows.iter().all(|r| r.answer.is_err()) {
            return Err(InputError { field: "input", message: first.clone() });
        }
    }
    Ok(Answer { rows, y_true, y_pred })
}

/// The evaluator call for one semantics. torch names its reductions
/// differently and takes class indices for categorical losses.
fn call_for(
    loss: Loss,
    semantics: &str,
    input: &CalculatorInput,
    y_true: &Value,
    y_pred: &Value,
    sample_weight: &Value,
) -> Value {
    let mut args = Map::new();
    let mut y_true = y_true.clone();
    let mut name = loss.keras_name();
    let mut reduction = input.reduction.as_str();
    if semantics == "torch" {
        reduction = match reduction {
            "sum_over_batch_size" => "mean",
            other => other,
        };
        if loss == Loss::Categorical {
            // torch's cross_entropy takes class indices; one-hot rows become their index.
            if let Some(indices) = one_hot_indices(&y_true) {
                y_true = json!(indices);
                name = "sparse_categorical_crossentropy";
            }
        }
    }
    args.insert("y_true".into(), y_true);
    args.insert("y_pred".into(), y_pred.clone());
    args.insert("from_logits".into(), json!(input.from_logits));
    args.insert("label_smoothing".into(), json!(input.label_smoothing));
    args.insert("reduction".into(), json!(reduction));
    if !sample_weight.is_null() {
        args.insert("sample_weight".into(), sample_weight.clone());
    }
    let dtype = if semantics == "exact" { "float64" } else { "float32" };
    json!({ "fn": name, "args": args, "semantics": semantics, "dtype": dtype })
}

/// The class index of each row when `y_true` is a list of one-hot rows.
pub fn one_hot_indices(y_true: &Value) -> Option<Vec<usize>> {
    let rows = y_true.as_array()?;
    if rows.is_empty() {
        return None;
    }
    rows.iter()
        .map(|row| {
            let row = row.as_array()?;
            let values: Vec<f64> = row.iter().map(Value::as_f64).collect::<Option<_>>()?;
            let ones: Vec<usize> = values.iter().enumerate().filter(|(_, &v)| v == 1.0).map(|(i, _)| i).collect();
            let zeros = values.iter().filter(|&&v| v == 0.0).count();
            (ones.len() == 1 && zeros + 1 == values.len()).then(|| ones[0])
        })
        .collect()
}

/// The sparse categorical cross-entropy of the same call under keras
/// semantics, when `y_true` is one-hot (else `None`).
pub fn sparse_equivalent(input: &CalculatorInput, answer: &Answer) -> Option<(Vec<usize>, Result<String, String>)> {
    let labels = one_hot_indices(&answer.y_true)?;
    let mut args = Map::new();
    args.insert("y_true".into(), json!(labels));
    args.insert("y_pred".into(), answer.y_pred.clone());
    args.insert("from_logits".into(), json!(input.from_logits));
    args.insert("reduction".into(), json!(input.reduction));
    if let Ok(weights) = parse_list(&input.sample_weight) {
        args.insert("sample_weight".into(), weights);
    }
    let call = json!({ "fn": "sparse_categorical_crossentropy", "args": args, "semantics": "keras", "dtype": "float32" });
    Some((labels, answer_text(&crate::eval::evaluate(&call))))
}

/// An evaluator answer as the page prints it.
fn answer_text(answer: &Value) -> Result<String, String> {
    if let Some(error) = answer.get("error") {
        return Err(error.as_str().unwrap_or("the call was rejected").to_owned());
    }
    match answer.get("result") {
        Some(result) => Ok(format_value(result)),
        None => Err("the evaluator gave no answer".to_owned()),
    }
}

/// A result as numpy prints it: scalars bare, lists in brackets, the
/// evaluator's `"inf"`/`"nan"` strings as `inf`/`nan`.
pub fn format_value(value: &Value) -> String {
    match value {
        Value::Array(items) => format!("[{}]", items.iter().map(format_value).collect::<Vec<_>>().join(", ")),
        Value::Number(n) => n.as_f64().map(format_number).unwrap_or_else(|| n.to_string()),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The shortest decimal that reads back as the same float32 when the value
/// is one, else as the same float64 — the way numpy prints each dtype.
pub fn format_number(v: f64) -> String {
    if !v.is_finite() {
        return if v.is_nan() { "nan".into() } else if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let single = v as f32;
    let text = if f64::from(single) == v { format!("{single}") } else { format!("{v}") };
    // numpy writes whole numbers with a trailing ".0" (75.0, not 75).
    if text.contains(['.', 'e']) {
        text
    } else {
        text + ".0"
    }
}

/// Parses a Python- or JSON-style list of numbers, nested to any depth:
/// `[0., 0., 1., 1.]`, `[[0, 1, 0], [0, 0, 1]]`, `0.5`, with `nan`, `inf` and
/// `-inf` allowed (the evaluator answers them in words). Errors say where.
pub fn parse_list(text: &str) -> Result<Value, String> {
    let mut parser = ListParser { chars: text.char_indices().peekable(), text };
    let value = parser.value()?;
    parser.skip_space();
    match parser.chars.next() {
        None => Ok(value),
        Some((at, c)) => Err(format!("unexpected '{c}' at character {}", at + 1)),
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

    fn value(&mut self) -> Result<Value, String> {
        self.skip_space();
        match self.chars.peek().copied() {
            None => Err("expected a number or a list, found nothing".into()),
            Some((_, '[' | '(')) => self.list(),
            Some((at, _)) => self.number(at),
        }
    }

    fn list(&mut self) -> Result<Value, String> {
        let (open_at, open) = self.chars.next().expect("list() is called on a bracket");
        let close = if open == '[' { ']' } else { ')' };
        let mut items = Vec::new();
        loop {
            self.skip_space();
            match self.chars.peek().copied() {
                None => return Err(format!("the '{open}' at character {} is never closed", open_at + 1)),
                Some((_, c)) if c == close => {
                    self.chars.next();
                    return Ok(Value::Array(items));
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

    fn number(&mut self, start: usize) -> Result<Value, String> {
        let mut end = start;
        while let Some((at, c)) = self.chars.next_if(|(_, c)| !matches!(c, ',' | ']' | ')' | '[' | '(') && !c.is_whitespace()) {
            end = at + c.len_utf8();
        }
        let word = &self.text[start..end];
        let lower = word.to_ascii_lowercase();
        let special = match lower.trim_start_matches('+') {
            "nan" | "-nan" => Some("nan"),
            "inf" | "infinity" => Some("inf"),
            "-inf" | "-infinity" => Some("-inf"),
            _ => None,
        };
        if let Some(special) = special {
            return Ok(Value::String(special.into()));
        }
        match word.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(json!(v)),
            Ok(_) => Err(format!("{word} is too large for a number")),
            Err(_) if word.is_empty() => Err(format!("expected a number at character {}", start + 1)),
            Err(_) => Err(format!("'{word}' at character {} is not a number", start + 1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_python_style_lists() {
        assert_eq!(parse_list("[0., 0., 1., 1.]").unwrap(), json!([0.0, 0.0, 1.0, 1.0]));
        assert_eq!(parse_list(" [[0, 1, 0], [0, 0, 1]] ").unwrap(), json!([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]));
        assert_eq!(parse_list("(.5, -2e-3)").unwrap(), json!([0.5, -0.002]));
        assert_eq!(parse_list("[nan, inf, -inf]").unwrap(), json!(["nan", "inf", "-inf"]));
        assert_eq!(parse_list("[]").unwrap(), json!([]));
    }

    #[test]
    fn says_where_a_list_is_wrong() {
        assert_eq!(parse_list("[0,1").unwrap_err(), "the '[' at character 1 is never closed");
        assert_eq!(parse_list("[0, one]").unwrap_err(), "'one' at character 5 is not a number");
        assert_eq!(parse_list("[0 1]").unwrap_err(), "expected ',' or ']' at character 4, found '1'");
        assert_eq!(parse_list("").unwrap_err(), "expected a number or a list, found nothing");
        assert_eq!(parse_list("[1] x").unwrap_err(), "unexpected 'x' at character 5");
        assert_eq!(parse_list("[1e999]").unwrap_err(), "1e999 is too large for a number");
    }

    #[test]
    fn prints_float32_as_numpy_does() {
        assert_eq!(format_number(f64::from(11.522_857_f32)), "11.522857");
        assert_eq!(format_number(75.0), "75.0");
        assert_eq!(format_number(0.8654579497810972), "0.8654579497810972");
        assert_eq!(format_number(f64::INFINITY), "inf");
        assert_eq!(format_value(&json!([0.5, "nan"])), "[0.5, nan]");
    }

    #[test]
    fn one_hot_rows_become_indices() {
        assert_eq!(one_hot_indices(&json!([[0, 1, 0], [0, 0, 1]])), Some(vec![1, 2]));
        assert_eq!(one_hot_indices(&json!([[0.1, 0.9], [0, 1]])), None);
        assert_eq!(one_hot_indices(&json!([0, 1])), None);
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
