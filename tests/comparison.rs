//! The four fits the page compares — cross-entropy, focal loss, label
//! smoothing, balanced class weights — refitted warm after a point moves,
//! the confusion counts, and the claims the page's text makes about the
//! fits on the generated data sets (averaged over seeds, so that they hold
//! for the data, not for one lucky draw).
#![cfg(not(target_arch = "wasm32"))]

use losslab::core::activation::sigmoid;
use losslab::core::comparison::{fit_all, scorecard, ComparisonOptions, Contender, Scorecard};
use losslab::core::confusion::{minority_recall, Confusion};
use losslab::core::data::BinaryDataSet;

#[test]
fn after_a_point_moves_every_warm_refit_lands_on_the_cold_optimum() {
    let o = ComparisonOptions::default();
    let (mut x, y) = BinaryDataSet::Imbalanced.generate(1).training();
    let before = fit_all(&x, &y, &o, [None; 4]);
    x[17] += 0.8;
    let warm = before.each_ref().map(|f| f.as_ref().ok().map(|f| f.model));
    let hot = fit_all(&x, &y, &o, warm);
    let cold = fit_all(&x, &y, &o, [None; 4]);
    for ((h, c), who) in hot.iter().zip(&cold).zip(Contender::ALL) {
        let (h, c) = (h.as_ref().unwrap(), c.as_ref().unwrap());
        assert!(
            (h.model.coef - c.model.coef).abs() < 1e-9 && (h.model.intercept - c.model.intercept).abs() < 1e-9,
            "{who:?}"
        );
        assert!(h.iterations <= c.iterations, "{who:?}: {} > {}", h.iterations, c.iterations);
    }
}

#[test]
fn confusion_counts_every_point_once() {
    let d = BinaryDataSet::Noisy.generate(2);
    let p: Vec<f64> = d.x.iter().map(|&x| sigmoid(1.1 * x)).collect();
    for t in [0.0, 0.3, 0.5, 0.9, 1.0] {
        let c = Confusion::at(&d.y, &p, t);
        assert_eq!(c.true_positives + c.false_positives + c.true_negatives + c.false_negatives, 200);
    }
    assert_eq!(Confusion::at(&d.y, &p, 1.0).true_positives, 0);
    let everything_positive = Confusion::at(&d.y, &p, 0.0);
    assert_eq!((everything_positive.recall(), everything_positive.specificity()), (Some(1.0), Some(0.0)));
    // The minority of 1 green to 3 reds is green.
    assert_eq!(minority_recall(&[0., 0., 0., 1.], &[0.6, 0.1, 0.2, 0.4], 0.5), Some(0.0));
}

/// The mean of a readout over seeds 0..n for each contender.
fn mean_over_seeds(set: BinaryDataSet, n: u64, read: impl Fn(&Scorecard) -> f64) -> [f64; 4] {
    let o = ComparisonOptions::default();
    let mut sums = [0.0; 4];
    for seed in 0..n {
        let d = set.generate(seed);
        let (tx, ty) = d.training();
        let (ex, ey) = d.evaluation();
        for (i, fit) in fit_all(&tx, &ty, &o, [None; 4]).iter().enumerate() {
            let card = scorecard(Contender::ALL[i], fit.as_ref().unwrap().model, (&tx, &ty), (&ex, &ey), &o).unwrap();
            sums[i] += read(&card) / n as f64;
        }
    }
    sums
}

const CE: usize = 0;
const FOCAL: usize = 1;
const SMOOTHED: usize = 2;
const BALANCED: usize = 3;

#[test]
fn on_imbalanced_data_balancing_finds_the_minority_and_costs_calibration() {
    let recall = mean_over_seeds(BinaryDataSet::Imbalanced, 20, |c| c.minority_recall.unwrap());
    assert!(recall[BALANCED] > 0.7 && recall[CE] < 0.4, "{recall:?}");
    let ece = mean_over_seeds(BinaryDataSet::Imbalanced, 20, |c| c.calibration.ece);
    assert!(ece[BALANCED] > 3.0 * ece[CE], "{ece:?}");
}

#[test]
fn on_well_specified_data_cross_entropy_is_the_best_calibrated() {
    // Two Gaussians with equal spread: the true P(y|x) is a sigmoid, which
    // cross-entropy estimates; focal loss and smoothing pull it flatter
    // (underconfident), so their ECE, Brier and log loss are worse.
    let readouts: [fn(&Scorecard) -> f64; 3] =
        [|c| c.calibration.ece, |c| c.calibration.brier, |c| c.calibration.log_loss];
    for read in readouts {
        let m = mean_over_seeds(BinaryDataSet::Overlap, 20, read);
        assert!(m[CE] < m[SMOOTHED] && m[SMOOTHED] < m[FOCAL], "{m:?}");
    }
}

#[test]
fn at_the_optimum_with_a_free_intercept_the_two_classes_pull_equally() {
    // ∂/∂b = Σ gᵢ = 0: so when a fit calls every point one class (the
    // outlier set's nearly flat fit), the misclassified class carries
    // exactly half of the pull.
    let o = ComparisonOptions::default();
    let d = BinaryDataSet::Outlier.generate(1);
    let (x, y) = d.training();
    let fit = Contender::CrossEntropy.fit(&x, &y, &o, None).unwrap();
    let card = scorecard(Contender::CrossEntropy, fit.model, (&x, &y), (&x, &y), &o).unwrap();
    assert!((card.pull_share.unwrap() - 0.5).abs() < 1e-9);
    assert_eq!(card.confusion.true_negatives, 0);
}
