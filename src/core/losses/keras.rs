//! Keras' ε and its clipping, shared by the Keras forms of every loss.

use crate::core::real::Real;

/// `x` clipped to `[lo, hi]` as `tf.clip_by_value` does (gradient passes at the bounds).
pub(crate) fn clip<R: Real>(x: R, lo: R, hi: R) -> R {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}

/// Keras' ε as the computing type (1e-7 rounded; 1.00000001e-7 in f32).
pub(crate) fn epsilon<R: Real>() -> R {
    R::lit(1e-7)
}

/// A probability clipped into Keras' `[ε, 1 − ε]`.
pub(crate) fn clip_probability<R: Real>(p: R) -> R {
    let eps = epsilon::<R>();
    clip(p, eps, R::one() - eps)
}

/// Whether Keras' clipping to `[ε, 1 − ε]` changes the probability `p`: what
/// decides whether a framework's cap on a wrong prediction comes into play.
///
/// ```
/// use losslab::core::losses::keras_clips;
/// assert!(keras_clips(1.0_f32) && keras_clips(0.0_f32));
/// assert!(!keras_clips(0.5_f32));
/// ```
pub fn keras_clips<R: Real>(p: R) -> bool {
    clip_probability(p) != p
}
