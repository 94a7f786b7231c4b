//! Direct manipulation of the points, on the figures whose x axis is the
//! points' x (each figure's [`Pointer`] says what it allows): hover
//! highlights a point everywhere and shows its numbers, a click flips its
//! label, a drag moves it, shift-click adds one, alt-click removes one; the
//! keyboard does the same on a focused figure. A finger aims wider: a tap
//! flips, a drag that starts on a point moves it, a long press removes it.

use super::changes::{Changes, Tooltip};
use super::model::{Drag, Model};
use super::msg::{Key, Phase, PointerEvent};
use super::plane_pointer;
use super::question::Answer;
use super::questions::answer_question;
use crate::charts::fit_name;
use crate::charts::{Figure, PlotMap, Pointer};
use crate::i18n::{fill, t};
use crate::number::format::fixed;
use crate::scene::Deps;
use crate::state::{Point, Setting, Value, MAX_POINTS};

/// How close (in CSS pixels) the pointer must be to pick a point: a mouse,
/// and a finger.
const PICK_RADIUS: f64 = 14.0;
const TOUCH_PICK_RADIUS: f64 = 24.0;
/// Movement (CSS pixels) below which a press counts as a click (or a tap).
const CLICK_SLOP: f64 = 4.0;
const TOUCH_SLOP: f64 = 10.0;
/// A point keeps at least this many others: removing stops at two.
const FEWEST_POINTS: usize = 2;

pub(super) fn pointer(model: &mut Model, event: &PointerEvent, changes: &mut Changes) {
    if plane_pointer::is_plane(event.figure) {
        return plane_pointer::pointer(model, event, changes);
    }
    let pointer = event.figure.spec().pointer;
    let Some(map) = event.map else { return };
    match (event.phase, pointer) {
        (_, Pointer::None) => {}
        (Phase::Down, Pointer::Moves) => press(model, event, &map, changes),
        (Phase::Move, _) => moved(model, event, &map, changes),
        (Phase::Up, Pointer::Moves) => release(model, changes),
        (Phase::Cancel, Pointer::Moves) => cancel(model),
        (Phase::Leave, _) => {
            if model.drag.is_none() && model.highlight.is_some() {
                model.highlight = None;
                model.mark(Deps::BINARY);
            }
            changes.tooltip = Some(Tooltip::Hide);
        }
        _ => {}
    }
}

fn press(model: &mut Model, event: &PointerEvent, map: &PlotMap, changes: &mut Changes) {
    let (x, _) = map.to_data(event.at.0, event.at.1);
    let count = model.state.points.len();
    // Points a link locks may be chosen (to answer a question), not changed.
    let locked = model.view.locks(Setting::Points);
    match pick(model, event.figure, map, event.at, event.touch) {
        _ if locked && (event.alt || event.shift) => {}
        Some(index) if event.alt && count > FEWEST_POINTS => {
            edit_points(model, |points| {
                points.remove(index);
            });
            model.highlight = None;
            model.state_changed(Deps::POINTS, true);
        }
        Some(_) if event.alt => {}
        Some(index) => {
            model.drag = Some(Drag { index, start: event.at, moved: false });
            model.highlight = Some(index);
            changes.capture_pointer = true;
            model.mark(Deps::BINARY);
        }
        None if event.shift && count < MAX_POINTS => {
            // In the fit figure a new point takes the label of the half it is placed in.
            let green = event.figure != Figure::Fit || map.to_data(event.at.0, event.at.1).1 >= 0.5;
            let x = clamp_x(map, x);
            edit_points(model, |points| points.push(Point::new(x, green)));
            model.highlight = Some(model.state.points.len() - 1);
            model.state_changed(Deps::POINTS, true);
        }
        None => {}
    }
    changes.handled = true;
}

