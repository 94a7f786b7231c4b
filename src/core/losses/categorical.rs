//! Categorical and sparse categorical cross-entropy, row by row: the plain
//! formula, and the forms each framework computes.

use super::keras::clip_probability;
use super::options::LossOptions;
use crate::core::activation::{log_softmax, max_of, softmax};
use crate::core::real::{pairwise_sum, Real};
use crate::core::semantics::Semantics;
use crate::core::smoothing::smooth_categorical;

/// Categorical cross-entropy of one sample from its logits `z`:
/// `−Σ_k y_k·log softmax(z)_k`, stable (the log-softmax never overflows).
/// Classes with `y_k = 0` are left out (`0·log 0 = 0`).
///
/// ```
/// use losslab::core::losses::categorical_cross_entropy;
/// let l = categorical_cross_entropy(&[0.0, 1.0, 0.0], &[0.0_f64, 0.0, 0.0]);
/// assert!((l - 3f64.ln()).abs() < 1e-15);
/// assert_eq!(categorical_cross_entropy(&[1.0, 0.0], &[1000.0_f64, 0.0]), 0.0);
/// ```
pub fn categorical_cross_entropy<R: Real>(y: &[R], z: &[R]) -> R {
    weighted_neg_log(y, &log_softmax(z))
}

/// Categorical cross-entropy of one sample from its class probabilities `p`:
/// `−Σ_k y_k·log p_k`, with `0·log 0 = 0`. The row is taken as it is: a
/// framework that renormalises does so before calling this.
///
/// ```
/// use losslab::core::losses::categorical_cross_entropy_of_probabilities;
/// let l = categorical_cross_entropy_of_probabilities(&[0.0, 1.0], &[0.9_f64, 0.1]);
/// assert!((l - std::f64::consts::LN_10).abs() < 1e-15);
/// ```
pub fn categorical_cross_entropy_of_probabilities<R: Real>(y: &[R], p: &[R]) -> R {
    let log_p: Vec<R> = p.iter().map(|&q| q.ln()).collect();
    weighted_neg_log(y, &log_p)
}

/// `−Σ y·log q` from `log q`, skipping `y = 0` terms.
fn weighted_neg_log<R: Real>(y: &[R], log_q: &[R]) -> R {
    let terms: Vec<R> = y.iter().zip(log_q).map(|(&y, &l)| if y == R::zero() { R::zero() } else { y * l }).collect();
    -pairwise_sum(&terms)
}

/// Keras' row renormalisation `y_pred / Σ y_pred`, so that the class
/// probabilities of a sample add up to 1 before the log is taken.
///
/// ```
/// use losslab::core::losses::renormalize;
/// assert_eq!(renormalize(&[1.0_f64, 3.0]), vec![0.25, 0.75]);
/// ```
pub fn renormalize<T: Real>(row: &[T]) -> Vec<T> {
    let s = pairwise_sum(row);
    row.iter().map(|&v| v / s).collect()
}

/// The probabilities Keras' categorical cross-entropy takes the log of: the
/// row renormalised, then clipped to `[ε, 1 − ε]`.
///
/// ```
/// use losslab::core::losses::keras_categorical_probabilities;
/// let q = keras_categorical_probabilities(&[0.2_f64, 1.6, 0.2]);
/// assert_eq!(q, vec![0.1, 0.8, 0.1]);
/// assert_eq!(keras_categorical_probabilities(&[0.0_f64, 1.0])[0], 1e-7);
/// ```
pub fn keras_categorical_probabilities<R: Real>(row: &[R]) -> Vec<R> {
    renormalize(row).into_iter().map(clip_probability).collect()
}

/// What Keras' sparse categorical cross-entropy turns a row of
/// probabilities into: each entry clipped to `[ε, 1 − ε]` *first*, then its
/// log, which the log-softmax renormalises. On rows that do not sum to 1 it
/// therefore differs from the categorical form.
///
/// ```
/// use losslab::core::losses::keras_sparse_logits;
/// let z = keras_sparse_logits(&[1e-9_f64, 1e-3, 1e-3]);
/// assert_eq!(z[0], 1e-7f64.ln());
/// ```
pub fn keras_sparse_logits<R: Real>(row: &[R]) -> Vec<R> {
    row.iter().map(|&p| clip_probability(p).ln()).collect()
}

