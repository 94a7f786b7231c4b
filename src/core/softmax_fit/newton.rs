//! Minimising the objective: Newton's method with Levenberg damping and a
//! backtracking line search (the converged fit), and safeguarded steepest
//! descent (the animation). Both use the same gradient.

use super::derivatives::{add_logit_derivatives, Scratch};
use super::{SoftmaxFitError, SoftmaxModel, SoftmaxProblem};
use crate::core::losses::categorical_focal_loss;

/// Newton iterations before giving up; a fit from scratch takes about ten.
/// A focal objective (γ = 4.1) on features in the millions, held only by
/// C = 100, is so flat that it took 439 (`tests/softmax_properties.rs`).
const MAX_ITER: usize = 1000;

/// A damping λ this small leaves the step Newton's (the system's diagonal is
/// 1, see [`System`]). It is what a Hessian singular along some parameter
/// needs: a feature that is 0 everywhere, unpenalised, has no curvature.
const UNDAMPED: f64 = 1e-8;

/// W and b as one vector of parameters θ: class c's block is
/// `[W_c0·s_0 … W_c(D−1)·s_(D−1), b_c]`, at `c·(D + 1)`, where feature d is
/// measured in units of `s_d`.
struct Layout {
    k: usize,
    d: usize,
    /// `s_d` (and 1 for the intercept).
    scale: Vec<f64>,
}

impl Layout {
    /// Newton's parameters: each feature in units of its largest |x| (1 for
    /// a feature that is 0 everywhere), so that every x̃ is in [−1, 1]: the
    /// Hessian's `x̃_j·x̃_l` cannot overflow, and a step of θ moves a logit
    /// by at most its size.
    fn for_newton(problem: &SoftmaxProblem) -> Layout {
        let (k, d) = (problem.classes(), problem.features());
        let mut scale = vec![0.0_f64; d + 1];
        for i in 0..problem.point_count() {
            for (s, v) in scale.iter_mut().zip(problem.point(i)) {
                *s = s.max(v.abs());
            }
        }
        scale.iter_mut().filter(|s| **s == 0.0).for_each(|s| *s = 1.0);
        scale[d] = 1.0;
        Layout { k, d, scale }
    }

    /// W and b as they are: plain gradient descent.
    fn plain(problem: &SoftmaxProblem) -> Layout {
        let (k, d) = (problem.classes(), problem.features());
        Layout { k, d, scale: vec![1.0; d + 1] }
    }

    fn width(&self) -> usize {
        self.d + 1
    }

    /// How many reduced coordinates Newton moves: (K−1)·(D+1).
    fn reduced(&self) -> usize {
        (self.k - 1) * self.width()
    }

    /// The parameter of class K−1 in the column of reduced coordinate `a`.
    fn partner(&self, a: usize) -> usize {
        (self.k - 1) * self.width() + a % self.width()
    }

    /// A reduced step `s` over all parameters: `Σ s_a·(e_a − e_partner(a))`.
    fn full_step(&self, s: &[f64]) -> Vec<f64> {
        let mut step = vec![0.0; self.k * self.width()];
        for (a, &v) in s.iter().enumerate() {
            step[a] += v;
            step[self.partner(a)] -= v;
        }
        step
    }

    fn params(&self, m: &SoftmaxModel) -> Vec<f64> {
        let w = self.width();
        let mut theta = vec![0.0; self.k * w];
        for c in 0..self.k {
            for j in 0..self.d {
                theta[c * w + j] = m.coef[c * self.d + j] * self.scale[j];
            }
            theta[c * w + self.d] = m.intercept[c];
        }
        theta
    }

    fn model(&self, theta: &[f64]) -> SoftmaxModel {
        let w = self.width();
        let mut m = SoftmaxModel::zeros(self.k, self.d);
        for c in 0..self.k {
            for j in 0..self.d {
                m.coef[c * self.d + j] = theta[c * w + j] / self.scale[j];
            }
            m.intercept[c] = theta[c * w + self.d];
        }
        m
    }

    /// The largest change of a logit that `step` can make (Newton's
    /// parameters); NaN if the step has one.
    fn logit_size(&self, step: &[f64]) -> f64 {
        let w = self.width();
        let per_class = (0..self.k).map(|c| step[c * w..(c + 1) * w].iter().map(|v| v.abs()).sum::<f64>());
        per_class.fold(0.0, |a, v| if v.is_nan() || v > a { v } else { a })
    }

