//! `softmax-probs`: one point's K class probabilities as bars, its true
//! class marked, its cross-entropy, and the same sample as the categorical
//! calculator takes it, one-hot and sparse, with what Keras answers.

use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::frame::{Frame, FrameSpec, Ticks, LABEL};
use super::image::CellBackend;
use super::plot_map::Axis;
use super::softmax_regions::fit_note;
use super::style::{Colors, Style, TextStyle, Weight, NOTE_PX};
use crate::i18n::{fill, t, Lang, Message};
use crate::number::format::{fixed, list};
use crate::scene::{KerasForms, SoftmaxScene};

/// The room under the x title for the two lines of Keras calls, at scale 1.
const CALL_LINES: f64 = 40.0;

pub(super) fn draw<DB: CellBackend>(area: &Area<DB>, scene: &SoftmaxScene, style: &Style) -> Drawn {
    let lang = style.lang;
    let c = &style.colors;
    let shown = scene.shown.and_then(|i| Some((i, &scene.points[i], scene.points[i].fit.as_ref()?)));
    let k = shown.map_or(scene.classes, |(_, _, fit)| fit.proba.len()).max(1);
    let mut spec = FrameSpec::new(Axis::linear(0.0, k as f64), Axis::linear(0.0, 1.0));
    spec.y_ticks = Ticks::At(vec![(0.0, "0".into()), (0.5, "0.5".into()), (1.0, "1".into())]);
    let true_class = shown.map(|(_, p, _)| p.class);
    spec.x_ticks = Ticks::At(
        (0..k)
            .map(|j| {
                let name = if Some(j) == true_class {
                    fill(t(lang, "fig.softmax-probs.true"), &[("k", j.to_string())])
                } else {
                    j.to_string()
                };
                (j as f64 + 0.5, name)
            })
            .collect(),
    );
    // On a phone with many classes: the numbers alone (the label over the bars names the true class).
    spec.x_ticks_short = (0..k).map(|j| j.to_string()).collect();
    spec.x_title = t(lang, "fig.softmax-probs.x").into();
    (spec.y_title, spec.y_title_short) = match shown {
        Some((i, p, _)) => {
            let [whole, short] = match scene.selected {
                Some(_) => ["fig.softmax-probs.y", "fig.softmax-probs.y-short"],
                None => ["fig.softmax-probs.y-hardest", "fig.softmax-probs.y-hardest-short"],
            };
            let values = [("n", (i + 1).to_string()), ("x", fixed(p.x, 2)), ("y", fixed(p.y, 2))];
            (fill(t(lang, whole), &values), fill(t(lang, short), &values[..1]))
        }
        None => (t(lang, "fig.softmax-probs.y-none").into(), String::new()),
    };
    spec.bottom_extra = CALL_LINES;
    let mut frame = Frame::draw(area, style, &spec)?;
    let Some((_, point, fit)) = shown else {
        if let Some(note) = fit_note(scene, lang) {
            frame.note(&note);
        }
        return frame.finish(area);
    };
    if scene.alpha > 0.0 {
        let ghost = Colors::tint(c.axis, 0.2);
        for (j, &y) in scene.target(point.class, k).iter().enumerate() {
            frame.bar(area, (j as f64 + 0.14, 0.0), (j as f64 + 0.86, y), ghost)?;
        }
    }
    for (j, &p) in fit.proba.iter().enumerate() {
        let x = j as f64;
        let color = c.plane_class(j);
        let opacity = if j == point.class { 1.0 } else { 0.35 };
        frame.bar(area, (x + 0.2, 0.0), (x + 0.8, p), Colors::tint(color, opacity))?;
        frame.label_above(area, &fixed(p, 4), frame.p(x + 0.5, p), LABEL, j == point.class)?;
    }
    let (_, top, right, bottom) = frame.rect();
    frame.halo = true;
    // The loss's name in short ("CE") where in whole it would be set
    // under 12 px (on a phone).
    let ce = |key| fill(t(lang, key), &[("k", point.class.to_string()), ("ce", fixed(fit.cross_entropy, 4))]);
    let (whole, at) = (ce("fig.softmax-probs.ce"), (right - style.pxf(6.0), top + style.pxf(4.0)));
    let anchor = (HPos::Right, VPos::Top);
    let whole_fits = [LABEL, 12.0].iter().any(|&px| frame.fits(area, &whole, at, px, anchor));
    let mut lines = vec![if whole_fits { whole } else { ce("fig.softmax-probs.ce.short") }];
    if scene.alpha > 0.0 || scene.gamma > 0.0 {
        lines.push(fill(
            t(lang, "fig.softmax-probs.loss"),
            &[("a", fixed(scene.alpha, 2)), ("g", fixed(scene.gamma, 1)), ("loss", fixed(fit.loss, 4))],
        ));
    }
    for (n, line) in lines.iter().enumerate() {
        let at = (right - style.pxf(6.0), top + style.pxf(4.0 + 18.0 * n as f64));
        frame.label_or_smaller(
            area,
            line,
            &[at],
            TextStyle::new(LABEL, c.text, Weight::bold_if(n == 0), (HPos::Right, VPos::Top)),
        )?;
    }
    if let Some(forms) = scene.keras.as_ref() {
        for (n, (long, short)) in call_lines(forms, lang).into_iter().enumerate() {
            let at = (style.pxf(16.0), bottom + style.pxf(50.0 + 18.0 * n as f64));
            if !frame.label_or_smaller(
                area,
                &long,
                &[at],
                TextStyle::regular(NOTE_PX, c.muted, (HPos::Left, VPos::Top)),
            )? {
                frame.label(area, &short, &[at], TextStyle::regular(NOTE_PX, c.muted, (HPos::Left, VPos::Top)))?;
            }
        }
    }
    frame.finish(area)
}

