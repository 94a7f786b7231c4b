//! Multinomial (softmax) logistic regression: K classes, D features,
//! `p(class | x) = softmax(W·x + b)`, fitted by minimising
//!
//! ```text
//! F(W, b) = Σ_i l_i + ‖W‖² / (2C),   l_i = −Σ_k ỹ_ik·(1 − p_ik)^γ·log p_ik
//! ```
//!
//! with `ỹ = (1 − α)·one-hot + α/K` (label smoothing α) and the intercepts
//! not penalised (`C = None`: no penalty). γ = 0, α = 0 is cross-entropy and
//! gives scikit-learn's multinomial `LogisticRegression`. `l_i` is
//! [`categorical_focal_loss`](crate::core::losses::categorical_focal_loss)
//! on targets from
//! [`smooth_categorical`](crate::core::smoothing::smooth_categorical): the
//! loss is written once, in `losses`.
//!
//! - [`SoftmaxProblem`]: points, labels and options, checked once;
//!   [`SoftmaxProblem::fit`] (cold), [`SoftmaxProblem::refit`] (from the
//!   previous answer, for dragging a point), [`SoftmaxProblem::gradient_step`]
//!   (the animation), [`SoftmaxProblem::points`] (per-point figures);
//! - [`SoftmaxModel`]: W and b, with [`SoftmaxModel::proba`] and
//!   [`SoftmaxModel::logits`] anywhere (decision regions);
//! - [`logit_derivatives`]: the gradient and Hessian of one sample's loss
//!   with respect to its logits, which every step uses.

mod derivatives;
mod error;
mod existence;
mod newton;
mod problem;

pub use derivatives::{logit_derivatives, logit_derivatives_by_duals};
pub use error::SoftmaxFitError;
pub use problem::{SoftmaxPoint, SoftmaxProblem};

use crate::core::activation::softmax;

/// The largest focal γ a fit accepts. Past it `(1 − p)^γ` flattens the loss
/// of all but the worst points to nothing; the focal-loss paper uses γ ≤ 5.
pub const GAMMA_MAX: f64 = 10.0;

/// Options of a softmax fit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SoftmaxOptions {
    /// Inverse strength of the L2 penalty `‖W‖²/(2C)` (intercepts are not
    /// penalised). `None` = no penalty. Default `Some(1.0)`, as scikit-learn.
    pub c: Option<f64>,
    /// Label smoothing α in [0, 1]: targets `(1 − α)·one-hot + α/K`. Default 0.
    pub label_smoothing: f64,
    /// Focal γ in [0, [`GAMMA_MAX`]]: each class's log-loss is scaled by
    /// `(1 − p)^γ`. Default 0 (cross-entropy).
    pub gamma: f64,
}

impl Default for SoftmaxOptions {
    fn default() -> Self {
        SoftmaxOptions { c: Some(1.0), label_smoothing: 0.0, gamma: 0.0 }
    }
}

/// A softmax model: `coef` is W (K rows of D, row-major), `intercept` is b (K).
#[derive(Clone, Debug, PartialEq)]
pub struct SoftmaxModel {
    /// W, row-major: `coef[k·D + d]` is class k's weight of feature d.
    pub coef: Vec<f64>,
    /// b, one per class.
    pub intercept: Vec<f64>,
}

impl SoftmaxModel {
    /// W = 0, b = 0: every class equally likely everywhere.
    pub fn zeros(classes: usize, features: usize) -> SoftmaxModel {
        SoftmaxModel { coef: vec![0.0; classes * features], intercept: vec![0.0; classes] }
    }

    /// K, the number of classes.
    pub fn classes(&self) -> usize {
        self.intercept.len()
    }

    /// D, the number of features.
    pub fn features(&self) -> usize {
        self.coef.len().checked_div(self.intercept.len()).unwrap_or(0)
    }

    /// W as K rows of D.
    pub fn coef_rows(&self) -> Vec<Vec<f64>> {
        self.coef.chunks(self.features().max(1)).map(<[f64]>::to_vec).collect()
    }

    /// The logits `W·x + b` of a point with D features.
    ///
    /// ```
    /// use losslab::core::softmax_fit::SoftmaxModel;
    /// let m = SoftmaxModel { coef: vec![1.0, 0.0, -1.0, 2.0], intercept: vec![0.5, -0.5] };
    /// assert_eq!(m.logits(&[2.0, 1.0]), vec![2.5, -0.5]);
    /// ```
    pub fn logits(&self, x: &[f64]) -> Vec<f64> {
        let d = self.features();
        self.intercept.iter().enumerate().map(|(k, &b)| b + self.coef[k * d..(k + 1) * d].iter().zip(x).map(|(w, v)| w * v).sum::<f64>()).collect()
    }

