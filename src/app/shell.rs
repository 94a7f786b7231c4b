//! The shell's one mutable world: the page's [`Model`] and its root
//! element, which every message updates through [`mailbox`].

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::{apply, dom, events, figures, teach, text};
use crate::charts::Figure;
use crate::page::{mailbox, update, Changes, Model, Msg};

struct Shell {
    model: Model,
    root: Element,
}

thread_local! {
    static SHELL: RefCell<Option<Shell>> = const { RefCell::new(None) };
}

/// One message: the model updated, the document changed to match.
fn handle(msg: Msg) -> Option<Changes> {
    SHELL.with(|cell| {
        let mut guard = cell.borrow_mut();
        let shell = guard.as_mut()?;
        let changes = update(&mut shell.model, msg);
        apply::apply(&shell.model, &shell.root, &changes);
        Some(changes)
    })
}

/// Mounts the page on `#losslab`, in the state its address asks for.
pub fn mount() -> Result<(), JsValue> {
    let document = dom::document();
    let root = document.get_element_by_id("losslab").ok_or("no #losslab element")?;
    let model = Model::new(events::read_location(), events::system_dark());
    teach::build_cards(&root);
    figures::create_slots(&root, &model.view, model.state.lang);
    apply::view(&root, &model.view);
    teach::view(&root, &model.view);
    apply::theme(&model);
    text::words(&root, model.state.lang);
    apply::every_control(&model, &root);
    text::notices(&model);
    apply::calculators(&model, &root);
    let api = model.view.api;
    SHELL.with(|cell| *cell.borrow_mut() = Some(Shell { model, root: root.clone() }));
    mailbox::serve(handle);
    events::bind(&root)?;
    let framed = teach::framed();
    if api {
        teach::bind_api()?;
    }
    if framed {
        teach::bind_height(&root)?;
    }
    mailbox::post(Msg::Opened { framed, progress: teach::stored_progress() });
    text::live();
    dom::mark("losslab-mounted");
    // The figures are drawn in the next frame (the regions' first report
    // asked for it), a task of its own: until then each still shows its
    // figure, and the page answers input between the two.
    Ok(())
}

/// Renders synchronously what the next frame would render. Browser tests
/// call it instead of waiting for `requestAnimationFrame`.
#[wasm_bindgen]
pub fn render_now() {
    mailbox::post(Msg::Frame);
}

/// Redraws every figure now, from the current scene (the page benchmark
/// times this; recomputing the scene is timed by `refit_now`).
#[wasm_bindgen]
pub fn redraw_all_now() {
    mailbox::post(Msg::Resized(Figure::ALL.to_vec()));
    render_now();
}

/// Refits every fit of the page to the current points and rebuilds the
/// scene now, as a moved point does (the page benchmark times this).
#[wasm_bindgen]
pub fn refit_now() {
    SHELL.with(|cell| {
        if let Some(shell) = cell.borrow_mut().as_mut() {
            shell.model.refit_all();
        }
    });
}
