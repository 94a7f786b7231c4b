//! Counting right and wrong at a threshold: the confusion counts and the
//! recall of the class with fewer points, the number an imbalanced data set
//! makes fall.

/// How a binary classifier did at one threshold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Confusion {
    pub true_positives: usize,
    pub false_positives: usize,
    pub true_negatives: usize,
    pub false_negatives: usize,
}

impl Confusion {
    /// Counts the points with labels `y` (class 1 where `y ≥ ½`) and
    /// probabilities `p` of class 1: predicted positive when `p > threshold`
    /// (at ½, scikit-learn's `predict`). Pairs up to the shorter slice.
    ///
    /// ```
    /// use losslab::core::confusion::Confusion;
    /// let c = Confusion::at(&[1., 1., 0., 0.], &[0.9, 0.4, 0.6, 0.5], 0.5);
    /// assert_eq!((c.true_positives, c.false_negatives, c.false_positives, c.true_negatives), (1, 1, 1, 1));
    /// ```
    pub fn at(y: &[f64], p: &[f64], threshold: f64) -> Confusion {
        let mut c = Confusion::default();
        for (&y, &p) in y.iter().zip(p) {
            match (y >= 0.5, p > threshold) {
                (true, true) => c.true_positives += 1,
                (true, false) => c.false_negatives += 1,
                (false, true) => c.false_positives += 1,
                (false, false) => c.true_negatives += 1,
            }
        }
        c
    }

    /// The recall of class 1, `TP / (TP + FN)`; `None` without positives.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.true_positives, self.true_positives + self.false_negatives)
    }

    /// The recall of class 0, `TN / (TN + FP)`; `None` without negatives.
    pub fn specificity(&self) -> Option<f64> {
        ratio(self.true_negatives, self.true_negatives + self.false_positives)
    }

    /// The recall of class `positive` (1) or of class 0.
    pub fn recall_of(&self, positive: bool) -> Option<f64> {
        if positive {
            self.recall()
        } else {
            self.specificity()
        }
    }

    /// The share of points classified right; `None` without points.
    pub fn accuracy(&self) -> Option<f64> {
        let total = self.true_positives + self.false_positives + self.true_negatives + self.false_negatives;
        ratio(self.true_positives + self.true_negatives, total)
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// The class with fewer points among labels `y` (class 1 where `y ≥ ½`):
/// `true` for class 1, also on a tie.
///
/// ```
/// use losslab::core::confusion::minority_is_positive;
/// assert!(minority_is_positive(&[0., 0., 1.]));
/// assert!(!minority_is_positive(&[0., 1., 1.]));
/// assert!(minority_is_positive(&[0., 1.]));
/// ```
pub fn minority_is_positive(y: &[f64]) -> bool {
    let positives = y.iter().filter(|&&v| v >= 0.5).count();
    positives * 2 <= y.len()
}

/// The recall of the minority class ([`minority_is_positive`] of the same
/// labels) at `threshold`; `None` when that class has no points.
///
/// ```
/// use losslab::core::confusion::minority_recall;
/// // One positive in four, found: recall 1; missed at a higher threshold.
/// assert_eq!(minority_recall(&[0., 0., 0., 1.], &[0.1, 0.2, 0.3, 0.6], 0.5), Some(1.0));
/// assert_eq!(minority_recall(&[0., 0., 0., 1.], &[0.1, 0.2, 0.3, 0.6], 0.7), Some(0.0));
/// ```
pub fn minority_recall(y: &[f64], p: &[f64], threshold: f64) -> Option<f64> {
    Confusion::at(y, p, threshold).recall_of(minority_is_positive(y))
}
