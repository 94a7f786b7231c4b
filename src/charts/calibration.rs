//! `calibration`: a reliability diagram of each fit on the points it is
//! judged on — in each bin of predicted p(green), the fraction that is green
//! against the mean prediction, the gap to the diagonal shaded — and beside
//! it how many points fell in each bin.

use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::frame::{nice_ticks, Frame, FrameSpec, KeyLine, Stroke, Ticks, LABEL};
use super::lines::Lines;
use super::plot_map::Axis;
use super::style::{Colors, Style, TextStyle};
use crate::core::comparison::Contender;
use crate::i18n::{fill, t, t_count, Lang};
use crate::number::format::fixed;
use crate::scene::{ComparisonScene, Fitted};

/// Below this width (CSS pixels) side-by-side panels stack, as the page's
/// narrow layout makes their figures taller.
pub(super) const NARROW: f64 = 520.0;

/// The key's short name of each fit.
pub fn short_name(contender: Contender, lang: Lang) -> &'static str {
    t(
        lang,
        match contender {
            Contender::CrossEntropy => "fit-name.ce",
            Contender::Focal => "fit-name.focal",
            Contender::Smoothed => "fit-name.smoothed",
            Contender::Balanced => "fit-name.balanced",
        },
    )
}

/// The fits the diagram shows: cross-entropy, focal and smoothed (the
/// balanced fit's numbers are in the table beside it), those that have a card.
fn judged(scene: &ComparisonScene) -> Vec<(usize, &Fitted)> {
    (scene.fits.iter().enumerate()).filter(|(_, f)| f.contender != Contender::Balanced && f.card.is_some()).collect()
}

/// The probability ticks 0, 0.5, 1.
fn probability_ticks() -> Ticks {
    Ticks::At(vec![(0.0, "0".into()), (0.5, "0.5".into()), (1.0, "1".into())])
}

/// The bin (0 … n − 1) of a uniform binning that a mean prediction lies in.
fn bin_of(p: f64, n: usize) -> usize {
    ((p * n as f64).floor().max(0.0) as usize).min(n - 1)
}

