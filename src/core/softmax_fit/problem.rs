//! The points, labels and options of a softmax fit, checked once; the
//! objective, its gradient, and the per-point numbers the figures show.

use super::derivatives::{add_logit_derivatives, Scratch};
use super::{SoftmaxFitError, SoftmaxModel, SoftmaxOptions, GAMMA_MAX};
use crate::core::activation::softmax;
use crate::core::array::first_max;
use crate::core::losses::{categorical_cross_entropy, categorical_focal_loss};
use crate::core::smoothing::smooth_categorical;

/// A softmax fit's data and options, valid by construction: at least one
/// point, D ≥ 1 finite features per point, K ≥ 2 classes each with a point,
/// `C > 0`, ε in [0, 1], γ in [0, [`GAMMA_MAX`]].
#[derive(Clone, Debug, PartialEq)]
pub struct SoftmaxProblem {
    /// The points, row-major (N × D).
    x: Vec<f64>,
    n: usize,
    d: usize,
    k: usize,
    labels: Vec<usize>,
    /// The smoothed targets `ỹ`, row-major (N × K).
    targets: Vec<f64>,
    /// `None`: no penalty (also for C = ∞).
    c: Option<f64>,
    label_smoothing: f64,
    gamma: f64,
}

/// One point's share, for the figures.
#[derive(Clone, Debug, PartialEq)]
pub struct SoftmaxPoint {
    /// The logits `W·x + b` (K).
    pub logits: Vec<f64>,
    /// The class probabilities (K).
    pub proba: Vec<f64>,
    /// The true class's logit minus the largest other logit: positive when
    /// the point is classified right, and how far from the boundary.
    pub logit_gap: f64,
    /// Its loss `l_i` (focal, against the smoothed target).
    pub loss: f64,
    /// Whether the predicted class (first largest logit) is its class.
    pub correct: bool,
}

impl SoftmaxProblem {
    /// Checks `x` (N rows of D features), `y` (N class labels; K = max(y) + 1)
    /// and the options.
    ///
    /// ```
    /// use losslab::core::softmax_fit::{SoftmaxFitError, SoftmaxOptions, SoftmaxProblem};
    /// let o = SoftmaxOptions::default();
    /// assert!(SoftmaxProblem::new(&[vec![0.0, 1.0], vec![1.0, 0.0]], &[0, 1], &o).is_ok());
    /// let ragged = SoftmaxProblem::new(&[vec![0.0, 1.0], vec![1.0]], &[0, 1], &o);
    /// assert_eq!(ragged, Err(SoftmaxFitError::Ragged { row: 1, len: 1, expected: 2 }));
    /// assert_eq!(SoftmaxProblem::new(&[vec![0.0], vec![1.0]], &[0, 2], &o), Err(SoftmaxFitError::EmptyClass { class: 1 }));
    /// ```
    pub fn new(x: &[Vec<f64>], y: &[usize], options: &SoftmaxOptions) -> Result<SoftmaxProblem, SoftmaxFitError> {
        if x.len() != y.len() {
            return Err(SoftmaxFitError::LengthMismatch { x: x.len(), y: y.len() });
        }
        let Some(first) = x.first() else { return Err(SoftmaxFitError::Empty) };
        let d = first.len();
        if d == 0 {
            return Err(SoftmaxFitError::NoFeatures);
        }
        if let Some((row, r)) = x.iter().enumerate().find(|(_, r)| r.len() != d) {
            return Err(SoftmaxFitError::Ragged { row, len: r.len(), expected: d });
        }
        if let Some(row) = x.iter().position(|r| r.iter().any(|v| !v.is_finite())) {
            return Err(SoftmaxFitError::NonFinite { row });
        }
        let c = check_options(options)?;
        let k = classes(y)?;
        let n = x.len();
        let mut targets = Vec::with_capacity(n * k);
        for &label in y {
            let mut one_hot = vec![0.0; k];
            one_hot[label] = 1.0;
            targets.extend(smooth_categorical(&one_hot, options.label_smoothing));
        }
        Ok(SoftmaxProblem {
            x: x.concat(),
            n,
            d,
            k,
            labels: y.to_vec(),
            targets,
            c,
            label_smoothing: options.label_smoothing,
            gamma: options.gamma,
        })
    }

