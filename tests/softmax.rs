//! The softmax fit against `tests/reference/softmax_fit.json` (scikit-learn's
//! multinomial `LogisticRegression`, and scipy minimising the written
//! objective for label-smoothed and focal fits), through the core and through
//! `losslab eval`; and the evaluator's answers to bad calls.
//!
//! Tolerances from the reference README: probabilities to 1e-5,
//! coefficients to 1e-4, losses to 1e-6 relative.
#![cfg(not(target_arch = "wasm32"))]

use losslab::core::softmax_fit::{
    class_labels, fit_softmax, SoftmaxFit, SoftmaxFitError, SoftmaxModel, SoftmaxOptions, SoftmaxProblem,
};
use losslab::eval::evaluate;
use losslab::i18n::Lang;
use serde_json::{json, Value};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn cases() -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reference/softmax_fit.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str::<Value>(&text).expect("JSON")["cases"].as_array().expect("cases").clone()
}

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array().expect("a list").iter().map(|x| x.as_f64().expect("a number")).collect()
}

fn rows(v: &Value) -> Vec<Vec<f64>> {
    v.as_array().expect("a list of lists").iter().map(numbers).collect()
}

/// The case's inputs as the core takes them.
fn inputs(case: &Value) -> (Vec<Vec<f64>>, Vec<usize>, SoftmaxOptions) {
    let a = &case["args"];
    let options = SoftmaxOptions {
        c: a["C"].as_f64(),
        label_smoothing: a["label_smoothing"].as_f64().unwrap_or(0.0),
        gamma: a["gamma"].as_f64().unwrap_or(0.0),
    };
    (rows(&a["x"]), class_labels(&numbers(&a["y"])).unwrap(), options)
}

/// The largest absolute and relative differences between two lists.
fn worst(got: &[f64], want: &[f64]) -> (f64, f64) {
    assert_eq!(got.len(), want.len());
    got.iter().zip(want).fold((0.0_f64, 0.0_f64), |(a, r), (g, w)| {
        let abs = (g - w).abs();
        (a.max(abs), r.max(abs / w.abs().max(1e-300)))
    })
}

struct Checked {
    case: String,
    coef: f64,
    intercept: f64,
    proba: f64,
    loss_rel: f64,
    objective_rel: Option<f64>,
}

fn check(case: &Value, fit: &SoftmaxFit, x: &[Vec<f64>]) -> Checked {
    let r = &case["result"];
    let coef: Vec<f64> = rows(&r["coef"]).concat();
    let proba: Vec<f64> = x.iter().flat_map(|p| fit.model.proba(p)).collect();
    let want_loss = r["loss"].as_f64().unwrap();
    Checked {
        case: case["case_id"].as_str().unwrap().to_string(),
        coef: worst(&fit.model.coef, &coef).0,
        intercept: worst(&fit.model.intercept, &numbers(&r["intercept"])).0,
        proba: worst(&proba, &rows(&r["proba"]).concat()).0,
        loss_rel: ((fit.loss - want_loss) / want_loss).abs(),
        objective_rel: r["objective"].as_f64().map(|o| ((fit.objective - o) / o).abs()),
    }
}

#[test]
fn every_reference_fit_matches() {
    let mut failures = Vec::new();
    for case in cases() {
        let (x, y, options) = inputs(&case);
        let fit = fit_softmax(&x, &y, &options).unwrap_or_else(|e| panic!("{}: {e}", case["case_id"]));
        let c = check(&case, &fit, &x);
        println!(
            "{}: coef {:.1e}, intercept {:.1e}, proba {:.1e} (abs); loss {:.1e}, objective {} (rel); {} iterations",
            c.case,
            c.coef,
            c.intercept,
            c.proba,
            c.loss_rel,
            c.objective_rel.map_or("-".into(), |o| format!("{o:.1e}")),
            fit.iterations
        );
        if c.coef > 1e-4
            || c.intercept > 1e-4
            || c.proba > 1e-5
            || c.loss_rel > 1e-6
            || c.objective_rel.is_some_and(|o| o > 1e-6)
        {
            failures.push(c.case);
        }
    }
    assert!(failures.is_empty(), "mismatches: {failures:?}");
}

