//! Every case of `tests/reference/*.json` (values printed by tf_keras,
//! Keras 3, PyTorch/torchvision, scikit-learn, scipy and numpy) sent through
//! the evaluator, or for curve, smoothing and fit cases through the core
//! functions they check.
//!
//! Tolerances: float32 results to a relative 3e-5 (the frameworks' own
//! kernels — Eigen's vectorised exp/log, blocked sums — differ from ours in
//! the last bits), float64 to 1e-7. Both with an absolute floor of 1e-30:
//! float32 subnormals (below 1.2e-38) have only a few significant bits, so
//! e.g. torch's `log1p(exp(−100))` = 3.92e-44 is a handful of ulps of the
//! subnormal grid away from any other correct rounding.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use losslab::core::activation::{logit, softmax};
use losslab::core::breakdown::point_losses;
use losslab::core::fit::{fit_logistic, FitOptions};
use losslab::core::losses::{binary_focal_loss, FocalOptions};
use losslab::core::smoothing::{entropy, logit_gap, smooth_categorical};
use losslab::eval::evaluate;
use serde_json::{json, Value};

fn reference_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reference")
}

fn load(name: &str) -> Vec<Value> {
    let path = reference_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let v: Value = serde_json::from_str(&text).expect("reference file is JSON");
    v["cases"].as_array().expect("cases").clone()
}

fn num(v: &Value) -> Option<f64> {
    losslab::eval::json::number(v)
}

/// Compares nested results; `Err` describes the first difference.
fn close(got: &Value, want: &Value, rel: f64) -> Result<(), String> {
    match (got, want) {
        (Value::Array(g), Value::Array(w)) => {
            if g.len() != w.len() {
                return Err(format!("length {} vs {}", g.len(), w.len()));
            }
            g.iter().zip(w).enumerate().try_for_each(|(i, (g, w))| close(g, w, rel).map_err(|e| format!("[{i}] {e}")))
        }
        _ => {
            let (Some(g), Some(w)) = (num(got), num(want)) else {
                return Err(format!("got {got}, want {want}"));
            };
            let ok = (g.is_nan() && w.is_nan())
                || g == w
                || (g.is_finite() && w.is_finite() && (g - w).abs() <= rel * w.abs().max(g.abs()) + 1e-30);
            if ok {
                Ok(())
            } else {
                Err(format!("got {g:e}, want {w:e} (rel {:.2e})", ((g - w) / w).abs()))
            }
        }
    }
}

fn tolerance(case: &Value) -> f64 {
    if case["dtype"] == "float32" {
        3e-5
    } else {
        1e-7
    }
}

fn semantics(framework: &str) -> Option<&'static str> {
    match framework {
        "tf_keras" => Some("keras"),
        "keras" => Some("keras3"),
        "torch" | "torchvision" => Some("torch"),
        "numpy" => Some("exact"),
        _ => None,
    }
}

/// The Keras function name of a reference case.
fn keras_fn(file: &str, case: &Value) -> &'static str {
    let f = case["fn"].as_str().unwrap_or("");
    let id = case["case_id"].as_str().unwrap_or("");
    if f.contains("SparseCategorical") || (f.contains("cross_entropy") && !f.contains("binary")) {
        return "sparse_categorical_crossentropy";
    }
    match file {
        "bce.json" => "binary_crossentropy",
        "focal.json" if id.starts_with("bfce") => "binary_focal_crossentropy",
        "focal.json" => "categorical_focal_crossentropy",
        _ => "categorical_crossentropy",
    }
}

struct Tally {
    compared: usize,
    skipped: usize,
    failures: Vec<String>,
}

impl Tally {
    fn check(&mut self, label: String, got: &Value, want: &Value, rel: f64) {
        self.compared += 1;
        if let Err(e) = close(got, want, rel) {
            self.failures.push(format!("{label}: {e}"));
        }
    }
}

