//! The numbers every figure shows, derived from a [`State`] by calls into
//! [`crate::core`]. Plain data, split by what it depends on, so the page
//! recomputes only the part whose inputs changed:
//!
//! | part | reads | drawn by |
//! | --- | --- | --- |
//! | [`BinaryScene`] | points, labels, the displayed sigmoid, binary smoothing, hover | `points` … `point-losses` |
//! | [`FocalScene`] | the above plus γ, α, class balancing, regularisation | `focal-*` |
//! | [`CceScene`] | the categorical calculator's rows | `cce` |
//! | [`SmoothingScene`] | categorical α and K | `smoothing-*` |
//! | [`StabilityScene`] | nothing: computed once | `logits-stability` |
//!
//! A scene never holds a NaN where a reader would see a number: what cannot
//! be computed is an `Option`, a `Result` with a sentence, or a count of
//! points left out.

mod binary;
mod cce;
mod focal;
mod smoothing;
mod stability;

pub use binary::{BinaryPoint, BinaryScene};
pub use cce::{CceSample, CceScene};
pub use focal::{FitCurve, FocalCurve, FocalPoint, FocalScene};
pub use smoothing::SmoothingScene;
pub use stability::{Breakdown, StabilityCurve, StabilityScene, X_MAX as STABILITY_X_MAX};

/// The numerics every scene number comes from.
use crate::core as numerics;

use crate::state::{Regularization, State};
use numerics::fit::{fit_logistic, FitError, FitOptions, Sigmoid};
use numerics::losses::FocalOptions;

/// Which parts of the scene a figure reads, so the page redraws only the
/// figures whose inputs changed. A change of theme, palette, language or
/// size redraws every figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Deps(u8);

impl Deps {
    pub const NONE: Deps = Deps(0);
    /// Points, labels, the displayed sigmoid, regularisation, binary smoothing, hover.
    pub const BINARY: Deps = Deps(1);
    /// γ, focal α, class balancing.
    pub const FOCAL: Deps = Deps(1 << 1);
    /// The categorical calculator's rows.
    pub const CCE: Deps = Deps(1 << 2);
    /// Categorical label smoothing α and K.
    pub const LABEL_SMOOTHING: Deps = Deps(1 << 3);
    /// Nothing the reader sets: the f32 stability curves.
    pub const STABILITY: Deps = Deps(1 << 4);
    /// Every part.
    pub const ALL: Deps = Deps(0b1_1111);
    /// The points changed (moved, flipped, added, removed) or the fit's
    /// objective did: the binary figures and the focal ones, which refit.
    pub const POINTS: Deps = Deps::BINARY.union(Deps::FOCAL);

    pub const fn union(self, other: Deps) -> Deps {
        Deps(self.0 | other.0)
    }

    /// True when the two share any part.
    pub const fn intersects(self, other: Deps) -> bool {
        self.0 & other.0 != 0
    }

    pub const fn contains(self, other: Deps) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for Deps {
    type Output = Deps;
    fn bitor(self, other: Deps) -> Deps {
        self.union(other)
    }
}

impl std::ops::BitOrAssign for Deps {
    fn bitor_assign(&mut self, other: Deps) {
        *self = self.union(other);
    }
}

/// Every part of every figure's data.
#[derive(Clone, Debug)]
pub struct Scene {
    pub binary: BinaryScene,
    pub focal: FocalScene,
    pub cce: CceScene,
    pub smoothing: SmoothingScene,
    pub stability: StabilityScene,
}

impl Scene {
    /// The scene of a state with the sigmoid at its converged optimum (what
    /// native export draws). When the fit fails the binary figures show the
    /// flat sigmoid p = 0.5 and say why, in words.
    pub fn from_state(state: &State) -> Scene {
        let (model, fit_error) = converged_model(state);
        let mut binary = BinaryScene::build(state, model, None);
        binary.fit_error = fit_error;
        Scene {
            focal: FocalScene::build(state, model),
            binary,
            cce: CceScene::from_text(&state.cce_calc.y_true, &state.cce_calc.y_pred),
            smoothing: SmoothingScene::build(state.label_smoothing, state.classes),
            stability: StabilityScene::build(),
        }
    }
}

impl Scene {
    /// The scene the page shows: the sigmoid `model` as currently displayed
    /// (the animation moves it), the converged `optimum` that the focal fit is
    /// compared with, and the categorical calculator's last good rows.
    pub fn build(state: &State, model: Sigmoid, optimum: Sigmoid, highlight: Option<usize>, cce: &CceScene) -> Scene {
        Scene {
            binary: BinaryScene::build(state, model, highlight),
            focal: FocalScene::build(state, optimum),
            cce: cce.clone(),
            smoothing: SmoothingScene::build(state.label_smoothing, state.classes),
            stability: StabilityScene::build(),
        }
    }

