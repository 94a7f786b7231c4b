//! `fit`: the sigmoid p(y = 1 | x) over the points, each point at its (smoothed) target.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::error::DrawError;
use super::frame::{Frame, FrameSpec, Note, Spot, Stroke, Ticks, LABEL};
use super::lines::Lines;
use super::plot_map::Axis;
use super::style::{Style, TextStyle};
use crate::i18n::{fill, sentences, t, t_count, Lang};
use crate::number::format::{fixed, list, signed_term};
use crate::scene::BinaryScene;

pub(super) fn draw<DB: Lines>(area: &Area<DB>, scene: &BinaryScene, style: &Style) -> Drawn {
    let mut spec = probability_frame(scene, style, t(style.lang, "fig.fit.y"));
    spec.notes_above = notes(scene, style, true);
    let mut frame = Frame::draw(area, style, &spec)?;
    let c = &style.colors;
    let (x0, x1) = scene.x_range;
    frame.line(area, &[(x0, 0.5), (x1, 0.5)], Stroke::dashed(c.axis, 1.0))?;
    frame.labels_keep_off_lines = true;
    frame.labels_keep_off_marks = true;
    frame.line(area, &scene.curve, Stroke::solid(c.accent, 2.5))?;
    draw_points_at_targets(&frame, area, scene, style)?;
    let m = scene.model;
    let formula =
        fill(t(style.lang, "fig.fit.formula"), &[("w", fixed(m.coef, 2)), ("b", signed_term(m.intercept, 2))]);
    // In the lower right, clear of the points, under the curve where it
    // rises, or higher up there; else in the upper left, over it; else, for
    // a curve that falls, in the other two corners.
    let (left, top, right, bottom) = frame.rect();
    let (l, r) = (left + style.pxf(8.0), right - style.pxf(8.0));
    let (low, high) = (bottom - style.pxf(10.0), top + style.pxf(8.0));
    let corner = |x: f64, h: HPos, ys: [f64; 3], v: VPos| ys.map(|y| ((x, y), (h, v)));
    let lower = [low, frame.py(0.3), frame.py(0.42)];
    let upper = [high, frame.py(0.75), frame.py(0.62)];
    let spots: Vec<Spot> = [
        corner(r, HPos::Right, lower, VPos::Bottom),
        corner(l, HPos::Left, upper, VPos::Top),
        corner(r, HPos::Right, upper, VPos::Top),
        corner(l, HPos::Left, lower, VPos::Bottom),
    ]
    .concat();
    // A size smaller where only that keeps it clear (a phone).
    let clear = [LABEL, LABEL - 1.0, LABEL - 2.0].into_iter().find_map(|size| {
        spots.iter().find(|&&spot| frame.clear_at(area, &formula, size, spot)).map(|&spot| (spot, size))
    });
    let chosen = clear.or_else(|| frame.best_spot(area, &formula, LABEL, &spots).map(|spot| (spot, LABEL)));
    if let Some(((at, anchor), size)) = chosen {
        frame.label(area, &formula, &[at], TextStyle::bold(size, c.accent, anchor))?;
    }
    frame.finish(area)
}

/// The frame of the figures whose y axis is a probability: 0 … 1, ticks at 0, 0.5, 1.
pub(super) fn probability_frame(scene: &BinaryScene, style: &Style, y_title: &str) -> FrameSpec {
    let mut spec = FrameSpec::new(Axis::linear(scene.x_range.0, scene.x_range.1), Axis::linear(0.0, 1.0));
    spec.y_ticks = Ticks::At(vec![(0.0, "0".into()), (0.5, "0.5".into()), (1.0, "1".into())]);
    spec.x_title = t(style.lang, "fig.label.x").into();
    spec.y_title = y_title.to_string();
    spec.class_key = true;
    let _ = style;
    spec
}

/// Each point at its target (0 or 1, or 0.1 / 0.9 under smoothing), the
/// hovered one ringed.
pub(super) fn draw_points_at_targets<DB: DrawingBackend>(
    frame: &Frame,
    area: &DrawingArea<DB, Shift>,
    scene: &BinaryScene,
    style: &Style,
) -> Result<(), DrawError> {
    for pt in &scene.points {
        frame.mark(area, frame.p(pt.x, pt.target), pt.mark(), style.colors.class(pt.green), 6.0)?;
    }
    if let Some(pt) = scene.highlighted() {
        frame.ring(area, frame.p(pt.x, pt.target), 11.0)?;
        frame.dot(area, frame.p(pt.x, pt.p), style.colors.highlight, 4.0)?;
    }
    Ok(())
}

/// Why there is no fit, and which points are held out, in words, for above
/// the plot: the latter where the figure draws them hollow (`hollow`), not
/// where its bars are the means of bins, which draw no point.
pub(super) fn notes(scene: &BinaryScene, style: &Style, hollow: bool) -> Vec<Note> {
    no_fit_note(scene, style.lang)
        .into_iter()
        .chain(held_out_note(scene, style).filter(|_| hollow))
        .map(Note::from)
        .collect()
}

/// "No fit, so p = 0.5 is shown: …", when the points make no fit.
fn no_fit_note(scene: &BinaryScene, lang: Lang) -> Option<String> {
    scene.fit_error.as_ref().map(|e| fill(t(lang, "fig.note.no-fit"), &[("why", e.message().text(lang))]))
}