#[test]
fn every_reference_fit_matches_through_the_evaluator() {
    for case in cases() {
        let answer = evaluate(&json!({"fn": "softmax_fit", "args": case["args"]}));
        let r = &answer["result"];
        let want = &case["result"];
        let id = case["case_id"].as_str().unwrap();
        let coef: Vec<f64> = rows(&r["coef"]).concat();
        assert!(worst(&coef, &rows(&want["coef"]).concat()).0 <= 1e-4, "{id}: {answer}");
        assert!(worst(&numbers(&r["intercept"]), &numbers(&want["intercept"])).0 <= 1e-4, "{id}");
        assert!(worst(&rows(&r["proba"]).concat(), &rows(&want["proba"]).concat()).0 <= 1e-5, "{id}");
        assert!(worst(&[r["loss"].as_f64().unwrap()], &[want["loss"].as_f64().unwrap()]).1 <= 1e-6, "{id}");
        if let Some(o) = want["objective"].as_f64() {
            assert!(worst(&[r["objective"].as_f64().unwrap()], &[o]).1 <= 1e-6, "{id}");
        }
        assert!(r["iterations"].as_u64().is_some_and(|n| n > 0), "{id}");
    }
}

/// The first reference case's points: 60 points in three blobs.
fn blobs() -> (Vec<Vec<f64>>, Vec<usize>) {
    let (x, y, _) = inputs(&cases()[0]);
    (x, y)
}

fn error_of(args: Value) -> String {
    let answer = evaluate(&json!({"fn": "softmax_fit", "args": args}));
    answer["error"].as_str().unwrap_or_else(|| panic!("expected an error, got {answer}")).to_string()
}

#[test]
fn bad_calls_are_answered_in_words() {
    let cases = [
        (json!({"x": [[0, 1], [1]], "y": [0, 1]}), "ragged"),
        (json!({"x": [[0], [1]], "y": [0, 1.5]}), "whole numbers"),
        (json!({"x": [[0], [1]], "y": [0, -1]}), "whole numbers"),
        (json!({"x": [[0], [1]], "y": [0, "nan"]}), "whole numbers"),
        (json!({"x": [[0], [1]], "y": [0, 0]}), "at least two classes"),
        (json!({"x": [[0], [1]], "y": [0, 2]}), "no point has class 1"),
        (json!({"x": [[0], ["nan"]], "y": [0, 1]}), "finite"),
        (json!({"x": [[0], [1]], "y": [0, 1], "C": 0}), "C must be a positive number"),
        (json!({"x": [[0], [1]], "y": [0, 1], "C": -1}), "C must be a positive number"),
        (json!({"x": [[0], [1]], "y": [0, 1], "C": "nan"}), "C must be a positive number"),
        (json!({"x": [[0], [1]], "y": [0, 1], "label_smoothing": 1.5}), "label_smoothing"),
        (json!({"x": [[0], [1]], "y": [0, 1], "label_smoothing": -0.1}), "label_smoothing"),
        (json!({"x": [[0], [1]], "y": [0, 1], "gamma": -1}), "gamma"),
        (json!({"x": [[0], [1]], "y": [0, 1], "gamma": 11}), "gamma"),
        (json!({"x": [], "y": []}), "no points"),
        (json!({"x": [[], []], "y": [0, 1]}), "no features"),
        (json!({"x": [[0], [1]], "y": [0, 1, 1]}), "2 points but y has 3"),
        (json!({"x": [[0], [1]]}), "missing argument \"y\""),
        (json!({"x": [[0], [1]], "y": [0, 1], "tol": 1e-4}), "no option \"tol\""),
        (json!({"x": "points", "y": [0, 1]}), "x must be a list of numbers"),
        (json!({"x": [[0], ["a"]], "y": [0, 1]}), "x must be a list of numbers"),
        (json!({"x": [[0], [1]], "y": [0, 1], "C": "a"}), "C must be a number"),
        (json!({"x": [[0], [1]], "y": [0, 1], "gamma": [2]}), "gamma must be a number"),
    ];
    for (args, expected) in cases {
        let e = error_of(args.clone());
        assert!(e.contains(expected), "{args}: {e}");
    }
}

#[test]
fn every_error_reads_in_both_languages() {
    let errors = [
        SoftmaxFitError::Empty,
        SoftmaxFitError::LengthMismatch { x: 2, y: 3 },
        SoftmaxFitError::NoFeatures,
        SoftmaxFitError::Ragged { row: 1, len: 1, expected: 2 },
        SoftmaxFitError::NonFinite { row: 0 },
        SoftmaxFitError::NotAClass { row: 0, value: -1.0 },
        SoftmaxFitError::TooFewClasses,
        SoftmaxFitError::EmptyClass { class: 1 },
        SoftmaxFitError::NonPositiveC(0.0),
        SoftmaxFitError::LabelSmoothing(2.0),
        SoftmaxFitError::Gamma(-1.0),
        SoftmaxFitError::Separable,
        SoftmaxFitError::NoConvergence { iterations: 200 },
    ];
    for e in errors {
        let m = e.message();
        for lang in [Lang::En, Lang::Zh] {
            let text = m.text(lang);
            assert!(text != m.key && !text.contains('{'), "{lang:?} {}: {text}", m.key);
        }
    }
}

