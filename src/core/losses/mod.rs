//! The five Keras classification losses, under four semantics, with their
//! gradients.
//!
//! Every loss is computed per *unit* — a sample (a row along the last axis)
//! for Keras and for torch's `cross_entropy`, a single element for torch's
//! binary losses — and the units are then weighted and reduced
//! (`core::reduction`). The unit losses are generic over [`Real`], so the same
//! code runs in `f32` (what the frameworks print), `f64` (exact), and on
//! [`Dual`] numbers for the gradient.

mod binary;
mod categorical;
mod focal;

pub use binary::{naive_logistic_loss, stable_logistic_loss};
pub use categorical::renormalize;
pub use focal::focal_term;

use super::array::NdArray;
use super::real::{Dual, Real};
use super::reduction::{plan, Plan};
use super::semantics::{Reduction, Semantics};
use std::fmt;
use std::ops::Range;

/// Which loss.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LossKind {
    /// `keras.losses.BinaryCrossentropy` (torch: `binary_cross_entropy[_with_logits]`).
    BinaryCrossentropy,
    /// `keras.losses.CategoricalCrossentropy` (torch: `cross_entropy` with probability targets).
    CategoricalCrossentropy,
    /// `keras.losses.SparseCategoricalCrossentropy` (torch: `cross_entropy` with class indices).
    SparseCategoricalCrossentropy,
    /// `keras.losses.BinaryFocalCrossentropy` (torch: torchvision's `sigmoid_focal_loss`).
    BinaryFocalCrossentropy,
    /// `keras.losses.CategoricalFocalCrossentropy` (no torch counterpart).
    CategoricalFocalCrossentropy,
}

/// The cross-entropy losses: [`LossKind`] without the focal ones. Code that
/// computes only these (the page's calculators) names them through
/// [`cross_entropy`], and so carries none of the focal code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CrossEntropy {
    Binary,
    Categorical,
    Sparse,
}

impl From<CrossEntropy> for LossKind {
    fn from(kind: CrossEntropy) -> LossKind {
        match kind {
            CrossEntropy::Binary => LossKind::BinaryCrossentropy,
            CrossEntropy::Categorical => LossKind::CategoricalCrossentropy,
            CrossEntropy::Sparse => LossKind::SparseCategoricalCrossentropy,
        }
    }
}

impl LossKind {
    /// Every loss.
    pub const ALL: [LossKind; 5] = [
        LossKind::BinaryCrossentropy,
        LossKind::CategoricalCrossentropy,
        LossKind::SparseCategoricalCrossentropy,
        LossKind::BinaryFocalCrossentropy,
        LossKind::CategoricalFocalCrossentropy,
    ];
    /// Keras' function name, e.g. `binary_crossentropy`.
    pub fn name(self) -> &'static str {
        match self {
            LossKind::BinaryCrossentropy => "binary_crossentropy",
            LossKind::CategoricalCrossentropy => "categorical_crossentropy",
            LossKind::SparseCategoricalCrossentropy => "sparse_categorical_crossentropy",
            LossKind::BinaryFocalCrossentropy => "binary_focal_crossentropy",
            LossKind::CategoricalFocalCrossentropy => "categorical_focal_crossentropy",
        }
    }
    /// Parses Keras' function or class name (`BinaryCrossentropy`).
    pub fn parse(s: &str) -> Option<LossKind> {
        let key: String = s.chars().filter(|c| *c != '_').collect::<String>().to_ascii_lowercase();
        LossKind::ALL.into_iter().find(|k| k.name().replace('_', "") == key)
    }
    fn is_binary(self) -> bool {
        matches!(self, LossKind::BinaryCrossentropy | LossKind::BinaryFocalCrossentropy)
    }
}

/// The options of every loss, with Keras' defaults.
///
/// ```
/// use losslab::core::losses::LossOptions;
/// let o = LossOptions::default();
/// assert_eq!((o.from_logits, o.label_smoothing, o.gamma, o.alpha), (false, 0.0, 2.0, 0.25));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct LossOptions {
    /// Whose numbers to reproduce. Default: [`Semantics::Keras`].
    pub semantics: Semantics,
    /// `y_pred` holds logits rather than probabilities. Default `false`
    /// (recommended: `true`, the stable form).
    pub from_logits: bool,
    /// In [0, 1]; binary targets become `y(1−ls) + 0.5·ls`, categorical ones
    /// `y(1−ls) + ls/K`. Default 0. Not accepted by Keras' sparse CCE.
    pub label_smoothing: f64,
    /// Default `sum_over_batch_size` (torch: `mean`).
    pub reduction: Reduction,
    /// Per-sample weights (broadcast as the framework does). Default none.
    pub sample_weight: Option<NdArray<f64>>,
    /// Focal losses: the focusing parameter γ ≥ 0. Default 2.
    pub gamma: f64,
    /// Focal losses: the balancing weight of class 1. Default 0.25. torch:
    /// weighting is on whenever `alpha ≥ 0`.
    pub alpha: f64,
    /// Binary focal loss (Keras): apply `alpha`. Default `false`; ignored by torch.
    pub apply_class_balancing: bool,
}

