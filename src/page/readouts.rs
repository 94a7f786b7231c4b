//! Every live number and status line on the page, as text, from the model:
//! the wasm shell only writes them into their `[data-readout]` elements.

use super::claims::claim_readouts;
use super::model::Model;
use super::msg::Action;
use super::prose::paragraphs;
use super::softmax_fit::Standing;
use crate::core::data::PlaneDataSet;
use crate::core::fit::FitError;
use crate::core::smoothing::smooth_binary;
use crate::core::softmax_fit::SoftmaxFitError;
use crate::i18n::{fill, t, unbroken_formulas, Message};
use crate::number::format::{percent_tenths, readout, significant3, trimmed};
use crate::scene::KerasForms;

/// Each readout's name (`data-readout`) and its text: the live numbers, the
/// fit's status, and the paragraphs whose sentences follow the state, their
/// formulas broken only where a typesetter would ([`unbroken_formulas`]).
pub fn readouts(model: &Model) -> Vec<(&'static str, String)> {
    let state = &model.state;
    let lang = state.lang;
    let scene = &model.scene;
    let known = |v: Option<f64>| v.unwrap_or(f64::NAN);
    let smooth = |y: f64| trimmed(smooth_binary(y, state.smoothing));
    let gap = match scene.smoothing.gap {
        None => t(lang, "readout.gap-infinite").to_owned(),
        Some(0.0) => t(lang, "readout.gap-uniform").to_owned(),
        Some(a) => readout(a, 4),
    };
    let [coef, intercept, bce] = fit_readouts(model);
    let mut all = vec![
        ("bce", bce),
        ("coef", coef),
        ("intercept", intercept),
        ("iteration", model.fit.iteration().to_string()),
        ("targets", format!("{} / {}", smooth(0.0), smooth(1.0))),
        ("C-value", significant3(state.c)),
        ("smoothing-value", readout(state.smoothing, 2)),
        ("gamma-value", readout(state.gamma, 1)),
        ("focal-alpha-value", readout(state.focal_alpha, 2)),
        ("label-smoothing-value", readout(state.label_smoothing, 2)),
        ("classes-value", state.classes.to_string()),
        ("ce-mean", readout(known(scene.focal.mean_ce), 4)),
        ("focal", focal_readout(model)),
        ("hard-share", percent_tenths(known(scene.focal.hard_share_focal))),
        ("smoothed-target", readout(scene.smoothing.target.first().copied().unwrap_or(f64::NAN), 4)),
        ("logit-gap", gap),
        ("fit-status", fit_status(model)),
    ];
    all.extend(claim_readouts(&scene.comparison, state));
    all.extend(paragraphs(model));
    all.extend(softmax_readouts(model));
    all.into_iter().map(|(name, text)| (name, unbroken_formulas(text))).collect()
}

/// The softmax demo's numbers and sentences.
fn softmax_readouts(model: &Model) -> Vec<(&'static str, String)> {
    let state = &model.state;
    let lang = state.lang;
    let scene = &model.scene.softmax;
    let settings = &state.softmax;
    let known = |v: Option<f64>| v.unwrap_or(f64::NAN);
    let keras = |y_true: fn(&KerasForms) -> &str, call: &str, value: fn(&KerasForms) -> &Result<String, Message>| {
        scene.keras.as_ref().map_or_else(
            || "—".to_owned(),
            |forms| {
                let value = value(forms).clone().unwrap_or_else(|e| e.text(lang));
                format!("keras.losses.{call}()({}, {})\n→ {value}", y_true(forms), forms.y_pred)
            },
        )
    };
    vec![
        ("softmax-loss", readout(known(scene.mean_cross_entropy), 4)),
        ("softmax-accuracy", percent_tenths(known(scene.accuracy))),
        ("softmax-iteration", model.softmax.iteration().to_string()),
        ("softmax-logit-gap", readout(known(scene.median_gap), 2)),
        ("softmax-classes-value", settings.classes.to_string()),
        ("softmax-C-value", significant3(settings.c)),
        ("softmax-smoothing-value", readout(settings.smoothing, 2)),
        ("softmax-gamma-value", readout(settings.gamma, 1)),
        ("softmax-status", softmax_status(model)),
        ("softmax-data-note", t(lang, data_note(scene.data)).to_owned()),
        ("softmax-keras-one-hot", keras(|f| &f.one_hot, "CategoricalCrossentropy", |f| &f.categorical)),
        ("softmax-keras-sparse", keras(|f| &f.sparse, "SparseCategoricalCrossentropy", |f| &f.sparse_value)),
    ]
}

