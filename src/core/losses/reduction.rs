//! Sample weights and reductions: how each framework turns per-sample losses
//! into the answer.

use super::error::{LossError, WeightMismatch};
use super::value::LossValue;
use crate::core::array::{broadcast_indices, broadcast_shape, NdArray};
use crate::core::real::{pairwise_sum, Real};
use crate::core::semantics::{Reduction, Semantics};

/// Which per-sample loss each output element takes, times which weight.
#[derive(Clone, Debug)]
pub(crate) struct Plan {
    /// Shape of the weighted losses (what `reduction = none` returns).
    pub out_shape: Vec<usize>,
    /// For each weighted loss, the index of its per-sample loss.
    pub unit_of: Vec<usize>,
    /// For each weighted loss its weight; `None` when no weight is applied.
    pub weight: Option<Vec<f64>>,
    pub reduction: Reduction,
    /// Keras 3's `mean_with_sample_weight` divides by Σw.
    pub weight_sum: Option<f64>,
}

/// Lays out the weighting of per-sample losses of shape `loss_shape`.
/// `input_shape` is the shape of `y_pred` (torch reshapes a per-row weight
/// vector to `(-1, 1)` for 2-D input).
pub(crate) fn plan(
    semantics: Semantics,
    loss_shape: &[usize],
    input_shape: &[usize],
    sample_weight: Option<&NdArray<f64>>,
    reduction: Reduction,
) -> Result<Plan, LossError> {
    if reduction == Reduction::MeanWithSampleWeight && !matches!(semantics, Semantics::Keras3 | Semantics::Exact) {
        return Err(LossError::UnsupportedReduction { reduction: reduction.name(), semantics });
    }
    let units: usize = loss_shape.iter().product();
    let Some(sw) = sample_weight else {
        return Ok(Plan {
            out_shape: loss_shape.to_vec(),
            unit_of: (0..units).collect(),
            weight: None,
            reduction,
            weight_sum: None,
        });
    };
    let mismatch = |why: WeightMismatch| LossError::SampleWeightShape {
        weight: sw.shape.clone(),
        losses: loss_shape.to_vec(),
        why,
    };
    let mut w_shape = sw.shape.clone();
    let mut l_shape = loss_shape.to_vec();
    match semantics {
        Semantics::Keras => {
            // tf.keras squeezes or expands the weight's last axis when the
            // ranks differ by one; a 1-D input is ONE sample, so a length-N
            // weight vector cannot be squeezed onto its scalar loss.
            if !w_shape.is_empty() {
                if w_shape.len() == l_shape.len() + 1 {
                    if w_shape.last() != Some(&1) {
                        return Err(mismatch(if l_shape.is_empty() {
                            WeightMismatch::OneSampleKeras { given: sw.data.len() }
                        } else {
                            WeightMismatch::KerasLastAxis
                        }));
                    }
                    w_shape.pop();
                } else if l_shape.len() == w_shape.len() + 1 {
                    w_shape.push(1);
                }
            }
        }
        Semantics::Keras3 | Semantics::Exact => {
            // Keras 3's squeeze_or_expand_to_same_rank.
            if l_shape.len() == w_shape.len() + 1 && l_shape.last() == Some(&1) {
                if w_shape.len() == 1 {
                    w_shape.push(1);
                } else {
                    l_shape.pop();
                }
            } else if w_shape.len() == l_shape.len() + 1 && w_shape.last() == Some(&1) {
                if l_shape.len() == 1 {
                    l_shape.push(1);
                } else {
                    w_shape.pop();
                }
            }
        }
        Semantics::Torch => {
            // torch's `weight=` is elementwise; a per-row vector on a 2-D input
            // is reshaped to (-1, 1), as a Keras user means it.
            if input_shape.len() == 2 && w_shape.len() == 1 && w_shape[0] == input_shape[0] && loss_shape.len() == 2 {
                w_shape = vec![w_shape[0], 1];
            }
            let out = broadcast_shape(&l_shape, &w_shape).ok_or_else(|| mismatch(WeightMismatch::NoBroadcast))?;
            if out != l_shape {
                return Err(mismatch(WeightMismatch::TorchBroadcast));
            }
        }
    }
    let out_shape = broadcast_shape(&l_shape, &w_shape).ok_or_else(|| mismatch(WeightMismatch::NoBroadcast))?;
    let unit_of = broadcast_indices(&l_shape, &out_shape);
    let weight: Vec<f64> = broadcast_indices(&w_shape, &out_shape).into_iter().map(|i| sw.data[i]).collect();
    Ok(Plan { out_shape, unit_of, weight: Some(weight), reduction, weight_sum: Some(sw.data.iter().sum()) })
}

impl Plan {
    /// The weighted losses, computed in `R` in the frameworks' order.
    fn weighted<R: Real>(&self, losses: &[R], flush: bool) -> Vec<R> {
        let fz = |x: R| if flush { x.flush() } else { x };
        match &self.weight {
            None => self.unit_of.iter().map(|&u| losses[u]).collect(),
            Some(w) => self.unit_of.iter().zip(w).map(|(&u, &w)| fz(losses[u] * R::lit(w))).collect(),
        }
    }

    /// The divisor of a mean reduction, as `R`.
    fn divisor<R: Real>(&self) -> R {
        match (self.reduction, self.weight_sum) {
            (Reduction::MeanWithSampleWeight, Some(s)) => R::lit(s),
            _ => R::lit(self.unit_of.len() as f64),
        }
    }

    /// Applies the reduction to per-sample losses.
    pub fn reduce<R: Real>(&self, losses: &[R], flush: bool) -> LossValue<R> {
        let weighted = self.weighted(losses, flush);
        match self.reduction {
            Reduction::None => {
                if self.out_shape.is_empty() {
                    LossValue::Scalar(weighted[0])
                } else {
                    LossValue::Array(NdArray { shape: self.out_shape.clone(), data: weighted })
                }
            }
            Reduction::Sum => LossValue::Scalar(pairwise_sum(&weighted)),
            Reduction::SumOverBatchSize | Reduction::MeanWithSampleWeight => {
                let total = pairwise_sum(&weighted);
                let d: R = self.divisor();
                // Keras divides with divide_no_nan: 0 when the divisor is 0.
                LossValue::Scalar(if d == R::zero() { R::zero() } else { total / d })
            }
        }
    }

    /// ∂(reduced loss)/∂(per-sample loss u) for every u (for `none`, of the sum).
    pub fn coefficients<R: Real>(&self, units: usize) -> Vec<R> {
        let mut c = vec![R::zero(); units];
        for (i, &u) in self.unit_of.iter().enumerate() {
            let w = self.weight.as_ref().map_or(R::one(), |w| R::lit(w[i]));
            c[u] = c[u] + w;
        }
        if matches!(self.reduction, Reduction::SumOverBatchSize | Reduction::MeanWithSampleWeight) {
            let d: R = self.divisor();
            for v in &mut c {
                *v = if d == R::zero() { R::zero() } else { *v / d };
            }
        }
        c
    }
}
