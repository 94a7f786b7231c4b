//! The figures on the page: one canvas each, sized to its box × the device
//! pixel ratio, drawn by `charts`, each in an isolated call so that one
//! figure's failure leaves the others drawn. A canvas lies over its figure's
//! still picture (written into the page when it is built) until it is first
//! drawn; it is drawn only near the viewport, and lets its drawing go far
//! from it. Also each figure's export and embed buttons.

use std::cell::RefCell;
use std::rc::Rc;

use plotters::prelude::{IntoDrawingArea, SVGBackend};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement};

use super::dom;
use crate::charts::backend::PageBackend;
use crate::charts::painting::{Painter, Painting};
use crate::charts::{self, style, Colors, Figure, PlotMap, Style};
use crate::i18n::{self, Lang};
use crate::page::{mailbox, markup, ExportKind, Msg, View};
use crate::scene::Scene;
use crate::state::Palette;

/// What the page keeps of each figure.
pub struct Slot {
    pub canvas: HtmlCanvasElement,
    /// The last drawing's mapping between data and canvas pixels.
    pub map: Option<PlotMap>,
    /// The description that follows the state (the canvas' `aria-describedby`).
    alt: Element,
    /// The description last written, so an unchanged one costs no DOM write.
    alt_text: String,
    error: Element,
    has_error: bool,
    /// The backing store size of the last drawing, if the figure is drawn.
    drawn_size: Option<(u32, u32)>,
    /// The still picture under the canvas, until the canvas is first drawn.
    still: Option<Element>,
    /// Drawn at least once.
    ever_drawn: bool,
    /// The painting of the last drawing (kept to reuse its memory).
    painting: Painting,
    /// The canvas' 2D context, once it gave one (asked for once: each ask
    /// is a call out of the module).
    context: Option<web_sys::CanvasRenderingContext2d>,
    /// The texts last handed to the canvas' painter, which keeps them: a
    /// redraw with the same words hands none over again.
    texts: String,
    /// The canvas' size in CSS pixels, as last read: read again only after
    /// the page's layout may have changed it ([`resized`]). Reading a
    /// box's size costs microseconds even when nothing moved, and a redraw
    /// of every figure reads every one.
    css_size: Option<(i32, i32)>,
}

#[wasm_bindgen(module = "/assets/paint.js")]
extern "C" {
    /// Replays a painting's calls on a canvas' 2D context.
    /// `texts` is `None` when they are the texts last handed over for the
    /// same context.
    #[wasm_bindgen(catch)]
    fn paint(
        context: &web_sys::CanvasRenderingContext2d,
        ops: &[f64],
        texts: Option<&str>,
        pixels: &[u8],
    ) -> Result<(), JsValue>;

    /// How wide the canvases' bold sans-serif sets `sample`, in ems (NaN
    /// without a canvas to measure on).
    #[wasm_bindgen(js_name = faceEms)]
    fn face_ems(sample: &str) -> f64;
}

/// How much wider than the charts' estimate the canvases' face sets Latin
/// text ([`Style::face`]), measured once: the most of any kind of character
/// the estimate tells apart, and at least 1, so that a face the estimate
/// covers draws as the tests and the exports do.
fn face() -> f64 {
    thread_local! {
        static FACE: f64 = style::FACE_SAMPLES
            .iter()
            .map(|sample| face_ems(sample) / style::ems(sample).0)
            .filter(|wider| wider.is_finite())
            .fold(1.0, f64::max)
            .min(1.5);
    }
    FACE.with(|face| *face)
}

/// Measures the canvases' face now, once (the first drawing would).
pub fn measure_face() {
    face();
}

/// Draws `figure` into `painting`, then replays it on the canvas of
/// `context`, whose painter holds `sent`, the texts last handed over.
fn paint_figure(
    context: &web_sys::CanvasRenderingContext2d,
    size: (u32, u32),
    (painting, sent): (&mut Painting, &mut String),
    figure: Figure,
    scene: &Scene,
    style: &Style,
) -> Result<PlotMap, String> {
    let map = {
        let area = PageBackend::Painter(Painter::new(painting, size)).into_drawing_area();
        charts::draw(figure, &area, scene, style).map_err(|e| e.to_string())?
    };
    let texts = (painting.texts != *sent).then_some(painting.texts.as_str());
    // Forgotten until the painter has them: a painting that fails midway
    // hands them over again next time.
    sent.clear();
    paint(context, &painting.ops, texts, &painting.pixels).map_err(|e| said_by(&e))?;
    sent.push_str(&painting.texts);
    Ok(map)
}

