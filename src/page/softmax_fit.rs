//! The softmax model the plane shows, and its animation: gradient steps on
//! the objective from W = 0, b = 0, or a jump to the optimum; after a point
//! moves or a setting changes, the optimum is found again from the last one.

use crate::core::softmax_fit::{SoftmaxFit, SoftmaxFitError, SoftmaxModel, SoftmaxProblem};
use crate::scene::softmax_problem;
use crate::state::State;

/// How the animation paces itself at frame `frame` of a play that has taken
/// `iteration` steps: a step every fourth frame at first, so the reader sees
/// the regions turn, then up to three a frame as the descent slows down.
fn steps_at(frame: usize, iteration: usize) -> usize {
    match iteration {
        0..30 => usize::from(frame.is_multiple_of(4)),
        _ => (1 + (iteration - 30) / 40).min(3),
    }
}

/// The animation stops after this many steps, arrived or not.
pub const SOFTMAX_STEP_LIMIT: usize = 1_000;
/// Without an optimum, the jump to the answer runs at most this many steps.
pub const SEPARATING_STEPS: usize = 100;

/// The descent counts as arrived when its objective is within this share of
/// the optimum's: gradient descent creeps the last digits, Newton does not.
pub const ARRIVED: f64 = 1e-6;
/// Without an optimum (separable classes, no penalty), the descent stops
/// where the mean loss has fallen below this: the classes are apart, and
/// only the weights' growth is left.
pub const SEPARATED: f64 = 1e-3;

/// What the shown model is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// The optimum, by Newton's method.
    Optimum,
    /// A step of the descent, still going.
    Moving,
    /// The descent, within [`ARRIVED`] of the optimum's objective.
    Arrived,
    /// The descent without an optimum, its mean loss below [`SEPARATED`].
    Separated,
    /// The descent at its step limit.
    Stopped,
}

/// Where the softmax fit stands.
#[derive(Clone, Debug)]
pub struct SoftmaxProgress {
    /// The points and options, or why they make no fit.
    problem: Result<SoftmaxProblem, SoftmaxFitError>,
    /// The model shown: W = 0 at the start, a step of the descent, or the optimum.
    model: SoftmaxModel,
    iteration: usize,
    playing: bool,
    /// Frames of the current play, for its pace.
    frames: usize,
    /// The converged answer for the current problem, or why there is none.
    optimum: Result<SoftmaxFit, SoftmaxFitError>,
    standing: Standing,
}

impl SoftmaxProgress {
    /// Starts at the optimum.
    pub fn converged(state: &State) -> SoftmaxProgress {
        let mut progress = SoftmaxProgress {
            problem: Err(SoftmaxFitError::Empty),
            model: SoftmaxModel::zeros(0, 0),
            iteration: 0,
            playing: false,
            frames: 0,
            optimum: Err(SoftmaxFitError::Empty),
            standing: Standing::Optimum,
        };
        progress.data_changed(state);
        progress
    }

    /// The model shown, or `None` when the points make no fit.
    pub fn model(&self) -> Option<&SoftmaxModel> {
        self.problem.is_ok().then_some(&self.model)
    }

    /// Why the shown model is not an optimum (or there is none), if so.
    pub fn error(&self) -> Option<SoftmaxFitError> {
        match (&self.problem, &self.optimum) {
            (Err(e), _) | (_, Err(e)) => Some(e.clone()),
            _ => None,
        }
    }

    pub fn optimum(&self) -> &Result<SoftmaxFit, SoftmaxFitError> {
        &self.optimum
    }

    pub fn iteration(&self) -> usize {
        self.iteration
    }

    pub fn playing(&self) -> bool {
        self.playing
    }

    pub fn standing(&self) -> Standing {
        self.standing
    }

    /// The points or the objective changed: find the optimum again, from the
    /// last one when it has the same shape; unless the animation runs, show it.
    pub fn data_changed(&mut self, state: &State) {
        self.problem = softmax_problem(state);
        let problem = match &self.problem {
            Ok(problem) => problem,
            Err(error) => {
                self.playing = false;
                self.optimum = Err(error.clone());
                return;
            }
        };
        let start = match &self.optimum {
            Ok(fit) => fit.model.clone(),
            Err(_) => self.model.clone(),
        };
        self.optimum = problem.refit(&start);
        if self.model.classes() != problem.classes() || self.model.features() != problem.features() {
            self.model = SoftmaxModel::zeros(problem.classes(), problem.features());
            self.iteration = 0;
        }
        if !self.playing && self.standing != Standing::Moving {
            self.converge();
        }
    }

