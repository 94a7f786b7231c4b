//! `softmax-probs`: one point's K class probabilities as bars, its true
//! class marked, its cross-entropy, and the same sample as the categorical
//! calculator takes it, one-hot and sparse, with what Keras answers.

use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::frame::{Frame, FrameSpec, Note, Ticks, LABEL};
use super::image::CellBackend;
use super::plot_map::Axis;
use super::softmax_regions::fit_note;
use super::style::{Colors, Style, TextStyle, NOTE_PX};
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
    // The loss, and the loss with ε and γ where either is on, above the
    // plot: in its corner the tallest bar's value crowded it (to 9 px on
    // phones of 360 to 460 pixels, and wherever the true class's bar is
    // the last). The loss's name in short ("CE") where whole it would take
    // two lines.
    spec.notes_above = shown.map_or_else(Vec::new, |(_, point, fit)| {
        let ce = [("k", point.class.to_string()), ("ce", fixed(fit.cross_entropy, 4))];
        let [whole, short] = ["fig.softmax-probs.ce", "fig.softmax-probs.ce.short"].map(|key| fill(t(lang, key), &ce));
        let mut lines = vec![Note::or_short(whole, short)];
        if scene.alpha > 0.0 || scene.gamma > 0.0 {
            let values = [("a", fixed(scene.alpha, 2)), ("g", fixed(scene.gamma, 1)), ("loss", fixed(fit.loss, 4))];
            lines.push(fill(t(lang, "fig.softmax-probs.loss"), &values).into());
        }
        lines
    });
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
    let bottom = frame.rect().3;
    if let Some(forms) = scene.keras.as_ref() {
        // Whole, or without its "y_true =" where whole it would be set
        // under 11 px (a phone of 400 pixels: it was set at 9.5), or with
        // the function's name in short ("CCE") on the smallest phones.
        for (n, forms) in call_lines(forms, lang).iter().enumerate() {
            let spot = ((style.pxf(16.0), bottom + style.pxf(50.0 + 18.0 * n as f64)), (HPos::Left, VPos::Top));
            let set = TextStyle::regular(NOTE_PX, c.muted, spot.1);
            frame.label_in_a_form(area, &forms.each_ref().map(String::as_str), &[spot], set, 11.0)?;
        }
    }
    frame.finish(area)
}

/// The one-hot and the sparse call's lines, each whole, without its
/// "y_true =", and with the function's name in short.
fn call_lines(forms: &KerasForms, lang: Lang) -> [[String; 3]; 2] {
    let value = |v: &Result<String, Message>| v.clone().unwrap_or_else(|e| e.text(lang));
    let line = |keys: [&'static str; 3], y_true: &str, v: &Result<String, Message>| {
        let values = [("y", y_true.to_owned()), ("value", value(v))];
        keys.map(|key| fill(t(lang, key), &values))
    };
    [
        line(
            ["fig.softmax-probs.one-hot", "fig.softmax-probs.one-hot.call", "fig.softmax-probs.one-hot.short"],
            &forms.one_hot,
            &forms.categorical,
        ),
        line(
            ["fig.softmax-probs.sparse", "fig.softmax-probs.sparse.call", "fig.softmax-probs.sparse.short"],
            &forms.sparse,
            &forms.sparse_value,
        ),
    ]
}

pub(super) fn alt_text(scene: &SoftmaxScene, lang: Lang) -> String {
    let Some((i, point, fit)) = scene.shown.and_then(|i| Some((i, &scene.points[i], scene.points[i].fit.as_ref()?)))
    else {
        return t(lang, "fig.softmax-probs.alt-none").to_owned();
    };
    let keras = scene.keras.as_ref().map_or_else(String::new, |forms| {
        let [[one_hot, ..], [sparse, ..]] = call_lines(forms, lang);
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
    use crate::charts::painting::{painted, test_styles};
    use crate::charts::Figure;
    use crate::number::format::fixed;
    use crate::scene::Scene;
    use crate::state::State;

    /// The chosen point's loss is written at 12 px or more and on one line,
    /// from a phone of 320 pixels to a figure as wide as exported: in the
    /// plot's corner the tallest bar's value crowded it to 9 px on phones
    /// of 360 to 460 pixels. With ε on, the loss with ε follows it.
    #[test]
    fn the_loss_is_written_on_one_line_at_12_px_or_more() {
        let mut smoothed = State::default();
        smoothed.softmax.smoothing = 0.1;
        for state in [State::default(), smoothed] {
            let scene = Scene::from_state(&state);
            for style in test_styles() {
                for size in
                    [(294, 220), (334, 250), (360, 270), (380, 285), (400, 300), (440, 330), (494, 370), (720, 400)]
                {
                    let painting = painted(Figure::SoftmaxProbs, size, &scene, &style);
                    let lines: Vec<(&str, f64)> = painting
                        .text_calls()
                        .filter(|(text, _)| text.contains("−log p_") || text.contains("ε = "))
                        .map(|(text, args)| (text, args[2]))
                        .collect();
                    let said = format!("{:?} face {} {size:?}: {lines:?}", style.lang, style.face);
                    assert_eq!(lines.len(), if state.softmax.smoothing > 0.0 { 2 } else { 1 }, "{said}");
                    // On one line: the loss's value ends it.
                    let shown = &scene.softmax.points[scene.softmax.shown.unwrap()];
                    let ce = fixed(shown.fit.as_ref().unwrap().cross_entropy, 4);
                    assert!(lines[0].0.ends_with(&format!("= {ce}")), "{said}");
                    assert!(lines.iter().all(|&(_, px)| px >= 12.0), "{said}");
                }
            }
        }
    }

    /// The Keras calls are read at 11 px or more, whole where they have
    /// room: without "y_true =" on phones of 360 to 520 pixels (whole they
    /// were set at 9.5 px), with "CCE" on the smallest.
    #[test]
    fn the_calls_are_read_at_11_px_or_more() {
        let scene = Scene::from_state(&State::default());
        for style in test_styles() {
            for size in [(294, 220), (334, 250), (400, 300), (494, 370), (560, 315), (720, 400)] {
                let painting = painted(Figure::SoftmaxProbs, size, &scene, &style);
                let calls: Vec<(&str, f64)> = painting
                    .text_calls()
                    .filter(|(text, _)| text.contains("→"))
                    .map(|(text, args)| (text, args[2]))
                    .collect();
                let said = format!("{:?} face {} {size:?}: {calls:?}", style.lang, style.face);
                assert_eq!(calls.len(), 2, "{said}");
                assert!(calls.iter().all(|&(_, px)| px >= 11.0), "{said}");
                if size.0 >= 720 {
                    assert!(calls.iter().all(|(text, _)| text.contains("y_true")), "{said}");
                }
            }
        }
    }
}
