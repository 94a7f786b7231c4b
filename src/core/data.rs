//! The data sets of the page: one feature and two classes for the sigmoid
//! figures ([`BinaryDataSet`]), two features and K classes for the softmax
//! in the plane ([`PlaneDataSet`]). Every generated set comes from
//! [`SplitMix64`] streams of an integer seed, so a URL, `losslab eval` and an
//! exported figure show the same points on every machine.
//!
//! Coordinates are rounded to three decimals (short to print, exact to copy
//! into another program) and kept within ±[`X_LIMIT`] (all but the outlier
//! set's far point, which is there to be far). Each generated set is
//! split into training and held-out points, stratified by class: in every
//! class, a seeded shuffle holds out `round(0.3·n)` points (half rounded
//! up). The article's points, and the outlier set built on them, are all
//! training points: calibration is measured on all of them.

use std::fmt;
use std::ops::RangeInclusive;

use super::random::SplitMix64;
use crate::i18n::Message;

/// The article's ten points: `x` and whether the point is green (positive),
/// the labels of the article the seed cites.
pub const ARTICLE_POINTS: [(f64, bool); 10] = [
    (-2.2, false),
    (-1.4, false),
    (-0.8, true),
    (0.2, false),
    (0.4, true),
    (0.8, true),
    (1.2, true),
    (2.2, true),
    (2.9, true),
    (4.6, true),
];

/// Every generated coordinate lies in [−6, 6], the plotting range.
pub const X_LIMIT: f64 = 6.0;
/// The share of each class held out from the fit.
pub const HELD_OUT_FRACTION: f64 = 0.3;
/// How many classes a plane set may have.
pub const PLANE_CLASSES: RangeInclusive<usize> = 2..=6;
/// The plane sets' number of classes when none is given.
pub const DEFAULT_PLANE_CLASSES: usize = 3;

/// A data set of the sigmoid figures: points `x` on a line, labels 0 (red,
/// negative) or 1 (green, positive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum BinaryDataSet {
    /// The article's ten points ([`ARTICLE_POINTS`]), all for training. The default.
    #[default]
    Article,
    /// Two overlapping Gaussian classes, 100 points each: red `N(−1, 1)`,
    /// green `N(+1, 1)` (so the best possible sigmoid is `σ(2x)` and the best
    /// possible accuracy about 84 %). 140 for training, 60 held out.
    Overlap,
    /// The classes of `Overlap`, 1 green to 19 red: 20 green and 380 red
    /// points. 280 for training (14 green), 120 held out (6 green).
    Imbalanced,
    /// `Overlap`'s points and split with 20 labels (10 %) flipped, chosen by
    /// the seed among all 200 points.
    Noisy,
    /// The article's ten points plus a red point far to the right, among
    /// the greens' side: `x` uniform in [9, 12] by the seed. All training.
    Outlier,
}

impl BinaryDataSet {
    pub const ALL: [BinaryDataSet; 5] = [
        BinaryDataSet::Article,
        BinaryDataSet::Overlap,
        BinaryDataSet::Imbalanced,
        BinaryDataSet::Noisy,
        BinaryDataSet::Outlier,
    ];

    /// The names in URLs and `losslab eval`, in the order of [`ALL`](Self::ALL).
    pub const NAMES: [&'static str; 5] = ["article", "overlap", "imbalanced", "noisy", "outlier"];

    /// The name in URLs and `losslab eval`.
    pub fn name(self) -> &'static str {
        BinaryDataSet::NAMES[self as usize]
    }

