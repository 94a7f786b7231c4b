//! The logistic fit of the article: a sigmoid `p(y = 1 | x) = σ(coef·x + intercept)`
//! fitted to points, by Newton's method (IRLS) for the converged answer and by
//! plain gradient steps for the page's animation.

use std::fmt;

use super::activation::sigmoid;
use super::losses::{binary_cross_entropy, binary_focal_loss, FocalOptions};
use super::real::Dual;
use crate::i18n::{Lang, Message};
use crate::number::format;

/// A fitted sigmoid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sigmoid {
    pub coef: f64,
    pub intercept: f64,
}

impl Sigmoid {
    /// `p(y = 1 | x)`, stable for any `x`.
    ///
    /// ```
    /// use losslab::core::fit::Sigmoid;
    /// assert_eq!(Sigmoid { coef: 1.0, intercept: 0.0 }.proba(0.0), 0.5);
    /// ```
    pub fn proba(&self, x: f64) -> f64 {
        sigmoid(self.logit(x))
    }
    /// The logit `coef·x + intercept`.
    pub fn logit(&self, x: f64) -> f64 {
        self.coef * x + self.intercept
    }
}

/// Options of the fit, as scikit-learn's `LogisticRegression`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FitOptions {
    /// Inverse strength of the L2 penalty `½·coef²/C` (the intercept is not
    /// penalised). `None` = no penalty. Default `Some(1.0)`, as scikit-learn.
    pub c: Option<f64>,
}

impl Default for FitOptions {
    fn default() -> Self {
        FitOptions { c: Some(1.0) }
    }
}

/// How a fit starts and how much each point counts, as scikit-learn's
/// `fit(X, y, sample_weight)` and `warm_start`. The default is what
/// [`fit_logistic`] and [`fit_focal`] do: every point weighs 1, and Newton
/// starts cold.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FitWith<'a> {
    /// Per-point weights `sᵢ ≥ 0`: the objective becomes
    /// `½·coef²/C + Σ sᵢ·lossᵢ`. Default `None`: every point weighs 1.
    pub sample_weight: Option<&'a [f64]>,
    /// Start from this sigmoid, e.g. the optimum before one point moved,
    /// which Newton then corrects in two or three steps. The optimum is the
    /// same from any start. Default `None`: slope 0 and the intercept of the
    /// mean target (focal loss: the logistic optimum).
    pub warm_start: Option<Sigmoid>,
}

/// A converged fit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogisticFit {
    pub model: Sigmoid,
    /// Newton iterations taken.
    pub iterations: usize,
    /// The mean cross-entropy of the points under `model` (scikit-learn's
    /// `log_loss`), without the penalty.
    pub log_loss: f64,
}

/// Why a fit has no answer.
#[derive(Clone, Debug, PartialEq)]
pub enum FitError {
    /// No points.
    Empty,
    /// `x` and `y` differ in length.
    LengthMismatch { x: usize, y: usize },
    /// NaN or ±∞ in the input.
    NonFinite { what: &'static str },
    /// `sample_weight` and `x` differ in length.
    WeightLength { x: usize, weights: usize },
    /// A sample weight that is negative or not finite.
    BadWeight(f64),
    /// A target outside [0, 1].
    TargetOutOfRange(f64),
    /// `C ≤ 0` (or not a number).
    NonPositiveC(f64),
    /// γ < 0 or α outside [0, 1].
    BadFocalParameter { what: &'static str, value: f64 },
    /// The classes can be separated by a threshold (or there is only one), so
    /// the loss keeps falling as the sigmoid steepens: no finite optimum
    /// without regularisation.
    Separable,
    /// The intercept runs off to ±∞: every (weighted) target is on one side.
    OneClass,
    /// Every `x` is the same, so the slope is not determined without a penalty.
    NoSpread,
    /// The iteration did not settle (should not happen; reported rather than looping).
    NoConvergence { iterations: usize },
    /// The optimum was found, but its slope or intercept is not a finite number.
    RanOff,
}

impl FitError {
    /// Why there is no fit, in words from the word tables.
    pub fn message(&self) -> Message {
        let m = Message::new;
        match self {
            FitError::Empty => m("error.fit.empty"),
            FitError::LengthMismatch { x, y } => {
                m("error.fit.lengths").with("x", x.to_string()).with("y", y.to_string())
            }
            FitError::NonFinite { what } => m("error.fit.non-finite").with("what", *what),
            FitError::WeightLength { x, weights } => {
                m("error.fit.weight-length").with("x", x.to_string()).with("weights", weights.to_string())
            }
            FitError::BadWeight(w) => m("error.fit.weight").with("value", format::plain(*w)),
            FitError::TargetOutOfRange(v) => m("error.fit.target").with("value", format::plain(*v)),
            FitError::NonPositiveC(c) => m("error.fit.c").with("value", format::plain(*c)),
            FitError::BadFocalParameter { what, value } => {
                m("error.fit.focal").with("what", *what).with("value", format::plain(*value))
            }
            FitError::Separable => m("error.fit.separable"),
            FitError::OneClass => m("error.fit.one-class"),
            FitError::NoSpread => m("error.fit.no-spread"),
            FitError::NoConvergence { iterations } => m("error.fit.no-convergence").with("n", iterations.to_string()),
            FitError::RanOff => m("error.fit.ran-off"),
        }
    }
}

impl fmt::Display for FitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().text(Lang::En))
    }
}

