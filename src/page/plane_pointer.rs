//! Direct manipulation of the points in the plane (figures whose
//! [`Pointer`] is [`Pointer::Plane`]): hover shows a point's numbers, a
//! click chooses it, a drag moves it, shift-click adds a point of the class
//! picker's class, alt-click removes one; the keyboard does the same on the
//! focused figure. A finger aims wider: a tap chooses, a drag that starts on
//! a point moves it, a long press removes it.

use super::changes::{Changes, Tooltip};
use super::model::{Drag, Model};
use super::msg::{Key, Phase, PointerEvent};
use crate::charts::{Figure, PlotMap, Pointer};
use crate::i18n::{fill, t};
use crate::number::format::fixed;
use crate::scene::Deps;
use crate::state::{PlanePoint, Setting, Value, MAX_POINTS};

/// How close (in CSS pixels) the pointer must be to pick a point: a mouse,
/// and a finger.
const PICK_RADIUS: f64 = 12.0;
const TOUCH_PICK_RADIUS: f64 = 22.0;
/// Movement (CSS pixels) below which a press counts as a click (or a tap).
const CLICK_SLOP: f64 = 4.0;
const TOUCH_SLOP: f64 = 10.0;
/// The plane keeps at least this many points.
const FEWEST_POINTS: usize = 3;
/// How far an arrow key moves the chosen point (shift: ten times as far).
const KEY_STEP: f64 = 0.1;

pub(super) fn pointer(model: &mut Model, event: &PointerEvent, changes: &mut Changes) {
    let Some(map) = event.map else { return };
    match event.phase {
        Phase::Down => press(model, event, &map, changes),
        Phase::Move => moved(model, event, &map, changes),
        Phase::Up => release(model),
        Phase::Cancel => {
            if model.plane_drag.take().is_some_and(|d| d.moved) {
                model.state_changed(Deps::SOFTMAX, true);
            }
        }
        Phase::Leave => {
            if model.plane_drag.is_none() && model.plane_hover.take().is_some() {
                model.mark(Deps::SOFTMAX);
            }
            changes.tooltip = Some(Tooltip::Hide);
        }
    }
}

fn press(model: &mut Model, event: &PointerEvent, map: &PlotMap, changes: &mut Changes) {
    model.plane_drag = None;
    let points = model.state.plane_points();
    match pick(&points, map, event.at, event.touch) {
        Some(index) if event.alt => remove(model, index),
        Some(index) => {
            // Chosen now, written to the link when the press ends (a drag's end, or a click's).
            choose(model, Some(index));
            model.change_finished = false;
            model.in_progress = true;
            model.plane_drag = Some(Drag { index, start: event.at, moved: false });
            changes.capture_pointer = true;
        }
        None if event.shift && points.len() < MAX_POINTS => {
            let (x, y) = inside(map.to_data(event.at.0, event.at.1));
            let class = model.state.softmax.class;
            edit_points(model, |points| points.push(PlanePoint { x, y, class }));
            choose(model, Some(points.len()));
            model.state_changed(Deps::SOFTMAX, true);
        }
        None if !event.alt => choose(model, None),
        None => {}
    }
    changes.handled = true;
}

fn moved(model: &mut Model, event: &PointerEvent, map: &PlotMap, changes: &mut Changes) {
    if let Some(drag) = &mut model.plane_drag {
        let slop = if event.touch { TOUCH_SLOP } else { CLICK_SLOP };
        let far = (event.at.0 - drag.start.0).hypot(event.at.1 - drag.start.1) > slop;
        if far || drag.moved {
            drag.moved = true;
            let index = drag.index;
            let (x, y) = inside(map.to_data(event.at.0, event.at.1));
            edit_points(model, |points| {
                if let Some(point) = points.get_mut(index) {
                    (point.x, point.y) = (x, y);
                }
            });
            model.state_changed(Deps::SOFTMAX, false);
            changes.tooltip = tooltip(model, index, event.client);
        }
        return;
    }
    let hovered = pick(&model.state.plane_points(), map, event.at, event.touch);
    if hovered != model.plane_hover {
        model.plane_hover = hovered;
        model.mark(Deps::SOFTMAX);
    }
    changes.tooltip = match hovered {
        Some(index) => tooltip(model, index, event.client),
        None => Some(Tooltip::Hide),
    };
}

/// The end of a press: a drag is done, or a click chose its point (at the press).
fn release(model: &mut Model) {
    match model.plane_drag.take() {
        Some(drag) if drag.moved => model.state_changed(Deps::SOFTMAX, true),
        Some(_) => model.change_finished = true,
        None => {}
    }
}

/// A press held still (a long press of a finger): its point is removed
/// (unless the plane or its class would be left too few), and the press
/// ends there.
pub(super) fn hold(model: &mut Model) {
    let Some(drag) = model.plane_drag.filter(|d| !d.moved) else { return };
    model.plane_drag = None;
    remove(model, drag.index);
}

