//! `focal-fit`: the sigmoid refitted under focal loss against the
//! cross-entropy fit, both converged, over the points.

use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::fit::{draw_points_at_targets, probability_frame};
use super::frame::{Frame, Spot, Stroke, LABEL};
use super::lines::Lines;
use super::style::Style;
use crate::core::fit::FitError;
use crate::i18n::{fill, t, Lang};
use crate::number::format::{fixed, signed_term};
use crate::scene::{BinaryScene, FitCurve, FocalScene};

pub(super) fn draw<DB: Lines>(area: &Area<DB>, scene: &FocalScene, binary: &BinaryScene, style: &Style) -> Drawn {
    let lang = style.lang;
    let c = &style.colors;
    let mut spec = probability_frame(binary, style, t(lang, "fig.fit.y"));
    spec.right = 24.0;
    let mut frame = Frame::draw(area, style, &spec)?;
    if let Err(e) = &scene.focal_fit {
        frame.note(&fill(t(lang, "fig.focal-fit.no-focal"), &[("why", e.message().text(lang))]));
    }
    if let Err(e) = &scene.ce_fit {
        frame.note(&fill(t(lang, "fig.focal-fit.no-ce"), &[("why", e.message().text(lang))]));
    }
    let (x0, x1) = binary.x_range;
    frame.labels_keep_off_lines = true;
    frame.line(area, &[(x0, 0.5), (x1, 0.5)], Stroke::dashed(c.grid, 1.0))?;
    if let Ok(ce) = &scene.ce_fit {
        frame.line(area, &ce.curve, Stroke::solid(c.muted, 2.0))?;
    }
    if let Ok(fl) = &scene.focal_fit {
        frame.line(area, &fl.curve, Stroke::solid(c.accent, 3.0))?;
    }
    draw_points_at_targets(&frame, area, binary, style)?;
    // Name each curve where it crosses p = 0.5 (or at the right if it never does).
    let label_at = |frame: &Frame, fit: &FitCurve, above: bool| -> Vec<(f64, f64)> {
        let m = fit.model;
        let x_half = if m.coef.abs() > 1e-9 { -m.intercept / m.coef } else { f64::NAN };
        let mut v = Vec::new();
        for &(x, p) in &fit.curve {
            if (x - x_half).abs() < (x1 - x0) / 200.0 || (!x_half.is_finite() && x == x1) {
                let (px, py) = frame.p(x, p);
                v.push(if above {
                    (px - style.pxf(10.0), py - style.pxf(6.0))
                } else {
                    (px + style.pxf(10.0), py + style.pxf(6.0))
                });
            }
        }
        v
    };
    let (_, top, right, _) = frame.rect();
    let fl_text = fill(t(lang, "fig.focal-fit.focal"), &[("g", fixed(scene.gamma, 1))]);
    if let Ok(fl) = &scene.focal_fit {
        let c0 = label_at(&frame, fl, true);
        // Left of the crossing, or under the curve's right end where the
        // figure is too narrow for that or the cross-entropy curve runs
        // through it there (a phone).
        let end = fl.curve.last().map(|&(x, p)| frame.p(x, p));
        // Under it, then lower down, and last in the plot's lower right,
        // which only the cross-entropy curve's name shares.
        let under: Vec<(f64, f64)> = end
            .into_iter()
            .flat_map(|(x, y)| [20.0, 44.0, 68.0].map(|dy| (x - style.pxf(4.0), y + style.pxf(dy))))
            .chain(end.map(|(x, _)| (x - style.pxf(4.0), frame.py(0.25))))
            .collect();
        let left = c0.iter().map(|&at| (at, (HPos::Right, VPos::Bottom)));
        let spots: Vec<Spot> = left.chain(under.iter().map(|&at| (at, (HPos::Right, VPos::Top)))).collect();
        if let Some((at, anchor)) = frame.best_spot(area, &fl_text, LABEL, &spots) {
            frame.label(area, &fl_text, &[at], LABEL, c.accent, true, anchor)?;
        }
    }
    if let Ok(ce) = &scene.ce_fit {
        // Right of the crossing, under the curve; lower down where the
        // focal curve's name took that room.
        let c0 = label_at(&frame, ce, false);
        let lower: Vec<_> = c0.iter().map(|&(x, y)| (x, y + style.pxf(18.0))).collect();
        let spots = [c0, lower].concat();
        frame.label(area, t(lang, "fig.focal-fit.ce"), &spots, LABEL, c.muted, true, (HPos::Left, VPos::Top))?;
    }
    let _ = (top, right);
    frame.finish(area)
}

pub(super) fn alt_text(scene: &FocalScene, _points: &BinaryScene, lang: Lang) -> String {
    let describe = |r: &Result<FitCurve, FitError>| match r {
        Ok(f) => fill(
            t(lang, "fig.focal-fit.model"),
            &[("w", fixed(f.model.coef, 4)), ("b", signed_term(f.model.intercept, 4))],
        ),
        Err(e) => e.message().text(lang),
    };
    fill(
        t(lang, "fig.focal-fit.alt"),
        &[("g", fixed(scene.gamma, 1)), ("ce", describe(&scene.ce_fit)), ("fl", describe(&scene.focal_fit))],
    )
}
