//! `smoothing-gradient`: ∂CE/∂z_true = softmax(z)_true − y_true for logits
//! `[a, 0, …, 0]`, bounded in [−1, 1]: with a smoothed target it crosses zero
//! at the logit gap a; with a one-hot target it only tends to zero.

use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::frame::{Frame, FrameSpec, Stroke, Ticks, LABEL};
use super::lines::Lines;
use super::plot_map::Axis;
use super::smoothing_logits::nearest;
use super::style::{Style, TextStyle};
use crate::i18n::{fill, t, Lang};
use crate::number::format::fixed;
use crate::scene::SmoothingScene;

pub(super) fn draw<DB: Lines>(area: &Area<DB>, scene: &SmoothingScene, style: &Style) -> Drawn {
    let lang = style.lang;
    let c = &style.colors;
    let (a0, a1) = scene.a_range;
    let mut spec = FrameSpec::new(Axis::linear(a0, a1), Axis::linear(-1.0, 1.0));
    spec.y_ticks = Ticks::At(vec![
        (-1.0, "−1".into()),
        (-0.5, "−0.5".into()),
        (0.0, "0".into()),
        (0.5, "0.5".into()),
        (1.0, "1".into()),
    ]);
    spec.x_title = t(lang, "fig.smoothing-gradient.x").into();
    spec.y_title = t(lang, "fig.smoothing-gradient.y").into();
    let mut frame = Frame::draw(area, style, &spec)?;
    frame.line(area, &[(a0, 0.0), (a1, 0.0)], Stroke::solid(c.axis, 1.0))?;
    frame.labels_keep_off_lines = true;
    frame.line(area, &scene.grad_one_hot, Stroke::solid(c.muted, 2.0))?;
    if scene.alpha > 0.0 {
        frame.line(area, &scene.grad_smoothed, Stroke::solid(c.accent, 3.0))?;
    }
    let (_, _, right, _) = frame.rect();
    let gap = style.pxf(6.0);
    if let Some(a) = scene.gap {
        // The curve's name first, at its right end: the point where it
        // crosses zero is named where room is left, above it to the right,
        // above it to the left (the curve is below zero there) or below.
        let ys = frame.py(nearest(&scene.grad_smoothed, a1));
        let name = fill(t(lang, "fig.smoothing-gradient.smoothed"), &[("a", fixed(scene.alpha, 2))]);
        frame.label(
            area,
            &name,
            &[(right, ys - gap), (right, ys + gap)],
            TextStyle::bold(LABEL, c.accent, (HPos::Right, VPos::Bottom)),
        )?;
        let (x, y) = frame.p(a, 0.0);
        frame.dot(area, (x, y), c.accent, 5.0)?;
        let text = fill(t(lang, "fig.smoothing-gradient.zero"), &[("a", fixed(a, 4))]);
        let above = y - gap * 2.0;
        // Above to the right where the curve, rising, leaves the words room
        // (a large ε makes it rise steeply through them), else to the left;
        // where a curve runs through both, below, where the one-hot curve
        // runs under the words: they keep it off.
        let spots = [((x + gap, above), (HPos::Left, VPos::Bottom)), ((x - gap, above), (HPos::Right, VPos::Bottom))];
        let below = (x + gap, y + gap * 2.0);
        let clear = spots.iter().find(|&&(at, anchor)| frame.clear_at(area, &text, LABEL, (at, anchor)));
        if let Some(&(at, anchor)) = clear {
            frame.label(area, &text, &[at], TextStyle::bold(LABEL, c.accent, anchor))?;
        } else if frame.fits(area, &text, below, LABEL, (HPos::Left, VPos::Bottom))
            || !spots.iter().any(|&(at, anchor)| frame.fits(area, &text, at, LABEL, anchor))
        {
            frame.halo = true;
            frame.label_or_smaller(
                area,
                &text,
                &[below],
                TextStyle::bold(LABEL, c.accent, (HPos::Left, VPos::Bottom)),
            )?;
            frame.halo = false;
        } else if let Some(&(at, anchor)) =
            spots.iter().find(|&&(at, anchor)| frame.fits(area, &text, at, LABEL, anchor))
        {
            frame.label(area, &text, &[at], TextStyle::bold(LABEL, c.accent, anchor))?;
        }
    }
    let yh = frame.py(nearest(&scene.grad_one_hot, a1));
    frame.label(
        area,
        t(lang, "fig.smoothing-gradient.one-hot"),
        &[(right, yh + gap), (right, yh + gap * 4.0)],
        TextStyle::bold(LABEL, c.muted, (HPos::Right, VPos::Top)),
    )?;
    frame.finish(area)
}

pub(super) fn alt_text(scene: &SmoothingScene, lang: Lang) -> String {
    match scene.gap {
        Some(a) => fill(t(lang, "fig.smoothing-gradient.alt"), &[("a", fixed(a, 4)), ("al", fixed(scene.alpha, 2))]),
        None => t(lang, "fig.smoothing-gradient.alt-zero").into(),
    }
}
