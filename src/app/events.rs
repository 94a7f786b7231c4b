//! The border: each DOM event the page handles is read here, once, into a
//! [`Msg`]. Control words are looked up in the state's table of settings and
//! the page's word tables; nothing else names a control.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, HtmlCanvasElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, KeyboardEvent,
    PointerEvent,
};

use std::cell::Cell;

use super::dom::{self, listen};
use super::{figures, link};
use crate::charts::{Figure, Pointer};
use crate::page::url::{self, Location};
use crate::page::{
    mailbox, Action, CodeBlock, ExportKind, Key, LessonEvent, Msg, Phase, Preset, Question, QuestionAction,
    QuestionEvent, Region, Section,
};
use crate::state::{ControlInput, Kind, Setting};

/// The link the page was opened with (or stepped to).
pub fn read_location() -> Location {
    url::read_address(&address())
}

/// The page's address after its origin: its path and query.
fn address() -> String {
    let location = dom::window().location();
    format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default())
}

/// The page's address without its query.
pub fn base_url() -> String {
    let location = dom::window().location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// Whether the system asks for a dark page.
pub fn system_dark() -> bool {
    dark_scheme().is_some_and(|m| m.matches())
}

fn dark_scheme() -> Option<web_sys::MediaQueryList> {
    dom::window().match_media("(prefers-color-scheme: dark)").ok().flatten()
}

/// Listens to every control. One delegated listener per event type on the
/// root: controls that appear later (figure buttons, notices) need no wiring.
pub fn bind(root: &Element) -> Result<(), JsValue> {
    for (event, finished) in [("input", false), ("change", true)] {
        listen(root.as_ref(), event, move |event: Event| on_value(&event, finished))?;
    }
    listen(root.as_ref(), "click", |event: Event| on_click(&event))?;
    listen(root.as_ref(), "submit", |event: Event| event.prevent_default())?;
    // `toggle` does not bubble: each "Show code" disclosure is heard itself.
    for details in dom::find_all(root, "details[data-code-for]") {
        let target = details.clone();
        listen(target.as_ref(), "toggle", move |_: Event| {
            if details.has_attribute("open") {
                mailbox::post(Msg::CodeShown);
            }
        })?;
    }
    listen(dom::window().as_ref(), "popstate", |_: Event| {
        link::forget();
        mailbox::post(Msg::Navigated(address()));
    })?;
    if let Some(scheme) = dark_scheme() {
        listen(scheme.as_ref(), "change", |_: Event| {
            mailbox::post(Msg::SystemDark(system_dark()));
        })?;
    }
    for figure in Figure::ALL {
        let Some(canvas) = figures::canvas(figure) else { continue };
        bind_pointer(&canvas, figure)?;
    }
    for (event, printing) in [("beforeprint", true), ("afterprint", false)] {
        listen(dom::window().as_ref(), event, move |_: Event| {
            mailbox::post(Msg::Printing(printing));
            if printing {
                // Drawn now: the print is laid out as soon as this returns.
                mailbox::post(Msg::Frame);
            }
        })?;
    }
    super::teach::bind_dialog()?;
    figures::bind_resize(root)?;
    watch_regions();
    Ok(())
}

#[wasm_bindgen(module = "/assets/seen.js")]
extern "C" {
    /// Reports, now and whenever it changes, which canvases are in each
    /// region around the viewport: `report(region, inside, outside)`.
    fn watch(canvases: js_sys::Array, report: &js_sys::Function);
}

/// Tells the page which figures are on the screen, near it and far from it.
fn watch_regions() {
    const REGIONS: [Region; 3] = [Region::Shown, Region::Near, Region::Kept];
    let names = |list: js_sys::Array| -> Vec<Figure> {
        list.iter().filter_map(|name| Figure::from_name(&name.as_string()?)).collect()
    };
    let report = Closure::<dyn FnMut(usize, js_sys::Array, js_sys::Array)>::new(
        move |region: usize, inside: js_sys::Array, outside: js_sys::Array| {
            if let Some(&region) = REGIONS.get(region) {
                mailbox::post(Msg::Seen { region, inside: names(inside), outside: names(outside) });
            }
        },
    );
    let canvases: js_sys::Array = figures::canvases().into_iter().map(JsValue::from).collect();
    watch(canvases, report.as_ref().unchecked_ref());
    report.forget();
}

/// The pointer and keyboard on a figure, as far as its table line allows.
fn bind_pointer(canvas: &HtmlCanvasElement, figure: Figure) -> Result<(), JsValue> {
    let target: &web_sys::EventTarget = canvas.as_ref();
    let phases: &[(&str, Phase)] = match figure.spec().pointer {
        Pointer::None => return Ok(()),
        Pointer::Hovers(_) => &[("pointermove", Phase::Move), ("pointerleave", Phase::Leave)],
        Pointer::Moves | Pointer::Plane => &[
            ("pointerdown", Phase::Down),
            ("pointermove", Phase::Move),
            ("pointerup", Phase::Up),
            ("pointercancel", Phase::Cancel),
            ("pointerleave", Phase::Leave),
        ],
    };
    for &(event, phase) in phases {
        listen(target, event, move |event: PointerEvent| on_pointer(figure, phase, &event))?;
    }
    if matches!(figure.spec().pointer, Pointer::Moves | Pointer::Plane) {
        // A touch that starts on a point drags it and scrolls nothing; any
        // other touch scrolls the page (the style sheet lets it).
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(false);
        let hold_scroll = Closure::<dyn FnMut(Event)>::new(|event: Event| {
            if GRABBED.with(Cell::get) {
                event.prevent_default();
            }
        });
        target.add_event_listener_with_callback_and_add_event_listener_options(
            "touchstart",
            hold_scroll.as_ref().unchecked_ref(),
            &options,
        )?;
        hold_scroll.forget();
        // A long press on a point removes it: no menu of the browser's too.
        listen(target, "contextmenu", |event: Event| {
            if GRABBED.with(Cell::get) {
                event.prevent_default();
            }
        })?;
        listen(target, "keydown", move |event: KeyboardEvent| on_key(figure, &event))?;
        listen(target, "blur", |_: Event| {
            mailbox::post(Msg::Blur);
        })?;
    }
    Ok(())
}

fn on_value(event: &Event, finished: bool) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    if let Some(msg) = lesson_choice(&target).filter(|_| finished) {
        mailbox::post(msg);
        return;
    }
    let Some(setting) = target.get_attribute("data-control").and_then(|word| Setting::from_control(&word)) else {
        return;
    };
    // Checkboxes and selects act once, on `change`; text and sliders on every `input` too.
    if !finished && matches!(setting.spec().kind, Kind::Flag | Kind::Word(_)) {
        return;
    }
    let input = match target.dyn_ref::<HtmlInputElement>() {
        Some(input) if input.type_() == "checkbox" => ControlInput::Checked(input.checked()),
        Some(input) => ControlInput::Text(input.value()),
        None => ControlInput::Text(
            target
                .dyn_ref::<HtmlSelectElement>()
                .map(|s| s.value())
                .or_else(|| target.dyn_ref::<HtmlTextAreaElement>().map(|t| t.value()))
                .unwrap_or_default(),
        ),
    };
    mailbox::post(Msg::Control { setting, input, finished });
}