    /// N, the number of points.
    pub fn point_count(&self) -> usize {
        self.n
    }
    /// D, the number of features.
    pub fn features(&self) -> usize {
        self.d
    }
    /// K, the number of classes.
    pub fn classes(&self) -> usize {
        self.k
    }
    /// The options, with C = ∞ read as no penalty.
    pub fn options(&self) -> SoftmaxOptions {
        SoftmaxOptions { c: self.c, label_smoothing: self.label_smoothing, gamma: self.gamma }
    }
    /// Point `i`'s features.
    pub fn point(&self, i: usize) -> &[f64] {
        &self.x[i * self.d..(i + 1) * self.d]
    }
    /// Point `i`'s class.
    pub fn label(&self, i: usize) -> usize {
        self.labels[i]
    }
    /// Point `i`'s smoothed target `ỹ_i`.
    pub fn target(&self, i: usize) -> &[f64] {
        &self.targets[i * self.k..(i + 1) * self.k]
    }
    pub(super) fn gamma(&self) -> f64 {
        self.gamma
    }
    pub(super) fn penalty_c(&self) -> Option<f64> {
        self.c
    }

    /// Point `i`'s loss `l_i` under `model`: [`categorical_focal_loss`] of its
    /// smoothed target and logits.
    pub fn loss(&self, model: &SoftmaxModel, i: usize) -> f64 {
        categorical_focal_loss(self.target(i), &model.logits(self.point(i)), self.gamma)
    }

    /// The mean loss `Σ_i l_i / N` (no penalty).
    ///
    /// ```
    /// use losslab::core::softmax_fit::{SoftmaxModel, SoftmaxOptions, SoftmaxProblem};
    /// let p = SoftmaxProblem::new(&[vec![1.0], vec![2.0], vec![3.0]], &[0, 1, 2], &SoftmaxOptions::default()).unwrap();
    /// // Uniform probabilities: log 3 per point.
    /// assert!((p.mean_loss(&SoftmaxModel::zeros(3, 1)) - 3f64.ln()).abs() < 1e-15);
    /// ```
    pub fn mean_loss(&self, model: &SoftmaxModel) -> f64 {
        self.sum_of_losses(model) / self.n as f64
    }

    /// `Σ_i l_i`.
    fn sum_of_losses(&self, model: &SoftmaxModel) -> f64 {
        (0..self.n).map(|i| self.loss(model, i)).sum()
    }

    /// The penalty `‖W‖²/(2C)`; 0 without one.
    pub fn penalty(&self, model: &SoftmaxModel) -> f64 {
        self.c.map_or(0.0, |c| model.coef.iter().map(|w| w * w).sum::<f64>() / (2.0 * c))
    }

    /// The objective `F = Σ_i l_i + ‖W‖²/(2C)` that the fit minimises: the
    /// sum of the losses, as scikit-learn scales it.
    ///
    /// ```
    /// use losslab::core::softmax_fit::{SoftmaxModel, SoftmaxOptions, SoftmaxProblem};
    /// let p = SoftmaxProblem::new(&[vec![1.0], vec![2.0]], &[0, 1], &SoftmaxOptions::default()).unwrap();
    /// let m = SoftmaxModel { coef: vec![1.0, -1.0], intercept: vec![0.0, 0.0] };
    /// // log(1 + e^−2) + log(1 + e^4), plus (1² + 1²)/2.
    /// assert_eq!(format!("{:.6}", p.objective(&m)), "5.145078");
    /// ```
    pub fn objective(&self, model: &SoftmaxModel) -> f64 {
        self.sum_of_losses(model) + self.penalty(model)
    }

