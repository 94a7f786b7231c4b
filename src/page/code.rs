//! The code twins beside the calculators and the live sections: the code
//! that reproduces a section's numbers in tf.keras, Keras 3, PyTorch or
//! scikit-learn (written by `core::code`), from the very answers that fill
//! the section's table and readouts, so that its last line is what the page
//! shows.

use super::model::Model;
use super::msg::CodeBlock;
use super::readouts::{fit_readouts, focal_readout};
use crate::core::array::NdArray;
use crate::core::code::{logistic_code, loss_code, softmax_code, Framework, LogisticCode, LossCode, Shown};
use crate::core::fit::FitError;
use crate::core::losses::{FocalOptions, LossKind, LossOptions};
use crate::i18n::{fill, t};
use crate::number::format::{percent_tenths, readout};
use crate::scene::{fit_options, softmax_problem};
use crate::state::Calc;

impl CodeBlock {
    /// The section it sits in (`bce`), as `data-code-for` names it.
    pub fn section(self) -> &'static str {
        self.word().split_once('-').map_or("", |(section, _)| section)
    }

    pub fn framework(self) -> Framework {
        let name = self.word().split_once('-').map_or("", |(_, framework)| framework);
        Framework::parse(name).unwrap_or(Framework::Sklearn)
    }
}

/// The code of `block` for the page as it is now, its comments in the
/// page's language.
pub fn code(model: &Model, block: CodeBlock) -> String {
    let framework = block.framework();
    match block.section() {
        "bce" => calculator(model, Calc::Binary, framework),
        "cce" => calculator(model, Calc::Categorical, framework),
        "fit" => fit(model),
        "softmax" => softmax(model),
        _ => focal(model, framework),
    }
}

/// A calculator's call under the framework's semantics, ending with the
/// framework's row of its table (or why that row shows no value).
fn calculator(model: &Model, which: Calc, framework: Framework) -> String {
    let lang = model.state.lang;
    let semantics = framework.semantics().unwrap_or_default();
    let Some(answer) = model.calculators.answer(which) else { return t(lang, "code.nothing").to_owned() };
    let row = answer.rows.iter().find(|row| row.semantics == semantics.name());
    let refusal = match row.map(|row| &row.answer) {
        Some(Err(why)) => why.text(lang),
        _ => String::new(),
    };
    let shown = match row.map(|row| &row.answer) {
        Some(Ok(value)) => Shown::Value(value),
        _ => Shown::Refused(&refusal),
    };
    let call = answer.call(semantics);
    let loss = LossCode {
        kind: call.kind.into(),
        y_true: call.y_true,
        y_pred: call.y_pred,
        sigmoid: None,
        options: &call.options,
        single: true,
        rounded: false,
    };
    loss_code(&loss, shown, lang).unwrap_or_default()
}

/// The sigmoid fit in scikit-learn, ending with the fit's readouts (w, b,
/// BCE) where the page shows the optimum, else the optimum's.
fn fit(model: &Model) -> String {
    let state = &model.state;
    let lang = state.lang;
    let (x, y): (Vec<f64>, Vec<f64>) = state.points.iter().map(|p| (p.x, f64::from(u8::from(p.green)))).unzip();
    let page = LogisticCode { x: &x, y: &y, smoothing: state.smoothing, c: fit_options(state).c };
    let (text, shown) = match model.fit.optimum() {
        Err(error) => (error.message().text(lang), false),
        Ok(optimum) if model.fit.model() == optimum.model => (fit_readouts(model).join(" "), true),
        Ok(optimum) => {
            let values = [optimum.model.coef, optimum.model.intercept, optimum.log_loss].map(|v| readout(v, 4));
            let step = [("values", values.join(" ")), ("n", model.fit.iteration().to_string())];
            (fill(t(lang, "code.fit.step"), &step), true)
        }
    };
    logistic_code(&page, if shown { Shown::Value(&text) } else { Shown::Refused(&text) }, lang)
}

/// The softmax fit in the plane in scikit-learn (scipy for γ > 0), ending
/// with the plane's readouts (mean cross-entropy, accuracy) where the page
/// shows the optimum, else the optimum's.
fn softmax(model: &Model) -> String {
    let lang = model.state.lang;
    let problem = match softmax_problem(&model.state) {
        Ok(problem) => problem,
        Err(error) => return format!("# {}", error.message().text(lang)),
    };
    let numbers = |m| [readout(problem.cross_entropy(m), 4), percent_tenths(problem.accuracy(m))].join(" ");
    let (text, shown) = match model.softmax.optimum() {
        Err(error) => (error.message().text(lang), false),
        Ok(optimum) if model.softmax.model() == Some(&optimum.model) => (numbers(&optimum.model), true),
        Ok(optimum) => {
            let step = [("values", numbers(&optimum.model)), ("n", model.softmax.iteration().to_string())];
            (fill(t(lang, "code.fit.step"), &step), true)
        }
    };
    softmax_code(&problem, if shown { Shown::Value(&text) } else { Shown::Refused(&text) }, lang)
}

/// The points' focal loss under the sigmoid of the focal section, ending
/// with its readout. Computed in float64, as the page computes it, and
/// printed to the readout's four decimals.
fn focal(model: &Model, framework: Framework) -> String {
    let lang = model.state.lang;
    let scene = &model.scene.focal;
    let (labels, x): (Vec<f64>, Vec<f64>) = scene.points.iter().map(|p| (f64::from(u8::from(p.green)), p.x)).unzip();
    let balancing = scene.alpha.is_some();
    let options = LossOptions {
        semantics: framework.semantics().unwrap_or_default(),
        from_logits: true,
        focal: FocalOptions {
            gamma: scene.gamma,
            // torchvision weighs by α whenever α ≥ 0; −1 turns it off.
            alpha: if framework == Framework::Torch && !balancing { -1.0 } else { model.state.focal_alpha },
            apply_class_balancing: balancing,
        },
        ..LossOptions::default()
    };
    let (y_true, y_pred) = (NdArray::from_vec(labels), NdArray::from_vec(x));
    let loss = LossCode {
        kind: LossKind::BinaryFocalCrossentropy,
        y_true: &y_true,
        y_pred: &y_pred,
        sigmoid: Some(scene.model),
        options: &options,
        single: false,
        rounded: true,
    };
    let (value, no_points) = (focal_readout(model), FitError::Empty.message().text(lang));
    let shown = if scene.mean_focal.is_some() { Shown::Value(&value) } else { Shown::Refused(&no_points) };
    loss_code(&loss, shown, lang).unwrap_or_default()
}
