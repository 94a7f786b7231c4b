//! Direct manipulation of the points, on the figures whose x axis is the data
//! axis: hover highlights a point everywhere, a click flips its label, a drag
//! moves it, shift-click adds one, alt-click removes one; the keyboard does
//! the same on a focused figure.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement, HtmlElement, KeyboardEvent, PointerEvent};

use super::{dom, figures, with_app, App};
use crate::charts::{Deps, Figure};
use crate::number::format::fixed;
use crate::i18n::t;
use crate::state::{Point, MAX_POINTS};

/// Figures on which points can be picked, dragged and added.
const INTERACTIVE: [Figure; 2] = [Figure::Points, Figure::Fit];
/// Figures whose x axis is the points' x, where hovering a bar highlights
/// its point everywhere and shows its numbers.
const HOVER_ONLY: [Figure; 4] = [Figure::GreenBars, Figure::RedBars, Figure::TrueClassBars, Figure::PointLosses];
/// How close (in CSS pixels) the pointer must be to pick a point.
const PICK_RADIUS: f64 = 14.0;
/// Movement (CSS pixels) below which a press counts as a click.
const CLICK_SLOP: f64 = 4.0;

#[derive(Default)]
pub struct PointerState {
    drag: Option<Drag>,
}

struct Drag {
    index: usize,
    start: (f64, f64),
    moved: bool,
}

pub fn bind(root: &Element) -> Result<(), JsValue> {
    for figure in INTERACTIVE {
        let Some(canvas) = dom::find::<HtmlCanvasElement>(root, &format!("canvas[data-figure=\"{}\"]", figure.name())) else { continue };
        let target: &web_sys::EventTarget = canvas.as_ref();
        for (event, handler) in [
            ("pointerdown", on_down as fn(Figure, PointerEvent)),
            ("pointermove", on_move),
            ("pointerup", on_up),
            ("pointercancel", on_cancel),
            ("pointerleave", on_leave),
        ] {
            let closure = Closure::<dyn FnMut(PointerEvent)>::new(move |e: PointerEvent| handler(figure, e));
            target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())?;
            closure.forget();
        }
        let keys = Closure::<dyn FnMut(KeyboardEvent)>::new(on_key);
        target.add_event_listener_with_callback("keydown", keys.as_ref().unchecked_ref())?;
        keys.forget();
        let blur = Closure::<dyn FnMut(web_sys::Event)>::new(|_| hide_tooltip());
        target.add_event_listener_with_callback("blur", blur.as_ref().unchecked_ref())?;
        blur.forget();
    }
    for figure in HOVER_ONLY {
        let Some(canvas) = dom::find::<HtmlCanvasElement>(root, &format!("canvas[data-figure=\"{}\"]", figure.name())) else { continue };
        let target: &web_sys::EventTarget = canvas.as_ref();
        for (event, handler) in [("pointermove", on_move as fn(Figure, PointerEvent)), ("pointerleave", on_leave)] {
            let closure = Closure::<dyn FnMut(PointerEvent)>::new(move |e: PointerEvent| handler(figure, e));
            target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())?;
            closure.forget();
        }
    }
    Ok(())
}

/// The pointer's position in data coordinates, and in CSS pixels.
fn locate(figure: Figure, event: &PointerEvent) -> Option<(f64, f64, f64)> {
    let (canvas, map) = figures::plot_map(figure)?;
    let css_w = f64::from(canvas.client_width().max(1));
    let ratio = f64::from(canvas.width()) / css_w;
    let (px, py) = (f64::from(event.offset_x()) * ratio, f64::from(event.offset_y()) * ratio);
    let (x, _) = map.to_data(px, py);
    Some((x, px / ratio, py / ratio))
}

