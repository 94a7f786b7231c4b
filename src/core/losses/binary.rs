//! Binary cross-entropy, element by element, as each framework computes it.

use super::{clip, epsilon, smooth_binary_in, LossOptions};
use crate::core::activation::log_sigmoid;
use crate::core::real::{pairwise_sum, Real};
use crate::core::semantics::Semantics;

/// `z·−log σ(x) + (1−z)·−log(1−σ(x))` computed literally: `σ(x)` rounds to 1
/// for large `x` and `log(1 − 1)` is `−∞`, so it overflows to ∞ (or NaN) where
/// the true loss is finite. Shown on the page to explain why the stable form
/// exists.
///
/// ```
/// use losslab::core::losses::naive_logistic_loss;
/// assert!((naive_logistic_loss(0.0_f64, 1.0) - std::f64::consts::LN_2).abs() < 1e-15);
/// assert!(naive_logistic_loss(40.0_f64, 0.0).is_infinite()); // truly 40
/// ```
pub fn naive_logistic_loss<T: Real>(x: T, z: T) -> T {
    let s = T::one() / (T::one() + (-x).exp());
    z * -s.ln() + (T::one() - z) * -(T::one() - s).ln()
}

/// `max(x, 0) − x·z + log(1 + exp(−|x|))`: the same loss, finite for every
/// finite `x` (TensorFlow's `sigmoid_cross_entropy_with_logits`).
///
/// ```
/// use losslab::core::losses::stable_logistic_loss;
/// assert_eq!(stable_logistic_loss(40.0_f64, 0.0), 40.0);
/// assert_eq!(stable_logistic_loss(-1000.0_f32, 1.0), 1000.0);
/// ```
pub fn stable_logistic_loss<T: Real>(x: T, z: T) -> T {
    x.max(T::zero()) - x * z + (-x.abs()).exp().ln_1p()
}

/// TensorFlow's `sigmoid_cross_entropy_with_logits` in its own order, with
/// its flush-to-zero (`exp(−100)` is subnormal in f32 and becomes 0).
pub(crate) fn tf_logits_bce<R: Real>(y: R, x: R) -> R {
    let relu = if x >= R::zero() { x } else { R::zero() };
    let neg_abs = if x >= R::zero() { -x } else { x };
    (relu - x * y).flush() + neg_abs.exp().flush().ln_1p()
}

/// Keras 2's probability BCE: clip to [ε, 1−ε], then ε inside both logs.
pub(crate) fn keras_prob_bce<R: Real>(y: R, p: R) -> R {
    let eps = epsilon::<R>();
    let p = clip(p, eps, R::one() - eps);
    let bce = y * (p + eps).ln();
    let bce = bce + (R::one() - y) * (R::one() - p + eps).ln();
    -bce
}

/// Keras 3's probability BCE: clipping only.
pub(crate) fn keras3_prob_bce<R: Real>(y: R, p: R) -> R {
    let eps = epsilon::<R>();
    let p = clip(p, eps, R::one() - eps);
    let bce = y * p.ln();
    let bce = bce + (R::one() - y) * (R::one() - p).ln();
    -bce
}

/// torch's `binary_cross_entropy` kernel: each log floored at −100, log(1−p)
/// as `log1p(−p)`.
pub(crate) fn torch_prob_bce<R: Real>(y: R, p: R) -> R {
    let floor = R::lit(-100.0);
    (y - R::one()) * (-p).ln_1p().max(floor) - y * p.ln().max(floor)
}

/// torch's `binary_cross_entropy_with_logits`: `(1 − z)·x − log σ(x)`.
/// Unlike TensorFlow's form it rounds `−20 − (−20 − 2e-9)` to exactly 0 in f32.
pub(crate) fn torch_logits_bce<R: Real>(y: R, x: R) -> R {
    (R::one() - y) * x - log_sigmoid(x)
}

/// `log(1 + e^x)`, stable.
pub(crate) fn softplus<R: Real>(x: R) -> R {
    x.max(R::zero()) + (-x.abs()).exp().ln_1p()
}

/// The exact probability BCE with `0·log 0 = 0`.
pub(crate) fn exact_prob_bce<R: Real>(y: R, p: R) -> R {
    let a = if y == R::zero() { R::zero() } else { y * p.ln() };
    let q = R::one() - y;
    let b = if q == R::zero() { R::zero() } else { q * (R::one() - p).ln() };
    -(a + b)
}

/// The exact logits BCE: `y·softplus(−x) + (1−y)·softplus(x)`.
pub(crate) fn exact_logits_bce<R: Real>(y: R, x: R) -> R {
    let a = if y == R::zero() { R::zero() } else { y * softplus(-x) };
    let q = R::one() - y;
    let b = if q == R::zero() { R::zero() } else { q * softplus(x) };
    a + b
}

/// One element's BCE under the semantics, `y` already smoothed.
pub(crate) fn bce_element<R: Real>(sem: Semantics, from_logits: bool, y: R, x: R) -> R {
    match (sem, from_logits) {
        (Semantics::Keras | Semantics::Keras3, true) => tf_logits_bce(y, x),
        (Semantics::Keras, false) => keras_prob_bce(y, x),
        (Semantics::Keras3, false) => keras3_prob_bce(y, x),
        (Semantics::Torch, true) => torch_logits_bce(y, x),
        (Semantics::Torch, false) => torch_prob_bce(y, x),
        (Semantics::Exact, true) => exact_logits_bce(y, x),
        (Semantics::Exact, false) => exact_prob_bce(y, x),
    }
}

/// One unit of BCE: the mean over the row (Keras, exact) or one element (torch).
pub(crate) fn bce_unit<R: Real>(o: &LossOptions, y_true: &[f64], yp: &[R]) -> R {
    let elems: Vec<R> = y_true
        .iter()
        .zip(yp)
        .map(|(&y, &x)| bce_element(o.semantics, o.from_logits, smooth_binary_in::<R>(y, o.label_smoothing), x))
        .collect();
    if o.semantics == Semantics::Torch {
        elems[0]
    } else {
        pairwise_sum(&elems) / R::lit(elems.len() as f64)
    }
}
