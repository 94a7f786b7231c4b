//! Binary cross-entropy, element by element: its plain formula, and the
//! forms each framework computes.

use super::keras::{clip_probability, epsilon};
use super::options::LossOptions;
use crate::core::activation::{log_sigmoid, softplus};
use crate::core::real::{pairwise_sum, Real};
use crate::core::semantics::Semantics;
use crate::core::smoothing::smooth_binary;

/// Binary cross-entropy of one element from its logit `z` and target `y` in
/// [0, 1] (soft targets allowed): `y·softplus(−z) + (1 − y)·softplus(z)`,
/// which is `−y·log σ(z) − (1 − y)·log(1 − σ(z))` without ever forming σ(z),
/// so it is finite for every finite `z`. A term whose weight is 0 is left out
/// (`0·log 0 = 0`), so `z = ±∞` gives 0 or ∞, never NaN. This is the loss
/// every figure, fit and breakdown computes.
///
/// ```
/// use losslab::core::losses::binary_cross_entropy;
/// assert!((binary_cross_entropy(1.0_f64, 0.0) - std::f64::consts::LN_2).abs() < 1e-15);
/// assert_eq!(binary_cross_entropy(0.0_f64, 40.0), 40.0);
/// assert_eq!(binary_cross_entropy(1.0_f64, f64::INFINITY), 0.0);
/// ```
pub fn binary_cross_entropy<R: Real>(y: R, z: R) -> R {
    let a = if y == R::zero() { R::zero() } else { y * softplus(-z) };
    let q = R::one() - y;
    let b = if q == R::zero() { R::zero() } else { q * softplus(z) };
    a + b
}

/// Binary cross-entropy of one element from its probability `p = σ(z)`:
/// `−(y·log p + (1 − y)·log(1 − p))`, with `0·log 0 = 0`; ∞ where the true
/// class gets probability 0.
///
/// ```
/// use losslab::core::losses::binary_cross_entropy_of_probability;
/// assert_eq!(binary_cross_entropy_of_probability(1.0_f64, 1.0), 0.0);
/// assert_eq!(binary_cross_entropy_of_probability(1.0_f64, 0.0), f64::INFINITY);
/// assert!((binary_cross_entropy_of_probability(0.0_f64, 0.5) - std::f64::consts::LN_2).abs() < 1e-15);
/// ```
pub fn binary_cross_entropy_of_probability<R: Real>(y: R, p: R) -> R {
    let a = if y == R::zero() { R::zero() } else { y * p.ln() };
    let q = R::one() - y;
    let b = if q == R::zero() { R::zero() } else { q * (R::one() - p).ln() };
    -(a + b)
}

/// `y·−log σ(z) + (1−y)·−log(1−σ(z))` for logit `z` and label `y`, computed
/// literally: `σ(z)` rounds to 1 for large `z` and `log(1 − 1)` is `−∞`, so
/// it overflows to ∞ (or NaN) where the true loss is finite. Shown on the
/// page to explain why the stable form exists.
///
/// ```
/// use losslab::core::losses::naive_logistic_loss;
/// assert!((naive_logistic_loss(0.0_f64, 1.0) - std::f64::consts::LN_2).abs() < 1e-15);
/// assert!(naive_logistic_loss(40.0_f64, 0.0).is_infinite()); // truly 40
/// ```
pub fn naive_logistic_loss<T: Real>(z: T, y: T) -> T {
    let s = T::one() / (T::one() + (-z).exp());
    y * -s.ln() + (T::one() - y) * -(T::one() - s).ln()
}

/// `max(z, 0) − z·y + log(1 + exp(−|z|))`: the same loss, finite for every
/// finite logit `z` (TensorFlow's `sigmoid_cross_entropy_with_logits`, whose
/// documentation calls the logit `x` and the label `z`).
///
/// ```
/// use losslab::core::losses::stable_logistic_loss;
/// assert_eq!(stable_logistic_loss(40.0_f64, 0.0), 40.0);
/// assert_eq!(stable_logistic_loss(-1000.0_f32, 1.0), 1000.0);
/// ```
pub fn stable_logistic_loss<T: Real>(z: T, y: T) -> T {
    z.max(T::zero()) - z * y + (-z.abs()).exp().ln_1p()
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
    let p = clip_probability(p);
    let bce = y * (p + eps).ln();
    let bce = bce + (R::one() - y) * (R::one() - p + eps).ln();
    -bce
}

/// Keras 3's probability BCE: clipping only.
pub(crate) fn keras3_prob_bce<R: Real>(y: R, p: R) -> R {
    let p = clip_probability(p);
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

/// Whether torch's floor of −100 on each log changes the loss of target `y`
/// at probability `p`: only where a log with a non-zero weight is below −100,
/// which in float32 means `p` (or `1 − p`) is 0 or nearly.
///
/// ```
/// use losslab::core::losses::torch_clamps;
/// assert!(torch_clamps(1.0_f32, 0.0));
/// assert!(!torch_clamps(0.0_f32, 0.0));
/// assert!(!torch_clamps(1.0_f32, 1e-30));
/// ```
pub fn torch_clamps<R: Real>(y: R, p: R) -> bool {
    let floor = R::lit(-100.0);
    (y != R::one() && (-p).ln_1p() < floor) || (y != R::zero() && p.ln() < floor)
}

/// torch's `binary_cross_entropy_with_logits`: `(1 − z)·x − log σ(x)`.
/// Unlike TensorFlow's form it rounds `−20 − (−20 − 2e-9)` to exactly 0 in f32.
pub(crate) fn torch_logits_bce<R: Real>(y: R, x: R) -> R {
    (R::one() - y) * x - log_sigmoid(x)
}

/// One element's BCE under the semantics, `y` already smoothed.
pub(crate) fn bce_element<R: Real>(sem: Semantics, from_logits: bool, y: R, x: R) -> R {
    match (sem, from_logits) {
        (Semantics::Keras | Semantics::Keras3, true) => tf_logits_bce(y, x),
        (Semantics::Keras, false) => keras_prob_bce(y, x),
        (Semantics::Keras3, false) => keras3_prob_bce(y, x),
        (Semantics::Torch, true) => torch_logits_bce(y, x),
        (Semantics::Torch, false) => torch_prob_bce(y, x),
        (Semantics::Exact, true) => binary_cross_entropy(y, x),
        (Semantics::Exact, false) => binary_cross_entropy_of_probability(y, x),
    }
}

/// One unit of BCE: the mean over the row (Keras, exact) or one element (torch).
pub(crate) fn bce_unit<R: Real>(o: &LossOptions, y_true: &[f64], yp: &[R]) -> R {
    let elems: Vec<R> = y_true
        .iter()
        .zip(yp)
        .map(|(&y, &x)| bce_element(o.semantics, o.from_logits, smooth_binary(R::lit(y), R::lit(o.label_smoothing)), x))
        .collect();
    if o.semantics == Semantics::Torch {
        elems[0]
    } else {
        pairwise_sum(&elems) / R::lit(elems.len() as f64)
    }
}