/// Keyboard on a plane figure: the arrows move the chosen point (shift:
/// further), page up / page down (or `[` / `]`) choose the point before or
/// after, space or enter gives it the next class, delete removes it, escape
/// lets it go.
pub(super) fn key(model: &mut Model, key: Key, shift: bool, changes: &mut Changes) {
    let points = model.state.plane_points();
    let count = points.len();
    if count == 0 {
        return;
    }
    let current = (model.state.softmax.selected as usize).checked_sub(1).filter(|&i| i < count);
    let Some(index) = current else {
        // Nothing chosen yet: the first key chooses the first point.
        if key != Key::LetGo {
            choose(model, Some(0));
            changes.handled = true;
        }
        return;
    };
    let step = if shift { 10.0 * KEY_STEP } else { KEY_STEP };
    let nudge = |dx: f64, dy: f64| {
        let round = |v: f64| (v * 100.0).round() / 100.0;
        inside((round(points[index].x + dx), round(points[index].y + dy)))
    };
    let moved_to = match key {
        Key::Previous => Some(nudge(0.0, step)),
        Key::Next => Some(nudge(0.0, -step)),
        Key::Left => Some(nudge(-step, 0.0)),
        Key::Right => Some(nudge(step, 0.0)),
        _ => None,
    };
    if let Some((x, y)) = moved_to {
        edit_points(model, |points| (points[index].x, points[index].y) = (x, y));
        model.state_changed(Deps::SOFTMAX, true);
    }
    match key {
        Key::Following => choose(model, Some((index + 1) % count)),
        Key::Preceding => choose(model, Some((index + count - 1) % count)),
        Key::Flip => {
            let next = (points[index].class + 1) % model.state.softmax.classes;
            if set_class(model, index, next) {
                Setting::SoftmaxClass.put(&mut model.state, Value::Number(f64::from(next)));
                changes.controls.push(Setting::SoftmaxClass);
            }
        }
        Key::Remove => remove(model, index),
        Key::LetGo => choose(model, None),
        _ => {}
    }
    changes.handled = true;
}

/// Gives point `index` class `class`, unless that leaves its class without a
/// point (a fit needs every class). Returns whether it did.
pub(super) fn set_class(model: &mut Model, index: usize, class: u32) -> bool {
    let points = model.state.plane_points();
    let Some(point) = points.get(index) else { return false };
    if point.class == class || !others_in_class(&points, index) {
        return false;
    }
    edit_points(model, |points| points[index].class = class);
    model.state_changed(Deps::SOFTMAX, true);
    true
}

/// Removes point `index`, unless the plane would be left with too few points
/// or its class with none.
fn remove(model: &mut Model, index: usize) {
    let points = model.state.plane_points();
    if points.len() <= FEWEST_POINTS || !others_in_class(&points, index) {
        return;
    }
    edit_points(model, |points| {
        points.remove(index);
    });
    let selected = model.state.softmax.selected as usize;
    let after = match selected.checked_sub(1) {
        Some(chosen) if chosen == index => None,
        Some(chosen) if chosen > index => Some(chosen - 1),
        other => other,
    };
    choose(model, after);
    model.plane_hover = None;
    model.state_changed(Deps::SOFTMAX, true);
}

/// Whether some other point shares point `index`'s class.
fn others_in_class(points: &[PlanePoint], index: usize) -> bool {
    points.iter().enumerate().any(|(i, p)| i != index && p.class == points[index].class)
}

/// Chooses a point (or none), through the state's border.
fn choose(model: &mut Model, index: Option<usize>) {
    let value = index.map_or(0.0, |i| (i + 1) as f64);
    Setting::SoftmaxPoint.put(&mut model.state, Value::Number(value));
    model.change_finished = true;
    model.mark(Deps::SOFTMAX);
}

/// Changes the points through the state's border: the first edit turns the
/// preset's points into the reader's own.
fn edit_points(model: &mut Model, edit: impl FnOnce(&mut Vec<PlanePoint>)) {
    let mut points = model.state.plane_points();
    edit(&mut points);
    Setting::SoftmaxPoints.put(&mut model.state, Value::PlanePoints(points));
}

/// The point nearest the pointer, within the pick radius.
fn pick(points: &[PlanePoint], map: &PlotMap, (px, py): (f64, f64), touch: bool) -> Option<usize> {
    let radius = if touch { TOUCH_PICK_RADIUS } else { PICK_RADIUS };
    points
        .iter()
        .enumerate()
        .map(|(i, p)| (i, (map.x_pixel(p.x) - px).hypot(map.y_pixel(p.y) - py)))
        .filter(|&(_, d)| d <= radius)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// A position kept inside the plane (all of which the figure shows), so a
/// dragged point stays in view.
fn inside((x, y): (f64, f64)) -> (f64, f64) {
    let point = PlanePoint { x, y, class: 0 }.inside();
    (point.x, point.y)
}

/// A point's numbers beside the pointer, written as the figures write them.
fn tooltip(model: &Model, index: usize, client: (i32, i32)) -> Option<Tooltip> {
    let point = model.scene.softmax.points.get(index)?;
    let lang = model.state.lang;
    let mut lines = vec![
        format!("({}, {})", fixed(point.x, 2), fixed(point.y, 2)),
        fill(t(lang, "tip.softmax.class"), &[("k", point.class.to_string())]),
    ];
    if let Some(fit) = &point.fit {
        let p = fit.proba.get(point.class).copied().unwrap_or(f64::NAN);
        lines.push(format!("{} = {}", t(lang, "tip.p"), fixed(p, 4)));
        lines.push(format!("{} = {}", t(lang, "tip.loss"), fixed(fit.cross_entropy, 4)));
    }
    Some(Tooltip::Show { lines, at: (client.0 + 14, client.1 + 14) })
}

/// Whether `figure` takes the plane's pointer and keys.
pub(super) fn is_plane(figure: Figure) -> bool {
    figure.spec().pointer == Pointer::Plane
}
