//! Label smoothing: softer targets, and the finite logit gap they ask for.
//!
//! The binary rule is the categorical one for K = 2: a one-hot pair `[1 − y, y]`
//! smoothed by `ε` is `[(1 − y)(1 − ε) + ε/2, y(1 − ε) + ε/2]`.

use super::real::Real;

/// Binary label smoothing `y(1 − ε) + ε/2` (ε = 0.2 → targets 0.1 / 0.9), in
/// the computing type (Keras smooths after casting to float32). At ε = 0 it
/// is `y` exactly.
///
/// ```
/// use losslab::core::smoothing::smooth_binary;
/// assert!((smooth_binary(1.0_f64, 0.2) - 0.9).abs() < 1e-15);
/// assert!((smooth_binary(0.0_f64, 0.2) - 0.1).abs() < 1e-15);
/// assert_eq!(smooth_binary(0.7_f32, 0.0), 0.7);
/// ```
pub fn smooth_binary<R: Real>(y: R, alpha: R) -> R {
    y * (R::one() - alpha) + R::lit(0.5) * alpha
}

/// Categorical label smoothing `(1 − ε)·y + ε/K` of one row of K classes.
///
/// ```
/// use losslab::core::smoothing::smooth_categorical;
/// let t = smooth_categorical(&[1.0, 0.0, 0.0], 0.1);
/// assert_eq!(format!("{:.4} {:.4} {:.4}", t[0], t[1], t[2]), "0.9333 0.0333 0.0333");
/// ```
pub fn smooth_categorical<R: Real>(one_hot: &[R], alpha: R) -> Vec<R> {
    let per_class = alpha / R::lit(one_hot.len() as f64);
    one_hot.iter().map(|&y| y * (R::one() - alpha) + per_class).collect()
}

/// The logit gap `a` such that `softmax([a, 0, …, 0])` (K entries) equals the
/// smoothed one-hot target: `a = ln(1 + K(1 − ε)/ε)`. `None` when ε = 0 (a
/// one-hot target asks for an infinite gap) or ε is outside (0, 1] or K = 0;
/// 0 at ε = 1.
///
/// ```
/// use losslab::core::smoothing::logit_gap;
/// let a = logit_gap(0.1, 3).unwrap();
/// assert_eq!(format!("{a:.4}"), "3.3322");
/// assert!((a - 28f64.ln()).abs() < 1e-15);
/// assert_eq!(logit_gap(0.0, 3), None);
/// assert_eq!(logit_gap(1.0, 3), Some(0.0));
/// ```
pub fn logit_gap(alpha: f64, k: u32) -> Option<f64> {
    if !(alpha > 0.0 && alpha <= 1.0) || k == 0 {
        return None;
    }
    Some((k as f64 * (1.0 - alpha) / alpha).ln_1p())
}

/// Shannon entropy `−Σ p·ln p` in nats, with `0·ln 0 = 0`: the smallest
/// cross-entropy any prediction can reach against target `p`.
///
/// ```
/// use losslab::core::smoothing::{entropy, smooth_categorical};
/// let h = entropy(&smooth_categorical(&[1.0, 0.0, 0.0], 0.1));
/// assert!((h - 0.29113983883196504).abs() < 1e-15);
/// assert_eq!(entropy(&[1.0, 0.0]), 0.0);
/// ```
pub fn entropy(p: &[f64]) -> f64 {
    -p.iter().map(|&q| if q == 0.0 { 0.0 } else { q * q.ln() }).sum::<f64>()
}

/// The gradient of cross-entropy with respect to the logits,
/// `softmax(z) − y`: each entry stays in [−1, 1], so smoothing bounds how far
/// training pushes the logits.
///
/// ```
/// use losslab::core::smoothing::ce_logit_gradient;
/// let g = ce_logit_gradient(&[0.0, 0.0], &[1.0, 0.0]);
/// assert_eq!(g, vec![-0.5, 0.5]);
/// ```
pub fn ce_logit_gradient(logits: &[f64], target: &[f64]) -> Vec<f64> {
    crate::core::activation::softmax(logits).iter().zip(target).map(|(p, y)| p - y).collect()
}
