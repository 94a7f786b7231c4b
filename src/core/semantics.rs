//! Whose numbers to reproduce, and how per-sample losses are reduced.

use std::fmt;

/// Whose arithmetic a loss follows. See DESIGN §2 for the table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Semantics {
    /// Keras 2: `tf.keras` of TensorFlow 2.0–2.15 (`tf_keras` today), as in
    /// the seed: ε = 1e-7 added inside the logs of BCE after clipping to
    /// [ε, 1 − ε]; a 1-D input is one sample. The default.
    #[default]
    Keras,
    /// Keras 3 (TensorFlow backend; `tf.keras` since TensorFlow 2.16):
    /// clipping only, no ε inside the log.
    Keras3,
    /// PyTorch: `binary_cross_entropy` (each log floored at −100),
    /// `binary_cross_entropy_with_logits`, `cross_entropy`, torchvision's
    /// `sigmoid_focal_loss`; reductions over all elements.
    Torch,
    /// The plain formula in f64: no ε, no clipping, `0·log 0 = 0`, ∞ where it is ∞.
    Exact,
}

impl Semantics {
    /// Every semantics, in the order the page shows them.
    pub const ALL: [Semantics; 4] = [Semantics::Keras, Semantics::Keras3, Semantics::Torch, Semantics::Exact];

    /// The name used in calls and URLs.
    pub fn name(self) -> &'static str {
        match self {
            Semantics::Keras => "keras",
            Semantics::Keras3 => "keras3",
            Semantics::Torch => "torch",
            Semantics::Exact => "exact",
        }
    }

    /// Parses a name; also accepts the reference files' framework labels
    /// (`tf_keras`, `keras` is ours, `torchvision`, `numpy`).
    pub fn parse(s: &str) -> Option<Semantics> {
        match s.to_ascii_lowercase().as_str() {
            "keras" | "tf_keras" | "tf.keras" | "keras2" => Some(Semantics::Keras),
            "keras3" | "keras 3" => Some(Semantics::Keras3),
            "torch" | "pytorch" | "torchvision" => Some(Semantics::Torch),
            "exact" | "numpy" => Some(Semantics::Exact),
            _ => None,
        }
    }

    /// TensorFlow's CPU kernels flush subnormal results to zero.
    pub(crate) fn flushes_subnormals(self) -> bool {
        matches!(self, Semantics::Keras | Semantics::Keras3)
    }
}

impl fmt::Display for Semantics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How per-sample (torch: per-element) losses become the answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Reduction {
    /// Keras' default: Σ(wᵢ·Lᵢ) divided by the number of weighted losses —
    /// zero weights still count; never divided by Σw. torch's `mean` (which
    /// divides by the number of elements, because torch's losses are per element).
    #[default]
    SumOverBatchSize,
    /// Σ(wᵢ·Lᵢ).
    Sum,
    /// The weighted losses themselves.
    None,
    /// Keras 3 only: Σ(wᵢ·Lᵢ) / Σwᵢ.
    MeanWithSampleWeight,
}

impl Reduction {
    /// Parses Keras' and torch's names (`auto` and `mean` are
    /// `sum_over_batch_size`).
    pub fn parse(s: &str) -> Option<Reduction> {
        match s {
            "sum_over_batch_size" | "mean" | "auto" => Some(Reduction::SumOverBatchSize),
            "sum" => Some(Reduction::Sum),
            "none" => Some(Reduction::None),
            "mean_with_sample_weight" => Some(Reduction::MeanWithSampleWeight),
            _ => None,
        }
    }
    /// The Keras name.
    pub fn name(self) -> &'static str {
        match self {
            Reduction::SumOverBatchSize => "sum_over_batch_size",
            Reduction::Sum => "sum",
            Reduction::None => "none",
            Reduction::MeanWithSampleWeight => "mean_with_sample_weight",
        }
    }
}