/// A loss case through the evaluator.
fn loss_case(t: &mut Tally, file: &str, case: &Value) {
    let framework = case["framework"].as_str().unwrap_or("");
    // Keras 3 over torch kernels is a fifth flavour, not one of our four
    // semantics (it clips like Keras 3 but computes like torch).
    let Some(sem) = semantics(framework) else {
        t.skipped += 1;
        return;
    };
    let mut args = case["args"].clone();
    if case["fn"].as_str().is_some_and(|f| f.contains("with_logits")) {
        args["from_logits"] = json!(true);
    }
    let call = json!({"fn": keras_fn(file, case), "args": args, "semantics": sem, "dtype": case["dtype"]});
    let answer = evaluate(&call);
    let label = format!("{file} {} [{framework}]", case["case_id"].as_str().unwrap_or("?"));
    if case.get("error").is_some_and(|e| !e.is_null()) {
        t.compared += 1;
        if answer.get("error").is_none() {
            t.failures.push(format!("{label}: expected an error, got {answer}"));
        }
        return;
    }
    match answer.get("result") {
        Some(result) => t.check(label, result, &case["result"], tolerance(case)),
        None => {
            t.compared += 1;
            t.failures.push(format!("{label}: {answer}"));
        }
    }
}

#[test]
fn every_reference_case_matches() {
    let mut t = Tally { compared: 0, skipped: 0, failures: vec![] };

    for file in ["bce.json", "cce.json"] {
        for case in load(file) {
            loss_case(&mut t, file, &case);
        }
    }

    for case in load("focal.json") {
        let id = case["case_id"].as_str().unwrap_or("").to_string();
        if id.starts_with("fl_curve") || id.starts_with("fl_modulating_factor") {
            let gamma = case["args"]["gamma"].as_f64().unwrap();
            let p_t: Vec<f64> = case["args"]["p_t"].as_array().unwrap().iter().filter_map(num).collect();
            // FL(p_t) and (1 − p_t)^γ are those of a positive point at p = p_t.
            let focal = FocalOptions { gamma, ..FocalOptions::default() };
            let z: Vec<f64> = p_t.iter().map(|&p| logit(p)).collect();
            let got: Vec<f64> = if id.starts_with("fl_curve") {
                z.iter().map(|&z| binary_focal_loss(1.0, z, &focal)).collect()
            } else {
                point_losses(&vec![1.0; p_t.len()], &z, &focal).iter().map(|l| l.focal_factor).collect()
            };
            let got = Value::Array(got.into_iter().map(losslab::eval::json::to_json).collect());
            t.check(format!("focal.json {id}"), &got, &case["result"], 1e-12);
        } else {
            loss_case(&mut t, "focal.json", &case);
        }
    }

    for case in load("smoothing.json") {
        let id = case["case_id"].as_str().unwrap_or("").to_string();
        let args = &case["args"];
        let label = format!("smoothing.json {id} [{}]", case["framework"].as_str().unwrap_or(""));
        let rel = tolerance(&case);
        match id.as_str() {
            "smoothed_target" => {
                let y: Vec<f64> = args["y_true"].as_array().unwrap().iter().filter_map(num).collect();
                let got = json!(smooth_categorical(&y, args["label_smoothing"].as_f64().unwrap()));
                t.check(label, &got, &case["result"], rel);
            }
            "softmax_at_a" => {
                let z: Vec<f64> = args["y_pred"].as_array().unwrap().iter().filter_map(num).collect();
                let got = if case["dtype"] == "float32" {
                    let z32: Vec<f32> = z.iter().map(|&v| v as f32).collect();
                    json!(softmax(&z32).iter().map(|&v| v as f64).collect::<Vec<_>>())
                } else {
                    json!(softmax(&z))
                };
                t.check(label, &got, &case["result"], rel);
            }
            "optimal_logit_a_numeric" => {
                let (ls, k) = (args["label_smoothing"].as_f64().unwrap(), args["K"].as_u64().unwrap() as u32);
                let a = logit_gap(ls, k).unwrap();
                let mut one_hot = vec![0.0; k as usize];
                one_hot[0] = 1.0;
                let h = entropy(&smooth_categorical(&one_hot, ls));
                // Numerical optimisers (LBFGS, Brent) stop near, not at, the optimum.
                t.check(label.clone() + " a", &json!(a), &case["result"]["a"], 1e-8);
                t.check(label.clone() + " min_loss", &json!(h), &case["result"]["min_loss"], 1e-10);
                t.check(label, &json!(h), &case["result"]["entropy_of_smoothed_target"], 1e-12);
            }
            "loss_at_a" => loss_case(&mut t, "smoothing.json", &case),
            _ => {
                // optimal_logit_a and optimal_logit_table_*: the closed form.
                let (ls, k) = (args["label_smoothing"].as_f64().unwrap(), args["K"].as_u64().unwrap() as u32);
                t.check(label, &json!(logit_gap(ls, k).unwrap()), &case["result"], 1e-12);
            }
        }
    }

    for case in load("logistic.json") {
        let args = &case["args"];
        let id = case["case_id"].as_str().unwrap_or("").to_string();
        let x: Vec<f64> = args["x"].as_array().unwrap().iter().filter_map(num).collect();
        let y: Vec<f64> = args["y_true"].as_array().unwrap().iter().filter_map(num).collect();
        let c = match args.get("C") {
            None => Some(1.0),
            Some(c) => num(c).filter(|c| c.is_finite()),
        };
        let c = if args.get("penalty").is_some_and(Value::is_null) { None } else { c };
        // scikit-learn with its default tol = 1e-4 stops short of the optimum
        // (coef 0.97164 vs 0.97193); those cases are held to 1e-3, the
        // converged ones (tol 1e-10, and scipy's) to 1e-6.
        let converged =
            case["framework"] == "scipy" || args.get("tol").and_then(Value::as_f64).is_some_and(|t| t <= 1e-8);
        let tol = if converged { 1e-6 } else { 1e-3 };
        let fit = fit_logistic(&x, &y, &FitOptions { c }).expect("fit converges");
        let r = &case["result"];
        let label = format!("logistic.json {id}");
        let abs = |t: &mut Tally, what: &str, got: f64, want: f64| {
            t.compared += 1;
            if (got - want).abs() > tol {
                t.failures.push(format!("{label} {what}: got {got}, want {want}"));
            }
        };
        abs(&mut t, "coef", fit.model.coef, r["coef"].as_f64().unwrap());
        abs(&mut t, "intercept", fit.model.intercept, r["intercept"].as_f64().unwrap());
        abs(&mut t, "log_loss", fit.log_loss, r["log_loss"].as_f64().unwrap());
        for (i, (&xi, p)) in x.iter().zip(r["predict_proba_1"].as_array().unwrap()).enumerate() {
            abs(&mut t, &format!("proba[{i}]"), fit.model.proba(xi), p.as_f64().unwrap());
        }
        // Through the evaluator as well.
        let call = json!({"fn": "logistic_fit", "args": {"x": x, "y_true": y, "C": c}});
        let answer = evaluate(&call);
        abs(&mut t, "eval coef", answer["result"]["coef"].as_f64().unwrap_or(f64::NAN), r["coef"].as_f64().unwrap());
    }

    println!(
        "reference: {} values compared, {} keras[torch-backend] entries skipped, {} mismatches",
        t.compared,
        t.skipped,
        t.failures.len()
    );
    assert!(t.failures.is_empty(), "mismatches:\n{}", t.failures.join("\n"));
}

/// The article's fit, to the digits of issue 2.
#[test]
fn article_fit_matches_scipy_optimum() {
    let x = [-2.2, -1.4, -0.8, 0.2, 0.4, 0.8, 1.2, 2.2, 2.9, 4.6];
    let y = [0., 0., 1., 0., 1., 1., 1., 1., 1., 1.];
    let f = fit_logistic(&x, &y, &FitOptions::default()).unwrap();
    assert!((f.model.coef - 0.9719345).abs() < 1e-6);
    assert!((f.model.intercept - 0.6555359).abs() < 1e-6);
    assert!((f.log_loss - 0.3329114).abs() < 1e-6);
    let f = fit_logistic(&x, &y, &FitOptions { c: None }).unwrap();
    assert!((f.model.coef - 1.6424259).abs() < 1e-6);
    assert!((f.model.intercept - 0.8028358).abs() < 1e-6);
    assert!((f.log_loss - 0.3051593).abs() < 1e-6);
}