impl std::error::Error for FitError {}

fn validate(x: &[f64], y: &[f64], opts: &FitOptions) -> Result<(), FitError> {
    if x.len() != y.len() {
        return Err(FitError::LengthMismatch { x: x.len(), y: y.len() });
    }
    if x.is_empty() {
        return Err(FitError::Empty);
    }
    if x.iter().any(|v| !v.is_finite()) {
        return Err(FitError::NonFinite { what: "x" });
    }
    if let Some(&bad) = y.iter().find(|v| !(0.0..=1.0).contains(*v)) {
        return Err(if bad.is_finite() {
            FitError::TargetOutOfRange(bad)
        } else {
            FitError::NonFinite { what: "y_true" }
        });
    }
    if let Some(c) = opts.c {
        // NaN fails this test too.
        if c.is_nan() || c <= 0.0 {
            return Err(FitError::NonPositiveC(c));
        }
    }
    Ok(())
}

/// The weights, checked: as many as points, each finite and ≥ 0.
fn validate_weights(n: usize, weights: Option<&[f64]>) -> Result<Option<&[f64]>, FitError> {
    let Some(w) = weights else { return Ok(None) };
    if w.len() != n {
        return Err(FitError::WeightLength { x: n, weights: w.len() });
    }
    match w.iter().find(|s| !(s.is_finite() && **s >= 0.0)) {
        Some(&bad) => Err(FitError::BadWeight(bad)),
        None => Ok(Some(w)),
    }
}

/// Whether the loss has no finite minimiser: some direction of (coef,
/// intercept) makes every point with a nonzero weight at least as well
/// classified. Along a direction whose logits `dᵢ` satisfy `dᵢ > 0 ⇒ yᵢ = 1`
/// and `dᵢ < 0 ⇒ yᵢ = 0` the loss falls forever.
fn check_existence(x: &[f64], y: &[f64], active: &[bool], penalised: bool) -> Result<(), FitError> {
    let pts: Vec<(f64, f64)> = x.iter().zip(y).zip(active).filter(|(_, &a)| a).map(|((&x, &y), _)| (x, y)).collect();
    if pts.is_empty() || pts.iter().all(|p| p.1 >= 1.0) || pts.iter().all(|p| p.1 <= 0.0) {
        return Err(FitError::OneClass);
    }
    if penalised {
        return Ok(());
    }
    let (lo, hi) = pts.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), p| (l.min(p.0), h.max(p.0)));
    if lo == hi {
        return Err(FitError::NoSpread);
    }
    let max_where =
        |pred: &dyn Fn(f64) -> bool| pts.iter().filter(|p| pred(p.1)).map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    let min_where =
        |pred: &dyn Fn(f64) -> bool| pts.iter().filter(|p| pred(p.1)).map(|p| p.0).fold(f64::INFINITY, f64::min);
    // Rising sigmoid: every not-surely-1 point left of every maybe-1 point.
    let rising = max_where(&|y| y < 1.0) <= min_where(&|y| y > 0.0);
    // Falling sigmoid: the mirror image.
    let falling = max_where(&|y| y > 0.0) <= min_where(&|y| y < 1.0);
    if rising || falling {
        Err(FitError::Separable)
    } else {
        Ok(())
    }
}

