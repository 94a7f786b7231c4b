//! Code twins: the Python that reproduces a number of the page in the
//! framework that prints it — tf.keras (Keras 2), Keras 3, PyTorch or
//! scikit-learn — with every input written out exactly (each literal reads
//! back as the same float64), the dtype and every option, and as its last
//! line the value the page shows for that framework.
//!
//! The generator computes nothing: the caller hands over the call it
//! evaluated and what the page shows for it ([`Shown`]), so the comment is
//! always the page's own number. Where a framework lacks the call (torch's
//! BCE has no `label_smoothing`, its `cross_entropy` no per-sample weight),
//! the code builds it as the reference values were built, and says so.
//!
//! - [`loss_code`]: a loss call, in the framework of its semantics;
//! - [`logistic_code`], [`softmax_code`]: the sigmoid and softmax fits, in
//!   scikit-learn (scipy where scikit-learn has no focal loss).

mod fit;
mod loss;
mod python;

pub use fit::{logistic_code, softmax_code, LogisticCode};
pub use loss::{loss_code, LossCode};
pub use python::Shown;

use crate::core::semantics::Semantics;

/// Whose code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framework {
    /// Keras 2: `tf.keras` of TensorFlow 2.0–2.15, `tf_keras` today.
    Keras,
    Keras3,
    Torch,
    Sklearn,
}

impl Framework {
    pub const ALL: [Framework; 4] = [Framework::Keras, Framework::Keras3, Framework::Torch, Framework::Sklearn];

    /// The name in calls and in `data-code` (`bce-keras`).
    pub fn name(self) -> &'static str {
        match self {
            Framework::Keras => "keras",
            Framework::Keras3 => "keras3",
            Framework::Torch => "torch",
            Framework::Sklearn => "sklearn",
        }
    }

    pub fn parse(name: &str) -> Option<Framework> {
        Framework::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The framework whose numbers a semantics reproduces (none for exact).
    pub fn of(semantics: Semantics) -> Option<Framework> {
        match semantics {
            Semantics::Keras => Some(Framework::Keras),
            Semantics::Keras3 => Some(Framework::Keras3),
            Semantics::Torch => Some(Framework::Torch),
            Semantics::Exact => None,
        }
    }

    /// The semantics that reproduces this framework's losses (none for scikit-learn).
    pub fn semantics(self) -> Option<Semantics> {
        Semantics::ALL.into_iter().find(|&s| Framework::of(s) == Some(self))
    }

    /// The name a comment in the code gives it.
    fn label(self) -> &'static str {
        match self {
            Framework::Keras => "tf.keras",
            Framework::Keras3 => "Keras 3",
            Framework::Torch => "PyTorch",
            Framework::Sklearn => "scikit-learn",
        }
    }
}
