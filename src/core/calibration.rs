//! Calibration: whether the probabilities a model gives come true as often
//! as they say. A reliability diagram bins the predictions as
//! scikit-learn's `calibration_curve` does; ECE and MCE measure how far the
//! bins lie from the diagonal; the Brier score and the log loss judge every
//! prediction on its own.
//!
//! Binary predictions are P(y = 1) against labels 0/1. Rows of class
//! probabilities are judged top-label: the confidence of a row is its
//! largest probability, and the row is right when that class (the first on
//! ties, as `numpy.argmax`) is the label.

use std::fmt;

use super::array::{first_max, NdArray};
use crate::i18n::{Lang, Message};
use crate::number::format;

/// How many bins a reliability diagram may have.
pub const MAX_BINS: usize = 10_000;

/// Where the bin edges go (scikit-learn's `strategy`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum BinStrategy {
    /// `n_bins` bins of equal width on [0, 1]. The default.
    #[default]
    Uniform,
    /// Edges at the percentiles of the confidences (numpy's linear
    /// interpolation), so every bin holds about as many predictions.
    Quantile,
}

impl BinStrategy {
    pub fn name(self) -> &'static str {
        match self {
            BinStrategy::Uniform => "uniform",
            BinStrategy::Quantile => "quantile",
        }
    }

    pub fn parse(name: &str) -> Option<BinStrategy> {
        [BinStrategy::Uniform, BinStrategy::Quantile].into_iter().find(|s| s.name() == name)
    }
}

/// The `n_bins + 1` bin edges, exactly as scikit-learn computes them:
/// `numpy.linspace(0, 1, n_bins + 1)` (edge `i` is `i·(1/n_bins)`, the last
/// exactly 1), or `numpy.percentile(confidence, linspace(0, 1, n_bins + 1)·100)`.
/// `confidence` must not be empty and `n_bins` must be at least 1.
///
/// ```
/// use losslab::core::calibration::{bin_edges, BinStrategy};
/// let e = bin_edges(&[], 10, BinStrategy::Uniform);
/// assert_eq!(e[3], 0.30000000000000004); // 3 × 0.1, as numpy has it
/// assert_eq!(e[10], 1.0);
/// let q = bin_edges(&[0.1, 0.4, 0.2, 0.9], 2, BinStrategy::Quantile);
/// assert_eq!(q, vec![0.1, 0.30000000000000004, 0.9]);
/// ```
pub fn bin_edges(confidence: &[f64], n_bins: usize, strategy: BinStrategy) -> Vec<f64> {
    let grid = linspace01(n_bins + 1);
    match strategy {
        BinStrategy::Uniform => grid,
        BinStrategy::Quantile => {
            let mut sorted = confidence.to_vec();
            sorted.sort_by(f64::total_cmp);
            grid.iter().map(|&q| percentile(&sorted, q * 100.0)).collect()
        }
    }
}

/// `numpy.linspace(0, 1, num)`: `i·step` with `step = 1/(num − 1)`, the last exactly 1.
fn linspace01(num: usize) -> Vec<f64> {
    let step = 1.0 / (num - 1) as f64;
    let mut v: Vec<f64> = (0..num).map(|i| i as f64 * step + 0.0).collect();
    v[num - 1] = 1.0;
    v
}

/// `numpy.percentile(sorted, q)` with the default linear method, step by
/// step as numpy takes it: `q/100`, virtual index `(n − 1)·q`, and numpy's
/// `_lerp`, which interpolates from the upper neighbour when the fraction
/// is ½ or more (so the result stays monotone).
fn percentile(sorted: &[f64], q: f64) -> f64 {
    let n = sorted.len();
    let q = q / 100.0;
    let virtual_index = (n - 1) as f64 * q;
    let (previous, next, gamma) = if virtual_index >= (n - 1) as f64 {
        (n - 1, n - 1, virtual_index + 1.0)
    } else {
        let p = virtual_index.floor();
        (p as usize, p as usize + 1, virtual_index - p)
    };
    let (a, b) = (sorted[previous], sorted[next]);
    let diff = b - a;
    if gamma >= 0.5 {
        b - diff * (1.0 - gamma)
    } else {
        a + diff * gamma
    }
}