/// Newton's method with Levenberg damping and a backtracking line search on
/// `½·w²/C + Σ fᵢ(w·xᵢ + b)`, where `point(i, z)` gives `fᵢ`, `fᵢ'`, `fᵢ''`
/// and `value(i, z)` the same `fᵢ` alone (the line search needs no
/// derivatives, and for focal loss they cost most of the time).
/// Stops when the Newton step is below 1e-13 relative, which is past f64's
/// resolution of the optimum for these objectives.
fn newton(
    x: &[f64],
    c: Option<f64>,
    start: Sigmoid,
    point: impl Fn(usize, f64) -> (f64, f64, f64),
    value: impl Fn(usize, f64) -> f64,
) -> Result<(Sigmoid, usize), FitError> {
    const MAX_ITER: usize = 500;
    let inv_c = c.map_or(0.0, |c| 1.0 / c);
    let eval = |w: f64, b: f64| -> (f64, [f64; 2], [f64; 3]) {
        let (mut f, mut gw, mut gb, mut hww, mut hwb, mut hbb) = (0.5 * w * w * inv_c, w * inv_c, 0.0, inv_c, 0.0, 0.0);
        for (i, &xi) in x.iter().enumerate() {
            let (fi, d1, d2) = point(i, w * xi + b);
            f += fi;
            gw += d1 * xi;
            gb += d1;
            hww += d2 * xi * xi;
            hwb += d2 * xi;
            hbb += d2;
        }
        (f, [gw, gb], [hww, hwb, hbb])
    };
    let value = |w: f64, b: f64| -> f64 {
        0.5 * w * w * inv_c + x.iter().enumerate().map(|(i, &xi)| value(i, w * xi + b)).sum::<f64>()
    };
    let (mut w, mut b) = (start.coef, start.intercept);
    let mut lambda = 0.0_f64;
    // Full steps taken in a row whose promised decrease was lost in rounding.
    let mut in_rounding = 0;
    for iter in 1..=MAX_ITER {
        let (f, g, h) = eval(w, b);
        let scale = h[0].abs().max(h[2].abs()).max(1e-300);
        let mut accepted = None;
        let mut rounding = false;
        for _ in 0..80 {
            let (a, off, d) = (h[0] + lambda, h[1], h[2] + lambda);
            let det = a * d - off * off;
            let step = if det > 1e-14 * a.abs().max(d.abs()).powi(2) && a > 0.0 {
                Some([-(d * g[0] - off * g[1]) / det, -(a * g[1] - off * g[0]) / det])
            } else {
                None
            };
            match step {
                // A tiny undamped Newton step: quadratic convergence makes the
                // point after it exact to working precision, and a line search
                // would only measure rounding noise in the objective.
                Some(s) if lambda == 0.0 && s[0].abs().max(s[1].abs()) <= 1e-10 * (1.0 + w.abs().max(b.abs())) => {
                    return Ok((Sigmoid { coef: w + s[0], intercept: b + s[1] }, iter));
                }
                // Close to the optimum the decrease a Newton step promises,
                // −slope/2, is lost in the rounding of the objective itself:
                // comparing values would only measure noise (and stall with a
                // gradient of 1e-9 on flat focal objectives). There Newton
                // converges quadratically: take the full step.
                Some(s) if lambda == 0.0 && (-1e-12 * (1.0 + f.abs())..0.0).contains(&(g[0] * s[0] + g[1] * s[1])) => {
                    accepted = Some((s[0], s[1]));
                    rounding = true;
                    break;
                }
                Some(s) if g[0] * s[0] + g[1] * s[1] < 0.0 => {
                    let slope = g[0] * s[0] + g[1] * s[1];
                    let mut t = 1.0;
                    while t > 1e-12 {
                        let fnew = value(w + t * s[0], b + t * s[1]);
                        if fnew <= f + 1e-4 * t * slope {
                            accepted = Some((t * s[0], t * s[1]));
                            break;
                        }
                        t *= 0.5;
                    }
                    if accepted.is_some() {
                        break;
                    }
                }
                Some(s) if g[0] * s[0] + g[1] * s[1] == 0.0 => {
                    // A zero gradient: at the optimum.
                    accepted = Some((0.0, 0.0));
                    break;
                }
                _ => {}
            }
            // Not a descent direction (the Hessian is not positive definite
            // here) or no decrease: lean towards gradient descent.
            lambda = (lambda * 4.0).max(1e-10 * scale);
        }
        let Some((dw, db)) = accepted else {
            // No step decreases the objective any more: we are at the
            // optimum to working precision.
            return Ok((Sigmoid { coef: w, intercept: b }, iter));
        };
        w += dw;
        b += db;
        // Quadratic convergence is done within a step or two of reaching
        // this regime; after that the steps only chase the rounding of the
        // gradient (where the Hessian is nearly singular, back and forth
        // between two points for ever).
        in_rounding = if rounding { in_rounding + 1 } else { 0 };
        if in_rounding == 3 {
            return Ok((Sigmoid { coef: w, intercept: b }, iter));
        }
        lambda *= 0.1;
        if lambda < 1e-12 * scale {
            lambda = 0.0;
        }
        let size = dw.abs().max(db.abs());
        if size <= 1e-13 * (1.0 + w.abs().max(b.abs())) {
            return Ok((Sigmoid { coef: w, intercept: b }, iter));
        }
        if !w.is_finite() || !b.is_finite() {
            return Err(FitError::NoConvergence { iterations: iter });
        }
    }
    Err(FitError::NoConvergence { iterations: MAX_ITER })
}

