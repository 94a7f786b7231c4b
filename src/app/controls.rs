//! The controls: each `[data-control]` element reads into the state and is
//! written back from it (after a URL load, a preset or a history step).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement, HtmlTextAreaElement};

use super::{calculators, dom, figures, text, url, with_app, words, App};
use crate::charts::{Deps, Figure};
use crate::i18n;
use crate::state::{Lang, Palette, Regularization, State, Theme};

/// The sliders: name, the state field it sets, and the scene part it changes.
/// `C` moves on a log scale (the slider holds log10 C).
struct Slider {
    name: &'static str,
    get: fn(&State) -> f64,
    set: fn(&mut State, f64),
    deps: Deps,
}

const SLIDERS: [Slider; 6] = [
    Slider { name: "C", get: |s| s.c.log10(), set: |s, v| s.c = 10f64.powf(v.clamp(-3.0, 3.0)), deps: Deps::POINTS },
    Slider { name: "smoothing", get: |s| s.smoothing, set: |s, v| s.smoothing = v.clamp(0.0, 1.0), deps: Deps::POINTS },
    Slider { name: "gamma", get: |s| s.gamma, set: |s, v| s.gamma = v.clamp(0.0, 5.0), deps: Deps::FOCAL },
    Slider { name: "focal-alpha", get: |s| s.focal_alpha, set: |s, v| s.focal_alpha = v.clamp(0.0, 1.0), deps: Deps::FOCAL },
    Slider { name: "label-smoothing", get: |s| s.label_smoothing, set: |s, v| s.label_smoothing = v.clamp(0.0, 1.0), deps: Deps::LABEL_SMOOTHING },
    Slider { name: "classes", get: |s| f64::from(s.classes), set: |s, v| s.classes = v.round().clamp(2.0, 10.0) as u32, deps: Deps::LABEL_SMOOTHING },
];

/// Writes every control from the state.
pub fn write_all(root: &Element, state: &State) {
    for slider in &SLIDERS {
        if let Some(input) = dom::input(root, slider.name) {
            input.set_value(&format!("{}", (slider.get)(state)));
        }
    }
    if let Some(select) = dom::select(root, "regularization") {
        select.set_value(match state.regularization {
            Regularization::L2 => "l2",
            Regularization::Off => "off",
        });
    }
    if let Some(input) = dom::input(root, "C") {
        input.set_disabled(state.regularization == Regularization::Off);
    }
    if let Some(input) = dom::input(root, "class-balancing") {
        input.set_checked(state.class_balancing);
    }
    if let Some(input) = dom::input(root, "palette") {
        input.set_checked(state.palette == Palette::ColorBlind);
    }
    if let Some(select) = dom::select(root, "theme") {
        select.set_value(match state.theme {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        });
    }
    if let Some(select) = dom::select(root, "lang") {
        select.set_value(state.lang.code());
    }
    if let Some(area) = dom::control::<HtmlTextAreaElement>(root, "points-csv") {
        area.set_value(&crate::state::points_csv(&state.points));
    }
    calculators::write_fields(root, state);
}

/// Listens to every control. One delegated listener per event type on the
/// root: controls that appear later (figure buttons) need no wiring.
pub fn bind(root: &Element) -> Result<(), JsValue> {
    for (event, finished) in [("input", false), ("change", true)] {
        let handler = Closure::<dyn FnMut(Event)>::new(move |event: Event| on_value(event, finished));
        root.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref())?;
        handler.forget();
    }
    let click = Closure::<dyn FnMut(Event)>::new(on_click);
    root.add_event_listener_with_callback("click", click.as_ref().unchecked_ref())?;
    click.forget();
    let submit = Closure::<dyn FnMut(Event)>::new(|event: Event| event.prevent_default());
    root.add_event_listener_with_callback("submit", submit.as_ref().unchecked_ref())?;
    submit.forget();
    let popstate = Closure::<dyn FnMut(Event)>::new(|_: Event| {
        let parsed = url::read_location();
        with_app(|app| {
            let shown = app.state.lang;
            app.state = parsed.state;
            // A language whose words are not here yet follows when they are.
            if !i18n::is_installed(app.state.lang) {
                words::switch_to(app.state.lang, |_| {});
                app.state.lang = shown;
            }
            app.last_query = app.state.to_query_with(&app.view);
            app.fit.data_changed(&app.state);
            app.fit.converge(&app.state);
            after_global_change(app);
            app.calculators.evaluate_all(&app.state);
            app.calculators.render(&app.root, app.state.lang);
            app.invalidate(Deps::ALL);
        });
    });
    dom::window().add_event_listener_with_callback("popstate", popstate.as_ref().unchecked_ref())?;
    popstate.forget();
    if let Ok(Some(media)) = dom::window().match_media("(prefers-color-scheme: dark)") {
        let on_scheme = Closure::<dyn FnMut(Event)>::new(|_: Event| {
            with_app(|app| {
                app.apply_theme();
                app.redraw_all();
            });
        });
        media.add_event_listener_with_callback("change", on_scheme.as_ref().unchecked_ref())?;
        on_scheme.forget();
    }
    Ok(())
}

/// Re-applies theme, palette, language and every control after a change
/// that can touch all of them (a history step).
fn after_global_change(app: &mut App) {
    app.apply_theme();
    text::apply(&app.root, app.state.lang);
    write_all(&app.root, &app.state);
}

fn control_name(event: &Event) -> Option<(Element, String)> {
    let target: Element = event.target()?.dyn_into().ok()?;
    let name = target.get_attribute("data-control")?;
    Some((target, name))
}