/// A reliability diagram: per non-empty bin, in order, the fraction of
/// outcomes that came true, the mean confidence, and how many predictions
/// fell in it (scikit-learn's `prob_true`, `prob_pred` and the bin counts).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reliability {
    pub prob_true: Vec<f64>,
    pub prob_pred: Vec<f64>,
    pub counts: Vec<usize>,
}

impl Reliability {
    /// The expected calibration error `Σ_b n_b/N·|prob_true_b − prob_pred_b|`;
    /// 0 without predictions.
    pub fn ece(&self) -> f64 {
        let total: usize = self.counts.iter().sum();
        if total == 0 {
            return 0.0;
        }
        self.gaps().zip(&self.counts).map(|(gap, &n)| gap * (n as f64 / total as f64)).sum()
    }

    /// The maximum calibration error `max_b |prob_true_b − prob_pred_b|`;
    /// 0 without predictions.
    pub fn mce(&self) -> f64 {
        self.gaps().fold(0.0, f64::max)
    }

    fn gaps(&self) -> impl Iterator<Item = f64> + '_ {
        self.prob_true.iter().zip(&self.prob_pred).map(|(t, p)| (t - p).abs())
    }
}

/// The reliability diagram of `outcome` (1 = came true, 0 = did not) against
/// `confidence` in [0, 1], as scikit-learn's `calibration_curve`: bin `b`
/// takes the confidences in `(edge_b, edge_{b+1}]` (the first bin also takes
/// its lower edge: `numpy.searchsorted(edges[1:-1], confidence)`, left side);
/// sums run in the order of the predictions, as `numpy.bincount`; empty bins
/// are dropped.
///
/// ```
/// use losslab::core::calibration::{reliability, BinStrategy};
/// let r = reliability(&[0., 1., 1., 1.], &[0.1, 0.2, 0.7, 0.9], 2, BinStrategy::Uniform).unwrap();
/// assert_eq!(r.counts, vec![2, 2]);
/// assert_eq!(r.prob_true, vec![0.5, 1.0]);
/// assert!((r.prob_pred[0] - 0.15).abs() < 1e-15);
/// assert!((r.ece() - 0.275).abs() < 1e-15); // ½·|0.5 − 0.15| + ½·|1 − 0.8|
/// ```
pub fn reliability(
    outcome: &[f64],
    confidence: &[f64],
    n_bins: usize,
    strategy: BinStrategy,
) -> Result<Reliability, CalibrationError> {
    check_bins(n_bins)?;
    check_lengths(outcome.len(), confidence.len())?;
    check_probabilities(confidence)?;
    check_binary_labels(outcome)?;
    Ok(binned(outcome, confidence, n_bins, strategy))
}

/// [`reliability`] past the checks.
fn binned(outcome: &[f64], confidence: &[f64], n_bins: usize, strategy: BinStrategy) -> Reliability {
    let edges = bin_edges(confidence, n_bins, strategy);
    let inner = &edges[1..n_bins];
    let mut sums = vec![0.0; n_bins];
    let mut trues = vec![0.0; n_bins];
    let mut counts = vec![0usize; n_bins];
    for (&y, &p) in outcome.iter().zip(confidence) {
        let b = inner.partition_point(|&e| e < p);
        sums[b] += p;
        trues[b] += y;
        counts[b] += 1;
    }
    let mut r = Reliability::default();
    for b in (0..n_bins).filter(|&b| counts[b] > 0) {
        r.prob_true.push(trues[b] / counts[b] as f64);
        r.prob_pred.push(sums[b] / counts[b] as f64);
        r.counts.push(counts[b]);
    }
    r
}

/// A row's top label: its largest probability and whether its class (the
/// first on ties) is `label`.
fn top_label(row: &[f64], label: usize) -> (f64, bool) {
    let (best, confidence) = first_max(row);
    (confidence, best == label)
}

