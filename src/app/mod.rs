//! The page: one [`App`] owns the state; controls change it, the URL mirrors
//! it, and each animation frame rebuilds the parts of the scene that changed
//! and redraws only the figures that read them.
//!
//! Data flows one way: event → `App::state` → URL → `scene` → figures.

mod backend;
mod calculators;
mod canvas;
mod controls;
mod dom;
mod figures;
mod fit;
mod pointer;
mod text;
mod transcript;
mod url;
mod words;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::charts::{Deps, Figure};
use crate::scene::Scene;
use crate::state::{Lang, State, Theme, View};

pub use figures::isolated;

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

/// The page's whole mutable world.
pub struct App {
    root: Element,
    state: State,
    view: View,
    fit: fit::FitProgress,
    scene: Rc<Scene>,
    /// Scene parts to rebuild in the next frame.
    stale: Deps,
    /// Figures to redraw in the next frame, by index into `Figure::ALL`.
    redraw: Vec<bool>,
    highlight: Option<usize>,
    pointer: pointer::PointerState,
    calculators: calculators::Calculators,
    frame_pending: bool,
    /// Push a history entry at the next URL write (a finished change, not a drag in progress).
    push_history: bool,
    last_query: String,
    dark: bool,
    /// What the loaded link had wrong (shown until dismissed, re-worded on a language switch).
    notices: Vec<crate::state::Notice>,
}

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
    let lang = url::read_location().state.lang;
    words::when_installed(lang, || {
        if let Err(error) = mount() {
            dom::console_error(&format!("losslab could not start: {error:?}"));
        }
    });
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
    let document = dom::document();
    let root = document.get_element_by_id("losslab").ok_or("no #losslab element")?;
    let parsed = url::read_location();
    let mut app = App::new(root.clone(), parsed.state, parsed.view);
    figures::create_slots(&root, &app.view);
    app.apply_view();
    app.apply_theme();
    text::apply(&root, app.state.lang);
    controls::write_all(&root, &app.state);
    app.notices = parsed.notices;
    app.show_notices();
    APP.with(|cell| *cell.borrow_mut() = Some(app));
    controls::bind(&root)?;
    pointer::bind(&root)?;
    figures::bind_resize(&root)?;
    with_app(|app| {
        app.calculators.render(&app.root, app.state.lang);
        // The scene was built with the app: the first frame only draws.
        app.redraw_all();
    });
    dom::mark("losslab-mounted");
    // Draw now rather than a frame later: the page never shows empty canvases.
    render_now();
    Ok(())
}

/// Runs `f` on the app, if it is mounted and not already borrowed (an event
/// that arrives while the app is busy is dropped rather than panicking).
pub(crate) fn with_app<R>(f: impl FnOnce(&mut App) -> R) -> Option<R> {
    APP.with(|cell| {
        let mut guard = cell.try_borrow_mut().ok()?;
        guard.as_mut().map(f)
    })
}

/// Renders synchronously what the next frame would render. Browser tests
/// call it instead of waiting for `requestAnimationFrame`.
#[wasm_bindgen]
pub fn render_now() {
    frame(dom::now_ms());
}

/// Redraws every figure now, from the current scene (the page benchmark
/// times this; recomputing the scene is timed by `refit_now`).
#[wasm_bindgen]
pub fn redraw_all_now() {
    with_app(|app| app.redraw_all());
    render_now();
}

/// Recomputes the converged fit of the current points now (the page
/// benchmark times this).
#[wasm_bindgen]
pub fn refit_now() {
    with_app(|app| app.fit.data_changed(&app.state));
}

impl App {
    fn new(root: Element, state: State, view: View) -> App {
        let fit = fit::FitProgress::converged(&state);
        let calculators = calculators::Calculators::new(&state);
        let scene = Rc::new(Scene::build(&state, fit.model(), fit.optimum_model(), None, &calculators.cce_scene()));
        let dark = resolve_dark(state.theme);
        App {
            root,
            calculators,
            state,
            view,
            fit,
            scene,
            stale: Deps::NONE,
            redraw: vec![true; Figure::ALL.len()],
            highlight: None,
            pointer: pointer::PointerState::default(),
            frame_pending: false,
            push_history: false,
            last_query: String::new(),
            dark,
            notices: Vec::new(),
        }
    }

    /// Marks scene parts as changed and asks for a frame.
    pub fn invalidate(&mut self, deps: Deps) {
        self.mark(deps);
        self.request_frame();
    }

    /// Marks scene parts as changed, and the figures that read them.
    fn mark(&mut self, deps: Deps) {
        self.stale = self.stale.union(deps);
        for (i, figure) in Figure::ALL.iter().enumerate() {
            if figure.depends_on().intersects(deps) {
                self.redraw[i] = true;
            }
        }
    }

    /// The figures `which` (indices into `Figure::ALL`), e.g. after a resize.
    pub fn redraw_figures(&mut self, which: &[usize]) {
        which.iter().for_each(|&i| self.redraw[i] = true);
        self.request_frame();
    }