#[test]
fn separable_classes_without_penalty_have_no_finite_optimum() {
    let (x, y) = blobs();
    let unpenalised = SoftmaxOptions { c: None, ..SoftmaxOptions::default() };
    let three = [vec![0.0, 0.0], vec![0.2, 0.1], vec![4.0, 0.0], vec![4.1, 0.3], vec![0.0, 4.0], vec![0.3, 4.2]];
    assert_eq!(fit_softmax(&three, &[0, 0, 1, 1, 2, 2], &unpenalised), Err(SoftmaxFitError::Separable));
    // Focal loss too, but not with a penalty or with label smoothing.
    let focal = SoftmaxOptions { gamma: 2.0, ..unpenalised };
    assert_eq!(fit_softmax(&three, &[0, 0, 1, 1, 2, 2], &focal), Err(SoftmaxFitError::Separable));
    assert!(fit_softmax(&three, &[0, 0, 1, 1, 2, 2], &SoftmaxOptions::default()).is_ok());
    let smoothed = SoftmaxOptions { label_smoothing: 0.1, ..unpenalised };
    assert!(fit_softmax(&three, &[0, 0, 1, 1, 2, 2], &smoothed).unwrap().model.is_finite());
    // The blobs overlap: their unpenalised optimum is finite, and the gradient vanishes there.
    let fit = fit_softmax(&x, &y, &unpenalised).unwrap();
    let p = SoftmaxProblem::new(&x, &y, &unpenalised).unwrap();
    let g = p.gradient(&fit.model);
    assert!(g.coef.iter().chain(&g.intercept).all(|v| v.abs() < 1e-9), "{g:?}");
    // Without a penalty the columns of W are centred too.
    for j in 0..2 {
        assert!((0..3).map(|k| fit.model.coef[k * 2 + j]).sum::<f64>().abs() < 1e-12);
    }
}

#[test]
fn c_defaults_to_one_and_null_or_infinity_means_no_penalty() {
    let (x, y) = blobs();
    let xs: Vec<Value> = x.iter().map(|r| json!(r)).collect();
    let fit = |extra: Value| {
        let mut args = json!({"x": xs, "y": y});
        for (k, v) in extra.as_object().unwrap() {
            args[k] = v.clone();
        }
        evaluate(&json!({"fn": "softmax_fit", "args": args}))["result"]["coef"].clone()
    };
    assert_eq!(fit(json!({})), fit(json!({"C": 1.0})));
    assert_eq!(fit(json!({"C": null})), fit(json!({"C": "inf"})));
    assert_ne!(fit(json!({"C": null})), fit(json!({})));
}

#[test]
fn one_feature_may_be_a_plain_list() {
    let a = evaluate(&json!({"fn": "softmax_fit", "args": {"x": [0, 1, 2, 3, 1.5], "y": [0, 0, 1, 1, 0]}}));
    let b = evaluate(&json!({"fn": "softmax_fit", "args": {"x": [[0], [1], [2], [3], [1.5]], "y": [0, 0, 1, 1, 0]}}));
    assert!(a.get("result").is_some());
    assert_eq!(a, b);
}

#[test]
fn intercepts_are_centred_and_probabilities_sum_to_one() {
    for case in cases() {
        let (x, y, options) = inputs(&case);
        let fit = fit_softmax(&x, &y, &options).unwrap();
        assert!(fit.model.intercept.iter().sum::<f64>().abs() < 1e-12);
        for p in &x {
            assert!((fit.model.proba(p).iter().sum::<f64>() - 1.0).abs() < 1e-12);
        }
    }
}

