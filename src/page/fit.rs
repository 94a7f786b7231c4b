//! The sigmoid the page shows, and its animation: plain gradient steps on the
//! mean objective from a flat starting line, or a jump to the optimum.

use crate::core::fit::{self, FitError, LogisticFit, Sigmoid};
use crate::scene::{fit_data as data, fit_options as options, FLAT};
use crate::state::State;

/// Gradient steps per animation frame: one at first, so the reader sees the
/// line move, then more as the descent slows down (the article's points take
/// about two seconds at 60 Hz).
fn steps_per_frame(iteration: usize) -> usize {
    (1 + iteration / 60).min(32)
}
/// Without a finite optimum (separable points, no penalty) the animation and
/// the fallback fit stop here instead of steepening forever.
pub const STEP_LIMIT: usize = 5_000;

/// Where the fit stands.
#[derive(Clone, Debug)]
pub struct FitProgress {
    model: Sigmoid,
    iteration: usize,
    playing: bool,
    /// The converged answer for the current data, or why there is none.
    optimum: Result<LogisticFit, FitError>,
    /// `true` once the shown model is the optimum (or the step limit).
    settled: bool,
    /// How it got there: Newton's method (the jump) or gradient descent.
    by_newton: bool,
}

/// A step size that cannot diverge: the inverse of a bound on the mean
/// objective's curvature, ¼·(mean x² + 1) plus the penalty's 1/(C·n).
fn learning_rate(state: &State, x: &[f64]) -> f64 {
    let n = x.len().max(1) as f64;
    let mean_sq = x.iter().map(|v| v * v).sum::<f64>() / n;
    let penalty = options(state).c.map_or(0.0, |c| 1.0 / (c * n));
    1.0 / (0.25 * (mean_sq + 1.0) + penalty)
}

impl FitProgress {
    /// Starts at the optimum, as the article shows it.
    pub fn converged(state: &State) -> FitProgress {
        let mut progress = FitProgress {
            model: FLAT,
            iteration: 0,
            playing: false,
            optimum: Err(FitError::Empty),
            settled: false,
            by_newton: false,
        };
        progress.data_changed(state);
        progress.converge(state);
        progress
    }

    pub fn model(&self) -> Sigmoid {
        self.model
    }

    pub fn iteration(&self) -> usize {
        self.iteration
    }

    pub fn playing(&self) -> bool {
        self.playing
    }

    pub fn optimum(&self) -> &Result<LogisticFit, FitError> {
        &self.optimum
    }

    /// The optimum's sigmoid, or the flat one when there is none.
    pub fn optimum_model(&self) -> Sigmoid {
        self.optimum.as_ref().map_or(FLAT, |fit| fit.model)
    }

    /// The learning rate the animation uses for this state.
    pub fn learning_rate(&self, state: &State) -> f64 {
        learning_rate(state, &data(state).0)
    }

    /// Whether the shown model is the final answer (the optimum, or the step
    /// limit when there is none).
    pub fn settled(&self) -> bool {
        self.settled
    }

    /// Whether the optimum was reached by Newton's method rather than by the
    /// animation's gradient steps.
    pub fn by_newton(&self) -> bool {
        self.by_newton
    }

    /// The data or the objective changed: recompute the optimum; unless the
    /// animation runs, show it at once.
    pub fn data_changed(&mut self, state: &State) {
        let (x, y) = data(state);
        self.optimum = fit::fit_logistic(&x, &y, &options(state));
        if !self.playing && self.settled {
            self.converge(state);
        }
    }

    /// Play from the starting line (or from where a pause left it), or pause.
    pub fn toggle_play(&mut self) {
        if !self.playing && (self.settled || self.iteration >= STEP_LIMIT) {
            self.reset();
        }
        self.playing = !self.playing;
    }

    /// The starting line: w = 0, b = 0, a flat p = ½.
    pub fn reset(&mut self) {
        self.model = FLAT;
        self.iteration = 0;
        self.settled = false;
    }

    pub fn pause(&mut self) {
        self.playing = false;
    }

    /// One gradient step (the Step button).
    pub fn step(&mut self, state: &State) {
        self.playing = false;
        self.steps(state, 1);
    }

    /// One frame of the animation.
    pub fn advance(&mut self, state: &State) {
        self.steps(state, steps_per_frame(self.iteration));
    }

    fn steps(&mut self, state: &State, count: usize) {
        let (x, y) = data(state);
        let opts = options(state);
        let lr = learning_rate(state, &x);
        for _ in 0..count {
            if self.iteration >= STEP_LIMIT {
                self.playing = false;
                self.settled = true;
                return;
            }
            let next = fit::gradient_step(self.model, &x, &y, &opts, lr);
            if !(next.coef.is_finite() && next.intercept.is_finite()) {
                self.playing = false;
                return;
            }
            self.model = next;
            self.iteration += 1;
        }
        if let Ok(optimum) = &self.optimum {
            let close = (self.model.coef - optimum.model.coef).abs() < 1e-6
                && (self.model.intercept - optimum.model.intercept).abs() < 1e-6;
            if close {
                self.playing = false;
                self.settled = true;
                self.by_newton = false;
            }
        }
    }

    /// Jumps to the optimum; without one, runs the bounded descent.
    pub fn converge(&mut self, state: &State) {
        self.playing = false;
        match &self.optimum {
            Ok(optimum) => {
                self.model = optimum.model;
                self.iteration = optimum.iterations;
                self.settled = true;
                self.by_newton = true;
            }
            Err(_) => {
                self.reset();
                self.steps(state, STEP_LIMIT);
                self.settled = true;
            }
        }
    }
}