/// "Hollow: held out", when some points are.
pub(super) fn held_out_note(scene: &BinaryScene, style: &Style) -> Option<String> {
    let held = scene.points.iter().filter(|p| p.held_out).count();
    let text = t_count(style.lang, held, ["fig.note.held-out", "fig.note.held-out-one"]);
    (held > 0).then(|| fill(text, &[("n", held.to_string())]))
}

pub(super) fn alt_text(scene: &BinaryScene, lang: Lang) -> String {
    let curve = fill(
        t(lang, "fig.fit.alt"),
        &[
            ("w", fixed(scene.model.coef, 4)),
            ("b", signed_term(scene.model.intercept, 4)),
            ("p", list(scene.points.iter().map(|p| p.p), 2, lang)),
        ],
    );
    // The training point the fit serves worst: the largest loss.
    let worst = scene.points.iter().filter(|p| !p.held_out).max_by(|a, b| a.loss.total_cmp(&b.loss));
    let costliest = worst.map(|worst| {
        let class = if worst.green { t(lang, "class.green") } else { t(lang, "class.red") };
        fill(
            t(lang, "fig.fit.alt-costliest"),
            &[
                ("x", fixed(worst.x, 2)),
                ("class", class.to_owned()),
                ("p", fixed(worst.p_true, 2)),
                ("l", fixed(worst.loss, 4)),
            ],
        )
    });
    sentences(lang, &[curve, costliest.unwrap_or_default(), no_fit_note(scene, lang).unwrap_or_default()])
}

/// The states the fits' names are tried in: rising and falling curves, the
/// article's ten points and 400, targets smoothed or not, γ 2 and 5.
#[cfg(test)]
const NAMED_FIT_STATES: [&str; 5] = [
    "",
    "gamma=5&smooth=0.3",
    "data=imbalanced&seed=1&smooth=0.2",
    "pts=-2:1,-1:1,-0.5:1,0.3:0,0.6:1,1:0,2:0,2.5:0,3:0",
    "pts=-2:1,-1:1,-0.5:1,0.3:0,0.6:1,1:0,2:0,2.5:0,3:0&smooth=0.2",
];

/// What covers `name` where `figure` writes it, drawn at `size`: a curve
/// running through it, a point (at its target) under it. `None` where the
/// figure does not write it.
#[cfg(test)]
fn what_covers(
    figure: super::Figure,
    scene: &crate::scene::Scene,
    style: &Style,
    size: (u32, u32),
    name: &str,
) -> Option<Vec<String>> {
    use super::frame::runs_through;
    use super::painting::{curves, glyphs, text_box, Painter, Painting};
    use plotters::prelude::IntoDrawingArea;

    let mut painting = Painting::default();
    let map = {
        let area = Painter::new(&mut painting, size).into_drawing_area();
        super::draw(figure, &area, scene, style).unwrap()
    };
    let call = painting.text_call(name)?;
    let glyphs = glyphs(text_box(call, name, style));
    let mut covers = Vec::new();
    if curves(&painting).iter().any(|curve| runs_through(curve, glyphs)) {
        covers.push(format!("a curve runs through {name:?}"));
    }
    let s = style.pxf(6.0);
    for p in &scene.binary.points {
        let (x, y) = (map.x_pixel(p.x), map.y_pixel(p.target));
        if x + s > glyphs[0] && x - s < glyphs[2] && y + s > glyphs[1] && y - s < glyphs[3] {
            covers.push(format!("the point at x = {} lies under {name:?}", p.x));
        }
    }
    Some(covers)
}

/// What covers the names `names` gives for each of [`NAMED_FIT_STATES`]
/// where `figure` writes them, or that it leaves one out: in both
/// languages, wide and on phones.
#[cfg(test)]
pub(super) fn covered_names(
    figure: super::Figure,
    names: impl Fn(&crate::scene::Scene, Lang) -> Vec<String>,
) -> Vec<String> {
    use crate::scene::Scene;
    use crate::state::State;

    let mut wrong = Vec::new();
    for query in NAMED_FIT_STATES {
        let scene = Scene::from_state(&State::from_query(query).state);
        for lang in [Lang::En, Lang::Zh] {
            let style = Style { lang, ..Style::default() };
            for name in names(&scene, lang) {
                for size in [(696, 392), (334, 250), (294, 220)] {
                    let at = format!("{query:?} {lang:?} {} px", size.0);
                    match what_covers(figure, &scene, &style, size, &name) {
                        None => wrong.push(format!("{at}: {name:?} left out")),
                        Some(covers) => wrong.extend(covers.into_iter().map(|c| format!("{at}: {c}"))),
                    }
                }
            }
        }
    }
    wrong
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::Figure;

    /// The fitted sigmoid's formula is written where neither the curve nor a
    /// point covers it, wide and on phones, in both languages.
    #[test]
    fn the_formula_keeps_clear_of_the_curve_and_the_points() {
        let covered = covered_names(Figure::Fit, |scene, lang| {
            let m = scene.binary.model;
            vec![fill(t(lang, "fig.fit.formula"), &[("w", fixed(m.coef, 2)), ("b", signed_term(m.intercept, 2))])]
        });
        assert!(covered.is_empty(), "{}", covered.join("\n"));
    }
}
