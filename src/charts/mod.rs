//! One drawing function per figure, generic over plotters' `DrawingBackend`:
//! the same code draws to a canvas on the page and to SVG natively.
//!
//! Each figure module has `draw(area, scene, style) -> Result<PlotMap, DrawError>`
//! and `alt_text(scene, lang) -> String`; [`draw`] and [`alt_text`] dispatch on
//! [`Figure`]. Figures read only the [`Scene`]: they compute nothing a reader
//! sees, they only place it. `charts` knows nothing about the DOM.

use plotters::coord::Shift;
use plotters::drawing::DrawingAreaErrorKind;
use plotters::prelude::{DrawingArea, DrawingBackend};

use crate::scene::Scene;
use crate::state::Lang;

pub mod style;
pub use style::{Colors, Layers, Style};

pub mod export;

mod frame;

mod cce;
mod fit;
mod focal_curves;
mod focal_fit;
mod focal_points;
mod logits_stability;
mod neglog;
mod point_losses;
mod points;
mod prob_bars;
mod smoothing_gradient;
mod smoothing_logits;
mod smoothing_targets;

/// Every figure of the page. Its [`Figure::name`] is a public contract:
/// `data-figure` on the page, `?embed=` in URLs, export file names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Figure {
    Points,
    Fit,
    GreenBars,
    RedBars,
    TrueClassBars,
    NegLog,
    PointLosses,
    LogitsStability,
    Cce,
    FocalCurves,
    FocalPoints,
    FocalFit,
    SmoothingTargets,
    SmoothingLogits,
    SmoothingGradient,
}

pub use crate::scene::Deps;

impl Figure {
    /// Every figure, in page order.
    pub const ALL: [Figure; 15] = [
        Figure::Points,
        Figure::Fit,
        Figure::GreenBars,
        Figure::RedBars,
        Figure::TrueClassBars,
        Figure::NegLog,
        Figure::PointLosses,
        Figure::LogitsStability,
        Figure::Cce,
        Figure::FocalCurves,
        Figure::FocalPoints,
        Figure::FocalFit,
        Figure::SmoothingTargets,
        Figure::SmoothingLogits,
        Figure::SmoothingGradient,
    ];

    pub const fn name(self) -> &'static str {
        match self {
            Figure::Points => "points",
            Figure::Fit => "fit",
            Figure::GreenBars => "green-bars",
            Figure::RedBars => "red-bars",
            Figure::TrueClassBars => "true-class-bars",
            Figure::NegLog => "neglog",
            Figure::PointLosses => "point-losses",
            Figure::LogitsStability => "logits-stability",
            Figure::Cce => "cce",
            Figure::FocalCurves => "focal-curves",
            Figure::FocalPoints => "focal-points",
            Figure::FocalFit => "focal-fit",
            Figure::SmoothingTargets => "smoothing-targets",
            Figure::SmoothingLogits => "smoothing-logits",
            Figure::SmoothingGradient => "smoothing-gradient",
        }
    }

    pub fn from_name(name: &str) -> Option<Figure> {
        Figure::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The i18n key of the figure's title (`i18n::t(lang, figure.title_key())`).
    pub const fn title_key(self) -> &'static str {
        match self {
            Figure::Points => "fig.points.title",
            Figure::Fit => "fig.fit.title",
            Figure::GreenBars => "fig.green-bars.title",
            Figure::RedBars => "fig.red-bars.title",
            Figure::TrueClassBars => "fig.true-class-bars.title",
            Figure::NegLog => "fig.neglog.title",
            Figure::PointLosses => "fig.point-losses.title",
            Figure::LogitsStability => "fig.logits-stability.title",
            Figure::Cce => "fig.cce.title",
            Figure::FocalCurves => "fig.focal-curves.title",
            Figure::FocalPoints => "fig.focal-points.title",
            Figure::FocalFit => "fig.focal-fit.title",
            Figure::SmoothingTargets => "fig.smoothing-targets.title",
            Figure::SmoothingLogits => "fig.smoothing-logits.title",
            Figure::SmoothingGradient => "fig.smoothing-gradient.title",
        }
    }

    /// The parts of the scene this figure reads.
    pub const fn depends_on(self) -> Deps {
        match self {
            Figure::Points
            | Figure::Fit
            | Figure::GreenBars
            | Figure::RedBars
            | Figure::TrueClassBars
            | Figure::NegLog
            | Figure::PointLosses => Deps::BINARY,
            Figure::LogitsStability => Deps::STABILITY,
            Figure::Cce => Deps::CCE,
            Figure::FocalCurves => Deps::FOCAL,
            Figure::FocalPoints | Figure::FocalFit => Deps::BINARY.union(Deps::FOCAL),
            Figure::SmoothingTargets | Figure::SmoothingLogits | Figure::SmoothingGradient => {
                Deps::LABEL_SMOOTHING
            }
        }
    }
}

