//! `cce`: the categorical example per sample. Left, each row of `y_pred`
//! as Keras sees it (renormalised, raw value marked where it differs), the
//! true class's bar in the accent colour; right, −log of that probability
//! with one-hot labels (categorical) and integer labels (sparse) side by side.

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;

use super::area::{Area, Drawn};
use super::calibration::NARROW;
use super::frame::{
    nice_ticks, swatch_key_width, y_title_span, Frame, FrameSpec, KeyLine, Stroke, Ticks, KEY_LINE, LABEL, LABEL_GAP,
};
use super::lines::Lines;
use super::plot_map::Axis;
use super::style::{Colors, Style, TextStyle};
use crate::i18n::{fill, t, Lang};
use crate::number::format::{fixed, list, row_numbers};
use crate::scene::CceScene;

/// Where the left panel (the rows) ends and the right one (the losses) begins.
const SPLIT: f64 = 0.55;

/// A row's name under its bars: its one-hot target and integer label, in
/// full or, `short`, without spaces (for a narrow figure).
fn label_text(one_hot: &[f64], label: usize, lang: Lang, short: bool) -> String {
    let row: Vec<String> = one_hot.iter().map(|v| fixed(*v, if v.fract() == 0.0 { 0 } else { 2 })).collect();
    let (key, comma) = if short { ("fig.cce.row-short", ",") } else { ("fig.cce.row", ", ") };
    fill(t(lang, key), &[("row", row.join(comma)), ("label", label.to_string())])
}

/// Whether an entry as given, `raw`, stands apart from its renormalised
/// `p`: its row gets a dark tick at the raw height, and the figure a note
/// saying what the ticks are.
fn given_apart(raw: f64, p: f64) -> bool {
    (raw - p).abs() > 5e-4
}

