//! `point-losses`: each point's loss as a bar at its x; their mean, drawn as
//! a line and written as a number, is binary cross-entropy.

use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::bins::{binned_note, draw_binned, x_bins, XBin, BAR_LIMIT};
use super::fit::notes;
use super::frame::{fitted, Frame, FrameSpec, Stroke, LABEL};
use super::lines::Lines;
use super::plot_map::Axis;
use super::prob_bars::bar_width;
use super::style::{Style, TextStyle, Weight};
use crate::i18n::{fill, sentences, t, t_count, Lang};
use crate::number::format::{fixed, list};
use crate::scene::{BinaryPoint, BinaryScene};

/// The y axis never grows past this; taller bars are cut and say their value.
const Y_CAP: f64 = 6.0;

pub(super) fn draw<DB: Lines>(area: &Area<DB>, scene: &BinaryScene, style: &Style) -> Drawn {
    let lang = style.lang;
    let c = &style.colors;
    let tallest = scene.points.iter().map(|p| p.loss).filter(|l| l.is_finite()).fold(0.0, f64::max);
    let y_max = (tallest * 1.15).max(scene.bce.unwrap_or(0.0) * 1.4).clamp(1.0, Y_CAP);
    let mut spec = FrameSpec::new(Axis::linear(scene.x_range.0, scene.x_range.1), Axis::linear(0.0, y_max));
    spec.x_title = t(style.lang, "fig.label.x").into();
    spec.y_title = if scene.smoothing > 0.0 {
        // In fewer words where whole it would be set smaller (on a phone it was set at 9.6 px).
        let ls = [("ls", fixed(scene.smoothing, 2))];
        spec.y_title_short = fill(t(lang, "fig.point-losses.y-smoothed-short"), &ls);
        fill(t(lang, "fig.point-losses.y-smoothed"), &ls)
    } else {
        t(lang, "fig.point-losses.y").into()
    };
    spec.right = 110.0;
    spec.class_key = true;
    let binned = scene.points.len() > BAR_LIMIT;
    spec.notes_above = notes(scene, style, !binned);
    if binned {
        spec.notes_above.push(binned_note("fig.note.binned-mean", scene.points.len(), style).into());
    }
    let mut frame = Frame::draw(area, style, &spec)?;
    if binned {
        let bins = x_bins(scene.points.iter().map(|p| (p.x, p.loss, p.green)), scene.x_range);
        draw_binned(&frame, area, &bins, |_| true, XBin::mean, style)?;
        if let Some(pt) = scene.highlighted() {
            frame.ring(area, frame.p(pt.x, pt.loss.min(y_max)), 8.0)?;
        }
    } else {
        let xs: Vec<f64> = scene.points.iter().map(|p| p.x).collect();
        let w = bar_width(&frame, &xs, style);
        let highlight = scene.highlighted().map(|p| p.index);
        for pt in &scene.points {
            let x = frame.px(pt.x);
            let top = frame.py_clamped(pt.loss);
            let bar = [x - w / 2.0, top, x + w / 2.0, frame.py(0.0)];
            if pt.held_out {
                frame.outline_rect(area, bar, c.class(pt.green))?;
            } else {
                frame.pixel_rect(area, bar, c.class(pt.green))?;
            }
            if highlight == Some(pt.index) {
                frame.ring(area, (x, top), 10.0)?;
            }
        }
    }
    // The mean: a line across, its value at the right end, outside the bars.
    if let Some(bce) = scene.bce {
        let (x0, x1) = scene.x_range;
        frame.line(area, &[(x0, bce), (x1, bce)], Stroke::solid(c.accent, 2.0))?;
        let (_, _, right, _) = frame.rect();
        let y = frame.py_clamped(bce);
        let text = fill(t(lang, "fig.point-losses.mean"), &[("bce", fixed(bce, 4))]);
        // Smaller where a face wider than the margin allows for would run
        // past the figure's side.
        let x = right + style.pxf(8.0);
        let room = f64::from(area.dim_in_pixel().0) - x - style.pxf(1.0);
        frame.text(
            area,
            &text,
            (x, y),
            TextStyle::bold(fitted(style, &text, LABEL, room), c.accent, (HPos::Left, VPos::Center)),
        )?;
    }
    // Bars cut by the axis say how tall they are; small ones say it when there is room.
    frame.halo = true;
    for pt in scene.points.iter().filter(|_| !binned) {
        let x = frame.px(pt.x);
        let top = frame.py_clamped(pt.loss);
        let cut = pt.loss > y_max;
        if cut || scene.points.len() <= 20 {
            let text =
                if cut { fill(t(lang, "fig.label.cut"), &[("v", fixed(pt.loss, 2))]) } else { fixed(pt.loss, 2) };
            let at = if cut { (x, top + style.pxf(4.0)) } else { (x, top - style.pxf(4.0)) };
            let v = if cut { VPos::Top } else { VPos::Bottom };
            frame.label(
                area,
                &text,
                &[at],
                TextStyle::new(
                    LABEL - 1.0,
                    if cut { c.text } else { c.muted },
                    Weight::bold_if(cut),
                    (HPos::Center, v),
                ),
            )?;
        }
    }
    frame.finish(area)
}

