//! The five Keras classification losses, under four semantics, with their
//! gradients.
//!
//! Each loss family has its plain formula once, generic over [`Real`] — the
//! function every figure, fit and breakdown computes ([`binary_cross_entropy`],
//! [`categorical_cross_entropy`], [`binary_focal_loss`],
//! [`categorical_focal_loss`]) — beside the forms each framework computes
//! (Keras' ε and clipping, torch's clamps). A call of [`loss`] is checked once
//! (`validate`), split into *units* — a sample (a row along the last axis)
//! for Keras and for torch's `cross_entropy`, a single element for torch's
//! binary losses — and the units are then weighted and reduced
//! (`reduction`). The same code runs in `f32` (what the frameworks print),
//! `f64` (exact), and on [`Dual`] numbers for the gradient.

mod binary;
mod categorical;
mod error;
mod focal;
mod keras;
mod options;
mod problem;
mod reduction;
mod validate;
mod value;

pub use binary::{
    binary_cross_entropy, binary_cross_entropy_of_probability, naive_logistic_loss, stable_logistic_loss, torch_clamps,
};
pub use categorical::{
    categorical_cross_entropy, categorical_cross_entropy_of_probabilities, keras_categorical_probabilities,
    keras_sparse_logits, renormalize,
};
pub use error::{ExpectedShape, LossError, NotOffered, WeightMismatch};
pub use focal::{binary_focal_loss, categorical_focal_loss, modulating_factor, one_minus_p_t};
pub use keras::keras_clips;
pub use options::{CrossEntropy, FocalOptions, LossKind, LossOptions};
pub use value::LossValue;

use crate::core::array::NdArray;
use crate::core::real::{Dual, Real};
use problem::Problem;

/// Computes a loss in `R` (`f32` reproduces the frameworks; `f64` is exact).
///
/// Inputs are the `f64` literals of a call; they are rounded to `R` first,
/// exactly as a framework casts its inputs (`1 − 1e-9` becomes 1.0 in f32).
///
/// ```
/// use losslab::core::array::NdArray;
/// use losslab::core::losses::{loss, LossKind, LossOptions};
/// let y_true = NdArray::from_vec(vec![0.0, 0.0, 1.0, 1.0]);
/// let y_pred = NdArray::from_vec(vec![1.0, 1.0, 1.0, 0.0]);
/// let l = loss::<f32>(LossKind::BinaryCrossentropy, &y_true, &y_pred, &LossOptions::default()).unwrap();
/// assert_eq!(format!("{:.6}", l.scalar().unwrap()), "11.522857");
/// ```
pub fn loss<R: Real>(
    kind: LossKind,
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    opts: &LossOptions,
) -> Result<LossValue<R>, LossError> {
    let problem = Problem::new(kind, y_true, y_pred, opts, R::SINGLE)?;
    Ok(problem.value(y_pred, |u, yp| problem.unit_loss(u, yp)))
}

/// [`loss`] of a cross-entropy loss, the same value by the same code.
///
/// ```
/// use losslab::core::array::NdArray;
/// use losslab::core::losses::{cross_entropy, loss, CrossEntropy, LossKind, LossOptions};
/// let y_true = NdArray::from_vec(vec![0.0, 0.0, 1.0, 1.0]);
/// let y_pred = NdArray::from_vec(vec![1.0, 1.0, 1.0, 0.0]);
/// let o = LossOptions::default();
/// let l = cross_entropy::<f32>(CrossEntropy::Binary, &y_true, &y_pred, &o).unwrap();
/// assert_eq!(l, loss::<f32>(LossKind::BinaryCrossentropy, &y_true, &y_pred, &o).unwrap());
/// ```
pub fn cross_entropy<R: Real>(
    kind: CrossEntropy,
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    opts: &LossOptions,
) -> Result<LossValue<R>, LossError> {
    let problem = Problem::new(kind.into(), y_true, y_pred, opts, R::SINGLE)?;
    Ok(problem.value(y_pred, |u, yp| problem.cross_entropy_unit(kind, u, yp)))
}

