//! The teaching parts in the document: the questions' cards, the
//! lesson-link dialog, the controls a link locks, the progress kept in the
//! browser's storage, and the embed's messages to and from the page around
//! it. What they say and when is decided in `crate::page`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent, MessageEvent};

use super::dom;
use super::dom::listen;
use crate::i18n::{fill, t, Lang};
use crate::page::api::Outgoing;
use crate::page::lesson::{LessonView, LOCKABLE};
use crate::page::markup;
use crate::page::question::Status;
use crate::page::questions::{self, QuestionView};
use crate::page::{mailbox, Action, Focus, LessonEvent, Model, Msg, Question, Section, View};
use crate::state::Setting;

/// Where the progress through the questions is kept, by origin.
const PROGRESS_KEY: &str = "losslab.questions";

/// Whether the page sits in another page's frame.
pub fn framed() -> bool {
    let window = dom::window();
    matches!(window.parent(), Ok(Some(parent)) if !js_sys::Object::is(&parent, &window))
}

/// The progress an earlier visit kept. A browser that keeps nothing for
/// this page (storage blocked, or throwing) means no progress, not an error.
pub fn stored_progress() -> Option<String> {
    dom::window().local_storage().ok()??.get_item(PROGRESS_KEY).ok()?
}

fn store_progress(text: &str) {
    if let Ok(Some(storage)) = dom::window().local_storage() {
        let _ = storage.set_item(PROGRESS_KEY, text);
    }
}

/// Fills each question's place with a card from the page's template.
pub fn build_cards(root: &Element) {
    let Some(template) = dom::document().get_element_by_id("question-card") else { return };
    // A template's inner HTML is its content.
    let card = template.inner_html();
    for place in dom::find_all(root, "[data-question]") {
        // A card the page was built with is already there.
        if place.child_element_count() > 0 {
            continue;
        }
        place.set_inner_html(&card);
        if let (Some(key), Some(prompt)) = (place.get_attribute("data-question"), part(&place, ".q-prompt")) {
            prompt.set_id(&format!("q-{key}"));
        }
    }
}

/// Fills each section's "Show code" disclosure with its code twins, where
/// the page was built without them.
pub fn build_code_twins(root: &Element, lang: Lang) {
    for details in dom::find_all(root, "details[data-code-for]") {
        if details.child_element_count() > 0 {
            continue;
        }
        if let Some(section) = details.get_attribute("data-code-for") {
            details.set_inner_html(&markup::code_twins(&section, lang));
        }
    }
}

/// What a link fixes in the document: the sections it does not show are
/// hidden, the controls it locks say so, and in an embed the question it
/// asks sits under the figures.
pub fn view(root: &Element, view: &View) {
    for section in Section::ALL {
        if let Some(el) = dom::document().get_element_by_id(section.word()) {
            if !view.shows_section(section) {
                dom::set_hidden(&el, true);
            }
        }
    }
    for setting in Setting::all().filter(|&s| view.locks(s)) {
        lock(root, setting);
    }
    if let (Some(question), Some(_)) = (view.ask, &view.embed) {
        let Some(card) = card(root, question) else { return };
        let _ = card.class_list().add_1("asked");
        let slots = dom::find_all(root, "main > section:not([hidden]) > .slot");
        if let Some(last) = slots.last() {
            let _ = last.after_with_node_1(&card);
        }
    }
}

