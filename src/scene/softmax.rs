//! The softmax demo in the plane: the points of K classes under one softmax
//! model, each point's probabilities and logit gap, and the chosen point as
//! the categorical calculator writes and evaluates it.

use crate::calculator::{self, Loss};
use crate::core::array::ascending_order;
use crate::core::data::PlaneDataSet;
use crate::core::losses::categorical_cross_entropy;
use crate::core::smoothing::{logit_gap, smooth_categorical};
use crate::core::softmax_fit::{SoftmaxFitError, SoftmaxModel, SoftmaxOptions, SoftmaxProblem};
use crate::i18n::Message;
use crate::number::format::row;
use crate::state::{CalculatorInput, Regularization, State};

/// The options of the state's softmax fit: its penalty, ε and γ.
pub fn softmax_options(state: &State) -> SoftmaxOptions {
    let settings = &state.softmax;
    SoftmaxOptions {
        c: (settings.regularization == Regularization::L2).then_some(settings.c),
        label_smoothing: settings.smoothing,
        gamma: settings.gamma,
    }
}

/// The state's points in the plane and its options, as a fit takes them,
/// or why they make no fit (a class without points, a single class).
pub fn softmax_problem(state: &State) -> Result<SoftmaxProblem, SoftmaxFitError> {
    let points = state.plane_points();
    let x: Vec<Vec<f64>> = points.iter().map(|p| vec![p.x, p.y]).collect();
    let y: Vec<usize> = points.iter().map(|p| p.class as usize).collect();
    SoftmaxProblem::new(&x, &y, &softmax_options(state))
}

/// What the model says about one point.
#[derive(Clone, Debug, PartialEq)]
pub struct PointFit {
    /// p(class | point), K of them.
    pub proba: Vec<f64>,
    /// The true class's logit minus the largest other one.
    pub logit_gap: f64,
    /// Its cross-entropy −log p(true class), from the logits (finite where p
    /// rounds to 0).
    pub cross_entropy: f64,
    /// The loss the fit minimises for it (smoothed, focal): equal to
    /// `cross_entropy` at ε = 0, γ = 0.
    pub loss: f64,
    /// Whether its predicted class is its class.
    pub correct: bool,
}

/// One point of the plane as the figures see it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaneView {
    pub x: f64,
    pub y: f64,
    pub class: usize,
    /// `None` when there is no model (the points make no fit).
    pub fit: Option<PointFit>,
}

