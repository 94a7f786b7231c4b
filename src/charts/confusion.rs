//! `confusion`: for each fit, at the page's threshold, how many of the
//! judged points of each class it calls red or green, and the recall of the
//! smaller class — the number an imbalanced data set makes fall.

use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::calibration::{short_name, NARROW};
use super::frame::{y_tick_band, Frame, FrameSpec, Ticks, LABEL};
use super::plot_map::Axis;
use super::style::{Style, TextStyle, Weight, TICK_PX};
use crate::core::comparison::Contender;
use crate::core::confusion::Confusion;
use crate::i18n::{fill, t, t_count, Lang};
use crate::number::format::{fixed, percent_whole};
use crate::scene::ComparisonScene;

/// Counts by actual class (red first) and predicted class (red first).
fn cells(c: &Confusion) -> [[usize; 2]; 2] {
    [[c.true_negatives, c.false_positives], [c.false_negatives, c.true_positives]]
}

pub(super) fn draw<DB: DrawingBackend>(area: &Area<DB>, scene: &ComparisonScene, style: &Style) -> Drawn {
    let lang = style.lang;
    let c = &style.colors;
    let panels = Contender::ALL.len() as f64;
    let (red, green) = (t(lang, "fig.confusion.red"), t(lang, "fig.confusion.green"));
    // Four panels in a row, or two by two on a narrow figure, or where in
    // a row even the short x titles would be set under 12 px (a window a
    // little wider than a phone's, in a face wider than the estimate: they
    // were set at 10.3 px). Only the panels on the left name the rows; the
    // others leave out the names' band, so that every panel's cells are
    // the same size.
    let (w, _) = area.dim_in_pixel();
    let w = f64::from(w);
    let band = y_tick_band(style, [red, green]);
    let unit = (w - band).max(0.0) / panels;
    let recalls: Vec<Option<f64>> =
        scene.fits.iter().map(|fit| fit.card.as_ref().and_then(|card| card.minority_recall)).collect();
    let short_title = |r: f64| fill(t(lang, "fig.confusion.recall.short"), &[("r", percent_whole(r))]);
    let cramped = recalls.iter().flatten().any(|&r| style.text_width(&short_title(r), 12.0) > unit - style.pxf(8.0));
    let narrow = w / style.scale < NARROW || cramped;
    let grid = if narrow { area.split_evenly((2, 2)) } else { vec![area.clone(); 4] };
    let mut map = None;
    for (i, fit) in scene.fits.iter().enumerate() {
        let area = &grid[i];
        let mut spec = FrameSpec::new(Axis::linear(0.0, 2.0), Axis::linear(0.0, 2.0));
        let names_rows = if narrow { i % 2 == 0 } else { i == 0 };
        // Two by two, each panel in an area of its own.
        spec.own_area = narrow;
        spec.columns = if narrow {
            let half = f64::from(area.dim_in_pixel().0).max(1.0);
            (if names_rows { 0.0 } else { (band / half).min(0.5) }, 1.0)
        } else {
            // Each panel a unit wide, the first one the band wider.
            let start = if names_rows { 0.0 } else { band + i as f64 * unit };
            (start / w.max(1.0), (band + (i as f64 + 1.0) * unit) / w.max(1.0))
        };
        // As much room right of the cells as left of them (where the frame
        // keeps 16 pixels): each x title has the whole unit, centred.
        spec.right = if narrow { 6.0 } else { 16.0 };
        // A line for the rows' "true", in every panel, so that their cells align.
        spec.top_extra = TICK_PX;
        spec.x_ticks = Ticks::At(vec![(0.5, red.into()), (1.5, green.into())]);
        spec.y_ticks = if names_rows { Ticks::At(vec![(1.5, red.into()), (0.5, green.into())]) } else { Ticks::None };
        spec.y_title = short_name(fit.contender, lang).into();
        spec.x_title = match recalls[i] {
            Some(r) => fill(t(lang, "fig.confusion.recall"), &[("r", percent_whole(r))]),
            None => t(lang, "fig.confusion.predicted").into(),
        };
        // "pred." where the whole word would be set under 12 px: in a
        // narrow panel, in a face wider than the estimate.
        if let Some(r) = recalls[i] {
            let unit = if narrow { w / 2.0 } else { unit };
            if style.text_width(&spec.x_title, 12.0) > unit - style.pxf(8.0) {
                spec.x_title_short = short_title(r);
            }
        }
        let frame = Frame::draw(area, style, &spec)?;
        if names_rows {
            // What the rows are, over their names, as the x title says what
            // the columns are.
            let (left, top, ..) = frame.rect();
            let set = TextStyle::regular(TICK_PX, c.muted, (HPos::Right, VPos::Bottom));
            frame.text(area, t(lang, "fig.confusion.true"), (left - style.pxf(8.0), top - style.pxf(2.0)), set)?;
        }
        match &fit.card {
            Some(card) => {
                for (actual, row) in cells(&card.confusion).iter().enumerate() {
                    let total = (row[0] + row[1]).max(1) as f64;
                    // Actual red on the top row, green below; predicted red on the left.
                    let y0 = if actual == 0 { 1.0 } else { 0.0 };
                    for (predicted, &n) in row.iter().enumerate() {
                        let x0 = predicted as f64;
                        let right = predicted == actual;
                        let tint = if right { c.class(actual == 1) } else { c.axis };
                        // Opaque: the row names' gridlines do not cross the counts.
                        let shade = c.over(tint, 0.1 + 0.55 * n as f64 / total);
                        frame.bar(area, (x0 + 0.03, y0 + 0.03), (x0 + 0.97, y0 + 0.97), shade)?;
                        let set =
                            TextStyle::new(LABEL + 2.0, c.text, Weight::bold_if(right), (HPos::Center, VPos::Center));
                        frame.text(area, &n.to_string(), frame.p(x0 + 0.5, y0 + 0.5), set)?;
                    }
                }
            }
            None => {
                let why = match &fit.model {
                    Err(e) => e.message().text(lang),
                    Ok(_) => t(lang, "fig.note.no-points").into(),
                };
                frame.text(
                    area,
                    &why,
                    frame.p(1.0, 1.0),
                    TextStyle::regular(LABEL - 1.0, c.muted, (HPos::Center, VPos::Center)),
                )?;
            }
        }
        let drawn = frame.finish(area)?;
        map.get_or_insert(drawn);
    }
    Ok(map.expect("four panels"))
}

