//! What every chart does: draw its figure of a scene, and say it in words.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::error::DrawError;
use super::plot_map::PlotMap;
use super::style::Style;
use crate::i18n::Lang;
use crate::scene::Scene;

/// A chart: a figure's drawing and its text alternative, from the scene.
/// Charts read only the scene: they compute nothing a reader sees, they only
/// place it.
pub trait Chart {
    /// Draws the figure onto `area`, filling it, and returns where its data sits.
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, scene: &Scene, style: &Style) -> Result<PlotMap, DrawError>;

    /// The figure's numbers in words, in `lang`.
    fn alt_text(&self, scene: &Scene, lang: Lang) -> String;
}
