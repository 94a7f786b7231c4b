//! The first and second derivatives of one sample's loss with respect to its
//! K logits: written out (what the fit runs), and from nested [`Dual`]
//! numbers run through [`categorical_focal_loss`] itself (what the tests hold
//! the written-out form to).
//!
//! The loss of a sample is `l(z) = −Σ_k y_k·f(p_k)` with `f(p) = (1 − p)^γ·log p`
//! and `p = softmax(z)`. With `u_k = e_k − p` (so `∇p_k = p_k·u_k`) and
//! `Σ_p = diag(p) − p·pᵀ` (the softmax Jacobian), the chain rule gives
//!
//! ```text
//! ∇l  = −Σ_k y_k·φ_k·u_k                     φ = p·f'(p)
//! ∇²l =  S·Σ_p − Σ_k y_k·χ_k·u_k·u_kᵀ         χ = p·φ'(p),  S = Σ_k y_k·φ_k
//! ```
//!
//! and with `q = 1 − p`, `ρ = −log p / q` (≥ 1, the slope of `−log` between p and 1):
//!
//! ```text
//! φ = q^γ·(1 + γ·p·ρ)
//! χ·q² = γ·p·q^(γ+1)·(q·ρ − 2 − (γ − 1)·p·ρ)
//! ```
//!
//! Written this way nothing overflows or cancels where a point is classified
//! with certainty: `χ` alone grows like `q^(γ−1)` (unbounded for γ < 1), but it
//! only ever appears as `χ·q²` times the bounded `u/q`. Dual numbers through
//! the loss itself take `(1 − p)^(γ−1)` literally and give ∞ or NaN once `p`
//! rounds to 1, and they need K(K+1)/2 passes per sample for the Hessian:
//! for six classes about twenty times the closed form's time, 2–6 ms per
//! Newton step on 300 points where the page has a 16 ms frame for everything.
//! At γ = 0 the formulas are cross-entropy's `p − y` and `Σ_p`.

use crate::core::activation::{log_softmax, softmax};
use crate::core::losses::categorical_focal_loss;
use crate::core::real::Dual;

/// The gradient (K) and Hessian (K × K, row-major) of one sample's loss
/// `categorical_focal_loss(y, z, γ)` with respect to its logits `z`, in
/// closed form, stable for any finite logits (see the module notes). `y` are
/// the sample's (smoothed) targets.
///
/// ```
/// use losslab::core::softmax_fit::logit_derivatives;
/// // Cross-entropy: p − y and diag(p) − p·pᵀ.
/// let (g, h) = logit_derivatives(&[1.0, 0.0], &[0.0, 0.0], 0.0);
/// assert_eq!(g, vec![-0.5, 0.5]);
/// assert_eq!(h, vec![0.25, -0.25, -0.25, 0.25]);
/// // Focal loss, γ = 2, a right point at p = σ(4): 2p(1−p)²·log p − (1−p)³,
/// // a thousandth of cross-entropy's pull 1 − p = 0.018.
/// let (g, _) = logit_derivatives(&[1.0, 0.0], &[4.0, 0.0], 2.0);
/// assert_eq!(format!("{:.4e}", g[0]), "-1.7351e-5");
/// ```
pub fn logit_derivatives(y: &[f64], z: &[f64], gamma: f64) -> (Vec<f64>, Vec<f64>) {
    let k = z.len();
    let mut grad = vec![0.0; k];
    let mut hess = vec![0.0; k * k];
    add_logit_derivatives(y, z, gamma, &mut grad, Some(&mut hess), &mut Scratch::default());
    (grad, hess)
}

/// Per-class working space of [`add_logit_derivatives`], kept between
/// points so that the fit's inner loop does not allocate it each time.
#[derive(Default)]
pub(super) struct Scratch {
    q: Vec<f64>,
    a: Vec<f64>,
    kappa: Vec<f64>,
    u: Vec<f64>,
}

