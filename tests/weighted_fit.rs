//! The weighted and warm-started fits: per-point weights change the
//! objective to `½·coef²/C + Σ sᵢ·lossᵢ` (checked by its gradient, by
//! finite differences and by hand), balanced class weights give both
//! classes the same total, and a warm start lands where a cold one does.
#![cfg(not(target_arch = "wasm32"))]

use losslab::core::activation::sigmoid;
use losslab::core::class_weight::balanced;
use losslab::core::data::BinaryDataSet;
use losslab::core::fit::{fit_focal_with, fit_logistic, fit_logistic_with, FitError, FitOptions, FitWith, Sigmoid};
use losslab::core::losses::{binary_cross_entropy, binary_focal_loss, FocalOptions};

fn weighted(w: &[f64]) -> FitWith<'_> {
    FitWith { sample_weight: Some(w), ..FitWith::default() }
}

/// `½·coef²/C + Σ sᵢ·CEᵢ`, written out.
fn objective(m: Sigmoid, x: &[f64], y: &[f64], s: &[f64], c: f64) -> f64 {
    0.5 * m.coef * m.coef / c
        + x.iter().zip(y).zip(s).map(|((&x, &y), &s)| s * binary_cross_entropy(y, m.logit(x))).sum::<f64>()
}

#[test]
fn the_weighted_optimum_has_a_zero_gradient_and_beats_its_neighbours() {
    let (x, y) = BinaryDataSet::Noisy.generate(4).training();
    let s: Vec<f64> = (0..x.len()).map(|i| 0.25 + (i % 7) as f64 * 0.5).collect();
    let c = 0.7;
    let m = fit_logistic_with(&x, &y, &FitOptions { c: Some(c) }, &weighted(&s)).unwrap().model;
    // ∂/∂coef = coef/C + Σ sᵢ(pᵢ − yᵢ)xᵢ, ∂/∂intercept = Σ sᵢ(pᵢ − yᵢ), by hand.
    let r: Vec<f64> = x.iter().zip(&y).zip(&s).map(|((&x, &y), &s)| s * (sigmoid(m.logit(x)) - y)).collect();
    let g_coef = m.coef / c + r.iter().zip(&x).map(|(r, x)| r * x).sum::<f64>();
    let g_intercept: f64 = r.iter().sum();
    assert!(g_coef.abs() < 1e-9 && g_intercept.abs() < 1e-9, "{g_coef} {g_intercept}");
    let f0 = objective(m, &x, &y, &s, c);
    for (dw, db) in [(1e-4, 0.0), (-1e-4, 0.0), (0.0, 1e-4), (0.0, -1e-4), (1e-4, -1e-4)] {
        let near = Sigmoid { coef: m.coef + dw, intercept: m.intercept + db };
        assert!(objective(near, &x, &y, &s, c) > f0);
    }
}

#[test]
fn weights_scaled_by_k_are_c_scaled_by_k() {
    // ½w²/C + Σ k·sᵢ·lᵢ = k·(½w²/(kC) + Σ sᵢ·lᵢ): the same optimum.
    let (x, y) = BinaryDataSet::Overlap.generate(2).training();
    let s = balanced(&y);
    let s3: Vec<f64> = s.iter().map(|v| 3.0 * v).collect();
    let a = fit_logistic_with(&x, &y, &FitOptions { c: Some(3.0) }, &weighted(&s)).unwrap().model;
    let b = fit_logistic_with(&x, &y, &FitOptions { c: Some(1.0) }, &weighted(&s3)).unwrap().model;
    assert!((a.coef - b.coef).abs() < 1e-10 && (a.intercept - b.intercept).abs() < 1e-10);
}

#[test]
fn a_weight_of_zero_leaves_the_point_out() {
    let (x, y) = ([-2.0, -1.0, 0.0, 1.0, 2.0, 30.0], [0., 1., 0., 1., 1., 0.]);
    let kept = fit_logistic_with(&x, &y, &FitOptions::default(), &weighted(&[1., 1., 1., 1., 1., 0.])).unwrap();
    let dropped = fit_logistic(&x[..5], &y[..5], &FitOptions::default()).unwrap();
    assert!((kept.model.coef - dropped.model.coef).abs() < 1e-12);
}

#[test]
fn unit_weights_are_no_weights() {
    let (x, y) = BinaryDataSet::Imbalanced.generate(1).training();
    let plain = fit_logistic(&x, &y, &FitOptions::default()).unwrap();
    let ones = fit_logistic_with(&x, &y, &FitOptions::default(), &weighted(&vec![1.0; x.len()])).unwrap();
    assert_eq!(plain.model, ones.model);
}

