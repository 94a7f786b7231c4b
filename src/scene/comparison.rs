//! The claims on data: four sigmoids fitted to the training points —
//! cross-entropy, focal loss, label-smoothed cross-entropy and cross-entropy
//! with balanced class weights — and how each does on the points it did not
//! see: calibration, who pulls each fit, and confusion counts.

use super::fit_inputs::{fit_options, focal_options};
use super::sampling::{padded_range, sample};
use crate::core::calibration::BinStrategy;
use crate::core::comparison::{scorecard, ComparisonOptions, Contender, Scorecard};
use crate::core::fit::{FitError, Sigmoid};
use crate::core::pull::is_misclassified;
use crate::state::State;

/// One fit of the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Fitted {
    pub contender: Contender,
    /// The optimum, or why there is none.
    pub model: Result<Sigmoid, FitError>,
    /// How it does; `None` without a model or without evaluation points.
    pub card: Option<Scorecard>,
    /// Each training point's pull (the gradient of its loss with respect to
    /// its logit), in the order of [`ComparisonScene::training`].
    pub pulls: Vec<f64>,
    /// p(green | x) over the points' x range.
    pub curve: Vec<(f64, f64)>,
}

/// A training point as the pull figure sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainingPoint {
    /// Index of the point in `State::points`, for hover.
    pub index: usize,
    pub x: f64,
    pub green: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonScene {
    /// In the order of [`Contender::ALL`]: cross-entropy, focal, smoothed, balanced.
    pub fits: Vec<Fitted>,
    /// The points the fits see.
    pub training: Vec<TrainingPoint>,
    /// How many points the fits are judged on, and whether those are held
    /// out (otherwise every point is, as for the article's ten).
    pub evaluated: usize,
    pub judged_on_held_out: bool,
    /// Green points among those judged.
    pub evaluated_green: usize,
    pub options: ComparisonOptions,
    pub x_range: (f64, f64),
}

impl ComparisonScene {
    /// Fits and judges the four contenders on `state`'s points; each fit
    /// starts from its optimum in `previous` (same answer, two or three
    /// Newton steps after a point moves).
    pub fn build(state: &State, previous: Option<&ComparisonScene>) -> ComparisonScene {
        let options = ComparisonOptions {
            fit: fit_options(state),
            focal: focal_options(state),
            smoothing: state.smoothing,
            n_bins: state.bins as usize,
            strategy: BinStrategy::Uniform,
            threshold: state.threshold,
        };
        let training: Vec<TrainingPoint> = (state.points.iter().enumerate())
            .filter(|(_, p)| !p.held_out)
            .map(|(index, p)| TrainingPoint { index, x: p.x, green: p.green })
            .collect();
        let label = |green: bool| if green { 1.0 } else { 0.0 };
        let tx: Vec<f64> = training.iter().map(|p| p.x).collect();
        let ty: Vec<f64> = training.iter().map(|p| label(p.green)).collect();
        let judged_on_held_out = state.points.iter().any(|p| p.held_out);
        let (ex, ey): (Vec<f64>, Vec<f64>) =
            (state.points.iter()).filter(|p| p.held_out || !judged_on_held_out).map(|p| (p.x, label(p.green))).unzip();
        let x_range = padded_range(state.points.iter().map(|p| p.x));
        let fits = Contender::ALL
            .iter()
            .enumerate()
            .map(|(i, &contender)| {
                let warm = previous.and_then(|s| s.fits.get(i)).and_then(|f| f.model.clone().ok());
                let model = contender.fit(&tx, &ty, &options, warm).map(|fit| fit.model);
                let (card, pulls, curve) = match &model {
                    Ok(m) => (
                        scorecard(contender, *m, (&tx, &ty), (&ex, &ey), &options).ok(),
                        contender.pulls(&tx, &ty, *m, &options),
                        sample(x_range.0, x_range.1, 240, |x| m.proba(x)),
                    ),
                    Err(_) => (None, Vec::new(), Vec::new()),
                };
                Fitted { contender, model, card, pulls, curve }
            })
            .collect();
        ComparisonScene {
            fits,
            training,
            evaluated: ex.len(),
            judged_on_held_out,
            evaluated_green: ey.iter().filter(|&&y| y == 1.0).count(),
            options,
            x_range,
        }
    }

