//! TEMPORARY stand-in for `crate::core` while the numerics core is written on
//! its own branch: the same signatures, plain implementations. Removed when
//! the core lands; nothing outside `scene` sees it.
#![allow(dead_code)]

pub trait Real: num_traits::Float {}
impl<T: num_traits::Float> Real for T {}

pub mod activation {
    use super::Real;
    pub fn sigmoid<T: Real>(x: T) -> T {
        T::one() / (T::one() + (-x).exp())
    }
    pub fn log_sigmoid<T: Real>(x: T) -> T {
        -((-x.abs()).exp().ln_1p() + (-x).max(T::zero()))
    }
    pub fn softmax<T: Real>(z: &[T]) -> Vec<T> {
        let m = z.iter().cloned().fold(T::neg_infinity(), T::max);
        let e: Vec<T> = z.iter().map(|&v| (v - m).exp()).collect();
        let s = e.iter().cloned().fold(T::zero(), |a, b| a + b);
        e.into_iter().map(|v| v / s).collect()
    }
    pub fn log_softmax<T: Real>(z: &[T]) -> Vec<T> {
        let m = z.iter().cloned().fold(T::neg_infinity(), T::max);
        let s = z.iter().map(|&v| (v - m).exp()).fold(T::zero(), |a, b| a + b);
        z.iter().map(|&v| v - m - s.ln()).collect()
    }
}

pub mod losses {
    use super::{activation::sigmoid, Real};
    pub fn naive_logistic_loss<T: Real>(x: T, z: T) -> T {
        let s = sigmoid(x);
        z * -s.ln() + (T::one() - z) * -(T::one() - s).ln()
    }
    pub fn stable_logistic_loss<T: Real>(x: T, z: T) -> T {
        x.max(T::zero()) - x * z + (-x.abs()).exp().ln_1p()
    }
    pub fn focal_term(p_t: f64, gamma: f64) -> f64 {
        -(1.0 - p_t).powf(gamma) * p_t.ln()
    }
    pub fn renormalize<T: Real>(row: &[T]) -> Vec<T> {
        let s = row.iter().cloned().fold(T::zero(), |a, b| a + b);
        row.iter().map(|&v| v / s).collect()
    }
}

pub mod fit {
    use super::losses::stable_logistic_loss;
    use std::fmt;