/// A starting point: slope 0, the intercept of the mean target.
fn start(y: &[f64]) -> Sigmoid {
    let m = (y.iter().sum::<f64>() / y.len() as f64).clamp(1e-6, 1.0 - 1e-6);
    Sigmoid { coef: 0.0, intercept: (m / (1.0 - m)).ln() }
}

/// [`start`] with weights: the intercept of the weighted mean target.
fn weighted_start(y: &[f64], weights: Option<&[f64]>) -> Sigmoid {
    let Some(w) = weights else { return start(y) };
    let total: f64 = w.iter().sum();
    if total <= 0.0 {
        return start(y);
    }
    let m = (y.iter().zip(w).map(|(y, s)| y * s).sum::<f64>() / total).clamp(1e-6, 1.0 - 1e-6);
    Sigmoid { coef: 0.0, intercept: (m / (1.0 - m)).ln() }
}

/// The warm start when it is a finite sigmoid.
fn warm(with: &FitWith) -> Option<Sigmoid> {
    with.warm_start.filter(|s| s.coef.is_finite() && s.intercept.is_finite())
}

/// Which points count: a weight above 0 (every point without weights).
fn weighed(n: usize, weights: Option<&[f64]>) -> Vec<bool> {
    weights.map_or_else(|| vec![true; n], |w| w.iter().map(|&s| s > 0.0).collect())
}

/// A fit whose optimum was found, with its log loss; an error if the
/// optimum is not a finite sigmoid.
fn finished(model: Sigmoid, iterations: usize, x: &[f64], y: &[f64]) -> Result<LogisticFit, FitError> {
    if !(model.coef.is_finite() && model.intercept.is_finite()) {
        return Err(FitError::RanOff);
    }
    Ok(LogisticFit { model, iterations, log_loss: log_loss(model, x, y) })
}

/// The mean cross-entropy of the points under `model` (no penalty).
pub fn log_loss(model: Sigmoid, x: &[f64], y: &[f64]) -> f64 {
    x.iter().zip(y).map(|(&xi, &yi)| binary_cross_entropy(yi, model.logit(xi))).sum::<f64>() / x.len().max(1) as f64
}

