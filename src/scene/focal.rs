//! Focal loss: the paper's curves, the points' focal loss against their
//! cross-entropy, and the sigmoid refitted under focal loss.

use super::fit_inputs::{fit_options, focal_options, points_xy};
use super::sampling::{padded_range, sample};
use crate::core::activation::logit;
use crate::core::breakdown::point_losses;
use crate::core::fit::{
    fit_focal, fit_focal_with, fit_logistic, fit_logistic_with, FitError, FitOptions, FitWith, LogisticFit, Sigmoid,
};
use crate::core::losses::{binary_focal_loss, FocalOptions};
use crate::state::State;

/// The γ of the focal-loss paper's figure 1.
pub const PAPER_GAMMAS: [f64; 5] = [0.0, 0.5, 1.0, 2.0, 5.0];

/// Samples of each curve: a few pixels apart where it is steepest, on the
/// widest figure. More draw the same line and cost every redraw.
const SAMPLES: u32 = 200;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FocalPoint {
    pub x: f64,
    pub green: bool,
    /// Probability of the point's own class under the displayed sigmoid.
    pub p_true: f64,
    /// Cross-entropy against the point's label, −log p_t (never times α_t).
    pub ce: f64,
    /// The modulating factor (1 − p_t)^γ.
    pub factor: f64,
    pub focal: f64,
}

/// FL(p_t) for one γ, sampled over p_t ∈ (0, 1].
#[derive(Clone, Debug, PartialEq)]
pub struct FocalCurve {
    pub gamma: f64,
    pub points: Vec<(f64, f64)>,
}

/// A converged fit and its sigmoid sampled over the points' x range.
#[derive(Clone, Debug, PartialEq)]
pub struct FitCurve {
    pub model: Sigmoid,
    pub iterations: usize,
    /// Mean log loss of the fit (unpenalised cross-entropy).
    pub log_loss: f64,
    pub curve: Vec<(f64, f64)>,
}

