//! What a loss call answers: one number, or one per sample.

use crate::core::array::NdArray;
use crate::core::real::Real;

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
