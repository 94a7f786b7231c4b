//! Focal losses: cross-entropy scaled down where the model is already right.
//! The plain formulas (what every figure and fit computes), then the forms
//! each framework computes.

use super::binary::{bce_element, binary_cross_entropy, torch_logits_bce};
use super::categorical::{keras_categorical_probabilities, renormalize, smoothed_targets, tf_softmax};
use super::options::{FocalOptions, LossOptions};
use crate::core::activation::{log_softmax, sigmoid, softmax, tf_sigmoid, torch_sigmoid};
use crate::core::real::{pairwise_sum, Real};
use crate::core::semantics::Semantics;
use crate::core::smoothing::smooth_binary;

/// The modulating factor `(1 − p_t)^γ` from `1 − p_t`, with `0⁰ = 1` (γ = 0
/// leaves cross-entropy as it is).
///
/// ```
/// use losslab::core::losses::modulating_factor;
/// assert_eq!(modulating_factor(0.1_f64, 2.0), 0.010000000000000002);
/// assert_eq!(modulating_factor(0.0_f64, 0.0), 1.0);
/// ```
pub fn modulating_factor<R: Real>(one_minus_p_t: R, gamma: R) -> R {
    if gamma == R::zero() {
        R::one()
    } else {
        one_minus_p_t.powf(gamma)
    }
}

/// `1 − p_t` of a point with target `y` at logit `z`, where
/// `p_t = y·p + (1 − y)(1 − p)`: written as `y·σ(−z) + (1 − y)·σ(z)` so that
/// it does not cancel when `p_t` is near 1.
///
/// ```
/// use losslab::core::losses::one_minus_p_t;
/// assert!((one_minus_p_t(1.0_f64, 40.0) - 4.248354255291589e-18).abs() < 1e-30);
/// ```
pub fn one_minus_p_t<R: Real>(y: R, z: R) -> R {
    y * sigmoid(-z) + (R::one() - y) * sigmoid(z)
}

/// Binary focal loss of one element from its logit `z` and target `y`:
/// `α_t·(1 − p_t)^γ·CE(y, z)` (the focal-loss paper's `FL(p_t)`, with
/// `α_t` from [`FocalOptions::alpha_t`]), where CE is
/// [`binary_cross_entropy`]. A point the model gets exactly right has factor 0
/// and loss 0, even where its cross-entropy is ∞. At γ = 0 without class
/// balancing it is cross-entropy, bit for bit.
///
/// ```
/// use losslab::core::losses::{binary_cross_entropy, binary_focal_loss, FocalOptions};
/// let plain = FocalOptions { gamma: 0.0, ..FocalOptions::default() };
/// assert_eq!(binary_focal_loss(1.0_f64, 0.3, &plain), binary_cross_entropy(1.0, 0.3));
/// // p_t = 0.9: the loss is scaled down a hundredfold at γ = 2.
/// let z = 9f64.ln();
/// let focal = binary_focal_loss(1.0, z, &FocalOptions::default());
/// assert!((focal - 0.01 * -(0.9f64.ln())).abs() < 1e-15);
/// ```
pub fn binary_focal_loss<R: Real>(y: R, z: R, options: &FocalOptions) -> R {
    let factor = modulating_factor(one_minus_p_t(y, z), R::lit(options.gamma));
    if factor == R::zero() {
        return R::zero();
    }
    let weight = if options.apply_class_balancing {
        let alpha = R::lit(options.alpha);
        alpha * y + (R::one() - alpha) * (R::one() - y)
    } else {
        R::one()
    };
    weight * factor * binary_cross_entropy(y, z)
}

