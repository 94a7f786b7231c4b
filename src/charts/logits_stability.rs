//! `logits-stability`: the naive logistic loss against the stable one, in
//! f32, over logits z ∈ [−1000, 1000] on symmetric-log axes, so both z ≈ 17
//! (where σ(z) rounds to 1) and z ≈ −89 (where exp(−z) overflows) get room.

use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::frame::{Frame, FrameSpec, Stroke, Ticks, LABEL};
use super::lines::Lines;
use super::plot_map::{Axis, Scale};
use super::style::{Colors, Style, TextStyle};
use crate::i18n::{fill, sentences, t, Lang};
use crate::number::format::fixed;
use crate::scene::{Breakdown, StabilityScene};

/// The label whose curves are drawn: y = 1 breaks on both sides.
const Y: u8 = 1;

fn symlog_ticks(values: &[f64]) -> Vec<(f64, String)> {
    values.iter().map(|&v| (v, fixed(v, 0))).collect()
}

/// `v` in thousands ("−1k"), where it is a whole number of them.
fn thousands(v: f64) -> Option<String> {
    (v != 0.0 && v % 1000.0 == 0.0).then(|| format!("{}k", fixed(v / 1000.0, 0)))
}

fn what(b: &Breakdown, lang: Lang) -> &'static str {
    if b.value.is_nan() {
        t(lang, "fig.logits-stability.nan")
    } else {
        t(lang, "fig.logits-stability.inf")
    }
}

pub(super) fn draw<DB: Lines>(area: &Area<DB>, scene: &StabilityScene, style: &Style) -> Drawn {
    let lang = style.lang;
    let c = &style.colors;
    let curve = scene.for_label(Y);
    let x_max = f64::from(crate::scene::STABILITY_X_MAX);
    let mut spec = FrameSpec::new(
        Axis { min: -x_max, max: x_max, scale: Scale::SymLog },
        Axis { min: 0.0, max: 2000.0, scale: Scale::SymLog },
    );
    let x_ticks = symlog_ticks(&[-1000.0, -100.0, -10.0, 0.0, 10.0, 100.0, 1000.0]);
    // On a phone: ±1000 as ±1k, so that all seven are read at a tick's size.
    spec.x_ticks_short = x_ticks.iter().map(|(v, label)| thousands(*v).unwrap_or_else(|| label.clone())).collect();
    spec.x_ticks = Ticks::At(x_ticks);
    spec.y_ticks = Ticks::At(symlog_ticks(&[0.0, 1.0, 10.0, 100.0, 1000.0]));
    spec.x_title = t(lang, "fig.logits-stability.x").into();
    spec.y_title = fill(t(lang, "fig.logits-stability.y"), &[("y", Y.to_string())]);
    let mut frame = Frame::draw(area, style, &spec)?;
    // Where the naive loss is not a number: shaded, and named.
    for b in [curve.below, curve.above].into_iter().flatten() {
        let edge = if b.x < 0.0 { -x_max } else { x_max };
        frame.x_band(area, f64::from(b.x), edge, Colors::tint(c.negative, 0.08))?;
    }
    let to_f64 =
        |v: &[(f32, f32)]| -> Vec<(f64, f64)> { v.iter().map(|&(x, y)| (f64::from(x), f64::from(y))).collect() };
    // Naive: wide and pale, so the stable line shows through where they agree.
    frame.line(area, &to_f64(&curve.naive), Stroke::solid(Colors::tint(c.negative, 0.45), 7.0))?;
    // Labels keep off the stable line and the breaks' (the naive one runs
    // under the stable one wherever it is drawn).
    frame.labels_keep_off_lines = true;
    frame.line(area, &to_f64(&curve.stable), Stroke::solid(c.accent, 2.0))?;
    let (_, top, _, _) = frame.rect();
    for b in [curve.below, curve.above].into_iter().flatten() {
        let x = frame.px(f64::from(b.x));
        // The last finite value of the naive loss sits just before b.x.
        let last = curve
            .naive
            .iter()
            .filter(|(px, v)| v.is_finite() && (px.signum() == b.x.signum()))
            .min_by(|a, b2| (a.0 - b.x).abs().total_cmp(&(b2.0 - b.x).abs()))
            .map_or(0.0, |p| f64::from(p.1));
        frame.dot(area, (x, frame.py_clamped(last)), c.negative, 4.5)?;
        frame.line(area, &[(f64::from(b.x), 0.0), (f64::from(b.x), 2000.0)], Stroke::solid(c.negative, 1.0))?;
        // Named inside its band, or beside it where the band is too narrow:
        // what the naive loss is, and from where. Both lines go where both
        // fit; where no side has room for both (a narrow figure), the first
        // goes alone (the description still says from where).
        let first = fill(t(lang, "fig.logits-stability.breaks"), &[("what", what(&b, lang))]);
        let second = fill(t(lang, "fig.logits-stability.from"), &[("z", fixed(f64::from(b.x), 1))]);
        let (inside, beside) = ((HPos::Right, -6.0), (HPos::Left, 6.0));
        let sides = if b.x < 0.0 { [inside, beside] } else { [beside, inside] };
        // At the plot's top on either side first, below it after: lower
        // down on the left, the stable curve runs through the words.
        let spots: Vec<_> = [6.0, 46.0]
            .into_iter()
            .flat_map(|dy| sides.map(|(h, dx)| ((h, VPos::Top), (x + style.pxf(dx), top + style.pxf(dy)))))
            .collect();
        let below = |(x, y): (f64, f64)| (x, y + style.pxf(18.0));
        // Where no curve runs through them, if there is such a place.
        let clear = |&&(anchor, at): &&((HPos, VPos), (f64, f64))| {
            frame.clear_at(area, &first, LABEL, (at, anchor))
                && frame.clear_at(area, &second, LABEL - 1.0, (below(at), anchor))
        };
        let fits = |&&(anchor, at): &&((HPos, VPos), (f64, f64))| {
            frame.fits(area, &first, at, LABEL, anchor) && frame.fits(area, &second, below(at), LABEL - 1.0, anchor)
        };
        let both = spots.iter().find(clear).or_else(|| spots.iter().find(fits));
        if let Some(&(anchor, at)) = both {
            frame.label(area, &first, &[at], TextStyle::bold(LABEL, c.negative, anchor))?;
            frame.label(area, &second, &[below(at)], TextStyle::regular(LABEL - 1.0, c.negative, anchor))?;
        } else {
            for &(anchor, at) in &spots {
                if frame.label(area, &first, &[at], TextStyle::bold(LABEL, c.negative, anchor))? {
                    break;
                }
            }
        }
    }
    // Direct labels on the curves, where they run apart from each other:
    // each just above its line, further down it where the breaks' words
    // take the room (a figure narrower than 672 px). A phone has no room
    // for either: the figure's description names both.
    let above = |z: f64, dy: f64| {
        let (x, y) = frame.p(z, -z);
        (x + style.pxf(8.0), y - style.pxf(dy))
    };
    let stable = [-400.0, -300.0, -200.0, -150.0, -60.0, -45.0].map(|z| above(z, 6.0));
    let naive = [-30.0, -20.0].map(|z| above(z, 4.0));
    let anchor = (HPos::Left, VPos::Bottom);
    frame.label(area, t(lang, "fig.logits-stability.stable"), &stable, TextStyle::bold(LABEL, c.accent, anchor))?;
    frame.label(area, t(lang, "fig.logits-stability.naive"), &naive, TextStyle::bold(LABEL, c.negative, anchor))?;
    frame.finish(area)
}