/// A figure that could not be drawn: the backend failed (the message says how).
/// Scene values never cause one: they are clamped or left out, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrawError(pub String);

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "could not draw the figure: {}", self.0)
    }
}

impl std::error::Error for DrawError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for DrawError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        DrawError(e.to_string())
    }
}

/// How one axis maps data to the screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scale {
    Linear,
    /// sign(v)·log10(1 + |v|): linear near 0, logarithmic far out, for
    /// ranges like −1000 … 1000 where both 16 and 1000 matter.
    SymLog,
}

impl Scale {
    pub fn forward(self, v: f64) -> f64 {
        match self {
            Scale::Linear => v,
            Scale::SymLog => v.signum() * v.abs().ln_1p() / std::f64::consts::LN_10,
        }
    }

    pub fn inverse(self, u: f64) -> f64 {
        match self {
            Scale::Linear => u,
            Scale::SymLog => u.signum() * (10f64.powf(u.abs()) - 1.0),
        }
    }
}

/// One axis: its data range and scale. For figures with one slot per point
/// or class (bars side by side), the data coordinate is the slot index.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    pub min: f64,
    pub max: f64,
    pub scale: Scale,
}

impl Axis {
    pub const fn linear(min: f64, max: f64) -> Axis {
        Axis { min, max, scale: Scale::Linear }
    }

    /// Where `v` falls between `min` (0) and `max` (1).
    pub fn fraction(&self, v: f64) -> f64 {
        let (a, b) = (self.scale.forward(self.min), self.scale.forward(self.max));
        (self.scale.forward(v) - a) / (b - a)
    }

    pub fn at_fraction(&self, f: f64) -> f64 {
        let (a, b) = (self.scale.forward(self.min), self.scale.forward(self.max));
        self.scale.inverse(a + f * (b - a))
    }
}

/// Where a figure's plot sits, in backend pixels, and what it shows: enough
/// for the page to map a mouse position to data and back (high-DPI included,
/// since the backend's pixels are the canvas' pixels). For figures with two
/// panels this is the main (first) panel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotMap {
    /// Left edge of the plot area (x = `x.min`).
    pub left: f64,
    /// Top edge (y = `y.max`).
    pub top: f64,
    /// Right edge (x = `x.max`).
    pub right: f64,
    /// Bottom edge (y = `y.min`).
    pub bottom: f64,
    pub x: Axis,
    pub y: Axis,
}

impl PlotMap {
    /// The backend pixel of a data point.
    pub fn to_pixel(&self, x: f64, y: f64) -> (f64, f64) {
        (self.x_pixel(x), self.y_pixel(y))
    }

    /// The backend pixel column of data x: a curve maps hundreds of points,
    /// so one coordinate is not computed for the sake of the other.
    pub fn x_pixel(&self, x: f64) -> f64 {
        self.left + self.x.fraction(x) * (self.right - self.left)
    }

    /// The backend pixel row of data y.
    pub fn y_pixel(&self, y: f64) -> f64 {
        self.bottom - self.y.fraction(y) * (self.bottom - self.top)
    }

    /// The data point under a backend pixel.
    pub fn to_data(&self, px: f64, py: f64) -> (f64, f64) {
        (
            self.x.at_fraction((px - self.left) / (self.right - self.left)),
            self.y.at_fraction((self.bottom - py) / (self.bottom - self.top)),
        )
    }

    /// True when the pixel lies inside the plot area.
    pub fn contains(&self, px: f64, py: f64) -> bool {
        (self.left..=self.right).contains(&px) && (self.top..=self.bottom).contains(&py)
    }
}