    /// The penalty's curvature `1/(C·s_j²)` of parameter p (0 for an intercept).
    fn penalty_curvature(&self, p: usize, c: f64) -> f64 {
        let j = p % self.width();
        if j == self.d {
            0.0
        } else {
            1.0 / self.scale[j] / self.scale[j] / c
        }
    }
}

/// The objective, and its gradient and Hessian over all parameters.
struct Local {
    value: f64,
    grad: Vec<f64>,
    hess: Vec<f64>,
}

/// `x̃_i = [x_i/s, 1]` and the logits `θ·x̃_i` of point `i`.
fn logits_at(problem: &SoftmaxProblem, layout: &Layout, theta: &[f64], i: usize, xt: &mut [f64], z: &mut [f64]) {
    let w = layout.width();
    for ((t, &x), &s) in xt.iter_mut().zip(problem.point(i)).zip(&layout.scale) {
        *t = x / s;
    }
    xt[layout.d] = 1.0;
    for (c, zc) in z.iter_mut().enumerate() {
        *zc = theta[c * w..(c + 1) * w].iter().zip(xt.iter()).map(|(a, b)| a * b).sum();
    }
}

/// `F(θ)`: each point's loss is [`categorical_focal_loss`], plus the penalty.
fn value(problem: &SoftmaxProblem, layout: &Layout, theta: &[f64]) -> f64 {
    let (mut xt, mut z) = (vec![0.0; layout.width()], vec![0.0; layout.k]);
    let mut f = 0.0;
    for i in 0..problem.point_count() {
        logits_at(problem, layout, theta, i, &mut xt, &mut z);
        f += categorical_focal_loss(problem.target(i), &z, problem.gamma());
    }
    f + penalty(problem, layout, theta)
}

/// `F` at W = 0, b = 0: every point's loss then depends only on its class,
/// so K evaluations of the loss give it.
fn flat_objective(problem: &SoftmaxProblem) -> f64 {
    let (k, n) = (problem.classes(), problem.point_count());
    let flat = vec![0.0; k];
    let mut per_class = vec![None; k];
    (0..n)
        .map(|i| {
            *per_class[problem.label(i)]
                .get_or_insert_with(|| categorical_focal_loss(problem.target(i), &flat, problem.gamma()))
        })
        .sum()
}

/// `‖W‖²/(2C)`: `Σ θ_p²·(1/(C·s²))/2`.
fn penalty(problem: &SoftmaxProblem, layout: &Layout, theta: &[f64]) -> f64 {
    problem
        .penalty_c()
        .map_or(0.0, |c| theta.iter().enumerate().map(|(p, t)| 0.5 * t * t * layout.penalty_curvature(p, c)).sum())
}

/// `F`, `∇F` and `∇²F` at θ, by the chain rule from each point's logit
/// derivatives: `∂F/∂θ_cj = Σ_i g_ic·x̃_ij`, `∂²F/∂θ_cj∂θ_ml = Σ_i H_i,cm·x̃_ij·x̃_il`.
fn local(problem: &SoftmaxProblem, layout: &Layout, theta: &[f64]) -> Local {
    let (k, w) = (layout.k, layout.width());
    let size = k * w;
    let (mut grad, mut hess) = (vec![0.0; size], vec![0.0; size * size]);
    let (mut xt, mut z) = (vec![0.0; w], vec![0.0; k]);
    let (mut gz, mut hz) = (vec![0.0; k], vec![0.0; k * k]);
    let mut scratch = Scratch::default();
    let mut f = 0.0;
    for i in 0..problem.point_count() {
        logits_at(problem, layout, theta, i, &mut xt, &mut z);
        let target = problem.target(i);
        f += categorical_focal_loss(target, &z, problem.gamma());
        gz.iter_mut().chain(hz.iter_mut()).for_each(|v| *v = 0.0);
        add_logit_derivatives(target, &z, problem.gamma(), &mut gz, Some(&mut hz), &mut scratch);
        for c in 0..k {
            for j in 0..w {
                grad[c * w + j] += gz[c] * xt[j];
            }
            // Upper blocks only (m ≥ c); the lower ones are mirrored below.
            for m in c..k {
                let h = hz[c * k + m];
                if h == 0.0 {
                    continue;
                }
                for j in 0..w {
                    let a = h * xt[j];
                    let row = (c * w + j) * size + m * w;
                    for (cell, &xl) in hess[row..row + w].iter_mut().zip(xt.iter()) {
                        *cell += a * xl;
                    }
                }
            }
        }
    }
    for c in 0..k {
        for m in c + 1..k {
            for j in 0..w {
                for l in 0..w {
                    hess[(m * w + l) * size + c * w + j] = hess[(c * w + j) * size + m * w + l];
                }
            }
        }
    }
    if let Some(c) = problem.penalty_c() {
        for p in 0..size {
            let curvature = layout.penalty_curvature(p, c);
            grad[p] += theta[p] * curvature;
            hess[p * size + p] += curvature;
        }
    }
    Local { value: f + penalty(problem, layout, theta), grad, hess }
}