/// The one-hot and the sparse call's lines, each long and short.
fn call_lines(forms: &KerasForms, lang: Lang) -> [(String, String); 2] {
    let value = |v: &Result<String, Message>| v.clone().unwrap_or_else(|e| e.text(lang));
    let line = |keys: [&'static str; 2], y_true: &str, v: &Result<String, Message>| {
        let values = [("y", y_true.to_owned()), ("value", value(v))];
        (fill(t(lang, keys[0]), &values), fill(t(lang, keys[1]), &values))
    };
    [
        line(["fig.softmax-probs.one-hot", "fig.softmax-probs.one-hot.short"], &forms.one_hot, &forms.categorical),
        line(["fig.softmax-probs.sparse", "fig.softmax-probs.sparse.short"], &forms.sparse, &forms.sparse_value),
    ]
}

pub(super) fn alt_text(scene: &SoftmaxScene, lang: Lang) -> String {
    let Some((i, point, fit)) = scene.shown.and_then(|i| Some((i, &scene.points[i], scene.points[i].fit.as_ref()?)))
    else {
        return t(lang, "fig.softmax-probs.alt-none").to_owned();
    };
    let keras = scene.keras.as_ref().map_or_else(String::new, |forms| {
        let [(one_hot, _), (sparse, _)] = call_lines(forms, lang);
        fill(t(lang, "fig.softmax-probs.alt-keras"), &[("one_hot", one_hot), ("sparse", sparse)])
    });
    let text = fill(
        t(lang, "fig.softmax-probs.alt"),
        &[
            ("n", (i + 1).to_string()),
            ("k", point.class.to_string()),
            ("p", list(fit.proba.iter().copied(), 4, lang)),
            ("ce", fixed(fit.cross_entropy, 4)),
        ],
    );
    text + &keras
}

#[cfg(test)]
mod tests {
    use crate::charts::painting::{painted, painted_on_a_phone, test_styles};
    use crate::charts::Figure;
    use crate::scene::Scene;
    use crate::state::State;

    /// The chosen point's loss is written at 12 px or more, on a phone in
    /// short ("CE = −log p_1 = …"), where in whole it was set at 10 px; as
    /// wide as exported, in whole.
    #[test]
    fn the_loss_is_written_at_12_px_or_more() {
        let scene = Scene::from_state(&State::default());
        for style in test_styles() {
            let wide = painted(Figure::SoftmaxProbs, (720, 400), &scene, &style);
            for (painting, on_a_phone) in
                [(painted_on_a_phone(Figure::SoftmaxProbs, &scene, &style), true), (wide, false)]
            {
                let loss: Vec<(&str, f64)> = painting
                    .text_calls()
                    .filter(|(text, _)| text.contains("−log p_"))
                    .map(|(text, args)| (text, args[2]))
                    .collect();
                let [(text, px)] = loss[..] else {
                    panic!("{:?}: one loss line in {:?}", style.lang, painting.drawn_texts())
                };
                assert!(px >= 12.0, "{:?} face {}: {text:?} at {px} px", style.lang, style.face);
                let short = text.starts_with("CE ");
                assert!(on_a_phone || !short, "{:?} face {}: {text:?} in short on a desk", style.lang, style.face);
            }
        }
    }
}
