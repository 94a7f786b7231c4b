//! `softmax-regions`: the points of K classes in the plane, the regions
//! where each class wins shaded in its colour (paler where the model is less
//! sure), and the boundaries between them as lines.

use std::cell::RefCell;

use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Done, Drawn};
use super::class_marks::class_mark;
use super::frame::{Frame, FrameSpec, Note, Stroke, Ticks};
use super::image::{CellBackend, Cells};
use super::lines::r;
use super::plot_map::Axis;
use super::style::{Style, TextStyle, LABEL_PX};
use crate::core::array::first_max;
use crate::core::softmax_fit::{SoftmaxFitError, SoftmaxModel};
use crate::i18n::{fill, sentences, t, Lang};
use crate::number::format::{percent_tenths, readout};
use crate::scene::SoftmaxScene;
use crate::state::{PLANE_X_RANGE, PLANE_Y_RANGE};

/// The side of a shaded cell, at scale 1: small enough that the smooth
/// stretch shows no steps, large enough to cost little (a 700 × 330 plot is
/// 15 000 cells).
const CELL_CSS: f64 = 4.0;

pub(super) fn draw<DB: CellBackend>(area: &Area<DB>, scene: &SoftmaxScene, style: &Style) -> Drawn {
    let lang = style.lang;
    let axis = |range: &std::ops::RangeInclusive<f64>| Axis::linear(*range.start(), *range.end());
    let mut spec = FrameSpec::new(axis(&PLANE_X_RANGE), axis(&PLANE_Y_RANGE));
    spec.equal_aspect = true;
    spec.y_ticks = Ticks::Auto(6);
    spec.x_title = t(lang, "fig.softmax-regions.x").into();
    spec.y_title = t(lang, "fig.softmax-regions.y").into();
    spec.notes_above.extend(figure_note(scene, lang).map(Note::from));
    let mut frame = Frame::draw(area, style, &spec)?;
    key(&mut frame, area, scene.classes)?;
    if let Some(model) = &scene.model {
        area.draw(&regions(&frame, model, style))?;
        boundaries(&frame, area, model)?;
    }
    let c = &style.colors;
    for p in &scene.points {
        class_mark(&frame, area, frame.p(p.x, p.y), p.class, c.plane_class(p.class), 4.5)?;
    }
    if let Some(p) = scene.selected.and_then(|i| scene.points.get(i)) {
        let ring = Stroke::solid(c.accent, 2.5);
        circle(&frame, area, frame.p(p.x, p.y), 10.0, ring)?;
    }
    if let Some(p) = scene.highlight.and_then(|i| scene.points.get(i)) {
        frame.ring(area, frame.p(p.x, p.y), 12.0)?;
    }
    frame.finish(area)
}

thread_local! {
    /// The cells last worked out, with what they were worked out from: the
    /// figure redrawn for the same model at the same size (a point chosen,
    /// the page scrolled back to it, a tooltip) takes them as they are.
    static LAST: RefCell<Option<(Vec<u64>, Cells)>> = const { RefCell::new(None) };
}

/// [`shade`], or the same cells as last time when nothing they depend on changed.
fn regions(frame: &Frame, model: &SoftmaxModel, style: &Style) -> Cells {
    let key = inputs(frame, model, style);
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        match &*last {
            Some((was, cells)) if *was == key => cells.clone(),
            _ => {
                let cells = shade(frame, model, style);
                *last = Some((key, cells.clone()));
                cells
            }
        }
    })
}

/// Everything [`shade`] reads, bit for bit: the model, the plot's rectangle
/// and ranges, the cell size, the colours.
fn inputs(frame: &Frame, model: &SoftmaxModel, style: &Style) -> Vec<u64> {
    let (left, top, right, bottom) = frame.rect();
    let (x, y) = (frame.map.x, frame.map.y);
    let numbers = model.coef.iter().chain(&model.intercept).copied();
    let placement = [left, top, right, bottom, style.pxf(CELL_CSS), x.min, x.max, y.min, y.max];
    let colors = (0..model.classes()).map(|k| style.colors.plane_class(k)).chain([style.colors.background]);
    let rgb = |c: plotters::style::RGBColor| f64::from(u32::from(c.0) << 16 | u32::from(c.1) << 8 | u32::from(c.2));
    numbers.chain(placement).chain(colors.map(rgb)).map(f64::to_bits).collect()
}

