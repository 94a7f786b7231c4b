//! `fit`: the sigmoid p(y = 1 | x) over the points, each point at its (smoothed) target.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::error::DrawError;
use super::frame::{Frame, FrameSpec, Stroke, Ticks, LABEL};
use super::lines::Lines;
use super::plot_map::Axis;
use super::style::Style;
use crate::i18n::{fill, sentences, t, Lang};
use crate::number::format::{fixed, list, signed_term};
use crate::scene::BinaryScene;

pub(super) fn draw<DB: Lines>(area: &Area<DB>, scene: &BinaryScene, style: &Style) -> Drawn {
    let mut spec = probability_frame(scene, style, t(style.lang, "fig.fit.y"));
    spec.notes_above = notes(scene, style, true);
    let mut frame = Frame::draw(area, style, &spec)?;
    let c = &style.colors;
    let (x0, x1) = scene.x_range;
    frame.line(area, &[(x0, 0.5), (x1, 0.5)], Stroke::dashed(c.axis, 1.0))?;
    frame.line(area, &scene.curve, Stroke::solid(c.accent, 2.5))?;
    draw_points_at_targets(&frame, area, scene, style)?;
    let m = scene.model;
    let formula =
        fill(t(style.lang, "fig.fit.formula"), &[("w", fixed(m.coef, 2)), ("b", signed_term(m.intercept, 2))]);
    let (_, _, right, bottom) = frame.rect();
    frame.label(
        area,
        &formula,
        &[(right - style.pxf(8.0), bottom - style.pxf(10.0))],
        LABEL,
        c.accent,
        true,
        (HPos::Right, VPos::Bottom),
    )?;
    frame.finish(area)
}

/// The frame of the figures whose y axis is a probability: 0 … 1, ticks at 0, 0.5, 1.
pub(super) fn probability_frame(scene: &BinaryScene, style: &Style, y_title: &str) -> FrameSpec {
    let mut spec = FrameSpec::new(Axis::linear(scene.x_range.0, scene.x_range.1), Axis::linear(0.0, 1.0));
    spec.y_ticks = Ticks::At(vec![(0.0, "0".into()), (0.5, "0.5".into()), (1.0, "1".into())]);
    spec.x_title = t(style.lang, "fig.label.x").into();
    spec.y_title = y_title.to_string();
    spec.class_key = true;
    let _ = style;
    spec
}

/// Each point at its target (0 or 1, or 0.1 / 0.9 under smoothing), the
/// hovered one ringed.
pub(super) fn draw_points_at_targets<DB: DrawingBackend>(
    frame: &Frame,
    area: &DrawingArea<DB, Shift>,
    scene: &BinaryScene,
    style: &Style,
) -> Result<(), DrawError> {
    for pt in &scene.points {
        frame.mark(area, frame.p(pt.x, pt.target), pt.mark(), style.colors.class(pt.green), 6.0)?;
    }
    if let Some(pt) = scene.highlighted() {
        frame.ring(area, frame.p(pt.x, pt.target), 11.0)?;
        frame.dot(area, frame.p(pt.x, pt.p), style.colors.highlight, 4.0)?;
    }
    Ok(())
}

/// Why there is no fit, and which points are held out, in words, for above
/// the plot: the latter where the figure draws them hollow (`hollow`), not
/// where its bars are the means of bins, which draw no point.
pub(super) fn notes(scene: &BinaryScene, style: &Style, hollow: bool) -> Vec<String> {
    let no_fit = scene
        .fit_error
        .as_ref()
        .map(|e| fill(t(style.lang, "fig.note.no-fit"), &[("why", e.message().text(style.lang))]));
    no_fit.into_iter().chain(held_out_note(scene, style).filter(|_| hollow)).collect()
}

/// "Hollow: held out", when some points are.
pub(super) fn held_out_note(scene: &BinaryScene, style: &Style) -> Option<String> {
    let held = scene.points.iter().filter(|p| p.held_out).count();
    (held > 0).then(|| fill(t(style.lang, "fig.note.held-out"), &[("n", held.to_string())]))
}

pub(super) fn alt_text(scene: &BinaryScene, lang: Lang) -> String {
    let mut s = fill(
        t(lang, "fig.fit.alt"),
        &[
            ("w", fixed(scene.model.coef, 4)),
            ("b", signed_term(scene.model.intercept, 4)),
            ("p", list(scene.points.iter().map(|p| p.p), 2, lang)),
        ],
    );
    // The training point the fit serves worst: the largest loss.
    if let Some(worst) = scene.points.iter().filter(|p| !p.held_out).max_by(|a, b| a.loss.total_cmp(&b.loss)) {
        let class = if worst.green { t(lang, "class.green") } else { t(lang, "class.red") };
        s.push(' ');
        s.push_str(&fill(
            t(lang, "fig.fit.alt-costliest"),
            &[
                ("x", fixed(worst.x, 2)),
                ("class", class.to_owned()),
                ("p", fixed(worst.p_true, 2)),
                ("l", fixed(worst.loss, 4)),
            ],
        ));
    }
    if let Some(e) = &scene.fit_error {
        let note = fill(t(lang, "fig.note.no-fit"), &[("why", e.message().text(lang))]);
        s = sentences(lang, &[s, note]);
    }
    s
}
