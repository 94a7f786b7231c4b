//! The state's fields: the points, every slider and toggle, the
//! calculators' inputs, language and theme, with their defaults and ranges.

use std::cell::RefCell;
use std::ops::RangeInclusive;

use crate::core::data::PlaneDataSet;
use crate::i18n::Lang;

/// The reductions a calculator offers, as Keras names them.
pub const REDUCTIONS: [&str; 3] = ["sum_over_batch_size", "sum", "none"];

/// At most this many points (the URL, CSV paste and the figures all hold to it).
pub const MAX_POINTS: usize = 1000;
/// Where a point's `x` may lie. Far wider than any figure shows; the bound
/// only keeps a hand-edited URL from putting `x = 1e300` into the fit.
pub const X_RANGE: RangeInclusive<f64> = -1e6..=1e6;
/// Range of [`State::c`].
pub const C_RANGE: RangeInclusive<f64> = 0.001..=1000.0;
/// Range of [`State::gamma`].
pub const GAMMA_RANGE: RangeInclusive<f64> = 0.0..=5.0;
/// Range of [`State::smoothing`], [`State::focal_alpha`],
/// [`State::label_smoothing`] and a calculator's `label_smoothing`.
pub const UNIT_RANGE: RangeInclusive<f64> = 0.0..=1.0;
/// Range of [`State::classes`].
pub const CLASSES_RANGE: RangeInclusive<u32> = 2..=10;
/// Range of [`State::seed`].
pub const SEED_RANGE: RangeInclusive<u32> = 0..=999_999_999;
/// Range of [`State::bins`].
pub const BINS_RANGE: RangeInclusive<u32> = 5..=20;
/// Range of [`SoftmaxSettings::classes`]: what the plane's data sets offer.
pub const PLANE_CLASSES_RANGE: RangeInclusive<u32> = 2..=6;
/// Where a point in the plane may lie across: the `softmax-regions` figure
/// always shows this much (and as much of y as its shape leaves room for).
pub const PLANE_X_RANGE: RangeInclusive<f64> = -2.0 * PLANE_LIMIT..=2.0 * PLANE_LIMIT;
/// Where a point in the plane may lie up and down; the data sets' points
/// lie within it on both axes.
pub const PLANE_Y_RANGE: RangeInclusive<f64> = -PLANE_LIMIT..=PLANE_LIMIT;
const PLANE_LIMIT: f64 = crate::core::data::X_LIMIT;

use crate::core::data::BinaryDataSet;
/// The article's ten points: `x` and whether the point is green (positive).
pub use crate::core::data::ARTICLE_POINTS;

/// One data point of the binary figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    /// `true` for green (positive, y = 1), `false` for red (y = 0).
    pub green: bool,
    /// Held out: no fit sees it; the fits are judged on it.
    pub held_out: bool,
}

impl Point {
    /// A training point.
    pub const fn new(x: f64, green: bool) -> Point {
        Point { x, green, held_out: false }
    }
}

/// The points of a data set for a seed, each marked training or held out.
pub fn data_points(data: BinaryDataSet, seed: u32) -> Vec<Point> {
    with_data_points(data, seed, <[Point]>::to_vec)
}

/// `f` of the points of a data set for a seed. The set last asked for is
/// kept: every frame that changes the state asks for it twice (the link
/// and the data lists tell the reader's own points from the set's), and
/// drawing the 400-point set again takes tens of microseconds.
fn with_data_points<R>(data: BinaryDataSet, seed: u32, f: impl FnOnce(&[Point]) -> R) -> R {
    thread_local! {
        static LAST: RefCell<Option<(BinaryDataSet, u32, Vec<Point>)>> = const { RefCell::new(None) };
    }
    LAST.with_borrow_mut(|last| {
        if !matches!(last, Some((d, s, _)) if (*d, *s) == (data, seed)) {
            let d = data.generate(u64::from(seed));
            let points = (0..d.x.len()).map(|i| Point { x: d.x[i], green: d.y[i] == 1.0, held_out: !d.train[i] });
            *last = Some((data, seed, points.collect()));
        }
        f(last.as_ref().map_or(&[], |(_, _, points)| points.as_slice()))
    })
}

/// A point of the softmax demo: where it lies in the plane and its class.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlanePoint {
    pub x: f64,
    pub y: f64,
    /// 0 … K − 1, below [`SoftmaxSettings::classes`].
    pub class: u32,
}

impl PlanePoint {
    /// Whether it lies within [`PLANE_X_RANGE`] and [`PLANE_Y_RANGE`].
    pub fn is_inside(&self) -> bool {
        PLANE_X_RANGE.contains(&self.x) && PLANE_Y_RANGE.contains(&self.y)
    }