/// Draws `figure` of `scene` onto `area`, filling it.
pub fn draw<DB: DrawingBackend>(
    figure: Figure,
    area: &DrawingArea<DB, Shift>,
    scene: &Scene,
    style: &Style,
) -> Result<PlotMap, DrawError> {
    match figure {
        Figure::Points => points::draw(area, &scene.binary, style),
        Figure::Fit => fit::draw(area, &scene.binary, style),
        Figure::GreenBars => prob_bars::draw(area, &scene.binary, style, prob_bars::Which::Green),
        Figure::RedBars => prob_bars::draw(area, &scene.binary, style, prob_bars::Which::Red),
        Figure::TrueClassBars => prob_bars::draw(area, &scene.binary, style, prob_bars::Which::TrueClass),
        Figure::NegLog => neglog::draw(area, &scene.binary, style),
        Figure::PointLosses => point_losses::draw(area, &scene.binary, style),
        Figure::LogitsStability => logits_stability::draw(area, &scene.stability, style),
        Figure::Cce => cce::draw(area, &scene.cce, style),
        Figure::FocalCurves => focal_curves::draw(area, &scene.focal, style),
        Figure::FocalPoints => focal_points::draw(area, &scene.focal, style),
        Figure::FocalFit => focal_fit::draw(area, &scene.focal, &scene.binary, style),
        Figure::SmoothingTargets => smoothing_targets::draw(area, &scene.smoothing, style),
        Figure::SmoothingLogits => smoothing_logits::draw(area, &scene.smoothing, style),
        Figure::SmoothingGradient => smoothing_gradient::draw(area, &scene.smoothing, style),
    }
}

/// A text alternative for `figure` that states its numbers, in `lang`.
pub fn alt_text(figure: Figure, scene: &Scene, lang: Lang) -> String {
    match figure {
        Figure::Points => points::alt_text(&scene.binary, lang),
        Figure::Fit => fit::alt_text(&scene.binary, lang),
        Figure::GreenBars => prob_bars::alt_text(&scene.binary, lang, prob_bars::Which::Green),
        Figure::RedBars => prob_bars::alt_text(&scene.binary, lang, prob_bars::Which::Red),
        Figure::TrueClassBars => prob_bars::alt_text(&scene.binary, lang, prob_bars::Which::TrueClass),
        Figure::NegLog => neglog::alt_text(&scene.binary, lang),
        Figure::PointLosses => point_losses::alt_text(&scene.binary, lang),
        Figure::LogitsStability => logits_stability::alt_text(&scene.stability, lang),
        Figure::Cce => cce::alt_text(&scene.cce, lang),
        Figure::FocalCurves => focal_curves::alt_text(&scene.focal, lang),
        Figure::FocalPoints => focal_points::alt_text(&scene.focal, lang),
        Figure::FocalFit => focal_fit::alt_text(&scene.focal, lang),
        Figure::SmoothingTargets => smoothing_targets::alt_text(&scene.smoothing, lang),
        Figure::SmoothingLogits => smoothing_logits::alt_text(&scene.smoothing, lang),
        Figure::SmoothingGradient => smoothing_gradient::alt_text(&scene.smoothing, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        for f in Figure::ALL {
            assert_eq!(Figure::from_name(f.name()), Some(f));
        }
        let names: std::collections::HashSet<_> = Figure::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(names.len(), Figure::ALL.len());
        assert_eq!(Figure::from_name("nope"), None);
    }

    #[test]
    fn every_title_key_has_a_string() {
        for f in Figure::ALL {
            assert_ne!(crate::i18n::t(Lang::En, f.title_key()), f.title_key());
            assert_ne!(crate::i18n::t(Lang::Zh, f.title_key()), f.title_key());
        }
    }

    #[test]
    fn deps_say_what_a_change_redraws() {
        let redraw = |changed: Deps| Figure::ALL.into_iter().filter(|f| f.depends_on().intersects(changed)).count();
        assert_eq!(redraw(Deps::STABILITY), 1);
        assert_eq!(redraw(Deps::FOCAL), 3);
        assert_eq!(redraw(Deps::LABEL_SMOOTHING), 3);
        assert!(Figure::FocalPoints.depends_on().contains(Deps::BINARY | Deps::FOCAL));
    }

    #[test]
    fn symlog_round_trips() {
        for v in [-1000.0, -16.6, 0.0, 0.5, 88.7, 1000.0] {
            assert!((Scale::SymLog.inverse(Scale::SymLog.forward(v)) - v).abs() < 1e-9);
        }
    }

}
