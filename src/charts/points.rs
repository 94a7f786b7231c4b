//! `points`: the points on the x axis, each class with its own colour and marker.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::text_anchor::{HPos, VPos};

use super::frame::{clear, Frame, FrameSpec, Ticks, LABEL};
use super::{num, num_list, Axis, DrawError, PlotMap, Style};
use crate::i18n::{fill, t};
use crate::scene::{BinaryPoint, BinaryScene};
use crate::state::Lang;

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scene: &BinaryScene,
    style: &Style,
) -> Result<PlotMap, DrawError> {
    clear(area, style)?;
    let mut spec = FrameSpec::new(Axis::linear(scene.x_range.0, scene.x_range.1), Axis::linear(-1.0, 1.0));
    spec.y_ticks = Ticks::None;
    spec.x_axis_at_zero = true;
    spec.x_title = "x".into();
    let mut frame = Frame::draw(area, style, &spec)?;
    let c = &style.colors;
    class_key(&mut frame, area, style)?;
    for pt in &scene.points {
        frame.marker(area, frame.p(pt.x, 0.0), pt.green, c.class(pt.green), 6.5)?;
    }
    if let Some(pt) = scene.highlighted() {
        let at = frame.p(pt.x, 0.0);
        frame.ring(area, at, 11.0)?;
        let label = format!("x = {}", num(pt.x, 2));
        frame.label(area, &label, &[(at.0, at.1 - style.pxf(16.0))], LABEL, c.text, true, (HPos::Center, VPos::Bottom))?;
    }
    if scene.skipped > 0 {
        frame.note(area, &fill(t(style.lang, "fig.note.skipped"), &[("n", scene.skipped.to_string())]))?;
    }
    Ok(frame.map)
}

/// The two classes' markers with their names, top right: the one place a key
/// is needed, since markers cannot be labelled one by one.
pub(super) fn class_key<DB: DrawingBackend>(
    frame: &mut Frame,
    area: &DrawingArea<DB, Shift>,
    style: &Style,
) -> Result<(), DrawError> {
    // On the x title's line, right-aligned: out of the data's way. Where the
    // full labels would reach the centred x title (a narrow figure), the key
    // keeps only "y = 1" / "y = 0": marker and colour already name the class.
    let (left, _, right, bottom) = frame.rect();
    let c = &style.colors;
    let y = bottom + style.pxf(38.0);
    let key = |short: bool, positive: bool| {
        let key = match (short, positive) {
            (false, true) => "fig.class.positive",
            (false, false) => "fig.class.negative",
            (true, true) => "fig.class.positive.short",
            (true, false) => "fig.class.negative.short",
        };
        t(style.lang, key)
    };
    // An estimate, not the backend's measure: plotters measures web text with
    // an inline-styled element, which the page's CSP forbids. The margin
    // covers fonts wider than the estimate.
    let width = |label: &str| style.text_width(label, LABEL) * 1.15;
    let span = |short: bool| -> f64 { [false, true].iter().map(|&p| width(key(short, p)) + style.pxf(36.0)).sum() };
    let title_room = (right - left) / 2.0 - style.pxf(24.0);
    let short = span(false) > title_room;
    frame.in_axes_layer(|frame| {
        let mut x = right;
        for positive in [false, true] {
            let label = key(short, positive);
            let w = width(label);
            frame.text(area, label, (x, y), LABEL, c.text, (HPos::Right, VPos::Center))?;
            frame.marker(area, (x - w - style.pxf(10.0), y), positive, c.class(positive), 5.0)?;
            frame.reserve([x - w - style.pxf(18.0), y - style.pxf(9.0), x, y + style.pxf(9.0)]);
            x -= w + style.pxf(36.0);
        }
        Ok(())
    })
}

pub fn alt_text(scene: &BinaryScene, lang: Lang) -> String {
    let (pos, neg): (Vec<&BinaryPoint>, Vec<&BinaryPoint>) = scene.points.iter().partition(|p| p.green);
    fill(
        t(lang, "fig.points.alt"),
        &[
            ("n", scene.points.len().to_string()),
            ("npos", pos.len().to_string()),
            ("nneg", neg.len().to_string()),
            ("pos", num_list(pos.iter().map(|p| p.x), 1, lang)),
            ("neg", num_list(neg.iter().map(|p| p.x), 1, lang)),
        ],
    )
}