/// Every plot cell's colour: its winning class, at an opacity that grows
/// from 10 % where every class is equally likely to 55 % where the winner
/// is certain.
fn shade(frame: &Frame, model: &SoftmaxModel, style: &Style) -> Cells {
    let (left, top, right, bottom) = frame.rect();
    let cell = style.pxf(CELL_CSS).max(1.0);
    let (cols, rows) = (((right - left) / cell).ceil().max(1.0) as u32, ((bottom - top) / cell).ceil().max(1.0) as u32);
    let map = &frame.map;
    let k = model.classes();
    let w = model.coef_rows();
    let uniform = 1.0 / k as f64;
    let mut rgba = Vec::with_capacity((cols * rows * 4) as usize);
    let mut z = vec![0.0; k];
    for j in 0..rows {
        let y = map.y.at_fraction(1.0 - (f64::from(j) + 0.5) / f64::from(rows));
        for i in 0..cols {
            let x = map.x.at_fraction((f64::from(i) + 0.5) / f64::from(cols));
            for (c, zc) in z.iter_mut().enumerate() {
                *zc = w[c][0] * x + w[c][1] * y + model.intercept[c];
            }
            let (winner, top) = first_max(&z);
            let p = 1.0 / z.iter().map(|&v| (v - top).exp()).sum::<f64>();
            let sure = ((p - uniform) / (1.0 - uniform)).clamp(0.0, 1.0);
            let mixed = style.colors.over(style.colors.plane_class(winner), 0.1 + 0.45 * sure);
            rgba.extend_from_slice(&[mixed.0, mixed.1, mixed.2, 255]);
        }
    }
    Cells { corners: [(r(left), r(top)), (r(right), r(bottom))], size: (cols, rows), rgba }
}

/// The boundary between each two classes where both beat every other: the
/// line where their logits tie, cut to the plot and to where the third
/// classes' logits lie below.
fn boundaries<DB: CellBackend>(frame: &Frame, area: &Area<DB>, model: &SoftmaxModel) -> Done {
    let w = model.coef_rows();
    let b = &model.intercept;
    let k = model.classes();
    let (x, y) = (frame.map.x, frame.map.y);
    let stroke = Stroke::solid(frame.style.colors.text, 1.5);
    for a in 0..k {
        for c in a + 1..k {
            // The tie (w_a − w_c)·p + (b_a − b_c) = 0, as p(t) = p0 + t·d.
            let n = [w[a][0] - w[c][0], w[a][1] - w[c][1]];
            let length2 = n[0] * n[0] + n[1] * n[1];
            if length2 < 1e-24 {
                continue;
            }
            let offset = -(b[a] - b[c]) / length2;
            let (p0, d) = ([n[0] * offset, n[1] * offset], [-n[1], n[0]]);
            // Each constraint reads `value + slope·t ≥ 0`.
            let mut constraints =
                vec![(p0[0] - x.min, d[0]), (x.max - p0[0], -d[0]), (p0[1] - y.min, d[1]), (y.max - p0[1], -d[1])];
            for o in (0..k).filter(|&o| o != a && o != c) {
                let m = [w[a][0] - w[o][0], w[a][1] - w[o][1]];
                constraints.push((m[0] * p0[0] + m[1] * p0[1] + b[a] - b[o], m[0] * d[0] + m[1] * d[1]));
            }
            if let Some((t0, t1)) = interval(&constraints) {
                let at = |t: f64| (p0[0] + t * d[0], p0[1] + t * d[1]);
                frame.line(area, &[at(t0), at(t1)], stroke)?;
            }
        }
    }
    Ok(())
}

/// The values of t where every `value + slope·t ≥ 0`, if they make a segment.
fn interval(constraints: &[(f64, f64)]) -> Option<(f64, f64)> {
    let (mut lo, mut hi) = (f64::NEG_INFINITY, f64::INFINITY);
    for &(value, slope) in constraints {
        if slope > 0.0 {
            lo = lo.max(-value / slope);
        } else if slope < 0.0 {
            hi = hi.min(-value / slope);
        } else if value < 0.0 {
            return None;
        }
    }
    (lo.is_finite() && hi.is_finite() && hi > lo).then_some((lo, hi))
}

