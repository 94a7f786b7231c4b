//! Focal losses: cross-entropy scaled down where the model is already right.

use super::binary::{bce_element, exact_logits_bce, exact_prob_bce, tf_logits_bce, torch_logits_bce};
use super::categorical::{renormalize, tf_softmax};
use super::{clip, epsilon, smooth_binary_in, smooth_categorical_in, LossOptions};
use crate::core::activation::{sigmoid, softmax, tf_sigmoid, torch_sigmoid};
use crate::core::real::{pairwise_sum, Real};
use crate::core::semantics::Semantics;

/// The focal loss of the paper's figure, `FL(p_t) = −(1 − p_t)^γ · log(p_t)`,
/// in f64; ∞ at `p_t = 0`, and exactly `−log p_t` at γ = 0.
///
/// ```
/// use losslab::core::losses::focal_term;
/// assert_eq!(focal_term(0.0, 2.0), f64::INFINITY);
/// assert_eq!(focal_term(0.5, 0.0), 2f64.ln());
/// assert!((focal_term(0.9, 2.0) - 0.01 * -(0.9f64.ln())).abs() < 1e-15);
/// ```
pub fn focal_term(p_t: f64, gamma: f64) -> f64 {
    -(1.0 - p_t).powf(gamma) * p_t.ln()
}

/// One unit of binary focal loss: a row's mean (Keras, exact) or one element (torch).
pub(crate) fn binary_unit<R: Real>(o: &LossOptions, y_true: &[f64], yp: &[R]) -> R {
    let gamma = R::lit(o.gamma);
    let alpha = R::lit(o.alpha);
    let elems: Vec<R> = y_true
        .iter()
        .zip(yp)
        .map(|(&y, &x)| {
            let y: R = smooth_binary_in(y, o.label_smoothing);
            match o.semantics {
                Semantics::Torch => {
                    // torchvision.ops.sigmoid_focal_loss (logits only).
                    let p = torch_sigmoid(x);
                    let ce = torch_logits_bce(y, x);
                    let p_t = p * y + (R::one() - p) * (R::one() - y);
                    let loss = ce * (R::one() - p_t).powf(gamma);
                    if o.alpha >= 0.0 {
                        (alpha * y + (R::one() - alpha) * (R::one() - y)) * loss
                    } else {
                        loss
                    }
                }
                sem => {
                    let (p, bce) = match (sem, o.from_logits) {
                        (Semantics::Exact, true) => (sigmoid(x), exact_logits_bce(y, x)),
                        (Semantics::Exact, false) => (x, exact_prob_bce(y, x)),
                        // Both Keras versions take the stable logits form for the BCE.
                        (_, true) => (tf_sigmoid(x), tf_logits_bce(y, x)),
                        (_, false) => (x, bce_element(sem, false, y, x)),
                    };
                    // p_t uses the unclipped p.
                    let p_t = y * p + (R::one() - y) * (R::one() - p);
                    let factor = (R::one() - p_t).powf(gamma).flush();
                    let mut fb = factor * bce;
                    if o.apply_class_balancing {
                        fb = (y * alpha + (R::one() - y) * (R::one() - alpha)) * fb;
                    }
                    fb.flush()
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
    let y: Vec<R> = smooth_categorical_in(y_true, o.label_smoothing);
    let gamma = R::lit(o.gamma);
    let alpha = R::lit(o.alpha);
    let terms: Vec<R> = if o.semantics == Semantics::Exact {
        let q = if o.from_logits { softmax(yp) } else { renormalize(yp) };
        y.iter()
            .zip(&q)
            .map(|(&y, &q)| if y == R::zero() { R::zero() } else { alpha * (R::one() - q).powf(gamma) * (-y * q.ln()) })
            .collect()
    } else {
        // Keras renormalises even after the softmax, then clips.
        let q = if o.from_logits { tf_softmax(yp) } else { yp.to_vec() };
        let q = renormalize(&q);
        let eps = epsilon::<R>();
        y.iter()
            .zip(&q)
            .map(|(&y, &q)| {
                let q = clip(q, eps, R::one() - eps);
                let cce = -y * q.ln();
                let weighting = (R::one() - q).powf(gamma).flush() * alpha;
                (weighting * cce).flush()
            })
            .collect()
    };
    pairwise_sum(&terms)
}