/// The converged optimum of scikit-learn's objective `½·coef²/C + Σ log-lossᵢ`
/// (intercept not penalised; `C = None`: no penalty), by Newton/IRLS with step
/// halving. `y` may be soft targets in [0, 1] (label smoothing).
///
/// ```
/// use losslab::core::fit::{fit_logistic, FitOptions, FitError};
/// let x = [-2.2, -1.4, -0.8, 0.2, 0.4, 0.8, 1.2, 2.2, 2.9, 4.6];
/// let y = [0., 0., 1., 0., 1., 1., 1., 1., 1., 1.];
/// let fit = fit_logistic(&x, &y, &FitOptions::default()).unwrap();
/// assert_eq!(format!("{:.7} {:.7} {:.4}", fit.model.coef, fit.model.intercept, fit.log_loss), "0.9719345 0.6555359 0.3329");
/// let free = fit_logistic(&x, &y, &FitOptions { c: None }).unwrap();
/// assert_eq!(format!("{:.7} {:.7}", free.model.coef, free.model.intercept), "1.6424259 0.8028358");
/// // Separable points have no finite unregularised optimum.
/// assert_eq!(fit_logistic(&[0., 1.], &[0., 1.], &FitOptions { c: None }), Err(FitError::Separable));
/// ```
pub fn fit_logistic(x: &[f64], y: &[f64], opts: &FitOptions) -> Result<LogisticFit, FitError> {
    fit_logistic_with(x, y, opts, &FitWith::default())
}

/// [`fit_logistic`] with per-point weights and a warm start: the optimum of
/// `½·coef²/C + Σ sᵢ·log-lossᵢ` (scikit-learn's `sample_weight`; its
/// `class_weight` is [`class_weight::balanced`](super::class_weight::balanced)
/// as weights). Points of weight 0 are left out. The fit's `log_loss` is
/// still the plain mean over every point.
///
/// ```
/// use losslab::core::fit::{fit_logistic, fit_logistic_with, FitOptions, FitWith};
/// let (x, y) = ([-2.0, -1.0, 0.5, 1.0, 2.0], [0., 1., 0., 1., 1.]);
/// let o = FitOptions::default();
/// // Weight 2 on a point is the point counted twice.
/// let weighted = fit_logistic_with(&x, &y, &o, &FitWith { sample_weight: Some(&[1., 2., 1., 1., 1.]), ..FitWith::default() }).unwrap();
/// let doubled = fit_logistic(&[-2.0, -1.0, -1.0, 0.5, 1.0, 2.0], &[0., 1., 1., 0., 1., 1.], &o).unwrap();
/// assert!((weighted.model.coef - doubled.model.coef).abs() < 1e-12);
/// // A warm start reaches the same optimum, in fewer steps.
/// let cold = fit_logistic(&x, &y, &o).unwrap();
/// let near = fit_logistic_with(&x, &y, &o, &FitWith { warm_start: Some(cold.model), ..FitWith::default() }).unwrap();
/// assert!((near.model.coef - cold.model.coef).abs() < 1e-12 && near.iterations < cold.iterations);
/// ```
pub fn fit_logistic_with(x: &[f64], y: &[f64], opts: &FitOptions, with: &FitWith) -> Result<LogisticFit, FitError> {
    validate(x, y, opts)?;
    let weights = validate_weights(x.len(), with.sample_weight)?;
    // C = ∞ is no penalty.
    let opts = &FitOptions { c: opts.c.filter(|c| c.is_finite()) };
    check_existence(x, y, &weighed(x.len(), weights), opts.c.is_some())?;
    let from = warm(with).unwrap_or_else(|| weighted_start(y, weights));
    let weight = |i: usize| weights.map_or(1.0, |w| w[i]);
    let (model, iterations) = newton(
        x,
        opts.c,
        from,
        |i, z| {
            let p = sigmoid(z);
            let s = weight(i);
            (s * binary_cross_entropy(y[i], z), s * (p - y[i]), s * (p * (1.0 - p)))
        },
        |i, z| weight(i) * binary_cross_entropy(y[i], z),
    )?;
    finished(model, iterations, x, y)
}

