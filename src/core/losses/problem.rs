//! A loss call laid out for computing: checked once, then split into units
//! (a sample, or for torch's binary losses an element), each unit's loss
//! computed by its family's form, then weighted and reduced.

use std::ops::Range;

use super::binary::bce_unit;
use super::categorical::{cce_unit, sparse_unit};
use super::error::LossError;
use super::focal::{binary_unit, categorical_unit};
use super::options::{CrossEntropy, LossKind, LossOptions};
use super::reduction::{plan, Plan};
use super::validate::check;
use super::value::LossValue;
use crate::core::array::NdArray;
use crate::core::real::Real;
use crate::core::semantics::Semantics;

/// A validated call: shapes checked, units and weighting laid out.
pub(super) struct Problem<'a> {
    kind: LossKind,
    opts: &'a LossOptions,
    y_true: &'a NdArray<f64>,
    /// The class axis' length.
    classes: usize,
    /// torch's binary losses are per element; all others per row.
    elementwise: bool,
    pub(super) units: usize,
    pub(super) plan: Plan,
}

impl<'a> Problem<'a> {
    pub(super) fn new(
        kind: LossKind,
        y_true: &'a NdArray<f64>,
        y_pred: &NdArray<f64>,
        opts: &'a LossOptions,
        single: bool,
    ) -> Result<Self, LossError> {
        check(kind, y_true, y_pred, opts, single)?;
        let sem = opts.semantics;
        let classes = y_pred.classes();
        let lead = &y_pred.shape[..y_pred.rank() - 1];
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

    pub(super) fn flush(&self) -> bool {
        self.opts.semantics.flushes_subnormals()
    }

    pub(super) fn range(&self, u: usize) -> Range<usize> {
        if self.elementwise {
            u..u + 1
        } else {
            u * self.classes..(u + 1) * self.classes
        }
    }

    /// The reduced loss, each unit's by `unit_loss`, of `y_pred` rounded to `R`.
    pub(super) fn value<R: Real>(&self, y_pred: &NdArray<f64>, unit_loss: impl Fn(usize, &[R]) -> R) -> LossValue<R> {
        let yp: Vec<R> = y_pred.data.iter().map(|&v| R::lit(v)).collect();
        self.plan.reduce(&self.unit_losses(&yp, unit_loss), self.flush())
    }

    /// Each unit's loss by `unit_loss`, given its slice of `y_pred`.
    pub(super) fn unit_losses<R: Real>(&self, yp: &[R], unit_loss: impl Fn(usize, &[R]) -> R) -> Vec<R> {
        (0..self.units).map(|u| self.flushed(unit_loss(u, &yp[self.range(u)]))).collect()
    }

    /// The loss of unit `u` given its slice of `y_pred`.
    pub(super) fn unit_loss<R: Real>(&self, u: usize, yp: &[R]) -> R {
        let o = self.opts;
        match self.kind {
            LossKind::BinaryCrossentropy => self.cross_entropy_unit(CrossEntropy::Binary, u, yp),
            LossKind::CategoricalCrossentropy => self.cross_entropy_unit(CrossEntropy::Categorical, u, yp),
            LossKind::SparseCategoricalCrossentropy => self.cross_entropy_unit(CrossEntropy::Sparse, u, yp),
            LossKind::BinaryFocalCrossentropy => binary_unit(o, &self.y_true.data[self.range(u)], yp),
            LossKind::CategoricalFocalCrossentropy => categorical_unit(o, &self.y_true.data[self.range(u)], yp),
        }
    }

    pub(super) fn cross_entropy_unit<R: Real>(&self, kind: CrossEntropy, u: usize, yp: &[R]) -> R {
        let o = self.opts;
        match kind {
            CrossEntropy::Binary => bce_unit(o, &self.y_true.data[self.range(u)], yp),
            CrossEntropy::Categorical => cce_unit(o, &self.y_true.data[self.range(u)], yp),
            CrossEntropy::Sparse => sparse_unit(o, self.y_true.data[u] as usize, yp),
        }
    }

    /// A unit's loss as the framework stores it (subnormals flushed where it flushes them).
    pub(super) fn flushed<R: Real>(&self, l: R) -> R {
        if self.flush() {
            l.flush()
        } else {
            l
        }
    }
}
