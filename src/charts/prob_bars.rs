//! `green-bars`, `red-bars`, `true-class-bars`: each point's probability as a
//! bar standing at its x (the article's figures 3 to 5).

use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::bins::{binned_note, draw_binned, x_bins, XBin, BAR_LIMIT};
use super::fit::{notes, probability_frame};
use super::frame::{Frame, Stroke, LABEL};
use super::lines::Lines;
use super::style::{Style, TextStyle};
use crate::core::array::ascending_order;
use crate::i18n::{fill, t, t_count, Lang};
use crate::number::format::{fixed, list};
use crate::scene::{BinaryPoint, BinaryScene};

/// Which points a figure of probability bars shows, and of which class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// p(y = 1) of the positive points.
    Green,
    /// p(y = 0) = 1 − p(y = 1) of the negative points.
    Red,
    /// The probability of the true class, every point.
    TrueClass,
}

impl Which {
    fn shows(self, pt: &BinaryPoint) -> bool {
        self.shows_class(pt.green)
    }

    fn shows_class(self, positive: bool) -> bool {
        match self {
            Which::Green => positive,
            Which::Red => !positive,
            Which::TrueClass => true,
        }
    }

    fn key(self, what: &str) -> &'static str {
        match (self, what) {
            (Which::Green, "y") => "fig.green-bars.y",
            (Which::Red, "y") => "fig.red-bars.y",
            (Which::TrueClass, "y") => "fig.true-class-bars.y",
            // The green bars' title is short already.
            (Which::Green, "y-short") => "fig.green-bars.y",
            (Which::Red, "y-short") => "fig.red-bars.y-short",
            (Which::TrueClass, "y-short") => "fig.true-class-bars.y-short",
            (Which::Green, "alt-one") => "fig.green-bars.alt-one",
            (Which::Red, "alt-one") => "fig.red-bars.alt-one",
            (Which::TrueClass, "alt-one") => "fig.true-class-bars.alt-one",
            (Which::Green, "alt-none") => "fig.green-bars.alt-none",
            (Which::Red, "alt-none") => "fig.red-bars.alt-none",
            (Which::TrueClass, "alt-none") => "fig.note.no-points",
            (Which::Green, _) => "fig.green-bars.alt",
            (Which::Red, _) => "fig.red-bars.alt",
            (Which::TrueClass, _) => "fig.true-class-bars.alt",
        }
    }
}

/// Bar width in area pixels: 14 px at scale 1, narrower where points crowd.
pub(super) fn bar_width(frame: &Frame, xs: &[f64], style: &Style) -> f64 {
    let px: Vec<f64> = xs.iter().map(|&x| frame.px(x)).collect();
    let px: Vec<f64> = ascending_order(&px).into_iter().map(|i| px[i]).collect();
    let gap = px.windows(2).map(|w| w[1] - w[0]).filter(|d| *d > 0.5).fold(f64::INFINITY, f64::min);
    style.pxf(14.0).min(gap * 0.8).max(1.0)
}