/// Solves `A·s = b` for a symmetric positive definite `A` (n × n) by
/// Cholesky; `None` when `A` is not (numerically) positive definite.
fn cholesky_solve(a: &[f64], n: usize, b: &[f64]) -> Option<Vec<f64>> {
    let largest = (0..n).map(|i| a[i * n + i].abs()).fold(0.0, f64::max);
    let mut l = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..=i {
            let s = a[i * n + j] - (0..j).map(|m| l[i * n + m] * l[j * n + m]).sum::<f64>();
            if i == j {
                // NaN fails too.
                if s.is_nan() || s <= 1e-13 * largest {
                    return None;
                }
                l[i * n + i] = s.sqrt();
            } else {
                l[i * n + j] = s / l[j * n + j];
            }
        }
    }
    let mut y = vec![0.0; n];
    for i in 0..n {
        y[i] = (b[i] - (0..i).map(|m| l[i * n + m] * y[m]).sum::<f64>()) / l[i * n + i];
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        x[i] = (y[i] - (i + 1..n).map(|m| l[m * n + i] * x[m]).sum::<f64>()) / l[i * n + i];
    }
    Some(x)
}

/// Each column of θ (a feature, or the intercept) made to sum to 0 over the
/// classes. Softmax cannot see a shift common to every class, and the
/// penalty is smallest without one: the optimum has every column centred
/// (sum the conditions ∂F/∂W_kd = 0 over k), so Newton moves only among
/// centred parameters. Otherwise the data would leave the Hessian singular
/// along the shifts and only the penalty, 1/(C·s²), would hold them.
fn centre(layout: &Layout, theta: &mut [f64]) {
    let w = layout.width();
    for j in 0..w {
        let mean = (0..layout.k).map(|c| theta[c * w + j]).sum::<f64>() / layout.k as f64;
        for c in 0..layout.k {
            theta[c * w + j] -= mean;
        }
    }
}

/// The Newton system at θ among centred parameters (see [`centre`]), in
/// the basis `e_c − e_(K−1)` of each column, c < K−1: there the gradient is
/// `g_c − g_(K−1)` and the Hessian `H_cc' − H_c,K−1 − H_K−1,c' + H_K−1,K−1`.
/// It is kept as `D⁻¹·H·D⁻¹` and `D⁻¹·g` with `D = √diag(H)`, so that pivots
/// and damping are relative to each parameter's own curvature (Marquardt's
/// damping): that of a penalised weight of a feature in small units and that
/// of an intercept differ by many orders. A curvature that has all but
/// vanished (every point saturated) counts as 1e−12 of the largest.
struct System {
    /// F at θ.
    f: f64,
    /// The gradient, reduced.
    g: Vec<f64>,
    /// `D⁻¹·H·D⁻¹`, reduced.
    h: Vec<f64>,
    d: Vec<f64>,
}

impl System {
    fn at(problem: &SoftmaxProblem, layout: &Layout, theta: &[f64]) -> System {
        let Local { value, grad, hess } = local(problem, layout, theta);
        let (n, size) = (layout.reduced(), grad.len());
        let partner = |a: usize| layout.partner(a);
        let at = |p: usize, q: usize| hess[p * size + q];
        let g: Vec<f64> = (0..n).map(|a| grad[a] - grad[partner(a)]).collect();
        let h: Vec<f64> = (0..n * n)
            .map(|i| (i / n, i % n))
            .map(|(a, b)| at(a, b) - at(a, partner(b)) - at(partner(a), b) + at(partner(a), partner(b)))
            .collect();
        let top = (0..n).map(|i| h[i * n + i]).filter(|v| v.is_finite()).fold(0.0, f64::max);
        let d: Vec<f64> = (0..n).map(|i| if top > 0.0 { h[i * n + i].max(1e-12 * top).sqrt() } else { 1.0 }).collect();
        let h = (0..n * n).map(|i| h[i] / (d[i / n] * d[i % n])).collect();
        System { f: value, g, h, d }
    }