/// Shows a locked control as switched off, saying why in the page's words.
fn lock(root: &Element, setting: Setting) {
    let control = setting.spec().control;
    let note = || {
        let note = dom::create("span");
        note.set_class_name("locked-note");
        let _ = note.set_attribute("data-i18n", "lesson.locked");
        note
    };
    for element in dom::find_all(root, &format!("[data-control=\"{control}\"]")) {
        set_disabled(&element, true);
        if let Some(label) = element.closest("label").ok().flatten() {
            let _ = label.append_child(&note());
        }
    }
    let actions: &[Action] = match setting {
        Setting::Points | Setting::Data => &[Action::ApplyCsv, Action::ResetPoints],
        Setting::Seed => &[Action::NewSeed],
        _ => &[],
    };
    for action in actions {
        if let Some(button) = dom::find::<Element>(root, &format!("[data-action=\"{}\"]", action.word())) {
            set_disabled(&button, true);
        }
    }
    if setting == Setting::Points {
        for place in dom::find_all(root, &format!("[data-locks=\"{control}\"]")) {
            let _ = place.append_child(&dom::create("br"));
            let _ = place.append_child(&note());
        }
    }
}

/// Disables an input, a select, a text area or a button.
pub fn set_disabled(element: &Element, off: bool) {
    let _ = if off { element.set_attribute("disabled", "") } else { element.remove_attribute("disabled") };
}

fn part(card: &Element, selector: &str) -> Option<Element> {
    dom::find::<Element>(card, selector)
}

fn card(root: &Element, question: Question) -> Option<Element> {
    dom::find::<Element>(root, &format!("[data-question=\"{}\"]", question.word()))
}

/// Writes `text` into `element` unless it is there already.
fn set_text(element: Option<Element>, text: &str) {
    if let Some(element) = element {
        if element.text_content().as_deref() != Some(text) {
            element.set_text_content(Some(text));
        }
    }
}

fn set_hidden(element: Option<Element>, hidden: bool) {
    if let Some(element) = element {
        dom::set_hidden(&element, hidden);
    }
}

/// Every question card, from the model.
pub fn questions(model: &Model, root: &Element) {
    let lang = model.state.lang;
    let mut picking = false;
    for view in questions::views(model) {
        let Some(card) = card(root, view.question) else { continue };
        picking |= view.picking;
        write_card(&card, &view, lang);
    }
    let _ = root.toggle_attribute_with_force("data-picking", picking);
}

fn write_card(card: &Element, view: &QuestionView, lang: Lang) {
    let answered = matches!(view.status, Status::Answered { .. });
    let open = view.status == Status::Open && view.available;
    let total = Question::ALL.len().to_string();
    let number = view.question.number().to_string();
    set_text(part(card, ".q-number"), &fill(t(lang, "q.number"), &[("n", number), ("total", total)]));
    let before = match view.before {
        Some(true) => t(lang, "q.before.right"),
        Some(false) => t(lang, "q.before.wrong"),
        None => "",
    };
    set_text(part(card, ".q-before"), before);
    set_text(part(card, ".q-prompt"), &view.prompt);
    choices(card, view);
    set_hidden(part(card, ".q-hint"), !view.picking);
    let feedback = match (&view.feedback, &view.status) {
        (Some(text), _) => text.clone(),
        (None, Status::Skipped) => t(lang, "q.skipped").to_owned(),
        _ => String::new(),
    };
    set_text(part(card, ".q-feedback"), &feedback);
    set_hidden(part(card, ".q-feedback"), feedback.is_empty());
    if let Some(pick) = part(card, "[data-q=\"pick\"]") {
        dom::set_hidden(&pick, !(open && view.question.picks_point()));
        let key = if view.picking { "q.pick.stop" } else { "q.pick" };
        if dom::set_attribute(&pick, "data-i18n", key) {
            pick.set_text_content(Some(t(lang, key)));
        }
        dom::set_attribute(&pick, "aria-pressed", if view.picking { "true" } else { "false" });
    }
    set_hidden(part(card, "[data-q=\"show\"]"), !answered);
    set_hidden(part(card, "[data-q=\"retry\"]"), view.status == Status::Open);
    set_hidden(part(card, "[data-q=\"skip\"]"), !open);
    let status = match view.status {
        Status::Open => "open",
        Status::Skipped => "skipped",
        Status::Answered { right: true } => "right",
        Status::Answered { right: false } => "wrong",
    };
    dom::set_attribute(card, "data-status", status);
}

