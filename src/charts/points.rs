//! `points`: the points on the x axis, each class with its own colour and marker.

use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::fit::held_out_note;
use super::frame::{Frame, FrameSpec, Ticks, LABEL};
use super::plot_map::Axis;
use super::style::{Style, TextStyle};
use crate::i18n::{fill, t, t_count, Lang};
use crate::number::format::{fixed, list};
use crate::scene::{BinaryPoint, BinaryScene};

pub(super) fn draw<DB: DrawingBackend>(area: &Area<DB>, scene: &BinaryScene, style: &Style) -> Drawn {
    let mut spec = FrameSpec::new(Axis::linear(scene.x_range.0, scene.x_range.1), Axis::linear(-0.25, 1.0));
    spec.y_ticks = Ticks::None;
    spec.x_axis_at_zero = true;
    spec.x_title = t(style.lang, "fig.label.x").into();
    spec.class_key = true;
    let mut frame = Frame::draw(area, style, &spec)?;
    if let Some(note) = held_out_note(scene, style) {
        frame.note(&note);
    }
    let c = &style.colors;
    for pt in &scene.points {
        frame.mark(area, frame.p(pt.x, 0.0), pt.mark(), c.class(pt.green), 6.5)?;
    }
    if let Some(pt) = scene.highlighted() {
        let at = frame.p(pt.x, 0.0);
        frame.ring(area, at, 11.0)?;
        let label = fill(t(style.lang, "fig.label.x-value"), &[("x", fixed(pt.x, 2))]);
        frame.label(
            area,
            &label,
            &[(at.0, at.1 - style.pxf(16.0))],
            TextStyle::bold(LABEL, c.text, (HPos::Center, VPos::Bottom)),
        )?;
    }
    frame.finish(area)
}

pub(super) fn alt_text(scene: &BinaryScene, lang: Lang) -> String {
    let (pos, neg): (Vec<&BinaryPoint>, Vec<&BinaryPoint>) = scene.points.iter().partition(|p| p.green);
    // Points of one class are said as such, not as "0 negative at x = ."
    let one_class = match (pos.is_empty(), neg.is_empty()) {
        (false, true) => Some((&pos, ["fig.points.alt.positive", "fig.points.alt.positive-one"])),
        (true, false) => Some((&neg, ["fig.points.alt.negative", "fig.points.alt.negative-one"])),
        _ => None,
    };
    if let Some((points, keys)) = one_class {
        let xs = list(points.iter().map(|p| p.x), 1, lang);
        return fill(t_count(lang, points.len(), keys), &[("n", points.len().to_string()), ("xs", xs)]);
    }
    fill(
        t(lang, "fig.points.alt"),
        &[
            ("n", scene.points.len().to_string()),
            ("npos", pos.len().to_string()),
            ("nneg", neg.len().to_string()),
            ("pos", list(pos.iter().map(|p| p.x), 1, lang)),
            ("neg", list(neg.iter().map(|p| p.x), 1, lang)),
        ],
    )
}