/// Adds the gradient (and, when asked, the Hessian) of one sample's loss to
/// `grad` and `hess`: the fit's inner loop.
pub(super) fn add_logit_derivatives(
    y: &[f64],
    z: &[f64],
    gamma: f64,
    grad: &mut [f64],
    hess: Option<&mut [f64]>,
    scratch: &mut Scratch,
) {
    let k = z.len();
    let p = softmax(z);
    let Scratch { q, a, kappa, u } = scratch;
    q.clear();
    q.extend((0..k).map(|c| one_minus(&p, c)));
    // a_c = y_c·φ_c; κ_c = y_c·χ_c·q_c²; the Hessian's rank-one parts use u_c/q_c.
    a.clear();
    kappa.clear();
    kappa.resize(k, 0.0);
    if gamma == 0.0 {
        a.extend_from_slice(y);
    } else {
        a.resize(k, 0.0);
        let log_p = log_softmax(z);
        for c in (0..k).filter(|&c| y[c] != 0.0) {
            let (pc, qc) = (p[c], q[c]);
            let rho = slope_of_neg_log(qc, log_p[c]);
            let q_gamma = power(qc, gamma);
            a[c] = y[c] * q_gamma * (1.0 + gamma * pc * rho);
            kappa[c] = y[c] * gamma * pc * q_gamma * qc * (qc * rho - 2.0 - (gamma - 1.0) * pc * rho);
        }
    }
    let s: f64 = a.iter().sum();
    for j in 0..k {
        // p_j·S − a_j, as p_j·(S − a_j) − q_j·a_j so that p_j ≈ 1 does not
        // cancel (S − a_j is exactly 0 for a one-hot target).
        grad[j] += p[j] * (s - a[j]) - q[j] * a[j];
    }
    let Some(hess) = hess else { return };
    for j in 0..k {
        for m in 0..k {
            let sigma = if j == m { p[j] * q[j] } else { -p[j] * p[m] };
            hess[j * k + m] += s * sigma;
        }
    }
    for c in (0..k).filter(|&c| kappa[c] != 0.0) {
        // u_c/q_c: 1 at c, −p_j/q_c elsewhere (each at most 1 in size).
        let inv_q = 1.0 / q[c];
        u.clear();
        u.extend((0..k).map(|j| if j == c { 1.0 } else { -p[j] * inv_q }));
        for j in 0..k {
            let row = kappa[c] * u[j];
            for (cell, &um) in hess[j * k..(j + 1) * k].iter_mut().zip(u.iter()) {
                *cell -= row * um;
            }
        }
    }
}

/// `q^γ`, by repeated multiplication for a whole γ (γ = 2 is the paper's).
fn power(q: f64, gamma: f64) -> f64 {
    if gamma.fract() == 0.0 && gamma <= 16.0 {
        q.powi(gamma as i32)
    } else {
        q.powf(gamma)
    }
}

/// `1 − p_c` without cancellation: the other probabilities' sum when `p_c`
/// is near 1.
fn one_minus(p: &[f64], c: usize) -> f64 {
    if p[c] <= 0.5 {
        1.0 - p[c]
    } else {
        p.iter().enumerate().filter(|&(j, _)| j != c).map(|(_, &v)| v).sum()
    }
}

/// `ρ = −log p / q` with `p = 1 − q`: from `log1p(−q)` when `q` is small (where
/// `log p` has lost its relative precision), from `log p` otherwise; 1 at `q = 0`.
fn slope_of_neg_log(q: f64, log_p: f64) -> f64 {
    if q == 0.0 {
        1.0
    } else if q < 0.5 {
        -(-q).ln_1p() / q
    } else {
        -log_p / q
    }
}