/// The choice buttons: one per choice, marked once the question is answered.
fn choices(card: &Element, view: &QuestionView) {
    let Some(group) = part(card, ".q-choices") else { return };
    let mut buttons = dom::find_all(&group, "button");
    if buttons.len() != view.choices.len() {
        group.set_inner_html("");
        buttons = view
            .choices
            .iter()
            .map(|_| {
                let button = dom::create("button");
                let _ = button.set_attribute("type", "button");
                button.set_class_name("ghost");
                let _ = group.append_child(&button);
                button
            })
            .collect();
    }
    for (button, (id, label)) in buttons.iter().zip(&view.choices) {
        dom::set_attribute(button, "data-answer", id);
        set_text(Some(button.clone()), label);
        let chosen = view.chosen.as_ref() == Some(id);
        dom::set_attribute(button, "aria-pressed", if chosen { "true" } else { "false" });
        let mark = if view.right_choice.as_ref() == Some(id) {
            "right"
        } else if chosen {
            "wrong"
        } else {
            ""
        };
        dom::set_attribute(button, "data-mark", mark);
    }
}

/// The lesson dialog: opened (modal: the rest of the page is inert) and
/// written from its draft, or closed.
pub fn lesson(root: &Element, shown: Option<&LessonView>) {
    let Some(dialog) = dialog() else { return };
    let Some(shown) = shown else {
        if dialog.open() {
            dialog.close();
        }
        return;
    };
    for (section, on) in Section::ALL.iter().zip(&shown.show) {
        check(root, &format!("[data-lesson-show=\"{}\"]", section.word()), *on);
    }
    for (setting, on) in LOCKABLE.iter().zip(&shown.lock) {
        check(root, &format!("[data-lesson-lock=\"{}\"]", setting.spec().control), *on);
    }
    if let Some(select) = dom::find::<HtmlSelectElement>(root, "[data-lesson-ask]") {
        select.set_value(shown.ask.map_or("", |q| q.word()));
    }
    if let Some(link) = dom::find::<HtmlInputElement>(root, "[data-lesson-link]") {
        link.set_value(shown.link.as_deref().unwrap_or(""));
    }
    set_hidden(dom::find::<Element>(root, "[data-lesson-empty]"), shown.link.is_some());
    if let Some(copy) = dom::find::<Element>(root, &format!("[data-action=\"{}\"]", Action::LessonCopy.word())) {
        set_disabled(&copy, shown.link.is_none());
    }
    if !dialog.open() {
        let _ = dialog.show_modal();
    }
}

fn dialog() -> Option<web_sys::HtmlDialogElement> {
    dom::document().get_element_by_id("lesson")?.dyn_into().ok()
}

fn check(root: &Element, selector: &str, on: bool) {
    if let Some(input) = dom::find::<HtmlInputElement>(root, selector) {
        input.set_checked(on);
    }
}

/// The dialog's elements that take the keyboard focus, in order.
fn focusable() -> Vec<Element> {
    dialog().map_or_else(Vec::new, |d| dom::find_all(&d, "input:not([disabled]),select,button:not([disabled])"))
}

