//! Who pulls the fit: the gradient of each point's loss with respect to its
//! logit `z = w·x + b`. The fit moves `w` by `Σ gᵢ·xᵢ` and `b` by `Σ gᵢ`, so
//! `|gᵢ|` is how hard point `i` pulls, and its sign says which way.
//!
//! Cross-entropy pulls with `σ(z) − y`: a confidently wrong point pulls
//! with almost full force (|g| → 1). Focal loss scales each pull down where
//! the model is already right; label smoothing stops pulling once `σ(z)`
//! reaches the softened target, instead of pushing it on towards 0 or 1.

use super::activation::sigmoid;
use super::losses::{binary_focal_loss, FocalOptions};
use super::real::Dual;
use super::smoothing::smooth_binary;

/// ∂CE/∂z = `σ(z) − y` for a target `y` in [0, 1]: in (−1, 1), negative
/// where the point wants the sigmoid higher.
///
/// ```
/// use losslab::core::pull::cross_entropy_pull;
/// assert_eq!(cross_entropy_pull(1.0, 0.0), -0.5);
/// assert_eq!(cross_entropy_pull(0.0, 1000.0), 1.0); // confidently wrong: full force
/// ```
pub fn cross_entropy_pull(y: f64, z: f64) -> f64 {
    sigmoid(z) - y
}

/// ∂FL/∂z of binary focal loss, differentiated by dual numbers through
/// [`binary_focal_loss`] itself (so it can never disagree with the loss it
/// is the gradient of). At γ = 0 without class balancing it is
/// [`cross_entropy_pull`]; at γ > 0 easy points pull far less.
///
/// ```
/// use losslab::core::losses::FocalOptions;
/// use losslab::core::pull::{cross_entropy_pull, focal_pull};
/// let plain = FocalOptions { gamma: 0.0, ..FocalOptions::default() };
/// assert!((focal_pull(1.0, 0.3, &plain) - cross_entropy_pull(1.0, 0.3)).abs() < 1e-15);
/// // An easy point (p_t = 0.9) pulls 0.1 under cross-entropy, under 0.01 at γ = 2.
/// let z = 9f64.ln();
/// assert!(focal_pull(1.0, z, &FocalOptions::default()).abs() < 0.01);
/// ```
pub fn focal_pull(y: f64, z: f64, focal: &FocalOptions) -> f64 {
    binary_focal_loss(Dual::constant(y), Dual::variable(z), focal).d
}

/// ∂CE/∂z against the smoothed target: `σ(z) − ỹ`, `ỹ = y(1 − ε) + ε/2`.
/// It is 0 where `σ(z) = ỹ` (a capped confidence), and points the other way
/// past it: a point predicted beyond 0.9 at ε = 0.2 is pulled back.
///
/// ```
/// use losslab::core::pull::smoothed_pull;
/// let z = 9f64.ln(); // σ(z) = 0.9
/// assert!(smoothed_pull(1.0, z, 0.2).abs() < 1e-15);
/// assert!(smoothed_pull(1.0, 5.0, 0.2) > 0.0); // past 0.9: pulled back
/// ```
pub fn smoothed_pull(y: f64, z: f64, alpha: f64) -> f64 {
    sigmoid(z) - smooth_binary(y, alpha)
}

/// Whether a point with target `y` (its class is `y ≥ ½`) is on the wrong
/// side at logit `z`: predicted positive means `z > 0` (`p > ½`), as
/// scikit-learn's `predict`.
pub fn is_misclassified(y: f64, z: f64) -> bool {
    (z > 0.0) != (y >= 0.5)
}

/// The share of the total pull `Σ|gᵢ|` carried by misclassified points, for
/// targets `y`, logits `z` and pulls `g` (paired up to the shortest).
/// `None` when nothing pulls at all.
///
/// ```
/// use losslab::core::pull::misclassified_share;
/// // Two right points pull 0.1 each, one wrong point pulls 0.8.
/// let share = misclassified_share(&[1.0, 0.0, 1.0], &[2.0, -2.0, -1.0], &[-0.1, 0.1, -0.8]).unwrap();
/// assert!((share - 0.8).abs() < 1e-15);
/// assert_eq!(misclassified_share(&[1.0], &[1.0], &[0.0]), None);
/// ```
pub fn misclassified_share(y: &[f64], z: &[f64], g: &[f64]) -> Option<f64> {
    let (mut wrong, mut total) = (0.0, 0.0);
    for ((&y, &z), &g) in y.iter().zip(z).zip(g) {
        total += g.abs();
        if is_misclassified(y, z) {
            wrong += g.abs();
        }
    }
    (total > 0.0).then(|| wrong / total)
}
