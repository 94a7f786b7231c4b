//! The one list of figures. Each figure is one line of [`figures!`]: its
//! variant, its public name, the chart that draws it, its shape, what the
//! pointer may do on it, and the parts of the scene it reads. Its title and
//! text alternative come from the word tables under `fig.<name>.*`. Everything
//! else that names figures — embed links, export sizes, the page's slots,
//! pointer hit-testing, `losslab figures --list` — derives from this list.

use super::area::{Area, Drawn};
use super::frame::clear;
use super::image::CellBackend;
use super::prob_bars::Which;
use super::style::Style;
use super::{
    calibration, cce, confusion, fit, focal_curves, focal_fit, focal_points, gradients, logits_stability, neglog,
    point_losses, points, prob_bars, smoothing_gradient, smoothing_logits, smoothing_targets, softmax_logits,
    softmax_probs, softmax_regions,
};
use crate::i18n::Lang;
use crate::scene::{Deps, Scene};

/// A figure's proportions, on the page and exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A short wide strip (the points on their axis): 4:1, 720 × 180 exported.
    Strip,
    /// The usual figure: 16:9 on wide screens, 720 × 400 exported.
    Standard,
    /// Side-by-side panels: 16:9 on wide screens, taller on narrow ones,
    /// where the panels stack; 720 × 400 exported.
    Panels,
    /// A figure whose notes may take several lines: 16:9 on wide screens,
    /// square on narrow ones, where the notes wrap into more lines and a
    /// 4:3 plot would be left too short to keep them off its data (they
    /// would veil its top); 720 × 400 exported.
    Tall,
}

impl Shape {
    /// The size of an exported figure at scale 1, in pixels.
    pub const fn export_size(self) -> (u32, u32) {
        match self {
            Shape::Strip => (720, 180),
            Shape::Standard | Shape::Panels | Shape::Tall => (720, 400),
        }
    }

    /// The proportions `assets/style.css` gives the figure's box
    /// (`aspect-ratio`), width to height, on wide and on narrow (≤ 520 px)
    /// screens.
    pub const fn aspect(self, narrow: bool) -> (u32, u32) {
        match (self, narrow) {
            (Shape::Strip, false) => (4, 1),
            (Shape::Strip, true) => (16, 7),
            (Shape::Standard | Shape::Panels | Shape::Tall, false) => (16, 9),
            (Shape::Standard, true) => (4, 3),
            (Shape::Panels, true) => (5, 6),
            (Shape::Tall, true) => (1, 1),
        }
    }

    /// The page's `data-shape`, which its style sheet sizes.
    pub const fn name(self) -> &'static str {
        match self {
            Shape::Strip => "strip",
            Shape::Standard => "default",
            Shape::Panels => "panels",
            Shape::Tall => "tall",
        }
    }
}

/// What the pointer and the keyboard may do on a figure: one whose x axis
/// is the points' x, or the plane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pointer {
    /// Nothing: the figure does not show the points.
    None,
    /// Hovering a point's mark highlights it everywhere and shows its numbers.
    Hovers(Shows),
    /// Points can also be clicked (flipped), dragged, added and removed.
    Moves,
    /// The figure is the plane of the softmax demo: its points are chosen,
    /// dragged in two dimensions, added and removed.
    Plane,
}

/// Which points a figure shows, for picking the one under the pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shows {
    All,
    Positive,
    Negative,
}

impl Shows {
    pub fn includes(self, positive: bool) -> bool {
        match self {
            Shows::All => true,
            Shows::Positive => positive,
            Shows::Negative => !positive,
        }
    }
}

/// Everything the page knows of a figure besides its drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FigureSpec {
    /// The public name: `data-figure` on the page, `?embed=` in links, export
    /// file names. A contract with the pages that embed losslab: add, never rename.
    pub name: &'static str,
    /// The key of its title in the word tables: `fig.<name>.title`.
    pub title_key: &'static str,
    pub shape: Shape,
    pub pointer: Pointer,
    /// The parts of the scene it reads: it is redrawn when they change.
    pub deps: Deps,
}