    /// Rebuilds only the `parts` that changed; `cce` is asked for only when
    /// the categorical part is one of them.
    pub fn rebuild(
        &mut self,
        parts: Deps,
        state: &State,
        model: Sigmoid,
        optimum: Sigmoid,
        highlight: Option<usize>,
        cce: impl FnOnce() -> CceScene,
    ) {
        if parts.intersects(Deps::BINARY) {
            self.binary = BinaryScene::build(state, model, highlight);
        }
        if parts.intersects(Deps::FOCAL) {
            self.focal = FocalScene::build(state, optimum);
        }
        if parts.intersects(Deps::CCE) {
            self.cce = cce();
        }
        if parts.intersects(Deps::LABEL_SMOOTHING) {
            self.smoothing = SmoothingScene::build(state.label_smoothing, state.classes);
        }
    }
}

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

/// The finite points' x and 0/1 labels, in order.
pub(crate) fn finite_xy(state: &State) -> (Vec<f64>, Vec<f64>) {
    state
        .points
        .iter()
        .filter(|p| p.x.is_finite())
        .map(|p| (p.x, if p.green { 1.0 } else { 0.0 }))
        .unzip()
}

/// What the cross-entropy fit is fitted to: the finite points' x and their
/// targets after binary label smoothing, `y·(1−ls) + 0.5·ls`.
pub fn fit_data(state: &State) -> (Vec<f64>, Vec<f64>) {
    let (x, y) = finite_xy(state);
    let y = y.into_iter().map(|y| numerics::smoothing::smooth_binary(y, state.smoothing)).collect();
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

/// The x range of the binary figures: the finite data padded on both sides
/// (by 8 % of the span, at least 0.5), so markers never sit on the frame.
pub(crate) fn padded_range(xs: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = xs
        .filter(|x| x.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| (lo.min(x), hi.max(x)));
    if lo > hi {
        return (-1.0, 1.0);
    }
    let pad = ((hi - lo) * 0.08).max(0.5);
    (lo - pad, hi + pad)
}

/// `n + 1` evenly spaced samples of `f` over `[lo, hi]`.
pub(crate) fn sample(lo: f64, hi: f64, n: usize, f: impl Fn(f64) -> f64) -> Vec<(f64, f64)> {
    (0..=n)
        .map(|i| {
            let x = lo + (hi - lo) * i as f64 / n as f64;
            (x, f(x))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_range_survives_degenerate_data() {
        assert_eq!(padded_range([].into_iter()), (-1.0, 1.0));
        assert_eq!(padded_range([f64::NAN, f64::INFINITY].into_iter()), (-1.0, 1.0));
        assert_eq!(padded_range([2.0].into_iter()), (1.5, 2.5));
        let (lo, hi) = padded_range([-2.2, 4.6].into_iter());
        assert!(lo < -2.2 && hi > 4.6);
    }

    #[test]
    fn article_state_converges_to_the_article_fit() {
        let (model, err) = converged_model(&State::default());
        assert!(err.is_none());
        assert!((model.coef - 0.97194).abs() < 1e-3, "{model:?}");
        assert!((model.intercept - 0.65554).abs() < 1e-3, "{model:?}");
    }
}