fn on_value(event: Event, finished: bool) {
    let Some((target, name)) = control_name(&event) else { return };
    let value = target.dyn_ref::<HtmlInputElement>().map(|i| i.value()).unwrap_or_else(|| {
        target.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default()
    });
    let checked = target.dyn_ref::<HtmlInputElement>().is_some_and(|i| i.checked());
    with_app(|app| {
        if let Some(slider) = SLIDERS.iter().find(|s| s.name == name) {
            if let Some(v) = crate::number::parse_f64(&value) {
                if v.is_finite() {
                    (slider.set)(&mut app.state, v);
                    app.state_changed(slider.deps, finished);
                }
            }
            return;
        }
        if calculators::is_field(&name) {
            calculators::read_field(&mut app.state, &name, &target);
            app.calculators.changed(&app.state, &name);
            app.calculators.render(&app.root, app.state.lang);
            app.push_history |= finished;
            app.invalidate(Deps::CCE);
            return;
        }
        if !finished {
            return; // selects and checkboxes act on `change`
        }
        match name.as_str() {
            "regularization" => {
                app.state.regularization = if value == "off" { Regularization::Off } else { Regularization::L2 };
                if let Some(input) = dom::input(&app.root, "C") {
                    input.set_disabled(app.state.regularization == Regularization::Off);
                }
                app.state_changed(Deps::POINTS, true);
            }
            "class-balancing" => {
                app.state.class_balancing = checked;
                app.state_changed(Deps::FOCAL, true);
            }
            "palette" => {
                app.state.palette = if checked { Palette::ColorBlind } else { Palette::Article };
                app.apply_theme();
                app.push_history = true;
                app.redraw_all();
            }
            "theme" => {
                app.state.theme = match value.as_str() {
                    "light" => Theme::Light,
                    "dark" => Theme::Dark,
                    _ => Theme::Auto,
                };
                app.apply_theme();
                app.push_history = true;
                app.redraw_all();
            }
            "lang" => {
                let lang = Lang::from_code(&value);
                if i18n::is_installed(lang) {
                    app.show_lang(lang);
                    app.push_history = true;
                } else {
                    words::switch_to(lang, |app| app.push_history = true);
                }
            }
            _ => {}
        }
    });
}

fn on_click(event: Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let Some(button) = target.closest("button").ok().flatten() else { return };
    if let Some(name) = button.get_attribute("data-control") {
        with_app(|app| {
            match name.as_str() {
                "play" => app.fit.toggle_play(),
                "step" => app.fit.step(&app.state),
                "reset" => {
                    app.fit.pause();
                    app.fit.reset();
                }
                "converge" => app.fit.converge(&app.state),
                _ => return,
            }
            app.invalidate(Deps::BINARY);
        });
        return;
    }
    if let Some(preset) = button.get_attribute("data-preset") {
        with_app(|app| {
            calculators::apply_preset(&mut app.state, &preset);
            calculators::write_fields(&app.root, &app.state);
            app.calculators.evaluate_all(&app.state);
            app.calculators.render(&app.root, app.state.lang);
            app.push_history = true;
            app.invalidate(Deps::CCE);
        });
        return;
    }
    if let Some(action) = button.get_attribute("data-export") {
        let Some(figure) = button.get_attribute("data-figure-name").and_then(|n| Figure::from_name(&n)) else { return };
        let job = with_app(|app| {
            (std::rc::Rc::clone(&app.scene), figures::style(app.state.palette, app.dark, app.state.lang), url::embed_code(app, figure))
        });
        let Some((scene, style, embed)) = job else { return };
        let outcome = match action.as_str() {
            "svg" => figures::export_svg(figure, &scene, &style),
            "png" => figures::export_png(figure, &scene, &style),
            _ => {
                text::copy_to_clipboard(&embed, &button, style.lang);
                Ok(())
            }
        };
        if let Err(error) = outcome {
            dom::console_error(&format!("export of {} failed: {error:?}", figure.name()));
        }
        return;
    }
    match button.get_attribute("data-action").as_deref() {
        Some("share") => {
            let href = dom::window().location().href().unwrap_or_default();
            let lang = with_app(|app| app.state.lang).unwrap_or(Lang::En);
            text::copy_to_clipboard(&href, &button, lang);
        }
        Some("apply-csv") => {
            with_app(|app| {
                let Some(csv) = dom::control::<HtmlTextAreaElement>(&app.root, "points-csv").map(|a| a.value()) else { return };
                let error = dom::find::<Element>(&app.root, "[data-error=\"csv\"]");
                match crate::state::parse_points_csv(&csv) {
                    Ok(points) if !points.is_empty() => {
                        app.state.points = points;
                        app.highlight = None;
                        if let Some(error) = &error {
                            dom::set_hidden(error, true);
                        }
                        app.state_changed(Deps::POINTS, true);
                    }
                    Ok(_) => {}
                    Err(errors) => {
                        if let Some(error) = &error {
                            let lines: Vec<String> = errors.iter().map(|e| e.message().text(app.state.lang)).collect();
                            error.set_text_content(Some(&lines.join("\n")));
                            dom::set_hidden(error, false);
                        }
                    }
                }
            });
        }
        Some("reset-points") => {
            with_app(|app| {
                app.state.points = State::default().points;
                app.highlight = None;
                if let Some(area) = dom::control::<HtmlTextAreaElement>(&app.root, "points-csv") {
                    area.set_value(&crate::state::points_csv(&app.state.points));
                }
                app.state_changed(Deps::POINTS, true);
            });
        }
        _ => {}
    }
}