/// One line per figure: `Variant = "name": module(scene parts; extra argument),
/// shape, pointer, scene parts read`. The module's `draw(area, parts…, style,
/// extra)` draws it, its `alt_text(parts…, lang, extra)` says it in words.
macro_rules! figures {
    ($($(#[$doc:meta])* $variant:ident = $name:literal: $chart:ident($($part:ident),+ $(; $extra:expr)?), $shape:ident, $pointer:expr, $deps:expr;)*) => {
        /// Every figure of the page, in page order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Figure {
            $($(#[$doc])* $variant,)*
        }

        const COUNT: usize = [$($name),*].len();

        impl Figure {
            /// Every figure, in page order.
            pub const ALL: [Figure; COUNT] = [$(Figure::$variant),*];

            /// This figure's line of the table.
            pub const fn spec(self) -> FigureSpec {
                match self {
                    $(Figure::$variant => FigureSpec {
                        name: $name,
                        title_key: concat!("fig.", $name, ".title"),
                        shape: Shape::$shape,
                        pointer: $pointer,
                        deps: $deps,
                    },)*
                }
            }
        }

        /// Draws `figure` of `scene` onto `area`, filling it.
        pub fn draw<DB: CellBackend>(figure: Figure, area: &Area<DB>, scene: &Scene, style: &Style) -> Drawn {
            clear(area, style)?;
            match figure {
                $(Figure::$variant => $chart::draw(area, $(&scene.$part,)+ style $(, $extra)?),)*
            }
        }

        /// A text alternative for `figure` that states its numbers, in `lang`.
        pub fn alt_text(figure: Figure, scene: &Scene, lang: Lang) -> String {
            match figure {
                $(Figure::$variant => $chart::alt_text($(&scene.$part,)+ lang $(, $extra)?),)*
            }
        }
    };
}

figures! {
    /// The points on the x axis, each class with its colour and marker.
    Points = "points": points(binary), Strip, Pointer::Moves, Deps::BINARY;
    /// The sigmoid fitted to the points, live.
    Fit = "fit": fit(binary), Standard, Pointer::Moves, Deps::BINARY;
    /// p(green) of each green point.
    GreenBars = "green-bars": prob_bars(binary; Which::Green), Standard, Pointer::Hovers(Shows::Positive), Deps::BINARY;
    /// p(red) of each red point.
    RedBars = "red-bars": prob_bars(binary; Which::Red), Standard, Pointer::Hovers(Shows::Negative), Deps::BINARY;
    /// The probability of each point's true class.
    TrueClassBars = "true-class-bars": prob_bars(binary; Which::TrueClass), Standard, Pointer::Hovers(Shows::All), Deps::BINARY;
    /// −log p, each point on it.
    NegLog = "neglog": neglog(binary), Tall, Pointer::None, Deps::BINARY;
    /// Each point's loss as a bar, their mean as a line.
    PointLosses = "point-losses": point_losses(binary), Tall, Pointer::Hovers(Shows::All), Deps::BINARY;
    /// The naive logistic loss against the stable one, in float32.
    LogitsStability = "logits-stability": logits_stability(stability), Standard, Pointer::None, Deps::STABILITY;
    /// The categorical calculator's rows and their losses.
    Cce = "cce": cce(cce), Panels, Pointer::None, Deps::CCE;
    /// The points of K classes in the plane, the softmax's regions and boundaries.
    SoftmaxRegions = "softmax-regions": softmax_regions(softmax), Tall, Pointer::Plane, Deps::SOFTMAX;
    /// The chosen point's class probabilities, its cross-entropy, its Keras calls.
    SoftmaxProbs = "softmax-probs": softmax_probs(softmax), Standard, Pointer::None, Deps::SOFTMAX;
    /// Every point's logit gap, and the gap label smoothing asks for.
    SoftmaxLogits = "softmax-logits": softmax_logits(softmax), Tall, Pointer::None, Deps::SOFTMAX;
    /// The focal-loss paper's curves, and the reader's γ.
    FocalCurves = "focal-curves": focal_curves(focal), Standard, Pointer::None, Deps::FOCAL;
    /// Each point's focal loss beside its cross-entropy.
    FocalPoints = "focal-points": focal_points(focal), Tall, Pointer::None, Deps::BINARY.union(Deps::FOCAL);
    /// The sigmoid fitted under focal loss and under cross-entropy.
    FocalFit = "focal-fit": focal_fit(focal, binary), Standard, Pointer::None, Deps::BINARY.union(Deps::FOCAL);
    /// The smoothed target as bars.
    SmoothingTargets = "smoothing-targets": smoothing_targets(smoothing), Standard, Pointer::None, Deps::LABEL_SMOOTHING;
    /// Cross-entropy over the logit gap, with and without smoothing.
    SmoothingLogits = "smoothing-logits": smoothing_logits(smoothing), Standard, Pointer::None, Deps::LABEL_SMOOTHING;
    /// The bounded gradient of cross-entropy.
    SmoothingGradient = "smoothing-gradient": smoothing_gradient(smoothing), Standard, Pointer::None, Deps::LABEL_SMOOTHING;
    /// Each fit's reliability diagram on the judged points, and its bin counts.
    Calibration = "calibration": calibration(comparison), Panels, Pointer::None, Deps::COMPARISON;
    /// Each training point's pull on each fit.
    Gradients = "gradients": gradients(comparison, binary), Tall, Pointer::Hovers(Shows::All), Deps::BINARY.union(Deps::COMPARISON);
    /// Each fit's confusion counts at the threshold.
    Confusion = "confusion": confusion(comparison), Panels, Pointer::None, Deps::COMPARISON;
}

impl Figure {
    /// The public name (see [`FigureSpec::name`]).
    pub const fn name(self) -> &'static str {
        self.spec().name
    }

    /// The figure of that public name.
    pub fn from_name(name: &str) -> Option<Figure> {
        Figure::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The key of its title in the word tables.
    pub const fn title_key(self) -> &'static str {
        self.spec().title_key
    }

    /// The parts of the scene this figure reads.
    pub const fn depends_on(self) -> Deps {
        self.spec().deps
    }

    /// Its position in [`Figure::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        for (i, f) in Figure::ALL.into_iter().enumerate() {
            assert_eq!(Figure::from_name(f.name()), Some(f));
            assert_eq!(f.index(), i);
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
        assert_eq!(redraw(Deps::COMPARISON), 3);
        assert_eq!(redraw(Deps::LABEL_SMOOTHING), 3);
        assert!(Figure::FocalPoints.depends_on().contains(Deps::BINARY | Deps::FOCAL));
    }
}
