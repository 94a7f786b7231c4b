//! The page's address, written as the state changes. A finished change is
//! a step in history, written at once. A change in progress (a slider or a
//! point being dragged) replaces the address at most every
//! [`REPLACE_EVERY_MS`], its last address always. Browsers allow a page 100
//! (WebKit) or 200 (Chromium, Firefox) history writes in 10 seconds and
//! ignore or refuse the rest, and each write costs milliseconds: one per
//! frame slowed a drag down and, after a few seconds of it, lost its address.
//! Finished changes that follow one another closer than that (a held arrow
//! key on a slider finishes one at each repeat) are one step: the first is
//! pushed, the rest replace it.

use std::cell::RefCell;

use wasm_bindgen::JsValue;

use super::dom;

/// The least time between two replaced addresses, and between two steps.
const REPLACE_EVERY_MS: f64 = 150.0;

#[derive(Default)]
struct Link {
    /// When the address was last written (`Date.now()`).
    written: f64,
    /// When a finished change last came (`Date.now()`).
    finished: f64,
    /// The address waiting for its turn to replace the current one.
    waiting: Option<String>,
    /// A timer will write `waiting`.
    timer: bool,
}

thread_local! {
    static LINK: RefCell<Link> = RefCell::new(Link::default());
}

/// Writes `query` as the page's address: a new history entry if `push`,
/// else in place of the current one (soon, if one was written just now);
/// a step that follows the last closely replaces it.
pub fn write(query: &str, push: bool) {
    let now = js_sys::Date::now();
    let mut push = push;
    let next = LINK.with(|cell| {
        let mut link = cell.borrow_mut();
        if push {
            push = now - std::mem::replace(&mut link.finished, now) >= REPLACE_EVERY_MS;
        }
        if push || (!link.timer && now - link.written >= REPLACE_EVERY_MS) {
            link.waiting = None;
            link.written = now;
            return Next::Now;
        }
        link.waiting = Some(query.to_owned());
        match std::mem::replace(&mut link.timer, true) {
            true => Next::Waiting,
            false => Next::After(REPLACE_EVERY_MS - (now - link.written)),
        }
    });
    match next {
        Next::Now => put(query, push),
        Next::After(ms) => dom::after(ms.clamp(0.0, REPLACE_EVERY_MS) as i32, flush),
        Next::Waiting => {}
    }
}

/// When an address is written.
enum Next {
    Now,
    /// In this many milliseconds, by a timer set now.
    After(f64),
    /// When the timer already set goes off.
    Waiting,
}

/// A step back or forward in history: an address waiting to replace the
/// one left behind is dropped.
pub fn forget() {
    LINK.with(|cell| cell.borrow_mut().waiting = None);
}

fn flush() {
    let waiting = LINK.with(|cell| {
        let mut link = cell.borrow_mut();
        link.timer = false;
        link.written = js_sys::Date::now();
        link.waiting.take()
    });
    if let Some(query) = waiting {
        put(&query, false);
    }
}

fn put(query: &str, push: bool) {
    let Ok(history) = dom::window().history() else { return };
    let path = dom::window().location().pathname().unwrap_or_default();
    let url = if query.is_empty() { path } else { format!("?{query}") };
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}