/// The chosen point written as the categorical calculator takes it, and
/// what Keras answers, one-hot and sparse.
#[derive(Clone, Debug, PartialEq)]
pub struct KerasForms {
    /// `[[0, 0, 1]]`
    pub one_hot: String,
    /// `[2]`
    pub sparse: String,
    /// `[[0.120000, 0.180000, 0.700000]]`: the probabilities, as written (and evaluated).
    pub y_pred: String,
    /// `categorical_crossentropy` as Keras prints it, or why it refuses.
    pub categorical: Result<String, Message>,
    /// `sparse_categorical_crossentropy` as Keras prints it.
    pub sparse_value: Result<String, Message>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SoftmaxScene {
    /// The points, in the state's order.
    pub points: Vec<PlaneView>,
    /// K: the classes the figures name and colour.
    pub classes: usize,
    /// The model shown (the optimum, or a step of the animation); `None`
    /// when the points make no fit.
    pub model: Option<SoftmaxModel>,
    /// Why the shown model is no optimum, or why there is no model.
    pub fit_error: Option<SoftmaxFitError>,
    /// The preset the points are; `None` where they are the reader's own
    /// (moved, added or removed in the figure, or from a link).
    pub data: Option<PlaneDataSet>,
    /// The fit's label smoothing ε and focal γ.
    pub alpha: f64,
    pub gamma: f64,
    /// Whether the fit's objective has the L2 penalty (which alone bounds
    /// the gaps where the smoothing asks for none and the classes do not
    /// overlap).
    pub penalized: bool,
    /// The gap that label smoothing asks for, ln(1 + K(1 − ε)/ε) with the
    /// fit's K ([`Self::fitted_classes`]); `None` at ε = 0.
    pub cap: Option<f64>,
    /// The fit's K, that of the points' classes, over which smoothing
    /// spreads ε: fewer than [`Self::classes`] where the reader's points
    /// leave the last classes empty.
    pub fitted_classes: usize,
    /// Mean cross-entropy over the points, without the penalty.
    pub mean_cross_entropy: Option<f64>,
    pub accuracy: Option<f64>,
    /// The median of the points' logit gaps.
    pub median_gap: Option<f64>,
    /// The point the reader chose (an index into `points`).
    pub selected: Option<usize>,
    /// The point `softmax-probs` shows: the chosen one, else the one of
    /// largest cross-entropy.
    pub shown: Option<usize>,
    /// The point under the pointer.
    pub highlight: Option<usize>,
    /// The shown point as Keras calls.
    pub keras: Option<KerasForms>,
}

impl SoftmaxScene {
    /// The scene of the state's points under `model` (`None` with the reason
    /// there is none); `highlight` indexes the points.
    pub fn build(
        state: &State,
        model: Option<&SoftmaxModel>,
        fit_error: Option<SoftmaxFitError>,
        highlight: Option<usize>,
    ) -> SoftmaxScene {
        let settings = &state.softmax;
        let points = state.plane_points();
        let problem = softmax_problem(state).ok();
        let model = model.filter(|m| problem.as_ref().is_some_and(|p| p.classes() == m.classes()));
        let fits = match (&problem, model) {
            (Some(problem), Some(model)) => problem.points(model).into_iter().map(Some).collect(),
            _ => vec![None; points.len()],
        };
        let views: Vec<PlaneView> = points
            .iter()
            .zip(fits)
            .map(|(p, fit)| {
                let class = p.class as usize;
                let fit = fit.map(|f| {
                    let mut one_hot = vec![0.0; f.logits.len()];
                    one_hot[class] = 1.0;
                    PointFit {
                        cross_entropy: categorical_cross_entropy(&one_hot, &f.logits),
                        proba: f.proba,
                        logit_gap: f.logit_gap,
                        loss: f.loss,
                        correct: f.correct,
                    }
                });
                PlaneView { x: p.x, y: p.y, class, fit }
            })
            .collect();
        let fitted: Vec<&PointFit> = views.iter().filter_map(|v| v.fit.as_ref()).collect();
        let n = fitted.len() as f64;
        let any = !fitted.is_empty();
        let mean_cross_entropy = any.then(|| fitted.iter().map(|f| f.cross_entropy).sum::<f64>() / n);
        let accuracy = any.then(|| fitted.iter().filter(|f| f.correct).count() as f64 / n);
        let median_gap = any.then(|| median(&fitted.iter().map(|f| f.logit_gap).collect::<Vec<_>>()));
        let selected = (settings.selected as usize).checked_sub(1).filter(|&i| i < views.len());
        let hardest = || {
            let losses: Vec<f64> = views.iter().map(|v| v.fit.as_ref().map_or(0.0, |f| f.cross_entropy)).collect();
            ascending_order(&losses).last().copied()
        };
        let shown = selected.or_else(|| any.then(hardest).flatten());
        let keras = shown.and_then(|i| keras_forms(&views[i]));
        let classes = views.iter().map(|v| v.class + 1).max().unwrap_or(0).max(settings.classes as usize);
        let fitted_classes = problem.as_ref().map_or(classes, SoftmaxProblem::classes);
        SoftmaxScene {
            cap: logit_gap(settings.smoothing, fitted_classes as u32),
            fitted_classes,
            points: views,
            classes,
            model: model.cloned(),
            fit_error,
            data: settings.points.is_empty().then_some(settings.data),
            alpha: settings.smoothing,
            gamma: settings.gamma,
            penalized: settings.regularization == Regularization::L2,
            mean_cross_entropy,
            accuracy,
            median_gap,
            selected,
            shown,
            highlight: highlight.filter(|&h| h < points.len()),
            keras,
        }
    }

