//! `focal-curves`: FL(p_t) = −(1 − p_t)^γ·log p_t for the focal-loss paper's
//! γ, with the reader's γ on top (the paper's figure 1).

use plotters::style::text_anchor::{HPos, VPos};

use super::area::{Area, Drawn};
use super::frame::{Frame, FrameSpec, Stroke, Ticks, LABEL};
use super::lines::Lines;
use super::plot_map::Axis;
use super::style::{Colors, Style, TextStyle, Weight};
use crate::i18n::{fill, t, Lang};
use crate::number::format::fixed;
use crate::scene::{FocalCurve, FocalScene};

fn gamma_text(g: f64, lang: Lang) -> String {
    fill(t(lang, "fig.label.gamma"), &[("g", if g.fract() == 0.0 { fixed(g, 0) } else { fixed(g, 1) })])
}

pub(super) fn draw<DB: Lines>(area: &Area<DB>, scene: &FocalScene, style: &Style) -> Drawn {
    let lang = style.lang;
    let c = &style.colors;
    let mut spec = FrameSpec::new(Axis::linear(0.0, 1.0), Axis::linear(0.0, 5.0));
    spec.x_ticks = Ticks::Auto(5);
    spec.x_title = t(lang, "fig.focal-curves.x").into();
    spec.y_title = t(lang, "fig.focal-curves.y").into();
    spec.right = 28.0;
    let mut frame = Frame::draw(area, style, &spec)?;
    frame.x_band(area, 0.5, 1.0, Colors::tint(c.accent, 0.06))?;
    let (left, top, right, bottom) = frame.rect();
    frame.label(
        area,
        t(lang, "fig.focal-curves.well"),
        &[(right - style.pxf(8.0), top + style.pxf(8.0))],
        TextStyle::regular(LABEL, c.muted, (HPos::Right, VPos::Top)),
    )?;
    let same = |g: f64| (g - scene.gamma).abs() < 1e-9;
    for curve in &scene.curves {
        if !same(curve.gamma) {
            frame.line(area, &curve.points, Stroke::solid(c.axis, 1.5))?;
        }
    }
    frame.line(area, &scene.current.points, Stroke::solid(c.accent, 3.0))?;
    // The names: the curves run too close together to be named where they
    // run (a name between two would read as either's), so each is named in
    // a column in the room above them, in the order they run, top to
    // bottom, with a leader down to its curve.
    let mut order: Vec<&FocalCurve> = scene.curves.iter().filter(|cv| !same(cv.gamma)).collect();
    // The paper's γ ascend; the reader's goes among them.
    order.insert(order.partition_point(|cv| cv.gamma < scene.gamma), &scene.current);
    let names: Vec<(String, bool)> = order
        .iter()
        .map(|curve| {
            let mine = std::ptr::eq(*curve, &scene.current);
            let name = gamma_text(curve.gamma, lang);
            let text = if mine { fill(t(lang, "fig.focal-curves.current"), &[("g", name)]) } else { name };
            (text, mine)
        })
        .collect();
    let widest = names.iter().map(|(text, _)| style.text_width(text, LABEL)).fold(0.0, f64::max);
    let height = style.pxf(LABEL);
    // The column starts at p_t = 0.42, where the curves have come down
    // (further left where its longest name would pass the plot's edge).
    let x = frame.px(0.42).min(right - widest - style.pxf(4.0));
    // Its rows as low as the top curve leaves room for, so that the leaders
    // are short, but no higher than the band's words (set at the plot's top
    // right, 8 px in) allow: under them where the column would meet them.
    let well = style.text_width(t(lang, "fig.focal-curves.well"), LABEL);
    let meets_well = x + widest > right - style.pxf(8.0) - well - style.pxf(6.0);
    let highest = top + style.pxf(8.0) + height * if meets_well { 1.9 } else { 0.6 };
    let lowest =
        order.first().map_or(bottom, |top_curve| frame.py(value_at(top_curve, frame.data_at((x, top)).0))) - height;
    let rows = order.len().saturating_sub(1).max(1) as f64;
    let pitch = ((lowest - highest) / rows).clamp(height * 1.05, height * 1.5);
    let first = (lowest - rows * pitch).max(highest);
    let leader = Colors::tint(c.muted, 0.7);
    for (k, (curve, (text, mine))) in order.iter().zip(&names).enumerate() {
        let y = first + k as f64 * pitch;
        let color = if *mine { c.accent } else { c.muted };
        let set = TextStyle::new(LABEL, color, Weight::bold_if(*mine), (HPos::Left, VPos::Center));
        frame.text(area, text, (x, y), set)?;
        frame.reserve([x, y - height / 2.0, x + style.text_width(text, LABEL), y + height / 2.0]);
        let from = (x - style.pxf(4.0), y);
        let path: Vec<(f64, f64)> = curve.points.iter().map(|&(p, v)| frame.p(p, v)).collect();
        if let Some(to) = LEADS.iter().find_map(|&slope| meets(from, slope, &path, (left, top, right, bottom))) {
            frame.line(area, &[frame.data_at(from), frame.data_at(to)], Stroke::solid(leader, 1.0))?;
            frame.dot(area, to, if *mine { c.accent } else { c.axis }, 2.5)?;
        }
    }
    frame.finish(area)
}

