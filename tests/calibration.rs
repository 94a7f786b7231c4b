//! Calibration against scikit-learn: every case of
//! `tests/reference/calibration.json` (`calibration_curve` bins with ECE,
//! MCE and Brier from numpy) through `losslab eval` and through the core,
//! to 1e-9; then the parts the reference cases do not reach.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use losslab::core::array::NdArray;
use losslab::core::calibration::{bin_edges, binary_calibration, calibration, reliability, BinStrategy, Predictions};
use losslab::eval::evaluate;
use serde_json::{json, Value};

fn cases() -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reference/calibration.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str::<Value>(&text).expect("JSON")["cases"].as_array().expect("cases").clone()
}

/// `got` equals `want` to 1e-9 (absolute, or relative for large values),
/// lists entry by entry; `Err` says where not.
fn close(got: &Value, want: &Value) -> Result<(), String> {
    match (got, want) {
        (Value::Array(g), Value::Array(w)) if g.len() == w.len() => {
            g.iter().zip(w).enumerate().try_for_each(|(i, (g, w))| close(g, w).map_err(|e| format!("[{i}] {e}")))
        }
        (Value::Array(g), Value::Array(w)) => Err(format!("{} entries, want {}", g.len(), w.len())),
        _ => match (got.as_f64(), want.as_f64()) {
            (Some(g), Some(w)) if (g - w).abs() <= 1e-9 * w.abs().max(1.0) => Ok(()),
            _ => Err(format!("got {got}, want {want}")),
        },
    }
}

const KEYS: [&str; 6] = ["prob_true", "prob_pred", "counts", "ece", "mce", "brier"];

#[test]
fn every_reference_case_matches_through_the_evaluator() {
    let cases = cases();
    assert!(cases.len() >= 3);
    for case in &cases {
        let id = case["case_id"].as_str().unwrap();
        let answer = evaluate(&json!({"fn": "calibration", "args": case["args"]}));
        let got = &answer["result"];
        for key in KEYS {
            close(&got[key], &case["result"][key]).unwrap_or_else(|e| panic!("{id} {key}: {e}"));
        }
    }
}

