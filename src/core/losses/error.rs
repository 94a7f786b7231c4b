//! Why a loss call cannot be computed, said in the reader's words.

use std::fmt;

use crate::core::semantics::Semantics;
use crate::i18n::{Lang, Message};
use crate::number::format;

/// A loss call that cannot be computed. Each variant is one mistake; its
/// [`message`](LossError::message) says it in words from the word tables.
#[derive(Clone, Debug, PartialEq)]
pub enum LossError {
    /// `y_pred` (or another array) has no elements.
    Empty { what: &'static str },
    /// A scalar where an array is needed.
    NotAnArray { what: &'static str },
    /// `y_true` and `y_pred` do not fit together.
    ShapeMismatch { y_true: Vec<usize>, y_pred: Vec<usize>, expected: ExpectedShape },
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
    SampleWeightShape { weight: Vec<usize>, losses: Vec<usize>, why: WeightMismatch },
    /// A reduction the semantics does not have.
    UnsupportedReduction { reduction: &'static str, semantics: Semantics },
    /// A combination the framework does not offer.
    Unsupported { semantics: Semantics, what: NotOffered },
}

/// The shape `y_true` should have had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExpectedShape {
    /// `y_pred`'s own shape.
    SameAsPrediction,
    /// One class index per sample: this shape.
    OneIndexPerSample(Vec<usize>),
}

/// Why sample weights do not fit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WeightMismatch {
    /// tf.keras takes a 1-D input as one sample, so only one weight fits it.
    OneSampleKeras { given: usize },
    /// tf.keras only drops a last axis of length 1.
    KerasLastAxis,
    /// The shapes do not broadcast.
    NoBroadcast,
    /// torch's weight must broadcast to the input's shape.
    TorchBroadcast,
}

/// What a framework does not offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotOffered {
    TorchCategoricalFocal,
    TorchFocalProbabilities,
    TorchSampleWeight,
    TorchFocalSampleWeight,
}

impl LossError {
    /// The mistake in words, from the word tables.
    pub fn message(&self) -> Message {
        use LossError::*;
        let m = Message::new;
        match self {
            Empty { what } => m("error.loss.empty").with("what", *what),
            NotAnArray { what } => m("error.loss.not-an-array").with("what", *what),
            ShapeMismatch { y_true, y_pred, expected } => {
                let message = match expected {
                    ExpectedShape::SameAsPrediction => m("error.loss.shape-mismatch"),
                    ExpectedShape::OneIndexPerSample(lead) => {
                        m("error.loss.shape-mismatch.sparse").with("lead", format::shape(lead))
                    }
                };
                message.with("y_true", format::shape(y_true)).with("y_pred", format::shape(y_pred))
            }
            NotANumber { what } => m("error.loss.nan").with("what", *what),
            Infinite { what } => m("error.loss.infinite").with("what", *what),
            Float32Overflow { what, value } => {
                m("error.loss.float32").with("what", *what).with("value", format::exponent(*value))
            }
            NotAClassIndex { value } => m("error.loss.not-an-index").with("value", format::plain(*value)),
            ClassOutOfRange { index, classes } => m("error.loss.index-range")
                .with("index", format::plain(*index))
                .with("classes", classes.to_string())
                .with("last", classes.saturating_sub(1).to_string()),
            LabelSmoothingRange(v) => m("error.loss.smoothing-range").with("value", format::plain(*v)),
            SparseLabelSmoothing { semantics } => m("error.loss.sparse-smoothing").with("semantics", semantics.name()),
            NegativeGamma(g) => m("error.loss.gamma").with("value", format::plain(*g)),
            BadAlpha(a) => m("error.loss.alpha").with("value", format::plain(*a)),
            TorchOutOfRange { what, value } => {
                m("error.loss.torch-range").with("what", *what).with("value", format::plain(*value))
            }
            SampleWeightShape { weight, losses, why } => {
                let reason = match why {
                    WeightMismatch::OneSampleKeras { given } => {
                        m("error.weight.one-sample").with("n", given.to_string())
                    }
                    WeightMismatch::KerasLastAxis => m("error.weight.last-axis"),
                    WeightMismatch::NoBroadcast => m("error.weight.broadcast"),
                    WeightMismatch::TorchBroadcast => m("error.weight.torch"),
                };
                m("error.loss.weight-shape")
                    .with("weight", format::shape(weight))
                    .with("losses", format::shape(losses))
                    .with_message("why", reason)
            }
            UnsupportedReduction { reduction, semantics } => {
                m("error.loss.reduction").with("reduction", *reduction).with("semantics", semantics.name())
            }
            Unsupported { semantics, what } => {
                let key = match what {
                    NotOffered::TorchCategoricalFocal => "error.loss.torch-categorical-focal",
                    NotOffered::TorchFocalProbabilities => "error.loss.torch-focal-logits",
                    NotOffered::TorchSampleWeight => "error.loss.torch-sample-weight",
                    NotOffered::TorchFocalSampleWeight => "error.loss.torch-focal-weight",
                };
                m(key).with("semantics", semantics.name())
            }
        }
    }
}

impl fmt::Display for LossError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().text(Lang::En))
    }
}

impl std::error::Error for LossError {}
