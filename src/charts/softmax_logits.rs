//! `softmax-logits`: every point's logit gap (its true class's logit minus
//! the largest other), one row per class, with the gap label smoothing asks
//! for, ln(1 + (1 − ε)K/ε): the fitted gaps gather below it as ε grows.

use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::class_marks::class_mark;
use super::frame::{Frame, FrameSpec, Stroke, Ticks, LABEL};
use super::image::CellBackend;
use super::plot_map::Axis;
use super::softmax_regions::fit_note;
use super::style::{Style, TextStyle};
use crate::i18n::{fill, sentences, t, Lang};
use crate::number::format::fixed;
use crate::scene::SoftmaxScene;

/// The widest gap range drawn: a fit without a penalty can push gaps far out.
const FARTHEST: f64 = 60.0;

pub(super) fn draw<DB: CellBackend>(area: &Area<DB>, scene: &SoftmaxScene, style: &Style) -> Drawn {
    let lang = style.lang;
    let c = &style.colors;
    let gaps: Vec<(usize, usize, f64)> =
        (scene.points.iter().enumerate()).filter_map(|(i, p)| Some((i, p.class, p.fit.as_ref()?.logit_gap))).collect();
    let (lo, hi) = range(gaps.iter().map(|g| g.2), scene.cap);
    let k = scene.classes.max(1);
    let mut spec = FrameSpec::new(Axis::linear(lo, hi), Axis::linear(-0.6, k as f64 - 0.4));
    spec.y_ticks = Ticks::At(
        (0..k).map(|j| (j as f64, fill(t(lang, "fig.softmax-logits.row"), &[("k", j.to_string())]))).collect(),
    );
    spec.x_title = t(lang, "fig.softmax-logits.x").into();
    spec.x_title_short = t(lang, "fig.softmax-logits.x.short").into();
    spec.y_title = t(lang, "fig.softmax-logits.y").into();
    spec.top_extra = 4.0;
    // Where smoothing asks for no gap, what holds the gaps back: above the
    // plot, clear of the median's line and its label.
    if scene.cap.is_none() {
        spec.notes_above.push(no_cap(scene, lang).to_owned().into());
    }
    // The median's label, and the cap's under it.
    spec.head_room = if scene.cap.is_some() { 40.0 } else { 20.0 };
    let mut frame = Frame::draw(area, style, &spec)?;
    if gaps.is_empty() {
        if let Some(note) = fit_note(scene, lang) {
            frame.note(&note);
        }
    }
    let (_, top, _, bottom) = frame.rect();
    // The vertical lines run through the head room too (the frame's y axis has grown into it).
    let (y0, y1) = (frame.map.y.min, frame.map.y.max);
    frame.line(area, &[(0.0, y0), (0.0, y1)], Stroke::dashed(c.axis, 1.0))?;
    // One row per class; within it, points spread by their place in the list.
    for &(i, class, gap) in &gaps {
        let spread = ((i as f64 * 0.618_034) % 1.0 - 0.5) * 0.6;
        let at = frame.p(gap.clamp(lo, hi), class as f64 + spread);
        class_mark(&frame, area, at, class, c.plane_class(class), 3.5)?;
        if Some(i) == scene.shown {
            frame.ring(area, at, 9.0)?;
        }
    }
    let wrong = t(lang, "fig.softmax-logits.wrong");
    // Over the points, on its halo: many misclassified points (the ring)
    // crowd the corner.
    frame.halo = true;
    // Left of the line, as far as the figure's side. Where no gap below 0
    // leaves too little room there (on a phone), right of the line, its
    // arrow still pointing across it; smaller only where neither has room.
    let (zero, y) = (frame.px(0.0), bottom - style.pxf(4.0));
    let left = TextStyle::regular(LABEL - 1.0, c.muted, (HPos::Right, VPos::Bottom));
    let right = TextStyle { anchor: (HPos::Left, VPos::Bottom), ..left };
    let at_left = (zero - style.pxf(4.0), y);
    if !frame.label(area, wrong, &[at_left], left)?
        && !frame.label(area, wrong, &[(zero + style.pxf(4.0), y)], right)?
    {
        frame.label_or_smaller(area, wrong, &[at_left], left)?;
    }
    // The lines first, then their labels, each over every line.
    if let Some(cap) = scene.cap {
        frame.line(area, &[(cap, y0), (cap, y1)], Stroke::solid(c.accent, 2.5))?;
    }
    if let Some(median) = scene.median_gap {
        frame.line(area, &[(median, y0), (median, y1)], Stroke::dashed(c.text, 1.5))?;
        let text = fill(t(lang, "fig.softmax-logits.median"), &[("m", fixed(median, 2))]);
        let x = frame.px(median.clamp(lo, hi));
        let at = [(x + style.pxf(5.0), top + style.pxf(2.0)), (x - style.pxf(5.0), top + style.pxf(2.0))];
        if !frame.label(area, &text, &at[..1], TextStyle::bold(LABEL, c.text, (HPos::Left, VPos::Top)))? {
            frame.label(area, &text, &at[1..], TextStyle::bold(LABEL, c.text, (HPos::Right, VPos::Top)))?;
        }
    }
    if let Some(cap) = scene.cap {
        // Right of the line, or left of it; whole, or without its ε and K
        // where whole it would be set under 11 px (on a phone, with six
        // classes, it was set at 9 px). Where the points leave the last
        // classes empty, the K is the fit's, said beside the slider's.
        let values = [
            ("a", fixed(scene.alpha, 2)),
            ("k", scene.fitted_classes.to_string()),
            ("all", scene.classes.to_string()),
            ("gap", fixed(cap, 3)),
        ];
        let whole = if scene.fitted_classes == scene.classes {
            "fig.softmax-logits.cap"
        } else {
            "fig.softmax-logits.cap-fitted"
        };
        let forms = [whole, "fig.softmax-logits.cap.short"].map(|key| fill(t(lang, key), &values));
        let x = frame.px(cap.clamp(lo, hi));
        let y = top + style.pxf(22.0);
        let spots =
            [((x + style.pxf(5.0), y), (HPos::Left, VPos::Top)), ((x - style.pxf(5.0), y), (HPos::Right, VPos::Top))];
        let set = TextStyle::bold(LABEL, c.accent, spots[0].1);
        frame.label_in_a_form(area, &forms.each_ref().map(String::as_str), &spots, set, 11.0)?;
    }
    frame.finish(area)
}

