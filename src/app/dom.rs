//! Small, typed conveniences over web-sys, so the rest of `app` reads as what
//! it does rather than as casts.
use std::cell::RefCell;
use std::collections::VecDeque;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, MessageChannel, Window};

pub fn window() -> Window {
    web_sys::window().expect("a page always has a window")
}

pub fn document() -> Document {
    window().document().expect("a page always has a document")
}

/// The first element matching `selector` below `root`, cast to `T`.
pub fn find<T: JsCast>(root: &Element, selector: &str) -> Option<T> {
    root.query_selector(selector).ok().flatten()?.dyn_into::<T>().ok()
}

/// Every element matching `selector` below `root`.
pub fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

pub fn control<T: JsCast>(root: &Element, name: &str) -> Option<T> {
    find(root, &format!("[data-control=\"{name}\"]"))
}

/// Sets the text of every `[data-readout=name]` below `root`.
///
/// Readouts are written in every frame that moves a number (each frame of a
/// drag), so their elements and last texts are remembered per root instead
/// of queried and read back each time.
pub fn set_readout(root: &Element, name: &str, text: &str) {
    READOUTS.with(|cell| {
        let mut cache = cell.borrow_mut();
        if !cache.root.as_ref().is_some_and(|r| r == root) {
            *cache = ReadoutCache { root: Some(root.clone()), entries: Vec::new() };
        }
        let index = match cache.entries.iter().position(|e| e.name == name) {
            Some(index) => index,
            None => {
                let elements = find_all(root, &format!("[data-readout=\"{name}\"]"));
                // What the page was built with counts as written: the same
                // text is not written again (a write lays the page out anew).
                let first = elements.first().and_then(|el| el.text_content());
                let text = first.filter(|t| elements.iter().all(|el| el.text_content().as_ref() == Some(t)));
                cache.entries.push(Readout { name: name.to_owned(), elements, text });
                cache.entries.len() - 1
            }
        };
        let entry = &mut cache.entries[index];
        if entry.text.as_deref() != Some(text) {
            for el in &entry.elements {
                el.set_text_content(Some(text));
            }
            entry.text = Some(text.to_owned());
        }
    });
}

/// The readout elements of one root, found once, with the text last written.
#[derive(Default)]
struct ReadoutCache {
    root: Option<Element>,
    entries: Vec<Readout>,
}

struct Readout {
    name: String,
    elements: Vec<Element>,
    text: Option<String>,
}

thread_local! {
    static READOUTS: RefCell<ReadoutCache> = RefCell::new(ReadoutCache::default());
}

pub fn create(tag: &str) -> Element {
    document().create_element(tag).expect("creating a standard element cannot fail")
}

/// Sets an attribute only where it differs (writing the same value again
/// still restyles what reads it); says whether it wrote.
pub fn set_attribute(el: &Element, name: &str, value: &str) -> bool {
    if el.get_attribute(name).as_deref() == Some(value) {
        return false;
    }
    let _ = el.set_attribute(name, value);
    true
}

pub fn set_hidden(el: &Element, hidden: bool) {
    // Written only when it changes: a write, even of the same value, has
    // the browser work out the element's style again.
    if let Some(el) = el.dyn_ref::<HtmlElement>().filter(|el| el.hidden() != hidden) {
        el.set_hidden(hidden);
    }
}

/// Runs `then` in a task of its own, after the tasks already waiting (the
/// reader's input among them), and after a paint if one is due.
///
/// A message the page posts itself, not a timer of 0 ms: from the fifth
/// timer set by a timer on, browsers wait at least 4 ms before each.
pub fn next_task(then: impl FnOnce() + 'static) {
    type Task = Box<dyn FnOnce()>;
    thread_local! {
        static WAITING: RefCell<VecDeque<Task>> = const { RefCell::new(VecDeque::new()) };
        /// The channel whose second port posts and whose first port runs
        /// the next waiting task, one per message (`None` where there is none).
        static CHANNEL: Option<MessageChannel> = MessageChannel::new().ok().inspect(|channel| {
            let run = Closure::<dyn FnMut()>::new(|| {
                if let Some(task) = WAITING.with(|waiting| waiting.borrow_mut().pop_front()) {
                    task();
                }
            });
            channel.port1().set_onmessage(Some(run.as_ref().unchecked_ref()));
            run.forget();
        });
    }
    let Some(port) = CHANNEL.with(|channel| channel.as_ref().map(MessageChannel::port2)) else {
        return after(0, then);
    };
    WAITING.with(|waiting| waiting.borrow_mut().push_back(Box::new(then)));
    if port.post_message(&JsValue::NULL).is_err() {
        // Not posted: the task just put last waits on a timer instead.
        if let Some(task) = WAITING.with(|waiting| waiting.borrow_mut().pop_back()) {
            after(0, task);
        }
    }
}

/// Runs `then` once, `ms` milliseconds from now.
pub fn after(ms: i32, then: impl FnOnce() + 'static) {
    let then = Closure::once_into_js(then);
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(then.unchecked_ref(), ms);
}

/// A named instant on the page's performance timeline (read by the page benchmark).
pub fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

pub fn device_pixel_ratio() -> f64 {
    let dpr = window().device_pixel_ratio();
    if dpr.is_finite() && dpr > 0.0 {
        dpr.clamp(0.5, 4.0)
    } else {
        1.0
    }
}

/// Logs to the console; failures of the page are reported, never swallowed.
pub fn console_error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
}

/// Adds a listener that lives as long as the page.
pub(super) fn listen<E: wasm_bindgen::convert::FromWasmAbi + 'static>(
    target: &web_sys::EventTarget,
    event: &str,
    handler: impl FnMut(E) + 'static,
) -> Result<(), JsValue> {
    let closure = Closure::<dyn FnMut(E)>::new(handler);
    target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())?;
    closure.forget();
    Ok(())
}
