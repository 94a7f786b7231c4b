//! Fitting: the converged optimum from scratch or from the previous answer,
//! and the animation's gradient step.

use super::{existence, newton, SoftmaxFitError, SoftmaxModel, SoftmaxOptions, SoftmaxProblem};

/// A converged fit.
#[derive(Clone, Debug, PartialEq)]
pub struct SoftmaxFit {
    /// W and b at the optimum; the intercepts are centred (they sum to 0),
    /// and so is each column of W (the penalty's optimum is; without a
    /// penalty, of the equally good answers the one closest to 0).
    pub model: SoftmaxModel,
    /// Newton iterations taken.
    pub iterations: usize,
    /// The mean loss `Σ_i l_i / N`, without the penalty (cross-entropy at γ = 0:
    /// scikit-learn's `log_loss` of the fit, for ε = 0).
    pub loss: f64,
    /// The objective minimised, `F = Σ_i l_i + ‖W‖²/(2C)`: the *sum* of the
    /// losses, as scikit-learn scales it (not the mean).
    pub objective: f64,
}

/// The converged fit of a softmax to points `x` (N rows of D features)
/// with class labels `y` (K = max(y) + 1 classes, each with a point): see
/// [`SoftmaxProblem::fit`].
///
/// ```
/// use losslab::core::softmax_fit::{fit_softmax, SoftmaxFitError, SoftmaxOptions};
/// let x = [vec![-2.0], vec![-1.0], vec![0.0], vec![0.5], vec![1.0], vec![2.0]];
/// let y = [0, 0, 1, 0, 1, 2];
/// let fit = fit_softmax(&x, &y, &SoftmaxOptions::default()).unwrap();
/// let shown = |v: &[f64]| v.iter().map(|v| format!("{v:.6}")).collect::<Vec<_>>().join(" ");
/// assert_eq!(shown(&fit.model.coef), "-0.778462 0.005733 0.772730");
/// assert_eq!(shown(&fit.model.intercept), "0.716450 0.330899 -1.047349");
/// // The mean loss, and the objective Σ l_i + ‖W‖²/(2C) it minimised.
/// assert_eq!(format!("{:.6} {:.6}", fit.loss, fit.objective), "0.641721 4.451902");
/// // Without a penalty, separable classes have no finite optimum.
/// let unpenalised = SoftmaxOptions { c: None, ..SoftmaxOptions::default() };
/// assert_eq!(fit_softmax(&x, &[0, 0, 1, 1, 2, 2], &unpenalised), Err(SoftmaxFitError::Separable));
/// ```
pub fn fit_softmax(x: &[Vec<f64>], y: &[usize], options: &SoftmaxOptions) -> Result<SoftmaxFit, SoftmaxFitError> {
    SoftmaxProblem::new(x, y, options)?.fit()
}

impl SoftmaxProblem {
    /// The converged optimum from W = 0, b = 0, by Newton's method with
    /// Levenberg damping and a backtracking line search. An error, never a
    /// loop, when there is no finite optimum.
    ///
    /// ```
    /// use losslab::core::softmax_fit::{SoftmaxOptions, SoftmaxProblem};
    /// let x = [vec![0.0, 0.0], vec![1.0, 0.2], vec![0.1, 1.0], vec![1.0, 1.0], vec![0.6, 0.4], vec![0.2, 0.3]];
    /// let p = SoftmaxProblem::new(&x, &[0, 1, 2, 1, 0, 2], &SoftmaxOptions::default()).unwrap();
    /// let fit = p.fit().unwrap();
    /// assert!(fit.model.intercept.iter().sum::<f64>().abs() < 1e-12);
    /// assert_eq!(format!("{:.6} {:.6}", fit.loss, fit.objective), "0.865212 5.793220");
    /// ```
    pub fn fit(&self) -> Result<SoftmaxFit, SoftmaxFitError> {
        self.refit(&SoftmaxModel::zeros(self.classes(), self.features()))
    }

    /// The converged optimum from `start` (the previous answer, after a
    /// point moved): a few Newton steps instead of a fit from scratch. A
    /// `start` of another shape, or not finite, is ignored (W = 0, b = 0).
    ///
    /// ```
    /// use losslab::core::softmax_fit::{SoftmaxOptions, SoftmaxProblem};
    /// let mut x = vec![vec![0.0, 0.0], vec![1.0, 0.2], vec![0.1, 1.0], vec![1.0, 1.0], vec![0.6, 0.4], vec![0.2, 0.3]];
    /// let y = [0, 1, 2, 1, 0, 2];
    /// let before = SoftmaxProblem::new(&x, &y, &SoftmaxOptions::default()).unwrap().fit().unwrap();
    /// x[4] = vec![0.7, 0.4];
    /// let moved = SoftmaxProblem::new(&x, &y, &SoftmaxOptions::default()).unwrap();
    /// let (warm, cold) = (moved.refit(&before.model).unwrap(), moved.fit().unwrap());
    /// assert!(warm.iterations < cold.iterations);
    /// assert!((warm.objective - cold.objective).abs() < 1e-12);
    /// ```
    pub fn refit(&self, start: &SoftmaxModel) -> Result<SoftmaxFit, SoftmaxFitError> {
        let options = self.options();
        if options.c.is_none() && options.label_smoothing == 0.0 && !existence::has_finite_optimum(self) {
            return Err(SoftmaxFitError::Separable);
        }
        let (k, d) = (self.classes(), self.features());
        let shaped = start.classes() == k && start.coef.len() == k * d && start.is_finite();
        let start = if shaped { start.clone() } else { SoftmaxModel::zeros(k, d) };
        let (model, iterations) = newton::minimise(self, start)?;
        Ok(SoftmaxFit { loss: self.mean_loss(&model), objective: self.objective(&model), model, iterations })
    }

    /// One step of gradient descent on the objective from `model`, for the
    /// page's animation: along `−∇F` by the step that minimises the local
    /// quadratic model (`‖∇F‖²/∇Fᵀ·H·∇F`), halved until the objective falls
    /// by a sufficient amount. The objective never rises, so the animation
    /// cannot diverge; it creeps, like gradient descent, where Newton jumps.
    ///
    /// ```
    /// use losslab::core::softmax_fit::{SoftmaxModel, SoftmaxOptions, SoftmaxProblem};
    /// let x = [vec![0.0, 0.0], vec![1.0, 0.2], vec![0.1, 1.0], vec![1.0, 1.0], vec![0.6, 0.4], vec![0.2, 0.3]];
    /// let p = SoftmaxProblem::new(&x, &[0, 1, 2, 1, 0, 2], &SoftmaxOptions::default()).unwrap();
    /// let mut m = SoftmaxModel::zeros(3, 2);
    /// let mut objectives = vec![p.objective(&m)];
    /// for _ in 0..3 {
    ///     m = p.gradient_step(&m);
    ///     objectives.push(p.objective(&m));
    /// }
    /// let shown: Vec<String> = objectives.iter().map(|f| format!("{f:.4}")).collect();
    /// assert_eq!(shown, ["6.5917", "6.0435", "5.8824", "5.8265"]);
    /// ```
    pub fn gradient_step(&self, model: &SoftmaxModel) -> SoftmaxModel {
        newton::gradient_step(self, model)
    }
}
