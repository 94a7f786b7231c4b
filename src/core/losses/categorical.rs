//! Categorical and sparse categorical cross-entropy, row by row.

use super::{clip, epsilon, smooth_categorical_in, LossOptions};
use crate::core::activation::{log_softmax, max_of, softmax};
use crate::core::real::{pairwise_sum, Real};
use crate::core::semantics::Semantics;

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

/// `−Σ y·log q` skipping `y = 0` terms (`0·log 0 = 0`).
fn exact_cross<R: Real>(y: &[R], log_q: &[R]) -> R {
    let terms: Vec<R> = y
        .iter()
        .zip(log_q)
        .map(|(&y, &l)| if y == R::zero() { R::zero() } else { y * l })
        .collect();
    -pairwise_sum(&terms)
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

/// One sample of categorical cross-entropy.
pub(crate) fn cce_unit<R: Real>(o: &LossOptions, y_true: &[f64], yp: &[R]) -> R {
    let y: Vec<R> = smooth_categorical_in(y_true, o.label_smoothing);
    match (o.semantics, o.from_logits) {
        (Semantics::Keras | Semantics::Keras3, true) => tf_softmax_xent(&y, yp),
        (Semantics::Keras | Semantics::Keras3, false) => {
            let eps = epsilon::<R>();
            let q = renormalize(yp);
            let terms: Vec<R> = y.iter().zip(&q).map(|(&y, &q)| y * clip(q, eps, R::one() - eps).ln()).collect();
            -pairwise_sum(&terms)
        }
        (Semantics::Torch, _) => {
            let lp = torch_log_probs(o.from_logits, yp);
            let terms: Vec<R> = lp.iter().zip(&y).map(|(&l, &y)| l * y).collect();
            -pairwise_sum(&terms)
        }
        (Semantics::Exact, true) => exact_cross(&y, &log_softmax(yp)),
        (Semantics::Exact, false) => {
            let lq: Vec<R> = renormalize(yp).into_iter().map(|q| q.ln()).collect();
            exact_cross(&y, &lq)
        }
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
                // Keras clips *before* the log-softmax renormalises the row.
                let eps = epsilon::<R>();
                let logs: Vec<R> = yp.iter().map(|&p| clip(p, eps, R::one() - eps).ln()).collect();
                tf_sparse_xent(c, &logs)
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
            let lq: Vec<R> = if o.from_logits {
                log_softmax(yp)
            } else {
                renormalize(yp).into_iter().map(|q| q.ln()).collect()
            };
            if ls > 0.0 {
                let mut one_hot = vec![0.0; k];
                one_hot[c] = 1.0;
                exact_cross(&smooth_categorical_in::<R>(&one_hot, ls), &lq)
            } else {
                -lq[c]
            }
        }
    }
}

/// `softmax` as TensorFlow computes it (with flush-to-zero).
pub(crate) fn tf_softmax<R: Real>(x: &[R]) -> Vec<R> {
    softmax(x).into_iter().map(Real::flush).collect()
}