fn context(canvas: &HtmlCanvasElement) -> Result<web_sys::CanvasRenderingContext2d, String> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(|| "fig.failed.no-context".to_owned())
}

thread_local! {
    /// One cell per figure (by index into `Figure::ALL`), apart from the
    /// app's own, so a figure that fails mid-draw locks only itself.
    static SLOTS: RefCell<Vec<Option<RefCell<Slot>>>> = const { RefCell::new(Vec::new()) };
}

/// Puts a canvas in each figure's `<figure>` in its `[data-slot]` (only the
/// embedded ones in an embed view), writing the `<figure>` first where the
/// page was built without it.
pub fn create_slots(root: &Element, view: &View, lang: Lang) {
    let mut slots = Vec::new();
    for figure in Figure::ALL {
        let name = figure.name();
        let wanted = view.shows(figure);
        let holder = dom::find::<Element>(root, &format!("[data-slot=\"{name}\"]"));
        let slot = match holder {
            Some(holder) if wanted => Some(RefCell::new(adopt_slot(&holder, figure, lang))),
            Some(holder) => {
                dom::set_hidden(&holder, true);
                None
            }
            None => None,
        };
        slots.push(slot);
    }
    SLOTS.with(|cell| *cell.borrow_mut() = slots);
}

fn adopt_slot(holder: &Element, figure: Figure, lang: Lang) -> Slot {
    if dom::find::<Element>(holder, "figure.fig").is_none() {
        holder.set_inner_html(&markup::figure(figure, lang, "", None));
    }
    let find = |selector: &str| dom::find::<Element>(holder, selector).unwrap_or_else(|| dom::create("span"));
    let still = dom::find::<Element>(holder, ".still");
    let canvas: HtmlCanvasElement = dom::create("canvas").unchecked_into();
    // As wide as its box, as the style sheet has it, even where none applies
    // (it did not load, or the reader turned the page's style off): a canvas
    // is otherwise as wide as its backing store, and each drawing would
    // multiply that by the pixel ratio, without end.
    let _ = canvas.style().set_property("width", "100%");
    let _ = canvas.set_attribute("data-figure", figure.name());
    let _ = canvas.set_attribute("role", "img");
    let _ = canvas.set_attribute("aria-labelledby", &markup::title_id(figure));
    let _ = canvas.set_attribute("aria-describedby", &markup::description_id(figure));
    if markup::takes_keys(figure) {
        let _ = canvas.set_attribute("tabindex", "0");
    }
    if let Some(still) = &still {
        // The canvas, which takes the keyboard, speaks for the figure now;
        // the still under it only shows it until the canvas is drawn.
        let _ = still.set_attribute("aria-hidden", "true");
    }
    let _ = find(".canvas-box").append_child(&canvas);
    let alt = find(&format!("#{}", markup::description_id(figure)));
    // The description the page was built with, so that the same one is not written again.
    let alt_text = alt.text_content().unwrap_or_default();
    Slot {
        canvas,
        map: None,
        alt,
        alt_text,
        error: find(".fig-error"),
        has_error: false,
        drawn_size: None,
        still,
        ever_drawn: false,
        painting: Painting::default(),
        context: None,
        texts: String::new(),
        css_size: None,
    }
}

/// The charts' style for the page's current theme, palette and language.
pub fn style(palette: Palette, dark: bool, lang: Lang) -> Style {
    Style { colors: Colors::for_theme(dark, palette), lang, face: face(), ..Style::default() }
}

/// Draws the figures `todo`, each isolated.
pub fn draw_many(scene: &Rc<Scene>, style: &Style, todo: &[Figure]) {
    let dpr = dom::device_pixel_ratio();
    let mut style = *style;
    style.scale = dpr;
    // Every layout read first, then every drawing: reading a size after a
    // DOM write would force a layout per figure.
    let sized: Vec<(Figure, (i32, i32))> = todo.iter().map(|&figure| (figure, css_size_of(figure.index()))).collect();
    for (figure, size) in sized {
        let index = figure.index();
        let (scene, job_style) = (Rc::clone(scene), style);
        let outcome = isolated(move || draw_one(index, figure, size, &scene, &job_style));
        if let Err(message) = outcome {
            show_failure(index, figure, &message, style.lang);
        }
    }
}

