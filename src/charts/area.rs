//! What a chart draws on, and what it gives back: where its data sits.

use plotters::coord::Shift;
use plotters::prelude::DrawingArea;

use super::error::DrawError;
use super::plot_map::PlotMap;

/// The whole of a figure's drawing area, on any backend.
pub type Area<DB> = DrawingArea<DB, Shift>;

/// A drawn figure's mapping between data and pixels, or why it could not be drawn.
pub type Drawn = Result<PlotMap, DrawError>;

/// A part of a figure drawn, or why it could not be.
pub type Done = Result<(), DrawError>;
