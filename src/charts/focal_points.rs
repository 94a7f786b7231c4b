//! `focal-points`: each point's focal loss next to its cross-entropy, points
//! ordered from hardest to easiest, so the down-weighting of easy points reads
//! left to right; the share of the total carried by misclassified points.

use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::calibration::NARROW;
use super::frame::{
    fitted, nice_ticks, swatch_key_width, y_title_span, Frame, FrameSpec, KeyLine, Ticks, KEY_LINE, LABEL,
};
use super::plot_map::Axis;
use super::style::{Colors, Style, TextStyle, Weight};
use crate::core::array::ascending_order;
use crate::i18n::{fill, t, Lang};
use crate::number::format::{fixed, list, percent_whole};
use crate::scene::{FocalPoint, FocalScene};

const Y_CAP: f64 = 6.0;
/// How far a point's marker reaches above its pair of bars, at scale 1.
const MARKER_ROOM: f64 = 14.0;

fn hardest_first(scene: &FocalScene) -> Vec<&FocalPoint> {
    let pts: Vec<&FocalPoint> = scene.points.iter().filter(|p| p.p_true.is_finite()).collect();
    let keys: Vec<f64> = pts.iter().map(|p| p.p_true).collect();
    ascending_order(&keys).into_iter().map(|i| pts[i]).collect()
}

pub(super) fn draw<DB: DrawingBackend>(area: &Area<DB>, scene: &FocalScene, style: &Style) -> Drawn {
    let lang = style.lang;
    let c = &style.colors;
    let pts = hardest_first(scene);
    let n = pts.len().max(1) as f64;
    let tallest = pts.iter().flat_map(|p| [p.ce, p.focal]).filter(|v| v.is_finite()).fold(0.0, f64::max);
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (f64::from(width), f64::from(height));
    // The y range follows below, once the plot's height is known.
    let mut spec = FrameSpec::new(Axis::linear(0.0, n), Axis::linear(0.0, 1.0));
    spec.x_ticks = if pts.len() <= 14 {
        Ticks::At(pts.iter().enumerate().map(|(i, p)| (i as f64 + 0.5, fixed(p.p_true, 2))).collect())
    } else {
        Ticks::None
    };
    // On a phone, each p_t without its leading zero (".62"), as statistics
    // writes a value that cannot exceed 1: a point's bars keep their number.
    if let Ticks::At(ticks) = &spec.x_ticks {
        spec.x_ticks_short =
            ticks.iter().map(|(_, label)| label.strip_prefix('0').unwrap_or(label).to_owned()).collect();
    }
    // On a phone the readout and the key reach as far right as the
    // figure's side allows: no label goes right of the plot.
    if width / style.scale < NARROW {
        spec.right = 6.0;
    }
    spec.x_title = t(lang, "fig.focal-points.x").into();
    spec.y_title = t(lang, "fig.focal-points.y").into();
    let (ce_name, fl_name) =
        (t(lang, "fig.focal-points.ce"), fill(t(lang, "fig.focal-points.fl"), &[("g", fixed(scene.gamma, 1))]));
    // The key shares the y title's line where both fit; otherwise it takes
    // that line alone and the title moves one line down.
    if y_title_span(style, &spec.y_title) + style.pxf(16.0 + spec.right) + swatch_key_width(style, &[ce_name, &fl_name])
        > width
    {
        spec.top_extra = KEY_LINE;
        spec.y_title_drop = KEY_LINE;
    }
    // The readout sits top right, over the easy points' low bars; where it
    // spans most of the plot (a narrow figure) it would cover the tall ones,
    // so the y axis grows to keep them under it.
    let readout = readout_lines(scene, lang);
    let readout_width = readout.iter().map(|line| style.text_width(&line.text, line.size)).fold(0.0, f64::max);
    let readout_height = style.pxf(6.0) + readout.iter().map(|line| style.pxf(line.advance)).sum::<f64>();
    let crowded = readout_width > 0.5 * (width - style.pxf(70.0));
    // Each pair of bars carries its point's marker, up to 60 points.
    let marked = pts.len() <= 60;
    let marker_room = if marked { style.pxf(MARKER_ROOM) } else { 0.0 };
    let headroom = if crowded {
        (1.0 - (readout_height + marker_room) / spec.plot_height(style, height)).max(0.4)
    } else {
        1.0 / 1.25
    };
    let y_max = (tallest / headroom).clamp(0.5, Y_CAP);
    spec.y = Axis::linear(0.0, y_max);
    spec.y_ticks = Ticks::At(nice_ticks(0.0, y_max, 4));
    let mut frame = Frame::draw(area, style, &spec)?;
    let hard = pts.iter().filter(|p| p.p_true < 0.5).count() as f64;
    if hard > 0.0 {
        frame.x_band(area, 0.0, hard, Colors::tint(c.negative, 0.07))?;
    }
    let (ce_color, fl_color) = (Colors::tint(c.axis, 0.55), Colors::tint(c.accent, 1.0));
    for (i, p) in pts.iter().enumerate() {
        let i = i as f64;
        frame.bar(area, (i + 0.12, 0.0), (i + 0.5, p.ce), ce_color)?;
        frame.bar(area, (i + 0.5, 0.0), (i + 0.88, p.focal), fl_color)?;
        // The point's class, just above its pair.
        if marked {
            let (x, y) = frame.p(i + 0.5, p.ce.max(p.focal).min(y_max));
            frame.marker(area, (x, y - style.pxf(9.0)), p.green, c.class(p.green), 4.0)?;
            frame.reserve([x - 5.0, y - style.pxf(MARKER_ROOM), x + 5.0, y]);
        }
    }
    frame.swatch_key(area, &[(ce_color, ce_name), (fl_color, &fl_name)], KeyLine::Top)?;
    let (l, top, right, _) = frame.rect();
    // The readout, top right, one short line each; smaller where a line is
    // wider than the figure (on a phone).
    let x = right - style.pxf(6.0);
    let mut y = top + style.pxf(6.0);
    let mut lines = Vec::with_capacity(readout.len());
    for line in &readout {
        let size = fitted(style, &line.text, line.size, x - style.pxf(4.0));
        frame.reserve([x - style.text_width(&line.text, size), y, x, y + style.pxf(size * 1.2)]);
        lines.push((line, size, y));
        y += style.pxf(line.advance);
    }
    // The band's name, where it has room beside the readout (on a phone
    // it has none): it says less than the readout.
    if hard > 0.0 {
        frame.label(
            area,
            t(lang, "fig.focal-points.hard"),
            &[(l + style.pxf(6.0), top + style.pxf(6.0))],
            TextStyle::bold(LABEL - 1.0, c.negative, (HPos::Left, VPos::Top)),
        )?;
    }
    for (line, size, y) in lines {
        let color = if line.muted { c.muted } else { c.text };
        frame.text(
            area,
            &line.text,
            (x, y),
            TextStyle::new(size, color, Weight::bold_if(line.bold), (HPos::Right, VPos::Top)),
        )?;
    }
    frame.finish(area)
}