#[test]
fn bad_weights_are_errors() {
    let (x, y) = ([0.0, 1.0, 2.0], [0.0, 1.0, 0.0]);
    let o = FitOptions::default();
    assert_eq!(fit_logistic_with(&x, &y, &o, &weighted(&[1.0])), Err(FitError::WeightLength { x: 3, weights: 1 }));
    assert_eq!(fit_logistic_with(&x, &y, &o, &weighted(&[1.0, -1.0, 1.0])), Err(FitError::BadWeight(-1.0)));
    assert!(matches!(fit_logistic_with(&x, &y, &o, &weighted(&[1.0, f64::NAN, 1.0])), Err(FitError::BadWeight(_))));
    // Weighing out every red point leaves one class.
    assert_eq!(fit_logistic_with(&x, &y, &o, &weighted(&[0.0, 1.0, 0.0])), Err(FitError::OneClass));
    assert!(FitError::BadWeight(-1.0).to_string().contains("≥ 0, got -1"));
}

#[test]
fn weighted_focal_fit_has_a_zero_gradient() {
    let (x, y) = BinaryDataSet::Overlap.generate(3).training();
    let s = balanced(&y);
    let focal = FocalOptions::default();
    let m = fit_focal_with(&x, &y, &focal, &FitOptions::default(), &weighted(&s)).unwrap().model;
    // Central differences of the weighted objective.
    let f = |coef: f64, intercept: f64| {
        let m = Sigmoid { coef, intercept };
        0.5 * coef * coef
            + x.iter().zip(&y).zip(&s).map(|((&x, &y), &s)| s * binary_focal_loss(y, m.logit(x), &focal)).sum::<f64>()
    };
    let h = 1e-6;
    let gw = (f(m.coef + h, m.intercept) - f(m.coef - h, m.intercept)) / (2.0 * h);
    let gb = (f(m.coef, m.intercept + h) - f(m.coef, m.intercept - h)) / (2.0 * h);
    assert!(gw.abs() < 1e-6 && gb.abs() < 1e-6, "{gw} {gb}");
}

#[test]
fn balanced_weights_give_both_classes_the_same_total() {
    let (_, y) = BinaryDataSet::Imbalanced.generate(1).training();
    let w = balanced(&y);
    let total = |class: f64| y.iter().zip(&w).filter(|(&v, _)| v == class).map(|(_, s)| s).sum::<f64>();
    assert!((total(1.0) - 140.0).abs() < 1e-9 && (total(0.0) - 140.0).abs() < 1e-9);
    assert_eq!(w.iter().find(|&&s| s > 1.0), Some(&10.0)); // 280 / (2·14)
}

#[test]
fn a_warm_start_from_anywhere_lands_on_the_cold_optimum() {
    let (x, y) = BinaryDataSet::Noisy.generate(1).training();
    let s = balanced(&y);
    let o = FitOptions::default();
    let focal = FocalOptions::default();
    let cold_ce = fit_logistic_with(&x, &y, &o, &weighted(&s)).unwrap().model;
    let cold_fl = fit_focal_with(&x, &y, &focal, &o, &weighted(&s)).unwrap().model;
    for start in [Sigmoid { coef: -3.0, intercept: 2.0 }, Sigmoid { coef: 8.0, intercept: -5.0 }, cold_fl] {
        let with = FitWith { sample_weight: Some(&s), warm_start: Some(start) };
        let ce = fit_logistic_with(&x, &y, &o, &with).unwrap().model;
        let fl = fit_focal_with(&x, &y, &focal, &o, &with).unwrap().model;
        assert!(
            (ce.coef - cold_ce.coef).abs() < 1e-12 && (ce.intercept - cold_ce.intercept).abs() < 1e-12,
            "{start:?}"
        );
        assert!(
            (fl.coef - cold_fl.coef).abs() < 1e-12 && (fl.intercept - cold_fl.intercept).abs() < 1e-12,
            "{start:?}"
        );
    }
    // A warm start that is not a number is ignored.
    let nan = FitWith { sample_weight: Some(&s), warm_start: Some(Sigmoid { coef: f64::NAN, intercept: 0.0 }) };
    assert_eq!(fit_logistic_with(&x, &y, &o, &nan).unwrap().model, cold_ce);
}