/// The mean objective `(½·coef²/C + Σ log-lossᵢ) / n` that the animation descends.
///
/// ```
/// use losslab::core::fit::{mean_objective, FitOptions, Sigmoid};
/// let flat = Sigmoid { coef: 0.0, intercept: 0.0 };
/// assert!((mean_objective(flat, &[1.0, 2.0], &[0.0, 1.0], &FitOptions::default()) - 2f64.ln()).abs() < 1e-15);
/// ```
pub fn mean_objective(model: Sigmoid, x: &[f64], y: &[f64], opts: &FitOptions) -> f64 {
    let n = x.len().min(y.len()).max(1) as f64;
    let penalty = opts.c.map_or(0.0, |c| 0.5 * model.coef * model.coef / c);
    let data: f64 = x.iter().zip(y).map(|(&xi, &yi)| binary_cross_entropy(yi, model.logit(xi))).sum();
    (penalty + data) / n
}

/// One plain gradient step on [`mean_objective`]: `θ ← θ − learning_rate·∇`.
///
/// ```
/// use losslab::core::fit::{gradient_step, mean_objective, FitOptions, Sigmoid};
/// let (x, y) = ([-1.0, 0.5, 2.0], [0.0, 1.0, 1.0]);
/// let o = FitOptions::default();
/// let m0 = Sigmoid { coef: 0.0, intercept: 0.0 };
/// let m1 = gradient_step(m0, &x, &y, &o, 0.5);
/// assert!(mean_objective(m1, &x, &y, &o) < mean_objective(m0, &x, &y, &o));
/// ```
pub fn gradient_step(model: Sigmoid, x: &[f64], y: &[f64], opts: &FitOptions, learning_rate: f64) -> Sigmoid {
    let n = x.len().min(y.len()).max(1) as f64;
    let (mut gw, mut gb) = (opts.c.map_or(0.0, |c| model.coef / c), 0.0);
    for (&xi, &yi) in x.iter().zip(y) {
        let r = model.proba(xi) - yi;
        gw += r * xi;
        gb += r;
    }
    Sigmoid { coef: model.coef - learning_rate * gw / n, intercept: model.intercept - learning_rate * gb / n }
}

/// The converged fit under binary focal loss: minimises
/// `½·coef²/C + Σ FLᵢ` (the same scaling as [`fit_logistic`], so γ = 0 without
/// class balancing gives the logistic fit), FL being [`binary_focal_loss`].
/// Converges for γ in 0..=5; fails with a [`FitError`] (never loops) when no
/// finite optimum exists.
///
/// ```
/// use losslab::core::fit::{fit_focal, fit_logistic, FitOptions};
/// use losslab::core::losses::FocalOptions;
/// let x = [-2.2, -1.4, -0.8, 0.2, 0.4, 0.8, 1.2, 2.2, 2.9, 4.6];
/// let y = [0., 0., 1., 0., 1., 1., 1., 1., 1., 1.];
/// let o = FitOptions::default();
/// let plain = fit_logistic(&x, &y, &o).unwrap();
/// let same = fit_focal(&x, &y, &FocalOptions { gamma: 0.0, ..FocalOptions::default() }, &o).unwrap();
/// assert!((plain.model.coef - same.model.coef).abs() < 1e-9);
/// let focal = fit_focal(&x, &y, &FocalOptions::default(), &o).unwrap();
/// assert!(focal.model.coef.is_finite());
/// ```
pub fn fit_focal(x: &[f64], y: &[f64], focal: &FocalOptions, opts: &FitOptions) -> Result<LogisticFit, FitError> {
    fit_focal_with(x, y, focal, opts, &FitWith::default())
}