#[test]
fn a_warm_refit_after_a_point_moves_is_the_cold_fit_in_fewer_steps() {
    let (mut x, y) = blobs();
    for options in [SoftmaxOptions::default(), SoftmaxOptions { gamma: 2.0, label_smoothing: 0.1, c: Some(10.0) }] {
        let before = fit_softmax(&x, &y, &options).unwrap();
        x[7] = vec![x[7][0] + 0.5, x[7][1] - 0.3];
        let moved = SoftmaxProblem::new(&x, &y, &options).unwrap();
        let warm = moved.refit(&before.model).unwrap();
        let cold = moved.fit().unwrap();
        assert!(warm.iterations < cold.iterations, "{} vs {}", warm.iterations, cold.iterations);
        let gap =
            worst(&warm.model.coef, &cold.model.coef).0.max(worst(&warm.model.intercept, &cold.model.intercept).0);
        assert!(gap < 1e-9, "{gap}");
    }
    // A start of another shape is ignored.
    let p = SoftmaxProblem::new(&x, &y, &SoftmaxOptions::default()).unwrap();
    assert_eq!(p.refit(&SoftmaxModel::zeros(2, 5)), p.fit());
}

#[test]
fn gradient_steps_never_raise_the_objective_and_head_for_the_optimum() {
    let (x, y) = blobs();
    for options in [
        SoftmaxOptions::default(),
        SoftmaxOptions { c: None, label_smoothing: 0.2, gamma: 0.0 },
        SoftmaxOptions { c: Some(10.0), label_smoothing: 0.0, gamma: 5.0 },
    ] {
        let p = SoftmaxProblem::new(&x, &y, &options).unwrap();
        let best = p.fit().unwrap().objective;
        let mut m = SoftmaxModel::zeros(3, 2);
        let mut f = p.objective(&m);
        let start = f;
        for _ in 0..300 {
            m = p.gradient_step(&m);
            let next = p.objective(&m);
            assert!(next <= f, "{options:?}: rose from {f} to {next}");
            f = next;
        }
        assert!(f - best < 1e-2 * (start - best), "{options:?}: {f} after 300 steps, optimum {best}");
    }
}

#[test]
fn per_point_numbers_agree_with_the_model() {
    let (x, y) = blobs();
    let options = SoftmaxOptions { gamma: 1.0, label_smoothing: 0.1, ..SoftmaxOptions::default() };
    let p = SoftmaxProblem::new(&x, &y, &options).unwrap();
    let fit = p.fit().unwrap();
    let points = p.points(&fit.model);
    let mean = points.iter().map(|q| q.loss).sum::<f64>() / points.len() as f64;
    assert!((mean - fit.loss).abs() < 1e-14);
    let right = points.iter().filter(|q| q.correct).count() as f64 / points.len() as f64;
    assert_eq!(right, p.accuracy(&fit.model));
    for (i, q) in points.iter().enumerate() {
        assert_eq!(q.logits, fit.model.logits(&x[i]));
        assert_eq!(q.correct, q.logit_gap > 0.0);
        assert_eq!(q.proba, fit.model.proba(&x[i]));
    }
}

#[test]
fn losslab_eval_prints_the_fit() {
    let call = r#"[{"fn": "softmax_fit", "args": {"x": [[0, 0], [1, 0.2], [0.1, 1], [1, 1], [0.6, 0.4], [0.2, 0.3]], "y": [0, 1, 2, 1, 0, 2], "C": 1.0, "label_smoothing": 0.0, "gamma": 0.0}}]"#;
    let mut child = Command::new(env!("CARGO_BIN_EXE_losslab"))
        .arg("eval")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child.stdin.take().unwrap().write_all(call.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let answers: Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = &answers[0]["result"];
    let keys: Vec<&String> = r.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["coef", "intercept", "iterations", "loss", "objective", "proba"]);
    assert_eq!(
        format!("{:.6} {:.6}", r["loss"].as_f64().unwrap(), r["objective"].as_f64().unwrap()),
        "0.865212 5.793220"
    );
    assert_eq!((rows(&r["coef"]).len(), rows(&r["coef"])[0].len(), rows(&r["proba"]).len()), (3, 2, 6));
}

/// The gradient of `p`'s objective at `m`, largest entry.
fn largest_gradient(p: &SoftmaxProblem, m: &SoftmaxModel) -> f64 {
    let g = p.gradient(m);
    g.coef.iter().chain(&g.intercept).fold(0.0_f64, |a, v| a.max(v.abs()))
}