fn moved(model: &mut Model, event: &PointerEvent, map: &PlotMap, changes: &mut Changes) {
    let locked = model.view.locks(Setting::Points);
    if let Some(drag) = model.drag.as_mut().filter(|_| !locked) {
        let slop = if event.touch { TOUCH_SLOP } else { CLICK_SLOP };
        let far = (event.at.0 - drag.start.0).hypot(event.at.1 - drag.start.1) > slop;
        if far || drag.moved {
            drag.moved = true;
            let index = drag.index;
            let x = clamp_x(map, map.to_data(event.at.0, event.at.1).0);
            edit_points(model, |points| {
                if let Some(point) = points.get_mut(index) {
                    point.x = x;
                }
            });
            model.state_changed(Deps::POINTS, false);
            changes.tooltip = tooltip(model, index, event.client);
        }
        return;
    }
    let hovered = pick(model, event.figure, map, event.at, event.touch);
    if hovered != model.highlight {
        model.highlight = hovered;
        model.mark(Deps::BINARY);
    }
    changes.tooltip = match hovered {
        Some(index) => tooltip(model, index, event.client),
        None => Some(Tooltip::Hide),
    };
}

/// The end of a press: a drag is done, or a click answers the question
/// waiting for a point, or flips the point.
fn release(model: &mut Model, changes: &mut Changes) {
    let Some(drag) = model.drag.take() else { return };
    if let (false, Some(question)) = (drag.moved, model.questions.picking) {
        model.questions.picking = None;
        return answer_question(model, question, Answer::Point(drag.index), changes);
    }
    if model.view.locks(Setting::Points) {
        return;
    }
    if !drag.moved {
        edit_points(model, |points| {
            if let Some(point) = points.get_mut(drag.index) {
                point.green = !point.green;
            }
        });
    }
    model.state_changed(Deps::POINTS, true);
}

/// A press held still (a long press of a finger): its point is removed,
/// and the press ends there.
pub(super) fn hold(model: &mut Model) {
    if model.plane_drag.is_some() {
        return plane_pointer::hold(model);
    }
    let Some(drag) = model.drag.filter(|d| !d.moved) else { return };
    // Points a link locks are not removed, by a long press or otherwise.
    if model.state.points.len() <= FEWEST_POINTS || model.view.locks(Setting::Points) {
        return;
    }
    model.drag = None;
    edit_points(model, |points| {
        points.remove(drag.index);
    });
    model.highlight = None;
    model.state_changed(Deps::POINTS, true);
}

/// The press was taken away (by the browser, a scroll): a drag so far stands.
fn cancel(model: &mut Model) {
    if model.drag.take().is_some_and(|d| d.moved) {
        model.state_changed(Deps::POINTS, true);
    }
}

/// Keyboard: ↑/↓ choose a point, ←/→ move it (shift: further), space or
/// enter flips its label, delete removes it, escape lets go.
pub(super) fn key(
    model: &mut Model,
    figure: Figure,
    key: Key,
    shift: bool,
    map: Option<PlotMap>,
    changes: &mut Changes,
) {
    if plane_pointer::is_plane(figure) {
        return plane_pointer::key(model, key, shift, changes);
    }
    let count = model.state.points.len();
    if count == 0 || figure.spec().pointer != Pointer::Moves {
        return;
    }
    let current = model.highlight.filter(|&i| i < count);
    let index = current.unwrap_or(0);
    let locked = model.view.locks(Setting::Points);
    match key {
        Key::Flip if model.questions.picking.is_some() => {
            let question = model.questions.picking.take().expect("checked");
            answer_question(model, question, Answer::Point(index), changes);
        }
        Key::Left | Key::Right | Key::Flip | Key::Remove if locked => {}
        Key::Previous | Key::Next => {
            let next = match (current, key == Key::Next) {
                (None, _) => 0,
                (Some(i), true) => (i + 1) % count,
                (Some(i), false) => (i + count - 1) % count,
            };
            model.highlight = Some(next);
            model.mark(Deps::BINARY);
        }
        Key::Left | Key::Right => {
            let step = if shift { 1.0 } else { 0.1 };
            let sign = if key == Key::Right { 1.0 } else { -1.0 };
            let x = model.state.points[index].x + sign * step;
            let x = (x * 100.0).round() / 100.0;
            let x = map.map_or(x, |map| clamp_x(&map, x));
            edit_points(model, |points| points[index].x = x);
            model.highlight = Some(index);
            model.state_changed(Deps::POINTS, true);
        }
        Key::Flip => {
            edit_points(model, |points| points[index].green = !points[index].green);
            model.highlight = Some(index);
            model.state_changed(Deps::POINTS, true);
        }
        Key::Remove if count > FEWEST_POINTS => {
            edit_points(model, |points| {
                points.remove(index);
            });
            model.highlight = Some(index.min(count - 2));
            model.state_changed(Deps::POINTS, true);
        }
        Key::Remove | Key::Following | Key::Preceding => {}
        Key::LetGo => {
            model.highlight = None;
            model.mark(Deps::BINARY);
        }
    }
    changes.handled = true;
}