/// The loss and its gradient with respect to `y_pred` (the logits when
/// `from_logits`), in `y_pred`'s shape. For `reduction = none` the gradient is
/// that of the sum of the returned losses.
///
/// The gradient comes from forward-mode [`Dual`] numbers run through the same
/// code as the loss, so clipping, ε and float32 rounding are differentiated as
/// the framework computes them (a clipped probability has gradient 0).
///
/// ```
/// use losslab::core::array::NdArray;
/// use losslab::core::losses::{loss_with_grad, LossKind, LossOptions};
/// use losslab::core::semantics::Semantics;
/// let opts = LossOptions { from_logits: true, semantics: Semantics::Exact, ..Default::default() };
/// let (l, g) = loss_with_grad::<f64>(
///     LossKind::BinaryCrossentropy,
///     &NdArray::from_vec(vec![1.0]),
///     &NdArray::from_vec(vec![0.0]),
///     &opts,
/// ).unwrap();
/// assert!((l.scalar().unwrap() - std::f64::consts::LN_2).abs() < 1e-15);
/// assert_eq!(g.data, vec![-0.5]); // σ(x) − y
/// ```
pub fn loss_with_grad<R: Real>(
    kind: LossKind,
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    opts: &LossOptions,
) -> Result<(LossValue<R>, NdArray<R>), LossError> {
    let problem = Problem::new(kind, y_true, y_pred, opts, R::SINGLE)?;
    let yp: Vec<R> = y_pred.data.iter().map(|&v| R::lit(v)).collect();
    let losses = problem.unit_losses(&yp, |u, yp| problem.unit_loss(u, yp));
    let value = problem.plan.reduce(&losses, problem.flush());
    let coef: Vec<R> = problem.plan.coefficients(problem.units);
    let mut grad = vec![R::zero(); yp.len()];
    for (u, &c) in coef.iter().enumerate() {
        if c == R::zero() {
            continue;
        }
        let range = problem.range(u);
        let base: Vec<Dual<R>> = yp[range.clone()].iter().map(|&v| Dual::constant(v)).collect();
        for (j, g) in grad[range].iter_mut().enumerate() {
            let mut seeded = base.clone();
            seeded[j].d = R::one();
            *g = c * problem.flushed(problem.unit_loss(u, &seeded)).d;
        }
    }
    Ok((value, NdArray { shape: y_pred.shape.clone(), data: grad }))
}

/// `keras.losses.binary_crossentropy`: see [`loss`].
///
/// Formula (probabilities): `−(y·log p + (1−y)·log(1−p))` per element, averaged
/// over the last axis. Keras 2 clips p to [ε, 1−ε] and adds ε inside both logs;
/// Keras 3 only clips; torch floors each log at −100; exact does neither.
///
/// ```
/// use losslab::core::array::NdArray;
/// use losslab::core::losses::{binary_crossentropy, LossOptions};
/// use losslab::core::semantics::Semantics;
/// let (t, p) = (NdArray::from_vec(vec![0.0, 0.0, 1.0, 1.0]), NdArray::from_vec(vec![1.0, 1.0, 1.0, 0.0]));
/// let keras = binary_crossentropy::<f32>(&t, &p, &LossOptions::default()).unwrap();
/// assert_eq!(keras.scalar(), Some(11.522857));
/// let torch = LossOptions { semantics: Semantics::Torch, ..Default::default() };
/// assert_eq!(binary_crossentropy::<f32>(&t, &p, &torch).unwrap().scalar(), Some(75.0));
/// ```
pub fn binary_crossentropy<R: Real>(
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    opts: &LossOptions,
) -> Result<LossValue<R>, LossError> {
    loss(LossKind::BinaryCrossentropy, y_true, y_pred, opts)
}