pub(super) fn alt_text(scene: &BinaryScene, lang: Lang) -> String {
    let Some(bce) = scene.bce else { return t(lang, "fig.note.no-points").into() };
    // The mean is over the training points; the held-out ones are named apart.
    let (trained, held): (Vec<_>, Vec<_>) = scene.points.iter().partition(|p| !p.held_out);
    let losses = |points: &[&BinaryPoint]| list(points.iter().map(|p| p.loss), 2, lang);
    let mean = fill(
        t_count(lang, trained.len(), ["fig.point-losses.alt", "fig.point-losses.alt-one"]),
        &[("bce", fixed(bce, 4)), ("n", trained.len().to_string()), ("l", losses(&trained))],
    );
    let apart = (!held.is_empty()).then(|| {
        let key = t_count(lang, held.len(), ["fig.point-losses.alt-held-out", "fig.point-losses.alt-held-out-one"]);
        fill(key, &[("n", held.len().to_string()), ("l", losses(&held))])
    });
    sentences(lang, &[mean, apart.unwrap_or_default()])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::Scene;
    use crate::state::State;

    /// The losses the description says BCE is the mean of: the numbers
    /// after "losses", to the end of that sentence.
    fn averaged(said: &str) -> Vec<f64> {
        let after = said.split_once("losses ").expect("names the losses").1;
        let listed = after.split_once(". ").map_or(after, |(sentence, _)| sentence).trim_end_matches('.');
        listed.split(", ").map(|v| v.parse().expect("a number")).collect()
    }

    /// BCE is the mean of the training points' losses: the description
    /// says it is the mean of exactly those, and names the held-out
    /// points' losses apart.
    #[test]
    fn the_description_averages_the_losses_bce_averages() {
        for query in ["", "pts=-2:0,-1:0h,-0.5:1,0.3:0,0.6:1h,1:1,2:1,2.5:0h,3:1&smooth=0.3"] {
            let scene = Scene::from_state(&State::from_query(query).state).binary;
            let said = alt_text(&scene, Lang::En);
            let listed = averaged(&said);
            let trained: Vec<f64> = scene.points.iter().filter(|p| !p.held_out).map(|p| p.loss).collect();
            assert_eq!(listed.len(), trained.len(), "{said}");
            let mean = listed.iter().sum::<f64>() / listed.len() as f64;
            assert!((mean - scene.bce.unwrap()).abs() < 0.01, "the listed losses average {mean}: {said}");
            let held = scene.points.len() - trained.len();
            assert_eq!(said.contains("held-out"), held > 0, "{said}");
            if held > 0 {
                assert!(said.contains(&format!("The {held} held-out points")), "{said}");
            }
        }
    }
}
