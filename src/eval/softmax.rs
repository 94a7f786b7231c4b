//! The `softmax_fit` call: scikit-learn's multinomial `LogisticRegression`,
//! with label smoothing and focal γ.
//!
//! `{"fn": "softmax_fit", "args": {"x": [[x1, x2], …], "y": [class indices],
//! "C": 1.0, "label_smoothing": 0.0, "gamma": 0.0}}` answers `{"coef": K×D,
//! "intercept": K, "proba": N×K, "loss", "objective", "iterations"}`. K is
//! max(y) + 1; `x` may be a list of numbers for one feature. `C` defaults to
//! 1.0 as in scikit-learn, and `null` (or `"inf"`) means no penalty;
//! `label_smoothing` and `gamma` default to 0. The arguments are read into a
//! [`SoftmaxProblem`], which checks them.
//!
//! ```
//! let out = losslab::eval::eval_json(r#"[{"fn": "softmax_fit", "args":
//!     {"x": [[0, 0], [1, 0], [0, 1], [1, 1]], "y": [0, 1, 2, 1], "C": null}}]"#).unwrap();
//! assert!(out.contains("no finite optimum"));
//! ```

use serde_json::{json, Map, Value};

use super::json::{number, to_json as number_json, written};
use crate::core::softmax_fit::{class_labels, SoftmaxFit, SoftmaxOptions, SoftmaxProblem};
use crate::i18n::Message;

fn not_numbers(arg: &'static str, v: &Value) -> Message {
    Message::new("error.call.numbers").with("arg", arg).with("value", written(v))
}

fn a_number(arg: &'static str, v: &Value) -> Result<f64, Message> {
    number(v).ok_or_else(|| Message::new("error.softmax.number").with("arg", arg).with("value", written(v)))
}

/// A list of numbers.
fn numbers(arg: &'static str, v: &Value) -> Result<Vec<f64>, Message> {
    let Value::Array(items) = v else { return Err(not_numbers(arg, v)) };
    items.iter().map(|item| number(item).ok_or_else(|| not_numbers(arg, v))).collect()
}

/// The points: rows of features, or numbers (one feature each). Rows of
/// different lengths are left for the problem to explain.
fn points(v: &Value) -> Result<Vec<Vec<f64>>, Message> {
    let Value::Array(items) = v else { return Err(not_numbers("x", v)) };
    items
        .iter()
        .map(|item| match item {
            Value::Array(_) => numbers("x", item).map_err(|_| not_numbers("x", v)),
            _ => number(item).map(|x| vec![x]).ok_or_else(|| not_numbers("x", v)),
        })
        .collect()
}

/// Reads `x`, `y` (or `y_true`), `C`, `label_smoothing` and `gamma`, and
/// checks them as a problem; a mistake in words.
pub(super) fn parse_softmax_args(args: &Map<String, Value>) -> Result<SoftmaxProblem, Message> {
    let (mut x, mut y) = (None, None);
    let mut options = SoftmaxOptions::default();
    for (key, v) in args {
        match key.as_str() {
            "C" if v.is_null() => options.c = None,
            _ if v.is_null() => {}
            "x" => x = Some(points(v)?),
            "y" | "y_true" => y = Some(numbers("y", v)?),
            "C" => options.c = Some(a_number("C", v)?),
            "label_smoothing" => options.label_smoothing = a_number("label_smoothing", v)?,
            "gamma" => options.gamma = a_number("gamma", v)?,
            other => {
                return Err(Message::new("error.call.option").with("function", "softmax_fit").with("option", other))
            }
        }
    }
    let missing = |arg: &str| Message::new("error.call.missing").with("arg", arg);
    let x = x.ok_or_else(|| missing("x"))?;
    let y = class_labels(&y.ok_or_else(|| missing("y"))?).map_err(|e| e.message())?;
    SoftmaxProblem::new(&x, &y, &options).map_err(|e| e.message())
}

/// The converged fit, and each point's class probabilities.
pub(super) fn answer(problem: &SoftmaxProblem) -> Result<(SoftmaxFit, Vec<Vec<f64>>), Message> {
    let fit = problem.fit().map_err(|e| e.message())?;
    let proba = (0..problem.point_count()).map(|i| fit.model.proba(problem.point(i))).collect();
    Ok((fit, proba))
}

/// The answer's `result`.
pub(super) fn to_json(fit: &SoftmaxFit, proba: &[Vec<f64>]) -> Value {
    let list = |v: &[f64]| v.iter().map(|&x| number_json(x)).collect::<Vec<_>>();
    json!({
        "coef": fit.model.coef_rows().iter().map(|r| list(r)).collect::<Vec<_>>(),
        "intercept": list(&fit.model.intercept),
        "proba": proba.iter().map(|r| list(r)).collect::<Vec<_>>(),
        "loss": number_json(fit.loss),
        "objective": number_json(fit.objective),
        "iterations": fit.iterations,
    })
}
