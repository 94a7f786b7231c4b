//! `gradients`: who pulls each fit — every training point's gradient with
//! respect to its logit under cross-entropy (p − y), focal loss and smoothed
//! cross-entropy, as bars at the point's x, and the share of the total pull
//! that misclassified points carry.

use super::area::{Area, Drawn};
use super::bins::{binned_note, draw_binned_groups, x_bins, BAR_LIMIT};
use super::calibration::short_name;
use super::frame::{nice_ticks, Frame, FrameSpec, KeyLine, Mark, Stroke, Ticks};
use super::lines::Lines;
use super::plot_map::Axis;
use super::prob_bars::bar_width;
use super::style::{Colors, Style};
use crate::core::comparison::Contender;
use crate::i18n::{fill, t, Lang};
use crate::number::format::{fixed, percent_whole};
use crate::scene::{BinaryScene, ComparisonScene, Fitted};

/// The fits whose pulls the figure shows.
const SHOWN: [Contender; 3] = [Contender::CrossEntropy, Contender::Focal, Contender::Smoothed];

fn shown(scene: &ComparisonScene) -> Vec<(usize, &Fitted)> {
    SHOWN
        .iter()
        .filter_map(|&c| {
            let i = Contender::ALL.iter().position(|&k| k == c)?;
            Some((i, &scene.fits[i])).filter(|(_, f)| !f.pulls.is_empty())
        })
        .collect()
}

pub(super) fn draw<DB: Lines>(area: &Area<DB>, scene: &ComparisonScene, binary: &BinaryScene, style: &Style) -> Drawn {
    let lang = style.lang;
    let c = &style.colors;
    let fits = shown(scene);
    let binned = scene.training.len() > BAR_LIMIT;
    let groups: Vec<Vec<super::bins::XBin>> = if binned {
        fits.iter()
            .map(|(_, f)| x_bins(scene.training.iter().zip(&f.pulls).map(|(p, &g)| (p.x, g, p.green)), scene.x_range))
            .collect()
    } else {
        Vec::new()
    };
    let tallest = if binned {
        groups.iter().flatten().map(|b| (b.classes[0].1 + b.classes[1].1).abs()).fold(0.0, f64::max)
    } else {
        fits.iter().flat_map(|(_, f)| f.pulls.iter().map(|g| g.abs())).fold(0.0, f64::max)
    };
    let y_max = (tallest * 1.2).max(0.2);
    let mut spec = FrameSpec::new(Axis::linear(scene.x_range.0, scene.x_range.1), Axis::linear(-y_max, y_max));
    spec.y_ticks = Ticks::At(nice_ticks(-y_max, y_max, 5));
    spec.x_title = t(lang, "fig.label.x").into();
    spec.y_title = t(lang, if binned { "fig.gradients.y-binned" } else { "fig.gradients.y" }).into();
    // On one line: a second would leave the plot of a phone too short to
    // keep the notes off its bars. Where on it the names would be set
    // under 11.5 px (the smallest phones, in a face wider than the
    // estimate: 10.1 px), cross-entropy is named "CE", as the article's
    // formula names it.
    let name = |contender: Contender, ce_short: bool| match contender {
        Contender::CrossEntropy if ce_short => t(lang, "fit-name.ce.short"),
        other => short_name(other, lang),
    };
    let whole: Vec<&str> = fits.iter().map(|(_, f)| name(f.contender, false)).collect();
    let ce_short = matches!(KeyLine::below(style, &whole, f64::from(area.dim_in_pixel().0)), KeyLine::BelowInTwo);
    let key: Vec<(plotters::style::RGBAColor, &str)> =
        fits.iter().map(|&(i, f)| (Colors::tint(c.fits[i], 1.0), name(f.contender, ce_short))).collect();
    let key_line = KeyLine::Below;
    spec.bottom_extra = key_line.room_below();
    // The misclassified points' share of each fit's pull, each fit's name
    // on the line of its share.
    let shares: Vec<String> = fits
        .iter()
        .filter_map(|(_, f)| {
            let share = f.card.as_ref()?.pull_share?;
            Some(format!("{}\u{a0}{}", short_name(f.contender, lang), percent_whole(share)))
        })
        .collect();
    if !shares.is_empty() {
        spec.notes_above.push(fill(t(lang, "fig.gradients.share"), &[("shares", shares.join(" · "))]).into());
    }
    if binned {
        spec.notes_above.push(binned_note("fig.note.binned-sum", scene.training.len(), style).into());
    }
    let mut frame = Frame::draw(area, style, &spec)?;
    if fits.is_empty() {
        frame.note(t(lang, "fig.gradients.none"));
    }
    let (x0, x1) = scene.x_range;
    frame.line(area, &[(x0, 0.0), (x1, 0.0)], Stroke::solid(c.axis, 1.0))?;
    if binned {
        draw_binned_groups(&frame, area, &groups, &fits.iter().map(|&(i, _)| c.fits[i]).collect::<Vec<_>>())?;
    } else if let Some(&(_, first)) = fits.first() {
        let xs: Vec<f64> = scene.training.iter().map(|p| p.x).collect();
        let w = bar_width(&frame, &xs, style).max(3.0);
        let slot = w / fits.len() as f64;
        for (k, p) in scene.training.iter().enumerate() {
            let x = frame.px(p.x);
            // Points on the wrong side of the cross-entropy fit's boundary get a shaded column.
            if scene.misclassified(first, k) {
                let (_, top, _, bottom) = frame.rect();
                frame.pixel_rect(
                    area,
                    [x - w / 2.0 - 1.0, top, x + w / 2.0 + 1.0, bottom],
                    Colors::tint(c.negative, 0.08),
                )?;
            }
            for (j, &(i, f)) in fits.iter().enumerate() {
                let left = x - w / 2.0 + j as f64 * slot;
                let (zero, end) = (frame.py(0.0), frame.py_clamped(f.pulls[k]));
                frame.pixel_rect(area, [left, zero.min(end), left + slot, zero.max(end)], c.fits[i])?;
            }
            frame.mark(area, (x, frame.py(0.0)), Mark { positive: p.green, hollow: false }, c.class(p.green), 4.0)?;
        }
    }
    if let Some(pt) = binary.highlighted().filter(|p| !p.held_out) {
        if let (Some(k), Some(&(_, first))) = (scene.training.iter().position(|q| q.index == pt.index), fits.first()) {
            frame.ring(area, frame.p(pt.x, first.pulls[k].clamp(-y_max, y_max)), 9.0)?;
        }
    }
    frame.swatch_key(area, &key, key_line)?;
    frame.finish(area)
}

