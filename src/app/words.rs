//! The page's words arrive as one file per language (`i18n/<lang>.json`),
//! fetched by the page's boot script the first time the page shows that
//! language. This module asks for them and installs them.

use std::cell::RefCell;

use js_sys::{Function, Object, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::dom;
use crate::i18n;
use crate::i18n::Lang;
use crate::page::{mailbox, Msg};

thread_local! {
    /// The boot script's loader: `lang → Promise<words>` (one fetch per language).
    static LOADER: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Keeps the boot script's loader for the languages the reader switches to.
pub fn set_loader(load: Function) {
    LOADER.with(|cell| *cell.borrow_mut() = Some(load));
}

/// Installs `lang`'s words from their parsed file (an object of key → text),
/// handed over as one string rather than two for each of its ~1 000 words.
pub fn install(lang: Lang, words: &JsValue) {
    let packed = Object::entries(words.unchecked_ref()).flat(1).join("\u{1}");
    i18n::install(lang, String::from(packed));
}

/// Runs `then` once `lang`'s words are installed: at once when they are
/// here, else after they are fetched. Words that cannot be fetched are
/// reported and the page stays in the language it shows.
pub fn when_installed(lang: Lang, then: impl FnOnce() + 'static) {
    if i18n::is_installed(lang) {
        return then();
    }
    let Some(promise) = request(lang) else {
        return dom::console_error(&format!("losslab has no way to fetch i18n/{}.json", lang.code()));
    };
    let arrived = Closure::<dyn FnMut(JsValue)>::once(move |words: JsValue| {
        install(lang, &words);
        then();
    });
    let failed = Closure::<dyn FnMut(JsValue)>::once(move |error: JsValue| {
        let why =
            error.as_string().or_else(|| error.dyn_into::<js_sys::Error>().ok().and_then(|e| e.message().as_string()));
        let why = why.unwrap_or_default();
        dom::console_error(&format!("losslab could not load its words (i18n/{}.json): {why}", lang.code()));
    });
    let _ = promise.then2(&arrived, &failed);
    // One fetch per language, so at most two pairs ever live on.
    arrived.forget();
    failed.forget();
}

fn request(lang: Lang) -> Option<Promise> {
    let load = LOADER.with(|cell| cell.borrow().clone())?;
    load.call1(&JsValue::NULL, &JsValue::from_str(lang.code())).ok()?.dyn_into().ok()
}

/// Fetches `lang`'s words; the page hears of them as a message when they arrive.
pub fn load(lang: Lang) {
    when_installed(lang, move || {
        mailbox::post(Msg::WordsArrived(lang));
    });
}
