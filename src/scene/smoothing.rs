//! Label smoothing: the smoothed target, the logit gap it asks for, and the
//! bounded gradient, for logits `[a, 0, …, 0]` with the true class first.

use super::sampling::sample;
use crate::core::losses::categorical_cross_entropy;
use crate::core::smoothing::{ce_logit_gradient, entropy, logit_gap, smooth_categorical};

#[derive(Clone, Debug, PartialEq)]
pub struct SmoothingScene {
    /// ε, in 0 … 1.
    pub alpha: f64,
    /// K, at least 2.
    pub k: u32,
    /// `(1 − ε)·y_hot + ε/K`, true class first.
    pub target: Vec<f64>,
    pub one_hot: Vec<f64>,
    /// The logit a of `[a, 0, …, 0]` whose softmax is the target;
    /// `None` when ε = 0: the one-hot target asks for an infinite gap.
    pub gap: Option<f64>,
    /// The target's entropy: the least cross-entropy any logits reach.
    pub entropy: f64,
    /// The range of a in the curves.
    pub a_range: (f64, f64),
    /// CE of `[a, 0, …]` against the smoothed target, over a.
    pub ce_smoothed: Vec<(f64, f64)>,
    /// CE of `[a, 0, …]` against the one-hot target, over a.
    pub ce_one_hot: Vec<(f64, f64)>,
    /// ∂CE/∂z_true = softmax(z)_true − y_true for the smoothed target, over a.
    pub grad_smoothed: Vec<(f64, f64)>,
    /// The same for the one-hot target (ε = 0).
    pub grad_one_hot: Vec<(f64, f64)>,
}

impl SmoothingScene {
    pub fn build(alpha: f64, k: u32) -> SmoothingScene {
        let one_hot: Vec<f64> = (0..k).map(|j| if j == 0 { 1.0 } else { 0.0 }).collect();
        let target = smooth_categorical(&one_hot, alpha);
        let gap = logit_gap(alpha, k).filter(|a| a.is_finite());
        let hi = gap.map_or(10.0, |a| (a * 1.6).max(8.0)).min(30.0);
        let a_range = (-2.0, hi);
        let logits = |a: f64| {
            let mut z = vec![0.0; k as usize];
            z[0] = a;
            z
        };
        let ce = |y: &[f64], a: f64| categorical_cross_entropy(y, &logits(a));
        let grad = |y: &[f64], a: f64| ce_logit_gradient(&logits(a), y)[0];
        let n = 300;
        SmoothingScene {
            entropy: entropy(&target),
            ce_smoothed: sample(a_range.0, a_range.1, n, |a| ce(&target, a)),
            ce_one_hot: sample(a_range.0, a_range.1, n, |a| ce(&one_hot, a)),
            grad_smoothed: sample(a_range.0, a_range.1, n, |a| grad(&target, a)),
            grad_one_hot: sample(a_range.0, a_range.1, n, |a| grad(&one_hot, a)),
            alpha,
            k,
            target,
            one_hot,
            gap,
            a_range,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_example() {
        let s = SmoothingScene::build(0.1, 3);
        assert!((s.target[0] - 0.9333).abs() < 5e-5);
        assert!((s.target[1] - 0.0333).abs() < 5e-5);
        assert!((s.gap.unwrap() - 3.3322).abs() < 5e-5);
        assert!((s.entropy - 0.2911).abs() < 5e-5);
    }

    #[test]
    fn extremes_are_words_not_nans() {
        let zero = SmoothingScene::build(0.0, 3);
        assert_eq!(zero.gap, None);
        let one = SmoothingScene::build(1.0, 10);
        assert_eq!(one.gap, Some(0.0));
        for s in [zero, one, SmoothingScene::build(1.0, 2)] {
            assert!(s.ce_smoothed.iter().chain(&s.grad_smoothed).all(|(a, v)| a.is_finite() && v.is_finite()));
            assert!(s.grad_smoothed.iter().all(|(_, g)| (-1.0..=1.0).contains(g)));
        }
    }
}