/// Writes the descriptions of `figures` (drawn or waiting to be) for the
/// scene as it is: a screen reader finds every figure's description
/// current, near the viewport or not.
pub fn describe(scene: &Scene, lang: Lang, figures: &[Figure]) {
    SLOTS.with(|cell| {
        let slots = cell.borrow();
        for &figure in figures {
            let Some(Some(slot)) = slots.get(figure.index()) else { continue };
            let Ok(mut slot) = slot.try_borrow_mut() else { continue };
            let alt = charts::alt_text(figure, scene, lang);
            if alt != slot.alt_text {
                slot.alt.set_text_content(Some(&alt));
                slot.alt_text = alt;
            }
        }
    });
}

/// Runs `f` in its own call into the module, through JavaScript, so that a
/// panic inside it (which traps the call) is reported and contained: the
/// caller goes on with the next figure. Returns the panic's message.
pub fn isolated(f: impl FnOnce() -> Result<(), String> + 'static) -> Result<(), String> {
    thread_local! {
        /// The work the runner does next, left there by [`isolated`].
        static JOB: RefCell<Option<Box<dyn FnOnce()>>> = const { RefCell::new(None) };
        /// One function for every isolated call, kept for the page's life:
        /// a redraw makes a call per figure, and a closure made and dropped
        /// for each was work and garbage on every redraw. `Fn`, so that a
        /// job may run another.
        static RUNNER: Closure<dyn Fn()> = Closure::new(|| {
            if let Some(job) = JOB.with(|job| job.borrow_mut().take()) {
                job();
            }
        });
    }
    let result = Rc::new(RefCell::new(None));
    let out = Rc::clone(&result);
    JOB.with(|job| *job.borrow_mut() = Some(Box::new(move || *out.borrow_mut() = Some(f()))));
    let thrown = RUNNER.with(|runner| runner.as_ref().unchecked_ref::<js_sys::Function>().call0(&JsValue::NULL).err());
    // A job that never started (the call itself failed) is not left for the next.
    JOB.with(|job| job.borrow_mut().take());
    let finished = result.borrow_mut().take();
    match (finished, thrown) {
        (Some(outcome), _) => outcome,
        (None, Some(error)) => Err(said_by(&error)),
        (None, None) => Err("fig.failed.stopped".into()),
    }
}

/// What a call that threw says: the error's name and message on the first
/// line (a panic traps as the engine's `RuntimeError`), the engine's stack
/// on the lines after it.
fn said_by(error: &JsValue) -> String {
    let Some(error) = error.dyn_ref::<js_sys::Error>() else {
        return error.as_string().unwrap_or_else(|| format!("{error:?}"));
    };
    let said = format!("{}: {}", String::from(error.name()), String::from(error.message()));
    let stack = js_sys::Reflect::get(error, &JsValue::from_str("stack")).ok().and_then(|s| s.as_string());
    // Some engines begin the stack with the name and message again.
    let stack = stack.as_deref().map(|s| s.strip_prefix(said.as_str()).unwrap_or(s).trim_start_matches('\n'));
    match stack {
        Some(stack) if !stack.is_empty() => format!("{}\n{stack}", said.replace('\n', " ")),
        _ => said.replace('\n', " "),
    }
}

/// A figure's canvas size in CSS pixels (0 × 0 when hidden or failed).
fn css_size_of(index: usize) -> (i32, i32) {
    SLOTS.with(|cell| {
        let slots = cell.borrow();
        let Some(Some(slot)) = slots.get(index) else { return (0, 0) };
        slot.try_borrow_mut().map_or((0, 0), |mut slot| slot.css_size())
    })
}

impl Slot {
    /// The canvas' size in CSS pixels, read once after each change of layout.
    fn css_size(&mut self) -> (i32, i32) {
        *self.css_size.get_or_insert_with(|| (self.canvas.client_width(), self.canvas.client_height()))
    }
}

