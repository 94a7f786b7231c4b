//! Categorical and sparse categorical cross-entropy, per sample, as Keras
//! computes them (the article's second half).

use crate::calculator::parse_list;
use crate::core::activation::softmax;
use crate::core::array::{first_max, NdArray};
use crate::core::losses::{
    cross_entropy, keras_categorical_probabilities, keras_sparse_logits, renormalize, CrossEntropy, LossOptions,
};
use crate::core::semantics::Reduction;

#[derive(Clone, Debug, PartialEq)]
pub struct CceSample {
    /// The row of `y_pred` as given (from logits: the probabilities they
    /// stand for, as there is nothing else to mark on a probability axis).
    pub raw: Vec<f64>,
    /// The probabilities the loss takes the log of: the row divided by its
    /// sum, as Keras' categorical cross-entropy does first, or from logits
    /// their softmax.
    pub renormalised: Vec<f64>,
    /// The one-hot (or soft) label row.
    pub one_hot: Vec<f64>,
    /// The true class: the integer (sparse) label.
    pub label: usize,
    /// The renormalised, clipped probability of the true class.
    pub p_true: f64,
    /// Categorical cross-entropy of the sample, −Σ y·log p.
    pub loss: f64,
    /// The row as sparse categorical cross-entropy sees it: clipped *first*,
    /// then renormalised (by a log-softmax of its log).
    pub sparse_row: Vec<f64>,
    pub sparse_p_true: f64,
    /// Sparse categorical cross-entropy of the sample.
    pub sparse_loss: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CceScene {
    pub samples: Vec<CceSample>,
    /// Indices (0-based) of rows left out: ragged, negative, non-finite,
    /// summing to 0, or with a label outside the row.
    pub skipped: Vec<usize>,
    /// Mean categorical cross-entropy (Keras' `sum_over_batch_size`).
    pub mean: Option<f64>,
    pub sparse_mean: Option<f64>,
    /// The rows of `y_pred` are logits (`from_logits`), not probabilities.
    pub from_logits: bool,
}

impl CceScene {
    /// The article's example: `y_true = [[0,1,0],[0,0,1]]`,
    /// `y_pred = [[0.05,0.95,0],[0.1,0.8,0.1]]`, sparse `[1, 2]`.
    pub fn seed() -> CceScene {
        CceScene::build(
            &[vec![0.0, 1.0, 0.0], vec![0.0, 0.0, 1.0]],
            &[vec![0.05, 0.95, 0.0], vec![0.1, 0.8, 0.1]],
            &[1, 2],
            false,
        )
    }

    /// The scene of the calculator's text (lists of rows); the seed when it
    /// does not parse, so export always has something to draw.
    pub fn from_text(y_true: &str, y_pred: &str, from_logits: bool) -> CceScene {
        let rows = |text: &str| parse_list(text).ok().and_then(|a| a.to_rows());
        match (rows(y_true), rows(y_pred)) {
            (Some(t), Some(p)) => CceScene::build(&t, &p, &[], from_logits),
            _ => CceScene::seed(),
        }
    }

