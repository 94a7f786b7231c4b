//! A calculator's answer: one evaluator call per semantics on what the
//! reader typed, each printed as its framework prints it.

use super::list::parse_list;
use crate::core::array::NdArray;
use crate::core::losses::{CrossEntropy, LossError, LossOptions, LossValue};
use crate::core::semantics::{Reduction, Semantics};
use crate::eval::{evaluate_cross_entropy, Dtype};
use crate::i18n::{Lang, Message};
use crate::number::format::{self, numpy, numpy_array};
use crate::state::CalculatorInput;

/// Which loss a calculator computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loss {
    Binary,
    Categorical,
}

impl Loss {
    pub fn kind(self) -> CrossEntropy {
        match self {
            Loss::Binary => CrossEntropy::Binary,
            Loss::Categorical => CrossEntropy::Categorical,
        }
    }
}

/// A mistake in what the reader typed, naming the field.
#[derive(Clone, Debug, PartialEq)]
pub struct InputError {
    /// The argument's name, as the frameworks spell it (`y_true`), or
    /// [`WHOLE_CALL`] for the call as a whole.
    pub field: &'static str,
    pub problem: Message,
}

/// [`InputError::field`] where every semantics refuses the call: its
/// words name the arguments themselves (`y_true has shape [3] but y_pred
/// has shape [2]`).
pub const WHOLE_CALL: &str = "input";

impl InputError {
    /// The mistake in words, naming the field (the call as a whole names
    /// its arguments itself).
    pub fn message(&self) -> Message {
        if self.field == WHOLE_CALL {
            return self.problem.clone();
        }
        Message::new("calc.input-error").with("field", self.field).with_message("problem", self.problem.clone())
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().text(Lang::En))
    }
}

/// One semantics' answer: the printed value, or why that framework refuses the call.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub semantics: Semantics,
    pub answer: Result<String, Message>,
}

/// A calculator's whole answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub loss: Loss,
    pub rows: Vec<Row>,
    /// The parsed inputs, for the figures and the words that follow the calculator.
    pub y_true: NdArray<f64>,
    pub y_pred: NdArray<f64>,
    /// The options of the call answered (its semantics is each row's own).
    pub options: LossOptions,
    /// The class index of each one-hot row of a categorical `y_true`.
    indices: Option<NdArray<f64>>,
}

/// The call a calculator makes under one semantics.
#[derive(Clone, Debug, PartialEq)]
pub struct SemanticsCall<'a> {
    pub kind: CrossEntropy,
    pub y_true: &'a NdArray<f64>,
    pub y_pred: &'a NdArray<f64>,
    pub options: LossOptions,
}

impl Answer {
    /// The call made for `semantics`: torch's `cross_entropy` takes class
    /// indices, so one-hot rows become their index there.
    pub fn call(&self, semantics: Semantics) -> SemanticsCall<'_> {
        let options = LossOptions { semantics, ..self.options.clone() };
        let call = |kind, y_true| SemanticsCall { kind, y_true, y_pred: &self.y_pred, options: options.clone() };
        match &self.indices {
            Some(indices) if semantics == Semantics::Torch => call(CrossEntropy::Sparse, indices),
            _ => call(self.loss.kind(), &self.y_true),
        }
    }
}

/// Reads the calculator's fields and evaluates the call under every semantics.
///
/// `Err` when the input itself is unusable (it cannot be parsed, or every
/// semantics rejects it): the page then keeps showing the last good answer.
pub fn evaluate(loss: Loss, input: &CalculatorInput) -> Result<Answer, InputError> {
    let y_true = parse_field("y_true", &input.y_true)?;
    let y_pred = parse_field("y_pred", &input.y_pred)?;
    let options = options(input)?;
    let indices = (loss == Loss::Categorical).then(|| one_hot_indices(&y_true)).flatten().map(|i| labels(&i));
    let mut answer = Answer { loss, rows: Vec::new(), y_true, y_pred, options, indices };
    answer.rows = Semantics::ALL
        .into_iter()
        .map(|semantics| {
            let call = answer.call(semantics);
            // The frameworks print float32; exact computes in float64 regardless.
            let value = evaluate_cross_entropy(call.kind, call.y_true, call.y_pred, &call.options, Dtype::Float32);
            Row { semantics, answer: printed(value) }
        })
        .collect();
    if answer.rows.iter().all(|r| r.answer.is_err()) {
        if let Some(Err(first)) = answer.rows.first().map(|r| &r.answer) {
            return Err(InputError { field: WHOLE_CALL, problem: first.clone() });
        }
    }
    Ok(answer)
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
            problem: Message::new("calc.smoothing-range").with("value", format::plain(input.label_smoothing)),
        });
    }
    let reduction = Reduction::parse(&input.reduction).ok_or_else(|| InputError {
        field: "reduction",
        problem: Message::new("calc.reduction").with("value", input.reduction.as_str()),
    })?;
    Ok(LossOptions {
        from_logits: input.from_logits,
        label_smoothing: input.label_smoothing,
        reduction,
        sample_weight,
        ..LossOptions::default()
    })
}

