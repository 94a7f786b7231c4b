//! One drawing per figure, generic over plotters' `DrawingBackend` (with
//! what [`lines::Lines`] and [`image::CellBackend`] add to it): the same
//! code draws to a canvas on the page and to SVG natively.
//!
//! Each chart module has `draw` (its figure of the scene's parts it reads)
//! and `alt_text` (the same in words); `figure` lists every figure once,
//! with its chart. `charts` knows nothing about the DOM.

pub mod backend;
pub mod bins;
pub mod export;
pub mod image;
pub mod painting;
pub mod style;

mod area;
mod error;
mod figure;
mod find;
pub mod frame;
pub mod lines;
mod plot_map;
mod png;

mod calibration;
mod cce;
mod class_marks;
mod confusion;
mod fit;
mod focal_curves;
mod focal_fit;
mod focal_points;
mod gradients;
mod logits_stability;
mod neglog;
mod point_losses;
mod points;
mod prob_bars;
mod smoothing_gradient;
mod smoothing_logits;
mod smoothing_targets;
mod softmax_logits;
mod softmax_probs;
mod softmax_regions;

pub use area::{Area, Drawn};
pub use calibration::short_name as fit_name;
pub use error::DrawError;
pub use figure::{alt_text, draw, Figure, FigureSpec, Pointer, Shape, Shows};
pub use plot_map::{Axis, PlotMap, Scale};
pub use style::{Colors, Style};
