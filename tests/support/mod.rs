//! What more than one native test file needs (each uses a part of it).
#![allow(dead_code)]

use losslab::charts::{Axis, Figure, PlotMap, Scale};
use losslab::page::{update, Model, Msg};

/// The fit figure's mapping in CSS pixels: x from −3 to 5 over 0…800, p from 0 to 1 over 400…0.
pub fn fit_map() -> PlotMap {
    PlotMap {
        left: 0.0,
        top: 0.0,
        right: 800.0,
        bottom: 400.0,
        x: Axis::linear(-3.0, 5.0),
        y: Axis { min: 0.0, max: 1.0, scale: Scale::Linear },
    }
}

/// The frames that draw what is due near the viewport (the page's first
/// drawing is of one figure alone); what they drew, in order.
pub fn draw_all(model: &mut Model) -> Vec<Figure> {
    let mut drawn = Vec::new();
    for _ in 0..Figure::ALL.len() + 3 {
        drawn.extend(update(model, Msg::Frame).draw);
        if !model.has_due() {
            break;
        }
    }
    drawn
}

/// Prose as a reader reads it: the spaces that keep a formula whole
/// (U+00A0) read as spaces.
pub fn as_read(text: &str) -> String {
    text.replace('\u{a0}', " ")
}
