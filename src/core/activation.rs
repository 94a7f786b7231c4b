//! Sigmoid and softmax and their logarithms, in numerically stable forms.

use super::real::{pairwise_sum, Real};

/// The logistic sigmoid `σ(x) = 1 / (1 + e^(−x))`, stable for any `x`.
///
/// Only `exp` of a non-positive number is ever taken, so it never overflows:
/// for `x ≥ 0` it is `1 / (1 + e^(−x))`, for `x < 0` it is `e^x / (1 + e^x)`.
///
/// ```
/// use losslab::core::activation::sigmoid;
/// assert_eq!(sigmoid(0.0_f64), 0.5);
/// assert_eq!(sigmoid(-1000.0_f64), 0.0);
/// assert_eq!(sigmoid(1000.0_f32), 1.0);
/// ```
pub fn sigmoid<T: Real>(x: T) -> T {
    if x >= T::zero() {
        T::one() / (T::one() + (-x).exp())
    } else {
        let e = x.exp();
        e / (T::one() + e)
    }
}

/// `log σ(x) = min(x, 0) − log(1 + e^(−|x|))`, stable for any `x`
/// (the literal `σ(x).ln()` is `−∞` already at `x = −750` in f64).
///
/// ```
/// use losslab::core::activation::log_sigmoid;
/// assert_eq!(log_sigmoid(-1000.0_f64), -1000.0);
/// assert!((log_sigmoid(0.0_f64) + std::f64::consts::LN_2).abs() < 1e-15);
/// ```
pub fn log_sigmoid<T: Real>(x: T) -> T {
    x.min(T::zero()) - (-x.abs()).exp().ln_1p()
}

/// `softplus(x) = log(1 + e^x)`, stable for any `x`: `max(x, 0) + log(1 + e^(−|x|))`.
///
/// ```
/// use losslab::core::activation::softplus;
/// assert_eq!(softplus(1000.0_f64), 1000.0);
/// assert!((softplus(0.0_f64) - std::f64::consts::LN_2).abs() < 1e-15);
/// ```
pub fn softplus<T: Real>(x: T) -> T {
    x.max(T::zero()) + (-x.abs()).exp().ln_1p()
}

/// `logit(p) = log(p / (1 − p))`, the inverse of σ: ±∞ at p = 1 and p = 0.
///
/// ```
/// use losslab::core::activation::{logit, sigmoid};
/// assert_eq!(logit(0.5_f64), 0.0);
/// assert!((sigmoid(logit(0.9_f64)) - 0.9).abs() < 1e-15);
/// assert_eq!(logit(1.0_f64), f64::INFINITY);
/// ```
pub fn logit<T: Real>(p: T) -> T {
    p.ln() - (-p).ln_1p()
}

/// `softmax(z)_k = e^(z_k − max z) / Σ_j e^(z_j − max z)`; shifting by the
/// maximum keeps every `exp` at most 1, so large logits never overflow.
///
/// ```
/// use losslab::core::activation::softmax;
/// let p = softmax(&[28.0_f64.ln(), 0.0, 0.0]);
/// assert!((p[0] - 0.9333333333333333).abs() < 1e-15);
/// ```
pub fn softmax<T: Real>(z: &[T]) -> Vec<T> {
    let m = max_of(z);
    let e: Vec<T> = z.iter().map(|&v| (v - m).exp()).collect();
    let s = pairwise_sum(&e);
    e.into_iter().map(|v| v / s).collect()
}

/// `log softmax(z)_k = z_k − max z − log Σ_j e^(z_j − max z)`, stable.
///
/// ```
/// use losslab::core::activation::log_softmax;
/// let l = log_softmax(&[1000.0_f64, 0.0]);
/// assert_eq!(l[0], 0.0);
/// assert_eq!(l[1], -1000.0);
/// ```
pub fn log_softmax<T: Real>(z: &[T]) -> Vec<T> {
    let m = max_of(z);
    let shifted: Vec<T> = z.iter().map(|&v| v - m).collect();
    let e: Vec<T> = shifted.iter().map(|&v| v.exp()).collect();
    let lse = pairwise_sum(&e).ln();
    shifted.into_iter().map(|v| v - lse).collect()
}

/// The largest finite-or-infinite entry; `−∞` for an empty slice. A row of
/// all `−∞` (torch's `log 0`) gives `−∞`, and then NaN downstream, as in torch.
pub(crate) fn max_of<T: Real>(z: &[T]) -> T {
    z.iter().fold(T::neg_infinity(), |m, &v| if v > m { v } else { m })
}

/// TensorFlow's float32 sigmoid (Eigen's `scalar_logistic_op<float>`):
/// `e / (1 + e)` with `e = exp(min(x, 16.6355324))`, which is exactly 1 from
/// about x = 16.64 on (the correctly rounded σ reaches 1 only at 17.33), and 0
/// below −104. For f64 TensorFlow uses the plain `1 / (1 + exp(−x))`.
pub(crate) fn tf_sigmoid<T: Real>(x: T) -> T {
    if T::SINGLE {
        if x < T::lit(-104.0) {
            return T::zero();
        }
        let e = x.min(T::lit(16.6355324)).exp().flush();
        e / (T::one() + e)
    } else if x >= T::zero() {
        T::one() / (T::one() + (-x).exp().flush())
    } else {
        // e/(1+e) for negative x: TF's value to the last bit or one, and a
        // derivative that stays finite where exp(−x) overflows (x → −∞).
        let e = x.exp().flush();
        e / (T::one() + e)
    }
}

/// torch's sigmoid: `1 / (1 + exp(−x))` (∞ in the denominator gives 0).
pub(crate) fn torch_sigmoid<T: Real>(x: T) -> T {
    T::one() / (T::one() + (-x).exp())
}