/// A choice in the lesson-link dialog.
fn lesson_choice(target: &Element) -> Option<Msg> {
    let checked = || target.dyn_ref::<HtmlInputElement>().is_some_and(|i| i.checked());
    let event = if let Some(section) = target.get_attribute("data-lesson-show") {
        LessonEvent::Show(Section::from_word(&section)?, checked())
    } else if let Some(control) = target.get_attribute("data-lesson-lock") {
        LessonEvent::Lock(Setting::from_control(&control)?, checked())
    } else if target.has_attribute("data-lesson-ask") {
        LessonEvent::Ask(Question::from_word(&target.dyn_ref::<HtmlSelectElement>()?.value()))
    } else {
        return None;
    };
    Some(Msg::Lesson(event))
}

fn on_click(event: &Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let Some(button) = target.closest("button").ok().flatten() else { return };
    let word = |name: &str| button.get_attribute(name);
    let msg = if let Some(action) =
        word("data-control").or_else(|| word("data-action")).and_then(|w| Action::from_word(&w))
    {
        match action {
            Action::Share => {
                link::settle();
                Msg::Share { href: dom::window().location().href().unwrap_or_default() }
            }
            Action::ApplyCsv => Msg::ApplyCsv(points_text()),
            Action::Lesson => Msg::Lesson(LessonEvent::Open { base: base_url() }),
            Action::LessonClose => Msg::Lesson(LessonEvent::Close),
            Action::LessonCopy => Msg::Lesson(LessonEvent::Copy),
            action => Msg::Action(action),
        }
    } else if let Some(question) = button
        .closest("[data-question]")
        .ok()
        .flatten()
        .and_then(|card| card.get_attribute("data-question"))
        .and_then(|word| Question::from_word(&word))
    {
        let event = match (word("data-answer"), word("data-q").and_then(|w| QuestionAction::from_word(&w))) {
            (Some(id), _) => QuestionEvent::Choose(id),
            (None, Some(action)) => QuestionEvent::Act(action),
            (None, None) => return,
        };
        Msg::Question(question, event)
    } else if let Some(preset) = word("data-preset").and_then(|w| Preset::from_word(&w)) {
        Msg::Preset(preset)
    } else if let Some(block) = word("data-copy-code").and_then(|w| CodeBlock::from_word(&w)) {
        Msg::CopyCode(block)
    } else if let (Some(kind), Some(figure)) = (
        word("data-export").and_then(|w| ExportKind::from_word(&w)),
        word("data-figure-name").and_then(|n| Figure::from_name(&n)),
    ) {
        Msg::Export { figure, kind, base: base_url() }
    } else {
        return;
    };
    mailbox::post(msg);
}

