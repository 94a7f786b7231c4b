//! The options of a softmax fit: the penalty, label smoothing and focal γ.

/// The largest focal γ a fit accepts. Past it `(1 − p)^γ` flattens the loss
/// of all but the worst points to nothing; the focal-loss paper uses γ ≤ 5.
pub const GAMMA_MAX: f64 = 10.0;

/// Options of a softmax fit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SoftmaxOptions {
    /// Inverse strength of the L2 penalty `‖W‖²/(2C)` (intercepts are not
    /// penalised). `None` = no penalty. Default `Some(1.0)`, as scikit-learn.
    pub c: Option<f64>,
    /// Label smoothing ε in [0, 1]: targets `(1 − ε)·one-hot + ε/K`. Default 0.
    pub label_smoothing: f64,
    /// Focal γ in [0, [`GAMMA_MAX`]]: each class's log-loss is scaled by
    /// `(1 − p)^γ`. Default 0 (cross-entropy).
    pub gamma: f64,
}

impl Default for SoftmaxOptions {
    fn default() -> Self {
        SoftmaxOptions { c: Some(1.0), label_smoothing: 0.0, gamma: 0.0 }
    }
}