impl Default for LossOptions {
    fn default() -> Self {
        LossOptions {
            semantics: Semantics::Keras,
            from_logits: false,
            label_smoothing: 0.0,
            reduction: Reduction::SumOverBatchSize,
            sample_weight: None,
            gamma: 2.0,
            alpha: 0.25,
            apply_class_balancing: false,
        }
    }
}

/// A loss: one number, or (for `reduction = none`) an array of them.
#[derive(Clone, Debug, PartialEq)]
pub enum LossValue<R> {
    Scalar(R),
    Array(NdArray<R>),
}

impl<R: Real> LossValue<R> {
    /// The number, if it is one.
    pub fn scalar(&self) -> Option<R> {
        match self {
            LossValue::Scalar(v) => Some(*v),
            LossValue::Array(_) => None,
        }
    }
    /// Every value, flattened.
    pub fn values(&self) -> Vec<R> {
        match self {
            LossValue::Scalar(v) => vec![*v],
            LossValue::Array(a) => a.data.clone(),
        }
    }
    /// The same values as `f64` (exact for `f32`).
    pub fn to_f64(&self) -> LossValue<f64> {
        match self {
            LossValue::Scalar(v) => LossValue::Scalar(v.as_f64()),
            LossValue::Array(a) => LossValue::Array(a.map(Real::as_f64)),
        }
    }
}

