//! `smoothing-logits`: cross-entropy of the logits `[a, 0, …, 0]` against the
//! smoothed target and against the one-hot target. The smoothed target has a
//! minimum, at the logit gap a, equal to its entropy; the one-hot target keeps
//! asking for a larger a.

use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::frame::{nice_ticks, Frame, FrameSpec, Spot, Stroke, Ticks, LABEL};
use super::lines::Lines;
use super::plot_map::Axis;
use super::style::{Style, TextStyle};
use crate::i18n::{fill, t, Lang};
use crate::number::format::fixed;
use crate::scene::SmoothingScene;

/// The value of a sampled curve nearest to `x`.
pub(super) fn nearest(curve: &[(f64, f64)], x: f64) -> f64 {
    curve.iter().min_by(|a, b| (a.0 - x).abs().total_cmp(&(b.0 - x).abs())).map_or(f64::NAN, |p| p.1)
}

/// The first point of a falling sampled curve at or below `value`.
fn branch(curve: &[(f64, f64)], value: f64) -> Option<(f64, f64)> {
    curve.iter().copied().find(|&(_, v)| v <= value)
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
                TextStyle::bold(LABEL, c.accent, (HPos::Center, VPos::Bottom)),
            )?;
            frame.halo = false;
        }
        None => {
            let text = t(lang, "fig.smoothing-logits.infinite");
            frame.label(
                area,
                text,
                &[(right - style.pxf(6.0), top + style.pxf(6.0))],
                TextStyle::bold(LABEL, c.accent, (HPos::Right, VPos::Top)),
            )?;
        }
    }
    // Name the curves at the right end, where they have parted.
    let (yh, ys) =
        (frame.py_clamped(nearest(&scene.ce_one_hot, a1)), frame.py_clamped(nearest(&scene.ce_smoothed, a1)));
    let gap = style.pxf(6.0);
    let one_hot = t(lang, "fig.smoothing-logits.one-hot");
    // Between the one-hot curve and the entropy's dashed line, where they
    // are far enough apart; where they are not (a phone, a small ε), beside
    // the one-hot curve's steep branch, which runs above the smoothed one
    // there: over the smoothed curve or the line, the words would name
    // neither.
    let floor = frame.py(scene.entropy);
    let height = style.pxf(LABEL * 1.2);
    let off_floor = |&(_, bottom): &(f64, f64)| bottom <= floor - 1.0 || bottom - height >= floor + 1.0;
    let ends: Vec<_> = [(right, yh - gap)].into_iter().filter(off_floor).collect();
    let beside = branch(&scene.ce_one_hot, 0.55 * y_max).map(|(a, v)| {
        let (x, y) = frame.p(a, v);
        (x + style.pxf(10.0), y)
    });
    let named = frame.label(area, one_hot, &ends, TextStyle::bold(LABEL, c.muted, (HPos::Right, VPos::Bottom)))?
        || frame.label(
            area,
            one_hot,
            &Vec::from_iter(beside),
            TextStyle::bold(LABEL, c.muted, (HPos::Left, VPos::Bottom)),
        )?;
    if !named {
        frame.label(
            area,
            one_hot,
            &[(right, yh - gap)],
            TextStyle::bold(LABEL, c.muted, (HPos::Right, VPos::Bottom)),
        )?;
    }
    if let Some(minimum) = scene.gap {
        // At the right end, or a line or two higher where the minimum's
        // words reach that far right (in a window of 520 pixels it was set
        // at 9 px, and left out in a wider face); where the curve leaves
        // the plot's top before the end (a large ε), left of the branch
        // that rises to it, as low as the left branches leave the words
        // clear. Off every line.
        let smoothed = t(lang, "fig.smoothing-logits.smoothed");
        let above = (HPos::Right, VPos::Bottom);
        let set = TextStyle::bold(LABEL, c.accent, above);
        let ends = [0.0, 16.0, 32.0].map(|up| (right, ys - gap - style.pxf(up)));
        let rising = (11..=18).filter_map(|twentieths| {
            let share = f64::from(twentieths) / 20.0;
            let &(a, v) = scene.ce_smoothed.iter().find(|&&(a, v)| a > minimum && v >= share * y_max)?;
            let (x, y) = frame.p(a, v);
            Some((x - style.pxf(10.0), y))
        });
        let spots: Vec<Spot> = ends.into_iter().chain(rising).map(|at| (at, above)).collect();
        for curve in [&scene.ce_one_hot[..], &scene.ce_smoothed, &[(a0, scene.entropy), (a1, scene.entropy)]] {
            frame.keep_labels_off(curve);
        }
        match frame.best_spot(area, smoothed, LABEL, &spots) {
            Some((at, _)) => frame.label(area, smoothed, &[at], set)?,
            None => frame.label_or_smaller(area, smoothed, &ends, set)?,
        };
        // The entropy's line named at its left end, over it or under it,
        // where the curves, which come down to it further right, leave the
        // words room; where they do not (a phone), the minimum's words say
        // the same value.
        let text = fill(t(lang, "fig.smoothing-logits.entropy"), &[("h", fixed(scene.entropy, 4))]);
        let (x, size) = (frame.px(a0) + gap, LABEL - 1.0);
        let (width, height) = (style.text_width(&text, size), style.pxf(size * 1.2));
        // Whether both curves stay above the band from `top` down until past the words.
        let clear = |top: f64| {
            [&scene.ce_one_hot, &scene.ce_smoothed]
                .iter()
                .all(|curve| curve.iter().map(|&(a, v)| frame.p(a, v)).all(|(px, py)| py < top || px > x + width + gap))
        };
        let (over, under) = (floor - gap, floor + gap);
        let (room_over, room_under) = (clear(over - height), clear(under) && under + height <= frame.rect().3);
        if !(room_over
            && frame.label(area, &text, &[(x, over)], TextStyle::regular(size, c.muted, (HPos::Left, VPos::Bottom)))?)
            && room_under
        {
            frame.label(area, &text, &[(x, under)], TextStyle::regular(size, c.muted, (HPos::Left, VPos::Top)))?;
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::frame::runs_through;
    use crate::charts::painting::{curves, painted, text_box, Op};
    use crate::charts::Figure;
    use crate::scene::Scene;
    use crate::state::State;

    /// The curves' names and the entropy's keep off the lines: no curve
    /// and no dashed line runs through their words, wide and on phones, in
    /// both languages and in a face 13 % wider than the estimate, for a
    /// small, the default and a large ε; and both curves are named in
    /// each, at the labels' size (in a window of 520 pixels the smoothed
    /// curve's name was set at 9 px).
    #[test]
    fn the_names_keep_off_the_lines() {
        let mut crossed = Vec::new();
        for alpha in [0.01, 0.1, 0.5] {
            let state = State { label_smoothing: alpha, ..State::default() };
            let scene = Scene::from_state(&state);
            for (lang, face) in [(Lang::En, 1.0), (Lang::Zh, 1.0), (Lang::En, 1.13)] {
                let style = Style { lang, face, ..Style::default() };
                let names = [
                    t(lang, "fig.smoothing-logits.one-hot").to_string(),
                    t(lang, "fig.smoothing-logits.smoothed").to_string(),
                    fill(t(lang, "fig.smoothing-logits.entropy"), &[("h", fixed(scene.smoothing.entropy, 4))]),
                ];
                for (w, h) in [(696, 392), (494, 370), (400, 300), (334, 250), (294, 220)] {
                    let painting = painted(Figure::SmoothingLogits, (w, h), &scene, &style);
                    let words = painting.words();
                    for name in &names[..2] {
                        match painting.text_calls().find(|(text, _)| text == name) {
                            None => crossed.push(format!("ε {alpha} {lang:?} ×{face} {w} px: {name:?} left out")),
                            Some((_, call)) if call[2] < LABEL => {
                                crossed.push(format!("ε {alpha} {lang:?} ×{face} {w} px: {name:?} at {} px", call[2]));
                            }
                            Some(_) => {}
                        }
                    }
                    // The curves (2 and 3 px) and the entropy's line.
                    let lines = curves(&painting);
                    let drawn = painting.calls().filter(|&(code, _)| code == Op::Text as u8);
                    for (_, call) in drawn.filter(|(_, call)| names.iter().any(|n| n == words[call[8] as usize])) {
                        let text = words[call[8] as usize];
                        let rect = text_box(call, text, &style);
                        for points in &lines {
                            if runs_through(points, rect) {
                                crossed.push(format!("ε {alpha} {lang:?} ×{face} {w} px: a line through {text:?}"));
                            }
                        }
                    }
                }
            }
        }
        assert!(crossed.is_empty(), "{}", crossed.join("\n"));
    }
}
