//! The page's address, written as the state changes. A change's first
//! address is a step in history; the address of a finished change is
//! written at once. A change in progress (a slider or a
//! point being dragged) replaces the address at most every
//! [`REPLACE_EVERY_MS`], its last address always. Browsers allow a page 100
//! (WebKit) or 200 (Chromium, Firefox) history writes in 10 seconds and
//! ignore or refuse the rest, and each write costs milliseconds: one per
//! frame slowed a drag down and, after a few seconds of it, lost its address.
//! Finished changes of one control that follow one another within
//! [`REPEAT_WITHIN_MS`] (a held arrow key on a slider finishes one at each
//! repeat) are one step: the first is pushed, the rest replace it.
//!
//! The address is in the folder of the page built in its language (the
//! English page, or the Chinese one in `zh/`, as `head.js` picks them), so
//! that a link copied after switching language opens without a detour.

use std::cell::RefCell;

use wasm_bindgen::JsValue;

use super::dom;
use crate::i18n::Lang;
use crate::page::url;

/// The least time between two replaced addresses.
const REPLACE_EVERY_MS: f64 = 150.0;

/// Finished changes of one control this close are one step (a keyboard
/// waits up to half a second before it repeats a held key).
const REPEAT_WITHIN_MS: f64 = 600.0;

#[derive(Default)]
struct Link {
    /// When the address was last written (`Date.now()`).
    written: f64,
    /// The query last given, written or waiting.
    query: String,
    /// When a step was last asked for (`Date.now()`), and the one key its
    /// change moved, if it moved one.
    stepped: (f64, Option<String>),
    /// The address (query, language) waiting for its turn to replace the current one.
    waiting: Option<(String, Lang)>,
    /// A timer will write `waiting`.
    timer: bool,
}

thread_local! {
    static LINK: RefCell<Link> = RefCell::new(Link::default());
}

/// Writes `query` (of a page in `lang`) as the page's address: a new history entry if `push`,
/// else in place of the current one (soon, if one was written just now);
/// a step that repeats the last one's change closely replaces it, at the
/// pace of a change in progress. A `settled` address (a finished change's)
/// is written at once.
pub fn write(query: &str, lang: Lang, push: bool, settled: bool) {
    let now = js_sys::Date::now();
    let mut push = push;
    let mut settled = settled;
    let next = LINK.with(|cell| {
        let mut link = cell.borrow_mut();
        if push {
            let key = url::one_change(&link.query, query).map(str::to_owned);
            let (then, last_key) = std::mem::replace(&mut link.stepped, (now, key.clone()));
            let repeat = key.is_some() && key == last_key && now - then < REPEAT_WITHIN_MS;
            push = !repeat;
            settled &= !repeat;
        }
        query.clone_into(&mut link.query);
        if push || settled || (!link.timer && now - link.written >= REPLACE_EVERY_MS) {
            link.waiting = None;
            link.written = now;
            return Next::Now;
        }
        link.waiting = Some((query.to_owned(), lang));
        match std::mem::replace(&mut link.timer, true) {
            true => Next::Waiting,
            false => Next::After(REPLACE_EVERY_MS - (now - link.written)),
        }
    });
    match next {
        Next::Now => put(query, lang, push),
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
/// one left behind is dropped, and the next finished change is a step of
/// its own, however soon it comes.
pub fn forget() {
    LINK.with(|cell| {
        let mut link = cell.borrow_mut();
        link.waiting = None;
        link.stepped = (0.0, None);
    });
}

/// Writes the address waiting for its turn now: for what reads the
/// address (the share button) right after a change.
pub fn settle() {
    let waiting = LINK.with(|cell| {
        let mut link = cell.borrow_mut();
        let waiting = link.waiting.take();
        if waiting.is_some() {
            link.written = js_sys::Date::now();
        }
        waiting
    });
    if let Some((query, lang)) = waiting {
        put(&query, lang, false);
    }
}

/// The timer's turn: the waiting address is written, if one still waits.
fn flush() {
    LINK.with(|cell| cell.borrow_mut().timer = false);
    settle();
}

fn put(query: &str, lang: Lang, push: bool) {
    let Ok(history) = dom::window().history() else { return };
    let path = dom::window().location().pathname().unwrap_or_default();
    let url = address(&path, query, lang);
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// The address, relative to the page at `path`, of `query` in `lang`: in
/// the folder of the page built in `lang`.
fn address(path: &str, query: &str, lang: Lang) -> String {
    let folder = match (url::folder_lang(path), lang) {
        (Lang::En, Lang::Zh) => "zh/",
        (Lang::Zh, Lang::En) => "../",
        _ => "",
    };
    match (folder, query) {
        ("", "") => path.to_owned(),
        (folder, "") => folder.to_owned(),
        (folder, query) => format!("{folder}?{query}"),
    }
}
