//! Browser tests: run in headless Chromium by wasm-bindgen-test
//! (`cargo test --target wasm32-unknown-unknown --test browser`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_browser_runs_the_library() {
    assert_eq!(losslab::i18n::t(losslab::state::Lang::En, "page.title"), "losslab — classification losses, seen");
}
