//! Words on the page: the language switch, the live readouts, notices and
//! clipboard feedback. Every string comes from `crate::i18n`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::{dom, App};
use crate::core::fit::FitError;
use crate::i18n::{self, t};
use crate::number::format::{percent_tenths, readout, significant3, trimmed};
use crate::state::{Lang, Notice};

/// Fills every `data-i18n*` element below `root` in `lang`.
pub fn apply(root: &Element, lang: Lang) {
    let document = dom::document();
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", if lang == Lang::Zh { "zh-CN" } else { "en" });
    }
    document.set_title(t(lang, "page.title"));
    let scope = document.document_element().unwrap_or_else(|| root.clone());
    for el in dom::find_all(&scope, "[data-i18n]") {
        if let Some(text) = el.get_attribute("data-i18n").and_then(|k| i18n::lookup(lang, &k)) {
            // The page is written in English: an unchanged text is not
            // replaced, so opening it in English lays nothing out again.
            if el.text_content().as_deref() != Some(text) {
                el.set_text_content(Some(text));
            }
        }
    }
    for el in dom::find_all(&scope, "[data-i18n-label]") {
        if let Some(text) = el.get_attribute("data-i18n-label").and_then(|k| i18n::lookup(lang, &k)) {
            let _ = el.set_attribute("aria-label", text);
        }
    }
    for el in dom::find_all(&scope, "[data-i18n-placeholder]") {
        if let Some(text) = el.get_attribute("data-i18n-placeholder").and_then(|k| i18n::lookup(lang, &k)) {
            let _ = el.set_attribute("placeholder", text);
        }
    }
}

/// Updates every live number on the page from the app.
pub fn readouts(app: &App) {
    let root = &app.root;
    let state = &app.state;
    let lang = state.lang;
    let scene = &app.scene;
    let known = |v: Option<f64>| v.unwrap_or(f64::NAN);
    dom::set_readout(root, "bce", &readout(known(scene.binary.bce), 4));
    dom::set_readout(root, "coef", &readout(app.fit.model().coef, 4));
    dom::set_readout(root, "intercept", &readout(app.fit.model().intercept, 4));
    dom::set_readout(root, "iteration", &app.fit.iteration().to_string());
    let smooth = |y: f64| crate::core::smoothing::smooth_binary(y, state.smoothing);
    dom::set_readout(root, "targets", &format!("{} / {}", trimmed(smooth(0.0)), trimmed(smooth(1.0))));
    dom::set_readout(root, "C-value", &significant3(state.c));
    dom::set_readout(root, "smoothing-value", &readout(state.smoothing, 2));
    dom::set_readout(root, "gamma-value", &readout(state.gamma, 1));
    dom::set_readout(root, "focal-alpha-value", &readout(state.focal_alpha, 2));
    dom::set_readout(root, "label-smoothing-value", &readout(state.label_smoothing, 2));
    dom::set_readout(root, "classes-value", &state.classes.to_string());
    dom::set_readout(root, "ce-mean", &readout(known(scene.focal.mean_ce), 4));
    dom::set_readout(root, "focal", &readout(known(scene.focal.mean_focal), 4));
    dom::set_readout(root, "hard-share", &percent_tenths(known(scene.focal.hard_share_focal)));
    dom::set_readout(root, "smoothed-target", &readout(scene.smoothing.target.first().copied().unwrap_or(f64::NAN), 4));
    let gap = match scene.smoothing.gap {
        None => t(lang, "readout.gap-infinite").to_owned(),
        Some(0.0) => t(lang, "readout.gap-uniform").to_owned(),
        Some(a) => readout(a, 4),
    };
    dom::set_readout(root, "logit-gap", &gap);
    if let Some(play) = dom::control::<Element>(root, "play") {
        let key = if app.fit.playing() { "action.pause" } else { "action.play" };
        if play.get_attribute("data-i18n").as_deref() != Some(key) {
            let _ = play.set_attribute("data-i18n", key);
            play.set_text_content(Some(t(lang, key)));
        }
        let _ = play.set_attribute("aria-pressed", if app.fit.playing() { "true" } else { "false" });
    }
    dom::set_readout(root, "fit-status", &fit_status(app));
}

fn fit_status(app: &App) -> String {
    let lang = app.state.lang;
    let n = app.fit.iteration().to_string();
    match app.fit.optimum() {
        Err(FitError::Separable) => i18n::fill(t(lang, "status.separable"), &[("n", &n)]),
        Err(FitError::OneClass) => t(lang, "status.one-class").to_owned(),
        Err(error) => i18n::fill(t(lang, "status.fit-error"), &[("error", &error.to_string())]),
        Ok(_) if app.fit.playing() || !app.fit.settled() => {
            let lr = readout(app.fit.learning_rate(&app.state), 3);
            i18n::fill(t(lang, "status.animating"), &[("lr", &lr)])
        }
        Ok(_) if app.fit.by_newton() => i18n::fill(t(lang, "status.converged"), &[("n", &n)]),
        Ok(_) => i18n::fill(t(lang, "status.descended"), &[("n", &n)]),
    }
}

/// Lists what a loaded link had wrong, with a button to dismiss the list.
pub fn show_notices(notices: &[Notice], lang: Lang) {
    let Some(box_) = dom::document().get_element_by_id("notices") else { return };
    if notices.is_empty() {
        dom::set_hidden(&box_, true);
        return;
    }
    box_.set_inner_html("");
    let title = dom::create("p");
    title.set_text_content(Some(t(lang, "notices.title")));
    let list = dom::create("ul");
    for notice in notices {
        let item = dom::create("li");
        item.set_text_content(Some(&notice.message().text(lang)));
        let _ = list.append_child(&item);
    }
    let dismiss = dom::create("button");
    let _ = dismiss.set_attribute("type", "button");
    dismiss.set_class_name("ghost");
    dismiss.set_text_content(Some(t(lang, "notices.dismiss")));
    let target = box_.clone();
    let on_click = Closure::<dyn FnMut()>::new(move || dom::set_hidden(&target, true));
    let _ = dismiss.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
    for child in [&title, &list, &dismiss] {
        let _ = box_.append_child(child);
    }
    dom::set_hidden(&box_, false);
}

/// Copies `text`, then says so on the button for a moment.
pub fn copy_to_clipboard(text: &str, button: &Element, lang: Lang) {
    let clipboard = dom::window().navigator().clipboard();
    let _ = clipboard.write_text(text);
    let original = button.text_content().unwrap_or_default();
    let done = if button.get_attribute("data-action").as_deref() == Some("share") { "share.copied" } else { "fig.copied" };
    button.set_text_content(Some(t(lang, done)));
    let button = button.clone();
    let restore = Closure::once_into_js(move || button.set_text_content(Some(&original)));
    let _ = dom::window().set_timeout_with_callback_and_timeout_and_arguments_0(restore.unchecked_ref(), 1500);
}
