//! `neglog`: −log(p) over p ∈ (0, 1], every point placed at its own p.

use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::fit::notes;
use super::frame::{Frame, FrameSpec, Stroke, Ticks, LABEL};
use super::lines::Lines;
use super::plot_map::Axis;
use super::style::{Style, TextStyle};
use crate::i18n::{fill, t, t_count, Lang};
use crate::number::format::{fixed, list};
use crate::scene::BinaryScene;

/// The y axis stops here; points above it sit on the edge with their value.
const Y_MAX: f64 = 5.0;

pub(super) fn draw<DB: Lines>(area: &Area<DB>, scene: &BinaryScene, style: &Style) -> Drawn {
    let lang = style.lang;
    let mut spec = FrameSpec::new(Axis::linear(0.0, 1.0), Axis::linear(0.0, Y_MAX));
    spec.x_ticks = Ticks::Auto(5);
    spec.y_ticks = Ticks::Auto(5);
    spec.x_title = t(lang, "fig.neglog.x").into();
    spec.y_title = t(lang, "fig.neglog.y").into();
    spec.class_key = true;
    let over = scene.points.iter().filter(|pt| pt.neg_log_p > Y_MAX || !pt.neg_log_p.is_finite()).count();
    if over > 0 {
        let text = t_count(lang, over, ["fig.neglog.over", "fig.neglog.over-one"]);
        spec.notes_above.push(fill(text, &[("n", over.to_string()), ("max", fixed(Y_MAX, 0))]).into());
    }
    spec.notes_above.extend(notes(scene, style, true));
    let mut frame = Frame::draw(area, style, &spec)?;
    let c = &style.colors;
    frame.labels_keep_off_lines = true;
    frame.line(area, &scene.neglog, Stroke::solid(c.muted, 2.0))?;
    let mark = style.pxf(7.0);
    for pt in &scene.points {
        let (x, y) = (frame.px(pt.p_true.clamp(0.0, 1.0)), frame.py_clamped(pt.neg_log_p));
        frame.mark(area, (x, y), pt.mark(), c.class(pt.green), 6.0)?;
        frame.reserve([x - mark, y - mark, x + mark, y + mark]);
    }
    // Name the curve where it is steep, just right of it and clear of the
    // points: from its usual place, along the curve; a little further off
    // where the curve, bending, would run through the words (a phone).
    let beside = |p: f64, dx: f64| (frame.px(p) + style.pxf(dx), frame.py(-p.ln()));
    let along = [0.09, 0.06, 0.13, 0.045, 0.18];
    let at: Vec<_> = [5.0, 12.0].into_iter().flat_map(|dx| along.map(|p| beside(p, dx))).collect();
    frame.label(area, t(lang, "fig.neglog.curve"), &at, TextStyle::bold(LABEL, c.muted, (HPos::Left, VPos::Center)))?;
    if let Some(pt) = scene.highlighted() {
        let loss = pt.neg_log_p;
        let at = (frame.px(pt.p_true.clamp(0.0, 1.0)), frame.py_clamped(loss));
        frame.ring(area, at, 11.0)?;
        let text = fill(t(lang, "fig.neglog.point"), &[("p", fixed(pt.p_true, 2)), ("l", fixed(loss, 2))]);
        frame.label(
            area,
            &text,
            &[(at.0 + style.pxf(14.0), at.1 - style.pxf(14.0))],
            TextStyle::bold(LABEL, c.text, (HPos::Left, VPos::Bottom)),
        )?;
    }
    frame.finish(area)
}

pub(super) fn alt_text(scene: &BinaryScene, lang: Lang) -> String {
    fill(
        t(lang, "fig.neglog.alt"),
        &[
            ("p", list(scene.points.iter().map(|p| p.p_true), 2, lang)),
            ("l", list(scene.points.iter().map(|p| p.neg_log_p), 2, lang)),
        ],
    )
}
