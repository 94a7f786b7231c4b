//! Numerics at the edges, under keras semantics: every loss and its gradient
//! stay finite for probabilities 0, 1 and subnormal, logits up to ±1e4, γ up
//! to 5, α and label smoothing at 0 and 1; fits stay finite on separable
//! points whenever they answer, and say why when they cannot.

#![cfg(not(target_arch = "wasm32"))]

use losslab::core::array::NdArray;
use losslab::core::fit::{fit_focal, fit_logistic, FitError, FitOptions};
use losslab::core::losses::{loss_with_grad, FocalOptions, LossKind, LossOptions, LossValue};
use losslab::core::real::Real;

/// Probabilities a student can type, and the ones float32 cannot hold apart.
const PROBABILITIES: [f64; 8] = [0.0, 1e-310, 1e-45, 1e-7, 0.5, 1.0 - 1e-7, 1.0 - 1e-12, 1.0];
/// Logits from far negative to far positive, with float32 sigmoid's edges.
const LOGITS: [f64; 7] = [-1e4, -88.8, -16.7, 0.0, 16.7, 88.8, 1e4];

fn all_finite<R: Real>(value: &LossValue<R>, grad: &NdArray<R>) -> bool {
    let values = match value {
        LossValue::Scalar(v) => vec![*v],
        LossValue::Array(a) => a.data.clone(),
    };
    values.iter().chain(&grad.data).all(|v| v.as_f64().is_finite())
}

/// y_true and y_pred for `kind`: every value of `preds` in one column of a
/// batch, each row a two-class distribution (or logits) with label 0 and 1.
fn batch(kind: LossKind, preds: &[f64], from_logits: bool) -> (NdArray<f64>, NdArray<f64>) {
    let n = preds.len();
    match kind {
        LossKind::BinaryCrossentropy | LossKind::BinaryFocalCrossentropy => {
            let y: Vec<f64> = (0..2 * n).map(|i| (i % 2) as f64).collect();
            let p: Vec<f64> = preds.iter().flat_map(|&v| [v, v]).collect();
            (NdArray::new(vec![2 * n, 1], y).unwrap(), NdArray::new(vec![2 * n, 1], p).unwrap())
        }
        LossKind::SparseCategoricalCrossentropy => {
            let y: Vec<f64> = (0..n).map(|i| (i % 2) as f64).collect();
            let p: Vec<f64> = preds.iter().flat_map(|&v| if from_logits { [v, -v] } else { [v, 1.0 - v] }).collect();
            (NdArray::new(vec![n], y).unwrap(), NdArray::new(vec![n, 2], p).unwrap())
        }
        _ => {
            let y: Vec<f64> = (0..n).flat_map(|i| if i % 2 == 0 { [1.0, 0.0] } else { [0.0, 1.0] }).collect();
            let p: Vec<f64> = preds.iter().flat_map(|&v| if from_logits { [v, -v] } else { [v, 1.0 - v] }).collect();
            (NdArray::new(vec![n, 2], y).unwrap(), NdArray::new(vec![n, 2], p).unwrap())
        }
    }
}

fn check<R: Real>(label: &str) {
    let mut checked = 0;
    for kind in LossKind::ALL {
        for from_logits in [false, true] {
            let preds: &[f64] = if from_logits { &LOGITS } else { &PROBABILITIES };
            let (y, p) = batch(kind, preds, from_logits);
            for gamma in [0.0, 2.0, 5.0] {
                for (alpha, balancing) in [(0.25, false), (0.0, true), (1.0, true)] {
                    let smoothings: &[f64] =
                        if kind == LossKind::SparseCategoricalCrossentropy { &[0.0] } else { &[0.0, 1.0] };
                    for &label_smoothing in smoothings {
                        let o = LossOptions {
                            from_logits,
                            focal: FocalOptions { gamma, alpha, apply_class_balancing: balancing },
                            label_smoothing,
                            ..Default::default()
                        };
                        let (value, grad) = loss_with_grad::<R>(kind, &y, &p, &o)
                            .unwrap_or_else(|e| panic!("{label} {kind:?} logits={from_logits}: {e}"));
                        assert!(
                            all_finite(&value, &grad),
                            "{label} {kind:?} logits={from_logits} γ={gamma} α={alpha} ls={label_smoothing}: {value:?} {grad:?}"
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked >= 150, "{checked} combinations");
}

#[test]
fn every_loss_and_gradient_is_finite_at_the_edges_in_float32() {
    check::<f32>("f32");
}

#[test]
fn every_loss_and_gradient_is_finite_at_the_edges_in_float64() {
    check::<f64>("f64");
}

#[test]
fn fits_on_separable_points_are_finite_or_explained() {
    let x = [-3.0, -2.0, -1.0, 1.0, 2.0, 3.0];
    let y = [0.0, 0.0, 0.0, 1.0, 1.0, 1.0];
    assert_eq!(fit_logistic(&x, &y, &FitOptions { c: None }), Err(FitError::Separable));
    for c in [0.001, 1.0, 1000.0] {
        let fit = fit_logistic(&x, &y, &FitOptions { c: Some(c) }).unwrap();
        assert!(
            fit.model.coef.is_finite() && fit.model.intercept.is_finite() && fit.log_loss.is_finite(),
            "C = {c}: {fit:?}"
        );
        for gamma in [0.0, 2.0, 5.0] {
            for alpha in [None, Some(0.0), Some(1.0)] {
                let focal =
                    FocalOptions { gamma, alpha: alpha.unwrap_or(0.25), apply_class_balancing: alpha.is_some() };
                match fit_focal(&x, &y, &focal, &FitOptions { c: Some(c) }) {
                    Ok(f) => {
                        assert!(f.model.coef.is_finite() && f.log_loss.is_finite(), "γ {gamma} α {alpha:?}: {f:?}")
                    }
                    // α = 0 (or 1) weighs one class out entirely: no finite optimum, said in words.
                    Err(e) => assert!(alpha.is_some() && !e.to_string().is_empty(), "γ {gamma} α {alpha:?}: {e}"),
                }
            }
        }
    }
    // Label smoothing 1 makes every target ½: the optimum is flat and finite.
    let half = [0.5; 6];
    let fit = fit_logistic(&x, &half, &FitOptions { c: None }).unwrap();
    assert!(fit.model.coef.abs() < 1e-9 && fit.model.intercept.abs() < 1e-9, "{fit:?}");
}
