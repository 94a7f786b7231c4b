//! What the fits of the page are fitted to, and with which options, from the state.

use crate::core::fit::{fit_logistic, FitError, FitOptions, Sigmoid};
use crate::core::losses::FocalOptions;
use crate::core::smoothing::smooth_binary;
use crate::state::{Regularization, State};

/// The fit options the state asks for: no penalty, or sklearn's L2 with `C`.
pub fn fit_options(state: &State) -> FitOptions {
    match state.regularization {
        Regularization::Off => FitOptions { c: None },
        Regularization::L2 => FitOptions { c: Some(state.c) },
    }
}

/// The focal loss the state asks for: γ, α and class balancing.
pub fn focal_options(state: &State) -> FocalOptions {
    FocalOptions { gamma: state.gamma, alpha: state.focal_alpha, apply_class_balancing: state.class_balancing }
}

/// The training points' x and 0/1 labels, in order: what every fit sees
/// (held-out points are only judged).
pub(crate) fn points_xy(state: &State) -> (Vec<f64>, Vec<f64>) {
    state.points.iter().filter(|p| !p.held_out).map(|p| (p.x, if p.green { 1.0 } else { 0.0 })).unzip()
}

/// What the page's sigmoid is fitted to: the training points' x and their
/// targets after binary label smoothing, `y·(1−ls) + 0.5·ls`.
pub fn fit_data(state: &State) -> (Vec<f64>, Vec<f64>) {
    let (x, y) = points_xy(state);
    let y = y.into_iter().map(|y| smooth_binary(y, state.smoothing)).collect();
    (x, y)
}

/// The converged sigmoid of the state's points, or the flat one and the
/// reason there is none.
pub fn converged_model(state: &State) -> (Sigmoid, Option<FitError>) {
    let (x, y) = fit_data(state);
    match fit_logistic(&x, &y, &fit_options(state)) {
        Ok(fit) => (fit.model, None),
        Err(e) => (FLAT, Some(e)),
    }
}

/// p = 0.5 everywhere: what the binary figures show when there is no fit.
pub const FLAT: Sigmoid = Sigmoid { coef: 0.0, intercept: 0.0 };

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_state_converges_to_the_article_fit() {
        let (model, err) = converged_model(&State::default());
        assert!(err.is_none());
        assert!((model.coef - 0.97194).abs() < 1e-3, "{model:?}");
        assert!((model.intercept - 0.65554).abs() < 1e-3, "{model:?}");
    }
}