    /// The point moved into the plane's ranges (a NaN coordinate to 0).
    pub fn inside(self) -> PlanePoint {
        let within = |v: f64, range: RangeInclusive<f64>| {
            if v.is_nan() {
                0.0
            } else {
                v.clamp(*range.start(), *range.end()) + 0.0
            }
        };
        PlanePoint { x: within(self.x, PLANE_X_RANGE), y: within(self.y, PLANE_Y_RANGE), ..self }
    }
}

/// Regularisation of the logistic fit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Regularization {
    /// No penalty: the plain maximum-likelihood fit.
    Off,
    /// scikit-learn's L2 penalty `½·w²/C` (intercept not penalised).
    L2,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Palette {
    /// Green and red, as in the article.
    Article,
    /// Okabe–Ito blue and orange, safe for the common colour-vision deficiencies.
    ColorBlind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    Auto,
    Light,
    Dark,
}

/// Inputs of a loss calculator, kept as the text the reader typed so that a
/// bad edit never loses what was there.
#[derive(Clone, Debug, PartialEq)]
pub struct CalculatorInput {
    pub y_true: String,
    pub y_pred: String,
    pub from_logits: bool,
    /// Default 0; range 0 … 1.
    pub label_smoothing: f64,
    /// One of [`REDUCTIONS`].
    pub reduction: String,
    /// Empty for no sample weights.
    pub sample_weight: String,
}

/// Everything the softmax demo in the plane lets a reader set.
#[derive(Clone, Debug, PartialEq)]
pub struct SoftmaxSettings {
    /// The preset the points come from. Default: blobs.
    pub data: PlaneDataSet,
    /// K, the number of classes the preset draws. Default 3; range 2 … 6.
    pub classes: u32,
    /// Default: L2, as scikit-learn's `LogisticRegression()`.
    pub regularization: Regularization,
    /// scikit-learn's `C`. Default 1; range 0.001 … 1000.
    pub c: f64,
    /// Label smoothing ε of the fit's targets. Default 0; range 0 … 1.
    pub smoothing: f64,
    /// Focal γ of the fit's loss. Default 0 (cross-entropy); range 0 … 5.
    pub gamma: f64,
    /// The class a shift-click adds and the class picker shows. Default 0;
    /// always below `classes`.
    pub class: u32,
    /// The chosen point, counted from 1 (0: none chosen, and the figures
    /// show the point of largest loss). Default 0; at most [`MAX_POINTS`].
    pub selected: u32,
    /// The points as the reader edited them; empty while they are the
    /// preset's (which [`State::plane_points`] draws). At most
    /// [`MAX_POINTS`], each [inside the plane](PlanePoint::is_inside), each
    /// class below `classes`.
    pub points: Vec<PlanePoint>,
}

