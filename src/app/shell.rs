//! The shell's one mutable world: the page's [`Model`] and its root
//! element, which every message updates through [`mailbox`].

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::{apply, dom, events, figures, teach, text};
use crate::charts::Figure;
use crate::page::{mailbox, update, Changes, Model, Msg, Opening};

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

/// Opens the page on `#losslab`, in the state its address asks for, one
/// step per task: no task is long, and the page answers input and paints
/// between them (each still shows its figure until the figures are drawn).
pub fn open() {
    match Mounting::start() {
        Ok((root, mounting)) => advance(root, mounting),
        Err(error) => report(&error),
    }
}

/// Opens the page at once, every step in this task (the browser tests).
pub fn mount() -> Result<(), JsValue> {
    let (root, mut mounting) = Mounting::start()?;
    while let Some(next) = mounting.step(&root)? {
        mounting = next;
    }
    Ok(())
}

fn advance(root: Element, mounting: Mounting) {
    match mounting.step(&root) {
        Ok(Some(next)) => dom::next_task(move || advance(root, next)),
        Ok(None) => {}
        Err(error) => report(&error),
    }
}

fn report(error: &JsValue) {
    dom::console_error(&format!("losslab could not start: {error:?}"));
}

/// The page on its way to live, by the step it takes next.
enum Mounting {
    /// The fits, one per step.
    Fitting(Opening),
    /// The model and its scene.
    Assembling(Opening),
    /// The figures' canvases over their stills, the view and the theme.
    Building(Model),
    /// The words of the page's language, where they differ from the built
    /// page's (and in what the steps before wrote).
    Wording(Model),
    /// The canvases' face, measured before the first drawing: its first
    /// measure of text loads the fonts, a task of its own.
    Measuring(Model),
    /// The controls, the notices and the calculators, as the state has them.
    Setting(Model),
    /// The events heard, the regions watched, the first frame asked for.
    Binding(Model),
}

impl Mounting {
    fn start() -> Result<(Element, Mounting), JsValue> {
        let root = dom::document().get_element_by_id("losslab").ok_or("no #losslab element")?;
        Ok((root, Mounting::Fitting(Opening::new(events::read_location(), events::system_dark()))))
    }

    /// Takes one step; `None` once the page is live.
    fn step(self, root: &Element) -> Result<Option<Mounting>, JsValue> {
        Ok(Some(match self {
            Mounting::Fitting(mut opening) => match opening.step() {
                true => Mounting::Fitting(opening),
                false => Mounting::Assembling(opening),
            },
            Mounting::Assembling(opening) => Mounting::Building(opening.finish()),
            Mounting::Building(model) => {
                teach::build_cards(root);
                teach::build_code_twins(root, model.state.lang);
                figures::create_slots(root, &model.view, model.state.lang);
                apply::view(root, &model.view);
                teach::view(root, &model.view);
                apply::theme(&model);
                Mounting::Wording(model)
            }
            Mounting::Wording(model) => {
                text::words(root, model.state.lang);
                Mounting::Measuring(model)
            }
            Mounting::Measuring(model) => {
                figures::measure_face();
                Mounting::Setting(model)
            }
            Mounting::Setting(model) => {
                apply::every_control(&model, root);
                text::notices(&model);
                apply::calculators(&model, root);
                Mounting::Binding(model)
            }
            Mounting::Binding(model) => {
                go_live(model, root)?;
                return Ok(None);
            }
        }))
    }
}

/// Hands the model to the mailbox and starts hearing the page.
fn go_live(model: Model, root: &Element) -> Result<(), JsValue> {
    let api = model.view.api;
    SHELL.with(|cell| *cell.borrow_mut() = Some(Shell { model, root: root.clone() }));
    mailbox::serve(handle);
    events::bind(root)?;
    let framed = teach::framed();
    if api {
        teach::bind_api()?;
    }
    if framed {
        teach::bind_height(root)?;
    }
    mailbox::post(Msg::Opened { framed, progress: teach::stored_progress() });
    text::live();
    dom::mark("losslab-mounted");
    // The figures are drawn in the next frame (the regions' first report
    // asked for it), a task of its own: until then each still shows its
    // figure, and the page answers input between the two.
    Ok(())
}

/// Renders synchronously what the next frames would render, until nothing
/// near the viewport is due (the page's first frame writes its words, its
/// first drawing is of one figure alone, the figures on the screen come
/// next and those near it in a frame of their own). Browser tests call it
/// instead of waiting for `requestAnimationFrame`.
#[wasm_bindgen]
pub fn render_now() {
    for _ in 0..5 {
        mailbox::post(Msg::Frame);
        let due = SHELL.with(|cell| cell.borrow().as_ref().is_some_and(|shell| shell.model.has_due()));
        if !due {
            break;
        }
    }
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
