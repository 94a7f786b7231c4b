//! `focal-points`: each point's focal loss next to its cross-entropy, points
//! ordered from hardest to easiest, so the down-weighting of easy points reads
//! left to right; the share of the total carried by misclassified points.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::text_anchor::{HPos, VPos};

use super::frame::{clear, nice_ticks, Frame, FrameSpec, Ticks, LABEL};
use super::style::Colors;
use super::{num, num_list, percent, Axis, DrawError, PlotMap, Style};
use crate::core::array::ascending_order;
use crate::i18n::{fill, t};
use crate::scene::{FocalPoint, FocalScene};
use crate::state::Lang;

const Y_CAP: f64 = 6.0;

fn hardest_first(scene: &FocalScene) -> Vec<&FocalPoint> {
    let pts: Vec<&FocalPoint> = scene.points.iter().filter(|p| p.p_true.is_finite()).collect();
    let keys: Vec<f64> = pts.iter().map(|p| p.p_true).collect();
    ascending_order(&keys).into_iter().map(|i| pts[i]).collect()
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scene: &FocalScene,
    style: &Style,
) -> Result<PlotMap, DrawError> {
    clear(area, style)?;
    let lang = style.lang;
    let c = &style.colors;
    let pts = hardest_first(scene);
    let n = pts.len().max(1) as f64;
    let tallest = pts.iter().flat_map(|p| [p.ce, p.focal]).filter(|v| v.is_finite()).fold(0.0, f64::max);
    let y_max = (tallest * 1.25).clamp(0.5, Y_CAP);
    let mut spec = FrameSpec::new(Axis::linear(0.0, n), Axis::linear(0.0, y_max));
    spec.y_ticks = Ticks::At(nice_ticks(0.0, y_max, 4));
    spec.x_ticks = if pts.len() <= 14 {
        Ticks::At(pts.iter().enumerate().map(|(i, p)| (i as f64 + 0.5, num(p.p_true, 2))).collect())
    } else {
        Ticks::None
    };
    spec.x_title = t(lang, "fig.focal-points.x").into();
    spec.y_title = t(lang, "fig.focal-points.y").into();
    let mut frame = Frame::draw(area, style, &spec)?;
    let hard = pts.iter().filter(|p| p.p_true < 0.5).count() as f64;
    if hard > 0.0 {
        frame.x_band(area, 0.0, hard, Colors::tint(c.negative, 0.07))?;
    }
    let (ce_color, fl_color) = (Colors::tint(c.axis, 0.55), Colors::tint(c.accent, 1.0));
    for (i, p) in pts.iter().enumerate() {
        let i = i as f64;
        frame.bar(area, (i + 0.12, 0.0), (i + 0.5, p.ce), ce_color)?;
        frame.bar(area, (i + 0.5, 0.0), (i + 0.88, p.focal), fl_color)?;
        // The point's class, just above its pair.
        if pts.len() <= 60 {
            let (x, y) = frame.p(i + 0.5, p.ce.max(p.focal).min(y_max));
            frame.marker(area, (x, y - style.pxf(9.0)), p.green, c.class(p.green), 4.0)?;
            frame.reserve([x - 5.0, y - style.pxf(14.0), x + 5.0, y]);
        }
    }
    frame.swatch_key(area, &[(ce_color, t(lang, "fig.focal-points.ce")), (fl_color, &fill(t(lang, "fig.focal-points.fl"), &[("g", num(scene.gamma, 1))]))], true)?;
    let (l, top, right, _) = frame.rect();
    if hard > 0.0 {
        frame.label(area, t(lang, "fig.focal-points.hard"), &[(l + style.pxf(6.0), top + style.pxf(6.0))], LABEL - 1.0, c.negative, true, (HPos::Left, VPos::Top))?;
    }
    // The readout, top right, one short line each.
    let x = right - style.pxf(6.0);
    let mut y = top + style.pxf(6.0);
    let line = style.pxf(19.0);
    if let (Some(ce), Some(fl)) = (scene.hard_share_ce, scene.hard_share_focal) {
        frame.text(area, t(lang, "fig.focal-points.share1"), (x, y), LABEL, c.text, (HPos::Right, VPos::Top))?;
        let text = fill(t(lang, "fig.focal-points.share2"), &[("ce", percent(ce)), ("fl", percent(fl))]);
        frame.bold(area, &text, (x, y + line), LABEL + 1.0, c.text, (HPos::Right, VPos::Top))?;
        y += 2.0 * line + style.pxf(4.0);
    }
    if let (Some(ce), Some(fl)) = (scene.mean_ce, scene.mean_focal) {
        let text = fill(t(lang, "fig.focal-points.means"), &[("ce", num(ce, 4)), ("fl", num(fl, 4))]);
        frame.text(area, &text, (x, y), LABEL - 1.0, c.muted, (HPos::Right, VPos::Top))?;
        y += line;
    }
    if let Some(a) = scene.alpha {
        let text = fill(t(lang, "fig.focal-points.alpha"), &[("a", num(a, 2))]);
        frame.text(area, &text, (x, y), LABEL - 1.0, c.muted, (HPos::Right, VPos::Top))?;
    }
    Ok(frame.map)
}

pub fn alt_text(scene: &FocalScene, lang: Lang) -> String {
    let pts = hardest_first(scene);
    match (scene.hard_share_ce, scene.hard_share_focal, scene.mean_focal) {
        (Some(ce), Some(fl), Some(mean)) => fill(
            t(lang, "fig.focal-points.alt"),
            &[
                ("g", num(scene.gamma, 1)),
                ("ce", percent(ce)),
                ("fl", percent(fl)),
                ("mean", num(mean, 4)),
                ("p", num_list(pts.iter().map(|p| p.p_true), 2, lang)),
                ("cel", num_list(pts.iter().map(|p| p.ce), 2, lang)),
                ("fll", num_list(pts.iter().map(|p| p.focal), 2, lang)),
            ],
        ),
        _ => t(lang, "fig.note.no-points").into(),
    }
}
