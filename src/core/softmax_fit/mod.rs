//! Multinomial (softmax) logistic regression: K classes, D features,
//! `p(class | x) = softmax(W·x + b)`, fitted by minimising
//!
//! ```text
//! F(W, b) = Σ_i l_i + ‖W‖² / (2C),   l_i = −Σ_k ỹ_ik·(1 − p_ik)^γ·log p_ik
//! ```
//!
//! with `ỹ = (1 − ε)·one-hot + ε/K` (label smoothing ε) and the intercepts
//! not penalised (`C = None`: no penalty). γ = 0, ε = 0 is cross-entropy and
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
mod fit;
mod model;
mod newton;
mod options;
mod problem;

pub use derivatives::{logit_derivatives, logit_derivatives_by_duals};
pub use error::SoftmaxFitError;
pub use fit::{fit_softmax, SoftmaxFit};
pub use model::SoftmaxModel;
pub use options::{SoftmaxOptions, GAMMA_MAX};
pub use problem::{class_labels, SoftmaxPoint, SoftmaxProblem};