/// A circle's outline at an area pixel.
fn circle<DB: CellBackend>(frame: &Frame, area: &Area<DB>, at: (f64, f64), radius_css: f64, stroke: Stroke) -> Done {
    let style = plotters::style::ShapeStyle::from(stroke.color).stroke_width(frame.style.stroke(stroke.width_css));
    area.draw(&plotters::element::Circle::new((r(at.0), r(at.1)), frame.style.px(radius_css) as u32, style))?;
    Ok(())
}

/// The classes' marks and numbers, right-aligned on the top line.
fn key<DB: CellBackend>(frame: &mut Frame, area: &Area<DB>, classes: usize) -> Done {
    let style = frame.style;
    let (_, _, right, _) = frame.rect();
    let y = style.pxf(18.0);
    let step = style.pxf(30.0);
    let mut x = right - step * classes as f64 + style.pxf(8.0);
    let title = t(style.lang, "fig.softmax-regions.key");
    let text = |frame: &Frame, s: &str, at: (f64, f64)| {
        frame.text(area, s, at, TextStyle::regular(LABEL_PX, style.colors.text, (HPos::Left, VPos::Center)))
    };
    text(frame, title, (x - style.text_width(title, LABEL_PX) - style.pxf(14.0), y))?;
    for class in 0..classes {
        class_mark(frame, area, (x, y), class, style.colors.plane_class(class), 4.5)?;
        text(frame, &class.to_string(), (x + style.pxf(9.0), y))?;
        x += step;
    }
    Ok(())
}

pub(super) fn alt_text(scene: &SoftmaxScene, lang: Lang) -> String {
    // The classes the points are of (K may name more).
    let mut present: Vec<usize> = scene.points.iter().map(|p| p.class).collect();
    present.sort_unstable();
    present.dedup();
    let data = [
        ("n", scene.points.len().to_string()),
        ("k", present.len().to_string()),
        ("class", present.first().map(usize::to_string).unwrap_or_default()),
        ("data", data_name(scene, lang)),
    ];
    let why = fit_note(scene, lang).unwrap_or_default();
    // Regions and boundaries only where there is a model to draw them.
    if scene.model.is_none() {
        let points = match (scene.points.len(), present.len()) {
            (0, _) => "fig.softmax-regions.alt-none",
            (1, _) => "fig.softmax-regions.alt-point",
            (_, 1) => "fig.softmax-regions.alt-points-one-class",
            _ => "fig.softmax-regions.alt-points",
        };
        return sentences(lang, &[fill(t(lang, points), &data), why]);
    }
    let fit = [
        ("accuracy", percent_tenths(scene.accuracy.unwrap_or(f64::NAN))),
        ("ce", readout(scene.mean_cross_entropy.unwrap_or(f64::NAN), 4)),
    ];
    let text = fill(t(lang, "fig.softmax-regions.alt"), &[data.as_slice(), &fit].concat());
    sentences(lang, &[text, why])
}

/// Why the plane's fit is missing ("No fit: …") or is no optimum ("Not an
/// optimum: …"), when it is either.
pub(super) fn fit_note(scene: &SoftmaxScene, lang: Lang) -> Option<String> {
    note(scene, lang, |error| error.message().text(lang))
}

/// The figure's own note, above the plot: [`fit_note`], but for separable
/// classes, the commonest case, in short, which leaves the plot room on a
/// phone (the status line and the description give the remedy).
fn figure_note(scene: &SoftmaxScene, lang: Lang) -> Option<String> {
    note(scene, lang, |error| match error {
        SoftmaxFitError::Separable => t(lang, "fig.softmax-regions.separable").into(),
        error => error.message().text(lang),
    })
}

/// "No fit: …" or "Not an optimum: …", with `why` the scene's error says.
fn note(scene: &SoftmaxScene, lang: Lang, why: impl FnOnce(&SoftmaxFitError) -> String) -> Option<String> {
    let error = scene.fit_error.as_ref()?;
    let key = if scene.model.is_some() { "fig.note.softmax-not-optimal" } else { "fig.note.softmax-no-fit" };
    Some(fill(t(lang, key), &[("why", why(error))]))
}