#[test]
fn two_classes_with_a_weak_penalty_converge() {
    // Two classes see only W_0 − W_1; the penalty alone (1/(C·s²) ≈ 1e-7
    // here) fixes W_0 + W_1, so Newton keeps the columns of W centred.
    let x = [
        -208.52289872031898,
        199.26333082070263,
        70.6853285423116,
        -245.01934243742704,
        121.11649551396788,
        0.0,
        -20.226319979207506,
        210.29696492848035,
        -271.7418598239598,
        -16.137582863417446,
        30.90628496303593,
        222.87998607391128,
        -144.3150779500999,
        -0.6532252071849152,
        289.0736702304547,
        -62.53117749590973,
        0.0,
        -79.2894699605639,
        214.22854531572466,
        0.0,
        28.880781348525463,
        209.67564375847414,
        132.89425556245996,
        -31.567574367639168,
        0.0,
        -247.2863286561231,
    ];
    let y = [0, 1, 1, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0];
    let x: Vec<Vec<f64>> = x.iter().map(|&v| vec![v]).collect();
    let p = SoftmaxProblem::new(&x, &y, &SoftmaxOptions { c: Some(100.0), ..SoftmaxOptions::default() }).unwrap();
    let fit = p.fit().unwrap();
    assert!(fit.iterations < 10, "{} iterations", fit.iterations);
    assert!(largest_gradient(&p, &fit.model) < 1e-9);
}

/// Points around random centres, for the fits that once went wrong: `k`
/// classes, `d` features whose units differ, `extra` points beyond one per
/// class, labels at random; `duplicated` copies every third point onto the
/// one before it (often of another class).
struct Scatter {
    seed: u64,
    k: usize,
    d: usize,
    extra: usize,
    units: [f64; 3],
    spread: f64,
    duplicated: bool,
}

impl Scatter {
    /// The points, from a small seeded generator (xorshift).
    fn points(&self) -> (Vec<Vec<f64>>, Vec<usize>) {
        let mut s = self.seed | 1;
        let mut rnd = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        let (k, d, n) = (self.k, self.d, self.k + self.extra);
        let y: Vec<usize> = (0..n).map(|i| if i < k { i } else { (rnd() * k as f64) as usize % k }).collect();
        let centres: Vec<Vec<f64>> = (0..k).map(|_| (0..d).map(|_| rnd() * 6.0 - 3.0).collect()).collect();
        let mut x: Vec<Vec<f64>> = y
            .iter()
            .map(|&c| (0..d).map(|j| (centres[c][j] + (rnd() - 0.5) * 2.0 * self.spread) * self.units[j]).collect())
            .collect();
        if self.duplicated {
            (3..n).step_by(3).for_each(|i| x[i] = x[i - 1].clone());
        }
        (x, y)
    }
}

/// The fit of `scatter` with `options`, checked to have a vanishing gradient.
fn converges(scatter: &Scatter, options: SoftmaxOptions, most: usize) {
    let (x, y) = scatter.points();
    let p = SoftmaxProblem::new(&x, &y, &options).unwrap();
    let fit = p.fit().unwrap_or_else(|e| panic!("seed {}: {e:?}", scatter.seed));
    assert!(fit.iterations <= most, "seed {}: {} iterations", scatter.seed, fit.iterations);
    let g = p.gradient(&fit.model);
    let d = scatter.d;
    for (i, v) in g.coef.iter().enumerate() {
        let scale: f64 = x.iter().map(|r| r[i % d].abs()).sum::<f64>() + 1e-300;
        assert!(v.abs() <= 1e-8 * scale, "seed {}: ∂F/∂W {v:e}, scale {scale:e}", scatter.seed);
    }
    assert!(g.intercept.iter().all(|v| v.abs() <= 1e-8 * x.len() as f64), "seed {}: {g:?}", scatter.seed);
}

#[test]
fn nearly_separable_points_with_a_tiny_penalty_converge() {
    // Separable without a penalty; with C = 1e6 the optimum lies far out, on
    // a direction the objective barely curves, where rounding in the gradient
    // moves Newton's step about: it stops once F cannot tell the difference.
    let scatter = Scatter {
        seed: 11426569764263674850,
        k: 5,
        d: 3,
        extra: 238,
        units: [0.001, 1.0, 100.0],
        spread: 1.5,
        duplicated: false,
    };
    let (x, y) = scatter.points();
    let unpenalised = SoftmaxOptions { c: None, ..SoftmaxOptions::default() };
    assert_eq!(fit_softmax(&x, &y, &unpenalised), Err(SoftmaxFitError::Separable));
    let tiny = SoftmaxOptions { c: Some(1e6), ..SoftmaxOptions::default() };
    converges(&scatter, tiny, 50);
    // Focal loss on separable points: F falls to 1e−13, where only relative
    // changes of F mean anything.
    let focal = SoftmaxOptions { gamma: 2.07, ..tiny };
    let separated = Scatter {
        seed: 15471091413982804144,
        k: 2,
        d: 2,
        extra: 100,
        units: [0.0, 1e4, 0.0],
        spread: 0.3,
        duplicated: false,
    };
    converges(&separated, focal, 50);
    // Duplicated points of different classes: a floor of 4·log 2 under F, and
    // a direction only the tiny penalty holds, along which F gains 1e−13 a step.
    let floored = Scatter {
        seed: 7898179044178895614,
        k: 5,
        d: 3,
        extra: 3,
        units: [1e4, 0.0, 1e4],
        spread: 1.5,
        duplicated: true,
    };
    converges(&floored, tiny, 50);
}

