//! Why a softmax fit has no answer, one variant per mistake, each in words
//! from the word tables.

use crate::i18n::{Lang, Message};
use crate::number::format;
use std::fmt;

/// Why a softmax fit has no answer.
#[derive(Clone, Debug, PartialEq)]
pub enum SoftmaxFitError {
    /// No points.
    Empty,
    /// `x` and `y` differ in length.
    LengthMismatch { x: usize, y: usize },
    /// The points have no features (rows of length 0).
    NoFeatures,
    /// Row `row` of `x` has `len` features where the first row has `expected`.
    Ragged { row: usize, len: usize, expected: usize },
    /// NaN or ±∞ in `x`.
    NonFinite { row: usize },
    /// A label that is not a class index (a whole number ≥ 0).
    NotAClass { row: usize, value: f64 },
    /// Every label is 0: a softmax needs at least two classes.
    TooFewClasses,
    /// No point has this class (below the largest label), and without label
    /// smoothing its logit runs off to −∞.
    EmptyClass { class: usize },
    /// `C ≤ 0` (or NaN).
    NonPositiveC(f64),
    /// Label smoothing outside [0, 1].
    LabelSmoothing(f64),
    /// γ outside [0, [`GAMMA_MAX`](super::GAMMA_MAX)].
    Gamma(f64),
    /// Without a penalty and label smoothing, some direction of (W, b) ranks
    /// every point's class at least as high and some higher: the loss keeps
    /// falling as the weights grow, so there is no finite optimum.
    Separable,
    /// The iteration did not settle (should not happen; reported rather than looping).
    NoConvergence { iterations: usize },
}

impl SoftmaxFitError {
    /// Why there is no fit, in words from the word tables.
    ///
    /// ```
    /// use losslab::core::softmax_fit::SoftmaxFitError;
    /// use losslab::i18n::Lang;
    /// let m = SoftmaxFitError::EmptyClass { class: 1 }.message();
    /// assert!(m.text(Lang::En).starts_with("no point has class 1"));
    /// ```
    pub fn message(&self) -> Message {
        let m = Message::new;
        match self {
            SoftmaxFitError::Empty => m("error.softmax.empty"),
            SoftmaxFitError::LengthMismatch { x, y } => {
                m("error.softmax.lengths").with("x", x.to_string()).with("y", y.to_string())
            }
            SoftmaxFitError::NoFeatures => m("error.softmax.no-features"),
            SoftmaxFitError::Ragged { row, len, expected } => m("error.softmax.ragged")
                .with("row", row.to_string())
                .with("len", len.to_string())
                .with("expected", expected.to_string()),
            SoftmaxFitError::NonFinite { row } => m("error.softmax.non-finite").with("row", row.to_string()),
            SoftmaxFitError::NotAClass { row, value } => {
                m("error.softmax.not-a-class").with("row", row.to_string()).with("value", format::plain(*value))
            }
            SoftmaxFitError::TooFewClasses => m("error.softmax.too-few-classes"),
            SoftmaxFitError::EmptyClass { class } => m("error.softmax.empty-class").with("class", class.to_string()),
            SoftmaxFitError::NonPositiveC(c) => m("error.softmax.c").with("value", format::plain(*c)),
            SoftmaxFitError::LabelSmoothing(v) => m("error.softmax.label-smoothing").with("value", format::plain(*v)),
            SoftmaxFitError::Gamma(v) => {
                m("error.softmax.gamma").with("value", format::plain(*v)).with("max", format::plain(super::GAMMA_MAX))
            }
            SoftmaxFitError::Separable => m("error.softmax.separable"),
            SoftmaxFitError::NoConvergence { iterations } => {
                m("error.softmax.no-convergence").with("n", iterations.to_string())
            }
        }
    }
}

impl fmt::Display for SoftmaxFitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().text(Lang::En))
    }
}

impl std::error::Error for SoftmaxFitError {}