pub(super) fn alt_text(scene: &ComparisonScene, lang: Lang) -> String {
    let fits: Vec<String> = scene
        .fits
        .iter()
        .filter_map(|f| {
            let card = f.card.as_ref()?;
            let [[tn, fp], [fn_, tp]] = cells(&card.confusion);
            Some(fill(
                t(lang, "fig.confusion.alt-fit"),
                &[
                    ("fit", short_name(f.contender, lang).to_owned()),
                    ("tn", tn.to_string()),
                    ("fp", fp.to_string()),
                    ("fn", fn_.to_string()),
                    ("tp", tp.to_string()),
                    ("recall", card.minority_recall.map_or_else(|| "—".to_owned(), percent_whole)),
                ],
            ))
        })
        .collect();
    // The calibration figure's sentence says it of both.
    if fits.is_empty() {
        return t(lang, "fig.calibration.none").into();
    }
    fill(
        t_count(lang, scene.evaluated, ["fig.confusion.alt", "fig.confusion.alt-one"]),
        &[
            ("n", scene.evaluated.to_string()),
            ("th", fixed(scene.options.threshold, 2)),
            ("fits", fits.join(lang.sentence_gap())),
        ],
    )
}

#[cfg(test)]
mod tests {
    use crate::charts::painting::{painted, test_styles, text_box, Op};
    use crate::charts::Figure;
    use crate::i18n::t;
    use crate::scene::Scene;
    use crate::state::State;

    /// Each panel's x title, what the columns are and the recall, is read
    /// at 12 px or more, and all four alike: "pred." where "predicted"
    /// would be set smaller, two by two where even that would. On a phone
    /// of 320 pixels, whole, it was set at 10.4 px in a face 13 % wider
    /// than the estimate; four in a row in a window of some 550 pixels,
    /// short, at 10.3 px.
    #[test]
    fn each_panel_names_its_columns_at_12_px_or_more() {
        let scene = Scene::from_state(&State::default());
        for style in test_styles() {
            // Phones of 320 and 360 pixels (columns of 294 and 334, 5 wide
            // to 6 high), then wider columns, 16:9.
            let wider = [520, 540, 560, 580, 600, 640, 696].map(|w| (w, w * 9 / 16));
            for size in [(294, 353), (334, 400)].into_iter().chain(wider) {
                let painting = painted(Figure::Confusion, size, &scene, &style);
                let titles: Vec<(&str, f64)> = painting
                    .text_calls()
                    .filter(|(text, _)| text.contains("recall") || text.contains("召回率"))
                    .map(|(text, call)| (text, call[2]))
                    .collect();
                let said = format!("{:?} ×{} {size:?}: {titles:?}", style.lang, style.face);
                assert_eq!(titles.len(), 4, "{said}");
                assert!(titles.iter().all(|&(_, px)| px >= 12.0 && (px - titles[0].1).abs() < 1e-9), "{said}");
            }
        }
    }

    /// The panels' words side by side never meet: each x title keeps to its
    /// panel (in faces as much as 20 % wider than the estimate, where they
    /// ran into each other), and the rows' "true" keeps off the panel's name.
    #[test]
    fn no_two_words_of_the_panels_meet() {
        let scene = Scene::from_state(&State::default());
        for style in test_styles() {
            let (lang, face) = (style.lang, style.face);
            // As wide as exported, and on phones of 360 and 320 pixels, whose
            // column shows the panels two by two, 5 wide to 6 high.
            for size in [crate::charts::export::size(Figure::Confusion), (334, 400), (294, 353)] {
                let painting = painted(Figure::Confusion, size, &scene, &style);
                let words = painting.words();
                let boxes: Vec<(&str, [f64; 4])> = painting
                    .calls()
                    .filter(|&(code, call)| code == Op::Text as u8 && call[7] == 0.0)
                    .map(|(_, call)| (words[call[8] as usize], text_box(call, words[call[8] as usize], &style)))
                    .collect();
                assert!(boxes.iter().any(|(text, _)| *text == t(lang, "fig.confusion.true")), "{lang:?} {size:?}");
                for (i, (a, p)) in boxes.iter().enumerate() {
                    for (b, q) in &boxes[i + 1..] {
                        let meet = p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3];
                        assert!(!meet, "{lang:?} ×{face} {size:?}: {a:?} {p:?} meets {b:?} {q:?}");
                    }
                }
            }
        }
    }
}