/// Changes the points through the state's border.
fn edit_points(model: &mut Model, edit: impl FnOnce(&mut Vec<Point>)) {
    let mut points = model.state.points.clone();
    edit(&mut points);
    Setting::Points.put(&mut model.state, Value::Points(points));
}

/// The index of the point nearest the pointer, within the pick radius,
/// among the points the figure shows (a class's bars show only that class).
fn pick(model: &Model, figure: Figure, map: &PlotMap, (css_x, css_y): (f64, f64), touch: bool) -> Option<usize> {
    let shows = match figure.spec().pointer {
        Pointer::None | Pointer::Plane => return None,
        Pointer::Hovers(shows) => Some(shows),
        Pointer::Moves if touch => return touched(model, figure, map, (css_x, css_y)),
        Pointer::Moves => None,
    };
    model
        .state
        .points
        .iter()
        .enumerate()
        .filter(|(_, p)| shows.is_none_or(|s| s.includes(p.green)))
        .map(|(i, p)| (i, (map.x_pixel(p.x) - css_x).abs()))
        .filter(|&(_, d)| d <= PICK_RADIUS)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// The point a finger lands on, in a figure whose points it can move: near
/// the mark itself, not anywhere in its column, so that a swipe elsewhere
/// over the figure scrolls the page.
fn touched(model: &Model, figure: Figure, map: &PlotMap, (css_x, css_y): (f64, f64)) -> Option<usize> {
    // Where each figure draws a point's mark: the fit at its target, the
    // strip on its one line.
    let mark_y = |target: f64| if figure == Figure::Fit { target } else { 0.0 };
    model
        .scene
        .binary
        .points
        .iter()
        .map(|p| (p.index, (map.x_pixel(p.x) - css_x).hypot(map.y_pixel(mark_y(p.target)) - css_y)))
        .filter(|&(_, d)| d <= TOUCH_PICK_RADIUS)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// `x` kept inside the figure's x range, so a dragged point stays in view.
fn clamp_x(map: &PlotMap, x: f64) -> f64 {
    let (lo, hi) = (map.x.min.min(map.x.max), map.x.min.max(map.x.max));
    x.clamp(lo, hi)
}

/// A point's numbers beside the pointer, written as the figures write them.
fn tooltip(model: &Model, index: usize, client: (i32, i32)) -> Option<Tooltip> {
    let point = model.scene.binary.points.iter().find(|p| p.index == index)?;
    let lang = model.state.lang;
    let class = if point.green { t(lang, "class.green") } else { t(lang, "class.red") };
    let mut lines = vec![
        fill(t(lang, "tip.x"), &[("x", fixed(point.x, 2))]),
        fill(t(lang, "tip.class"), &[("class", class)]),
        fill(t(lang, "tip.p"), &[("p", fixed(point.p_true, 4))]),
        fill(t(lang, "tip.loss"), &[("l", fixed(point.loss, 4))]),
    ];
    if point.held_out {
        lines.push(t(lang, "tip.held-out").to_owned());
    }
    // Its pull on each compared fit, where it is a training point.
    let comparison = &model.scene.comparison;
    if let Some(k) = comparison.training.iter().position(|p| p.index == index) {
        for fit in comparison.fits.iter().filter(|f| !f.pulls.is_empty()) {
            let name = fit_name(fit.contender, lang);
            lines.push(fill(t(lang, "tip.pull"), &[("fit", name.to_owned()), ("g", fixed(fit.pulls[k], 4))]));
        }
    }
    Some(Tooltip::Show { lines, at: (client.0 + 14, client.1 + 14) })
}