pub(super) fn draw<DB: Lines>(area: &Area<DB>, scene: &BinaryScene, style: &Style, which: Which) -> Drawn {
    let shown: Vec<&BinaryPoint> = scene.points.iter().filter(|p| which.shows(p)).collect();
    let binned = shown.len() > BAR_LIMIT;
    let mut spec = probability_frame(scene, style, t(style.lang, which.key("y")));
    spec.y_title_short = t(style.lang, which.key("y-short")).into();
    spec.notes_above = notes(scene, style, !binned);
    if binned {
        spec.notes_above.push(binned_note("fig.note.binned-mean", shown.len(), style).into());
    }
    let mut frame = Frame::draw(area, style, &spec)?;
    let c = &style.colors;
    // The curve the bars reach up to: p(y = 1 | x), or its mirror for red.
    match which {
        Which::Green => frame.line(area, &scene.curve, Stroke::dashed(c.axis, 1.5))?,
        Which::Red => {
            let mirror: Vec<(f64, f64)> = scene.curve.iter().map(|&(x, p)| (x, 1.0 - p)).collect();
            frame.line(area, &mirror, Stroke::dashed(c.axis, 1.5))?
        }
        Which::TrueClass => {}
    }
    if binned {
        let bins = x_bins(shown.iter().map(|p| (p.x, p.p_true, p.green)), scene.x_range);
        let shows = |positive: bool| which.shows_class(positive);
        draw_binned(&frame, area, &bins, shows, XBin::mean, style)?;
        if let Some(pt) = scene.highlighted().filter(|p| which.shows(p)) {
            frame.ring(area, frame.p(pt.x, pt.p_true), 8.0)?;
        }
        return frame.finish(area);
    }
    let xs: Vec<f64> = shown.iter().map(|p| p.x).collect();
    let w = bar_width(&frame, &xs, style);
    let highlight = scene.highlighted().map(|p| p.index);
    for pt in &shown {
        let x = frame.px(pt.x);
        let top = frame.py_clamped(pt.p_true);
        let base = frame.py(0.0);
        let color = c.class(pt.green);
        if pt.held_out {
            frame.outline_rect(area, [x - w / 2.0, top, x + w / 2.0, base], color)?;
        } else {
            frame.pixel_rect(area, [x - w / 2.0, top, x + w / 2.0, base], color)?;
        }
        if highlight == Some(pt.index) {
            frame.ring(area, (x, top), 10.0)?;
        }
    }
    // Values on top, where they fit; the text alternative has them all.
    let highest_first: Vec<f64> = shown.iter().map(|p| -p.p_true).collect();
    if shown.len() <= 40 {
        for pt in ascending_order(&highest_first).into_iter().map(|i| shown[i]) {
            let x = frame.px(pt.x);
            let top = frame.py_clamped(pt.p_true);
            let text = fixed(pt.p_true, 2);
            let gap = style.pxf(4.0);
            let line = style.pxf(LABEL * 1.25);
            frame.label(
                area,
                &text,
                &[(x, top - gap), (x, top - gap - line), (x, top - gap - 2.0 * line)],
                TextStyle::regular(LABEL, c.text, (HPos::Center, VPos::Bottom)),
            )?;
        }
    }
    frame.finish(area)
}

pub(super) fn alt_text(scene: &BinaryScene, lang: Lang, which: Which) -> String {
    let shown: Vec<&BinaryPoint> = scene.points.iter().filter(|p| which.shows(p)).collect();
    if shown.is_empty() {
        return t(lang, which.key("alt-none")).into();
    }
    fill(
        t_count(lang, shown.len(), [which.key("alt"), which.key("alt-one")]),
        &[
            ("n", shown.len().to_string()),
            ("x", list(shown.iter().map(|p| p.x), 1, lang)),
            ("p", list(shown.iter().map(|p| p.p_true), 2, lang)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use crate::charts::painting::painted;
    use crate::charts::{Figure, Style};
    use crate::i18n::{fill, t, Lang};
    use crate::scene::Scene;
    use crate::state::State;

    /// A figure of bars says which points are held out ("hollow") where it
    /// draws each point's bar, and not where its bars are the means of bins,
    /// which draw no point hollow; the bins' note says how many points they
    /// hold instead.
    #[test]
    fn binned_bars_do_not_speak_of_hollow_points() {
        for (query, binned) in
            [("pts=-2:0,-1:0h,-0.5:1,0.3:0,0.6:1h,1:1,2:1,2.5:0h,3:1", false), ("data=imbalanced&seed=1", true)]
        {
            let scene = Scene::from_state(&State::from_query(query).state);
            let held = scene.binary.points.iter().filter(|p| p.held_out).count();
            assert!(held > 0, "{query}: some points held out");
            let hollow = fill(t(Lang::En, "fig.note.held-out"), &[("n", held.to_string())]);
            for figure in [Figure::GreenBars, Figure::RedBars, Figure::TrueClassBars, Figure::PointLosses] {
                let painting = painted(figure, (696, 392), &scene, &Style::default());
                let texts = painting.drawn_texts();
                // Lines of the note (a tick's "0" is in it too).
                let shown: Vec<&&str> = texts.iter().filter(|text| text.len() > 6 && hollow.contains(**text)).collect();
                let bins = texts.iter().any(|text| text.contains("x bins"));
                if binned && figure != Figure::GreenBars {
                    assert!(shown.is_empty() && bins, "{query} {}: {texts:?}", figure.name());
                } else if !binned {
                    assert!(!shown.is_empty() && !bins, "{query} {}: {texts:?}", figure.name());
                }
            }
        }
    }
}
