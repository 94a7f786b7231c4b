//! The ten points (or however many the reader made) under one sigmoid.

use super::sampling::{padded_range, sample};
use crate::core::fit::{FitError, Sigmoid};
use crate::core::losses::{binary_cross_entropy, binary_cross_entropy_of_probability};
use crate::core::smoothing::smooth_binary;
use crate::state::State;

/// One point as every binary figure sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BinaryPoint {
    /// Index of the point in `State::points`, for hover and hit testing.
    pub index: usize,
    pub x: f64,
    /// Green: positive, y = 1.
    pub green: bool,
    /// Held out: not fitted, drawn hollow.
    pub held_out: bool,
    /// The label after binary smoothing, `y·(1−ls) + 0.5·ls`.
    pub target: f64,
    /// p(green | x) under the displayed sigmoid.
    pub p: f64,
    /// The probability of the point's own class: `p` if green, `1 − p` if red.
    pub p_true: f64,
    /// Cross-entropy against the smoothed target, computed from the logit
    /// (stable form), so it is finite even where `p` rounds to 0 or 1.
    pub loss: f64,
    /// −log p_true, from the logit (stable form): the point's place on the
    /// −log curve. Equal to `loss` without smoothing.
    pub neg_log_p: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BinaryScene {
    /// The points, in the state's order.
    pub points: Vec<BinaryPoint>,
    /// The sigmoid displayed: the optimum, or a step of the animation.
    pub model: Sigmoid,
    /// Why `model` is the flat sigmoid rather than a fit, when it is.
    pub fit_error: Option<FitError>,
    /// Binary label smoothing `ls` (0 … 1).
    pub smoothing: f64,
    /// Binary cross-entropy: the mean of the training points' losses (what
    /// the fit minimises). `None` without training points.
    pub bce: Option<f64>,
    /// The x range of every binary figure's axis.
    pub x_range: (f64, f64),
    /// The hovered point (an index into `points`).
    pub highlight: Option<usize>,
    /// p(green | x) sampled over `x_range`.
    pub curve: Vec<(f64, f64)>,
    /// −log p sampled over p ∈ (0, 1], for the `neglog` figure.
    pub neglog: Vec<(f64, f64)>,
}

impl BinaryScene {
    /// The scene of `state`'s points under `model`; `highlight` indexes
    /// `state.points`.
    pub fn build(state: &State, model: Sigmoid, highlight: Option<usize>) -> BinaryScene {
        let ls = state.smoothing;
        let points: Vec<BinaryPoint> = state
            .points
            .iter()
            .enumerate()
            .map(|(index, pt)| {
                let y = if pt.green { 1.0 } else { 0.0 };
                let target = smooth_binary(y, ls);
                let p = model.proba(pt.x);
                let p_true = if pt.green { p } else { 1.0 - p };
                let logit = model.coef * pt.x + model.intercept;
                let loss = binary_cross_entropy(target, logit);
                let neg_log_p = binary_cross_entropy(y, logit);
                BinaryPoint {
                    index,
                    x: pt.x,
                    green: pt.green,
                    held_out: pt.held_out,
                    target,
                    p,
                    p_true,
                    loss,
                    neg_log_p,
                }
            })
            .collect();
        let trained: Vec<f64> = points.iter().filter(|p| !p.held_out).map(|p| p.loss).collect();
        let bce = (!trained.is_empty()).then(|| trained.iter().sum::<f64>() / trained.len() as f64);
        let x_range = padded_range(points.iter().map(|p| p.x));
        let highlight = highlight.and_then(|h| points.iter().position(|p| p.index == h));
        BinaryScene {
            curve: sample(x_range.0, x_range.1, 240, |x| model.proba(x)),
            // −log p: the cross-entropy of a point whose true class gets p,
            // sampled densely near 0, where it bends.
            neglog: (1..=300)
                .map(|i| {
                    let p = (i as f64 / 300.0).powi(2);
                    (p, binary_cross_entropy_of_probability(1.0, p))
                })
                .collect(),
            points,
            model,
            fit_error: None,
            smoothing: ls,
            bce,
            x_range,
            highlight,
        }
    }

    /// The highlighted point, if any.
    pub fn highlighted(&self) -> Option<&BinaryPoint> {
        self.highlight.and_then(|h| self.points.get(h))
    }
}

#[cfg(test)]
mod tests {
    use super::super::fit_inputs::converged_model;
    use super::*;

    #[test]
    fn article_fit_gives_the_article_numbers() {
        let state = State::default();
        let scene = BinaryScene::build(&state, converged_model(&state).0, None);
        let want = [0.19, 0.33, 0.47, 0.70, 0.74, 0.81, 0.86, 0.94, 0.97, 0.99];
        for (pt, w) in scene.points.iter().zip(want) {
            assert!((pt.p - w).abs() < 0.006, "p({}) = {} ≠ {w}", pt.x, pt.p);
        }
        assert!((scene.bce.unwrap() - 0.3329).abs() < 5e-5, "{:?}", scene.bce);
    }

    #[test]
    fn unregularised_fit_gives_0_3052() {
        let state = State { regularization: crate::state::Regularization::Off, ..State::default() };
        let scene = BinaryScene::build(&state, converged_model(&state).0, None);
        assert!((scene.bce.unwrap() - 0.3052).abs() < 5e-5, "{:?}", scene.bce);
    }

    #[test]
    fn smoothing_moves_targets_to_0_1_and_0_9() {
        let state = State { smoothing: 0.2, ..State::default() };
        let scene = BinaryScene::build(&state, converged_model(&state).0, None);
        assert!((scene.points[0].target - 0.1).abs() < 1e-12);
        assert!((scene.points[9].target - 0.9).abs() < 1e-12);
    }

    #[test]
    fn a_steep_sigmoid_keeps_losses_finite() {
        let state = State::default();
        let scene = BinaryScene::build(&state, Sigmoid { coef: 1e6, intercept: 0.0 }, None);
        assert!(scene.points.iter().all(|p| p.loss.is_finite()));
    }
}
