//! The numbers every figure shows, derived from a [`State`](crate::state::State) by calls into
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
//! | [`ComparisonScene`] | points, every loss setting, bins, threshold, hover | `calibration`, `gradients`, `confusion` |
//! | [`SoftmaxScene`] | the plane's points, K, the softmax fit and its options, the chosen point | `softmax-*` |
//!
//! A scene never holds a NaN where a reader would see a number: what cannot
//! be computed is an `Option`, a `Result` with a sentence, or a count of
//! points left out.

mod binary;
mod build;
mod cce;
mod comparison;
mod deps;
mod fit_inputs;
mod focal;
mod sampling;
mod smoothing;
mod softmax;
mod stability;

pub use binary::{BinaryPoint, BinaryScene};
pub use build::Scene;
pub use cce::{CceSample, CceScene};
pub use comparison::{ComparisonScene, Fitted, TrainingPoint};
pub use deps::Deps;
pub use fit_inputs::{converged_model, fit_data, fit_options, focal_options, FLAT};
pub use focal::{FitCurve, FocalCurve, FocalPoint, FocalScene, Unpenalised};
pub use smoothing::SmoothingScene;
pub use softmax::{softmax_options, softmax_problem, KerasForms, PlaneView, PointFit, SoftmaxScene};
pub use stability::{Breakdown, StabilityCurve, StabilityScene, X_MAX as STABILITY_X_MAX};