    /// The gradient of [`objective`](Self::objective) with respect to W and
    /// b, in a model's shape: `∂F/∂W_kd = Σ_i g_ik·x_id + W_kd/C`,
    /// `∂F/∂b_k = Σ_i g_ik`, where `g_i` is [`logit_derivatives`](super::logit_derivatives)'s gradient.
    ///
    /// ```
    /// use losslab::core::softmax_fit::{SoftmaxModel, SoftmaxOptions, SoftmaxProblem};
    /// let p = SoftmaxProblem::new(&[vec![1.0], vec![-1.0]], &[0, 1], &SoftmaxOptions::default()).unwrap();
    /// let g = p.gradient(&SoftmaxModel::zeros(2, 1));
    /// // p − y = (−½, ½) at x = 1 and (½, −½) at x = −1.
    /// assert_eq!((g.coef, g.intercept), (vec![-1.0, 1.0], vec![0.0, 0.0]));
    /// ```
    pub fn gradient(&self, model: &SoftmaxModel) -> SoftmaxModel {
        let (k, d) = (self.k, self.d);
        let mut grad = SoftmaxModel::zeros(k, d);
        let mut gz = vec![0.0; k];
        let mut scratch = Scratch::default();
        for i in 0..self.n {
            gz.iter_mut().for_each(|v| *v = 0.0);
            let x = self.point(i);
            add_logit_derivatives(self.target(i), &model.logits(x), self.gamma, &mut gz, None, &mut scratch);
            for (c, &g) in gz.iter().enumerate() {
                grad.intercept[c] += g;
                grad.coef[c * d..(c + 1) * d].iter_mut().zip(x).for_each(|(w, &xj)| *w += g * xj);
            }
        }
        if let Some(c) = self.c {
            grad.coef.iter_mut().zip(&model.coef).for_each(|(g, w)| *g += w / c);
        }
        grad
    }

    /// Per point: logits, probabilities, logit gap, loss, whether it is
    /// classified right.
    ///
    /// ```
    /// use losslab::core::softmax_fit::{SoftmaxModel, SoftmaxOptions, SoftmaxProblem};
    /// let p = SoftmaxProblem::new(&[vec![1.0], vec![1.0]], &[0, 1], &SoftmaxOptions::default()).unwrap();
    /// let m = SoftmaxModel { coef: vec![2.0, 0.0], intercept: vec![0.0, 0.0] };
    /// let pts = p.points(&m);
    /// assert_eq!((pts[0].logit_gap, pts[1].logit_gap), (2.0, -2.0));
    /// assert_eq!((pts[0].correct, pts[1].correct), (true, false));
    /// assert_eq!(format!("{:.4} {:.4}", pts[0].loss, pts[1].loss), "0.1269 2.1269");
    /// ```
    pub fn points(&self, model: &SoftmaxModel) -> Vec<SoftmaxPoint> {
        (0..self.n)
            .map(|i| {
                let logits = model.logits(self.point(i));
                let y = self.labels[i];
                let other = logits
                    .iter()
                    .enumerate()
                    .filter(|&(c, _)| c != y)
                    .map(|(_, &v)| v)
                    .fold(f64::NEG_INFINITY, f64::max);
                SoftmaxPoint {
                    proba: softmax(&logits),
                    logit_gap: logits[y] - other,
                    loss: categorical_focal_loss(self.target(i), &logits, self.gamma),
                    correct: first_max(&logits).0 == y,
                    logits,
                }
            })
            .collect()
    }

    /// The share of points whose predicted class is their class.
    ///
    /// ```
    /// use losslab::core::softmax_fit::{SoftmaxModel, SoftmaxOptions, SoftmaxProblem};
    /// let p = SoftmaxProblem::new(&[vec![-1.0], vec![1.0], vec![2.0]], &[0, 1, 0], &SoftmaxOptions::default()).unwrap();
    /// let m = SoftmaxModel { coef: vec![-1.0, 1.0], intercept: vec![0.0, 0.0] };
    /// assert_eq!(format!("{:.4}", p.accuracy(&m)), "0.6667");
    /// ```
    pub fn accuracy(&self, model: &SoftmaxModel) -> f64 {
        let right = (0..self.n).filter(|&i| model.predict(self.point(i)) == self.labels[i]).count();
        right as f64 / self.n as f64
    }