    #[derive(Clone, Copy, Debug, PartialEq)]
    pub struct Sigmoid {
        pub coef: f64,
        pub intercept: f64,
    }
    impl Sigmoid {
        pub fn proba(&self, x: f64) -> f64 {
            super::activation::sigmoid(self.coef * x + self.intercept)
        }
    }
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub struct FitOptions {
        pub c: Option<f64>,
    }
    impl Default for FitOptions {
        fn default() -> Self {
            FitOptions { c: Some(1.0) }
        }
    }
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub struct LogisticFit {
        pub model: Sigmoid,
        pub iterations: usize,
        pub log_loss: f64,
    }
    #[derive(Clone, Debug, PartialEq)]
    pub enum FitError {
        Empty,
        OneClass,
        Diverged,
    }
    impl fmt::Display for FitError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(match self {
                FitError::Empty => "There are no points to fit.",
                FitError::OneClass => {
                    "All points have the same label: without a penalty the fit runs off to infinity."
                }
                FitError::Diverged => "The fit did not converge.",
            })
        }
    }

    fn log_loss(m: Sigmoid, x: &[f64], y: &[f64]) -> f64 {
        x.iter().zip(y).map(|(&x, &y)| stable_logistic_loss(m.coef * x + m.intercept, y)).sum::<f64>()
            / x.len() as f64
    }

    pub fn mean_objective(m: Sigmoid, x: &[f64], y: &[f64], o: &FitOptions) -> f64 {
        log_loss(m, x, y) + o.c.map_or(0.0, |c| 0.5 * m.coef * m.coef / c / x.len() as f64)
    }

    pub fn gradient_step(m: Sigmoid, x: &[f64], y: &[f64], o: &FitOptions, lr: f64) -> Sigmoid {
        let n = x.len() as f64;
        let (mut gw, mut gb) = (0.0, 0.0);
        for (&x, &y) in x.iter().zip(y) {
            let r = m.proba(x) - y;
            gw += r * x / n;
            gb += r / n;
        }
        if let Some(c) = o.c {
            gw += m.coef / c / n;
        }
        Sigmoid { coef: m.coef - lr * gw, intercept: m.intercept - lr * gb }
    }

    pub fn fit_logistic(x: &[f64], y: &[f64], o: &FitOptions) -> Result<LogisticFit, FitError> {
        if x.is_empty() {
            return Err(FitError::Empty);
        }
        let pos = y.iter().filter(|&&v| v > 0.5).count();
        if o.c.is_none() && (pos == 0 || pos == y.len()) {
            return Err(FitError::OneClass);
        }
        let mut m = Sigmoid { coef: 0.0, intercept: 0.0 };
        for it in 0..200 {
            let (mut g0, mut g1, mut h00, mut h01, mut h11) = (0.0, 0.0, 0.0, 0.0, 0.0);
            for (&x, &y) in x.iter().zip(y) {
                let p = m.proba(x);
                let w = p * (1.0 - p);
                g0 += (p - y) * x;
                g1 += p - y;
                h00 += w * x * x;
                h01 += w * x;
                h11 += w;
            }
            if let Some(c) = o.c {
                g0 += m.coef / c;
                h00 += 1.0 / c;
            }
            let det = h00 * h11 - h01 * h01;
            if !det.is_finite() || det.abs() < 1e-300 {
                return Err(FitError::Diverged);
            }
            let d0 = (h11 * g0 - h01 * g1) / det;
            let d1 = (h00 * g1 - h01 * g0) / det;
            m = Sigmoid { coef: m.coef - d0, intercept: m.intercept - d1 };
            if d0.abs() + d1.abs() < 1e-10 {
                return Ok(LogisticFit { model: m, iterations: it + 1, log_loss: log_loss(m, x, y) });
            }
        }
        Err(FitError::Diverged)
    }

    pub fn fit_focal(
        x: &[f64],
        y: &[f64],
        gamma: f64,
        alpha: Option<f64>,
        o: &FitOptions,
    ) -> Result<LogisticFit, FitError> {
        let start = fit_logistic(x, y, o)?;
        let objective = |m: Sigmoid| {
            let p: Vec<f64> = x.iter().map(|&x| m.proba(x)).collect();
            let l: f64 = super::breakdown::point_losses(y, &p, gamma, alpha).iter().map(|l| l.focal).sum();
            l / x.len() as f64 + o.c.map_or(0.0, |c| 0.5 * m.coef * m.coef / c / x.len() as f64)
        };
        let mut m = start.model;
        let mut step = 0.5;
        let mut f = objective(m);
        for it in 0..4000 {
            let h = 1e-6;
            let gw = (objective(Sigmoid { coef: m.coef + h, ..m }) - f) / h;
            let gb = (objective(Sigmoid { intercept: m.intercept + h, ..m }) - f) / h;
            let next = Sigmoid { coef: m.coef - step * gw, intercept: m.intercept - step * gb };
            let fn_ = objective(next);
            if fn_ < f {
                m = next;
                if (f - fn_).abs() < 1e-12 {
                    return Ok(LogisticFit { model: m, iterations: it, log_loss: log_loss(m, x, y) });
                }
                f = fn_;
                step *= 1.2;
            } else {
                step *= 0.5;
                if step < 1e-12 {
                    break;
                }
            }
        }
        Ok(LogisticFit { model: m, iterations: 4000, log_loss: log_loss(m, x, y) })
    }
}

pub mod smoothing {
    pub fn smooth_binary(y: f64, ls: f64) -> f64 {
        y * (1.0 - ls) + 0.5 * ls
    }
    pub fn smooth_categorical(one_hot: &[f64], alpha: f64) -> Vec<f64> {
        let k = one_hot.len() as f64;
        one_hot.iter().map(|&y| y * (1.0 - alpha) + alpha / k).collect()
    }
    pub fn logit_gap(alpha: f64, k: u32) -> Option<f64> {
        (alpha > 0.0).then(|| (1.0 + k as f64 * (1.0 - alpha) / alpha).ln())
    }
    pub fn entropy(p: &[f64]) -> f64 {
        -p.iter().filter(|&&v| v > 0.0).map(|&v| v * v.ln()).sum::<f64>()
    }
}

pub mod breakdown {
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub struct PointLoss {
        pub p_true: f64,
        pub cross_entropy: f64,
        pub focal_factor: f64,
        pub focal: f64,
    }
    pub fn point_losses(y: &[f64], p: &[f64], gamma: f64, alpha: Option<f64>) -> Vec<PointLoss> {
        y.iter()
            .zip(p)
            .map(|(&y, &p)| {
                let p_true = if y > 0.5 { p } else { 1.0 - p };
                let a = alpha.map_or(1.0, |a| if y > 0.5 { a } else { 1.0 - a });
                let ce = -p_true.ln();
                let factor = (1.0 - p_true).powf(gamma);
                PointLoss { p_true, cross_entropy: ce, focal_factor: factor, focal: a * factor * ce }
            })
            .collect()
    }
}