pub(super) fn alt_text(scene: &ComparisonScene, _binary: &BinaryScene, lang: Lang) -> String {
    let fits = shown(scene);
    if fits.is_empty() {
        return t(lang, "fig.gradients.none").into();
    }
    let parts: Vec<String> = fits
        .iter()
        .map(|(_, f)| {
            let total: f64 = f.pulls.iter().map(|g| g.abs()).sum();
            let share = f.card.as_ref().and_then(|c| c.pull_share);
            fill(
                t(lang, "fig.gradients.alt-fit"),
                &[
                    ("fit", short_name(f.contender, lang).to_owned()),
                    ("total", fixed(total, 3)),
                    ("share", share.map_or_else(|| "—".to_owned(), percent_whole)),
                ],
            )
        })
        .collect();
    fill(
        t(lang, "fig.gradients.alt"),
        &[("n", scene.training.len().to_string()), ("fits", parts.join(lang.sentence_gap()))],
    )
}

#[cfg(test)]
mod tests {
    use crate::charts::painting::{painted, test_styles};
    use crate::charts::Figure;
    use crate::scene::Scene;
    use crate::state::State;

    /// Where the shares of the pull take two lines, a fit's name and its
    /// share stay on one: no line starts with a share.
    #[test]
    fn a_fits_share_stays_beside_its_name() {
        let scene = Scene::from_state(&State::default());
        for style in test_styles() {
            let (lang, face) = (style.lang, style.face);
            for size in [(696, 392), (334, 250), (294, 220)] {
                let painting = painted(Figure::Gradients, size, &scene, &style);
                for text in painting.words() {
                    let first = text.split(' ').next().unwrap_or_default();
                    let share = first.ends_with('%') && first.starts_with(|c: char| c.is_ascii_digit());
                    assert!(!share, "{lang:?} ×{face} {size:?}: a line starts with a share: {text:?}");
                }
            }
        }
    }
}