/// The gaps' range, with the cap and 0 in it, a little room either side,
/// and never wider than ±[`FARTHEST`].
fn range(gaps: impl Iterator<Item = f64>, cap: Option<f64>) -> (f64, f64) {
    let (lo, hi) = gaps.fold((0.0f64, cap.unwrap_or(1.0).max(1.0)), |(lo, hi), g| (lo.min(g), hi.max(g)));
    let pad = ((hi - lo) * 0.05).max(0.5);
    ((lo - pad).max(-FARTHEST), (hi + pad).min(FARTHEST))
}

/// What holds the gaps back where label smoothing asks for no finite one:
/// the penalty, where the fit has one, and classes that overlap.
fn no_cap(scene: &SoftmaxScene, lang: Lang) -> &'static str {
    t(lang, if scene.penalized { "fig.softmax-logits.no-cap" } else { "fig.softmax-logits.no-cap-free" })
}

pub(super) fn alt_text(scene: &SoftmaxScene, lang: Lang) -> String {
    let gaps: Vec<f64> = scene.points.iter().filter_map(|p| Some(p.fit.as_ref()?.logit_gap)).collect();
    let cap = match scene.cap {
        Some(cap) => {
            fill(t(lang, "fig.softmax-logits.alt-cap"), &[("a", fixed(scene.alpha, 2)), ("gap", fixed(cap, 3))])
        }
        None => no_cap(scene, lang).to_owned(),
    };
    // Without a fit there are no gaps (and no median) to describe: why, instead.
    let Some(median) = scene.median_gap else {
        return sentences(lang, &[fit_note(scene, lang).unwrap_or_default(), cap]);
    };
    let negative = gaps.iter().filter(|&&g| g < 0.0).count();
    fill(
        t(lang, "fig.softmax-logits.alt"),
        &[("n", gaps.len().to_string()), ("median", fixed(median, 2)), ("wrong", negative.to_string()), ("cap", cap)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What holds the gaps back is said as the fit's objective has it: the
    /// penalty only where there is one; without a fit, why, and no gaps.
    #[test]
    fn the_words_name_what_holds_the_gaps_back_and_gaps_only_of_a_fit() {
        use crate::charts::painting::painted;
        use crate::charts::{Figure, Style};
        use crate::scene::Scene;
        use crate::state::State;
        for (query, penalty) in [("", true), ("softmax-data=ring&softmax-reg=off", false)] {
            let scene = Scene::from_state(&State::from_query(query).state);
            let said = alt_text(&scene.softmax, Lang::En);
            assert_eq!(said.contains("penalty and class overlap"), penalty, "{query:?}: {said}");
            assert_eq!(said.contains("no penalty"), !penalty, "{query:?}: {said}");
            let drawn = painted(Figure::SoftmaxLogits, (696, 392), &scene, &Style::default()).words().join(" ");
            assert!(drawn.contains(no_cap(&scene.softmax, Lang::En)), "{query:?}: {drawn}");
        }
        let separable = "softmax-reg=off&softmax-pts=-2:0:0,-1:1:0,2:0:1,3:1:1,0:3:2,1:4:2";
        let scene = Scene::from_state(&State::from_query(separable).state);
        let said = alt_text(&scene.softmax, Lang::En);
        assert!(said.starts_with("No fit: the classes are separable"), "{said}");
        assert!(!said.contains("logit gaps of"), "{said}");
    }

    /// On a phone the side of the misclassified points is named at the
    /// labels' size, hung from the zero line: left of it where the gaps
    /// below 0 leave room, else right of it. Left of it only, the words
    /// were set at 9 px in the estimate's face and left out in a wider one.
    #[test]
    fn on_a_phone_the_misclassified_side_is_named_at_the_labels_size() {
        use crate::charts::painting::{painted_on_a_phone, test_styles};
        use crate::charts::Figure;
        use crate::scene::Scene;
        use crate::state::State;
        let states = [
            "",
            "softmax-smoothing=0",
            "softmax-data=imbalanced&softmax-classes=6&softmax-smoothing=0",
            "softmax-data=ring&softmax-classes=2",
        ];
        for query in states {
            let scene = Scene::from_state(&State::from_query(query).state);
            for style in test_styles() {
                let painting = painted_on_a_phone(Figure::SoftmaxLogits, &scene, &style);
                let wrong = t(style.lang, "fig.softmax-logits.wrong");
                let call = painting.text_call(wrong);
                // x, y, size, style, family, align (0 left, 2 right), ...
                assert!(
                    call.is_some_and(|call| call[2] == LABEL - 1.0 && call[5] != 1.0),
                    "{query:?} {:?} face {}: {wrong:?} as {call:?}",
                    style.lang,
                    style.face
                );
            }
        }
    }

    #[test]
    fn the_range_holds_zero_the_gaps_and_the_cap() {
        assert_eq!(range([2.0, 4.0].into_iter(), None), (-0.5, 4.5));
        let (lo, hi) = range([-3.0, 1.0].into_iter(), Some(9.0));
        assert!(lo < -3.0 && hi > 9.0);
        assert_eq!(range([1e9].into_iter(), None).1, FARTHEST);
    }
}
