//! Four sigmoids fitted to the same training points — plain cross-entropy,
//! focal loss, label-smoothed cross-entropy and cross-entropy with balanced
//! class weights — and how each does on the points it did not see:
//! calibration, confusion counts, the recall of the smaller class, and how
//! much of its pull came from misclassified points.

use super::calibration::{binary_calibration, BinStrategy, Calibration, CalibrationError};
use super::class_weight;
use super::confusion::{minority_recall, Confusion};
use super::fit::{fit_focal_with, fit_logistic_with, FitError, FitOptions, FitWith, LogisticFit, Sigmoid};
use super::losses::FocalOptions;
use super::pull::{cross_entropy_pull, focal_pull, misclassified_share, smoothed_pull};
use super::smoothing::smooth_binary;

/// One of the four fits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Contender {
    /// Cross-entropy with the page's L2 penalty: scikit-learn's `LogisticRegression(C=C)`.
    CrossEntropy,
    /// Binary focal loss with the page's γ (and α when class balancing is on).
    Focal,
    /// Cross-entropy against targets smoothed to `y(1 − ε) + ε/2`.
    Smoothed,
    /// Cross-entropy with scikit-learn's `class_weight="balanced"`.
    Balanced,
}

impl Contender {
    pub const ALL: [Contender; 4] =
        [Contender::CrossEntropy, Contender::Focal, Contender::Smoothed, Contender::Balanced];

    /// The suffix of the page's readouts: `ece-ce`, `nll-focal`, `minority-recall-balanced`.
    pub fn name(self) -> &'static str {
        match self {
            Contender::CrossEntropy => "ce",
            Contender::Focal => "focal",
            Contender::Smoothed => "smoothed",
            Contender::Balanced => "balanced",
        }
    }

    /// This contender's optimum on training points `x`, `y` (labels 0/1),
    /// Newton starting from `warm` when given (the optimum is the same).
    ///
    /// ```
    /// use losslab::core::comparison::{ComparisonOptions, Contender};
    /// use losslab::core::data::BinaryDataSet;
    /// let (x, y) = BinaryDataSet::Article.generate(0).training();
    /// let ce = Contender::CrossEntropy.fit(&x, &y, &ComparisonOptions::default(), None).unwrap();
    /// assert_eq!(format!("{:.4}", ce.log_loss), "0.3329"); // the article's fit
    /// ```
    pub fn fit(
        self,
        x: &[f64],
        y: &[f64],
        options: &ComparisonOptions,
        warm: Option<Sigmoid>,
    ) -> Result<LogisticFit, FitError> {
        let start = FitWith { warm_start: warm, ..FitWith::default() };
        match self {
            Contender::CrossEntropy => fit_logistic_with(x, y, &options.fit, &start),
            Contender::Focal => fit_focal_with(x, y, &options.focal, &options.fit, &start),
            Contender::Smoothed => {
                let targets: Vec<f64> = y.iter().map(|&v| smooth_binary(v, options.smoothing)).collect();
                fit_logistic_with(x, &targets, &options.fit, &start)
            }
            Contender::Balanced => {
                let weights = class_weight::balanced(y);
                fit_logistic_with(x, y, &options.fit, &FitWith { sample_weight: Some(&weights), ..start })
            }
        }
    }

    /// Each point's pull on `model`: the gradient of its loss under this
    /// contender with respect to its logit (the balanced fit's pulls carry
    /// the class weights of `y`).
    ///
    /// ```
    /// use losslab::core::comparison::{ComparisonOptions, Contender};
    /// use losslab::core::fit::Sigmoid;
    /// let flat = Sigmoid { coef: 0.0, intercept: 0.0 };
    /// let o = ComparisonOptions::default();
    /// assert_eq!(Contender::CrossEntropy.pulls(&[1.0], &[1.0], flat, &o), vec![-0.5]);
    /// assert!((Contender::Smoothed.pulls(&[1.0], &[1.0], flat, &o)[0] + 0.4).abs() < 1e-15); // 0.5 − 0.9
    /// ```
    pub fn pulls(self, x: &[f64], y: &[f64], model: Sigmoid, options: &ComparisonOptions) -> Vec<f64> {
        let z = x.iter().map(|&xi| model.logit(xi));
        match self {
            Contender::CrossEntropy => z.zip(y).map(|(z, &y)| cross_entropy_pull(y, z)).collect(),
            Contender::Focal => z.zip(y).map(|(z, &y)| focal_pull(y, z, &options.focal)).collect(),
            Contender::Smoothed => z.zip(y).map(|(z, &y)| smoothed_pull(y, z, options.smoothing)).collect(),
            Contender::Balanced => {
                let w = class_weight::balanced(y);
                z.zip(y).zip(w).map(|((z, &y), s)| s * cross_entropy_pull(y, z)).collect()
            }
        }
    }
}

