//! Applying what [`update`](crate::page::update) returned: the shell writes
//! into the document exactly what the [`Changes`] ask for.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use super::{dom, figures, link, teach, text, words};
use crate::charts::Figure;
use crate::i18n::{t, Lang};
use crate::page::readouts::{play_buttons, readouts};
use crate::page::{code, mailbox, markup, Action, Changes, CodeBlock, Model, Msg, View};
use crate::state::{Calc, CalcField, ControlInput, Setting, State, Value, SETTINGS};

thread_local! {
    static FRAME_PENDING: Cell<bool> = const { Cell::new(false) };
    static FIRST_FRAME: Cell<bool> = const { Cell::new(true) };
    static ALL_DRAWN: Cell<bool> = const { Cell::new(false) };
}

pub fn apply(model: &Model, root: &Element, changes: &Changes) {
    let lang = model.state.lang;
    if changes.theme {
        theme(model);
    }
    if changes.words {
        text::words(root, lang);
    }
    if changes.all_controls {
        every_control(model, root);
    } else {
        changes.controls.iter().for_each(|&setting| control(model, root, setting));
    }
    if changes.notices {
        text::notices(model);
    }
    if changes.calculators {
        calculators(model, root);
    }
    if let Some(lines) = &changes.csv_errors {
        csv_errors(root, lines);
    }
    if let Some(tooltip) = &changes.tooltip {
        text::tooltip(tooltip);
    }
    if let Some((text, button)) = &changes.copy {
        text::copy(root, text, *button, lang);
    }
    if let Some((figure, kind)) = changes.export {
        figures::export(figure, kind, &model.scene, &figures::style(model.state.palette, model.dark(), lang));
    }
    if let Some(lang) = changes.load_words {
        words::load(lang);
    }
    if changes.readouts || changes.calculators {
        // The code twins, kept like readouts: written only when they change,
        // and only where the reader has opened them (writing one out costs
        // more than drawing a figure; one opened is written then).
        let shown = shown_code(root);
        for block in CodeBlock::ALL {
            let name = format!("code-{}", block.word());
            if shown.contains(&name) {
                dom::set_readout(root, &name, &code::code(model, block));
            }
        }
    }
    if changes.readouts {
        for (name, text) in readouts(model) {
            dom::set_readout(root, name, &text);
        }
        for button in play_buttons(model) {
            play(root, button, lang);
        }
    }
    match &changes.url {
        Some((query, push)) => link::write(query, lang, *push, changes.url_settled),
        None if changes.url_settled => link::settle(),
        None => {}
    }
    if !changes.release.is_empty() {
        figures::release(&changes.release);
    }
    if !changes.describe.is_empty() {
        figures::describe(&model.scene, lang, &changes.describe);
    }
    if changes.questions {
        teach::questions(model, root);
    }
    if let Some(progress) = &changes.store {
        teach::store(progress);
    }
    if let Some(lesson) = &changes.lesson {
        teach::lesson(root, lesson.as_ref());
    }
    if let Some(focus) = changes.focus {
        teach::focus(root, focus);
    }
    if let Some(selector) = changes.reveal {
        teach::reveal(root, selector);
    }
    changes.post.iter().for_each(teach::post);
    if !changes.draw.is_empty() {
        figures::draw_many(&model.scene, &figures::style(model.state.palette, model.dark(), lang), &changes.draw);
        if FIRST_FRAME.with(|first| first.replace(false)) {
            // Navigation to the first figure drawn (the topmost on the screen).
            dom::mark("losslab-first-render");
        }
        if !ALL_DRAWN.with(Cell::get) && figures::all_drawn() {
            // Navigation to every figure drawn (each once it came near):
            // what the page benchmark reports.
            ALL_DRAWN.with(|done| done.set(true));
            dom::mark("losslab-all-drawn");
        }
    }
    if let Some(text) = &changes.announce {
        text::announce(text);
    }
    if changes.frame {
        request_frame();
    }
}

fn request_frame() {
    if FRAME_PENDING.with(|pending| pending.replace(true)) {
        return;
    }
    let callback = Closure::once_into_js(|| {
        FRAME_PENDING.with(|pending| pending.set(false));
        mailbox::post(Msg::Frame);
    });
    if dom::window().request_animation_frame(callback.unchecked_ref()).is_err() {
        FRAME_PENDING.with(|pending| pending.set(false));
    }
}

/// The theme and palette, as attributes of the document's root element
/// (the style sheet follows them), written as links write them; none for
/// the defaults (the system's scheme, the article's colours).
pub fn theme(model: &Model) {
    let html = dom::document().document_element().expect("a document has a root element");
    let state = &model.state;
    let default = State::default();
    for (attribute, setting) in [("data-theme", Setting::Theme), ("data-palette", Setting::Palette)] {
        let _ = match setting.get(state) {
            Value::Word(word) if setting.get(&default) != Value::Word(word) => html.set_attribute(attribute, word),
            _ => html.remove_attribute(attribute),
        };
    }
}

