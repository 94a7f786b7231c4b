//! The numerics core. Pure functions over `f32` and `f64`: no DOM, no canvas,
//! no plotters.
//!
//! - [`real`]: the scalar trait and dual numbers (gradients from the same code);
//! - [`activation`]: stable sigmoid, softmax and their logs;
//! - [`losses`]: the five Keras losses under four [`semantics`], with gradients,
//!   each loss family's plain formula, and the reductions;
//! - [`fit`]: the logistic fit (Newton/IRLS) and the animation's gradient steps;
//! - [`smoothing`]: label smoothing and the logit gap;
//! - [`softmax_fit`]: multinomial logistic regression (softmax, K classes, D features);
//! - [`breakdown`]: per-point numbers for the figures.

pub mod activation;
pub mod array;
pub mod breakdown;
pub mod fit;
pub mod losses;
pub mod real;
pub mod semantics;
pub mod smoothing;
pub mod softmax_fit;

pub use array::NdArray;
pub use real::Real;
pub use semantics::{Reduction, Semantics};
