//! `focal-fit`: the sigmoid refitted under focal loss against the
//! cross-entropy fit, both converged, over the points.

use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::fit::{draw_points_at_targets, probability_frame};
use super::frame::{Frame, Spot, Stroke, LABEL};
use super::lines::Lines;
use super::style::{Style, TextStyle};
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
    frame.labels_keep_off_marks = true;
    draw_points_at_targets(&frame, area, binary, style)?;
    // Each curve named beside it, on the first of its places that no line
    // runs through and no point lies under: where it crosses p = 0.5 first,
    // the focal curve above on the left and the cross-entropy curve below
    // on the right (where they cross each other, their names part), then
    // along the curve, on any side.
    let fl_text = fill(t(lang, "fig.focal-fit.focal"), &[("g", fixed(scene.gamma, 1))]);
    let names = [
        (scene.focal_fit.as_ref().ok(), fl_text.as_str(), c.accent, true),
        (scene.ce_fit.as_ref().ok(), t(lang, "fig.focal-fit.ce"), c.muted, false),
    ];
    for (fit, text, color, above) in names {
        let Some(fit) = fit else { continue };
        let spots = beside(&frame, fit, above, style);
        if let Some((at, anchor)) = frame.best_spot(area, text, LABEL, &spots) {
            frame.label(area, text, &[at], TextStyle::bold(LABEL, color, anchor))?;
        }
    }
    frame.finish(area)
}

/// Where a fitted curve's name may go: beside the curve, a little off it
/// diagonally on each side, at p = 0.5 first (its own side first: above on
/// the left where `above`, else below on the right), then at p = 0.7, 0.3,
/// 0.85, 0.15 and its ends.
fn beside(frame: &Frame, fit: &FitCurve, above: bool, style: &Style) -> Vec<Spot> {
    let (dx, dy) = (style.pxf(10.0), style.pxf(6.0));
    let sides = [
        ((-dx, -dy), (HPos::Right, VPos::Bottom)),
        ((dx, dy), (HPos::Left, VPos::Top)),
        ((dx, -dy), (HPos::Left, VPos::Bottom)),
        ((-dx, dy), (HPos::Right, VPos::Top)),
    ];
    // The sample nearest to probability `p`.
    let at = |p: f64| fit.curve.iter().min_by(|a, b| (a.1 - p).abs().total_cmp(&(b.1 - p).abs())).copied();
    let ends = [fit.curve.first().copied(), fit.curve.last().copied()];
    let points = [0.5, 0.7, 0.3, 0.85, 0.15].map(at).into_iter().chain(ends).flatten();
    let mut spots: Vec<Spot> = Vec::new();
    for (k, (x, p)) in points.enumerate() {
        let (px, py) = frame.p(x, p);
        // Its own side first at the crossing.
        let order = if k == 0 && !above { [1, 0, 2, 3] } else { [0, 1, 2, 3] };
        spots.extend(order.into_iter().map(|i| {
            let ((ox, oy), anchor) = sides[i];
            ((px + ox, py + oy), anchor)
        }));
    }
    spots
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::fit::covered_names;
    use crate::charts::Figure;

    /// Both fits are named, where no curve runs through the name and no
    /// point lies under it, wide and on phones, in both languages.
    #[test]
    fn both_fits_are_named_clear_of_the_curves_and_the_points() {
        let wrong = covered_names(Figure::FocalFit, |scene, lang| {
            let focal = fill(t(lang, "fig.focal-fit.focal"), &[("g", fixed(scene.focal.gamma, 1))]);
            vec![focal, t(lang, "fig.focal-fit.ce").to_owned()]
        });
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