    /// The set of a name, as [`name`](Self::name) writes it.
    pub fn parse(name: &str) -> Option<BinaryDataSet> {
        BinaryDataSet::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The points of this set for `seed` (the article ignores the seed).
    ///
    /// ```
    /// use losslab::core::data::BinaryDataSet;
    /// let d = BinaryDataSet::Imbalanced.generate(1);
    /// assert_eq!(d.x.len(), 400);
    /// assert_eq!(d.y.iter().filter(|&&y| y == 1.0).count(), 20);
    /// assert_eq!(d.train.iter().filter(|&&t| t).count(), 280);
    /// assert_eq!(d, BinaryDataSet::Imbalanced.generate(1));
    /// let article = BinaryDataSet::Article.generate(1);
    /// assert_eq!((article.x[0], article.y[0], article.train[0]), (-2.2, 0.0, true));
    /// ```
    pub fn generate(self, seed: u64) -> BinaryData {
        match self {
            BinaryDataSet::Article => article(),
            BinaryDataSet::Overlap => two_gaussians(seed, "overlap", 100, 100),
            BinaryDataSet::Imbalanced => two_gaussians(seed, "imbalanced", 380, 20),
            BinaryDataSet::Noisy => {
                let mut data = two_gaussians(seed, "overlap", 100, 100);
                let mut order: Vec<usize> = (0..data.y.len()).collect();
                SplitMix64::stream(seed, "noisy/flips").shuffle(&mut order);
                for &i in &order[..data.y.len() / 10] {
                    data.y[i] = 1.0 - data.y[i];
                }
                data
            }
            BinaryDataSet::Outlier => {
                let mut data = article();
                let x = SplitMix64::stream(seed, "outlier/x").uniform_in(9.0, 12.0);
                data.x.push(round3(x));
                data.y.push(0.0);
                data.train.push(true);
                data
            }
        }
    }
}

/// Points on a line with labels 0/1 and which of them the fit sees.
#[derive(Clone, Debug, PartialEq)]
pub struct BinaryData {
    pub x: Vec<f64>,
    /// 0.0 (red, negative) or 1.0 (green, positive).
    pub y: Vec<f64>,
    /// `true` for a training point, `false` for a held-out one.
    pub train: Vec<bool>,
}

impl BinaryData {
    /// The training points' `x` and `y`.
    pub fn training(&self) -> (Vec<f64>, Vec<f64>) {
        self.select(|t| t)
    }

    /// The held-out points' `x` and `y` (none for the article).
    pub fn held_out(&self) -> (Vec<f64>, Vec<f64>) {
        self.select(|t| !t)
    }

    /// Where a fit is judged: the held-out points, or every point when none
    /// is held out (the article, the outlier set).
    ///
    /// ```
    /// use losslab::core::data::BinaryDataSet;
    /// assert_eq!(BinaryDataSet::Article.generate(0).evaluation().0.len(), 10);
    /// assert_eq!(BinaryDataSet::Overlap.generate(0).evaluation().0.len(), 60);
    /// ```
    pub fn evaluation(&self) -> (Vec<f64>, Vec<f64>) {
        if self.train.iter().all(|&t| t) {
            (self.x.clone(), self.y.clone())
        } else {
            self.held_out()
        }
    }

    fn select(&self, keep: impl Fn(bool) -> bool) -> (Vec<f64>, Vec<f64>) {
        (0..self.x.len()).filter(|&i| keep(self.train[i])).map(|i| (self.x[i], self.y[i])).unzip()
    }
}

fn article() -> BinaryData {
    BinaryData {
        x: ARTICLE_POINTS.iter().map(|p| p.0).collect(),
        y: ARTICLE_POINTS.iter().map(|p| if p.1 { 1.0 } else { 0.0 }).collect(),
        train: vec![true; ARTICLE_POINTS.len()],
    }
}

/// `negatives` red points from `N(−1, 1)` then `positives` green ones from
/// `N(+1, 1)`, drawn from the stream `"<name>/points"`, split by `"<name>/split"`.
fn two_gaussians(seed: u64, name: &str, negatives: usize, positives: usize) -> BinaryData {
    let mut g = SplitMix64::stream(seed, &format!("{name}/points"));
    let mut x = Vec::with_capacity(negatives + positives);
    let mut labels = Vec::with_capacity(negatives + positives);
    for (class, count, mean) in [(0, negatives, -1.0), (1, positives, 1.0)] {
        for _ in 0..count {
            x.push(coordinate(mean + g.normal()));
            labels.push(class);
        }
    }
    let train = stratified_split(&labels, &mut SplitMix64::stream(seed, &format!("{name}/split")));
    BinaryData { x, y: labels.iter().map(|&c| c as f64).collect(), train }
}

/// In each class, a shuffle of its points (in order of appearance) holds out
/// the first `round(0.3·n)`; `true` marks a training point.
fn stratified_split(labels: &[usize], g: &mut SplitMix64) -> Vec<bool> {
    let mut train = vec![true; labels.len()];
    let classes = labels.iter().max().map_or(0, |&m| m + 1);
    for class in 0..classes {
        let mut members: Vec<usize> = (0..labels.len()).filter(|&i| labels[i] == class).collect();
        g.shuffle(&mut members);
        let held = (HELD_OUT_FRACTION * members.len() as f64).round() as usize;
        for &i in &members[..held] {
            train[i] = false;
        }
    }
    train
}

fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

/// A generated coordinate: rounded to three decimals, within ±[`X_LIMIT`].
fn coordinate(v: f64) -> f64 {
    round3(v).clamp(-X_LIMIT, X_LIMIT)
}

/// A preset of the softmax demo: points in the plane with labels 0 … K−1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum PlaneDataSet {
    /// K well separated round clusters, 50 points each: centres on a circle
    /// of radius 3 (the first straight up, then every 360°/K
    /// anticlockwise), standard deviation 0.6. The default.
    #[default]
    Blobs,
    /// K clusters that overlap, 50 points each: centres on a circle of
    /// radius 1.5, standard deviation 1.
    Overlap,
    /// Clusters of very different sizes: 100, 20 and 5 points for K = 3;
    /// every further class has 5 (K = 2: 100 and 20). Centres on a circle of
    /// radius 2.5, standard deviation 0.9.
    Imbalanced,
    /// Class 0 is a ring (radius 3.5 to 4.5, 100 points) around the other
    /// K − 1 classes, round clusters of 50 points (standard deviation 0.4,
    /// centres on a circle of radius 1.5, or at the origin for K = 2). A
    /// softmax model's region of a class is convex, a ring is not: no linear
    /// model separates class 0.
    Ring,
}