impl Default for SoftmaxSettings {
    fn default() -> Self {
        SoftmaxSettings {
            data: PlaneDataSet::Blobs,
            classes: 3,
            regularization: Regularization::L2,
            c: 1.0,
            smoothing: 0.0,
            gamma: 0.0,
            class: 0,
            selected: 0,
            points: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The data set the points came from. Default: the article's ten points.
    pub data: BinaryDataSet,
    /// The seed the data sets are drawn with, on the line and in the plane.
    /// Default 1; range 0 … 999 999 999.
    pub seed: u32,
    /// At most [`MAX_POINTS`], each `x` within [`X_RANGE`]; may be empty.
    /// Default: the points of `data` and `seed` (the article's ten,
    /// [`ARTICLE_POINTS`]); the reader may edit them.
    pub points: Vec<Point>,
    /// Default: L2, as scikit-learn's `LogisticRegression()`.
    pub regularization: Regularization,
    /// scikit-learn's `C`, the inverse penalty strength. Default 1; range 0.001 … 1000.
    pub c: f64,
    /// Binary label smoothing of the ten targets, `y·(1−ls) + 0.5·ls`. Default 0; range 0 … 1.
    pub smoothing: f64,
    /// Focal-loss γ. Default 2; range 0 … 5.
    pub gamma: f64,
    /// Focal-loss α. Default 0.25; range 0 … 1.
    pub focal_alpha: f64,
    /// Keras' `apply_class_balancing`. Default off.
    pub class_balancing: bool,
    /// Categorical label smoothing ε. Default 0.1; range 0 … 1.
    pub label_smoothing: f64,
    /// Number of classes K for label smoothing. Default 3; range 2 … 10.
    pub classes: u32,
    /// Bins of the reliability diagram. Default 10; range 5 … 20.
    pub bins: u32,
    /// A point is predicted positive when p > threshold. Default 0.5; range 0 … 1.
    pub threshold: f64,
    /// The softmax demo in the plane.
    pub softmax: SoftmaxSettings,
    pub palette: Palette,
    pub theme: Theme,
    pub lang: Lang,
    /// The binary cross-entropy calculator.
    pub bce_calc: CalculatorInput,
    /// The categorical cross-entropy calculator.
    pub cce_calc: CalculatorInput,
}

impl Default for State {
    fn default() -> Self {
        State {
            data: BinaryDataSet::Article,
            seed: 1,
            points: ARTICLE_POINTS.iter().map(|&(x, green)| Point::new(x, green)).collect(),
            regularization: Regularization::L2,
            c: 1.0,
            smoothing: 0.0,
            gamma: 2.0,
            focal_alpha: 0.25,
            class_balancing: false,
            label_smoothing: 0.1,
            classes: 3,
            bins: 10,
            threshold: 0.5,
            softmax: SoftmaxSettings::default(),
            palette: Palette::Article,
            theme: Theme::Auto,
            lang: Lang::En,
            bce_calc: CalculatorInput {
                y_true: "[0., 0., 1., 1.]".into(),
                y_pred: "[1., 1., 1., 0.]".into(),
                from_logits: false,
                label_smoothing: 0.0,
                reduction: "sum_over_batch_size".into(),
                sample_weight: String::new(),
            },
            cce_calc: CalculatorInput {
                y_true: "[[0, 1, 0], [0, 0, 1]]".into(),
                y_pred: "[[0.05, 0.95, 0], [0.1, 0.8, 0.1]]".into(),
                from_logits: false,
                label_smoothing: 0.0,
                reduction: "sum_over_batch_size".into(),
                sample_weight: String::new(),
            },
        }
    }
}

impl State {
    /// Whether every field lies in its documented range: what
    /// [`State::from_query`] guarantees, whatever the URL held.
    pub fn is_within_ranges(&self) -> bool {
        let calc_ok = |calc: &CalculatorInput| {
            UNIT_RANGE.contains(&calc.label_smoothing) && REDUCTIONS.contains(&calc.reduction.as_str())
        };
        self.points.len() <= MAX_POINTS
            && self.points.iter().all(|p| X_RANGE.contains(&p.x))
            && C_RANGE.contains(&self.c)
            && UNIT_RANGE.contains(&self.smoothing)
            && GAMMA_RANGE.contains(&self.gamma)
            && UNIT_RANGE.contains(&self.focal_alpha)
            && UNIT_RANGE.contains(&self.label_smoothing)
            && CLASSES_RANGE.contains(&self.classes)
            && SEED_RANGE.contains(&self.seed)
            && BINS_RANGE.contains(&self.bins)
            && UNIT_RANGE.contains(&self.threshold)
            && self.softmax.is_within_ranges()
            && calc_ok(&self.bce_calc)
            && calc_ok(&self.cce_calc)
    }
}

impl SoftmaxSettings {
    fn is_within_ranges(&self) -> bool {
        PLANE_CLASSES_RANGE.contains(&self.classes)
            && C_RANGE.contains(&self.c)
            && UNIT_RANGE.contains(&self.smoothing)
            && GAMMA_RANGE.contains(&self.gamma)
            && self.class < self.classes
            && self.selected as usize <= MAX_POINTS
            && self.points.len() <= MAX_POINTS
            && self.points.iter().all(|p| p.is_inside() && p.class < self.classes)
    }
}

impl State {
    /// Whether the points are the reader's own: moved, added, removed or
    /// pasted, so that they are no longer the data set's for the seed.
    pub fn points_are_own(&self) -> bool {
        with_data_points(self.data, self.seed, |drawn| self.points != drawn)
    }

    /// The points of the softmax demo: the reader's, or else the preset's
    /// for K classes and the seed (all of them: the page fits every point it shows).
    pub fn plane_points(&self) -> Vec<PlanePoint> {
        let settings = &self.softmax;
        if !settings.points.is_empty() {
            return settings.points.clone();
        }
        settings
            .data
            .generate(settings.classes as usize, u64::from(self.seed))
            .map(|data| {
                data.x.iter().zip(&data.y).map(|(&[x, y], &class)| PlanePoint { x, y, class: class as u32 }).collect()
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_state_is_within_ranges() {
        assert!(State::default().is_within_ranges());
    }

    #[test]
    fn the_article_set_is_the_default_points() {
        assert_eq!(data_points(BinaryDataSet::Article, 1), State::default().points);
        let imbalanced = data_points(BinaryDataSet::Imbalanced, 1);
        assert_eq!(imbalanced.len(), 400);
        assert_eq!(imbalanced.iter().filter(|p| p.held_out).count(), 120);
        assert_eq!(imbalanced.iter().filter(|p| p.green && p.held_out).count(), 6);
    }

    #[test]
    fn a_nan_or_an_extra_point_is_out_of_range() {
        let nan_gamma = State { gamma: f64::NAN, ..State::default() };
        assert!(!nan_gamma.is_within_ranges());
        let far_point = State { points: vec![Point::new(2e6, true)], ..State::default() };
        assert!(!far_point.is_within_ranges());
        let too_many = State { points: vec![Point::new(0.0, true); MAX_POINTS + 1], ..State::default() };
        assert!(!too_many.is_within_ranges());
    }
}