fn draw_one(
    index: usize,
    figure: Figure,
    (width, height): (i32, i32),
    scene: &Scene,
    style: &Style,
) -> Result<(), String> {
    SLOTS.with(|cell| {
        let slots = cell.borrow();
        let Some(Some(slot)) = slots.get(index) else { return Ok(()) };
        // Held by a drawing that stopped midway: the caption says what
        // stopped it, and nothing can be drawn here until the page reloads.
        let Ok(mut slot) = slot.try_borrow_mut() else { return Ok(()) };
        let canvas = slot.canvas.clone();
        let Some(size) = backing_size((width, height), style.scale) else {
            slot.drawn_size = None;
            return Ok(()); // hidden: drawn when it becomes visible (resize observer)
        };
        resize(&canvas, size);
        if slot.context.is_none() {
            slot.context = context(&canvas).ok();
        }
        let Slot { context: got, painting, texts, .. } = &mut *slot;
        let drawn = match got {
            Some(context) => paint_figure(context, size, (painting, texts), figure, scene, style),
            None => Err("fig.failed.no-context".to_owned()),
        };
        match drawn {
            Ok(map) => {
                slot.map = Some(map);
                slot.drawn_size = Some(size);
                slot.ever_drawn = true;
                if let Some(still) = slot.still.take() {
                    still.remove();
                }
                if std::mem::take(&mut slot.has_error) {
                    slot.error.set_text_content(None);
                    if let Ok(Some(figure)) = canvas.closest("figure") {
                        let _ = figure.remove_attribute("data-failed");
                    }
                }
                Ok(())
            }
            Err(error) => {
                slot.map = None;
                slot.drawn_size = None;
                Err(error)
            }
        }
    })
}

/// The backing store for a canvas of `css` pixels at `scale` device pixels
/// per CSS pixel; `None` when the canvas is hidden.
fn backing_size((width, height): (i32, i32), scale: f64) -> Option<(u32, u32)> {
    let backing = |css: i32| ((css as f64) * scale).round().max(1.0) as u32;
    (width > 0 && height > 0).then(|| (backing(width), backing(height)))
}

/// The visible figures whose last drawing no longer fits their canvas:
/// resized, zoomed, moved to a screen of another pixel ratio, or shown after
/// being hidden. The page's layout changed, or may have: every canvas' size
/// is read afresh, and kept for the drawings that follow.
fn resized() -> Vec<Figure> {
    let scale = dom::device_pixel_ratio();
    SLOTS.with(|cell| {
        let slots = cell.borrow();
        let stale = |(index, slot): (usize, &Option<RefCell<Slot>>)| {
            let mut slot = slot.as_ref()?.try_borrow_mut().ok()?;
            slot.css_size = None;
            let wanted = backing_size(slot.css_size(), scale)?;
            (Some(wanted) != slot.drawn_size).then_some(Figure::ALL[index])
        };
        slots.iter().enumerate().filter_map(stale).collect()
    })
}

/// Gives a canvas a backing store of `(width, height)` pixels, if it has
/// another (setting it clears the canvas, even to the same size).
fn resize(canvas: &HtmlCanvasElement, (width, height): (u32, u32)) {
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
}

/// Lets go of the drawings of `figures` (far from the viewport): their
/// canvases keep their place but no pixels, until they are drawn again.
pub fn release(figures: &[Figure]) {
    SLOTS.with(|cell| {
        let slots = cell.borrow();
        for figure in figures {
            let Some(Some(slot)) = slots.get(figure.index()) else { continue };
            let Ok(mut slot) = slot.try_borrow_mut() else { continue };
            if slot.drawn_size.take().is_some() {
                slot.map = None;
                resize(&slot.canvas, (0, 0));
            }
        }
    });
}

/// Whether every figure the page shows has been drawn at least once.
pub fn all_drawn() -> bool {
    SLOTS.with(|cell| cell.borrow().iter().flatten().all(|slot| slot.try_borrow().is_ok_and(|slot| slot.ever_drawn)))
}

/// Every figure's canvas, in page order.
pub fn canvases() -> Vec<HtmlCanvasElement> {
    Figure::ALL.into_iter().filter_map(canvas).collect()
}