/// The same gradient and Hessian as [`logit_derivatives`], from second-order
/// [`Dual`] numbers run through [`categorical_focal_loss`] itself: one pass
/// per pair of logits. The reference the closed form is tested against; too
/// slow for the fit, and NaN where a probability rounds to 1 at γ < 1.
///
/// ```
/// use losslab::core::softmax_fit::{logit_derivatives, logit_derivatives_by_duals};
/// let (y, z) = ([0.1, 0.8, 0.1], [0.3, 1.2, -0.4]);
/// let (g, h) = logit_derivatives(&y, &z, 2.0);
/// let (gd, hd) = logit_derivatives_by_duals(&y, &z, 2.0);
/// assert!(g.iter().zip(&gd).chain(h.iter().zip(&hd)).all(|(a, b)| (a - b).abs() < 1e-14));
/// ```
pub fn logit_derivatives_by_duals(y: &[f64], z: &[f64], gamma: f64) -> (Vec<f64>, Vec<f64>) {
    let k = z.len();
    let targets: Vec<Dual<Dual<f64>>> = y.iter().map(|&v| Dual::constant(Dual::constant(v))).collect();
    let mut grad = vec![0.0; k];
    let mut hess = vec![0.0; k * k];
    for j in 0..k {
        for m in j..k {
            // Outer derivative along z_j, inner along z_m: `.d.d` is ∂²l/∂z_j∂z_m.
            let seeded: Vec<Dual<Dual<f64>>> = z
                .iter()
                .enumerate()
                .map(|(c, &v)| {
                    let along = |i: usize| if c == i { 1.0 } else { 0.0 };
                    Dual { v: Dual { v, d: along(m) }, d: Dual::constant(along(j)) }
                })
                .collect();
            let l = categorical_focal_loss(&targets, &seeded, gamma);
            grad[m] = l.v.d;
            hess[j * k + m] = l.d.d;
            hess[m * k + j] = l.d.d;
        }
    }
    (grad, hess)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agree(y: &[f64], z: &[f64], gamma: f64) {
        let (g, h) = logit_derivatives(y, z, gamma);
        let (gd, hd) = logit_derivatives_by_duals(y, z, gamma);
        for (a, b) in g.iter().zip(&gd).chain(h.iter().zip(&hd)) {
            assert!((a - b).abs() <= 1e-12 * (1.0 + b.abs()), "γ={gamma} y={y:?} z={z:?}: {a} vs {b}");
        }
    }

    #[test]
    fn closed_form_equals_duals() {
        for gamma in [0.0, 0.3, 1.0, 2.0, 5.0] {
            agree(&[1.0, 0.0, 0.0], &[0.5, -1.0, 2.0], gamma);
            agree(&[0.9, 0.05, 0.05], &[3.0, -1.0, 0.0], gamma);
            agree(&[0.0, 0.0, 0.0, 1.0], &[-6.0, 8.0, 0.0, 1.0], gamma);
            agree(&[0.25, 0.25, 0.25, 0.25], &[0.0, 0.0, 0.0, 0.0], gamma);
        }
    }

    #[test]
    fn a_certain_point_keeps_its_precision_where_duals_give_up() {
        // Two classes: l = −q^γ·log p with q = σ(−z), so ∂l/∂z = γ·p·q^γ·log p − q^(γ+1).
        let gamma = 0.5;
        for z in [30.0, 50.0, 700.0] {
            let q = 1.0 / (1.0 + f64::exp(z));
            let (p, log_p) = (1.0 - q, -(-z).exp().ln_1p());
            let exact = gamma * p * q.powf(gamma) * log_p - q.powf(gamma + 1.0);
            let (g, h) = logit_derivatives(&[1.0, 0.0], &[z, 0.0], gamma);
            assert!((g[0] - exact).abs() <= 1e-13 * exact.abs(), "z={z}: {} vs {exact}", g[0]);
            assert!((g[0] + g[1]).abs() <= 1e-13 * exact.abs());
            assert!(h.iter().all(|v| v.is_finite()));
        }
        // Where p rounds to 1, duals take (1 − p)^(γ−1) = 0^(−½) literally.
        let (gd, _) = logit_derivatives_by_duals(&[1.0, 0.0], &[50.0, 0.0], gamma);
        assert!(gd[0].is_nan());
    }
}
