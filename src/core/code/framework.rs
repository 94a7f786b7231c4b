//! Whose code a twin is, and the semantics that reproduces its numbers.

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
    pub fn label(self) -> &'static str {
        match self {
            Framework::Keras => "tf.keras",
            Framework::Keras3 => "Keras 3",
            Framework::Torch => "PyTorch",
            Framework::Sklearn => "scikit-learn",
        }
    }
}