#[test]
fn a_feature_that_is_zero_everywhere_gets_no_weight() {
    let x: Vec<Vec<f64>> =
        [-2.2, -1.4, -0.8, 0.2, 0.4, 0.8, 1.2, 2.2, 2.9, 4.6, 0.1, -0.3].iter().map(|&v| vec![v, 0.0]).collect();
    let y = [0, 0, 1, 0, 1, 1, 1, 2, 2, 2, 2, 1];
    for options in [SoftmaxOptions::default(), SoftmaxOptions { c: None, label_smoothing: 0.1, gamma: 2.0 }] {
        let p = SoftmaxProblem::new(&x, &y, &options).unwrap();
        let fit = p.fit().unwrap();
        assert!(largest_gradient(&p, &fit.model) < 1e-9, "{options:?}");
        assert!((0..3).all(|k| fit.model.coef[k * 2 + 1] == 0.0));
        let one: Vec<Vec<f64>> = x.iter().map(|r| vec![r[0]]).collect();
        let without = fit_softmax(&one, &y, &options).unwrap();
        assert!((fit.objective - without.objective).abs() < 1e-12);
    }
}

#[test]
fn a_refit_from_saturated_points_finds_the_optimum() {
    // Every point saturated, one misclassified by a logit gap of ~460: the
    // intercept's curvature is 1e−35, and an unbounded Newton step is 1e35.
    let x = [vec![-44.93927878397511], vec![-249.28195011009672]];
    let p = SoftmaxProblem::new(&x, &[0, 1], &SoftmaxOptions::default()).unwrap();
    let start = SoftmaxModel { coef: vec![0.0, 1.8638073374397317], intercept: vec![0.0, 1.8638073374397317] };
    let (warm, cold) = (p.refit(&start).unwrap(), p.fit().unwrap());
    assert!((warm.objective - cold.objective).abs() < 1e-12 * cold.objective);
    // Logits of 1e5: an intercept curvature that underflows (1e−314).
    let x = [vec![0.0, 8294.973792187277], vec![0.0, -28200.698502884006], vec![0.0, -12891.995679145874]];
    let options = SoftmaxOptions { label_smoothing: 0.5379939944838649, ..SoftmaxOptions::default() };
    let p = SoftmaxProblem::new(&x, &[0, 1, 0], &options).unwrap();
    let start = SoftmaxModel { coef: vec![-2.132, -2.827, -0.722, 1.790], intercept: vec![0.214, -2.132] };
    let (warm, cold) = (p.refit(&start).unwrap(), p.fit().unwrap());
    assert!(warm.model.is_finite());
    assert!((warm.objective - cold.objective).abs() < 1e-12 * cold.objective);
}

#[test]
fn separable_classes_with_a_tiny_penalty_converge_far_out() {
    // The optimum is where the tiny penalty balances e^(−margin): logits in
    // the tens, along a direction the objective barely curves.
    let x = [
        vec![0.0, 0.0],
        vec![0.2, 0.1],
        vec![4.0, 0.0],
        vec![4.1, 0.3],
        vec![0.0, 4.0],
        vec![0.3, 4.2],
        vec![1.0, 1.0],
        vec![3.0, 0.5],
    ];
    let y = [0, 0, 1, 1, 2, 2, 0, 1];
    for c in [1e4, 1e6, 1e8] {
        let p = SoftmaxProblem::new(&x, &y, &SoftmaxOptions { c: Some(c), ..SoftmaxOptions::default() }).unwrap();
        let fit = p.fit().unwrap();
        let gap = p.points(&fit.model).iter().map(|q| q.logit_gap).fold(f64::INFINITY, f64::min);
        assert!(gap > 5.0, "C = {c}: smallest logit gap {gap}");
        assert!(largest_gradient(&p, &fit.model) < 1e-8, "C = {c}: {} iterations", fit.iterations);
    }
}