/// The cross-entropy and focal-loss fits of the same points without a penalty.
#[derive(Clone, Debug, PartialEq)]
pub struct Unpenalised {
    pub ce: Result<Sigmoid, FitError>,
    pub focal: Result<Sigmoid, FitError>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FocalScene {
    /// The sigmoid whose logits the points' losses are of.
    pub model: Sigmoid,
    /// γ.
    pub gamma: f64,
    /// α when class balancing is on.
    pub alpha: Option<f64>,
    /// The finite points, in the state's order.
    pub points: Vec<FocalPoint>,
    pub mean_ce: Option<f64>,
    pub mean_focal: Option<f64>,
    /// Share of the total cross-entropy carried by misclassified points (p_t < 0.5).
    pub hard_share_ce: Option<f64>,
    /// Share of the total focal loss carried by misclassified points.
    pub hard_share_focal: Option<f64>,
    /// One curve per γ of the paper.
    pub curves: Vec<FocalCurve>,
    /// The curve of the reader's γ.
    pub current: FocalCurve,
    /// FL at p_t = 0.1, 0.5, 0.9 for the reader's γ: the numbers the text
    /// alternative reads out.
    pub current_at: [(f64, f64); 3],
    /// The cross-entropy fit, or why there is none.
    pub ce_fit: Result<FitCurve, FitError>,
    /// The focal-loss fit (current γ, α), or why there is none.
    pub focal_fit: Result<FitCurve, FitError>,
    /// Both fits again without the L2 penalty, when the penalty is on: how
    /// much of the difference between them is the penalty's.
    pub unpenalised: Option<Unpenalised>,
    pub x_range: (f64, f64),
}

impl FocalScene {
    /// The focal scene of `state`, with per-point losses under `model` (the
    /// sigmoid displayed) and both fits converged.
    pub fn build(state: &State, model: Sigmoid) -> FocalScene {
        let focal = focal_options(state);
        let gamma = focal.gamma;
        let alpha = focal.apply_class_balancing.then_some(focal.alpha);
        let (x, y) = points_xy(state);
        let z: Vec<f64> = x.iter().map(|&x| model.logit(x)).collect();
        let points: Vec<FocalPoint> = point_losses(&y, &z, &focal)
            .into_iter()
            .zip(x.iter().zip(&y))
            .map(|(l, (&x, &y))| FocalPoint {
                x,
                green: y > 0.5,
                p_true: l.p_true,
                ce: l.cross_entropy,
                factor: l.focal_factor,
                focal: l.focal,
            })
            .collect();
        let mean = |f: fn(&FocalPoint) -> f64| {
            (!points.is_empty()).then(|| points.iter().map(f).sum::<f64>() / points.len() as f64)
        };
        let share = |f: fn(&FocalPoint) -> f64| {
            let total: f64 = points.iter().map(f).sum();
            let hard: f64 = points.iter().filter(|p| p.p_true < 0.5).map(f).sum();
            (total > 0.0 && total.is_finite()).then(|| hard / total)
        };
        let x_range = padded_range(x.iter().copied());
        let opts = fit_options(state);
        let to_curve = |r: Result<LogisticFit, FitError>| {
            r.map(|fit| FitCurve {
                model: fit.model,
                iterations: fit.iterations,
                log_loss: fit.log_loss,
                curve: sample(x_range.0, x_range.1, 240, |x| fit.model.proba(x)),
            })
        };
        let ce_fit = fit_logistic(&x, &y, &opts);
        let focal_fit = fit_focal(&x, &y, &focal, &opts);
        let unpenalised = opts.c.map(|_| {
            // Started from the penalised optima, which lie near.
            let free = FitOptions { c: None };
            let from = |fit: &Result<LogisticFit, FitError>| FitWith {
                warm_start: fit.as_ref().ok().map(|f| f.model),
                ..FitWith::default()
            };
            let ce = fit_logistic_with(&x, &y, &free, &from(&ce_fit)).map(|f| f.model);
            let focal = fit_focal_with(&x, &y, &focal, &free, &from(&focal_fit)).map(|f| f.model);
            Unpenalised { ce, focal }
        });
        FocalScene {
            model,
            gamma,
            alpha,
            mean_ce: mean(|p| p.ce),
            mean_focal: mean(|p| p.focal),
            hard_share_ce: share(|p| p.ce),
            hard_share_focal: share(|p| p.focal),
            points,
            curves: PAPER_GAMMAS.iter().map(|&g| focal_curve(g)).collect(),
            current: focal_curve(gamma),
            current_at: [0.1, 0.5, 0.9].map(|p| (p, paper_focal_loss(p, gamma))),
            ce_fit: to_curve(ce_fit),
            focal_fit: to_curve(focal_fit),
            unpenalised,
            x_range,
        }
    }
}

/// The focal-loss paper's `FL(p_t) = −(1 − p_t)^γ·log p_t`: the loss of a
/// positive point whose probability is `p_t`, without class balancing.
fn paper_focal_loss(p_t: f64, gamma: f64) -> f64 {
    binary_focal_loss(1.0, logit(p_t), &FocalOptions { gamma, apply_class_balancing: false, ..FocalOptions::default() })
}

/// FL(p_t) over p_t ∈ (0, 1], denser near 0 where it bends.
fn focal_curve(gamma: f64) -> FocalCurve {
    let points = (1..=SAMPLES)
        .map(|i| {
            let p = (f64::from(i) / f64::from(SAMPLES)).powf(1.5);
            (p, paper_focal_loss(p, gamma))
        })
        .collect();
    FocalCurve { gamma, points }
}

#[cfg(test)]
mod tests {
    use super::super::fit_inputs::converged_model;
    use super::*;

    fn scene(gamma: f64) -> FocalScene {
        let state = State { gamma, ..State::default() };
        FocalScene::build(&state, converged_model(&state).0)
    }

    #[test]
    fn gamma_zero_is_cross_entropy() {
        let s = scene(0.0);
        for p in &s.points {
            assert!((p.ce - p.focal).abs() < 1e-12);
        }
        assert!((s.mean_focal.unwrap() - 0.3329).abs() < 5e-5);
    }

    #[test]
    fn focal_loss_shifts_the_share_to_hard_points() {
        let s = scene(2.0);
        assert!(s.mean_focal.unwrap() < s.mean_ce.unwrap());
        assert!(s.hard_share_focal.unwrap() > s.hard_share_ce.unwrap());
    }

    #[test]
    fn both_fits_converge_on_the_article_points() {
        let s = scene(2.0);
        assert!(s.ce_fit.is_ok() && s.focal_fit.is_ok());
        assert_eq!(s.curves.len(), 5);
    }

    #[test]
    fn one_class_without_penalty_is_a_message_not_a_nan() {
        let mut state = State { regularization: crate::state::Regularization::Off, ..State::default() };
        for p in &mut state.points {
            p.green = true;
        }
        let s = FocalScene::build(&state, super::super::fit_inputs::FLAT);
        assert!(s.ce_fit.is_err() && s.focal_fit.is_err());
        assert_eq!(s.ce_fit.unwrap_err(), FitError::OneClass);
    }
}
