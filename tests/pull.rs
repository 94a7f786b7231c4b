//! Who pulls the fit: each per-point gradient against central finite
//! differences of the loss it belongs to, and the share of the pull that
//! misclassified points carry.
#![cfg(not(target_arch = "wasm32"))]

use losslab::core::activation::sigmoid;
use losslab::core::losses::{binary_cross_entropy, binary_focal_loss, FocalOptions};
use losslab::core::pull::{cross_entropy_pull, focal_pull, misclassified_share, smoothed_pull};
use losslab::core::smoothing::smooth_binary;
use proptest::prelude::*;

/// `(f(z + h) − f(z − h)) / 2h` with a step scaled to `z`.
fn central(f: impl Fn(f64) -> f64, z: f64) -> f64 {
    let h = 1e-5 * z.abs().max(1.0);
    (f(z + h) - f(z - h)) / (2.0 * h)
}

fn agrees(analytic: f64, numeric: f64) -> bool {
    (analytic - numeric).abs() <= 1e-6 * analytic.abs().max(1e-3)
}

proptest! {
    #[test]
    fn cross_entropy_pull_is_the_derivative(y in 0.0..=1.0f64, z in -30.0..30.0f64) {
        let numeric = central(|z| binary_cross_entropy(y, z), z);
        prop_assert!(agrees(cross_entropy_pull(y, z), numeric), "{} vs {numeric}", cross_entropy_pull(y, z));
    }

    #[test]
    fn focal_pull_is_the_derivative(
        hard in any::<bool>(),
        z in -20.0..20.0f64,
        gamma in 0.0..=5.0f64,
        alpha in 0.0..=1.0f64,
        balancing in any::<bool>(),
    ) {
        let y = if hard { 1.0 } else { 0.0 };
        let focal = FocalOptions { gamma, alpha, apply_class_balancing: balancing };
        let numeric = central(|z| binary_focal_loss(y, z, &focal), z);
        let g = focal_pull(y, z, &focal);
        prop_assert!(agrees(g, numeric) || (g.abs() < 1e-12 && numeric.abs() < 1e-9), "γ {gamma}: {g} vs {numeric}");
    }

    #[test]
    fn smoothed_pull_is_the_derivative(hard in any::<bool>(), z in -30.0..30.0f64, alpha in 0.0..=1.0f64) {
        let y = if hard { 1.0 } else { 0.0 };
        let numeric = central(|z| binary_cross_entropy(smooth_binary(y, alpha), z), z);
        prop_assert!(agrees(smoothed_pull(y, z, alpha), numeric));
    }

    #[test]
    fn focal_pulls_a_right_point_less_than_cross_entropy(hard in any::<bool>(), z in -40.0..40.0f64, gamma in 0.0..=5.0f64) {
        // Without class balancing, a point on the right side (p_t ≥ ½) is
        // damped: |∂FL/∂z| = (1 − p_t)^γ·(1 − p_t + γ·p_t·CE) ≤ 1 − p_t.
        let y = if hard { 1.0 } else { 0.0 };
        prop_assume!((z >= 0.0) == hard);
        let focal = FocalOptions { gamma, ..FocalOptions::default() };
        let (f, c) = (focal_pull(y, z, &focal).abs(), cross_entropy_pull(y, z).abs());
        // (1e-15: where σ(z) rounds to 1, CE's σ(z) − 1 is 0 and the dual's σ(−z) is not.)
        prop_assert!(f <= c * (1.0 + 1e-12) + 1e-15, "{f} > {c}");
    }

    #[test]
    fn the_share_is_a_fraction(points in prop::collection::vec((any::<bool>(), -5.0..5.0f64), 1..40)) {
        let y: Vec<f64> = points.iter().map(|p| if p.0 { 1.0 } else { 0.0 }).collect();
        let z: Vec<f64> = points.iter().map(|p| p.1).collect();
        let g: Vec<f64> = y.iter().zip(&z).map(|(&y, &z)| cross_entropy_pull(y, z)).collect();
        let share = misclassified_share(&y, &z, &g).unwrap();
        prop_assert!((0.0..=1.0).contains(&share));
    }
}

#[test]
fn pulls_stay_finite_at_extreme_logits() {
    for z in [-1e308, -800.0, -40.0, 40.0, 800.0, 1e308, f64::INFINITY, f64::NEG_INFINITY] {
        for y in [0.0, 1.0] {
            for gamma in [0.0, 0.5, 2.0, 5.0] {
                let g = focal_pull(y, z, &FocalOptions { gamma, ..FocalOptions::default() });
                assert!(g.is_finite(), "z {z}, y {y}, γ {gamma}: {g}");
            }
            assert!(cross_entropy_pull(y, z).is_finite() && smoothed_pull(y, z, 0.2).is_finite());
        }
    }
}

#[test]
fn a_badly_wrong_point_pulls_harder_under_focal_loss_than_under_cross_entropy() {
    // Focal loss does not only damp: the factor (1 − p_t)^γ grows as a point
    // gets worse, and its derivative times a large CE adds to the pull:
    // |∂FL/∂z| = (1 − p_t)^γ·(1 − p_t + γ·p_t·CE). At γ = 2 a point with
    // p_t = 0.2 pulls 1.15 times as hard as under CE; the two cross near
    // p_t = 0.3, and at p_t = 0.35 focal loss pulls 0.90 times as hard.
    let focal = FocalOptions::default();
    let ratio = |p_t: f64| {
        let z = (p_t / (1.0 - p_t)).ln(); // a green point with p = p_t
        focal_pull(1.0, z, &focal) / cross_entropy_pull(1.0, z)
    };
    assert!((ratio(0.2) - 1.155).abs() < 1e-3, "{}", ratio(0.2));
    assert!(ratio(0.25) > 1.0 && ratio(0.3) < 1.0);
    assert!((ratio(0.35) - 0.900).abs() < 1e-3, "{}", ratio(0.35));
    // At γ = 4.6 a red point at z = 4.1 (p_t = 0.016) pulls 1.2 against CE's 0.98.
    let steep = FocalOptions { gamma: 4.6, ..focal };
    assert!(focal_pull(0.0, 4.1, &steep) > 1.19 && cross_entropy_pull(0.0, 4.1) < 0.99);
}

#[test]
fn a_confidently_wrong_point_pulls_with_full_force_unless_smoothed() {
    // y = 1 at p ≈ 0: cross-entropy pulls −1, focal loss nearly −1 too (it
    // is a hard point), smoothing −0.9.
    let z = -12.0;
    assert!((cross_entropy_pull(1.0, z) + 1.0).abs() < 1e-5);
    assert!((focal_pull(1.0, z, &FocalOptions::default()) + 1.0).abs() < 1e-3);
    assert!((smoothed_pull(1.0, z, 0.2) + 0.9).abs() < 1e-5);
    assert!((sigmoid(z) - 6.1e-6).abs() < 1e-7);
}