/// What the comparison fits and measures, with the page's defaults.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ComparisonOptions {
    /// The L2 penalty of every fit. Default `C = 1`, as scikit-learn.
    pub fit: FitOptions,
    /// The focal fit's γ and α. Default γ = 2, no class balancing.
    pub focal: FocalOptions,
    /// The smoothed fit's ε, in [0, 1]. Default 0.2 (targets 0.1 / 0.9).
    pub smoothing: f64,
    /// Bins of the reliability diagram. Default 10.
    pub n_bins: usize,
    /// Default uniform.
    pub strategy: BinStrategy,
    /// Predicted positive when `p > threshold`. Default ½.
    pub threshold: f64,
}

impl Default for ComparisonOptions {
    fn default() -> Self {
        ComparisonOptions {
            fit: FitOptions::default(),
            focal: FocalOptions::default(),
            smoothing: 0.2,
            n_bins: 10,
            strategy: BinStrategy::Uniform,
            threshold: 0.5,
        }
    }
}

/// The four fits, in the order of [`Contender::ALL`].
pub type Fits = [Result<LogisticFit, FitError>; 4];

/// All four contenders fitted to training points `x`, `y`; `warm` holds the
/// previous optima (in the order of [`Contender::ALL`]) to start from, so
/// that after one point moves each refit takes two or three Newton steps.
///
/// ```
/// use losslab::core::comparison::{fit_all, ComparisonOptions};
/// use losslab::core::data::BinaryDataSet;
/// let (mut x, y) = BinaryDataSet::Imbalanced.generate(1).training();
/// let o = ComparisonOptions::default();
/// let before = fit_all(&x, &y, &o, [None; 4]);
/// x[0] += 0.5; // a point is dragged
/// let warm = before.each_ref().map(|f| f.as_ref().ok().map(|f| f.model));
/// let after = fit_all(&x, &y, &o, warm);
/// assert!(after.iter().all(|f| f.is_ok()));
/// ```
pub fn fit_all(x: &[f64], y: &[f64], options: &ComparisonOptions, warm: [Option<Sigmoid>; 4]) -> Fits {
    std::array::from_fn(|i| Contender::ALL[i].fit(x, y, options, warm[i]))
}

/// How one fit does: its calibration and confusion counts on the
/// evaluation points, and the share of its pull on the training points that
/// comes from misclassified ones.
#[derive(Clone, Debug, PartialEq)]
pub struct Scorecard {
    /// Reliability bins, ECE, MCE, Brier and log loss against the hard labels.
    pub calibration: Calibration,
    /// At [`ComparisonOptions::threshold`].
    pub confusion: Confusion,
    /// The recall of the evaluation points' smaller class (class 1 on a tie).
    pub minority_recall: Option<f64>,
    /// [`misclassified_share`] of the training points' pulls.
    pub pull_share: Option<f64>,
}

/// The scorecard of `contender`'s sigmoid `model`, trained on `train`,
/// judged on `evaluation` (each `(x, labels 0/1)`).
///
/// ```
/// use losslab::core::comparison::{scorecard, ComparisonOptions, Contender};
/// use losslab::core::data::BinaryDataSet;
/// let d = BinaryDataSet::Overlap.generate(1);
/// let (train, held_out) = (d.training(), d.evaluation());
/// let o = ComparisonOptions::default();
/// let fit = Contender::CrossEntropy.fit(&train.0, &train.1, &o, None).unwrap();
/// let card = scorecard(Contender::CrossEntropy, fit.model, (&train.0, &train.1), (&held_out.0, &held_out.1), &o).unwrap();
/// assert!(card.calibration.ece < 0.2 && card.minority_recall.unwrap() > 0.6);
/// ```
pub fn scorecard(
    contender: Contender,
    model: Sigmoid,
    train: (&[f64], &[f64]),
    evaluation: (&[f64], &[f64]),
    options: &ComparisonOptions,
) -> Result<Scorecard, CalibrationError> {
    let (ex, ey) = evaluation;
    let p: Vec<f64> = ex.iter().map(|&x| model.proba(x)).collect();
    let calibration = binary_calibration(ey, &p, options.n_bins, options.strategy)?;
    let (tx, ty) = train;
    let z: Vec<f64> = tx.iter().map(|&x| model.logit(x)).collect();
    let pulls = contender.pulls(tx, ty, model, options);
    Ok(Scorecard {
        calibration,
        confusion: Confusion::at(ey, &p, options.threshold),
        minority_recall: minority_recall(ey, &p, options.threshold),
        pull_share: misclassified_share(ty, &z, &pulls),
    })
}