    /// The mean cross-entropy of the points' own classes, one-hot, whatever
    /// targets and γ the fit uses: what the page reports as the fit's loss
    /// and scikit-learn's `log_loss(y, proba)` computes.
    ///
    /// ```
    /// use losslab::core::softmax_fit::{SoftmaxModel, SoftmaxOptions, SoftmaxProblem};
    /// let smoothed = SoftmaxOptions { label_smoothing: 0.3, gamma: 2.0, ..SoftmaxOptions::default() };
    /// let p = SoftmaxProblem::new(&[vec![-1.0], vec![1.0]], &[0, 1], &smoothed).unwrap();
    /// let m = SoftmaxModel { coef: vec![-1.0, 1.0], intercept: vec![0.0, 0.0] };
    /// // p(own class) = σ(2) at both points.
    /// assert!((p.cross_entropy(&m) - (1.0 + (-2f64).exp()).ln()).abs() < 1e-15);
    /// ```
    pub fn cross_entropy(&self, model: &SoftmaxModel) -> f64 {
        let mut one_hot = vec![0.0; self.k];
        let total: f64 = (0..self.n)
            .map(|i| {
                one_hot.fill(0.0);
                one_hot[self.labels[i]] = 1.0;
                categorical_cross_entropy(&one_hot, &model.logits(self.point(i)))
            })
            .sum();
        total / self.n as f64
    }
}

/// C (None for no penalty or ∞), ε and γ checked.
fn check_options(o: &SoftmaxOptions) -> Result<Option<f64>, SoftmaxFitError> {
    if let Some(c) = o.c {
        if c.is_nan() || c <= 0.0 {
            return Err(SoftmaxFitError::NonPositiveC(c));
        }
    }
    if !(0.0..=1.0).contains(&o.label_smoothing) {
        return Err(SoftmaxFitError::LabelSmoothing(o.label_smoothing));
    }
    if !(0.0..=GAMMA_MAX).contains(&o.gamma) {
        return Err(SoftmaxFitError::Gamma(o.gamma));
    }
    Ok(o.c.filter(|c| c.is_finite()))
}

/// K = max(y) + 1, checked: at least two, each with a point.
fn classes(y: &[usize]) -> Result<usize, SoftmaxFitError> {
    let k = y.iter().max().map_or(0, |&m| m + 1);
    if k < 2 {
        return Err(SoftmaxFitError::TooFewClasses);
    }
    // N points fill at most N classes, so look no further than N + 1.
    let mut seen = vec![false; k.min(y.len() + 1)];
    for &label in y {
        if let Some(s) = seen.get_mut(label) {
            *s = true;
        }
    }
    match seen.iter().position(|&s| !s) {
        Some(class) => Err(SoftmaxFitError::EmptyClass { class }),
        None => Ok(k),
    }
}

/// Class labels read from numbers (as JSON gives them): each must be a whole
/// number ≥ 0.
///
/// ```
/// use losslab::core::softmax_fit::{class_labels, SoftmaxFitError};
/// assert_eq!(class_labels(&[0.0, 2.0, 1.0]), Ok(vec![0, 2, 1]));
/// assert_eq!(class_labels(&[0.0, 1.5]), Err(SoftmaxFitError::NotAClass { row: 1, value: 1.5 }));
/// ```
pub fn class_labels(y: &[f64]) -> Result<Vec<usize>, SoftmaxFitError> {
    // Whole numbers that a usize holds exactly on every target (wasm32 too).
    const LARGEST: f64 = u32::MAX as f64;
    y.iter()
        .enumerate()
        .map(|(row, &value)| {
            if (0.0..=LARGEST).contains(&value) && value.fract() == 0.0 {
                Ok(value as usize)
            } else {
                Err(SoftmaxFitError::NotAClass { row, value })
            }
        })
        .collect()
}
