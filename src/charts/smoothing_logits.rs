//! `smoothing-logits`: cross-entropy of the logits `[a, 0, …, 0]` against the
//! smoothed target and against the one-hot target. The smoothed target has a
//! minimum, at the logit gap a, equal to its entropy; the one-hot target keeps
//! asking for a larger a.

use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::frame::{nice_ticks, Frame, FrameSpec, Stroke, Ticks, LABEL};
use super::lines::Lines;
use super::plot_map::Axis;
use super::style::Style;
use crate::i18n::{fill, t, Lang};
use crate::number::format::fixed;
use crate::scene::SmoothingScene;

/// The value of a sampled curve nearest to `x`.
pub(super) fn nearest(curve: &[(f64, f64)], x: f64) -> f64 {
    curve.iter().min_by(|a, b| (a.0 - x).abs().total_cmp(&(b.0 - x).abs())).map_or(f64::NAN, |p| p.1)
}

pub(super) fn draw<DB: Lines>(area: &Area<DB>, scene: &SmoothingScene, style: &Style) -> Drawn {
    let lang = style.lang;
    let c = &style.colors;
    let (a0, a1) = scene.a_range;
    let top_value = nearest(&scene.ce_one_hot, a0).max(nearest(&scene.ce_smoothed, a0));
    let y_max = if top_value.is_finite() { (top_value * 1.05).clamp(1.0, 50.0) } else { 4.0 };
    let mut spec = FrameSpec::new(Axis::linear(a0, a1), Axis::linear(0.0, y_max));
    spec.y_ticks = Ticks::At(nice_ticks(0.0, y_max, 4));
    spec.x_title = t(lang, "fig.smoothing-logits.x").into();
    spec.y_title = fill(t(lang, "fig.smoothing-logits.y"), &[("k", scene.k.to_string())]);
    spec.right = 24.0;
    let mut frame = Frame::draw(area, style, &spec)?;
    // The entropy: the floor the smoothed curve touches.
    frame.line(area, &[(a0, scene.entropy), (a1, scene.entropy)], Stroke::dashed(c.axis, 1.0))?;
    frame.line(area, &scene.ce_one_hot, Stroke::solid(c.muted, 2.0))?;
    frame.line(area, &scene.ce_smoothed, Stroke::solid(c.accent, 3.0))?;
    let (_, top, right, _) = frame.rect();
    match scene.gap {
        Some(a) => {
            let (x, y) = frame.p(a, scene.entropy);
            frame.line(area, &[(a, 0.0), (a, scene.entropy)], Stroke::solid(c.accent, 1.0))?;
            frame.dot(area, (x, y), c.accent, 5.0)?;
            let text = fill(t(lang, "fig.smoothing-logits.min"), &[("a", fixed(a, 4)), ("h", fixed(scene.entropy, 4))]);
            let up = style.pxf(12.0);
            // On a phone the words cannot keep off the steep left branch:
            // they keep it off them.
            frame.halo = true;
            frame.label_or_smaller(
                area,
                &text,
                &[
                    (x, y - up - style.pxf(28.0)),
                    (x + style.pxf(8.0), y - up - style.pxf(52.0)),
                    (x, y - up - style.pxf(80.0)),
                ],
                LABEL,
                c.accent,
                true,
                (HPos::Center, VPos::Bottom),
            )?;
            frame.halo = false;
        }
        None => {
            let text = t(lang, "fig.smoothing-logits.infinite");
            frame.label(
                area,
                text,
                &[(right - style.pxf(6.0), top + style.pxf(6.0))],
                LABEL,
                c.accent,
                true,
                (HPos::Right, VPos::Top),
            )?;
        }
    }
    // Name the curves at the right end, where they have parted.
    let (yh, ys) =
        (frame.py_clamped(nearest(&scene.ce_one_hot, a1)), frame.py_clamped(nearest(&scene.ce_smoothed, a1)));
    let gap = style.pxf(6.0);
    frame.label(
        area,
        t(lang, "fig.smoothing-logits.one-hot"),
        &[(right, yh - gap), (right, yh - gap - style.pxf(16.0))],
        LABEL,
        c.muted,
        true,
        (HPos::Right, VPos::Bottom),
    )?;
    if scene.gap.is_some() {
        frame.label_or_smaller(
            area,
            t(lang, "fig.smoothing-logits.smoothed"),
            &[(right, ys - gap), (right, ys - gap - style.pxf(16.0))],
            LABEL,
            c.accent,
            true,
            (HPos::Right, VPos::Bottom),
        )?;
        let text = fill(t(lang, "fig.smoothing-logits.entropy"), &[("h", fixed(scene.entropy, 4))]);
        let y = frame.py(scene.entropy);
        frame.label(
            area,
            &text,
            &[(frame.px(a0) + gap, y - gap), (frame.px(a0) + gap, y + gap)],
            LABEL - 1.0,
            c.muted,
            false,
            (HPos::Left, VPos::Bottom),
        )?;
    }
    frame.finish(area)
}

pub(super) fn alt_text(scene: &SmoothingScene, lang: Lang) -> String {
    match scene.gap {
        Some(a) => fill(
            t(lang, "fig.smoothing-logits.alt"),
            &[
                ("a", fixed(a, 4)),
                ("h", fixed(scene.entropy, 4)),
                ("al", fixed(scene.alpha, 2)),
                ("k", scene.k.to_string()),
            ],
        ),
        None => fill(t(lang, "fig.smoothing-logits.alt-infinite"), &[("k", scene.k.to_string())]),
    }
}