/// One line of the figure's readout.
struct ReadoutLine {
    text: String,
    size: f64,
    bold: bool,
    muted: bool,
    /// How far down the next line starts, at scale 1.
    advance: f64,
}

/// The misclassified points' share of each loss, the two means and α, where known.
fn readout_lines(scene: &FocalScene, lang: Lang) -> Vec<ReadoutLine> {
    let line = |text: String, size: f64, bold: bool, muted: bool, advance: f64| ReadoutLine {
        text,
        size,
        bold,
        muted,
        advance,
    };
    let mut lines = Vec::new();
    if let (Some(ce), Some(fl)) = (scene.hard_share_ce, scene.hard_share_focal) {
        lines.push(line(t(lang, "fig.focal-points.share1").into(), LABEL, false, false, 19.0));
        let text = fill(t(lang, "fig.focal-points.share2"), &[("ce", percent_whole(ce)), ("fl", percent_whole(fl))]);
        lines.push(line(text, LABEL + 1.0, true, false, 23.0));
    }
    if let (Some(ce), Some(fl)) = (scene.mean_ce, scene.mean_focal) {
        let text = fill(t(lang, "fig.focal-points.means"), &[("ce", fixed(ce, 4)), ("fl", fixed(fl, 4))]);
        lines.push(line(text, LABEL - 1.0, false, true, 19.0));
    }
    if let Some(a) = scene.alpha {
        let text = fill(t(lang, "fig.focal-points.alpha"), &[("a", fixed(a, 2))]);
        lines.push(line(text, LABEL - 1.0, false, true, 19.0));
    }
    lines
}