/// Says in the figure's caption why it could not be drawn: the reason's
/// words, or what the engine said when the drawing stopped (a bug, or a
/// fault of the engine: its first line; the console gets all of it). The
/// module's state after such a stop is not to be trusted, and the page's
/// state is in its address: the caption asks for a reload. The figure is
/// marked failed (`data-failed`): a still picture of the default state,
/// left under a canvas never drawn, is greyed out, as it may show another
/// state than the reader's.
fn show_failure(index: usize, figure: Figure, message: &str, lang: Lang) {
    let first = message.lines().next().unwrap_or_default();
    let text = match i18n::lookup(lang, first) {
        Some(reason) => i18n::fill(i18n::t(lang, "fig.failed"), &[("error", reason)]),
        None => i18n::fill(i18n::t(lang, "fig.failed.reload"), &[("error", first)]),
    };
    // The slot may be locked by the failed call: its elements are reached by selector.
    let selector = format!("canvas[data-figure=\"{}\"]", figure.name());
    let root = dom::document().document_element().expect("root");
    let element = dom::find::<Element>(&root, &selector).and_then(|c| c.closest("figure").ok().flatten());
    let caption = element.as_ref().and_then(|e| dom::find::<Element>(e, ".fig-error"));
    // A figure that fails again for the same reason (any resize asks a
    // failed figure to draw again) has nothing new to tell.
    let told = element.as_ref().is_some_and(|e| e.has_attribute("data-failed"))
        && caption.as_ref().and_then(|c| c.text_content()).as_deref() == Some(text.as_str());
    if told {
        return;
    }
    dom::console_error(&format!("figure {}: {message}", figure.name()));
    let Some(element) = element else { return };
    let _ = element.set_attribute("data-failed", "");
    if let Some(caption) = caption {
        caption.set_text_content(Some(&text));
    }
    SLOTS.with(|cell| {
        let Ok(slots) = cell.try_borrow() else { return };
        if let Some(Ok(mut slot)) = slots.get(index).and_then(Option::as_ref).map(RefCell::try_borrow_mut) {
            slot.has_error = true;
        };
    });
}

/// The mapping of a figure's last drawing, and its canvas.
fn plot_map(figure: Figure) -> Option<(HtmlCanvasElement, PlotMap)> {
    SLOTS.with(|cell| {
        let slots = cell.try_borrow().ok()?;
        let slot = slots.get(figure.index())?.as_ref()?.try_borrow().ok()?;
        Some((slot.canvas.clone(), slot.map?))
    })
}

/// The mapping of a figure's last drawing in CSS pixels of its canvas, as
/// pointer events give positions.
pub fn css_plot_map(figure: Figure) -> Option<PlotMap> {
    let (canvas, map) = plot_map(figure)?;
    let ratio = f64::from(canvas.width()) / f64::from(canvas.client_width().max(1));
    Some(PlotMap {
        left: map.left / ratio,
        top: map.top / ratio,
        right: map.right / ratio,
        bottom: map.bottom / ratio,
        ..map
    })
}

/// A figure's canvas, if the page shows it.
pub fn canvas(figure: Figure) -> Option<HtmlCanvasElement> {
    SLOTS.with(|cell| {
        let slots = cell.try_borrow().ok()?;
        let slot = slots.get(figure.index())?.as_ref()?.try_borrow().ok()?;
        Some(slot.canvas.clone())
    })
}

/// Redraws everything when a figure's box changes size or the device pixel
/// ratio changes (zoom, or a window moved to another screen), and a figure
/// whose canvas the browser gave back blank.
pub fn bind_resize(root: &Element) -> Result<(), JsValue> {
    // Only what no longer fits is redrawn: the observer's first report, right
    // after the first frames, finds each figure drawn at its size or already
    // due (a figure waiting for its drawing is not drawn twice).
    let on_resize = Closure::<dyn FnMut()>::new(|| {
        let stale = resized();
        if !stale.is_empty() {
            mailbox::post(Msg::Resized(stale));
        }
        watch_pixel_ratio();
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
    // A canvas whose context the browser lost and then gave back (a reset
    // of the GPU, or its memory reclaimed) comes back blank: it is drawn
    // again. One handler for every canvas: the event names its canvas.
    let on_restored = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        let named = event.target().and_then(|target| target.dyn_into::<Element>().ok());
        let figure = named.and_then(|canvas| Figure::from_name(&canvas.get_attribute("data-figure")?));
        if let Some(figure) = figure {
            mailbox::post(Msg::Resized(vec![figure]));
        }
    });
    for canvas in dom::find_all(root, "canvas[data-figure]") {
        observer.observe(&canvas);
        canvas.add_event_listener_with_callback("contextrestored", on_restored.as_ref().unchecked_ref())?;
    }
    on_restored.forget();
    dom::window().add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref())?;
    ON_RESIZE.with(|cell| *cell.borrow_mut() = Some(on_resize.as_ref().clone().unchecked_into()));
    watch_pixel_ratio();
    on_resize.forget();
    std::mem::forget(observer);
    Ok(())
}