/// Why the preset looks as it does (and, for the ring, why no fit is good),
/// or, for the reader's own points, how to have a preset's again.
fn data_note(data: Option<PlaneDataSet>) -> &'static str {
    match data {
        Some(PlaneDataSet::Blobs) => "softmax.note.blobs",
        Some(PlaneDataSet::Overlap) => "softmax.note.overlap",
        Some(PlaneDataSet::Imbalanced) => "softmax.note.imbalanced",
        Some(PlaneDataSet::Ring) => "softmax.note.ring",
        None => "softmax.note.own",
    }
}

/// Where the softmax fit stands, in a sentence.
fn softmax_status(model: &Model) -> String {
    let lang = model.state.lang;
    let fit = &model.softmax;
    let n = fit.iteration().to_string();
    let key = match (fit.optimum(), fit.standing()) {
        (Err(SoftmaxFitError::Separable), _) => "status.softmax.separable",
        (Err(error), _) => return fill(t(lang, "status.fit-error"), &[("error", error.message().text(lang))]),
        (Ok(_), Standing::Moving) => "status.softmax.animating",
        (Ok(_), Standing::Optimum) => "status.converged",
        (Ok(_), Standing::Stopped) => "status.softmax.stopped",
        (Ok(_), _) => "status.softmax.descended",
    };
    fill(t(lang, key), &[("n", &n)])
}

/// Each play button (its action), its words key, and whether it is pressed.
pub fn play_buttons(model: &Model) -> [(Action, &'static str, bool); 2] {
    let button = |action, playing: bool| (action, if playing { "action.pause" } else { "action.play" }, playing);
    [button(Action::Play, model.fit.playing()), button(Action::SoftmaxPlay, model.softmax.playing())]
}

/// The fit's readouts: w, b and the points' BCE under the sigmoid shown.
pub fn fit_readouts(model: &Model) -> [String; 3] {
    let fit = model.fit.model();
    [readout(fit.coef, 4), readout(fit.intercept, 4), readout(model.scene.binary.bce.unwrap_or(f64::NAN), 4)]
}

/// The points' mean focal loss, as its readout shows it.
pub fn focal_readout(model: &Model) -> String {
    readout(model.scene.focal.mean_focal.unwrap_or(f64::NAN), 4)
}

/// Where the fit stands, in a sentence.
fn fit_status(model: &Model) -> String {
    let lang = model.state.lang;
    let fit = &model.fit;
    let n = fit.iteration().to_string();
    match fit.optimum() {
        Err(FitError::Separable) => fill(t(lang, "status.separable"), &[("n", &n)]),
        Err(FitError::OneClass) => t(lang, "status.one-class").to_owned(),
        Err(error) => fill(t(lang, "status.fit-error"), &[("error", error.message().text(lang))]),
        Ok(_) if fit.playing() || !fit.settled() => {
            fill(t(lang, "status.animating"), &[("lr", readout(fit.learning_rate(&model.state), 3))])
        }
        Ok(_) if fit.by_newton() => fill(t(lang, "status.converged"), &[("n", &n)]),
        Ok(_) => fill(t(lang, "status.descended"), &[("n", &n)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::State;

    fn text(model: &Model, name: &str) -> String {
        readouts(model).into_iter().find(|(n, _)| *n == name).map(|(_, t)| t).unwrap()
    }

    #[test]
    fn the_article_opens_on_its_numbers() {
        let model = Model::new(crate::page::url::read(""), false);
        assert_eq!(text(&model, "bce"), "0.3329");
        assert_eq!(text(&model, "coef"), "0.9719");
        assert_eq!(text(&model, "intercept"), "0.6555");
        assert_eq!(text(&model, "targets"), "0 / 1");
        assert_eq!(text(&model, "logit-gap"), "3.3322");
        assert_eq!(text(&model, "C-value"), "1.00");
        assert!(text(&model, "fit-status").starts_with("Converged after"), "{}", text(&model, "fit-status"));
        let _ = State::default();
    }

    /// The note under the plane's data set speaks of the preset only while
    /// the points are the preset's.
    #[test]
    fn the_data_note_follows_whose_points_they_are() {
        let note = |query: &str| text(&Model::new(crate::page::url::read(query), false), "softmax-data-note");
        assert!(note("").starts_with("Blobs: K round clusters"), "{}", note(""));
        let own = note("softmax-pts=-2:0:0,-1:1:0,2:0:1,3:1:1,0:3:2,1:4:2");
        assert!(own.starts_with("Your own points: moved, added or removed"), "{own}");
    }
}