#[test]
fn every_reference_case_matches_through_the_core() {
    for case in &cases() {
        let id = case["case_id"].as_str().unwrap();
        let args = &case["args"];
        let y: Vec<f64> = args["y_true"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
        let p = losslab::eval::json::array(&args["y_prob"]).unwrap();
        let strategy = BinStrategy::parse(args["strategy"].as_str().unwrap()).unwrap();
        let c =
            calibration(&y, Predictions::from_array(&p).unwrap(), args["n_bins"].as_u64().unwrap() as usize, strategy)
                .unwrap();
        let want = &case["result"];
        let got = json!({
            "prob_true": c.reliability.prob_true, "prob_pred": c.reliability.prob_pred,
            "counts": c.reliability.counts, "ece": c.ece, "mce": c.mce, "brier": c.brier,
        });
        for key in KEYS {
            close(&got[key], &want[key]).unwrap_or_else(|e| panic!("{id} {key}: {e}"));
        }
    }
}

#[test]
fn quantile_bins_hold_equal_shares() {
    // numpy.percentile([0.1, 0.2, 0.3, 0.4, 0.5, 0.6], [0, 50, 100]) = [0.1, 0.35, 0.6]:
    // three in each bin, and ECE by hand.
    let p = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
    let y = [0., 0., 1., 0., 1., 1.];
    assert_eq!(bin_edges(&p, 2, BinStrategy::Quantile), vec![0.1, 0.35, 0.6]);
    let c = binary_calibration(&y, &p, 2, BinStrategy::Quantile).unwrap();
    assert_eq!(c.reliability.counts, vec![3, 3]);
    let (t0, p0, t1, p1): (f64, f64, f64, f64) = (1.0 / 3.0, 0.2, 2.0 / 3.0, 0.5);
    assert!((c.ece - 0.5 * (t0 - p0).abs() - 0.5 * (t1 - p1).abs()).abs() < 1e-15);
    assert!((c.mce - (t1 - p1)).abs() < 1e-15);
}

#[test]
fn the_quantile_call_matches_the_core() {
    let (y, p) = (vec![0., 1., 1., 0., 1., 0., 1.], vec![0.05, 0.9, 0.62, 0.4, 0.77, 0.2, 0.55]);
    let r = evaluate(
        &json!({"fn": "calibration", "args": {"y_true": y, "y_prob": p, "n_bins": 3, "strategy": "quantile"}}),
    );
    let c = reliability(&y, &p, 3, BinStrategy::Quantile).unwrap();
    assert_eq!(r["result"]["counts"], json!(c.counts));
    assert_eq!(r["result"]["prob_true"], json!(c.prob_true));
}

#[test]
fn a_perfectly_calibrated_bin_has_no_error() {
    // Ten predictions of 0.3, three of them true.
    let y = [1., 1., 1., 0., 0., 0., 0., 0., 0., 0.];
    let c = binary_calibration(&y, &[0.3; 10], 10, BinStrategy::Uniform).unwrap();
    assert!(c.ece < 1e-15 && c.mce < 1e-15);
    assert!((c.brier - 0.21).abs() < 1e-15); // 0.3·0.7²+0.7·0.3²
}

#[test]
fn rows_are_judged_top_label_and_brier_sums_over_classes() {
    let rows = NdArray { shape: vec![2, 3], data: vec![0.6, 0.3, 0.1, 0.2, 0.2, 0.6] };
    let c = calibration(&[0., 1.], Predictions::from_array(&rows).unwrap(), 5, BinStrategy::Uniform).unwrap();
    assert_eq!(c.reliability.counts, vec![2]); // both confidences 0.6
    assert_eq!(c.reliability.prob_true, vec![0.5]);
    let brier = ((0.4f64.powi(2) + 0.09 + 0.01) + (0.04 + 0.64 + 0.36)) / 2.0;
    assert!((c.brier - brier).abs() < 1e-15);
    assert!((c.log_loss - (-(0.6f64.ln()) - 0.2f64.ln()) / 2.0).abs() < 1e-15);
}

#[test]
fn a_column_is_read_as_binary_predictions() {
    let a = evaluate(&json!({"fn": "calibration", "args": {"y_true": [0, 1], "y_prob": [[0.2], [0.7]]}}));
    let b = evaluate(&json!({"fn": "calibration", "args": {"y_true": [0, 1], "y_prob": [0.2, 0.7]}}));
    assert_eq!(a, b);
    assert!(a.get("result").is_some(), "{a}");
}

fn error(args: Value) -> String {
    let a = evaluate(&json!({"fn": "calibration", "args": args}));
    a["error"].as_str().unwrap_or_else(|| panic!("no error: {a}")).to_owned()
}

#[test]
fn bad_calls_are_answered_in_words() {
    assert!(error(json!({"y_true": [0, 1], "y_prob": [0.2, 1.7]})).contains("between 0 and 1, got 1.7"));
    assert!(error(json!({"y_true": [0, 2], "y_prob": [0.2, 0.7]})).contains("0 or 1, got 2"));
    assert!(error(json!({"y_true": [0, 1, 1], "y_prob": [0.2, 0.7]})).contains("3 labels but y_prob has 2"));
    assert!(error(json!({"y_true": [], "y_prob": []})).contains("no predictions"));
    assert!(error(json!({"y_true": [0], "y_prob": [0.2], "n_bins": 0})).contains("from 1 to 10000, got 0"));
    assert!(error(json!({"y_true": [0], "y_prob": [0.2], "n_bins": 2.5})).contains("got 2.5"));
    assert!(
        error(json!({"y_true": [0], "y_prob": [0.2], "strategy": "kmeans"})).contains("unknown strategy \"kmeans\"")
    );
    assert!(error(json!({"y_true": [3], "y_prob": [[0.2, 0.8]]})).contains("from 0 to 1 (y_prob has 2 columns), got 3"));
    assert!(error(json!({"y_true": [0], "y_prob": [[[0.2]]]})).contains("shape [1, 1, 1]"));
    assert!(error(json!({"y_true": [0], "y_prob": ["a"]})).contains("list of numbers"));
    assert!(error(json!({"y_true": [0, 1]})).contains("missing argument \"y_prob\""));
    assert!(error(json!({"y_true": [0], "y_prob": [0.5], "pos_label": 1})).contains("no option \"pos_label\""));
    assert!(error(json!({"y_true": [0], "y_prob": ["nan"]})).contains("got NaN"));
}