impl PlaneDataSet {
    pub const ALL: [PlaneDataSet; 4] =
        [PlaneDataSet::Blobs, PlaneDataSet::Overlap, PlaneDataSet::Imbalanced, PlaneDataSet::Ring];

    /// The name in URLs and `losslab eval`.
    pub fn name(self) -> &'static str {
        match self {
            PlaneDataSet::Blobs => "blobs",
            PlaneDataSet::Overlap => "overlap",
            PlaneDataSet::Imbalanced => "imbalanced",
            PlaneDataSet::Ring => "ring",
        }
    }

    /// The set of a name, as [`name`](Self::name) writes it.
    pub fn parse(name: &str) -> Option<PlaneDataSet> {
        PlaneDataSet::ALL.into_iter().find(|s| s.name() == name)
    }

    /// How many points each class gets for `classes` classes.
    ///
    /// ```
    /// use losslab::core::data::PlaneDataSet;
    /// assert_eq!(PlaneDataSet::Imbalanced.class_sizes(3), vec![100, 20, 5]);
    /// assert_eq!(PlaneDataSet::Imbalanced.class_sizes(5), vec![100, 20, 5, 5, 5]);
    /// assert_eq!(PlaneDataSet::Ring.class_sizes(3), vec![100, 50, 50]);
    /// ```
    pub fn class_sizes(self, classes: usize) -> Vec<usize> {
        (0..classes)
            .map(|k| match (self, k) {
                (PlaneDataSet::Imbalanced, 0) => 100,
                (PlaneDataSet::Imbalanced, 1) => 20,
                (PlaneDataSet::Imbalanced, _) => 5,
                (PlaneDataSet::Ring, 0) => 100,
                _ => 50,
            })
            .collect()
    }

    /// The points of this preset for `classes` classes (2 … 6) and `seed`.
    ///
    /// ```
    /// use losslab::core::data::PlaneDataSet;
    /// let d = PlaneDataSet::Imbalanced.generate(3, 1).unwrap();
    /// assert_eq!((d.x.len(), d.classes), (125, 3));
    /// assert_eq!(d.y.iter().filter(|&&c| c == 2).count(), 5);
    /// assert!(PlaneDataSet::Blobs.generate(7, 1).is_err());
    /// ```
    pub fn generate(self, classes: usize, seed: u64) -> Result<PlaneData, DataError> {
        if !PLANE_CLASSES.contains(&classes) {
            return Err(DataError::Classes(classes.to_string()));
        }
        let mut g = SplitMix64::stream(seed, &format!("plane-{}/points", self.name()));
        let mut x = Vec::new();
        let mut y = Vec::new();
        for (class, &count) in self.class_sizes(classes).iter().enumerate() {
            for _ in 0..count {
                x.push(self.draw(class, classes, &mut g));
                y.push(class);
            }
        }
        let train = stratified_split(&y, &mut SplitMix64::stream(seed, &format!("plane-{}/split", self.name())));
        Ok(PlaneData { x, y, train, classes })
    }

    /// One point of `class`.
    fn draw(self, class: usize, classes: usize, g: &mut SplitMix64) -> [f64; 2] {
        // Centre k of n on a circle of radius r, the first straight up.
        let centre = |k: usize, n: usize, r: f64| -> [f64; 2] {
            let turns = 0.25 + k as f64 / n as f64;
            [r * super::random::portable_cos_turns(turns), r * super::random::portable_cos_turns(turns - 0.25)]
        };
        let around = |c: [f64; 2], sd: f64, g: &mut SplitMix64| -> [f64; 2] {
            let dx = g.normal();
            let dy = g.normal();
            [coordinate(c[0] + sd * dx), coordinate(c[1] + sd * dy)]
        };
        match self {
            PlaneDataSet::Blobs => around(centre(class, classes, 3.0), 0.6, g),
            PlaneDataSet::Overlap => around(centre(class, classes, 1.5), 1.0, g),
            PlaneDataSet::Imbalanced => around(centre(class, classes, 2.5), 0.9, g),
            PlaneDataSet::Ring if class == 0 => {
                let radius = g.uniform_in(3.5, 4.5);
                let turns = g.uniform();
                [
                    coordinate(radius * super::random::portable_cos_turns(turns)),
                    coordinate(radius * super::random::portable_cos_turns(turns - 0.25)),
                ]
            }
            PlaneDataSet::Ring => {
                let c = if classes == 2 { [0.0, 0.0] } else { centre(class - 1, classes - 1, 1.5) };
                around(c, 0.4, g)
            }
        }
    }
}

