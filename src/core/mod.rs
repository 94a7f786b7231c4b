//! The numerics core. Pure functions over `f32` and `f64`: no DOM, no canvas,
//! no plotters.
//!
//! - [`real`]: the scalar trait and dual numbers (gradients from the same code);
//! - [`activation`]: stable sigmoid, softmax and their logs;
//! - [`losses`]: the five Keras losses under four [`semantics`], with gradients,
//!   each loss family's plain formula, and the reductions;
//! - [`fit`]: the logistic fit (Newton/IRLS) and the animation's gradient steps,
//!   with per-point weights ([`class_weight`]) and warm starts;
//! - [`smoothing`]: label smoothing and the logit gap;
//! - [`breakdown`]: per-point numbers for the figures;
//! - [`random`], [`data`]: the seeded generator and the data sets;
//! - [`calibration`]: reliability bins, ECE, MCE, Brier score and log loss;
//! - [`confusion`]: confusion counts and the minority class's recall;
//! - [`pull`]: who pulls the fit, each point's gradient with respect to its logit;
//! - [`comparison`]: the four fits the page compares, and how each does;
//! - [`softmax_fit`]: multinomial logistic regression (softmax, K classes, D features);
//! - [`code`]: code twins, the Python that reproduces a number of the page in
//!   tf.keras, Keras 3, PyTorch or scikit-learn.

pub mod activation;
pub mod array;
pub mod breakdown;
pub mod calibration;
pub mod class_weight;
pub mod code;
pub mod comparison;
pub mod confusion;
pub mod data;
pub mod fit;
pub mod losses;
pub mod pull;
pub mod random;
pub mod real;
pub mod semantics;
pub mod smoothing;
pub mod softmax_fit;

pub use array::NdArray;
pub use real::Real;
pub use semantics::{Reduction, Semantics};