    /// The class probabilities `softmax(W·x + b)` of a point.
    ///
    /// ```
    /// use losslab::core::softmax_fit::SoftmaxModel;
    /// let m = SoftmaxModel { coef: vec![1.0, -1.0], intercept: vec![0.0, 0.0] };
    /// let p = m.proba(&[0.5f64.ln()]);
    /// assert_eq!(format!("{:.4} {:.4}", p[0], p[1]), "0.2000 0.8000");
    /// ```
    pub fn proba(&self, x: &[f64]) -> Vec<f64> {
        softmax(&self.logits(x))
    }

    /// The predicted class: the first class of largest logit (numpy's `argmax`).
    pub fn predict(&self, x: &[f64]) -> usize {
        first_argmax(&self.logits(x))
    }

    /// Whether every weight is a finite number.
    pub fn is_finite(&self) -> bool {
        self.coef.iter().chain(&self.intercept).all(|v| v.is_finite())
    }
}

/// The first index of the largest value.
fn first_argmax(z: &[f64]) -> usize {
    z.iter().enumerate().fold(0, |best, (k, &v)| if v > z[best] { k } else { best })
}

/// A converged fit.
#[derive(Clone, Debug, PartialEq)]
pub struct SoftmaxFit {
    /// W and b at the optimum; the intercepts are centred (they sum to 0),
    /// and so is each column of W (the penalty's optimum is; without a
    /// penalty, of the equally good answers the one closest to 0).
    pub model: SoftmaxModel,
    /// Newton iterations taken.
    pub iterations: usize,
    /// The mean loss `Σ_i l_i / N`, without the penalty (cross-entropy at γ = 0:
    /// scikit-learn's `log_loss` of the fit, for α = 0).
    pub loss: f64,
    /// The objective minimised, `F = Σ_i l_i + ‖W‖²/(2C)`: the *sum* of the
    /// losses, as scikit-learn scales it (not the mean).
    pub objective: f64,
}

/// The converged fit of a softmax to points `x` (N rows of D features)
/// with class labels `y` (K = max(y) + 1 classes, each with a point): see
/// [`SoftmaxProblem::fit`].
///
/// ```
/// use losslab::core::softmax_fit::{fit_softmax, SoftmaxFitError, SoftmaxOptions};
/// let x = [vec![-2.0], vec![-1.0], vec![0.0], vec![0.5], vec![1.0], vec![2.0]];
/// let y = [0, 0, 1, 0, 1, 2];
/// let fit = fit_softmax(&x, &y, &SoftmaxOptions::default()).unwrap();
/// let shown = |v: &[f64]| v.iter().map(|v| format!("{v:.6}")).collect::<Vec<_>>().join(" ");
/// assert_eq!(shown(&fit.model.coef), "-0.778462 0.005733 0.772730");
/// assert_eq!(shown(&fit.model.intercept), "0.716450 0.330899 -1.047349");
/// // The mean loss, and the objective Σ l_i + ‖W‖²/(2C) it minimised.
/// assert_eq!(format!("{:.6} {:.6}", fit.loss, fit.objective), "0.641721 4.451902");
/// // Without a penalty, separable classes have no finite optimum.
/// let unpenalised = SoftmaxOptions { c: None, ..SoftmaxOptions::default() };
/// assert_eq!(fit_softmax(&x, &[0, 0, 1, 1, 2, 2], &unpenalised), Err(SoftmaxFitError::Separable));
/// ```
pub fn fit_softmax(x: &[Vec<f64>], y: &[usize], options: &SoftmaxOptions) -> Result<SoftmaxFit, SoftmaxFitError> {
    SoftmaxProblem::new(x, y, options)?.fit()
}

/// Class labels read from numbers (as JSON gives them): each must be a whole
/// number ≥ 0.
///
/// ```
/// use losslab::core::softmax_fit::{class_labels, SoftmaxFitError};
/// assert_eq!(class_labels(&[0.0, 2.0, 1.0]), Ok(vec![0, 2, 1]));
/// assert_eq!(class_labels(&[0.0, 1.5]), Err(SoftmaxFitError::NotAClass { row: 1, value: 1.5 }));
/// ```
pub fn class_labels(y: &[f64]) -> Result<Vec<usize>, SoftmaxFitError> {
    // Whole numbers that a usize holds exactly on every target (wasm32 too).
    const LARGEST: f64 = u32::MAX as f64;
    y.iter()
        .enumerate()
        .map(|(row, &value)| {
            if (0.0..=LARGEST).contains(&value) && value.fract() == 0.0 {
                Ok(value as usize)
            } else {
                Err(SoftmaxFitError::NotAClass { row, value })
            }
        })
        .collect()
}
