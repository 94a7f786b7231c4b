//! The `calibration` call: scikit-learn's `calibration_curve` bins with ECE,
//! MCE, Brier score and log loss.
//!
//! `{"fn": "calibration", "args": {"y_true": [...], "y_prob": [...],
//! "n_bins": 5, "strategy": "uniform"}}` answers `{"prob_true": [...],
//! "prob_pred": [...], "counts": [...], "ece": …, "mce": …, "brier": …,
//! "log_loss": …}`. `y_prob` is a list of P(y = 1) against labels 0/1, or a
//! list of rows of class probabilities against class indices (judged
//! top-label; `y_pred` is read as `y_prob`). `n_bins` defaults to 5 and
//! `strategy` to `uniform`, as in scikit-learn.

use serde_json::{json, Map, Value};

use super::json::{array, to_json as number_json, written};
use crate::core::array::NdArray;
use crate::core::calibration::{calibration, BinStrategy, Calibration, CalibrationError, Predictions};
use crate::i18n::Message;

/// A calibration call's arguments, read from JSON.
#[derive(Clone, Debug, PartialEq)]
pub struct CalibrationRequest {
    pub y_true: Vec<f64>,
    /// 1-D: binary; 2-D: rows of class probabilities.
    pub y_prob: NdArray<f64>,
    pub n_bins: usize,
    pub strategy: BinStrategy,
}

fn numbers(arg: &'static str, v: &Value) -> Result<NdArray<f64>, Message> {
    array(v).map_err(|_| Message::new("error.call.numbers").with("arg", arg).with("value", written(v)))
}

/// Reads `y_true`, `y_prob`, `n_bins` and `strategy`; a mistake in words.
pub(super) fn parse_calibration_args(args: &Map<String, Value>) -> Result<CalibrationRequest, Message> {
    let (mut y_true, mut y_prob) = (None, None);
    let mut n_bins = 5;
    let mut strategy = BinStrategy::Uniform;
    for (key, v) in args {
        if v.is_null() {
            continue;
        }
        match key.as_str() {
            "y_true" => y_true = Some(numbers("y_true", v)?),
            "y_prob" | "y_pred" => y_prob = Some(numbers("y_prob", v)?),
            "n_bins" => {
                n_bins = v
                    .as_u64()
                    .or_else(|| v.as_f64().filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= 1e6).map(|f| f as u64))
                    .filter(|&n| n <= usize::MAX as u64)
                    .ok_or_else(|| CalibrationError::Bins(written(v)).message())? as usize
            }
            "strategy" => {
                strategy = v
                    .as_str()
                    .and_then(BinStrategy::parse)
                    .ok_or_else(|| CalibrationError::Strategy(written(v)).message())?
            }
            other => {
                return Err(Message::new("error.call.option").with("function", "calibration").with("option", other))
            }
        }
    }
    let missing = |arg: &str| Message::new("error.call.missing").with("arg", arg);
    let y_true = y_true.ok_or_else(|| missing("y_true"))?;
    let y_prob = y_prob.ok_or_else(|| missing("y_prob"))?;
    let y_true = match y_true.shape.as_slice() {
        [_] | [_, 1] => y_true.data,
        _ => {
            return Err(Message::new("error.call.numbers")
                .with("arg", "y_true")
                .with("value", crate::number::format::shape(&y_true.shape)))
        }
    };
    Ok(CalibrationRequest { y_true, y_prob, n_bins, strategy })
}

/// Computes the calibration.
pub(super) fn answer(request: &CalibrationRequest) -> Result<Calibration, Message> {
    let predictions = Predictions::from_array(&request.y_prob).map_err(|e| e.message())?;
    calibration(&request.y_true, predictions, request.n_bins, request.strategy).map_err(|e| e.message())
}

/// The answer's `result`.
pub(super) fn to_json(c: &Calibration) -> Value {
    let list = |v: &[f64]| v.iter().map(|&x| number_json(x)).collect::<Vec<_>>();
    json!({
        "prob_true": list(&c.reliability.prob_true),
        "prob_pred": list(&c.reliability.prob_pred),
        "counts": c.reliability.counts,
        "ece": number_json(c.ece),
        "mce": number_json(c.mce),
        "brier": number_json(c.brier),
        "log_loss": number_json(c.log_loss),
    })
}