/// The predictions to judge.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Predictions<'a> {
    /// P(y = 1) per sample, against labels 0 or 1.
    Binary(&'a [f64]),
    /// `classes` probabilities per sample, row after row, against class indices.
    Rows { probabilities: &'a [f64], classes: usize },
}

impl<'a> Predictions<'a> {
    /// A 1-D array (or a column) as binary predictions, a 2-D one as rows.
    pub fn from_array(a: &'a NdArray<f64>) -> Result<Predictions<'a>, CalibrationError> {
        match a.shape.as_slice() {
            [_] | [_, 1] => Ok(Predictions::Binary(&a.data)),
            [_, k] if *k > 1 => Ok(Predictions::Rows { probabilities: &a.data, classes: *k }),
            _ => Err(CalibrationError::Shape(a.shape.clone())),
        }
    }

    fn len(&self) -> usize {
        match self {
            Predictions::Binary(p) => p.len(),
            Predictions::Rows { probabilities, classes } => probabilities.len() / classes,
        }
    }
}

/// Everything a calibration readout shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Calibration {
    pub reliability: Reliability,
    /// [`Reliability::ece`].
    pub ece: f64,
    /// [`Reliability::mce`].
    pub mce: f64,
    /// The mean of `(p − y)²` (binary), or of `Σ_k (p_k − y_k)²` over the
    /// one-hot label `y` (rows): 0 is perfect; always predicting ½ scores ¼.
    pub brier: f64,
    /// The mean of `−ln p(label)`, `p` clipped to `[ε, 1 − ε]` (ε = 2⁻⁵²)
    /// as scikit-learn's `log_loss` clips, so a confident mistake costs at
    /// most 36.04 rather than ∞.
    pub log_loss: f64,
}

/// The calibration of `predictions` against `y_true` (0/1 for binary
/// predictions, class indices for rows): the reliability diagram in
/// `n_bins` bins (1 … [`MAX_BINS`]), ECE, MCE, Brier score and log loss.
///
/// ```
/// use losslab::core::calibration::{calibration, BinStrategy, Predictions};
/// let c = calibration(&[0., 1., 1.], Predictions::Binary(&[0.2, 0.6, 0.9]), 5, BinStrategy::Uniform).unwrap();
/// assert_eq!(c.reliability.counts, vec![1, 1, 1]);
/// assert!((c.brier - (0.04 + 0.16 + 0.01) / 3.0).abs() < 1e-15);
/// // Rows: confidences 0.7 (right) and 0.5 (wrong: class 0 wins the tie).
/// let rows = [0.7, 0.2, 0.1, 0.5, 0.5, 0.0];
/// let c = calibration(&[0., 1.], Predictions::Rows { probabilities: &rows, classes: 3 }, 10, BinStrategy::Uniform).unwrap();
/// assert_eq!(c.reliability.prob_true, vec![0.0, 1.0]);
/// assert_eq!(c.reliability.prob_pred, vec![0.5, 0.7]);
/// ```
pub fn calibration(
    y_true: &[f64],
    predictions: Predictions,
    n_bins: usize,
    strategy: BinStrategy,
) -> Result<Calibration, CalibrationError> {
    check_bins(n_bins)?;
    check_lengths(y_true.len(), predictions.len())?;
    match predictions {
        Predictions::Binary(p) => {
            check_probabilities(p)?;
            check_binary_labels(y_true)?;
            let reliability = binned(y_true, p, n_bins, strategy);
            let n = p.len() as f64;
            let brier = y_true.iter().zip(p).map(|(y, p)| (p - y) * (p - y)).sum::<f64>() / n;
            let log_loss =
                y_true.iter().zip(p).map(|(&y, &p)| -clip(if y == 1.0 { p } else { 1.0 - p }).ln()).sum::<f64>() / n;
            Ok(finish(reliability, brier, log_loss))
        }
        Predictions::Rows { probabilities, classes } => {
            if probabilities.len() != y_true.len() * classes {
                return Err(CalibrationError::Shape(vec![probabilities.len() / classes.max(1), classes]));
            }
            check_probabilities(probabilities)?;
            let labels = class_labels(y_true, classes)?;
            let rows = probabilities.chunks(classes);
            let (outcome, confidence): (Vec<f64>, Vec<f64>) = rows
                .clone()
                .zip(&labels)
                .map(|(row, &label)| {
                    let (confidence, right) = top_label(row, label);
                    (if right { 1.0 } else { 0.0 }, confidence)
                })
                .unzip();
            let reliability = binned(&outcome, &confidence, n_bins, strategy);
            let n = labels.len() as f64;
            let brier = rows
                .clone()
                .zip(&labels)
                .map(|(row, &label)| {
                    row.iter().enumerate().map(|(k, &p)| (p - if k == label { 1.0 } else { 0.0 }).powi(2)).sum::<f64>()
                })
                .sum::<f64>()
                / n;
            let log_loss = rows.zip(&labels).map(|(row, &label)| -clip(row[label]).ln()).sum::<f64>() / n;
            Ok(finish(reliability, brier, log_loss))
        }
    }
}

/// The calibration of a binary model's probabilities `p` (P(y = 1)) against
/// labels `y` (0/1): [`calibration`] of [`Predictions::Binary`].
pub fn binary_calibration(
    y: &[f64],
    p: &[f64],
    n_bins: usize,
    strategy: BinStrategy,
) -> Result<Calibration, CalibrationError> {
    calibration(y, Predictions::Binary(p), n_bins, strategy)
}

fn finish(reliability: Reliability, brier: f64, log_loss: f64) -> Calibration {
    Calibration { ece: reliability.ece(), mce: reliability.mce(), reliability, brier, log_loss }
}

/// scikit-learn's clip for `log_loss`: `[ε, 1 − ε]` with ε = `f64::EPSILON`.
fn clip(p: f64) -> f64 {
    p.clamp(f64::EPSILON, 1.0 - f64::EPSILON)
}

fn check_bins(n_bins: usize) -> Result<(), CalibrationError> {
    if (1..=MAX_BINS).contains(&n_bins) {
        Ok(())
    } else {
        Err(CalibrationError::Bins(n_bins.to_string()))
    }
}

fn check_lengths(y_true: usize, y_prob: usize) -> Result<(), CalibrationError> {
    if y_true != y_prob {
        Err(CalibrationError::LengthMismatch { y_true, y_prob })
    } else if y_true == 0 {
        Err(CalibrationError::Empty)
    } else {
        Ok(())
    }
}

fn check_probabilities(p: &[f64]) -> Result<(), CalibrationError> {
    match p.iter().find(|v| !(0.0..=1.0).contains(*v)) {
        Some(&bad) => Err(CalibrationError::Probability(bad)),
        None => Ok(()),
    }
}

fn check_binary_labels(y: &[f64]) -> Result<(), CalibrationError> {
    match y.iter().find(|&&v| v != 0.0 && v != 1.0) {
        Some(&bad) => Err(CalibrationError::Label(bad)),
        None => Ok(()),
    }
}

fn class_labels(y: &[f64], classes: usize) -> Result<Vec<usize>, CalibrationError> {
    y.iter()
        .map(|&v| {
            if v >= 0.0 && v.fract() == 0.0 && v < classes as f64 {
                Ok(v as usize)
            } else {
                Err(CalibrationError::Class { value: v, classes })
            }
        })
        .collect()
}

/// Why there is no calibration.
#[derive(Clone, Debug, PartialEq)]
pub enum CalibrationError {
    /// No predictions.
    Empty,
    /// `y_true` and `y_prob` differ in length.
    LengthMismatch { y_true: usize, y_prob: usize },
    /// `n_bins` is not a whole number in 1 … [`MAX_BINS`] (as written).
    Bins(String),
    /// An unknown bin strategy (as written).
    Strategy(String),
    /// A probability outside [0, 1], or NaN.
    Probability(f64),
    /// A binary label other than 0 or 1.
    Label(f64),
    /// A class index that is not a whole number in `0..classes`.
    Class { value: f64, classes: usize },
    /// `y_prob` is neither a list of numbers nor a list of rows.
    Shape(Vec<usize>),
}

impl CalibrationError {
    /// Why there is no calibration, in words from the word tables.
    pub fn message(&self) -> Message {
        let m = Message::new;
        match self {
            CalibrationError::Empty => m("error.calibration.empty"),
            CalibrationError::LengthMismatch { y_true, y_prob } => {
                m("error.calibration.lengths").with("y_true", y_true.to_string()).with("y_prob", y_prob.to_string())
            }
            CalibrationError::Bins(v) => {
                m("error.calibration.bins").with("max", MAX_BINS.to_string()).with("value", v.clone())
            }
            CalibrationError::Strategy(v) => m("error.calibration.strategy").with("value", v.clone()),
            CalibrationError::Probability(v) => m("error.calibration.probability").with("value", format::plain(*v)),
            CalibrationError::Label(v) => m("error.calibration.label").with("value", format::plain(*v)),
            CalibrationError::Class { value, classes } => m("error.calibration.class")
                .with("value", format::plain(*value))
                .with("classes", classes.to_string())
                .with("last", classes.saturating_sub(1).to_string()),
            CalibrationError::Shape(shape) => m("error.calibration.shape").with("shape", format::shape(shape)),
        }
    }
}

impl fmt::Display for CalibrationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().text(Lang::En))
    }
}

