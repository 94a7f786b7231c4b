//! The shell's one mutable world: the page's [`Model`] and its root
//! element. Every message goes through [`dispatch`]: one at a time, in the
//! order they came, so an event that arrives while another is being handled
//! (a handler that fires events of its own) waits its turn instead of being
//! lost.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::{apply, dom, events, figures, text};
use crate::charts::Figure;
use crate::page::{update, Changes, Model, Msg};

pub struct Shell {
    pub model: Model,
    pub root: Element,
}

thread_local! {
    static SHELL: RefCell<Option<Shell>> = const { RefCell::new(None) };
    /// Messages waiting for the one being handled.
    static QUEUE: RefCell<VecDeque<Msg>> = const { RefCell::new(VecDeque::new()) };
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

/// Handles `msg`, then every message that arrived meanwhile. Returns the
/// changes of `msg` itself, already applied, when it was handled at once (an
/// event handler reads them for what only it can do, such as capturing the
/// pointer); `None` when it was queued behind a message being handled.
pub fn dispatch(msg: Msg) -> Option<Changes> {
    QUEUE.with(|q| q.borrow_mut().push_back(msg));
    if BUSY.with(|b| b.replace(true)) {
        return None;
    }
    let mut first = None;
    while let Some(msg) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
        let changes = SHELL.with(|cell| {
            let mut guard = cell.borrow_mut();
            let shell = guard.as_mut()?;
            let changes = update(&mut shell.model, msg);
            apply::apply(shell, &changes);
            Some(changes)
        });
        if first.is_none() {
            first = Some(changes);
        }
    }
    BUSY.with(|b| b.set(false));
    first.flatten()
}

/// Runs `f` on the shell, if the page is mounted (and not in the middle of
/// a message: then `None`).
pub fn with_shell<R>(f: impl FnOnce(&mut Shell) -> R) -> Option<R> {
    SHELL.with(|cell| cell.try_borrow_mut().ok()?.as_mut().map(f))
}

/// Mounts the page on `#losslab`, in the state its address asks for.
pub fn mount() -> Result<(), JsValue> {
    let document = dom::document();
    let root = document.get_element_by_id("losslab").ok_or("no #losslab element")?;
    let model = Model::new(events::read_location(), events::system_dark());
    figures::create_slots(&root, &model.view);
    apply::view(&root, &model.view);
    let shell = Shell { model, root: root.clone() };
    apply::theme(&shell);
    text::words(&root, shell.model.state.lang);
    apply::every_control(&shell);
    text::notices(&shell);
    apply::calculators(&shell);
    SHELL.with(|cell| *cell.borrow_mut() = Some(shell));
    events::bind(&root)?;
    dom::mark("losslab-mounted");
    // Draw now rather than a frame later: the page never shows empty canvases.
    render_now();
    Ok(())
}

/// Renders synchronously what the next frame would render. Browser tests
/// call it instead of waiting for `requestAnimationFrame`.
#[wasm_bindgen]
pub fn render_now() {
    dispatch(Msg::Frame);
}

/// Redraws every figure now, from the current scene (the page benchmark
/// times this; recomputing the scene is timed by `refit_now`).
#[wasm_bindgen]
pub fn redraw_all_now() {
    dispatch(Msg::Resized(Figure::ALL.to_vec()));
    render_now();
}

/// Recomputes the converged fit of the current points now (the page
/// benchmark times this).
#[wasm_bindgen]
pub fn refit_now() {
    with_shell(|shell| shell.model.fit.data_changed(&shell.model.state));
}
