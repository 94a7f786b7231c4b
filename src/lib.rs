//! losslab: an interactive explainer of classification losses.
//!
//! The layers, from the bottom up (see `ARCHITECTURE.md`):
//! - [`core`]: the numerics, generic over `f32` and `f64`; knows nothing of the page.
//! - [`eval`]: the JSON evaluator behind `losslab eval` and the page's calculators.
//! - [`state`]: everything a reader can set, its URL form, and its defaults.
//! - [`scene`]: the numbers every figure shows, derived from a [`state::State`].
//! - [`charts`]: one drawing function per figure, for any plotters backend.
//! - [`page`]: the page's model, its messages and their update, natively.
//! - [`prerender`] (native only): the built page with its article written in.
//! - `app` (wasm only): the page's shell in the document.

pub mod calculator;
pub mod charts;
pub mod core;
pub mod eval;
pub mod i18n;
pub mod number;
pub mod page;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod scene;
pub mod state;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
pub use app::{install_words, isolated, mount, open, redraw_all_now, refit_now, render_now};

/// The page's allocator: Talc takes less of the module than Rust's default
/// (dlmalloc).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
