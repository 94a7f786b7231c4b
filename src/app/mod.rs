//! The page's shell in the document (wasm only): it reads each DOM event
//! once into a [`Msg`] (`events`), hands it to [`update`] with the page's
//! [`Model`], and applies the [`Changes`] that come back (`apply`), drawing
//! the figures in animation frames (`figures`). Everything the page decides
//! is decided in `crate::page`, natively testable; this is the only module
//! that touches web-sys.

mod apply;
mod dom;
mod events;
mod figures;
mod link;
mod shell;
mod teach;
mod text;
mod words;

use wasm_bindgen::prelude::*;

pub use figures::isolated;
pub use shell::{redraw_all_now, refit_now, render_now};

use crate::i18n::Lang;

/// Runs when the module loads.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Opens the page once the words of the language its address asks for are
/// here. `load` is the boot script's `lang → Promise<words>`, which fetches
/// `i18n/<lang>.json` once per language.
#[wasm_bindgen]
pub fn open(load: js_sys::Function) {
    words::set_loader(load);
    let lang = events::read_location().state.lang;
    words::when_installed(lang, shell::open);
}

/// Installs a language's words (its file, parsed), for pages opened without
/// the boot script: the browser tests.
#[wasm_bindgen]
pub fn install_words(lang: &str, words: &JsValue) {
    words::install(Lang::from_code(lang), words);
}

/// Mounts the page on the `#losslab` element of the current document. Public
/// so that browser tests can mount it on a document they built.
#[wasm_bindgen]
pub fn mount() -> Result<(), JsValue> {
    shell::mount()
}