/// `keras.losses.categorical_crossentropy`: rows of `y_pred` renormalised to
/// sum 1, clipped to [ε, 1−ε], then `−Σ y·log p` per sample.
///
/// ```
/// use losslab::core::array::NdArray;
/// use losslab::core::losses::{categorical_crossentropy, LossOptions, LossValue};
/// use losslab::core::semantics::Reduction;
/// let y_true = NdArray::from_rows(vec![vec![0.0, 1.0, 0.0], vec![0.0, 0.0, 1.0]]).unwrap();
/// let y_pred = NdArray::from_rows(vec![vec![0.05, 0.95, 0.0], vec![0.1, 0.8, 0.1]]).unwrap();
/// let mean = categorical_crossentropy::<f32>(&y_true, &y_pred, &LossOptions::default()).unwrap();
/// assert_eq!(format!("{:.3}", mean.scalar().unwrap()), "1.177");
/// let weighted = LossOptions { sample_weight: Some(NdArray::from_vec(vec![0.3, 0.7])), ..Default::default() };
/// let w = categorical_crossentropy::<f32>(&y_true, &y_pred, &weighted).unwrap();
/// assert_eq!(format!("{:.3}", w.scalar().unwrap()), "0.814");
/// let none = LossOptions { reduction: Reduction::None, ..Default::default() };
/// let LossValue::Array(per_sample) = categorical_crossentropy::<f32>(&y_true, &y_pred, &none).unwrap() else { panic!() };
/// assert_eq!(format!("{:.4} {:.3}", per_sample.data[0], per_sample.data[1]), "0.0513 2.303");
/// ```
pub fn categorical_crossentropy<R: Real>(
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    opts: &LossOptions,
) -> Result<LossValue<R>, LossError> {
    loss(LossKind::CategoricalCrossentropy, y_true, y_pred, opts)
}

/// `keras.losses.sparse_categorical_crossentropy`: `y_true` holds class
/// indices. Keras clips, takes the log, then log-softmax (so rows are
/// renormalised *after* clipping); torch takes `log p` then log-softmax.
///
/// ```
/// use losslab::core::array::NdArray;
/// use losslab::core::losses::{sparse_categorical_crossentropy, LossOptions, LossValue};
/// use losslab::core::semantics::Reduction;
/// let y_true = NdArray::from_vec(vec![1.0, 2.0]);
/// let y_pred = NdArray::from_rows(vec![vec![0.05, 0.95, 0.0], vec![0.1, 0.8, 0.1]]).unwrap();
/// let none = LossOptions { reduction: Reduction::None, ..Default::default() };
/// let LossValue::Array(l) = sparse_categorical_crossentropy::<f32>(&y_true, &y_pred, &none).unwrap() else { panic!() };
/// assert_eq!(format!("{:.4} {:.3}", l.data[0], l.data[1]), "0.0513 2.303");
/// ```
pub fn sparse_categorical_crossentropy<R: Real>(
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    opts: &LossOptions,
) -> Result<LossValue<R>, LossError> {
    loss(LossKind::SparseCategoricalCrossentropy, y_true, y_pred, opts)
}

/// `keras.losses.binary_focal_crossentropy`: `(1 − p_t)^γ · BCE` per element
/// (times `α·y + (1−α)(1−y)` with `apply_class_balancing`), averaged over the
/// last axis. `p_t = y·p + (1−y)(1−p)` uses the unclipped p.
///
/// ```
/// use losslab::core::array::NdArray;
/// use losslab::core::losses::{binary_focal_crossentropy, binary_crossentropy, FocalOptions, LossOptions};
/// let (t, p) = (NdArray::from_vec(vec![0.0, 1.0]), NdArray::from_vec(vec![0.2, 0.6]));
/// let no_focus = LossOptions { focal: FocalOptions { gamma: 0.0, ..Default::default() }, ..Default::default() };
/// let focal = binary_focal_crossentropy::<f64>(&t, &p, &no_focus).unwrap().scalar().unwrap();
/// let bce = binary_crossentropy::<f64>(&t, &p, &LossOptions::default()).unwrap().scalar().unwrap();
/// assert_eq!(focal, bce);
/// ```
pub fn binary_focal_crossentropy<R: Real>(
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    opts: &LossOptions,
) -> Result<LossValue<R>, LossError> {
    loss(LossKind::BinaryFocalCrossentropy, y_true, y_pred, opts)
}

