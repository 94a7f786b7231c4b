//! Which loss a call computes, and its options with Keras' defaults.

use crate::core::array::NdArray;
use crate::core::semantics::{Reduction, Semantics};

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
/// `losses::cross_entropy`, and so carries none of the focal code.
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

    /// BCE and binary focal loss: per element, not per row of classes.
    pub fn is_binary(self) -> bool {
        matches!(self, LossKind::BinaryCrossentropy | LossKind::BinaryFocalCrossentropy)
    }

    pub fn is_focal(self) -> bool {
        matches!(self, LossKind::BinaryFocalCrossentropy | LossKind::CategoricalFocalCrossentropy)
    }
}

/// The options of focal loss, with Keras' defaults.
///
/// ```
/// use losslab::core::losses::FocalOptions;
/// let o = FocalOptions::default();
/// assert_eq!((o.gamma, o.alpha, o.apply_class_balancing), (2.0, 0.25, false));
/// assert_eq!(o.alpha_t(1.0), 1.0); // no balancing: every point weighs 1
/// let balanced = FocalOptions { apply_class_balancing: true, ..o };
/// assert_eq!((balanced.alpha_t(1.0), balanced.alpha_t(0.0)), (0.25, 0.75));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FocalOptions {
    /// The focusing parameter γ ≥ 0: how strongly well-classified points are
    /// scaled down, by `(1 − p_t)^γ`. Default 2; γ = 0 is cross-entropy.
    pub gamma: f64,
    /// The weight α of class 1 (class 0 gets 1 − α). Default 0.25. Keras
    /// applies it only with `apply_class_balancing`; its categorical focal
    /// loss always; torch whenever `alpha ≥ 0`.
    pub alpha: f64,
    /// Keras' binary focal loss: weight each point by α_t. Default `false`.
    pub apply_class_balancing: bool,
}

impl Default for FocalOptions {
    fn default() -> Self {
        FocalOptions { gamma: 2.0, alpha: 0.25, apply_class_balancing: false }
    }
}

impl FocalOptions {
    /// α_t of a point with target `y`: `α·y + (1 − α)·(1 − y)` with class
    /// balancing, else 1.
    pub fn alpha_t(&self, y: f64) -> f64 {
        if self.apply_class_balancing {
            self.alpha * y + (1.0 - self.alpha) * (1.0 - y)
        } else {
            1.0
        }
    }
}

/// The options of every loss, with Keras' defaults.
///
/// ```
/// use losslab::core::losses::LossOptions;
/// let o = LossOptions::default();
/// assert_eq!((o.from_logits, o.label_smoothing, o.focal.gamma, o.focal.alpha), (false, 0.0, 2.0, 0.25));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
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
    /// The focal losses' γ and α; ignored by the others.
    pub focal: FocalOptions,
}
