//! Every check a loss call passes before anything is computed: one function
//! per rule, run in the order a reader would fix them. Past [`check`], the
//! computation assumes a well-formed call and checks nothing again.

use super::error::{ExpectedShape, LossError, NotOffered};
use super::options::{LossKind, LossOptions};
use crate::core::array::NdArray;
use crate::core::semantics::Semantics;

/// Checks a call of `kind`; `single` when it computes in float32.
pub(super) fn check(
    kind: LossKind,
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    options: &LossOptions,
    single: bool,
) -> Result<(), LossError> {
    prediction_is_an_array(y_pred)?;
    not_empty("y_pred", y_pred)?;
    values_are_usable("y_pred", &y_pred.data, single, true)?;
    values_are_usable("y_true", &y_true.data, single, false)?;
    if let Some(weight) = &options.sample_weight {
        not_empty("sample_weight", weight)?;
        values_are_usable("sample_weight", &weight.data, single, false)?;
    }
    label_smoothing_in_range(options.label_smoothing)?;
    if kind.is_focal() {
        focal_parameters(options)?;
    }
    if kind == LossKind::SparseCategoricalCrossentropy {
        one_index_per_sample(y_true, y_pred)?;
        indices_are_classes(y_true, y_pred.classes())?;
        sparse_takes_no_smoothing(options)?;
    } else {
        same_shapes(y_true, y_pred)?;
    }
    if options.semantics == Semantics::Torch {
        torch_offers(kind, options)?;
        if kind == LossKind::BinaryCrossentropy && !options.from_logits {
            torch_probabilities_in_range(y_true, y_pred)?;
        }
    }
    Ok(())
}

/// A single number is not a batch: a 1-D array is one sample.
fn prediction_is_an_array(y_pred: &NdArray<f64>) -> Result<(), LossError> {
    if y_pred.rank() == 0 {
        return Err(LossError::NotAnArray { what: "y_pred" });
    }
    Ok(())
}

fn not_empty(what: &'static str, array: &NdArray<f64>) -> Result<(), LossError> {
    if array.data.is_empty() {
        return Err(LossError::Empty { what });
    }
    Ok(())
}

/// No NaN anywhere; infinities only where `allow_infinite` (logits and
/// probabilities may be ±∞, labels and weights may not); in float32 no finite
/// value beyond its range.
fn values_are_usable(what: &'static str, data: &[f64], single: bool, allow_infinite: bool) -> Result<(), LossError> {
    for &v in data {
        if v.is_nan() {
            return Err(LossError::NotANumber { what });
        }
        if v.is_infinite() && !allow_infinite {
            return Err(LossError::Infinite { what });
        }
        if single && v.is_finite() && v.abs() > f64::from(f32::MAX) {
            return Err(LossError::Float32Overflow { what, value: v });
        }
    }
    Ok(())
}

fn label_smoothing_in_range(ls: f64) -> Result<(), LossError> {
    if !(0.0..=1.0).contains(&ls) {
        return Err(LossError::LabelSmoothingRange(ls));
    }
    Ok(())
}

fn focal_parameters(options: &LossOptions) -> Result<(), LossError> {
    let focal = &options.focal;
    if !(focal.gamma >= 0.0 && focal.gamma.is_finite()) {
        return Err(LossError::NegativeGamma(focal.gamma));
    }
    if !focal.alpha.is_finite() {
        return Err(LossError::BadAlpha(focal.alpha));
    }
    Ok(())
}

/// Sparse labels: one per sample, as `[N]` or `[N, 1]`.
fn one_index_per_sample(y_true: &NdArray<f64>, y_pred: &NdArray<f64>) -> Result<(), LossError> {
    let lead = &y_pred.shape[..y_pred.rank() - 1];
    let mut with_one = lead.to_vec();
    with_one.push(1);
    if y_true.shape != lead && y_true.shape != with_one {
        return Err(LossError::ShapeMismatch {
            y_true: y_true.shape.clone(),
            y_pred: y_pred.shape.clone(),
            expected: ExpectedShape::OneIndexPerSample(lead.to_vec()),
        });
    }
    Ok(())
}

fn indices_are_classes(y_true: &NdArray<f64>, classes: usize) -> Result<(), LossError> {
    for &c in &y_true.data {
        if c.fract() != 0.0 {
            return Err(LossError::NotAClassIndex { value: c });
        }
        if c < 0.0 || c >= classes as f64 {
            return Err(LossError::ClassOutOfRange { index: c, classes });
        }
    }
    Ok(())
}

/// Keras' sparse CCE has no `label_smoothing` (torch's `cross_entropy` has).
fn sparse_takes_no_smoothing(options: &LossOptions) -> Result<(), LossError> {
    let semantics = options.semantics;
    if options.label_smoothing != 0.0 && matches!(semantics, Semantics::Keras | Semantics::Keras3) {
        return Err(LossError::SparseLabelSmoothing { semantics });
    }
    Ok(())
}

fn same_shapes(y_true: &NdArray<f64>, y_pred: &NdArray<f64>) -> Result<(), LossError> {
    if y_true.shape != y_pred.shape {
        return Err(LossError::ShapeMismatch {
            y_true: y_true.shape.clone(),
            y_pred: y_pred.shape.clone(),
            expected: ExpectedShape::SameAsPrediction,
        });
    }
    Ok(())
}

/// What torch and torchvision have no function for.
fn torch_offers(kind: LossKind, options: &LossOptions) -> Result<(), LossError> {
    let refuse = |what| Err(LossError::Unsupported { semantics: Semantics::Torch, what });
    let weighted = options.sample_weight.is_some();
    match kind {
        LossKind::CategoricalFocalCrossentropy => refuse(NotOffered::TorchCategoricalFocal),
        LossKind::BinaryFocalCrossentropy if !options.from_logits => refuse(NotOffered::TorchFocalProbabilities),
        LossKind::BinaryFocalCrossentropy if weighted => refuse(NotOffered::TorchFocalSampleWeight),
        LossKind::CategoricalCrossentropy | LossKind::SparseCategoricalCrossentropy if weighted => {
            refuse(NotOffered::TorchSampleWeight)
        }
        _ => Ok(()),
    }
}

/// torch's `binary_cross_entropy` refuses probabilities and targets outside [0, 1].
fn torch_probabilities_in_range(y_true: &NdArray<f64>, y_pred: &NdArray<f64>) -> Result<(), LossError> {
    if let Some(&p) = y_pred.data.iter().find(|p| !(0.0..=1.0).contains(*p)) {
        return Err(LossError::TorchOutOfRange { what: "input (y_pred)", value: p });
    }
    if let Some(&y) = y_true.data.iter().find(|y| !(0.0..=1.0).contains(*y)) {
        return Err(LossError::TorchOutOfRange { what: "target (y_true)", value: y });
    }
    Ok(())
}