    /// The fit of `contender`.
    pub fn fit(&self, contender: Contender) -> &Fitted {
        &self.fits[Contender::ALL.iter().position(|&c| c == contender).expect("every contender is fitted")]
    }

    /// Whether training point `i` is on the wrong side of `fitted`'s boundary.
    pub fn misclassified(&self, fitted: &Fitted, i: usize) -> bool {
        let p = self.training[i];
        fitted.model.as_ref().is_ok_and(|m| is_misclassified(if p.green { 1.0 } else { 0.0 }, m.logit(p.x)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::calibration::binary_calibration;
    use crate::core::data::BinaryDataSet;
    use crate::core::fit::{fit_logistic, FitOptions};

    fn scene(query: &str) -> ComparisonScene {
        ComparisonScene::build(&State::from_query(query).state, None)
    }

    #[test]
    fn on_the_article_points_the_ce_fit_is_judged_on_all_ten() {
        let s = scene("");
        assert_eq!((s.evaluated, s.judged_on_held_out, s.training.len()), (10, false, 10));
        // The C = 1 fit's probabilities, binned by the calibration call's code.
        let (x, y): (Vec<f64>, Vec<f64>) =
            State::default().points.iter().map(|p| (p.x, if p.green { 1.0 } else { 0.0 })).unzip();
        let fit = fit_logistic(&x, &y, &FitOptions { c: Some(1.0) }).unwrap();
        let p: Vec<f64> = x.iter().map(|&x| fit.model.proba(x)).collect();
        let want = binary_calibration(&y, &p, 10, BinStrategy::Uniform).unwrap();
        let card = s.fit(Contender::CrossEntropy).card.as_ref().unwrap();
        assert!((card.calibration.ece - want.ece).abs() < 1e-12, "{} vs {}", card.calibration.ece, want.ece);
    }

    #[test]
    fn imbalanced_fits_train_on_280_and_are_judged_on_120() {
        let s = scene("data=imbalanced&seed=1");
        assert_eq!((s.training.len(), s.evaluated, s.evaluated_green), (280, 120, 6));
        assert!(s.fits.iter().all(|f| f.model.is_ok() && f.card.is_some() && f.pulls.len() == 280));
        // Balanced weights find more of the six green points than plain cross-entropy.
        let recall = |c| s.fit(c).card.as_ref().unwrap().minority_recall.unwrap();
        assert!(recall(Contender::Balanced) > recall(Contender::CrossEntropy));
    }

    #[test]
    fn gamma_moves_only_the_focal_fit() {
        let a = scene("data=imbalanced&seed=1&gamma=1");
        let b = scene("data=imbalanced&seed=1&gamma=4");
        for c in [Contender::CrossEntropy, Contender::Smoothed, Contender::Balanced] {
            assert_eq!(a.fit(c), b.fit(c), "{c:?}");
        }
        assert_ne!(a.fit(Contender::Focal).model, b.fit(Contender::Focal).model);
    }

    #[test]
    fn a_warm_start_finds_the_same_optima() {
        let state = State::from_query("data=noisy&seed=3").state;
        let cold = ComparisonScene::build(&state, None);
        let mut moved = state.clone();
        moved.points[0].x += 0.5;
        let warm = ComparisonScene::build(&moved, Some(&cold));
        let again = ComparisonScene::build(&moved, None);
        for (w, a) in warm.fits.iter().zip(&again.fits) {
            let (w, a) = (w.model.as_ref().unwrap(), a.model.as_ref().unwrap());
            assert!((w.coef - a.coef).abs() < 1e-9 && (w.intercept - a.intercept).abs() < 1e-9);
        }
        assert_eq!(BinaryDataSet::Noisy.generate(3).x.len(), state.points.len());
    }

    #[test]
    fn without_training_points_every_fit_says_why() {
        let s = scene("pts=1:1h,2:0h");
        assert!(s.fits.iter().all(|f| f.model.is_err() && f.card.is_none()));
    }
}