/// Categorical focal loss of one sample from its logits `z`, without the
/// class weight: `−Σ_k y_k·(1 − p_k)^γ·log p_k`, `p = softmax(z)`. At γ = 0
/// it is categorical cross-entropy.
///
/// ```
/// use losslab::core::losses::{categorical_cross_entropy, categorical_focal_loss};
/// let (y, z) = ([0.0, 1.0, 0.0], [0.2_f64, 1.0, -0.5]);
/// assert!((categorical_focal_loss(&y, &z, 0.0) - categorical_cross_entropy(&y, &z)).abs() < 1e-15);
/// assert!(categorical_focal_loss(&y, &z, 2.0) < categorical_cross_entropy(&y, &z));
/// ```
pub fn categorical_focal_loss<R: Real>(y: &[R], z: &[R], gamma: f64) -> R {
    let gamma = R::lit(gamma);
    let p = softmax(z);
    let log_p = log_softmax(z);
    let terms: Vec<R> = y
        .iter()
        .zip(p.iter().zip(&log_p))
        .map(|(&y, (&p, &l))| if y == R::zero() { R::zero() } else { y * modulating_factor(R::one() - p, gamma) * l })
        .collect();
    -pairwise_sum(&terms)
}

/// One unit of binary focal loss: a row's mean (Keras, exact) or one element (torch).
pub(crate) fn binary_unit<R: Real>(o: &LossOptions, y_true: &[f64], yp: &[R]) -> R {
    let focal = &o.focal;
    let gamma = R::lit(focal.gamma);
    let alpha = R::lit(focal.alpha);
    let elems: Vec<R> = y_true
        .iter()
        .zip(yp)
        .map(|(&y, &x)| {
            let y: R = smooth_binary(R::lit(y), R::lit(o.label_smoothing));
            match (o.semantics, o.from_logits) {
                (Semantics::Torch, _) => {
                    // torchvision.ops.sigmoid_focal_loss (logits only), which
                    // weights by α whenever α ≥ 0.
                    let p = torch_sigmoid(x);
                    let p_t = p * y + (R::one() - p) * (R::one() - y);
                    let loss = torch_logits_bce(y, x) * (R::one() - p_t).powf(gamma);
                    if focal.alpha >= 0.0 {
                        (alpha * y + (R::one() - alpha) * (R::one() - y)) * loss
                    } else {
                        loss
                    }
                }
                (Semantics::Exact, true) => binary_focal_loss(y, x, focal),
                (Semantics::Exact, false) => {
                    let z = crate::core::activation::logit(x);
                    binary_focal_loss(y, z, focal)
                }
                (sem, from_logits) => {
                    // Both Keras versions take the stable logits form for the BCE.
                    let p = if from_logits { tf_sigmoid(x) } else { x };
                    let bce = bce_element(sem, from_logits, y, x);
                    // p_t uses the unclipped p.
                    let p_t = y * p + (R::one() - y) * (R::one() - p);
                    let mut loss = (R::one() - p_t).powf(gamma).flush() * bce;
                    if focal.apply_class_balancing {
                        loss = (y * alpha + (R::one() - y) * (R::one() - alpha)) * loss;
                    }
                    loss.flush()
                }
            }
        })
        .collect();
    if o.semantics == Semantics::Torch {
        elems[0]
    } else {
        pairwise_sum(&elems) / R::lit(elems.len() as f64)
    }
}

/// One sample of categorical focal loss: `Σ α(1−q)^γ(−y·log q)`.
pub(crate) fn categorical_unit<R: Real>(o: &LossOptions, y_true: &[f64], yp: &[R]) -> R {
    let y: Vec<R> = smoothed_targets(y_true, o.label_smoothing);
    let alpha = R::lit(o.focal.alpha);
    if o.semantics == Semantics::Exact {
        let loss = if o.from_logits {
            categorical_focal_loss(&y, yp, o.focal.gamma)
        } else {
            // softmax(log q) is q renormalised.
            let logs: Vec<R> = renormalize(yp).into_iter().map(|q| q.ln()).collect();
            categorical_focal_loss(&y, &logs, o.focal.gamma)
        };
        return alpha * loss;
    }
    // Keras renormalises even after the softmax, then clips.
    let gamma = R::lit(o.focal.gamma);
    let q = if o.from_logits {
        keras_categorical_probabilities(&tf_softmax(yp))
    } else {
        keras_categorical_probabilities(yp)
    };
    let terms: Vec<R> = y
        .iter()
        .zip(&q)
        .map(|(&y, &q)| {
            let cce = -y * q.ln();
            let weighting = (R::one() - q).powf(gamma).flush() * alpha;
            (weighting * cce).flush()
        })
        .collect();
    pairwise_sum(&terms)
}