impl std::error::Error for CalibrationError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_on_an_edge_goes_to_the_lower_bin() {
        // 0.2 is edge 2 of 5 exactly: it joins the bin below, as in numpy's
        // searchsorted(side='left'); 0 joins the first bin.
        let r = reliability(&[0., 1., 1.], &[0.0, 0.2, 0.2000001], 5, BinStrategy::Uniform).unwrap();
        assert_eq!(r.counts, vec![2, 1]);
    }

    #[test]
    fn quantile_edges_split_the_predictions_evenly() {
        let p: Vec<f64> = (0..100).map(|i| (i as f64 + 0.5) / 100.0).collect();
        let y: Vec<f64> = (0..100).map(|i| (i % 2) as f64).collect();
        let r = reliability(&y, &p, 4, BinStrategy::Quantile).unwrap();
        assert_eq!(r.counts, vec![25, 25, 25, 25]);
    }

    #[test]
    fn percentile_matches_numpy() {
        // numpy.percentile([1, 2, 3, 4], [0, 25, 50, 75, 100]) = [1, 1.75, 2.5, 3.25, 4]
        let s = [1.0, 2.0, 3.0, 4.0];
        let got: Vec<f64> = [0.0, 25.0, 50.0, 75.0, 100.0].iter().map(|&q| percentile(&s, q)).collect();
        assert_eq!(got, vec![1.0, 1.75, 2.5, 3.25, 4.0]);
        assert_eq!(percentile(&[0.3], 50.0), 0.3);
    }

    #[test]
    fn bad_inputs_are_errors() {
        let bins = |n| reliability(&[1.0], &[0.5], n, BinStrategy::Uniform);
        assert_eq!(bins(0), Err(CalibrationError::Bins("0".into())));
        assert!(bins(MAX_BINS).is_ok());
        assert_eq!(reliability(&[1.0], &[1.5], 5, BinStrategy::Uniform), Err(CalibrationError::Probability(1.5)));
        assert_eq!(reliability(&[2.0], &[0.5], 5, BinStrategy::Uniform), Err(CalibrationError::Label(2.0)));
        assert_eq!(reliability(&[], &[], 5, BinStrategy::Uniform), Err(CalibrationError::Empty));
        let rows = Predictions::Rows { probabilities: &[0.5, 0.5], classes: 2 };
        assert_eq!(
            calibration(&[2.0], rows, 5, BinStrategy::Uniform),
            Err(CalibrationError::Class { value: 2.0, classes: 2 })
        );
        assert!(matches!(
            calibration(&[f64::NAN], Predictions::Binary(&[0.5]), 5, BinStrategy::Uniform),
            Err(CalibrationError::Label(_))
        ));
    }

    #[test]
    fn log_loss_is_clipped_as_scikit_learn_clips() {
        let c = calibration(&[1.0], Predictions::Binary(&[0.0]), 5, BinStrategy::Uniform).unwrap();
        assert!((c.log_loss - 36.04365338911715).abs() < 1e-12, "{}", c.log_loss);
    }
}