    /// The scene of the state's converged fit (what export draws), or of no
    /// model and the reason.
    pub fn converged(state: &State) -> SoftmaxScene {
        match softmax_problem(state).and_then(|p| p.fit()) {
            Ok(fit) => SoftmaxScene::build(state, Some(&fit.model), None, None),
            Err(error) => {
                // Without an optimum the figures still show the points, and say why.
                SoftmaxScene::build(state, None, Some(error), None)
            }
        }
    }

    /// The smoothed target `(1 − ε)·one-hot + ε/K` of a point of `class`.
    pub fn target(&self, class: usize, classes: usize) -> Vec<f64> {
        let mut one_hot = vec![0.0; classes];
        if let Some(v) = one_hot.get_mut(class) {
            *v = 1.0;
        }
        smooth_categorical(&one_hot, self.alpha)
    }
}

/// The middle value (the mean of the two middle ones for an even count).
fn median(values: &[f64]) -> f64 {
    let order = ascending_order(values);
    let n = order.len();
    if n % 2 == 1 {
        values[order[n / 2]]
    } else {
        (values[order[n / 2 - 1]] + values[order[n / 2]]) / 2.0
    }
}

/// A point's probabilities written with six decimals, and Keras' answers
/// for that call, one-hot and sparse, from the categorical calculator: the
/// numbers are those of the call as written, which a reader can paste.
fn keras_forms(view: &PlaneView) -> Option<KerasForms> {
    let fit = view.fit.as_ref()?;
    let k = fit.proba.len();
    let one_hot: Vec<String> = (0..k).map(|j| u8::from(j == view.class).to_string()).collect();
    let one_hot = format!("[[{}]]", one_hot.join(", "));
    let y_pred = format!("[{}]", row(&fit.proba, 6));
    let input = CalculatorInput { y_true: one_hot.clone(), y_pred: y_pred.clone(), ..State::default().cce_calc };
    let answer = calculator::evaluate(Loss::Categorical, &input).ok()?;
    let categorical = answer.rows.first()?.answer.clone();
    let (_, sparse_value) = calculator::sparse_equivalent(&answer)?;
    Some(KerasForms { one_hot, sparse: format!("[{}]", view.class), y_pred, categorical, sparse_value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_blobs_are_fitted_and_described() {
        let scene = SoftmaxScene::converged(&State::default());
        assert_eq!((scene.points.len(), scene.classes), (150, 3));
        assert!(scene.fit_error.is_none());
        let accuracy = scene.accuracy.unwrap();
        assert!(accuracy > 0.95, "well separated blobs: {accuracy}");
        assert_eq!(scene.cap, None, "no smoothing, no cap");
        let shown = scene.shown.unwrap();
        let largest = scene.points.iter().map(|p| p.fit.as_ref().unwrap().cross_entropy).fold(0.0, f64::max);
        assert_eq!(scene.points[shown].fit.as_ref().unwrap().cross_entropy, largest, "unchosen: the hardest point");
    }

    #[test]
    fn the_median_is_the_middle_value() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
    }

    #[test]
    fn keras_answers_the_shown_point_as_the_calculator_does() {
        let view = PlaneView {
            x: 0.0,
            y: 0.0,
            class: 1,
            fit: Some(PointFit {
                proba: vec![0.05, 0.95, 0.0],
                logit_gap: 1.0,
                cross_entropy: 0.0513,
                loss: 0.0513,
                correct: true,
            }),
        };
        let forms = keras_forms(&view).unwrap();
        assert_eq!(forms.one_hot, "[[0, 1, 0]]");
        assert_eq!(forms.sparse, "[1]");
        assert_eq!(forms.y_pred, "[[0.050000, 0.950000, 0.000000]]");
        // The article's first row: the calculator gives 0.051293306 (one-hot) and 0.051293444 (sparse).
        assert_eq!(forms.categorical.unwrap(), "0.051293306");
        assert_eq!(forms.sparse_value.unwrap(), "0.051293444");
    }
}
