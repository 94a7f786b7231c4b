//! `smoothing-targets`: the smoothed target `(1 − ε)·y_hot + ε/K` as K bars,
//! the one-hot target behind it in outline.

use plotters::prelude::DrawingBackend;

use super::area::{Area, Drawn};
use super::frame::{Frame, FrameSpec, Ticks, LABEL};
use super::plot_map::Axis;
use super::style::{Colors, Style};
use crate::i18n::{fill, t, Lang};
use crate::number::format::{fixed, list};
use crate::scene::SmoothingScene;

pub(super) fn draw<DB: DrawingBackend>(area: &Area<DB>, scene: &SmoothingScene, style: &Style) -> Drawn {
    let lang = style.lang;
    let c = &style.colors;
    let k = scene.target.len();
    let mut spec = FrameSpec::new(Axis::linear(0.0, k as f64), Axis::linear(0.0, 1.0));
    spec.y_ticks = Ticks::At(vec![(0.0, "0".into()), (0.5, "0.5".into()), (1.0, "1".into())]);
    spec.x_ticks = Ticks::At(
        (0..k)
            .map(|j| {
                let name = if j == 0 { t(lang, "fig.smoothing-targets.true").to_string() } else { (j + 1).to_string() };
                (j as f64 + 0.5, name)
            })
            .collect(),
    );
    // On a phone with many classes: the numbers alone (the true class's bar is the tall one).
    spec.x_ticks_short = (1..=k).map(|j| j.to_string()).collect();
    spec.x_title = t(lang, "fig.smoothing-targets.x").into();
    spec.y_title = fill(t(lang, "fig.smoothing-targets.y"), &[("a", fixed(scene.alpha, 2)), ("k", k.to_string())]);
    // Over the plot, not in it: on a phone a note in the plot's corner ran
    // over the true class's bar.
    if scene.alpha > 0.0 {
        spec.notes_above.push(t(lang, "fig.smoothing-targets.one-hot").into());
    }
    let mut frame = Frame::draw(area, style, &spec)?;
    let ghost = Colors::tint(c.axis, 0.18);
    for (j, (&y, &hot)) in scene.target.iter().zip(&scene.one_hot).enumerate() {
        let x = j as f64;
        if hot > 0.0 {
            frame.bar(area, (x + 0.2, 0.0), (x + 0.8, hot), ghost)?;
        }
        frame.bar(area, (x + 0.2, 0.0), (x + 0.8, y), if j == 0 { c.accent } else { c.muted })?;
        let at = frame.p(x + 0.5, y);
        let size = if k > 6 { LABEL - 2.0 } else { LABEL };
        frame.label_above(area, &fixed(y, 4), at, size, j == 0)?;
    }
    frame.finish(area)
}

pub(super) fn alt_text(scene: &SmoothingScene, lang: Lang) -> String {
    fill(
        t(lang, "fig.smoothing-targets.alt"),
        &[("a", fixed(scene.alpha, 2)), ("k", scene.k.to_string()), ("y", list(scene.target.iter().copied(), 4, lang))],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::painting::{overlap, painted, painted_on_a_phone, test_styles, text_box};
    use crate::charts::Figure;
    use crate::scene::Scene;
    use crate::state::State;

    /// What the shading means is written over no bar, on a phone or not:
    /// in the plot's corner it ran over the true class's shaded target.
    #[test]
    fn the_shading_is_explained_over_no_bar() {
        let scene = Scene::from_state(&State::default());
        for style in test_styles() {
            let on_a_desk = painted(Figure::SmoothingTargets, (720, 360), &scene, &style);
            for painting in [painted_on_a_phone(Figure::SmoothingTargets, &scene, &style), on_a_desk] {
                let text = t(style.lang, "fig.smoothing-targets.one-hot");
                let call = painting.text_call(text).unwrap_or_else(|| panic!("{text:?} in {:?}", painting.words()));
                let [l, t, r, b] = text_box(call, text, &style);
                let c = &style.colors;
                let bars = painting.rects_in(&[Colors::tint(c.axis, 0.18), Colors::tint(c.accent, 1.0)]);
                assert!(bars.len() >= 2, "the true class's bar and its shaded target are drawn");
                let over = bars.iter().find(|&&bar| overlap(bar, [l, t, r, b]));
                assert!(over.is_none(), "{:?} face {}: {text:?} over {over:?}", style.lang, style.face);
            }
        }
    }
}