fn parse_field(field: &'static str, text: &str) -> Result<NdArray<f64>, InputError> {
    parse_list(text).map_err(|error| InputError { field, problem: error.message() })
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
/// semantics, when `y_true` is one-hot (else `None`). Sparse takes no label
/// smoothing, so a smoothed call is answered with Keras' refusal.
pub fn sparse_equivalent(answer: &Answer) -> Option<(Vec<usize>, Result<String, Message>)> {
    let indices = one_hot_indices(&answer.y_true)?;
    let options = LossOptions { semantics: Semantics::Keras, ..answer.options.clone() };
    let sparse =
        evaluate_cross_entropy(CrossEntropy::Sparse, &labels(&indices), &answer.y_pred, &options, Dtype::Float32);
    Some((indices, printed(sparse)))
}

/// An evaluator answer as the page prints it.
fn printed(answer: Result<LossValue<f64>, LossError>) -> Result<String, Message> {
    match answer {
        Ok(LossValue::Scalar(x)) => Ok(numpy(x)),
        Ok(LossValue::Array(a)) => Ok(numpy_array(&a.shape, &a.data)),
        Err(e) => Err(e.message()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_hot_rows_become_indices() {
        let indices = |text: &str| one_hot_indices(&parse_list(text).unwrap());
        assert_eq!(indices("[[0, 1, 0], [0, 0, 1]]"), Some(vec![1, 2]));
        assert_eq!(indices("[[0.1, 0.9], [0, 1]]"), None);
        assert_eq!(indices("[[1, 1], [0, 1]]"), None);
        assert_eq!(indices("[0, 1]"), None);
    }

    fn printed(answer: &Answer) -> Vec<(&'static str, String)> {
        answer
            .rows
            .iter()
            .map(|r| (r.semantics.name(), r.answer.clone().unwrap_or_else(|e| format!("error: {}", e.text(Lang::En)))))
            .collect()
    }

    #[test]
    fn the_seeds_binary_call_as_each_framework_prints_it() {
        let answer = evaluate(Loss::Binary, &crate::state::State::default().bce_calc).unwrap();
        assert_eq!(
            printed(&answer),
            [
                ("keras", "11.522857".into()),
                ("keras3", "12.000716".into()),
                ("torch", "75.0".into()),
                ("exact", "inf".into())
            ]
        );
    }

    #[test]
    fn the_seeds_categorical_calls() {
        let mut input = crate::state::State::default().cce_calc;
        let answer = evaluate(Loss::Categorical, &input).unwrap();
        assert_eq!(answer.rows[0].answer.as_ref().unwrap(), "1.1769392");
        input.sample_weight = "[0.3, 0.7]".into();
        assert_eq!(evaluate(Loss::Categorical, &input).unwrap().rows[0].answer.as_ref().unwrap(), "0.8135988");
        input.sample_weight.clear();
        input.reduction = "none".into();
        let none = evaluate(Loss::Categorical, &input).unwrap();
        assert_eq!(none.rows[0].answer.as_ref().unwrap(), "[0.051293306, 2.3025851]");
        let (labels, sparse) = sparse_equivalent(&none).unwrap();
        assert_eq!(labels, [1, 2]);
        assert_eq!(sparse.unwrap(), "[0.051293444, 2.3025851]");
    }

    #[test]
    fn unusable_input_is_an_error_in_words() {
        let mut input = crate::state::State::default().bce_calc;
        input.y_true = "[0,1".into();
        assert_eq!(evaluate(Loss::Binary, &input).unwrap_err().field, "y_true");
        input.y_true = "[0, 1]".into();
        let error = evaluate(Loss::Binary, &input).unwrap_err();
        assert_eq!(error.field, WHOLE_CALL, "mismatched lengths are refused by every framework: {error}");
        // Its words name the arguments themselves, after no field's name.
        assert!(error.to_string().starts_with("y_true has shape [2] but y_pred has shape [4]"), "{error}");
    }
}