/// TensorFlow's `softmax_cross_entropy_with_logits` kernel:
/// `Σ y·(log Σ exp(x − max) − (x − max))`.
fn tf_softmax_xent<R: Real>(y: &[R], x: &[R]) -> R {
    let m = max_of(x);
    let shifted: Vec<R> = x.iter().map(|&v| v - m).collect();
    let e: Vec<R> = shifted.iter().map(|&v| v.exp().flush()).collect();
    let lse = pairwise_sum(&e).ln();
    let terms: Vec<R> = y.iter().zip(&shifted).map(|(&y, &s)| y * (lse - s)).collect();
    pairwise_sum(&terms)
}

/// TensorFlow's `sparse_softmax_cross_entropy_with_logits` kernel:
/// `log Σ exp(x − max) − (x_c − max)`.
fn tf_sparse_xent<R: Real>(c: usize, x: &[R]) -> R {
    let m = max_of(x);
    let e: Vec<R> = x.iter().map(|&v| (v - m).exp().flush()).collect();
    pairwise_sum(&e).ln() - (x[c] - m)
}

/// The log-probabilities torch's `cross_entropy` sees: `log_softmax` of the
/// logits, or of `log p` (which renormalises rows, without clipping).
fn torch_log_probs<R: Real>(from_logits: bool, x: &[R]) -> Vec<R> {
    if from_logits {
        log_softmax(x)
    } else {
        let logs: Vec<R> = x.iter().map(|&p| p.ln()).collect();
        log_softmax(&logs)
    }
}

/// `y` smoothed by the call's label smoothing, in the computing type.
pub(crate) fn smoothed_targets<R: Real>(y: &[f64], label_smoothing: f64) -> Vec<R> {
    let y: Vec<R> = y.iter().map(|&v| R::lit(v)).collect();
    smooth_categorical(&y, R::lit(label_smoothing))
}

/// One sample of categorical cross-entropy.
pub(crate) fn cce_unit<R: Real>(o: &LossOptions, y_true: &[f64], yp: &[R]) -> R {
    let y: Vec<R> = smoothed_targets(y_true, o.label_smoothing);
    match (o.semantics, o.from_logits) {
        (Semantics::Keras | Semantics::Keras3, true) => tf_softmax_xent(&y, yp),
        (Semantics::Keras | Semantics::Keras3, false) => {
            let q = keras_categorical_probabilities(yp);
            let terms: Vec<R> = y.iter().zip(&q).map(|(&y, &q)| y * q.ln()).collect();
            -pairwise_sum(&terms)
        }
        (Semantics::Torch, _) => {
            let lp = torch_log_probs(o.from_logits, yp);
            let terms: Vec<R> = lp.iter().zip(&y).map(|(&l, &y)| l * y).collect();
            -pairwise_sum(&terms)
        }
        (Semantics::Exact, true) => categorical_cross_entropy(&y, yp),
        (Semantics::Exact, false) => categorical_cross_entropy_of_probabilities(&y, &renormalize(yp)),
    }
}

/// One sample of sparse categorical cross-entropy with class index `c`.
pub(crate) fn sparse_unit<R: Real>(o: &LossOptions, c: usize, yp: &[R]) -> R {
    let ls = o.label_smoothing;
    let k = yp.len();
    match o.semantics {
        Semantics::Keras | Semantics::Keras3 => {
            if o.from_logits {
                tf_sparse_xent(c, yp)
            } else {
                tf_sparse_xent(c, &keras_sparse_logits(yp))
            }
        }
        Semantics::Torch => {
            let lp = torch_log_probs(o.from_logits, yp);
            let nll = -lp[c];
            if ls > 0.0 {
                // torch adds the smoothing term only when ls > 0 (0·∞ would be NaN).
                let smooth = -pairwise_sum(&lp);
                let l = R::lit(ls);
                (R::one() - l) * nll + smooth * (l / R::lit(k as f64))
            } else {
                nll
            }
        }
        Semantics::Exact => {
            let mut one_hot = vec![0.0; k];
            one_hot[c] = 1.0;
            let y: Vec<R> = smoothed_targets(&one_hot, ls);
            if o.from_logits {
                categorical_cross_entropy(&y, yp)
            } else {
                categorical_cross_entropy_of_probabilities(&y, &renormalize(yp))
            }
        }
    }
}

/// `softmax` as TensorFlow computes it (with flush-to-zero).
pub(crate) fn tf_softmax<R: Real>(x: &[R]) -> Vec<R> {
    softmax(x).into_iter().map(Real::flush).collect()
}
