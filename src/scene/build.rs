//! The whole scene: every part, built from a state and rebuilt part by part.

use super::binary::BinaryScene;
use super::cce::CceScene;
use super::comparison::ComparisonScene;
use super::deps::Deps;
use super::fit_inputs::converged_model;
use super::focal::FocalScene;
use super::smoothing::SmoothingScene;
use super::softmax::SoftmaxScene;
use super::stability::StabilityScene;
use crate::core::fit::Sigmoid;
use crate::state::State;

/// Every part of every figure's data.
#[derive(Clone, Debug)]
pub struct Scene {
    pub binary: BinaryScene,
    pub focal: FocalScene,
    pub cce: CceScene,
    pub smoothing: SmoothingScene,
    pub stability: StabilityScene,
    pub comparison: ComparisonScene,
    pub softmax: SoftmaxScene,
}

impl Scene {
    /// The scene of a state with the sigmoid at its converged optimum (what
    /// native export draws). When the fit fails the binary figures show the
    /// flat sigmoid p = 0.5 and say why, in words.
    pub fn from_state(state: &State) -> Scene {
        let (model, fit_error) = converged_model(state);
        let mut binary = BinaryScene::build(state, model, None);
        binary.fit_error = fit_error;
        Scene {
            focal: FocalScene::build(state, model),
            binary,
            cce: CceScene::from_text(&state.cce_calc.y_true, &state.cce_calc.y_pred),
            smoothing: SmoothingScene::build(state.label_smoothing, state.classes),
            stability: StabilityScene::build(),
            comparison: ComparisonScene::build(state, None),
            softmax: SoftmaxScene::converged(state),
        }
    }
}

impl Scene {
    /// The scene the page shows: the sigmoid `model` as currently displayed
    /// (the animation moves it), the converged `optimum` that the focal fit is
    /// compared with, the categorical calculator's last good rows, and the
    /// softmax demo as the page has it.
    pub fn build(
        state: &State,
        model: Sigmoid,
        optimum: Sigmoid,
        highlight: Option<usize>,
        cce: &CceScene,
        softmax: SoftmaxScene,
    ) -> Scene {
        Scene {
            binary: BinaryScene::build(state, model, highlight),
            focal: FocalScene::build(state, optimum),
            cce: cce.clone(),
            smoothing: SmoothingScene::build(state.label_smoothing, state.classes),
            stability: StabilityScene::build(),
            comparison: ComparisonScene::build(state, None),
            softmax,
        }
    }

    /// Rebuilds only the `parts` that changed; `cce` and `softmax` are asked
    /// for only when their part is one of them.
    #[allow(clippy::too_many_arguments)]
    pub fn rebuild(
        &mut self,
        parts: Deps,
        state: &State,
        model: Sigmoid,
        optimum: Sigmoid,
        highlight: Option<usize>,
        cce: impl FnOnce() -> CceScene,
        softmax: impl FnOnce() -> SoftmaxScene,
    ) {
        if parts.intersects(Deps::BINARY) {
            self.binary = BinaryScene::build(state, model, highlight);
        }
        if parts.intersects(Deps::FOCAL) {
            self.focal = FocalScene::build(state, optimum);
        }
        if parts.intersects(Deps::CCE) {
            self.cce = cce();
        }
        if parts.intersects(Deps::LABEL_SMOOTHING) {
            self.smoothing = SmoothingScene::build(state.label_smoothing, state.classes);
        }
        if parts.intersects(Deps::COMPARISON) {
            self.comparison = ComparisonScene::build(state, Some(&self.comparison));
        }
        if parts.intersects(Deps::SOFTMAX) {
            self.softmax = softmax();
        }
    }
}
