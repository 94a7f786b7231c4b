//! `softmax_fit`: scikit-learn's multinomial `LogisticRegression`, with label
//! smoothing and focal γ. The arguments are read into a
//! [`SoftmaxProblem`], checked there once; the answer is the core's fit.
//!
//! ```
//! let out = losslab::eval::eval_json(r#"[{"fn": "softmax_fit", "args":
//!     {"x": [[0, 0], [1, 0], [0, 1], [1, 1]], "y": [0, 1, 2, 1], "C": null}}]"#).unwrap();
//! assert!(out.contains("no finite optimum"));
//! ```

use super::call::{Answer, Args, CallError};
use super::json::{describe, number, to_json};
use crate::core::softmax_fit::{class_labels, SoftmaxFit, SoftmaxOptions, SoftmaxProblem};
use serde_json::{json, Map, Value};

const NAME: &str = "softmax_fit";

fn bad(arg: &str, why: String) -> CallError {
    CallError::BadArg { arg: arg.to_string(), why }
}

fn get_number(arg: &str, v: &Value) -> Result<f64, CallError> {
    number(v).ok_or_else(|| bad(arg, format!("must be a number, got {}", describe(v))))
}

/// A list of numbers.
fn numbers(arg: &str, v: &Value) -> Result<Vec<f64>, CallError> {
    let Value::Array(items) = v else {
        return Err(bad(arg, format!("must be a list of numbers, got {}", describe(v))));
    };
    items.iter().map(|item| number(item).ok_or_else(|| bad(arg, format!("contains {}, which is not a number", describe(item))))).collect()
}

/// The points: a list of rows of features, or a list of numbers (one feature).
/// Rows of different lengths are left for the core to explain.
fn points(v: &Value) -> Result<Vec<Vec<f64>>, CallError> {
    let Value::Array(items) = v else {
        return Err(bad("x", format!("must be a list of points, got {}", describe(v))));
    };
    items
        .iter()
        .map(|item| match item {
            Value::Array(_) => numbers("x", item),
            _ => number(item).map(|x| vec![x]).ok_or_else(|| bad("x", format!("contains {}, which is not a number", describe(item)))),
        })
        .collect()
}

/// Reads `x`, `y` (or `y_true`), `C` (absent: 1.0; null or "inf": no
/// penalty), `penalty` ("l2", or null/"none" for none), `label_smoothing`
/// and `gamma` (absent or null: 0).
pub(super) fn parse_args(args: &Map<String, Value>) -> Result<Args, CallError> {
    let (mut x, mut y) = (None, None);
    let mut options = SoftmaxOptions::default();
    let mut unpenalised = false;
    for (key, v) in args {
        match key.as_str() {
            "x" => x = Some(points(v)?),
            "y" | "y_true" => y = Some(numbers(key, v)?),
            "C" => options.c = if v.is_null() { None } else { Some(get_number("C", v)?) },
            "penalty" => match v {
                Value::Null => unpenalised = true,
                Value::String(s) if s == "none" => unpenalised = true,
                Value::String(s) if s == "l2" => {}
                other => return Err(bad("penalty", format!("must be \"l2\" or null, got {}", describe(other)))),
            },
            "label_smoothing" if !v.is_null() => options.label_smoothing = get_number(key, v)?,
            "gamma" if !v.is_null() => options.gamma = get_number(key, v)?,
            "label_smoothing" | "gamma" => {}
            other => return Err(CallError::UnknownOption { function: NAME.into(), option: other.into() }),
        }
    }
    if unpenalised {
        options.c = None;
    }
    let x = x.ok_or(CallError::MissingArg("x"))?;
    let y = class_labels(&y.ok_or(CallError::MissingArg("y"))?)?;
    Ok(Args::SoftmaxFit(SoftmaxProblem::new(&x, &y, &options)?))
}

/// The converged fit and each point's class probabilities.
pub(super) fn answer(problem: &SoftmaxProblem) -> Result<Answer, CallError> {
    let fit = problem.fit()?;
    let proba = (0..problem.point_count()).map(|i| fit.model.proba(problem.point(i))).collect();
    Ok(Answer::SoftmaxFit { fit, proba })
}

/// `{"coef": K×D, "intercept": K, "proba": N×K, "loss", "objective", "iterations"}`.
pub(super) fn to_json_answer(fit: &SoftmaxFit, proba: &[Vec<f64>]) -> Value {
    let list = |v: &[f64]| v.iter().map(|&x| to_json(x)).collect::<Vec<_>>();
    json!({
        "coef": fit.model.coef_rows().iter().map(|r| list(r)).collect::<Vec<_>>(),
        "intercept": list(&fit.model.intercept),
        "proba": proba.iter().map(|r| list(r)).collect::<Vec<_>>(),
        "loss": to_json(fit.loss),
        "objective": to_json(fit.objective),
        "iterations": fit.iterations,
    })
}