/// The slopes a leader may go down at, leftwards (pixels down per pixel
/// left): leaders at the first are parallel and never cross; another is
/// tried only where a leader at the first would miss its curve.
const LEADS: [f64; 3] = [1.0, 1.8, 0.6];

/// The value of a sampled curve at p_t, between its samples.
fn value_at(curve: &FocalCurve, p: f64) -> f64 {
    let i = curve.points.partition_point(|q| q.0 < p);
    match (i.checked_sub(1).and_then(|j| curve.points.get(j)), curve.points.get(i)) {
        (Some(&(p0, v0)), Some(&(p1, v1))) if p1 > p0 => v0 + (v1 - v0) * (p - p0) / (p1 - p0),
        (_, Some(&(_, v))) | (Some(&(_, v)), None) => v,
        (None, None) => f64::NAN,
    }
}

/// Where a leader from `from` going down-left at `slope` first meets the
/// line through `path` (area pixels), inside the plot `(left, top, right,
/// bottom)`.
pub(crate) fn meets(
    from: (f64, f64),
    slope: f64,
    path: &[(f64, f64)],
    (left, top, right, bottom): (f64, f64, f64, f64),
) -> Option<(f64, f64)> {
    let (dx, dy) = (-1.0, slope);
    // Which side of the leader's line a point lies on, and how far along it.
    let side = |(x, y): (f64, f64)| dx * (y - from.1) - dy * (x - from.0);
    let along = |(x, y): (f64, f64)| dx * (x - from.0) + dy * (y - from.1);
    let inside = |(x, y): (f64, f64)| (left..=right).contains(&x) && (top..=bottom).contains(&y);
    path.windows(2)
        .filter(|w| w.iter().all(|&(x, y)| x.is_finite() && y.is_finite()))
        .filter_map(|w| {
            let (s0, s1) = (side(w[0]), side(w[1]));
            if s0 == s1 || s0.signum() == s1.signum() && s0 != 0.0 {
                return None;
            }
            let u = s0 / (s0 - s1);
            let at = (w[0].0 + u * (w[1].0 - w[0].0), w[0].1 + u * (w[1].1 - w[0].1));
            (along(at) > 0.0 && inside(at)).then_some(at)
        })
        .min_by(|a, b| along(*a).total_cmp(&along(*b)))
}