    /// Every figure, e.g. after a theme, palette, language or size change.
    pub fn redraw_all(&mut self) {
        self.redraw.iter_mut().for_each(|r| *r = true);
        self.request_frame();
    }

    fn request_frame(&mut self) {
        if self.frame_pending {
            return;
        }
        self.frame_pending = true;
        let callback = Closure::once_into_js(frame);
        if dom::window().request_animation_frame(callback.unchecked_ref()).is_err() {
            self.frame_pending = false;
        }
    }

    /// The state changed (`deps` says which part): refit when the data or
    /// the objective changed, then schedule the redraw and the URL write.
    pub fn state_changed(&mut self, deps: Deps, finished: bool) {
        if deps.intersects(Deps::BINARY) {
            self.fit.data_changed(&self.state);
        }
        self.push_history |= finished;
        self.invalidate(deps);
    }

    fn apply_theme(&mut self) {
        let html = dom::document().document_element().expect("a document has a root element");
        match self.state.theme {
            Theme::Auto => html.remove_attribute("data-theme").ok(),
            Theme::Light => html.set_attribute("data-theme", "light").ok(),
            Theme::Dark => html.set_attribute("data-theme", "dark").ok(),
        };
        match self.state.palette {
            crate::state::Palette::Article => html.remove_attribute("data-palette").ok(),
            crate::state::Palette::ColorBlind => html.set_attribute("data-palette", "cb").ok(),
        };
        self.dark = resolve_dark(self.state.theme);
    }

    fn apply_view(&self) {
        let html = dom::document().document_element().expect("a document has a root element");
        let Some(embedded) = &self.view.embed else { return };
        let _ = html.class_list().add_1("embed");
        for group in dom::find_all(&self.root, "[data-controls-for]") {
            let targets = group.get_attribute("data-controls-for").unwrap_or_default();
            let shown = self.view.controls && targets.split(',').any(|t| embedded.iter().any(|e| e == t));
            dom::set_hidden(&group, !shown);
        }
        for section in dom::find_all(&self.root, "main > section") {
            let figures: Vec<Element> = dom::find_all(&section, "[data-slot]")
                .into_iter()
                .filter(|slot| embedded.iter().any(|e| Some(e.as_str()) == slot.get_attribute("data-slot").as_deref()))
                .collect();
            dom::set_hidden(&section, figures.is_empty());
            // The figures first, their controls under them: an iframe opens
            // on the figure, and the keyboard reaches it first too.
            for slot in figures.iter().rev() {
                let _ = section.prepend_with_node_1(slot);
            }
        }
    }

    /// Shows every word of the page in `lang` (its words are installed).
    fn show_lang(&mut self, lang: Lang) {
        self.state.lang = lang;
        text::apply(&self.root, lang);
        if dom::document().get_element_by_id("notices").is_some_and(|n| !n.has_attribute("hidden")) {
            self.show_notices();
        }
        self.calculators.render(&self.root, lang);
        self.redraw_all();
    }

    /// Lists what the loaded link had wrong, in the page's language.
    fn show_notices(&self) {
        text::show_notices(&self.notices, self.state.lang);
    }

    fn write_url(&mut self) {
        let query = self.state.to_query_with(&self.view);
        if query != self.last_query {
            url::write(&query, self.push_history);
            self.last_query = query;
        }
        self.push_history = false;
    }
}

fn resolve_dark(theme: Theme) -> bool {
    match theme {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::Auto => dom::window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    }
}

/// One animation frame: advance the fit animation, rebuild stale scene parts,
/// update readouts and the URL, then draw each figure that needs it — each in
/// its own isolated call, so one figure's failure cannot blank the others.
fn frame(_time: f64) {
    let jobs = with_app(|app| {
        app.frame_pending = false;
        if app.fit.playing() {
            app.fit.advance(&app.state);
            app.mark(Deps::BINARY);
        }
        if app.stale != Deps::NONE {
            // The last frame's drawing jobs are done, so this is usually the
            // only owner and the scene is updated in place, not copied.
            let scene = Rc::make_mut(&mut app.scene);
            let calculators = &app.calculators;
            scene.rebuild(app.stale, &app.state, app.fit.model(), app.fit.optimum_model(), app.highlight, || calculators.cce_scene());
            app.stale = Deps::NONE;
        }
        text::readouts(app);
        app.write_url();
        let style = figures::style(app.state.palette, app.dark, app.state.lang);
        let todo: Vec<usize> = (0..Figure::ALL.len()).filter(|&i| std::mem::take(&mut app.redraw[i])).collect();
        if app.fit.playing() {
            app.request_frame();
        }
        (Rc::clone(&app.scene), style, todo)
    });
    if let Some((scene, style, todo)) = jobs {
        figures::draw_many(&scene, &style, &todo);
        FIRST_FRAME.with(|first| {
            if first.replace(false) {
                // Navigation to every figure drawn: what the page benchmark reports.
                dom::mark("losslab-first-render");
            }
        });
    }
}

thread_local! {
    static FIRST_FRAME: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}
