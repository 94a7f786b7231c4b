//! W and b of a softmax, and what it says about any point.

use crate::core::activation::softmax;
use crate::core::array::first_max;

/// A softmax model: `coef` is W (K rows of D, row-major), `intercept` is b (K).
#[derive(Clone, Debug, PartialEq)]
pub struct SoftmaxModel {
    /// W, row-major: `coef[k·D + d]` is class k's weight of feature d.
    pub coef: Vec<f64>,
    /// b, one per class.
    pub intercept: Vec<f64>,
}

impl SoftmaxModel {
    /// W = 0, b = 0: every class equally likely everywhere.
    pub fn zeros(classes: usize, features: usize) -> SoftmaxModel {
        SoftmaxModel { coef: vec![0.0; classes * features], intercept: vec![0.0; classes] }
    }

    /// K, the number of classes.
    pub fn classes(&self) -> usize {
        self.intercept.len()
    }

    /// D, the number of features.
    pub fn features(&self) -> usize {
        self.coef.len().checked_div(self.intercept.len()).unwrap_or(0)
    }

    /// W as K rows of D.
    pub fn coef_rows(&self) -> Vec<Vec<f64>> {
        self.coef.chunks(self.features().max(1)).map(<[f64]>::to_vec).collect()
    }

    /// The logits `W·x + b` of a point with D features.
    ///
    /// ```
    /// use losslab::core::softmax_fit::SoftmaxModel;
    /// let m = SoftmaxModel { coef: vec![1.0, 0.0, -1.0, 2.0], intercept: vec![0.5, -0.5] };
    /// assert_eq!(m.logits(&[2.0, 1.0]), vec![2.5, -0.5]);
    /// ```
    pub fn logits(&self, x: &[f64]) -> Vec<f64> {
        let d = self.features();
        self.intercept
            .iter()
            .enumerate()
            .map(|(k, &b)| b + self.coef[k * d..(k + 1) * d].iter().zip(x).map(|(w, v)| w * v).sum::<f64>())
            .collect()
    }

    /// The class probabilities `softmax(W·x + b)` of a point.
    ///
    /// ```
    /// use losslab::core::softmax_fit::SoftmaxModel;
    /// let m = SoftmaxModel { coef: vec![1.0, -1.0], intercept: vec![0.0, 0.0] };
    /// let p = m.proba(&[0.5f64.ln()]);
    /// assert_eq!(format!("{:.4} {:.4}", p[0], p[1]), "0.2000 0.8000");
    /// ```
    pub fn proba(&self, x: &[f64]) -> Vec<f64> {
        softmax(&self.logits(x))
    }

    /// The predicted class: the first class of largest logit (numpy's `argmax`).
    pub fn predict(&self, x: &[f64]) -> usize {
        first_max(&self.logits(x)).0
    }

    /// Whether every weight is a finite number.
    pub fn is_finite(&self) -> bool {
        self.coef.iter().chain(&self.intercept).all(|v| v.is_finite())
    }
}