    /// Play from W = 0 (or from where a pause left it), or pause.
    pub fn toggle_play(&mut self) {
        if self.problem.is_err() {
            return;
        }
        if !self.playing && self.standing != Standing::Moving {
            self.reset();
        }
        self.playing = !self.playing;
        self.frames = 0;
    }

    /// W = 0, b = 0: every class equally likely everywhere.
    pub fn reset(&mut self) {
        self.playing = false;
        if let Ok(problem) = &self.problem {
            self.model = SoftmaxModel::zeros(problem.classes(), problem.features());
        }
        self.iteration = 0;
        self.standing = Standing::Moving;
    }

    /// One gradient step (the Step button).
    pub fn step(&mut self) {
        self.playing = false;
        if self.standing != Standing::Moving {
            self.reset();
        }
        self.steps(1);
    }

    /// One frame of the animation.
    pub fn advance(&mut self) {
        let count = steps_at(self.frames, self.iteration);
        self.frames += 1;
        self.steps(count);
    }

    fn steps(&mut self, count: usize) {
        let Ok(problem) = &self.problem else { return };
        for _ in 0..count {
            if self.iteration >= SOFTMAX_STEP_LIMIT {
                (self.playing, self.standing) = (false, Standing::Stopped);
                return;
            }
            self.model = problem.gradient_step(&self.model);
            self.iteration += 1;
            let arrived = match &self.optimum {
                Ok(optimum) => {
                    let gap = problem.objective(&self.model) - optimum.objective;
                    (gap <= ARRIVED * optimum.objective.abs().max(1.0)).then_some(Standing::Arrived)
                }
                Err(_) => (problem.mean_loss(&self.model) <= SEPARATED).then_some(Standing::Separated),
            };
            if let Some(standing) = arrived {
                (self.playing, self.standing) = (false, standing);
                return;
            }
        }
    }

    /// Jumps to the optimum; without one, runs the descent from W = 0 until
    /// the classes are apart (or [`SEPARATING_STEPS`] steps).
    pub fn converge(&mut self) {
        self.playing = false;
        match &self.optimum {
            Ok(optimum) => {
                self.model = optimum.model.clone();
                self.iteration = optimum.iterations;
                self.standing = Standing::Optimum;
            }
            Err(_) => {
                self.reset();
                self.steps(SEPARATING_STEPS);
                if self.standing == Standing::Moving {
                    self.standing = Standing::Stopped;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_descent_arrives_near_the_optimum_and_newton_jumps_there() {
        let state = State::default();
        let mut progress = SoftmaxProgress::converged(&state);
        assert_eq!(progress.standing(), Standing::Optimum);
        let optimum = progress.optimum().clone().unwrap();
        assert_eq!(progress.model(), Some(&optimum.model));
        progress.toggle_play();
        assert_eq!(progress.iteration(), 0, "play starts from W = 0");
        while progress.playing() {
            progress.advance();
        }
        assert_eq!(progress.standing(), Standing::Arrived);
        assert!(progress.iteration() < SOFTMAX_STEP_LIMIT, "{} steps", progress.iteration());
        let problem = softmax_problem(&state).unwrap();
        let gap = problem.objective(progress.model().unwrap()) - optimum.objective;
        assert!((0.0..=ARRIVED * optimum.objective).contains(&gap), "{gap}");
    }
}

#[cfg(test)]
mod separable {
    use super::*;

    #[test]
    fn without_an_optimum_the_descent_stops_where_the_classes_are_apart() {
        let mut state = State::default();
        state.softmax.regularization = crate::state::Regularization::Off;
        let progress = SoftmaxProgress::converged(&state);
        assert_eq!(progress.optimum(), &Err(SoftmaxFitError::Separable));
        assert_eq!(progress.standing(), Standing::Separated);
        let problem = softmax_problem(&state).unwrap();
        assert!(problem.mean_loss(progress.model().unwrap()) <= SEPARATED);
        assert!(progress.iteration() < SEPARATING_STEPS);
    }
}