    /// The Newton step damped by λ, as a reduced step; `None` where
    /// `H + λ·D²` is not positive definite.
    fn step(&self, lambda: f64) -> Option<Vec<f64>> {
        let n = self.d.len();
        let mut damped = self.h.clone();
        (0..n).for_each(|i| damped[i * n + i] += lambda);
        let minus_g: Vec<f64> = self.g.iter().zip(&self.d).map(|(v, di)| -v / di).collect();
        let y = cholesky_solve(&damped, n, &minus_g)?;
        y.iter().all(|v| v.is_finite()).then(|| y.iter().zip(&self.d).map(|(v, di)| v / di).collect())
    }

    /// Whether the gradient is below what F can resolve: the decrease a
    /// step along each parameter could bring, `g²/(2H)`, under F's rounding.
    fn is_flat(&self) -> bool {
        let largest = self.g.iter().zip(&self.d).map(|(v, di)| (v / di).abs()).fold(0.0, f64::max);
        0.5 * largest * largest <= noise(self.f)
    }
}

/// What F can resolve: its rounding, relative to its size.
fn noise(f: f64) -> f64 {
    1e-12 * f.abs()
}

/// Backtracking along `step` from θ until F falls by a sufficient amount
/// (Armijo); the step taken and F there. When the full step lowers F by
/// more than a quadratic would (more than half the slope) F is an
/// exponential tail, where a Newton step gains only about one logit: it goes
/// on, doubling, while F keeps falling. Not where the gain is within F's
/// rounding: there "more than half the slope" is noise, and a doubled step
/// overshoots an optimum the full step had reached.
fn line_search(
    problem: &SoftmaxProblem,
    layout: &Layout,
    theta: &[f64],
    step: &[f64],
    f: f64,
    slope: f64,
) -> Option<(f64, f64)> {
    let at = |t: f64| value(problem, layout, &theta.iter().zip(step).map(|(a, b)| a + t * b).collect::<Vec<_>>());
    let mut t = 1.0;
    while t > 1e-10 {
        let ft = at(t);
        if ft <= f + 1e-4 * t * slope {
            let mut best = ft;
            if t == 1.0 && f - ft > 0.55 * -slope && f - ft > noise(f) {
                while t < 64.0 {
                    let further = at(2.0 * t);
                    if further.is_nan() || further >= best {
                        break;
                    }
                    (t, best) = (2.0 * t, further);
                }
            }
            return Some((t, best));
        }
        t *= 0.5;
    }
    None
}

/// The minimiser of the objective from `start`, and the iterations taken,
/// by Newton's method with Levenberg–Marquardt damping and a line search.
/// The caller has made sure a finite minimiser exists. It stops after a
/// Newton step too small to matter, or once F cannot tell a step's gain
/// from rounding (where F is that flat — a direction only a tiny penalty
/// holds — θ is no better determined).
pub(super) fn minimise(
    problem: &SoftmaxProblem,
    start: SoftmaxModel,
) -> Result<(SoftmaxModel, usize), SoftmaxFitError> {
    let layout = Layout::for_newton(problem);
    let mut theta = layout.params(&start);
    centre(&layout, &mut theta);
    if value(problem, &layout, &theta) > flat_objective(problem) {
        // A start worse than no model at all (say, logits in the millions,
        // where every point is saturated and Newton crawls): start flat.
        theta.iter_mut().for_each(|v| *v = 0.0);
    }
    let finish = |mut theta: Vec<f64>, iterations: usize| {
        // Centred already, up to rounding.
        centre(&layout, &mut theta);
        Ok((layout.model(&theta), iterations))
    };
    let plus =
        |theta: &[f64], step: &[f64], t: f64| theta.iter().zip(step).map(|(a, b)| a + t * b).collect::<Vec<f64>>();
    let mut lambda = 0.0_f64;
    for iter in 1..=MAX_ITER {
        let system = System::at(problem, &layout, &theta);
        let f = system.f;
        let reach = 1.0 + layout.logit_size(&theta);
        let mut accepted = None;
        for _ in 0..60 {
            if let Some(mut s) = system.step(lambda) {
                // Where points are saturated the curvature vanishes and the
                // step can be astronomically long: trust it for no more than
                // the logits already reach (and at least 8).
                let size = layout.logit_size(&layout.full_step(&s));
                let trust = reach.max(8.0);
                if size > trust {
                    s.iter_mut().for_each(|v| *v *= trust / size);
                }
                let slope: f64 = system.g.iter().zip(&s).map(|(a, b)| a * b).sum();
                let step = layout.full_step(&s);
                if lambda <= UNDAMPED && layout.logit_size(&step) <= 1e-10 * reach {
                    // A tiny undamped Newton step: quadratic convergence makes
                    // the point after it exact to working precision.
                    return finish(plus(&theta, &step, 1.0), iter);
                }
                if slope == 0.0 {
                    return finish(theta, iter);
                }
                if slope < 0.0 && lambda <= UNDAMPED && -slope <= noise(f) {
                    // The Newton decrement gᵀH⁻¹g is below what F can
                    // resolve: take the step unless F rises, and stop.
                    let next = plus(&theta, &step, 1.0);
                    if value(problem, &layout, &next) <= f + noise(f) {
                        return finish(next, iter);
                    }
                }
                if slope < 0.0 {
                    if let Some((t, lower)) = line_search(problem, &layout, &theta, &step, f, slope) {
                        accepted = Some((step, t, lower));
                        break;
                    }
                }
            }
            // Not positive definite here (focal loss is not convex) or no
            // decrease: lean towards gradient descent.
            lambda = (lambda * 4.0).max(1e-10);
        }
        let Some((step, t, lower)) = accepted else {
            // No step lowers F any more: the optimum to working precision,
            // if the gradient says so too.
            return if system.is_flat() {
                finish(theta, iter)
            } else {
                Err(SoftmaxFitError::NoConvergence { iterations: iter })
            };
        };
        theta = plus(&theta, &step, t);
        if !theta.iter().all(|v| v.is_finite()) {
            return Err(SoftmaxFitError::NoConvergence { iterations: iter });
        }
        if (t >= 1.0 && f - lower <= noise(f)) || t * layout.logit_size(&step) <= 1e-13 * reach {
            return finish(theta, iter);
        }
        lambda *= 0.1;
        if lambda < 1e-12 {
            lambda = 0.0;
        }
    }
    Err(SoftmaxFitError::NoConvergence { iterations: MAX_ITER })
}