/// Whose points these are, to open a description: "The blobs data", or
/// "Your own data" where the reader moved, added or removed points.
fn data_name(scene: &SoftmaxScene, lang: Lang) -> String {
    use crate::core::data::PlaneDataSet::*;
    let Some(data) = scene.data else { return t(lang, "fig.softmax-regions.data-own").into() };
    let name = match data {
        Blobs => "softmax-data.blobs",
        Overlap => "softmax-data.overlap",
        Imbalanced => "softmax-data.imbalanced",
        Ring => "softmax-data.ring",
    };
    fill(t(lang, "fig.softmax-regions.data"), &[("name", t(lang, name))])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Separable classes without a penalty: the figure says so in short,
    /// above the plot, where on a phone as wide it covers no point (the
    /// error's whole sentence took seven lines over them).
    #[test]
    fn the_separable_note_stands_above_the_plot_on_a_phone_too() {
        use crate::charts::painting::{painted, text_box, Op};
        use crate::charts::{Figure, Style};
        use crate::scene::Scene;
        use crate::state::State;
        let query = "softmax-reg=off&softmax-pts=-2:0:0,-1:1:0,2:0:1,3:1:1,0:3:2,1:4:2";
        let scene = Scene::from_state(&State::from_query(query).state);
        for lang in [Lang::En, Lang::Zh] {
            let style = Style { lang, ..Style::default() };
            let note = figure_note(&scene.softmax, lang).expect("separable points have a note");
            assert!(note.contains(t(lang, "fig.softmax-regions.separable")), "{note}");
            for size in [(696, 392), (334, 250)] {
                let painting = painted(Figure::SoftmaxRegions, size, &scene, &style);
                let words = painting.words();
                let texts: Vec<(&str, [f64; 4], f64)> = painting
                    .calls()
                    .filter(|&(code, call)| code == Op::Text as u8 && call[7] == 0.0)
                    .map(|(_, call)| {
                        let text = words[call[8] as usize];
                        (text, text_box(call, text, &style), call[5])
                    })
                    .collect();
                // The y axis' tick labels, set right of their anchor: the
                // highest one's middle is at or below the plot's top.
                let number = |text: &str| text.replace('−', "-").parse::<f64>().is_ok();
                let highest_tick = texts
                    .iter()
                    .filter(|(text, _, align)| number(text) && *align == 2.0)
                    .map(|(_, b, _)| (b[1] + b[3]) / 2.0)
                    .fold(f64::MAX, f64::min);
                let lines: Vec<_> = texts.iter().filter(|(text, ..)| note.contains(text) && text.len() > 3).collect();
                assert!(!lines.is_empty(), "{lang:?} {size:?}: no line of {note:?}");
                for (text, [_, _, _, bottom], _) in lines {
                    assert!(
                        *bottom <= highest_tick,
                        "{lang:?} {size:?}: {text:?} reaches {bottom} over the plot (tick at {highest_tick})"
                    );
                }
            }
        }
    }

    /// The description names the preset only while the points are the
    /// preset's: once the reader moved, added or removed one, they are
    /// the reader's own.
    #[test]
    fn the_description_names_the_data_the_points_are() {
        use crate::scene::Scene;
        use crate::state::State;
        let said = |query: &str, lang| alt_text(&Scene::from_state(&State::from_query(query).state).softmax, lang);
        assert!(said("", Lang::En).starts_with("The blobs data: 150 points of 3 classes"), "{}", said("", Lang::En));
        assert!(
            said("softmax-data=ring", Lang::Zh).starts_with("圆环数据：平面上 3 个类别的"),
            "{}",
            said("", Lang::Zh)
        );
        let own = "softmax-pts=-2:0:0,-1:1:0,2:0:1,3:1:1,0:3:2,1:4:2";
        assert!(said(own, Lang::En).starts_with("Your own data: 6 points of 3 classes"), "{}", said(own, Lang::En));
        assert!(said(own, Lang::Zh).starts_with("你自己的数据：平面上 3 个类别的 6 个点"), "{}", said(own, Lang::Zh));
    }

    #[test]
    fn an_interval_is_where_every_constraint_holds() {
        assert_eq!(interval(&[(1.0, 1.0), (2.0, -1.0)]), Some((-1.0, 2.0)));
        assert_eq!(interval(&[(1.0, 1.0), (-2.0, -1.0)]), None);
        assert_eq!(interval(&[(-1.0, 0.0), (1.0, 1.0), (1.0, -1.0)]), None);
    }
}