thread_local! {
    /// The resize handler, also called when the device pixel ratio changes.
    static ON_RESIZE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// The pixel ratio the page listens for a change from.
    static WATCHED_RATIO: std::cell::Cell<f64> = const { std::cell::Cell::new(f64::NAN) };
}

/// A move to a screen of another pixel ratio need not change any CSS size,
/// so no resize reports it: a media query for the current ratio does, by no
/// longer matching. It fires once; the handler then watches the new ratio.
fn watch_pixel_ratio() {
    let ratio = dom::window().device_pixel_ratio();
    if WATCHED_RATIO.with(|watched| watched.replace(ratio)) == ratio {
        return;
    }
    let Some(handler) = ON_RESIZE.with(|cell| cell.borrow().clone()) else { return };
    if let Ok(Some(query)) = dom::window().match_media(&format!("(resolution: {ratio}dppx)")) {
        let once = web_sys::AddEventListenerOptions::new();
        once.set_once(true);
        let _ = query.add_event_listener_with_callback_and_add_event_listener_options("change", &handler, &once);
    }
}

/// Downloads a figure, as SVG or as PNG.
pub fn export(figure: Figure, kind: ExportKind, scene: &Scene, style: &Style) {
    let outcome = match kind {
        ExportKind::Svg => export_svg(figure, scene, style),
        ExportKind::Png => export_png(figure, scene, style),
        ExportKind::Embed => Ok(()),
    };
    if let Err(error) = outcome {
        dom::console_error(&format!("export of {} failed: {error:?}", figure.name()));
    }
}

/// Exports a figure as SVG: the same chart function, drawn by plotters' SVG backend.
fn export_svg(figure: Figure, scene: &Scene, style: &Style) -> Result<(), JsValue> {
    let (width, height) = css_size(figure).unwrap_or_else(|| charts::export::size(figure));
    let mut raw = String::new();
    {
        let area = PageBackend::Svg(SVGBackend::with_string(&mut raw, (width, height))).into_drawing_area();
        charts::draw(figure, &area, scene, style).map_err(|e| JsValue::from_str(&e.to_string()))?;
        area.present().map_err(|e| JsValue::from_str(&e.to_string()))?;
    }
    let svg = charts::export::into_document(&raw, figure, scene, style);
    download(&format!("losslab-{}.svg", figure.name()), &svg, "image/svg+xml")
}

/// Exports a figure as PNG at twice the screen's resolution.
fn export_png(figure: Figure, scene: &Scene, style: &Style) -> Result<(), JsValue> {
    let (width, height) = css_size(figure).unwrap_or_else(|| charts::export::size(figure));
    let scale = dom::device_pixel_ratio() * 2.0;
    let canvas: HtmlCanvasElement = dom::create("canvas").unchecked_into();
    canvas.set_width((width as f64 * scale).round() as u32);
    canvas.set_height((height as f64 * scale).round() as u32);
    let style = Style { scale, ..*style };
    let size = (canvas.width(), canvas.height());
    let context = context(&canvas).map_err(|e| JsValue::from_str(&e))?;
    paint_figure(&context, size, (&mut Painting::default(), &mut String::new()), figure, scene, &style)
        .map_err(|e| JsValue::from_str(&e))?;
    let url = canvas.to_data_url_with_type("image/png")?;
    click_download(&format!("losslab-{}.png", figure.name()), &url)
}

/// The figure's size on the page, drawn or not (a figure far from view is
/// exported at the size it would be drawn).
fn css_size(figure: Figure) -> Option<(u32, u32)> {
    let canvas = canvas(figure)?;
    let (w, h) = (canvas.client_width(), canvas.client_height());
    (w > 0 && h > 0).then_some((w as u32, h as u32))
}

fn download(filename: &str, contents: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    // The object URL is not revoked: the download may still be reading it, and it is a few kilobytes.
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    click_download(filename, &url)
}

fn click_download(filename: &str, href: &str) -> Result<(), JsValue> {
    let anchor: web_sys::HtmlAnchorElement = dom::create("a").unchecked_into();
    anchor.set_href(href);
    anchor.set_download(filename);
    anchor.click();
    Ok(())
}