/// [`fit_focal`] with per-point weights (`½·coef²/C + Σ sᵢ·FLᵢ`) and a warm
/// start (by default it starts from the logistic optimum).
///
/// ```
/// use losslab::core::fit::{fit_focal, fit_focal_with, FitOptions, FitWith};
/// use losslab::core::losses::FocalOptions;
/// let (x, y) = ([-2.0, -1.0, 0.5, 1.0, 2.0], [0., 1., 0., 1., 1.]);
/// let (f, o) = (FocalOptions::default(), FitOptions::default());
/// let cold = fit_focal(&x, &y, &f, &o).unwrap();
/// let near = fit_focal_with(&x, &y, &f, &o, &FitWith { warm_start: Some(cold.model), ..FitWith::default() }).unwrap();
/// assert!((near.model.coef - cold.model.coef).abs() < 1e-12);
/// ```
pub fn fit_focal_with(
    x: &[f64],
    y: &[f64],
    focal: &FocalOptions,
    opts: &FitOptions,
    with: &FitWith,
) -> Result<LogisticFit, FitError> {
    validate(x, y, opts)?;
    let weights = validate_weights(x.len(), with.sample_weight)?;
    let opts = &FitOptions { c: opts.c.filter(|c| c.is_finite()) };
    if !(focal.gamma >= 0.0 && focal.gamma.is_finite()) {
        return Err(FitError::BadFocalParameter { what: "gamma", value: focal.gamma });
    }
    if focal.apply_class_balancing && !(0.0..=1.0).contains(&focal.alpha) {
        return Err(FitError::BadFocalParameter { what: "alpha", value: focal.alpha });
    }
    let counted = weighed(x.len(), weights);
    let active: Vec<bool> = y.iter().zip(&counted).map(|(&yi, &c)| c && focal.alpha_t(yi) > 0.0).collect();
    check_existence(x, y, &active, opts.c.is_some())?;
    // Start from the logistic optimum of the same data (with a penalty, so it
    // always exists): focal loss reshapes the fit, it does not move it far.
    let from = warm(with).unwrap_or_else(|| {
        let plain = FitWith { sample_weight: weights, warm_start: None };
        fit_logistic_with(x, y, &FitOptions { c: Some(opts.c.unwrap_or(1e4)) }, &plain)
            .map(|f| f.model)
            .unwrap_or(weighted_start(y, weights))
    });
    let weight = |i: usize| weights.map_or(1.0, |w| w[i]);
    let (model, iterations) = newton(
        x,
        opts.c,
        from,
        |i, z| {
            // Second-order dual: value, first and second derivative in one pass.
            let zz = Dual { v: Dual::variable(z), d: Dual::constant(1.0) };
            let f = binary_focal_loss(Dual::constant(Dual::constant(y[i])), zz, focal);
            let s = weight(i);
            (s * f.v.v, s * f.v.d, s * f.d.d)
        },
        // The same value in plain f64: the dual's value part is computed by
        // the very same operations, so the two agree bit for bit.
        |i, z| weight(i) * binary_focal_loss(y[i], z, focal),
    )?;
    finished(model, iterations, x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn infinite_c_is_no_penalty() {
        let x = [-2.2, -1.4, -0.8, 0.2, 0.4, 0.8, 1.2, 2.2, 2.9, 4.6];
        let y = [0., 0., 1., 0., 1., 1., 1., 1., 1., 1.];
        let a = fit_logistic(&x, &y, &FitOptions { c: Some(f64::INFINITY) }).unwrap();
        let b = fit_logistic(&x, &y, &FitOptions { c: None }).unwrap();
        assert_eq!(a.model, b.model);
    }

    #[test]
    fn bad_inputs_are_errors() {
        assert_eq!(fit_logistic(&[], &[], &FitOptions::default()), Err(FitError::Empty));
        assert_eq!(fit_logistic(&[1.0], &[], &FitOptions::default()), Err(FitError::LengthMismatch { x: 1, y: 0 }));
        assert_eq!(fit_logistic(&[f64::NAN], &[1.0], &FitOptions::default()), Err(FitError::NonFinite { what: "x" }));
        assert_eq!(
            fit_logistic(&[1.0, 2.0], &[0.0, 1.0], &FitOptions { c: Some(0.0) }),
            Err(FitError::NonPositiveC(0.0))
        );
        assert_eq!(fit_logistic(&[1.0, 1.0], &[0.0, 1.0], &FitOptions { c: None }), Err(FitError::NoSpread));
    }

    #[test]
    fn soft_targets_of_separable_points_have_an_optimum() {
        // Label smoothing makes separable data fittable without a penalty.
        let x = [-2.0, -1.0, 1.0, 2.0];
        let y = [0.1, 0.1, 0.9, 0.9];
        let f = fit_logistic(&x, &y, &FitOptions { c: None }).unwrap();
        assert!(f.model.coef.is_finite() && f.model.coef > 0.0);
    }
}