pub(super) fn alt_text(scene: &StabilityScene, lang: Lang) -> String {
    let mut parts = vec![t(lang, "fig.logits-stability.alt").to_string()];
    for c in &scene.curves {
        for b in [c.below, c.above].into_iter().flatten() {
            parts.push(fill(
                t(lang, "fig.logits-stability.alt-break"),
                &[
                    ("y", fixed(f64::from(c.y), 0)),
                    ("z", fixed(f64::from(b.x), 1)),
                    ("what", what(&b, lang).into()),
                    ("stable", fixed(f64::from(b.stable), 1)),
                ],
            ));
        }
    }
    sentences(lang, &parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::painting::{painted, painted_on_a_phone, test_styles};
    use crate::charts::Figure;
    use crate::scene::Scene;
    use crate::state::State;

    /// Both curves are named on a figure narrower than the export's (the
    /// page's column at 1 100 px gives it 650), where the breaks' words
    /// take the room the names had: further down their lines.
    #[test]
    fn both_curves_are_named_down_to_450_px() {
        let scene = Scene::from_state(&State::default());
        for lang in [Lang::En, Lang::Zh] {
            let style = Style { lang, ..Style::default() };
            for w in [696, 650, 560, 450] {
                let painting = painted(Figure::LogitsStability, (w, w * 392 / 696), &scene, &style);
                for key in ["fig.logits-stability.stable", "fig.logits-stability.naive"] {
                    assert!(painting.words().contains(&t(lang, key)), "{lang:?} {w} px: {key} left out");
                }
            }
        }
    }

    /// Each band where the naive loss breaks is named whole, in both lines
    /// (what it is, and from which z), in both languages, wide and on a
    /// phone, in the estimate's face and in one 13 % wider (Firefox's and
    /// WebKit's here): where one side of its line has no room for both,
    /// they go to the other.
    #[test]
    fn each_break_is_named_with_where_it_begins() {
        let scene = Scene::from_state(&State::default());
        let curve = scene.stability.for_label(Y);
        let mut missing = Vec::new();
        for lang in [Lang::En, Lang::Zh] {
            for face in [1.0, 1.13] {
                let style = Style { lang, face, ..Style::default() };
                for (w, h) in [(696, 392), (334, 250)] {
                    let painting = painted(Figure::LogitsStability, (w, h), &scene, &style);
                    let words = painting.words();
                    for b in [curve.below, curve.above].into_iter().flatten() {
                        let first = fill(t(lang, "fig.logits-stability.breaks"), &[("what", what(&b, lang))]);
                        let second = fill(t(lang, "fig.logits-stability.from"), &[("z", fixed(f64::from(b.x), 1))]);
                        for text in [first, second] {
                            if !words.contains(&text.as_str()) {
                                missing.push(format!("{lang:?} ×{face} {w} px: {text:?}"));
                            }
                        }
                    }
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }

    /// On a phone all seven of the logit's ticks are written, at 11 px or
    /// more (±1000 as ±1k): in whole they were set at 9 px.
    #[test]
    fn on_a_phone_every_logit_tick_is_read_at_11_px_or_more() {
        let scene = Scene::from_state(&State::default());
        for style in test_styles().filter(|style| style.face <= 1.13) {
            let painting = painted_on_a_phone(Figure::LogitsStability, &scene, &style);
            let ticks = ["−1k", "−100", "−10", "0", "10", "100", "1k"];
            let sizes: Vec<f64> =
                painting.text_calls().filter(|(text, _)| ticks.contains(text)).map(|(_, args)| args[2]).collect();
            // The y axis writes 0, 10 and 100 too, at the ticks' size.
            assert!(sizes.len() >= ticks.len(), "{:?} face {}: {:?}", style.lang, style.face, painting.drawn_texts());
            assert!(sizes.iter().all(|&px| px >= 11.0), "{:?} face {}: {sizes:?}", style.lang, style.face);
        }
    }
}