pub(super) fn alt_text(scene: &FocalScene, lang: Lang) -> String {
    let pts = hardest_first(scene);
    match (scene.hard_share_ce, scene.hard_share_focal, scene.mean_focal) {
        (Some(ce), Some(fl), Some(mean)) => fill(
            t(lang, "fig.focal-points.alt"),
            &[
                ("g", fixed(scene.gamma, 1)),
                ("ce", percent_whole(ce)),
                ("fl", percent_whole(fl)),
                ("mean", fixed(mean, 4)),
                ("p", list(pts.iter().map(|p| p.p_true), 2, lang)),
                ("cel", list(pts.iter().map(|p| p.ce), 2, lang)),
                ("fll", list(pts.iter().map(|p| p.focal), 2, lang)),
            ],
        ),
        _ => t(lang, "fig.note.no-points").into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::painting::{overlap, painted_on_a_phone, test_styles, text_box};
    use crate::charts::Figure;
    use crate::scene::Scene;
    use crate::state::State;

    /// On a phone the readout's lines cover no bar and no point's marker
    /// over its pair: in a 4:3 figure the three lines took more than half
    /// of the plot's height, and the tallest pair's marker sat under the
    /// last one.
    #[test]
    fn on_a_phone_the_readout_covers_no_bar_and_no_marker() {
        for query in ["", "gamma=5", "gamma=0.5"] {
            let scene = Scene::from_state(&State::from_query(query).state);
            for style in test_styles() {
                let painting = painted_on_a_phone(Figure::FocalPoints, &scene, &style);
                let colours = [Colors::tint(style.colors.axis, 0.55), Colors::tint(style.colors.accent, 1.0)];
                // Each bar with the room of its pair's marker over it (and
                // the key's swatches, on their line over the plot).
                let room = style.pxf(MARKER_ROOM);
                let bars: Vec<[f64; 4]> =
                    painting.rects_in(&colours).into_iter().map(|[l, t, r, b]| [l, t - room, r, b]).collect();
                assert!(bars.len() >= 20, "{query:?}: {} bars", bars.len());
                for line in readout_lines(&scene.focal, style.lang) {
                    let call = painting.text_call(&line.text).unwrap_or_else(|| panic!("{:?}", line.text));
                    let [l, t, r, b] = text_box(call, &line.text, &style);
                    let under = bars.iter().find(|&&bar| overlap(bar, [l, t, r, b]));
                    assert!(
                        under.is_none(),
                        "{query:?} {:?} face {}: {:?} over {under:?}",
                        style.lang,
                        style.face,
                        line.text
                    );
                }
            }
        }
    }
    /// On a phone the readout and the key are read at 11 px or more, in
    /// faces up to 13 % wider than the estimate: the plot reaches as far
    /// right as the figure allows. With the usual margin right of the
    /// plot, the means were set at 10.4 px and the key at 10.9.
    #[test]
    fn on_a_phone_the_readout_and_the_key_are_read_at_11_px_or_more() {
        for query in ["", "gamma=5", "gamma=0.5&alpha=0.25&balance=1"] {
            let scene = Scene::from_state(&State::from_query(query).state);
            for style in test_styles().filter(|style| style.face <= 1.13) {
                let painting = painted_on_a_phone(Figure::FocalPoints, &scene, &style);
                let key = [
                    t(style.lang, "fig.focal-points.ce").to_owned(),
                    fill(t(style.lang, "fig.focal-points.fl"), &[("g", fixed(scene.focal.gamma, 1))]),
                ];
                let readout = readout_lines(&scene.focal, style.lang).into_iter().map(|line| line.text);
                for text in key.into_iter().chain(readout) {
                    let call = painting.text_call(&text);
                    assert!(
                        call.is_some_and(|call| call[2] >= 11.0),
                        "{query:?} {:?} face {}: {text:?} as {call:?}",
                        style.lang,
                        style.face
                    );
                }
            }
        }
    }
}