/// The text of the points' text box.
fn points_text() -> String {
    let root = dom::document().document_element().expect("a document has a root element");
    dom::control::<HtmlTextAreaElement>(&root, Setting::Points.spec().control)
        .map(|area| area.value())
        .unwrap_or_default()
}

thread_local! {
    /// The last press took a point (its touch must not scroll the page).
    static GRABBED: Cell<bool> = const { Cell::new(false) };
    /// Counts presses, so that a long press's timer acts only on its own.
    static PRESSES: Cell<u32> = const { Cell::new(0) };
}

/// How long a finger holds still on a point to remove it, in milliseconds.
const LONG_PRESS_MS: i32 = 550;

fn on_pointer(figure: Figure, phase: Phase, event: &PointerEvent) {
    let touch = event.pointer_type() == "touch";
    let msg = Msg::Pointer(crate::page::PointerEvent {
        figure,
        phase,
        at: (f64::from(event.offset_x()), f64::from(event.offset_y())),
        client: (event.client_x(), event.client_y()),
        map: figures::css_plot_map(figure),
        shift: event.shift_key(),
        alt: event.alt_key(),
        touch,
    });
    let changes = mailbox::post(msg);
    if phase == Phase::Down {
        let grabbed = changes.is_some_and(|c| c.capture_pointer);
        GRABBED.with(|cell| cell.set(grabbed));
        if grabbed {
            if let Some(canvas) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                let _ = canvas.set_pointer_capture(event.pointer_id());
            }
            if touch {
                hold_later();
            }
            // Only a press that takes a point keeps the browser from acting
            // on it (a finger elsewhere scrolls).
            event.prevent_default();
        } else if !touch {
            event.prevent_default();
        }
    }
    if matches!(phase, Phase::Up | Phase::Cancel) {
        PRESSES.with(|n| n.set(n.get().wrapping_add(1)));
    }
}

/// A long press: if this press is still held when the time is up, the
/// page hears of it (and removes the point if the finger has not moved).
fn hold_later() {
    let press = PRESSES.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    dom::after(LONG_PRESS_MS, move || {
        if PRESSES.with(Cell::get) == press {
            mailbox::post(Msg::Hold);
        }
    });
}

fn on_key(figure: Figure, event: &KeyboardEvent) {
    let Some(key) = Key::from_word(&event.key()) else { return };
    let changes = mailbox::post(Msg::Key { figure, key, shift: event.shift_key(), map: figures::css_plot_map(figure) });
    if changes.is_some_and(|c| c.handled) {
        event.prevent_default();
    }
}