    /// Per-sample losses of `y_pred` against one-hot `y_true` and integer
    /// `sparse` labels. Either label list may be empty: the other then
    /// gives the true class (the argmax of a `y_true` row). `from_logits`:
    /// the rows of `y_pred` are logits.
    pub fn build(y_true: &[Vec<f64>], y_pred: &[Vec<f64>], sparse: &[usize], from_logits: bool) -> CceScene {
        let mut samples = Vec::new();
        let mut skipped = Vec::new();
        for (i, raw) in y_pred.iter().enumerate() {
            match sample(raw, y_true.get(i), sparse.get(i).copied(), from_logits) {
                Some(s) => samples.push(s),
                None => skipped.push(i),
            }
        }
        let mean = |f: fn(&CceSample) -> f64| {
            (!samples.is_empty()).then(|| samples.iter().map(f).sum::<f64>() / samples.len() as f64)
        };
        CceScene { mean: mean(|s| s.loss), sparse_mean: mean(|s| s.sparse_loss), samples, skipped, from_logits }
    }
}

fn sample(raw: &[f64], y_true: Option<&Vec<f64>>, sparse: Option<usize>, from_logits: bool) -> Option<CceSample> {
    let k = raw.len();
    let sum: f64 = raw.iter().sum();
    let usable = if from_logits {
        raw.iter().all(|v| v.is_finite())
    } else {
        raw.iter().all(|v| v.is_finite() && *v >= 0.0) && sum.is_finite() && sum > 0.0
    };
    if k == 0 || !usable {
        return None;
    }
    let one_hot_given = y_true.filter(|row| row.len() == k && row.iter().all(|v| v.is_finite()));
    let label = match (sparse, one_hot_given) {
        (Some(l), _) => l,
        (None, Some(row)) => first_max(row).0,
        (None, None) => return None,
    };
    if label >= k {
        return None;
    }
    let one_hot =
        one_hot_given.cloned().unwrap_or_else(|| (0..k).map(|j| if j == label { 1.0 } else { 0.0 }).collect());
    // From logits both losses take the log-softmax: nothing is renormalised
    // or clipped, and the row shown is the softmax.
    let (renormalised, clipped, sparse_row) = if from_logits {
        let p = softmax(raw);
        (p.clone(), p.clone(), p)
    } else {
        (renormalize(raw), keras_categorical_probabilities(raw), softmax(&keras_sparse_logits(raw)))
    };
    let loss = |kind, y_true| keras_loss(kind, y_true, raw, from_logits);
    Some(CceSample {
        p_true: clipped[label],
        loss: loss(CrossEntropy::Categorical, NdArray::from_vec(one_hot.clone()))?,
        sparse_loss: loss(CrossEntropy::Sparse, NdArray::scalar(label as f64))?,
        sparse_p_true: sparse_row[label],
        raw: if from_logits { renormalised.clone() } else { raw.to_vec() },
        renormalised,
        one_hot,
        label,
        sparse_row,
    })
}

/// One sample's loss as Keras computes it, in float64 (the figure's
/// resolution); `None` when Keras refuses the row.
fn keras_loss(kind: CrossEntropy, y_true: NdArray<f64>, row: &[f64], from_logits: bool) -> Option<f64> {
    let options = LossOptions { reduction: Reduction::None, from_logits, ..LossOptions::default() };
    cross_entropy::<f64>(kind, &y_true, &NdArray::from_vec(row.to_vec()), &options).ok()?.scalar()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_gives_the_articles_numbers() {
        let s = CceScene::seed();
        assert!((s.samples[0].loss - 0.0513).abs() < 5e-5);
        assert!((s.samples[1].loss - std::f64::consts::LN_10).abs() < 5e-5, "−log 0.1");
        assert!((s.mean.unwrap() - 1.177).abs() < 5e-4);
        assert!((s.sparse_mean.unwrap() - 1.177).abs() < 5e-4);
        assert_eq!(s.samples[1].label, 2);
    }

    #[test]
    fn sparse_clips_before_renormalising() {
        let s = CceScene::build(&[], &[vec![0.5, 1.5, 0.0]], &[1], false);
        assert!((s.samples[0].p_true - 0.75).abs() < 1e-6);
        assert!((s.samples[0].sparse_p_true - 2.0 / 3.0).abs() < 1e-6);
    }

    #[test]
    fn bad_rows_are_skipped_not_nan() {
        let s =
            CceScene::build(&[], &[vec![f64::NAN, 1.0], vec![0.0, 0.0], vec![], vec![0.3, 0.7]], &[0, 0, 0, 5], false);
        assert_eq!(s.skipped, vec![0, 1, 2, 3]);
        assert_eq!(s.mean, None);
    }

    #[test]
    fn calculator_text_parses_or_falls_back() {
        assert_eq!(
            CceScene::from_text("[[0, 1, 0], [0, 0, 1]]", "[[0.05, 0.95, 0], [0.1, 0.8, 0.1]]", false),
            CceScene::seed()
        );
        assert_eq!(CceScene::from_text("[0,1", "x", false), CceScene::seed());
    }

    #[test]
    fn logits_are_shown_as_their_softmax_and_lose_as_keras_does() {
        // softmax([ln 1, ln 3, ln 6]) = [0.1, 0.3, 0.6]; true class 2: −log 0.6.
        let z = vec![0.0, 3f64.ln(), 6f64.ln()];
        let s = CceScene::build(&[vec![0.0, 0.0, 1.0]], &[z], &[], true);
        let sample = &s.samples[0];
        assert!(sample.renormalised.iter().zip([0.1, 0.3, 0.6]).all(|(a, b)| (a - b).abs() < 1e-12));
        assert!((sample.loss + 0.6f64.ln()).abs() < 1e-12 && (sample.sparse_loss - sample.loss).abs() < 1e-12);
        // Negative logits are logits, not a row to leave out.
        assert!(CceScene::build(&[vec![1.0, 0.0]], &[vec![-3.0, -5.0]], &[], true).skipped.is_empty());
    }
}