pub(super) fn draw<DB: Lines>(area: &Area<DB>, scene: &ComparisonScene, style: &Style) -> Drawn {
    let lang = style.lang;
    let c = &style.colors;
    let n_bins = scene.options.n_bins.max(1);
    let fits = judged(scene);
    let key: Vec<(plotters::style::RGBAColor, &str)> =
        fits.iter().map(|&(i, f)| (Colors::tint(c.fits[i], 1.0), short_name(f.contender, lang))).collect();

    // The reliability diagram, with the counts beside it; on a narrow
    // figure, the counts go under it instead, and give it more of the
    // height where its key takes two lines.
    let (w, h) = area.dim_in_pixel();
    let narrow = f64::from(w) / style.scale < NARROW;
    let names: Vec<&str> = key.iter().map(|&(_, name)| name).collect();
    let key_line = KeyLine::below(style, &names, f64::from(w));
    let share = if matches!(key_line, KeyLine::BelowInTwo) { 68 } else { 62 };
    let (top_area, bottom_area) = area.split_vertically(if narrow { h * share / 100 } else { h });
    let (diagram, counts_area) = if narrow { (&top_area, &bottom_area) } else { (area, area) };
    let mut spec = FrameSpec::new(Axis::linear(0.0, 1.0), Axis::linear(0.0, 1.0));
    spec.x_ticks = probability_ticks();
    spec.y_ticks = probability_ticks();
    spec.x_title = t(lang, "fig.calibration.x").into();
    spec.y_title = t(lang, "fig.calibration.y").into();
    if !narrow {
        spec.columns = (0.0, 0.6);
    }
    spec.bottom_extra = key_line.room_below();
    let judged = match scene.judged_on_held_out {
        true => t_count(lang, scene.evaluated, ["fig.calibration.held-out", "fig.calibration.held-out-one"]),
        false => t_count(lang, scene.evaluated, ["fig.calibration.all", "fig.calibration.all-one"]),
    };
    spec.notes_above.push(fill(judged, &[("n", scene.evaluated.to_string())]).into());
    let area = diagram;
    let mut frame = Frame::draw(area, style, &spec)?;
    if fits.is_empty() {
        frame.note(t(lang, "fig.calibration.none"));
    }
    frame.line(area, &[(0.0, 0.0), (1.0, 1.0)], Stroke::dashed(c.axis, 1.5))?;
    let width = 1.0 / n_bins as f64;
    // Each fit's slot within a bin, for its gap here and its count on the right.
    let slot = width * 0.84 / fits.len().max(1) as f64;
    let slot_left = |pred: f64, k: usize| bin_of(pred, n_bins) as f64 * width + width * 0.08 + k as f64 * slot;
    for (k, &(i, fit)) in fits.iter().enumerate() {
        let r = &fit.card.as_ref().expect("filtered on cards").calibration.reliability;
        // The gap to the diagonal: a translucent band from the mean prediction to the outcome.
        for (&pred, &truth) in r.prob_pred.iter().zip(&r.prob_true) {
            let x0 = slot_left(pred, k);
            frame.bar(area, (x0, pred.min(truth)), (x0 + slot, pred.max(truth)), Colors::tint(c.fits[i], 0.22))?;
        }
    }
    let most = fits.iter().flat_map(|(_, f)| f.card.as_ref().unwrap().calibration.reliability.counts.clone()).max();
    for &(i, fit) in &fits {
        let r = &fit.card.as_ref().unwrap().calibration.reliability;
        let line: Vec<(f64, f64)> = r.prob_pred.iter().copied().zip(r.prob_true.iter().copied()).collect();
        frame.line(area, &line, Stroke::solid(c.fits[i], 2.0))?;
        for (&(x, y), &n) in line.iter().zip(&r.counts) {
            // A dot whose area grows with the bin's count.
            let radius = 2.0 + 3.5 * (n as f64 / most.unwrap_or(1).max(1) as f64).sqrt();
            frame.dot(area, frame.p(x, y), c.fits[i], radius)?;
        }
    }
    frame.swatch_key(area, &key, key_line)?;
    let map = frame.finish(area)?;

    // Right: how many points each fit put in each bin.
    let tallest = most.unwrap_or(0).max(1) as f64;
    let mut counts = FrameSpec::new(Axis::linear(0.0, 1.0), Axis::linear(0.0, tallest * 1.15));
    counts.x_ticks = probability_ticks();
    counts.y_ticks = Ticks::At(nice_ticks(0.0, tallest * 1.15, 4));
    counts.x_title = t(lang, "fig.calibration.counts-x").into();
    counts.y_title = t(lang, "fig.calibration.counts-y").into();
    if narrow {
        counts.x_title = String::new();
    } else {
        counts.columns = (0.64, 1.0);
        counts.bottom_extra = key_line.room_below();
    }
    let area = counts_area;
    let mut right = Frame::draw(area, style, &counts)?;
    for (k, &(i, fit)) in fits.iter().enumerate() {
        let r = &fit.card.as_ref().unwrap().calibration.reliability;
        for (&pred, &n) in r.prob_pred.iter().zip(&r.counts) {
            let x0 = slot_left(pred, k);
            right.bar(area, (x0, 0.0), (x0 + slot, n as f64), c.fits[i])?;
        }
    }
    // Each bar's count over it, where the bars are wide enough to carry it.
    let slot_px = right.px(slot) - right.px(0.0);
    if slot_px >= style.text_width("000", LABEL - 2.0) {
        right.halo = true;
        for (k, &(_, fit)) in fits.iter().enumerate() {
            let r = &fit.card.as_ref().unwrap().calibration.reliability;
            for (&pred, &n) in r.prob_pred.iter().zip(&r.counts) {
                let x = slot_left(pred, k) + slot / 2.0;
                let (px, py) = right.p(x, n as f64);
                let at = [(px, py - style.pxf(2.0))];
                right.label(
                    area,
                    &n.to_string(),
                    &at,
                    TextStyle::regular(LABEL - 2.0, c.muted, (HPos::Center, VPos::Bottom)),
                )?;
            }
        }
    }
    Ok(map)
}

pub(super) fn alt_text(scene: &ComparisonScene, lang: Lang) -> String {
    let fits: Vec<String> = judged(scene)
        .into_iter()
        .filter_map(|(_, f)| {
            let card = f.card.as_ref()?;
            let r = &card.calibration.reliability;
            let bins: Vec<String> = (r.prob_pred.iter().zip(&r.prob_true).zip(&r.counts))
                .map(|((p, y), n)| {
                    fill(
                        t(lang, "fig.calibration.bin"),
                        &[("p", fixed(*p, 2)), ("y", fixed(*y, 2)), ("n", n.to_string())],
                    )
                })
                .collect();
            Some(fill(
                t(lang, "fig.calibration.alt-fit"),
                &[
                    ("fit", short_name(f.contender, lang).to_owned()),
                    ("ece", fixed(card.calibration.ece, 3)),
                    ("bins", bins.join(t(lang, "list.separator"))),
                ],
            ))
        })
        .collect();
    if fits.is_empty() {
        return t(lang, "fig.calibration.none").into();
    }
    fill(
        t_count(lang, scene.evaluated, ["fig.calibration.alt", "fig.calibration.alt-one"]),
        &[
            ("n", scene.evaluated.to_string()),
            ("bins", scene.options.n_bins.to_string()),
            ("fits", fits.join(lang.sentence_gap())),
        ],
    )
}
