//! `focal-curves`: FL(p_t) = −(1 − p_t)^γ·log p_t for the focal-loss paper's
//! γ, with the reader's γ on top (the paper's figure 1).

use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::frame::{Frame, FrameSpec, Stroke, Ticks, LABEL};
use super::lines::Lines;
use super::plot_map::Axis;
use super::style::{Colors, Style};
use crate::i18n::{fill, t, Lang};
use crate::number::format::fixed;
use crate::scene::{FocalCurve, FocalScene};

/// The value of a sampled curve nearest to p_t. The samples ascend in p_t,
/// so the nearest is one of the two around it: each label tries a dozen
/// places on each curve, at every redraw.
fn at(curve: &FocalCurve, p: f64) -> f64 {
    let i = curve.points.partition_point(|q| q.0 < p);
    let around = [i.checked_sub(1), Some(i)].into_iter().flatten().filter_map(|j| curve.points.get(j));
    around.min_by(|a, b| (a.0 - p).abs().total_cmp(&(b.0 - p).abs())).map_or(f64::NAN, |q| q.1)
}

fn gamma_text(g: f64, lang: Lang) -> String {
    fill(t(lang, "fig.label.gamma"), &[("g", if g.fract() == 0.0 { fixed(g, 0) } else { fixed(g, 1) })])
}

pub(super) fn draw<DB: Lines>(area: &Area<DB>, scene: &FocalScene, style: &Style) -> Drawn {
    let lang = style.lang;
    let c = &style.colors;
    let mut spec = FrameSpec::new(Axis::linear(0.0, 1.0), Axis::linear(0.0, 5.0));
    spec.x_ticks = Ticks::Auto(5);
    spec.x_title = t(lang, "fig.focal-curves.x").into();
    spec.y_title = t(lang, "fig.focal-curves.y").into();
    spec.right = 28.0;
    let mut frame = Frame::draw(area, style, &spec)?;
    frame.x_band(area, 0.5, 1.0, Colors::tint(c.accent, 0.06))?;
    let (_, top, right, _) = frame.rect();
    frame.label(
        area,
        t(lang, "fig.focal-curves.well"),
        &[(right - style.pxf(8.0), top + style.pxf(8.0))],
        LABEL,
        c.muted,
        false,
        (HPos::Right, VPos::Top),
    )?;
    let same = |g: f64| (g - scene.gamma).abs() < 1e-9;
    for curve in &scene.curves {
        if !same(curve.gamma) {
            frame.line(area, &curve.points, Stroke::solid(c.axis, 1.5))?;
        }
    }
    frame.line(area, &scene.current.points, Stroke::solid(c.accent, 3.0))?;
    // Direct labels: each curve named where it crosses p_t ≈ 0.2 … 0.4, the
    // reader's first so it always gets the best place.
    frame.halo = true;
    let mut order: Vec<&FocalCurve> = vec![&scene.current];
    order.extend(scene.curves.iter().filter(|cv| !same(cv.gamma)));
    for curve in order {
        let mine = std::ptr::eq(curve, &scene.current);
        let text = if mine {
            fill(t(lang, "fig.focal-curves.current"), &[("g", gamma_text(curve.gamma, lang))])
        } else {
            gamma_text(curve.gamma, lang)
        };
        let candidates: Vec<(f64, f64)> = [0.3, 0.25, 0.35, 0.2, 0.4, 0.45, 0.15, 0.5, 0.55, 0.6, 0.12, 0.65, 0.7]
            .iter()
            .map(|&p| {
                let (x, y) = frame.p(p, at(curve, p));
                (x + style.pxf(2.0), y - style.pxf(2.0))
            })
            .collect();
        let color = if mine { c.accent } else { c.muted };
        frame.label(area, &text, &candidates, LABEL, color, mine, (HPos::Left, VPos::Bottom))?;
    }
    frame.finish(area)
}

pub(super) fn alt_text(scene: &FocalScene, lang: Lang) -> String {
    let [a, b, c] = scene.current_at.map(|(_, v)| fixed(v, 3));
    fill(t(lang, "fig.focal-curves.alt"), &[("g", fixed(scene.gamma, 1)), ("at1", a), ("at5", b), ("at9", c)])
}