/// A loss call that cannot be computed, with a message for the reader.
#[derive(Clone, Debug, PartialEq)]
pub enum LossError {
    /// `y_pred` (or another array) has no elements.
    Empty { what: &'static str },
    /// A scalar where an array is needed.
    NotAnArray { what: &'static str },
    /// `y_true` and `y_pred` do not fit together.
    ShapeMismatch { y_true: Vec<usize>, y_pred: Vec<usize>, expected: String },
    /// A NaN in the input.
    NotANumber { what: &'static str },
    /// An infinite value where only finite ones make sense.
    Infinite { what: &'static str },
    /// A finite value too large for float32 (e.g. 1e308).
    Float32Overflow { what: &'static str, value: f64 },
    /// A sparse label that is not a whole number.
    NotAClassIndex { value: f64 },
    /// A sparse label outside [0, K).
    ClassOutOfRange { index: f64, classes: usize },
    /// `label_smoothing` outside [0, 1].
    LabelSmoothingRange(f64),
    /// Keras' sparse CCE has no `label_smoothing`.
    SparseLabelSmoothing { semantics: Semantics },
    /// γ < 0 (or not finite).
    NegativeGamma(f64),
    /// α not finite.
    BadAlpha(f64),
    /// torch's `binary_cross_entropy` rejects probabilities or targets outside [0, 1].
    TorchOutOfRange { what: &'static str, value: f64 },
    /// The sample weights do not fit the per-sample losses.
    SampleWeightShape { weight: Vec<usize>, losses: Vec<usize>, why: String },
    /// A reduction the semantics does not have.
    UnsupportedReduction { reduction: &'static str, semantics: Semantics },
    /// A combination the framework does not offer.
    Unsupported { semantics: Semantics, what: &'static str },
}

impl fmt::Display for LossError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use LossError::*;
        match self {
            Empty { what } => write!(f, "{what} is empty: a loss needs at least one value"),
            NotAnArray { what } => write!(f, "{what} must be an array (a 1-D array is one sample), not a single number"),
            ShapeMismatch { y_true, y_pred, expected } => {
                write!(f, "y_true has shape {y_true:?} but y_pred has shape {y_pred:?}; {expected}")
            }
            NotANumber { what } => write!(f, "{what} contains NaN"),
            Infinite { what } => write!(f, "{what} must be finite"),
            Float32Overflow { what, value } => {
                write!(f, "{what} contains {value:e}, which does not fit in float32 (largest is about 3.4e38); use dtype float64")
            }
            NotAClassIndex { value } => write!(f, "sparse y_true must hold class indices (whole numbers), got {value}"),
            ClassOutOfRange { index, classes } => {
                write!(f, "class index {index} is out of range: y_pred has {classes} classes, so indices go from 0 to {}", classes.saturating_sub(1))
            }
            LabelSmoothingRange(v) => write!(f, "label_smoothing must be between 0 and 1, got {v}"),
            SparseLabelSmoothing { semantics } => write!(
                f,
                "{semantics}: SparseCategoricalCrossentropy has no label_smoothing; use categorical_crossentropy with one-hot targets (or torch semantics)"
            ),
            NegativeGamma(g) => write!(f, "gamma must be a number ≥ 0, got {g}"),
            BadAlpha(a) => write!(f, "alpha must be a finite number, got {a}"),
            TorchOutOfRange { what, value } => {
                write!(f, "torch: all elements of {what} should be between 0 and 1, got {value}")
            }
            SampleWeightShape { weight, losses, why } => write!(
                f,
                "sample_weight of shape {weight:?} does not fit the per-sample losses of shape {losses:?}: {why}"
            ),
            UnsupportedReduction { reduction, semantics } => write!(f, "{semantics} has no reduction '{reduction}'"),
            Unsupported { semantics, what } => write!(f, "{semantics}: {what}"),
        }
    }
}

impl std::error::Error for LossError {}

/// Computes a loss in `R` (`f32` reproduces the frameworks; `f64` is exact).
///
/// Inputs are the `f64` literals of a call; they are rounded to `R` first,
/// exactly as a framework casts its inputs (`1 − 1e-9` becomes 1.0 in f32).
///
/// ```
/// use losslab::core::array::NdArray;
/// use losslab::core::losses::{loss, LossKind, LossOptions};
/// let y_true = NdArray::from_vec(vec![0.0, 0.0, 1.0, 1.0]);
/// let y_pred = NdArray::from_vec(vec![1.0, 1.0, 1.0, 0.0]);
/// let l = loss::<f32>(LossKind::BinaryCrossentropy, &y_true, &y_pred, &LossOptions::default()).unwrap();
/// assert_eq!(format!("{:.6}", l.scalar().unwrap()), "11.522857");
/// ```
pub fn loss<R: Real>(
    kind: LossKind,
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    opts: &LossOptions,
) -> Result<LossValue<R>, LossError> {
    let problem = Problem::new(kind, y_true, y_pred, opts, R::SINGLE)?;
    Ok(problem.value(y_pred, |u, yp| problem.unit_loss(u, yp)))
}

/// [`loss`] of a cross-entropy loss, the same value by the same code.
///
/// ```
/// use losslab::core::array::NdArray;
/// use losslab::core::losses::{cross_entropy, loss, CrossEntropy, LossKind, LossOptions};
/// let y_true = NdArray::from_vec(vec![0.0, 0.0, 1.0, 1.0]);
/// let y_pred = NdArray::from_vec(vec![1.0, 1.0, 1.0, 0.0]);
/// let o = LossOptions::default();
/// let l = cross_entropy::<f32>(CrossEntropy::Binary, &y_true, &y_pred, &o).unwrap();
/// assert_eq!(l, loss::<f32>(LossKind::BinaryCrossentropy, &y_true, &y_pred, &o).unwrap());
/// ```
pub fn cross_entropy<R: Real>(
    kind: CrossEntropy,
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    opts: &LossOptions,
) -> Result<LossValue<R>, LossError> {
    let problem = Problem::new(kind.into(), y_true, y_pred, opts, R::SINGLE)?;
    Ok(problem.value(y_pred, |u, yp| problem.cross_entropy_unit(kind, u, yp)))
}

/// The loss and its gradient with respect to `y_pred` (the logits when
/// `from_logits`), in `y_pred`'s shape. For `reduction = none` the gradient is
/// that of the sum of the returned losses.
///
/// The gradient comes from forward-mode [`Dual`] numbers run through the same
/// code as the loss, so clipping, ε and float32 rounding are differentiated as
/// the framework computes them (a clipped probability has gradient 0).
///
/// ```
/// use losslab::core::array::NdArray;
/// use losslab::core::losses::{loss_with_grad, LossKind, LossOptions};
/// use losslab::core::semantics::Semantics;
/// let opts = LossOptions { from_logits: true, semantics: Semantics::Exact, ..Default::default() };
/// let (l, g) = loss_with_grad::<f64>(
///     LossKind::BinaryCrossentropy,
///     &NdArray::from_vec(vec![1.0]),
///     &NdArray::from_vec(vec![0.0]),
///     &opts,
/// ).unwrap();
/// assert!((l.scalar().unwrap() - std::f64::consts::LN_2).abs() < 1e-15);
/// assert_eq!(g.data, vec![-0.5]); // σ(x) − y
/// ```
pub fn loss_with_grad<R: Real>(
    kind: LossKind,
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    opts: &LossOptions,
) -> Result<(LossValue<R>, NdArray<R>), LossError> {
    let problem = Problem::new(kind, y_true, y_pred, opts, R::SINGLE)?;
    let yp: Vec<R> = y_pred.data.iter().map(|&v| R::lit(v)).collect();
    let losses = problem.unit_losses(&yp, |u, yp| problem.unit_loss(u, yp));
    let value = problem.plan.reduce(&losses, problem.flush());
    let coef: Vec<R> = problem.plan.coefficients(problem.units);
    let mut grad = vec![R::zero(); yp.len()];
    for (u, &c) in coef.iter().enumerate() {
        if c == R::zero() {
            continue;
        }
        let range = problem.range(u);
        let base: Vec<Dual<R>> = yp[range.clone()].iter().map(|&v| Dual::constant(v)).collect();
        for (j, g) in grad[range].iter_mut().enumerate() {
            let mut seeded = base.clone();
            seeded[j].d = R::one();
            *g = c * problem.flushed(problem.unit_loss(u, &seeded)).d;
        }
    }
    Ok((value, NdArray { shape: y_pred.shape.clone(), data: grad }))
}

/// `keras.losses.binary_crossentropy`: see [`loss`].
///
/// Formula (probabilities): `−(y·log p + (1−y)·log(1−p))` per element, averaged
/// over the last axis. Keras 2 clips p to [ε, 1−ε] and adds ε inside both logs;
/// Keras 3 only clips; torch floors each log at −100; exact does neither.
///
/// ```
/// use losslab::core::array::NdArray;
/// use losslab::core::losses::{binary_crossentropy, LossOptions};
/// use losslab::core::semantics::Semantics;
/// let (t, p) = (NdArray::from_vec(vec![0.0, 0.0, 1.0, 1.0]), NdArray::from_vec(vec![1.0, 1.0, 1.0, 0.0]));
/// let keras = binary_crossentropy::<f32>(&t, &p, &LossOptions::default()).unwrap();
/// assert_eq!(keras.scalar(), Some(11.522857));
/// let torch = LossOptions { semantics: Semantics::Torch, ..Default::default() };
/// assert_eq!(binary_crossentropy::<f32>(&t, &p, &torch).unwrap().scalar(), Some(75.0));
/// ```
pub fn binary_crossentropy<R: Real>(
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    opts: &LossOptions,
) -> Result<LossValue<R>, LossError> {
    loss(LossKind::BinaryCrossentropy, y_true, y_pred, opts)
}

/// `keras.losses.categorical_crossentropy`: rows of `y_pred` renormalised to
/// sum 1, clipped to [ε, 1−ε], then `−Σ y·log p` per sample.
///
/// ```
/// use losslab::core::array::NdArray;
/// use losslab::core::losses::{categorical_crossentropy, LossOptions, LossValue};
/// use losslab::core::semantics::Reduction;
/// let y_true = NdArray::from_rows(vec![vec![0.0, 1.0, 0.0], vec![0.0, 0.0, 1.0]]).unwrap();
/// let y_pred = NdArray::from_rows(vec![vec![0.05, 0.95, 0.0], vec![0.1, 0.8, 0.1]]).unwrap();
/// let mean = categorical_crossentropy::<f32>(&y_true, &y_pred, &LossOptions::default()).unwrap();
/// assert_eq!(format!("{:.3}", mean.scalar().unwrap()), "1.177");
/// let weighted = LossOptions { sample_weight: Some(NdArray::from_vec(vec![0.3, 0.7])), ..Default::default() };
/// let w = categorical_crossentropy::<f32>(&y_true, &y_pred, &weighted).unwrap();
/// assert_eq!(format!("{:.3}", w.scalar().unwrap()), "0.814");
/// let none = LossOptions { reduction: Reduction::None, ..Default::default() };
/// let LossValue::Array(per_sample) = categorical_crossentropy::<f32>(&y_true, &y_pred, &none).unwrap() else { panic!() };
/// assert_eq!(format!("{:.4} {:.3}", per_sample.data[0], per_sample.data[1]), "0.0513 2.303");
/// ```
pub fn categorical_crossentropy<R: Real>(
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    opts: &LossOptions,
) -> Result<LossValue<R>, LossError> {
    loss(LossKind::CategoricalCrossentropy, y_true, y_pred, opts)
}

/// `keras.losses.sparse_categorical_crossentropy`: `y_true` holds class
/// indices. Keras clips, takes the log, then log-softmax (so rows are
/// renormalised *after* clipping); torch takes `log p` then log-softmax.
///
/// ```
/// use losslab::core::array::NdArray;
/// use losslab::core::losses::{sparse_categorical_crossentropy, LossOptions, LossValue};
/// use losslab::core::semantics::Reduction;
/// let y_true = NdArray::from_vec(vec![1.0, 2.0]);
/// let y_pred = NdArray::from_rows(vec![vec![0.05, 0.95, 0.0], vec![0.1, 0.8, 0.1]]).unwrap();
/// let none = LossOptions { reduction: Reduction::None, ..Default::default() };
/// let LossValue::Array(l) = sparse_categorical_crossentropy::<f32>(&y_true, &y_pred, &none).unwrap() else { panic!() };
/// assert_eq!(format!("{:.4} {:.3}", l.data[0], l.data[1]), "0.0513 2.303");
/// ```
pub fn sparse_categorical_crossentropy<R: Real>(
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    opts: &LossOptions,
) -> Result<LossValue<R>, LossError> {
    loss(LossKind::SparseCategoricalCrossentropy, y_true, y_pred, opts)
}

/// `keras.losses.binary_focal_crossentropy`: `(1 − p_t)^γ · BCE` per element
/// (times `α·y + (1−α)(1−y)` with `apply_class_balancing`), averaged over the
/// last axis. `p_t = y·p + (1−y)(1−p)` uses the unclipped p.
///
/// ```
/// use losslab::core::array::NdArray;
/// use losslab::core::losses::{binary_focal_crossentropy, binary_crossentropy, LossOptions};
/// let (t, p) = (NdArray::from_vec(vec![0.0, 1.0]), NdArray::from_vec(vec![0.2, 0.6]));
/// let no_focus = LossOptions { gamma: 0.0, ..Default::default() };
/// let focal = binary_focal_crossentropy::<f64>(&t, &p, &no_focus).unwrap().scalar().unwrap();
/// let bce = binary_crossentropy::<f64>(&t, &p, &LossOptions::default()).unwrap().scalar().unwrap();
/// assert_eq!(focal, bce);
/// ```
pub fn binary_focal_crossentropy<R: Real>(
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    opts: &LossOptions,
) -> Result<LossValue<R>, LossError> {
    loss(LossKind::BinaryFocalCrossentropy, y_true, y_pred, opts)
}

/// `keras.losses.categorical_focal_crossentropy`: softmax (logits) or
/// renormalise, clip, then `Σ α·(1−q)^γ·(−y·log q)` per sample.
///
/// ```
/// use losslab::core::array::NdArray;
/// use losslab::core::losses::{categorical_focal_crossentropy, LossOptions};
/// let t = NdArray::from_vec(vec![0.0, 1.0, 0.0]);
/// let p = NdArray::from_vec(vec![0.25, 0.5, 0.25]);
/// let l = categorical_focal_crossentropy::<f64>(&t, &p, &LossOptions::default()).unwrap();
/// assert!((l.scalar().unwrap() - 0.25 * 0.25 * 2f64.ln()).abs() < 1e-6);
/// ```
pub fn categorical_focal_crossentropy<R: Real>(
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    opts: &LossOptions,
) -> Result<LossValue<R>, LossError> {
    loss(LossKind::CategoricalFocalCrossentropy, y_true, y_pred, opts)
}

/// A validated call: shapes checked, units and weighting laid out.
struct Problem<'a> {
    kind: LossKind,
    opts: &'a LossOptions,
    y_true: &'a NdArray<f64>,
    /// The class axis' length.
    classes: usize,
    /// torch's binary losses are per element; all others per row.
    elementwise: bool,
    units: usize,
    plan: Plan,
}

fn check_values(what: &'static str, data: &[f64], single: bool, allow_inf: bool) -> Result<(), LossError> {
    for &v in data {
        if v.is_nan() {
            return Err(LossError::NotANumber { what });
        }
        if v.is_infinite() && !allow_inf {
            return Err(LossError::Infinite { what });
        }
        if single && v.is_finite() && v.abs() > f32::MAX as f64 {
            return Err(LossError::Float32Overflow { what, value: v });
        }
    }
    Ok(())
}

impl<'a> Problem<'a> {
    fn new(
        kind: LossKind,
        y_true: &'a NdArray<f64>,
        y_pred: &NdArray<f64>,
        opts: &'a LossOptions,
        single: bool,
    ) -> Result<Self, LossError> {
        use LossError::*;
        let sem = opts.semantics;
        if y_pred.rank() == 0 {
            return Err(NotAnArray { what: "y_pred" });
        }
        if y_pred.data.is_empty() {
            return Err(Empty { what: "y_pred" });
        }
        check_values("y_pred", &y_pred.data, single, true)?;
        check_values("y_true", &y_true.data, single, false)?;
        if let Some(sw) = &opts.sample_weight {
            if sw.data.is_empty() {
                return Err(Empty { what: "sample_weight" });
            }
            check_values("sample_weight", &sw.data, single, false)?;
        }
        let ls = opts.label_smoothing;
        if !(0.0..=1.0).contains(&ls) {
            return Err(LabelSmoothingRange(ls));
        }
        if matches!(kind, LossKind::BinaryFocalCrossentropy | LossKind::CategoricalFocalCrossentropy) {
            if !(opts.gamma >= 0.0 && opts.gamma.is_finite()) {
                return Err(NegativeGamma(opts.gamma));
            }
            if !opts.alpha.is_finite() {
                return Err(BadAlpha(opts.alpha));
            }
        }
        let classes = y_pred.classes();
        let lead = &y_pred.shape[..y_pred.rank() - 1];
        if kind == LossKind::SparseCategoricalCrossentropy {
            let mut with_one = lead.to_vec();
            with_one.push(1);
            if y_true.shape != lead && y_true.shape != with_one {
                return Err(ShapeMismatch {
                    y_true: y_true.shape.clone(),
                    y_pred: y_pred.shape.clone(),
                    expected: format!("sparse y_true holds one class index per sample, so its shape must be {lead:?}"),
                });
            }
            for &c in &y_true.data {
                if c.fract() != 0.0 {
                    return Err(NotAClassIndex { value: c });
                }
                if c < 0.0 || c >= classes as f64 {
                    return Err(ClassOutOfRange { index: c, classes });
                }
            }
            if ls != 0.0 && matches!(sem, Semantics::Keras | Semantics::Keras3) {
                return Err(SparseLabelSmoothing { semantics: sem });
            }
        } else if y_true.shape != y_pred.shape {
            return Err(ShapeMismatch {
                y_true: y_true.shape.clone(),
                y_pred: y_pred.shape.clone(),
                expected: "they must have the same shape".into(),
            });
        }
        if sem == Semantics::Torch {
            match kind {
                LossKind::CategoricalFocalCrossentropy => {
                    return Err(Unsupported { semantics: sem, what: "torch has no categorical focal loss" })
                }
                LossKind::BinaryFocalCrossentropy if !opts.from_logits => {
                    return Err(Unsupported {
                        semantics: sem,
                        what: "torchvision's sigmoid_focal_loss takes logits only (set from_logits to true)",
                    })
                }
                LossKind::BinaryCrossentropy if !opts.from_logits => {
                    for &p in &y_pred.data {
                        if !(0.0..=1.0).contains(&p) {
                            return Err(TorchOutOfRange { what: "input (y_pred)", value: p });
                        }
                    }
                    for &y in &y_true.data {
                        if !(0.0..=1.0).contains(&y) {
                            return Err(TorchOutOfRange { what: "target (y_true)", value: y });
                        }
                    }
                }
                _ => {}
            }
            if opts.sample_weight.is_some() && !kind.is_binary() {
                return Err(Unsupported {
                    semantics: sem,
                    what: "cross_entropy's weight= is per class, not per sample; sample_weight is not available",
                });
            }
            if opts.sample_weight.is_some() && kind == LossKind::BinaryFocalCrossentropy {
                return Err(Unsupported { semantics: sem, what: "torchvision's sigmoid_focal_loss takes no sample weights" });
            }
        }
        let elementwise = sem == Semantics::Torch && kind.is_binary();
        let loss_shape: Vec<usize> = if elementwise { y_pred.shape.clone() } else { lead.to_vec() };
        let units = loss_shape.iter().product();
        let mut plan = plan(sem, &loss_shape, &y_pred.shape, opts.sample_weight.as_ref(), opts.reduction)?;
        if sem == Semantics::Torch
            && kind == LossKind::BinaryFocalCrossentropy
            && plan.out_shape.len() > 1
            && plan.out_shape.last() == Some(&1)
        {
            // The torchvision reference values for (N, 1) inputs are reported
            // as N numbers, like Keras' per-sample losses; drop that axis.
            plan.out_shape.pop();
        }
        Ok(Problem { kind, opts, y_true, classes, elementwise, units, plan })
    }

    fn flush(&self) -> bool {
        self.opts.semantics.flushes_subnormals()
    }

    fn range(&self, u: usize) -> Range<usize> {
        if self.elementwise {
            u..u + 1
        } else {
            u * self.classes..(u + 1) * self.classes
        }
    }

    /// The reduced loss, each unit's by `unit_loss`, of `y_pred` rounded to `R`.
    fn value<R: Real>(&self, y_pred: &NdArray<f64>, unit_loss: impl Fn(usize, &[R]) -> R) -> LossValue<R> {
        let yp: Vec<R> = y_pred.data.iter().map(|&v| R::lit(v)).collect();
        self.plan.reduce(&self.unit_losses(&yp, unit_loss), self.flush())
    }

    /// Each unit's loss by `unit_loss`, given its slice of `y_pred`.
    fn unit_losses<R: Real>(&self, yp: &[R], unit_loss: impl Fn(usize, &[R]) -> R) -> Vec<R> {
        (0..self.units).map(|u| self.flushed(unit_loss(u, &yp[self.range(u)]))).collect()
    }

    /// The loss of unit `u` given its slice of `y_pred`.
    fn unit_loss<R: Real>(&self, u: usize, yp: &[R]) -> R {
        let o = self.opts;
        match self.kind {
            LossKind::BinaryCrossentropy => self.cross_entropy_unit(CrossEntropy::Binary, u, yp),
            LossKind::CategoricalCrossentropy => self.cross_entropy_unit(CrossEntropy::Categorical, u, yp),
            LossKind::SparseCategoricalCrossentropy => self.cross_entropy_unit(CrossEntropy::Sparse, u, yp),
            LossKind::BinaryFocalCrossentropy => focal::binary_unit(o, &self.y_true.data[self.range(u)], yp),
            LossKind::CategoricalFocalCrossentropy => focal::categorical_unit(o, &self.y_true.data[self.range(u)], yp),
        }
    }

    fn cross_entropy_unit<R: Real>(&self, kind: CrossEntropy, u: usize, yp: &[R]) -> R {
        let o = self.opts;
        match kind {
            CrossEntropy::Binary => binary::bce_unit(o, &self.y_true.data[self.range(u)], yp),
            CrossEntropy::Categorical => categorical::cce_unit(o, &self.y_true.data[self.range(u)], yp),
            CrossEntropy::Sparse => categorical::sparse_unit(o, self.y_true.data[u] as usize, yp),
        }
    }

    /// A unit's loss as the framework stores it (subnormals flushed where it flushes them).
    fn flushed<R: Real>(&self, l: R) -> R {
        if self.flush() {
            l.flush()
        } else {
            l
        }
    }
}

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

/// Binary label smoothing `y(1−ls) + 0.5·ls`, applied only when ls ≠ 0 (as
/// Keras' `smart_cond` does), in the computing type.
pub(crate) fn smooth_binary_in<R: Real>(y: f64, ls: f64) -> R {
    let y = R::lit(y);
    if ls == 0.0 {
        y
    } else {
        let ls = R::lit(ls);
        y * (R::one() - ls) + R::lit(0.5) * ls
    }
}

/// Categorical label smoothing `y(1−ls) + ls/K` in the computing type.
pub(crate) fn smooth_categorical_in<R: Real>(y: &[f64], ls: f64) -> Vec<R> {
    if ls == 0.0 {
        return y.iter().map(|&v| R::lit(v)).collect();
    }
    let l = R::lit(ls);
    let per_class = l / R::lit(y.len() as f64);
    y.iter().map(|&v| R::lit(v) * (R::one() - l) + per_class).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(x: &[f64]) -> NdArray<f64> {
        NdArray::from_vec(x.to_vec())
    }
    fn rows(r: &[&[f64]]) -> NdArray<f64> {
        NdArray::from_rows(r.iter().map(|x| x.to_vec()).collect()).unwrap()
    }
    fn with(semantics: Semantics) -> LossOptions {
        LossOptions { semantics, ..Default::default() }
    }

    #[test]
    fn one_d_input_is_one_sample() {
        let none = LossOptions { reduction: Reduction::None, ..Default::default() };
        let l = binary_crossentropy::<f32>(&v(&[0.0, 1.0]), &v(&[0.5, 0.5]), &none).unwrap();
        assert!(matches!(l, LossValue::Scalar(_)));
    }

    #[test]
    fn keras_rejects_a_weight_vector_on_one_sample_keras3_broadcasts_it() {
        let (t, p, w) = (v(&[0.0, 0.0, 1.0, 1.0]), v(&[1.0, 1.0, 1.0, 0.0]), Some(v(&[1.0, 2.0, 3.0, 4.0])));
        let keras = LossOptions { sample_weight: w.clone(), ..Default::default() };
        assert!(matches!(binary_crossentropy::<f32>(&t, &p, &keras), Err(LossError::SampleWeightShape { .. })));
        let k3 = LossOptions { sample_weight: w, ..with(Semantics::Keras3) };
        let plain = binary_crossentropy::<f32>(&t, &p, &with(Semantics::Keras3)).unwrap().scalar().unwrap();
        let weighted = binary_crossentropy::<f32>(&t, &p, &k3).unwrap().scalar().unwrap();
        assert!((weighted - plain * 10.0 / 4.0).abs() < 1e-4);
    }

    #[test]
    fn zero_weights_still_count_in_the_mean() {
        let t = rows(&[&[0.0, 1.0], &[0.0, 0.0]]);
        let p = rows(&[&[0.6, 0.4], &[0.4, 0.6]]);
        let o = |w: Option<NdArray<f64>>| LossOptions { sample_weight: w, semantics: Semantics::Exact, ..Default::default() };
        let per = loss::<f64>(LossKind::BinaryCrossentropy, &t, &p, &LossOptions { reduction: Reduction::None, ..o(None) }).unwrap();
        let weighted = loss::<f64>(LossKind::BinaryCrossentropy, &t, &p, &o(Some(v(&[1.0, 0.0])))).unwrap();
        assert_eq!(weighted.scalar().unwrap(), per.values()[0] / 2.0);
    }

    #[test]
    fn torch_floors_each_log_at_minus_100() {
        let l = binary_crossentropy::<f32>(&v(&[1.0]), &v(&[0.0]), &with(Semantics::Torch)).unwrap();
        assert_eq!(l.scalar(), Some(100.0));
    }

    #[test]
    fn tensorflow_flushes_subnormals() {
        let logits = LossOptions { from_logits: true, ..Default::default() };
        let keras = binary_crossentropy::<f32>(&v(&[0.0]), &v(&[-100.0]), &logits).unwrap();
        assert_eq!(keras.scalar(), Some(0.0));
        let exact = LossOptions { from_logits: true, ..with(Semantics::Exact) };
        let e = binary_crossentropy::<f64>(&v(&[0.0]), &v(&[-100.0]), &exact).unwrap();
        assert!(e.scalar().unwrap() > 3.7e-44);
    }

    #[test]
    fn keras_sparse_clips_before_renormalising() {
        // A row with an entry above 1: CCE renormalises first, sparse clips first.
        let p = rows(&[&[2.0, 1.0, 1.0]]);
        let cce = categorical_crossentropy::<f32>(&rows(&[&[1.0, 0.0, 0.0]]), &p, &LossOptions::default()).unwrap();
        let sparse = sparse_categorical_crossentropy::<f32>(&v(&[0.0]), &p, &LossOptions::default()).unwrap();
        assert!((cce.scalar().unwrap() - 2f32.ln()).abs() < 1e-6);
        assert!((sparse.scalar().unwrap() - 3f32.ln()).abs() < 1e-5);
    }

    #[test]
    fn float32_rounds_inputs_first() {
        // 1 − 1e-9 is exactly 1 in f32: exact-in-f32 gives ∞, in f64 a finite loss.
        let (t, p) = (v(&[0.0]), v(&[1.0 - 1e-9]));
        let exact = with(Semantics::Exact);
        assert!(binary_crossentropy::<f32>(&t, &p, &exact).unwrap().scalar().unwrap().is_infinite());
        assert!(binary_crossentropy::<f64>(&t, &p, &exact).unwrap().scalar().unwrap().is_finite());
    }

    #[test]
    fn torch_label_smoothing_adds_the_uniform_term_only_when_positive() {
        let p = rows(&[&[0.05, 0.95, 0.0]]);
        let torch = |ls| LossOptions { label_smoothing: ls, ..with(Semantics::Torch) };
        let plain = sparse_categorical_crossentropy::<f32>(&v(&[1.0]), &p, &torch(0.0)).unwrap();
        assert!(plain.scalar().unwrap().is_finite());
        let smoothed = sparse_categorical_crossentropy::<f32>(&v(&[1.0]), &p, &torch(0.1)).unwrap();
        assert_eq!(smoothed.scalar(), Some(f32::INFINITY));
    }

    #[test]
    fn torch_focal_weights_whenever_alpha_is_non_negative() {
        let (t, x) = (v(&[1.0, 0.0]), v(&[0.3, -0.2]));
        let o = |alpha| LossOptions { from_logits: true, alpha, apply_class_balancing: false, ..with(Semantics::Torch) };
        let on = binary_focal_crossentropy::<f64>(&t, &x, &o(0.25)).unwrap().scalar().unwrap();
        let off = binary_focal_crossentropy::<f64>(&t, &x, &o(-1.0)).unwrap().scalar().unwrap();
        assert!(on < off);
    }
}