/// The index of the point nearest the pointer, within the pick radius,
/// among the points the figure shows (a class's bars show only that class).
fn pick(app: &App, figure: Figure, css_x: f64) -> Option<usize> {
    let (canvas, map) = figures::plot_map(figure)?;
    let ratio = f64::from(canvas.width()) / f64::from(canvas.client_width().max(1));
    let shown = |green: bool| match figure {
        Figure::GreenBars => green,
        Figure::RedBars => !green,
        _ => true,
    };
    app.state
        .points
        .iter()
        .enumerate()
        .filter(|(_, p)| shown(p.green))
        .map(|(i, p)| (i, (map.x_pixel(p.x) / ratio - css_x).abs()))
        .filter(|&(_, d)| d <= PICK_RADIUS)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

fn clamp_x(figure: Figure, x: f64) -> f64 {
    let range = figures::plot_map(figure).map(|(_, m)| (m.x.min, m.x.max)).unwrap_or((-1e6, 1e6));
    x.clamp(range.0.min(range.1), range.0.max(range.1))
}

fn on_down(figure: Figure, event: PointerEvent) {
    let Some((x, cx, cy)) = locate(figure, &event) else { return };
    let pointer_id = event.pointer_id();
    let canvas = event.target().and_then(|t| t.dyn_into::<Element>().ok());
    with_app(|app| {
        match pick(app, figure, cx) {
            Some(index) if event.alt_key() && app.state.points.len() > 2 => {
                app.state.points.remove(index);
                app.highlight = None;
                app.state_changed(Deps::POINTS, true);
            }
            Some(_) if event.alt_key() => {}
            Some(index) => {
                app.pointer.drag = Some(Drag { index, start: (cx, cy), moved: false });
                app.highlight = Some(index);
                if let Some(canvas) = &canvas {
                    let _ = canvas.set_pointer_capture(pointer_id);
                }
                app.invalidate(Deps::BINARY);
            }
            None if event.shift_key() && app.state.points.len() < MAX_POINTS => {
                let green = figure != Figure::Fit || is_upper_half(figure, &event);
                app.state.points.push(Point { x: clamp_x(figure, x), green });
                app.highlight = Some(app.state.points.len() - 1);
                app.state_changed(Deps::POINTS, true);
            }
            None => {}
        }
    });
    event.prevent_default();
}

/// In the fit figure a new point takes the label of the half it is placed in.
fn is_upper_half(figure: Figure, event: &PointerEvent) -> bool {
    let Some((canvas, map)) = figures::plot_map(figure) else { return true };
    let ratio = f64::from(canvas.width()) / f64::from(canvas.client_width().max(1));
    let (_, y) = map.to_data(f64::from(event.offset_x()) * ratio, f64::from(event.offset_y()) * ratio);
    y >= 0.5
}

fn on_move(figure: Figure, event: PointerEvent) {
    let Some((x, cx, cy)) = locate(figure, &event) else { return };
    with_app(|app| {
        if let Some(drag) = &mut app.pointer.drag {
            let far = (cx - drag.start.0).hypot(cy - drag.start.1) > CLICK_SLOP;
            if far || drag.moved {
                drag.moved = true;
                let index = drag.index;
                if let Some(point) = app.state.points.get_mut(index) {
                    point.x = clamp_x(figure, x);
                    app.state_changed(Deps::POINTS, false);
                }
                show_tooltip(app, index, event.client_x(), event.client_y());
            }
            return;
        }
        let hovered = pick(app, figure, cx);
        if hovered != app.highlight {
            app.highlight = hovered;
            app.invalidate(Deps::BINARY);
        }
        match hovered {
            Some(index) => show_tooltip(app, index, event.client_x(), event.client_y()),
            None => hide_tooltip(),
        }
    });
}

fn on_up(_figure: Figure, _event: PointerEvent) {
    with_app(|app| {
        let Some(drag) = app.pointer.drag.take() else { return };
        if drag.moved {
            app.state_changed(Deps::POINTS, true);
        } else if let Some(point) = app.state.points.get_mut(drag.index) {
            point.green = !point.green;
            app.state_changed(Deps::POINTS, true);
        }
    });
}

fn on_cancel(_figure: Figure, _event: PointerEvent) {
    with_app(|app| {
        if app.pointer.drag.take().is_some_and(|d| d.moved) {
            app.state_changed(Deps::POINTS, true);
        }
    });
}

fn on_leave(_figure: Figure, _event: PointerEvent) {
    with_app(|app| {
        if app.pointer.drag.is_none() && app.highlight.is_some() {
            app.highlight = None;
            app.invalidate(Deps::BINARY);
        }
    });
    hide_tooltip();
}

/// Keyboard: ↑/↓ choose a point, ←/→ move it (shift: further), space or
/// enter flips its label, delete removes it, escape lets go.
fn on_key(event: KeyboardEvent) {
    let handled = with_app(|app| {
        let count = app.state.points.len();
        if count == 0 {
            return false;
        }
        let current = app.highlight.filter(|&i| i < count);
        let step = if event.shift_key() { 1.0 } else { 0.1 };
        match event.key().as_str() {
            "ArrowUp" | "ArrowDown" => {
                let next = match (current, event.key() == "ArrowDown") {
                    (None, _) => 0,
                    (Some(i), true) => (i + 1) % count,
                    (Some(i), false) => (i + count - 1) % count,
                };
                app.highlight = Some(next);
                app.invalidate(Deps::BINARY);
            }
            "ArrowLeft" | "ArrowRight" => {
                let index = current.unwrap_or(0);
                let sign = if event.key() == "ArrowRight" { 1.0 } else { -1.0 };
                let x = app.state.points[index].x + sign * step;
                app.state.points[index].x = clamp_x(Figure::Points, (x * 100.0).round() / 100.0);
                app.highlight = Some(index);
                app.state_changed(Deps::POINTS, true);
            }
            " " | "Enter" => {
                let index = current.unwrap_or(0);
                app.state.points[index].green = !app.state.points[index].green;
                app.highlight = Some(index);
                app.state_changed(Deps::POINTS, true);
            }
            "Delete" | "Backspace" if count > 2 => {
                let index = current.unwrap_or(0);
                app.state.points.remove(index);
                app.highlight = Some(index.min(count - 2));
                app.state_changed(Deps::POINTS, true);
            }
            "Escape" => {
                app.highlight = None;
                app.invalidate(Deps::BINARY);
            }
            _ => return false,
        }
        true
    });
    if handled == Some(true) {
        event.prevent_default();
    }
}

fn show_tooltip(app: &App, index: usize, client_x: i32, client_y: i32) {
    let Some(tip) = dom::document().get_element_by_id("tooltip") else { return };
    let Some(point) = app.scene.binary.points.get(index) else { return };
    let lang = app.state.lang;
    let class = if point.green { t(lang, "class.green") } else { t(lang, "class.red") };
    // Numbers written as the figures write them (true minus signs).
    let text = format!(
        "{} = {}\n{}: {}\n{} = {}\n{} = {}",
        t(lang, "tip.x"),
        fixed(point.x, 2),
        t(lang, "tip.class"),
        class,
        t(lang, "tip.p"),
        fixed(point.p_true, 4),
        t(lang, "tip.loss"),
        fixed(point.loss, 4)
    );
    tip.set_text_content(Some(&text));
    let _ = tip.set_attribute("data-lines", "4");
    if let Some(tip) = tip.dyn_ref::<HtmlElement>() {
        let style = tip.style();
        let _ = style.set_property("left", &format!("{}px", client_x + 14));
        let _ = style.set_property("top", &format!("{}px", client_y + 14));
        let _ = style.set_property("white-space", "pre");
        tip.set_hidden(false);
    }
}

fn hide_tooltip() {
    if let Some(tip) = dom::document().get_element_by_id("tooltip") {
        dom::set_hidden(&tip, true);
    }
}
