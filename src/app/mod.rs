//! The page: state, controls, event wiring, render scheduling.
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    // The test harness's page has no root element: nothing to mount.
    if document.get_element_by_id("losslab").is_none() {
        return;
    }
}
