//! The evaluator behind `losslab eval` and the page's calculators: a JSON
//! array of calls in, a JSON array of answers out, one per call, in order.
//!
//! ```
//! let out = losslab::eval::eval_json(
//!     r#"[{"fn": "binary_crossentropy", "args": {"y_true": [0,0,1,1], "y_pred": [1,1,1,0]}},
//!         {"fn": "no_such_loss"}]"#,
//! ).unwrap();
//! assert!(out.starts_with(r#"[{"result":11.522856712341309},{"error":"unknown fn"#));
//! ```
//!
//! `"code": "keras" | "keras3" | "torch" | "sklearn"` in a call adds the
//! code that reproduces its answer in that framework (a loss call then
//! follows that framework's semantics):
//!
//! ```
//! let out = losslab::eval::eval_json(
//!     r#"[{"fn": "binary_crossentropy", "args": {"y_true": [0,0,1,1], "y_pred": [1,1,1,0]}, "code": "torch"}]"#,
//! ).unwrap();
//! assert!(out.contains(r#""result":75.0"#) && out.contains(r#"# prints 75.0\n"#));
//! ```

mod calibration;
mod call;
mod code;
mod dataset;
pub mod json;
mod softmax;

pub use calibration::CalibrationRequest;
pub use call::{
    evaluate_call, evaluate_cross_entropy, evaluate_loss, parse_call, Alias, Answer, Args, Call, CallError, Dtype,
    Function,
};
pub use dataset::{Dataset, DatasetRequest};

use serde_json::{json, Value};
use std::fmt;

/// Input the evaluator cannot read at all (as opposed to one bad call).
#[derive(Clone, Debug, PartialEq)]
pub enum EvalError {
    /// Not JSON.
    NotJson(String),
    /// JSON, but not an array of calls.
    NotAnArray(String),
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::NotJson(e) => write!(f, "the input is not JSON: {e}"),
            EvalError::NotAnArray(got) => write!(f, "the input must be a JSON array of calls, got {got}"),
        }
    }
}

impl std::error::Error for EvalError {}

/// One call as JSON in, `{"result": …}` or `{"error": "…"}` out. Never panics.
///
/// ```
/// use serde_json::json;
/// let a = losslab::eval::evaluate(&json!({"fn": "sparse_categorical_crossentropy",
///     "args": {"y_true": [3], "y_pred": [[0.2, 0.8]]}}));
/// assert!(a["error"].as_str().unwrap().contains("out of range"));
/// ```
pub fn evaluate(call: &Value) -> Value {
    let run = || {
        let call = parse_call(call)?;
        let answer = evaluate_call(&call)?;
        Ok((answer.to_json(), code::code(&call, &answer)))
    };
    // A panic would be a bug; report it in the call's slot rather than
    // losing every other answer.
    let outcome = std::panic::catch_unwind(run).unwrap_or(Err(CallError::Internal));
    match outcome {
        Ok((result, None)) => json!({ "result": result }),
        Ok((result, Some(code))) => json!({ "result": result, "code": code }),
        Err(e) => json!({ "error": e.to_string() }),
    }
}

/// A parsed JSON array of calls in, the array of answers out.
pub fn eval_value(calls: &Value) -> Result<Value, EvalError> {
    match calls {
        Value::Array(items) => Ok(Value::Array(items.iter().map(evaluate).collect())),
        other => Err(EvalError::NotAnArray(json::describe(other))),
    }
}

/// Text in, text out: what `losslab eval` prints.
pub fn eval_json(input: &str) -> Result<String, EvalError> {
    let v: Value = serde_json::from_str(input).map_err(|e| EvalError::NotJson(e.to_string()))?;
    let out = eval_value(&v)?;
    Ok(out.to_string())
}