/// Moves the keyboard focus (and brings a question into view).
pub fn focus(root: &Element, focus: Focus) {
    let element = match focus {
        Focus::Question(question) => card(root, question).inspect(|card| card.scroll_into_view()),
        Focus::LessonItem(index) => focusable().into_iter().nth(index),
        Focus::LessonOpener => dom::find::<Element>(root, &format!("[data-action=\"{}\"]", Action::Lesson.word())),
    };
    if let Some(element) = element.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Brings what a question's answer is about into view.
pub fn reveal(root: &Element, selector: &str) {
    if let Some(element) = dom::find::<Element>(root, selector) {
        element.scroll_into_view();
    }
}

pub fn store(text: &str) {
    store_progress(text);
}

/// Posts a message to the page around the embed (none at the top level).
pub fn post(message: &Outgoing) {
    if !framed() {
        return;
    }
    let Ok(Some(parent)) = dom::window().parent() else { return };
    let Ok(value) = js_sys::JSON::parse(&message.json) else { return };
    let target = message.target.as_deref().unwrap_or("*");
    if target != "*" && !parent_may_be(target) {
        return;
    }
    let _ = parent.post_message(&value, target);
}

/// Whether the page around the embed may be at `origin`. A message to
/// another origin than the parent's is dropped by every engine, and some
/// (Firefox) log it as an error; the embed's referrer, when the parent
/// sends one, is the parent's address, so such a message is not tried.
fn parent_may_be(origin: &str) -> bool {
    let referrer = dom::document().referrer();
    referrer.is_empty() || web_sys::Url::new(&referrer).map_or(true, |url| url.origin() == origin)
}

/// The dialog's own keys: Tab keeps the focus inside, and its closing
/// (Escape included) is a message.
pub fn bind_dialog() -> Result<(), JsValue> {
    let Some(dialog) = dialog() else { return Ok(()) };
    listen(dialog.as_ref(), "keydown", |event: KeyboardEvent| {
        // WebKitGTK names Shift+Tab's key after GTK's keysym; its code is Tab.
        if event.key() != "Tab" && event.code() != "Tab" {
            return;
        }
        let items = focusable();
        let active = dom::document().active_element();
        let at = items.iter().position(|e| Some(e) == active.as_ref());
        let msg = Msg::Lesson(LessonEvent::Tab { at, count: items.len(), backwards: event.shift_key() });
        if mailbox::post(msg).is_some_and(|c| c.handled) {
            event.prevent_default();
        }
    })?;
    listen(dialog.as_ref(), "close", |_: web_sys::Event| {
        mailbox::post(Msg::Lesson(LessonEvent::Close));
    })
}

/// With `api=1`: the parent page's `losslab:set`, heard from the parent
/// alone, read into a message (its values as text, as a link holds them).
pub fn bind_api() -> Result<(), JsValue> {
    listen(dom::window().as_ref(), "message", |event: MessageEvent| {
        let from_parent = match (event.source(), dom::window().parent()) {
            (Some(source), Ok(Some(parent))) => js_sys::Object::is(&source, &parent),
            _ => false,
        };
        let data = event.data();
        let field = |object: &JsValue, name: &str| js_sys::Reflect::get(object, &JsValue::from_str(name)).ok();
        let is_set = field(&data, "type").and_then(|t| t.as_string()).as_deref() == Some("losslab:set");
        let Some(state) = field(&data, "state").filter(|s| s.is_object() && from_parent && is_set) else {
            return;
        };
        let pairs = js_sys::Object::entries(state.unchecked_ref())
            .iter()
            .filter_map(|entry| {
                let pair: js_sys::Array = entry.dyn_into().ok()?;
                Some((pair.get(0).as_string()?, text_of(&pair.get(1))))
            })
            .collect();
        mailbox::post(Msg::ApiSet { origin: event.origin(), pairs });
    })
}

/// A value another page sent, as the text a link would hold: numbers as
/// links write them, flags as 1 or 0, anything else as its JSON.
fn text_of(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        text
    } else if let Some(x) = value.as_f64() {
        crate::number::format::shortest(x)
    } else if let Some(on) = value.as_bool() {
        if on { "1" } else { "0" }.to_owned()
    } else {
        js_sys::JSON::stringify(value).ok().and_then(|s| s.as_string()).unwrap_or_default()
    }
}

/// In a frame: the content's height, whenever it changes.
pub fn bind_height(root: &Element) -> Result<(), JsValue> {
    let measured = root.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let bottom = measured.get_bounding_client_rect().bottom() + dom::window().scroll_y().unwrap_or(0.0);
        mailbox::post(Msg::Height(bottom.ceil().max(0.0) as u32));
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
    observer.observe(root);
    on_resize.forget();
    std::mem::forget(observer);
    Ok(())
}