/// Shows only the embedded figures, their controls (if asked) first.
pub fn view(root: &Element, view: &View) {
    let html = dom::document().document_element().expect("a document has a root element");
    // The head script guessed from the link; the view read from it decides.
    let _ = html.class_list().toggle_with_force("embed", view.embed.is_some());
    let Some(embedded) = view.embedded() else { return };
    let named = |names: Option<String>| -> Vec<Figure> {
        names.unwrap_or_default().split(',').filter_map(Figure::from_name).collect()
    };
    for group in dom::find_all(root, "[data-controls-for]") {
        let shown =
            view.controls && named(group.get_attribute("data-controls-for")).iter().any(|f| embedded.contains(f));
        dom::set_hidden(&group, !shown);
    }
    for section in dom::find_all(root, "main > section") {
        let slots = dom::find_all(&section, "[data-slot]");
        // In the link's order.
        let figures: Vec<&Element> = embedded
            .iter()
            .filter_map(|f| slots.iter().find(|slot| named(slot.get_attribute("data-slot")).contains(f)))
            .collect();
        dom::set_hidden(&section, figures.is_empty());
        // The figures first, their controls under them: an iframe opens
        // on the figure, and the keyboard reaches it first too.
        for slot in figures.iter().rev() {
            let _ = section.prepend_with_node_1(slot);
        }
    }
    // The sections too, in the order the link first names a figure of
    // theirs, where the first of them stands: the hidden ones keep their
    // places, and an embed of one section moves nothing.
    let mut placed: Vec<Element> = Vec::new();
    for figure in &embedded {
        let slot = dom::find::<Element>(root, &format!("main > section > [data-slot=\"{}\"]", figure.name()));
        let Some(section) = slot.and_then(|slot| slot.parent_element()) else { continue };
        if !placed.iter().any(|done| done.is_same_node(Some(&section))) {
            placed.push(section);
        }
    }
    let Some(first) = dom::find::<Element>(root, "main > section:not([hidden])") else { return };
    let Some(main) = first.parent_element() else { return };
    let mark = dom::create("span");
    let _ = main.insert_before(&mark, Some(&first));
    for section in &placed {
        let _ = main.insert_before(section, Some(&mark));
    }
    mark.remove();
}

pub fn every_control(model: &Model, root: &Element) {
    SETTINGS.iter().for_each(|spec| control(model, root, spec.setting));
}

/// Writes one setting's controls from the state (a setting may have a
/// control in more than one section).
fn control(model: &Model, root: &Element, setting: Setting) {
    let shown = setting.control_input(&model.state);
    let disabled = model.control_disabled(setting);
    for element in dom::find_all(root, &format!("[data-control=\"{}\"]", setting.spec().control)) {
        match &shown {
            ControlInput::Checked(on) => {
                if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
                    input.set_checked(*on);
                }
            }
            ControlInput::Text(text) => {
                if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
                    input.set_value(text);
                } else if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
                    select.set_value(text);
                } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
                    area.set_value(text);
                }
            }
        }
        teach::set_disabled(&element, disabled);
    }
}

/// A play button says what it would do, in the page's language.
fn play(root: &Element, (action, key, pressed): (Action, &'static str, bool), lang: Lang) {
    let Some(button) = dom::control::<Element>(root, action.word()) else { return };
    if dom::set_attribute(&button, "data-i18n", key) {
        button.set_text_content(Some(t(lang, key)));
    }
    dom::set_attribute(&button, "aria-pressed", if pressed { "true" } else { "false" });
}

/// Both calculators' tables, errors and notes.
pub fn calculators(model: &Model, root: &Element) {
    let lang = model.state.lang;
    for which in [Calc::Binary, Calc::Categorical] {
        let name = which.name();
        let view = model.calculators.view(which, lang);
        if let Some(error) = dom::find::<Element>(root, &format!("[data-error=\"{name}\"]")) {
            error.set_text_content(view.error.as_deref());
            dom::set_hidden(&error, view.error.is_none());
        }
        for field in [CalcField::YTrue, CalcField::YPred, CalcField::SampleWeight, CalcField::LabelSmoothing] {
            if let Some(input) = dom::control::<Element>(root, Setting::Calculator(which, field).spec().control) {
                dom::set_attribute(&input, "aria-invalid", if view.invalid == Some(field) { "true" } else { "false" });
            }
        }
        let Some(table) = dom::find::<Element>(root, &format!("[data-results=\"{name}\"]")) else { continue };
        let _ = table.class_list().toggle_with_force("stale", view.stale);
        let Some(body) = dom::find::<Element>(&table, "tbody") else { continue };
        let rows = markup::calculator_rows(name, &view);
        // The page is built with these rows: the same ones are not written again.
        if body.inner_html() != rows {
            body.set_inner_html(&rows);
        }
    }
    if let Some(notes) = model.calculators.categorical_notes(lang) {
        dom::set_readout(root, "cce-rows", &notes);
    }
}

/// The readouts of the code twins in open disclosures.
fn shown_code(root: &Element) -> Vec<String> {
    dom::find_all(root, "details[open] [data-code][data-readout]")
        .iter()
        .filter_map(|code| code.get_attribute("data-readout"))
        .collect()
}

fn csv_errors(root: &Element, lines: &[String]) {
    let Some(error) = dom::find::<Element>(root, "[data-error=\"csv\"]") else { return };
    error.set_text_content(Some(&lines.join("\n")));
    dom::set_hidden(&error, lines.is_empty());
}
