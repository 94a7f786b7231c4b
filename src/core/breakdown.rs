//! Per-point numbers for the figures: the probability of the true class, its
//! cross-entropy, and how much focal loss scales it down — each from the
//! plain formulas of `losses`.

use super::activation::sigmoid;
use super::losses::{binary_cross_entropy, binary_focal_loss, modulating_factor, one_minus_p_t, FocalOptions};

/// One point's share of the losses.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PointLoss {
    /// p of the point's (hard) class: `p` for a positive point, `1 − p` otherwise.
    pub p_true: f64,
    /// Its binary cross-entropy against its (possibly smoothed) target.
    pub cross_entropy: f64,
    /// The focal modulating factor `(1 − p_t)^γ`, `p_t = y·p + (1−y)(1−p)`.
    pub focal_factor: f64,
    /// Its binary focal loss: `α_t`·factor·cross-entropy.
    pub focal: f64,
}

/// Per point: target `y` in [0, 1] (possibly smoothed; the hard class is
/// `y ≥ 0.5`) and logit `z`, so `p(y = 1) = σ(z)`. Pairs up to the shorter of
/// the two slices.
///
/// ```
/// use losslab::core::breakdown::point_losses;
/// use losslab::core::losses::FocalOptions;
/// let z = 9f64.ln(); // p = 0.9
/// let l = point_losses(&[1.0, 0.0], &[z, z], &FocalOptions::default());
/// assert!((l[0].p_true - 0.9).abs() < 1e-15);
/// assert!((l[1].p_true - 0.1).abs() < 1e-15);
/// assert!((l[0].cross_entropy + 0.9f64.ln()).abs() < 1e-15);
/// // The easy point is scaled down 100-fold, the hard one barely.
/// assert!((l[0].focal_factor - 0.01).abs() < 1e-15);
/// assert!((l[1].focal_factor - 0.81).abs() < 1e-15);
/// ```
pub fn point_losses(y: &[f64], z: &[f64], focal: &FocalOptions) -> Vec<PointLoss> {
    y.iter()
        .zip(z)
        .map(|(&y, &z)| {
            let p = sigmoid(z);
            PointLoss {
                p_true: if y >= 0.5 { p } else { 1.0 - p },
                cross_entropy: binary_cross_entropy(y, z),
                focal_factor: modulating_factor(one_minus_p_t(y, z), focal.gamma),
                focal: binary_focal_loss(y, z, focal),
            }
        })
        .collect()
}