/// One step of steepest descent with the step of the local quadratic model,
/// halved until the objective falls enough (see `SoftmaxProblem::gradient_step`).
pub(super) fn gradient_step(problem: &SoftmaxProblem, model: &SoftmaxModel) -> SoftmaxModel {
    let shaped = model.classes() == problem.classes() && model.coef.len() == problem.classes() * problem.features();
    if !shaped || !model.is_finite() {
        return model.clone();
    }
    let layout = Layout::plain(problem);
    let (k, w) = (layout.k, layout.width());
    let theta = layout.params(model);
    let f = problem.objective(model);
    let grad = layout.params(&problem.gradient(model));
    let gg: f64 = grad.iter().map(|v| v * v).sum();
    if !(gg > 0.0 && gg.is_finite()) {
        return model.clone();
    }
    // The curvature along −∇F: Σ_i Δz_iᵀ·H_i·Δz_i (+ the penalty's), Δz_i the
    // change of point i's logits along ∇F.
    let (mut xt, mut z, mut dz) = (vec![0.0; w], vec![0.0; k], vec![0.0; k]);
    let (mut gz, mut hz) = (vec![0.0; k], vec![0.0; k * k]);
    let mut scratch = Scratch::default();
    let mut curvature = problem
        .penalty_c()
        .map_or(0.0, |c| grad.iter().enumerate().map(|(p, g)| g * g * layout.penalty_curvature(p, c)).sum());
    let mut reach = problem.penalty_c().map_or(0.0, |c| 1.0 / c);
    for i in 0..problem.point_count() {
        logits_at(problem, &layout, &theta, i, &mut xt, &mut z);
        logits_at(problem, &layout, &grad, i, &mut xt, &mut dz);
        gz.iter_mut().chain(hz.iter_mut()).for_each(|v| *v = 0.0);
        add_logit_derivatives(problem.target(i), &z, problem.gamma(), &mut gz, Some(&mut hz), &mut scratch);
        curvature += (0..k).map(|c| dz[c] * (0..k).map(|m| hz[c * k + m] * dz[m]).sum::<f64>()).sum::<f64>();
        reach += xt.iter().map(|v| v * v).sum::<f64>();
    }
    // Where the objective curves down (focal loss is not convex), a first
    // try from a rough curvature scale, (1 + γ)·Σ‖x̃‖² (+ 1/C); halving does the rest.
    let mut t = if curvature > 0.0 { gg / curvature } else { 1.0 / ((1.0 + problem.gamma()) * reach) };
    for _ in 0..60 {
        let trial: Vec<f64> = theta.iter().zip(&grad).map(|(a, g)| a - t * g).collect();
        if value(problem, &layout, &trial) <= f - 1e-4 * t * gg {
            return layout.model(&trial);
        }
        t *= 0.5;
    }
    model.clone()
}
