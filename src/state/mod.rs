//! Everything a reader can set: the points, every slider and toggle, the
//! calculators' inputs, language and theme. The page keeps one [`State`];
//! its URL form (a query string) reproduces the view.

/// The article's ten points: `x` and whether the point is green (positive).
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

/// One data point of the binary figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    /// `true` for green (positive, y = 1), `false` for red (y = 0).
    pub green: bool,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

/// Inputs of a loss calculator, kept as the text the reader typed so that a
/// bad edit never loses what was there.
#[derive(Clone, Debug, PartialEq)]
pub struct CalculatorInput {
    pub y_true: String,
    pub y_pred: String,
    pub from_logits: bool,
    pub label_smoothing: f64,
    /// `sum_over_batch_size`, `sum` or `none`.
    pub reduction: String,
    /// Empty for no sample weights.
    pub sample_weight: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
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
    /// Categorical label smoothing α. Default 0.1; range 0 … 1.
    pub label_smoothing: f64,
    /// Number of classes K for label smoothing. Default 3; range 2 … 10.
    pub classes: u32,
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
            points: ARTICLE_POINTS.iter().map(|&(x, green)| Point { x, green }).collect(),
            regularization: Regularization::L2,
            c: 1.0,
            smoothing: 0.0,
            gamma: 2.0,
            focal_alpha: 0.25,
            class_balancing: false,
            label_smoothing: 0.1,
            classes: 3,
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