/// `keras.losses.categorical_focal_crossentropy`: softmax (logits) or
/// renormalise, clip, then `Σ α·(1−q)^γ·(−y·log q)` per sample.
///
/// ```
/// use losslab::core::array::NdArray;
/// use losslab::core::losses::{categorical_focal_crossentropy, LossOptions};
/// let t = NdArray::from_vec(vec![0.0, 1.0, 0.0]);
/// let p = NdArray::from_vec(vec![0.25, 0.5, 0.25]);
/// let l = categorical_focal_crossentropy::<f64>(&t, &p, &LossOptions::default()).unwrap();
/// assert!((l.scalar().unwrap() - 0.25 * 0.25 * 2f64.ln()).abs() < 1e-6);
/// ```
pub fn categorical_focal_crossentropy<R: Real>(
    y_true: &NdArray<f64>,
    y_pred: &NdArray<f64>,
    opts: &LossOptions,
) -> Result<LossValue<R>, LossError> {
    loss(LossKind::CategoricalFocalCrossentropy, y_true, y_pred, opts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::semantics::{Reduction, Semantics};

    fn v(x: &[f64]) -> NdArray<f64> {
        NdArray::from_vec(x.to_vec())
    }
    fn rows(r: &[&[f64]]) -> NdArray<f64> {
        NdArray::from_rows(r.iter().map(|x| x.to_vec()).collect()).unwrap()
    }
    fn with(semantics: Semantics) -> LossOptions {
        LossOptions { semantics, ..Default::default() }
    }

    #[test]
    fn one_d_input_is_one_sample() {
        let none = LossOptions { reduction: Reduction::None, ..Default::default() };
        let l = binary_crossentropy::<f32>(&v(&[0.0, 1.0]), &v(&[0.5, 0.5]), &none).unwrap();
        assert!(matches!(l, LossValue::Scalar(_)));
    }

    #[test]
    fn keras_rejects_a_weight_vector_on_one_sample_keras3_broadcasts_it() {
        let (t, p, w) = (v(&[0.0, 0.0, 1.0, 1.0]), v(&[1.0, 1.0, 1.0, 0.0]), Some(v(&[1.0, 2.0, 3.0, 4.0])));
        let keras = LossOptions { sample_weight: w.clone(), ..Default::default() };
        assert!(matches!(binary_crossentropy::<f32>(&t, &p, &keras), Err(LossError::SampleWeightShape { .. })));
        let k3 = LossOptions { sample_weight: w, ..with(Semantics::Keras3) };
        let plain = binary_crossentropy::<f32>(&t, &p, &with(Semantics::Keras3)).unwrap().scalar().unwrap();
        let weighted = binary_crossentropy::<f32>(&t, &p, &k3).unwrap().scalar().unwrap();
        assert!((weighted - plain * 10.0 / 4.0).abs() < 1e-4);
    }

    #[test]
    fn zero_weights_still_count_in_the_mean() {
        let t = rows(&[&[0.0, 1.0], &[0.0, 0.0]]);
        let p = rows(&[&[0.6, 0.4], &[0.4, 0.6]]);
        let o = |w: Option<NdArray<f64>>| LossOptions {
            sample_weight: w,
            semantics: Semantics::Exact,
            ..Default::default()
        };
        let per =
            loss::<f64>(LossKind::BinaryCrossentropy, &t, &p, &LossOptions { reduction: Reduction::None, ..o(None) })
                .unwrap();
        let weighted = loss::<f64>(LossKind::BinaryCrossentropy, &t, &p, &o(Some(v(&[1.0, 0.0])))).unwrap();
        assert_eq!(weighted.scalar().unwrap(), per.values()[0] / 2.0);
    }

    #[test]
    fn torch_floors_each_log_at_minus_100() {
        let l = binary_crossentropy::<f32>(&v(&[1.0]), &v(&[0.0]), &with(Semantics::Torch)).unwrap();
        assert_eq!(l.scalar(), Some(100.0));
    }

    #[test]
    fn tensorflow_flushes_subnormals() {
        let logits = LossOptions { from_logits: true, ..Default::default() };
        let keras = binary_crossentropy::<f32>(&v(&[0.0]), &v(&[-100.0]), &logits).unwrap();
        assert_eq!(keras.scalar(), Some(0.0));
        let exact = LossOptions { from_logits: true, ..with(Semantics::Exact) };
        let e = binary_crossentropy::<f64>(&v(&[0.0]), &v(&[-100.0]), &exact).unwrap();
        assert!(e.scalar().unwrap() > 3.7e-44);
    }

    #[test]
    fn keras_sparse_clips_before_renormalising() {
        // A row with an entry above 1: CCE renormalises first, sparse clips first.
        let p = rows(&[&[2.0, 1.0, 1.0]]);
        let cce = categorical_crossentropy::<f32>(&rows(&[&[1.0, 0.0, 0.0]]), &p, &LossOptions::default()).unwrap();
        let sparse = sparse_categorical_crossentropy::<f32>(&v(&[0.0]), &p, &LossOptions::default()).unwrap();
        assert!((cce.scalar().unwrap() - 2f32.ln()).abs() < 1e-6);
        assert!((sparse.scalar().unwrap() - 3f32.ln()).abs() < 1e-5);
    }

    #[test]
    fn float32_rounds_inputs_first() {
        // 1 − 1e-9 is exactly 1 in f32: exact-in-f32 gives ∞, in f64 a finite loss.
        let (t, p) = (v(&[0.0]), v(&[1.0 - 1e-9]));
        let exact = with(Semantics::Exact);
        assert!(binary_crossentropy::<f32>(&t, &p, &exact).unwrap().scalar().unwrap().is_infinite());
        assert!(binary_crossentropy::<f64>(&t, &p, &exact).unwrap().scalar().unwrap().is_finite());
    }

    #[test]
    fn torch_label_smoothing_adds_the_uniform_term_only_when_positive() {
        let p = rows(&[&[0.05, 0.95, 0.0]]);
        let torch = |ls| LossOptions { label_smoothing: ls, ..with(Semantics::Torch) };
        let plain = sparse_categorical_crossentropy::<f32>(&v(&[1.0]), &p, &torch(0.0)).unwrap();
        assert!(plain.scalar().unwrap().is_finite());
        let smoothed = sparse_categorical_crossentropy::<f32>(&v(&[1.0]), &p, &torch(0.1)).unwrap();
        assert_eq!(smoothed.scalar(), Some(f32::INFINITY));
    }

    #[test]
    fn torch_focal_weights_whenever_alpha_is_non_negative() {
        let (t, x) = (v(&[1.0, 0.0]), v(&[0.3, -0.2]));
        let o = |alpha| LossOptions {
            from_logits: true,
            focal: FocalOptions { alpha, ..FocalOptions::default() },
            ..with(Semantics::Torch)
        };
        let on = binary_focal_crossentropy::<f64>(&t, &x, &o(0.25)).unwrap().scalar().unwrap();
        let off = binary_focal_crossentropy::<f64>(&t, &x, &o(-1.0)).unwrap().scalar().unwrap();
        assert!(on < off);
    }
}