pub(super) fn draw<DB: Lines>(area: &Area<DB>, scene: &CceScene, style: &Style) -> Drawn {
    let lang = style.lang;
    let c = &style.colors;
    let n = scene.samples.len().max(1) as f64;
    let few = scene.samples.len() <= 6;

    // On a phone the two panels stack, each as wide as the figure: side by
    // side, the rows' plot was some 100 px wide, its labels set at 9 px or
    // left out. Wider, a narrow figure gives the key a line of its own
    // under both panels, and the right panel's y title a line of its own
    // over them; and where even that line is short, the key names the label
    // formats alone (with the losses' names as well, it was set at 9 px).
    // Rows given unnormalised get a note above the rows' plot; stacked, the
    // rows' panel takes a larger share of the height for it.
    let raw = scene.samples.iter().any(|s| s.raw.iter().zip(&s.renormalised).any(|(&r, &p)| given_apart(r, p)));
    let (width, height) = area.dim_in_pixel();
    let stacked = f64::from(width) / style.scale < NARROW;
    let share = if raw { 60 } else { 52 };
    let (top, bottom) = area.split_vertically(if stacked { height * share / 100 } else { height });
    let (rows_area, losses_area) = if stacked { (&top, &bottom) } else { (area, area) };
    let (rows_columns, losses_columns) = if stacked { ((0.0, 1.0), (0.0, 1.0)) } else { ((0.0, SPLIT), (SPLIT, 1.0)) };
    let width = f64::from(width);
    let whole = [t(lang, "fig.cce.one-hot"), t(lang, "fig.cce.sparse")];
    let fits = |names: &[&str], room: f64| swatch_key_width(style, names) + style.pxf(20.0 + 8.0) <= room;
    let short = [t(lang, "fig.cce.one-hot-short"), t(lang, "fig.cce.sparse-short")];
    let (key_names, key_line) = if fits(&whole, width * (losses_columns.1 - losses_columns.0)) {
        (whole, KeyLine::XTitle)
    } else if stacked {
        // The losses' panel has no x title: its line is the key's.
        (short, KeyLine::XTitle)
    } else if fits(&whole, width) {
        (whole, KeyLine::Below)
    } else {
        (short, KeyLine::Below)
    };
    let rows_y = t(lang, if scene.from_logits { "fig.cce.rows-y.logits" } else { "fig.cce.rows-y" });
    let titles_meet = !stacked && y_title_span(style, rows_y) + style.pxf(12.0) > width * SPLIT;
    let make_room = |spec: &mut FrameSpec| {
        spec.bottom_extra = key_line.room_below();
        if titles_meet {
            spec.top_extra = KEY_LINE;
        }
    };

    // Left (on a phone, on top): the rows.
    let mut spec = FrameSpec::new(Axis::linear(0.0, n), Axis::linear(0.0, 1.0));
    spec.columns = rows_columns;
    spec.y_ticks = Ticks::At(vec![(0.0, "0".into()), (0.5, "0.5".into()), (1.0, "1".into())]);
    spec.x_ticks = Ticks::At(
        scene
            .samples
            .iter()
            .enumerate()
            .map(|(i, s)| (i as f64 + 0.5, label_text(&s.one_hot, s.label, lang, false)))
            .collect(),
    );
    spec.x_ticks_short = scene.samples.iter().map(|s| label_text(&s.one_hot, s.label, lang, true)).collect();
    spec.x_title = t(lang, "fig.cce.rows-x").into();
    spec.y_title = rows_y.into();
    spec.right = 16.0;
    if few {
        // Room over the plot for the label of a bar that reaches the top.
        spec.head_room = LABEL + 6.0;
    }
    make_room(&mut spec);
    // Above the plot, where it leaves the head room to the bars' labels
    // (over the plot, it crowded the label of a bar that reaches the top
    // to 9 px).
    if raw {
        spec.notes_above.push(t(lang, "fig.cce.raw-note").into());
    }
    let mut left = Frame::draw(rows_area, style, &spec)?;
    // A bar's label goes over its neighbours only where nothing else has room.
    left.labels_keep_off_marks = true;
    // The bars first, then their labels, which keep off every bar.
    let mut labels = Vec::new();
    for (i, s) in scene.samples.iter().enumerate() {
        let k = s.renormalised.len() as f64;
        let slot = 0.8 / k;
        for (j, (&p, &raw)) in s.renormalised.iter().zip(&s.raw).enumerate() {
            let x0 = i as f64 + 0.1 + j as f64 * slot;
            let x1 = x0 + slot * 0.8;
            let truth = j == s.label;
            let color: RGBColor = if truth { c.accent } else { c.axis };
            left.bar(
                rows_area,
                (x0, 0.0),
                (x1, p),
                if truth { Colors::tint(color, 1.0) } else { Colors::tint(color, 0.45) },
            )?;
            if given_apart(raw, p) {
                // The row before renormalising: a dark tick at the raw height.
                let y = left.py_clamped(raw);
                left.pixel_rect(rows_area, [left.px(x0) - 2.0, y - 1.0, left.px(x1) + 2.0, y + 1.0], c.text)?;
            }
            if truth && few {
                let tallest = s.renormalised.iter().copied().fold(p, f64::max);
                labels.push((x0, x1, p, tallest));
            }
        }
    }
    for (x0, x1, p, tallest) in labels {
        let text = fill(t(lang, "fig.label.p-value"), &[("p", fixed(p, 2))]);
        // Over its bar: centred, else reaching right or left from it into
        // the room beside it; else as high as its row's tallest bar, the
        // same ways; else inside its top.
        let (at, half) = (left.p((x0 + x1) / 2.0, p), (left.px(x1) - left.px(x0)) / 2.0);
        let over = style.text_width(&text, LABEL) / 2.0 - half;
        let heights = [at.1, left.py(tallest)].map(|y| y - style.pxf(4.0));
        let mut places: Vec<(f64, f64)> =
            heights.iter().flat_map(|&y| [0.0, over, -over].map(|dx| (at.0 + dx, y))).collect();
        places.push((at.0, at.1 + style.pxf(4.0)));
        left.label_or_smaller(rows_area, &text, &places, TextStyle::bold(LABEL, c.text, (HPos::Center, VPos::Bottom)))?;
    }
    let map = left.finish(rows_area)?;

    // Right (on a phone, below): the losses, one-hot and sparse side by side.
    let tallest =
        scene.samples.iter().flat_map(|s| [s.loss, s.sparse_loss]).filter(|v| v.is_finite()).fold(0.0, f64::max);
    let y_max = (tallest * 1.2).clamp(1.0, 20.0);
    let mut spec = FrameSpec::new(Axis::linear(0.0, n), Axis::linear(0.0, y_max));
    spec.columns = losses_columns;
    spec.y_ticks = Ticks::At(nice_ticks(0.0, y_max, 4));
    let sample = |key: &'static str, i: usize| fill(t(lang, key), &[("i", (i + 1).to_string())]);
    let samples = 0..scene.samples.len();
    spec.x_ticks = Ticks::At(samples.clone().map(|i| (i as f64 + 0.5, sample("fig.cce.sample", i))).collect());
    spec.x_ticks_short = samples.map(|i| sample("fig.cce.sample-short", i)).collect();
    spec.x_title = " ".into();
    spec.y_title = t(lang, "fig.cce.loss-y").into();
    spec.right = 20.0;
    make_room(&mut spec);
    if titles_meet {
        spec.y_title_drop = KEY_LINE;
    }
    let mut right = Frame::draw(losses_area, style, &spec)?;
    if !scene.skipped.is_empty() {
        let rows: Vec<usize> = scene.skipped.iter().map(|&i| i + 1).collect();
        let rows = row_numbers(&rows, lang);
        right.note(&fill(t(lang, "fig.cce.skipped"), &[("rows", rows)]));
    }
    let (one_hot_color, sparse_color) = (Colors::tint(c.accent, 1.0), Colors::tint(c.muted, 0.7));
    let key = [(one_hot_color, key_names[0]), (sparse_color, key_names[1])];
    right.swatch_key(losses_area, &key, key_line)?;
    for (i, s) in scene.samples.iter().enumerate() {
        let i = i as f64;
        let bars = [(0.12, s.loss, one_hot_color), (0.52, s.sparse_loss, sparse_color)];
        for (offset, loss, color) in bars {
            right.bar(losses_area, (i + offset, 0.0), (i + offset + 0.36, loss), color)?;
        }
        if !few {
            continue;
        }
        let texts = bars.map(|(offset, loss, _)| (i + offset + 0.18, loss, fixed(loss, 4)));
        if texts[0].2 == texts[1].2 {
            // The same loss both ways (no smoothing): said once, over the
            // pair, where two labels side by side would not fit in a wide face.
            let at = right.p(i + 0.5, s.loss.max(s.sparse_loss).min(y_max));
            right.label_above(losses_area, &texts[0].2, at, LABEL, false)?;
        } else {
            // Each over its bar, at the largest size down to 11 px at which
            // the two keep a label's gap apart: on a phone, in a face wider
            // than the estimate, at the labels' size they met, and the
            // second was left out.
            let apart = |px: f64| {
                let half = |text: &str| style.text_width(text, px) / 2.0;
                right.px(texts[1].0) - right.px(texts[0].0)
                    >= half(&texts[0].2) + half(&texts[1].2) + style.pxf(LABEL_GAP)
            };
            let px = [LABEL, 12.5, 12.0, 11.5, 11.0].into_iter().find(|&px| apart(px)).unwrap_or(LABEL);
            for (x, loss, text) in &texts {
                let at = right.p(*x, loss.min(y_max));
                right.label_above(losses_area, text, at, px, false)?;
            }
        }
    }
    if let Some(mean) = scene.mean {
        right.line(losses_area, &[(0.0, mean), (n, mean)], Stroke::dashed(c.text, 1.5))?;
        let (l_edge, _, r_edge, _) = right.rect();
        let text = fill(t(lang, "fig.cce.mean"), &[("m", fixed(mean, 3))]);
        let y = right.py_clamped(mean);
        right.halo = true;
        let gap = style.pxf(4.0);
        right.label_or_smaller(
            losses_area,
            &text,
            &[(l_edge + gap, y - gap), (r_edge, y - gap), (l_edge + gap, y + gap + style.pxf(16.0))],
            TextStyle::bold(LABEL, c.text, (HPos::Left, VPos::Bottom)),
        )?;
    }
    right.finish(losses_area)?;
    Ok(map)
}