pub(super) fn alt_text(scene: &FocalScene, lang: Lang) -> String {
    let [a, b, c] = scene.current_at.map(|(_, v)| fixed(v, 3));
    fill(t(lang, "fig.focal-curves.alt"), &[("g", fixed(scene.gamma, 1)), ("at1", a), ("at5", b), ("at9", c)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::painting::{glyphs, text_box, Op, Painter, Painting};
    use crate::charts::Figure;
    use crate::scene::Scene;
    use crate::state::State;
    use plotters::prelude::IntoDrawingArea;

    #[test]
    fn a_leader_meets_the_line_where_it_first_crosses_it() {
        let plot = (0.0, 0.0, 100.0, 100.0);
        // A line across from (0, 60) to (100, 60): a leader from (50, 40)
        // going down-left at slope 1 meets it 20 pixels down, 20 left.
        let across = [(0.0, 60.0), (100.0, 60.0)];
        assert_eq!(meets((50.0, 40.0), 1.0, &across, plot), Some((30.0, 60.0)));
        // The first of two crossings, going down.
        let twice = [(0.0, 60.0), (100.0, 60.0), (100.0, 80.0), (0.0, 80.0)];
        assert_eq!(meets((50.0, 40.0), 1.0, &twice, plot), Some((30.0, 60.0)));
        // Nothing above the leader's start, nor outside the plot.
        assert_eq!(meets((50.0, 70.0), 1.0, &across, plot), None);
        assert_eq!(meets((10.0, 40.0), 1.0, &across, plot), None);
    }

    /// FL(p) for γ, as the curves are drawn.
    fn focal(gamma: f64, p: f64) -> f64 {
        -(1.0 - p).powf(gamma) * p.ln()
    }

    /// Every curve is named, the names in the order the curves run, top to
    /// bottom; each name's leader ends in a dot on the curve of the γ it
    /// names, and no line runs through a name.
    #[test]
    fn each_name_leads_to_its_own_curve() {
        let mut wrong = Vec::new();
        for query in ["", "gamma=0", "gamma=0.5", "gamma=3", "gamma=5"] {
            let scene = Scene::from_state(&State::from_query(query).state);
            let mut gammas = vec![0.0, 0.5, 1.0, 2.0, 5.0, scene.focal.gamma];
            gammas.sort_by(f64::total_cmp);
            gammas.dedup();
            for lang in [Lang::En, Lang::Zh] {
                let style = Style { lang, ..Style::default() };
                for size in [(696, 392), (334, 250), (294, 220)] {
                    let at = format!("{query:?} {lang:?} {} px", size.0);
                    let mut painting = Painting::default();
                    let map = {
                        let area = Painter::new(&mut painting, size).into_drawing_area();
                        crate::charts::draw(Figure::FocalCurves, &area, &scene, &style).unwrap()
                    };
                    let words = painting.words();
                    let calls: Vec<(u8, &[f64])> = painting.calls().collect();
                    // Every line drawn, as its points (the grid's and the
                    // ticks' level and upright strokes aside).
                    let mut lines: Vec<Vec<(f64, f64)>> = Vec::new();
                    for &(code, call) in &calls {
                        if code == Op::MoveTo as u8 {
                            lines.push(vec![(call[0], call[1])]);
                        } else if code == Op::LineTo as u8 {
                            lines.last_mut().unwrap().push((call[0], call[1]));
                        }
                    }
                    lines.retain(|line| !matches!(line[..], [a, b] if a.0 == b.0 || a.1 == b.1));
                    let dots: Vec<&[f64]> = calls.iter().filter(|c| c.0 == Op::Circle as u8).map(|c| c.1).collect();
                    let names: Vec<(f64, [f64; 4])> = calls
                        .iter()
                        .filter(|c| c.0 == Op::Text as u8)
                        .filter_map(|&(_, call)| {
                            let text = words[call[8] as usize];
                            let number: String = text
                                .strip_prefix("γ = ")?
                                .chars()
                                .take_while(|c| c.is_ascii_digit() || *c == '.')
                                .collect();
                            Some((number.parse().ok()?, text_box(call, text, &style)))
                        })
                        .collect();
                    let named: Vec<f64> = names.iter().map(|n| n.0).collect();
                    if named != gammas {
                        wrong.push(format!("{at}: named {named:?}, top to bottom, for {gammas:?}"));
                        continue;
                    }
                    for &(gamma, text_box @ [left, top, _, bottom]) in &names {
                        if lines.iter().any(|line| crate::charts::frame::runs_through(line, glyphs(text_box))) {
                            wrong.push(format!("{at}: a line runs through γ = {gamma}"));
                        }
                        let start = (left - style.pxf(4.0), (top + bottom) / 2.0);
                        let near = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).hypot(a.1 - b.1) < 1.0;
                        let leader = lines.iter().find(|line| line.len() == 2 && near(line[0], start));
                        let Some(end) = leader.map(|line| line[1]) else {
                            wrong.push(format!("{at}: γ = {gamma} has no leader"));
                            continue;
                        };
                        if !dots.iter().any(|dot| near((dot[0], dot[1]), end)) {
                            wrong.push(format!("{at}: γ = {gamma}'s leader ends in no dot"));
                        }
                        let (p, _) = map.to_data(end.0, end.1);
                        let off = (map.y_pixel(focal(gamma, p)) - end.1).abs();
                        if off > 1.0 {
                            wrong.push(format!("{at}: γ = {gamma}'s leader ends {off:.1} px off its curve"));
                        }
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