/// Points in the plane with labels 0 … `classes` − 1.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaneData {
    /// `[x₁, x₂]` per point.
    pub x: Vec<[f64; 2]>,
    pub y: Vec<usize>,
    /// `true` for a training point, `false` for a held-out one.
    pub train: Vec<bool>,
    pub classes: usize,
}

/// Why there is no data set.
#[derive(Clone, Debug, PartialEq)]
pub enum DataError {
    /// No set has this name.
    UnknownName(String),
    /// A set of one feature asked for with a number of classes.
    NotAPlaneSet(String),
    /// A number of classes outside 2 … 6 (as written).
    Classes(String),
    /// A seed that is not a whole number in 0 … 2⁶⁴ − 1 (as written).
    Seed(String),
}

impl DataError {
    /// Why there is no data set, in words from the word tables.
    pub fn message(&self) -> Message {
        let m = Message::new;
        match self {
            DataError::UnknownName(name) => m("error.data.name").with("name", name.clone()).with("names", all_names()),
            DataError::NotAPlaneSet(name) => m("error.data.plane")
                .with("name", name.clone())
                .with("names", PlaneDataSet::ALL.iter().map(|s| s.name()).collect::<Vec<_>>().join(", ")),
            DataError::Classes(value) => m("error.data.classes")
                .with("min", PLANE_CLASSES.start().to_string())
                .with("max", PLANE_CLASSES.end().to_string())
                .with("value", value.clone()),
            DataError::Seed(value) => {
                m("error.data.seed").with("max", u64::MAX.to_string()).with("value", value.clone())
            }
        }
    }
}

/// Every set's name, once each, in the order of the enums.
fn all_names() -> String {
    let mut names: Vec<&str> = BinaryDataSet::ALL.iter().map(|s| s.name()).collect();
    for s in PlaneDataSet::ALL {
        if !names.contains(&s.name()) {
            names.push(s.name());
        }
    }
    names.join(", ")
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().text(crate::i18n::Lang::En))
    }
}

impl std::error::Error for DataError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stratified_split_holds_out_thirty_percent_of_each_class() {
        let labels: Vec<usize> = (0..100).map(|i| usize::from(i < 5)).collect();
        let train = stratified_split(&labels, &mut SplitMix64::new(1));
        let held = |c| (0..100).filter(|&i| labels[i] == c && !train[i]).count();
        assert_eq!((held(0), held(1)), (29, 2)); // round(28.5) = 29, round(1.5) = 2
    }

    #[test]
    fn coordinates_are_rounded_and_clamped() {
        assert_eq!(coordinate(1.23456), 1.235);
        assert_eq!(coordinate(-7.0), -6.0);
    }
}