pub(super) fn alt_text(scene: &CceScene, lang: Lang) -> String {
    match (scene.mean, scene.sparse_mean) {
        (Some(mean), Some(sparse)) => fill(
            t(lang, "fig.cce.alt"),
            &[
                ("p", list(scene.samples.iter().map(|s| s.p_true), 2, lang)),
                ("l", list(scene.samples.iter().map(|s| s.loss), 4, lang)),
                ("mean", fixed(mean, 3)),
                ("sl", list(scene.samples.iter().map(|s| s.sparse_loss), 4, lang)),
                ("smean", fixed(sparse, 3)),
            ],
        ),
        _ => t(lang, "fig.cce.none").into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::painting::{overlap, painted_on_a_phone, test_styles, text_box};
    use crate::charts::Figure;
    use crate::scene::Scene;
    use crate::state::State;

    /// On a phone each true class's p_t is written at the labels' size and
    /// over no bar: the top one had no room above the plot and was set at
    /// 9 px, and the low one was written across its neighbour's bar.
    #[test]
    fn on_a_phone_each_p_t_is_written_whole_and_over_no_bar() {
        let scene = Scene::from_state(&State::default());
        for style in test_styles() {
            let painting = painted_on_a_phone(Figure::Cce, &scene, &style);
            let c = &style.colors;
            let bars = painting.rects_in(&[Colors::tint(c.accent, 1.0), Colors::tint(c.axis, 0.45)]);
            assert!(bars.len() >= 6, "{:?}: three bars a row, found {}", style.lang, bars.len());
            for p_t in ["0.95", "0.10"] {
                let text = fill_p(style.lang, p_t);
                let call = painting.text_call(&text).unwrap_or_else(|| panic!("{text:?} in {:?}", painting.words()));
                assert_eq!(call[2], LABEL, "{:?} face {}: {text:?}", style.lang, style.face);
                let [l, t, r, b] = text_box(call, &text, &style);
                let over = bars.iter().find(|&&bar| overlap(bar, [l, t, r, b]));
                assert!(
                    over.is_none(),
                    "{:?} face {}: {text:?} at {:?} over the bar {over:?}",
                    style.lang,
                    style.face,
                    [l, t, r, b]
                );
            }
        }
    }

    /// On a phone, with rows given unnormalised, every loss is written,
    /// at 11 px or more: in a face wider than the estimate the integer
    /// label's loss (1.9459) met the one-hot label's beside it and was left
    /// out.
    #[test]
    fn on_a_phone_every_loss_is_written() {
        let state = State::from_query("cp=[[0.05,0.95,0],[0.2,1.6,0.2]]").state;
        let scene = Scene::from_state(&state);
        for style in test_styles() {
            let painting = painted_on_a_phone(Figure::Cce, &scene, &style);
            for loss in ["0.0513", "2.3026", "1.9459"] {
                let call = painting.text_call(loss).unwrap_or_else(|| {
                    panic!("{:?} face {}: {loss} in {:?}", style.lang, style.face, painting.words())
                });
                assert!(call[2] >= 11.0, "{:?} face {}: {loss} at {} px", style.lang, style.face, call[2]);
            }
        }
    }

    fn fill_p(lang: Lang, p: &str) -> String {
        fill(t(lang, "fig.label.p-value"), &[("p", p)])
    }
}
