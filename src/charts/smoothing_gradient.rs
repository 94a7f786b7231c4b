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
        // (a large ε makes it rise steeply through them), else to the left,
        // else a line higher, over the curve's name (on a phone the name
        // reaches back over the point); where a curve runs through all,
        // below, where the one-hot curve runs under the words: they keep it
        // off.
        // A line or two higher it is centred over the point, moved in as
        // far as the plot's left and the figure's right edge keep it.
        let line = style.pxf(LABEL * 1.3);
        let half = style.text_width(&text, LABEL) * style.face / 2.0 + style.pxf(2.0);
        let (left, edge) = (frame.rect().0, f64::from(area.dim_in_pixel().0));
        let centre = x.min(edge - half).max(left + half);
        let spots = [
            ((x + gap, above), (HPos::Left, VPos::Bottom)),
            ((x - gap, above), (HPos::Right, VPos::Bottom)),
            ((centre, above - line), (HPos::Center, VPos::Bottom)),
            ((centre, above - 2.0 * line), (HPos::Center, VPos::Bottom)),
        ];
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
        &[(right, yh + gap), (right, yh + gap * 4.0), (right, yh + gap * 7.0)],
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::frame::runs_through;
    use crate::charts::painting::{curves, glyphs, painted_on_a_phone, test_styles, text_box};
    use crate::charts::Figure;
    use crate::scene::Scene;
    use crate::state::State;

    /// On a phone the point where the smoothed gradient crosses zero is
    /// named at the labels' size, in every face, for ε from small to 0.3
    /// and few and many classes: with no room to the right of the point,
    /// its words were set at 9 px. (A larger ε makes the curve rise
    /// steeply through the room over the point, and its words may still be
    /// set smaller there.)
    #[test]
    fn on_a_phone_the_zero_is_named_at_the_labels_size() {
        for (alpha, classes) in [(0.1, 3), (0.02, 3), (0.3, 3), (0.3, 10), (0.1, 10)] {
            let state = State { label_smoothing: alpha, classes, ..State::default() };
            let scene = Scene::from_state(&state);
            let a = scene.smoothing.gap.expect("ε > 0 has a finite gap");
            for style in test_styles() {
                let painting = painted_on_a_phone(Figure::SmoothingGradient, &scene, &style);
                let text = fill(t(style.lang, "fig.smoothing-gradient.zero"), &[("a", fixed(a, 4))]);
                let call = painting.text_call(&text).unwrap_or_else(|| panic!("{text:?} in {:?}", painting.words()));
                assert_eq!(
                    call[2], LABEL,
                    "ε = {alpha}, K = {classes}, {:?} face {}: {text:?}",
                    style.lang, style.face
                );
            }
        }
    }

    /// On a phone, at the page's ε, the two curves run through neither the
    /// zero's words nor the one-hot curve's name (which they crossed), in
    /// the faces of the three engines here. (In a face 20 % wider than the
    /// estimate the name is longer than the room under the curves.)
    #[test]
    fn on_a_phone_no_curve_runs_through_the_words() {
        let scene = Scene::from_state(&State::default());
        let a = scene.smoothing.gap.expect("ε > 0 has a finite gap");
        for style in test_styles().filter(|style| style.face <= 1.13) {
            let painting = painted_on_a_phone(Figure::SmoothingGradient, &scene, &style);
            let zero = fill(t(style.lang, "fig.smoothing-gradient.zero"), &[("a", fixed(a, 4))]);
            for text in [zero.as_str(), t(style.lang, "fig.smoothing-gradient.one-hot")] {
                let call = painting.text_call(text).unwrap_or_else(|| panic!("{text:?} in {:?}", painting.words()));
                let glyphs = glyphs(text_box(call, text, &style));
                let crossed = curves(&painting).iter().any(|curve| runs_through(curve, glyphs));
                assert!(!crossed, "{:?} face {}: a curve runs through {text:?}", style.lang, style.face);
            }
        }
    }
}
