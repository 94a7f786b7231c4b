//! Everything a reader can set, one row each: the field of the [`State`],
//! its key in links, the control that sets it on the page, and how its text
//! reads. Links ([`super::query`]) and the page's controls both read and write
//! through this one table, and [`Setting::put`] is the one place a value is
//! brought into its range.

use std::ops::RangeInclusive;

use super::fields::{
    data_points, CalculatorInput, Palette, PlanePoint, Point, Regularization, State, Theme, BINS_RANGE, CLASSES_RANGE,
    C_RANGE, GAMMA_RANGE, MAX_POINTS, PLANE_CLASSES_RANGE, REDUCTIONS, SEED_RANGE, UNIT_RANGE, X_RANGE,
};
use super::points_csv::points_csv;
use crate::core::data::{BinaryDataSet, PlaneDataSet};
use crate::i18n::Lang;
use crate::number::parse_f64;

/// One thing a reader sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Setting {
    /// The data set the points are drawn from (a select); choosing one
    /// replaces the points.
    Data,
    /// The seed the data set is drawn with; a new seed replaces the points.
    Seed,
    /// The fit's penalty: none, or scikit-learn's L2 (a select).
    Regularization,
    /// scikit-learn's C, on a log slider.
    C,
    /// Binary label smoothing of the points' targets.
    Smoothing,
    /// Focal loss' γ.
    Gamma,
    /// Focal loss' α.
    FocalAlpha,
    /// Keras' `apply_class_balancing`.
    ClassBalancing,
    /// Categorical label smoothing ε.
    LabelSmoothing,
    /// The number of classes K of the label-smoothing figures.
    Classes,
    /// The reliability diagram's number of bins.
    Bins,
    /// The probability above which a point is predicted positive.
    Threshold,
    /// The article's colours, or the colour-blind palette (a checkbox).
    Palette,
    /// Light, dark, or the system's.
    Theme,
    /// English or Chinese.
    Lang,
    /// The points, as `x:label` pairs; the page's text box holds them as CSV.
    Points,
    /// The softmax demo's preset (a select).
    SoftmaxData,
    /// K, the number of classes the preset draws.
    SoftmaxClasses,
    /// The softmax fit's penalty: none, or L2 (a select).
    SoftmaxRegularization,
    /// The softmax fit's C, on a log slider.
    SoftmaxC,
    /// The softmax fit's label smoothing ε.
    SoftmaxSmoothing,
    /// The softmax fit's focal γ.
    SoftmaxGamma,
    /// The class picker: the class of new points, and of the chosen one.
    SoftmaxClass,
    /// The chosen point, counted from 1 (0 for none); set by the pointer.
    SoftmaxPoint,
    /// The reader's points in the plane, as `x:y:class` triples.
    SoftmaxPoints,
    Calculator(Calc, CalcField),
}

/// Which calculator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Calc {
    /// Binary cross-entropy.
    Binary,
    /// Categorical cross-entropy.
    Categorical,
}

/// A field of a calculator, as the frameworks name the argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CalcField {
    YTrue,
    YPred,
    FromLogits,
    LabelSmoothing,
    Reduction,
    SampleWeight,
}

/// How a setting's text reads.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A number, brought into the range.
    Number(RangeInclusive<f64>),
    /// A number whose slider moves its log10 (C from 0.001 to 1000).
    LogNumber(RangeInclusive<f64>),
    /// A whole number, brought into the range.
    Whole(RangeInclusive<u32>),
    /// `1` or `0` (`true`, `false`); a checkbox on the page.
    Flag,
    /// One of these words (any case); a select on the page.
    Word(&'static [&'static str]),
    /// Text as the reader typed it.
    Text,
    /// `x:label` pairs, `none` for no points.
    Points,
    /// `x:y:class` triples: points in the plane.
    PlanePoints,
}

/// One row of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub setting: Setting,
    /// The key in a link (`gamma=2`).
    pub key: &'static str,
    /// The page's control: `data-control="…"`.
    pub control: &'static str,
    pub kind: Kind,
}

/// A value of a setting.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Number(f64),
    Flag(bool),
    Word(&'static str),
    Text(String),
    Points(Vec<Point>),
    PlanePoints(Vec<PlanePoint>),
}

/// What [`Setting::put`] did with a value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Put {
    /// Taken as it was.
    Taken,
    /// Outside its range: this value, at the range's edge, was taken instead.
    Clamped(f64),
    /// Not a value of this setting (NaN, an unknown word): nothing changed.
    Refused,
}

const DATA_WORDS: &[&str] = &BinaryDataSet::NAMES;
const REGULARIZATION_WORDS: &[&str] = &["off", "l2"];
const PALETTE_WORDS: &[&str] = &["article", "cb"];
const THEME_WORDS: &[&str] = &["auto", "light", "dark"];
const LANG_WORDS: &[&str] = &[Lang::En.code(), Lang::Zh.code()];
/// What a data list shows while the points are the reader's own: an entry
/// of its own, which cannot be chosen (a link names the data set the points
/// were drawn from, and the points).
pub const OWN_POINTS: &str = "own";
/// The plane's presets, in the order of [`PlaneDataSet::ALL`].
const PLANE_DATA_WORDS: &[&str] = &["blobs", "overlap", "imbalanced", "ring"];
/// The classes of the plane, counted from 0 (the class picker's values).
const PLANE_CLASS_RANGE: RangeInclusive<u32> = 0..=5;
/// The chosen point: 0 for none, else its place in the list, from 1.
const PLANE_POINT_RANGE: RangeInclusive<u32> = 0..=MAX_POINTS as u32;

/// The table's rows, `Setting = "key" at "control": Kind;`, a few to a line.
macro_rules! settings {
    ($($setting:ident $(($calc:ident, $field:ident))? = $key:literal at $control:literal: $kind:expr;)*) => {
        /// Every setting, in the order links write them.
        pub const SETTINGS: [Spec; [$($key),*].len()] = [$(Spec {
            setting: Setting::$setting $((Calc::$calc, CalcField::$field))?,
            key: $key,
            control: $control,
            kind: {
                use Kind::*;
                $kind
            },
        },)*];
    };
}

settings! {
    Data = "data" at "data": Word(DATA_WORDS);  Seed = "seed" at "seed": Whole(SEED_RANGE);
    Regularization = "reg" at "regularization": Word(REGULARIZATION_WORDS);  C = "C" at "C": LogNumber(C_RANGE);
    Smoothing = "smooth" at "smoothing": Number(UNIT_RANGE);  Gamma = "gamma" at "gamma": Number(GAMMA_RANGE);
    FocalAlpha = "alpha" at "focal-alpha": Number(UNIT_RANGE);  ClassBalancing = "balance" at "class-balancing": Flag;
    LabelSmoothing = "ls" at "label-smoothing": Number(UNIT_RANGE);  Classes = "K" at "classes": Whole(CLASSES_RANGE);
    Bins = "bins" at "bins": Whole(BINS_RANGE);  Threshold = "threshold" at "threshold": Number(UNIT_RANGE);
    Palette = "palette" at "palette": Word(PALETTE_WORDS);  Theme = "theme" at "theme": Word(THEME_WORDS);
    Lang = "lang" at "lang": Word(LANG_WORDS);  Points = "pts" at "points-csv": Points;
    // The softmax demo: its preset and K come before its points (choosing either replaces them), and the
    // points before the class picker (they may bring more classes).
    SoftmaxData = "softmax-data" at "softmax-data": Word(PLANE_DATA_WORDS);
    SoftmaxClasses = "softmax-classes" at "softmax-classes": Whole(PLANE_CLASSES_RANGE);
    SoftmaxRegularization = "softmax-reg" at "softmax-reg": Word(REGULARIZATION_WORDS);
    SoftmaxC = "softmax-C" at "softmax-C": LogNumber(C_RANGE);
    SoftmaxSmoothing = "softmax-smoothing" at "softmax-smoothing": Number(UNIT_RANGE);
    SoftmaxGamma = "softmax-gamma" at "softmax-gamma": Number(GAMMA_RANGE);
    SoftmaxPoints = "softmax-pts" at "softmax-pts": PlanePoints;
    SoftmaxClass = "softmax-class" at "softmax-class": Whole(PLANE_CLASS_RANGE);
    SoftmaxPoint = "softmax-point" at "softmax-point": Whole(PLANE_POINT_RANGE);
    // The calculators' fields, named as the frameworks name the arguments.
    Calculator(Binary, YTrue) = "bt" at "bce-y-true": Text;  Calculator(Binary, YPred) = "bp" at "bce-y-pred": Text;
    Calculator(Binary, FromLogits) = "bl" at "bce-from-logits": Flag;
    Calculator(Binary, LabelSmoothing) = "bls" at "bce-label-smoothing": Number(UNIT_RANGE);
    Calculator(Binary, Reduction) = "br" at "bce-reduction": Word(&REDUCTIONS);
    Calculator(Binary, SampleWeight) = "bw" at "bce-sample-weight": Text;
    Calculator(Categorical, YTrue) = "ct" at "cce-y-true": Text;  Calculator(Categorical, YPred) = "cp" at "cce-y-pred": Text;
    Calculator(Categorical, FromLogits) = "cl" at "cce-from-logits": Flag;
    Calculator(Categorical, LabelSmoothing) = "cls" at "cce-label-smoothing": Number(UNIT_RANGE);
    Calculator(Categorical, Reduction) = "cr" at "cce-reduction": Word(&REDUCTIONS);
    Calculator(Categorical, SampleWeight) = "cw" at "cce-sample-weight": Text;
}

impl Setting {
    /// Every setting, in the order of [`SETTINGS`].
    pub fn all() -> impl Iterator<Item = Setting> {
        SETTINGS.iter().map(|spec| spec.setting)
    }

    /// This setting's row of the table.
    pub fn spec(self) -> &'static Spec {
        SETTINGS.iter().find(|spec| spec.setting == self).expect("every setting has a row")
    }

    /// The setting a link's key names.
    pub fn from_key(key: &str) -> Option<Setting> {
        Setting::find(|spec| spec.key == key)
    }

    /// The setting a page control (`data-control`) sets.
    pub fn from_control(control: &str) -> Option<Setting> {
        Setting::find(|spec| spec.control == control)
    }

    fn find(matches: impl Fn(&Spec) -> bool) -> Option<Setting> {
        SETTINGS.iter().find(|spec| matches(spec)).map(|spec| spec.setting)
    }

    /// The setting's value in `state`.
    pub fn get(self, state: &State) -> Value {
        let word = |words: &'static [&'static str], i: usize| Value::Word(words[i]);
        match self {
            Setting::Data => word(DATA_WORDS, state.data as usize),
            Setting::Seed => Value::Number(f64::from(state.seed)),
            Setting::Regularization => {
                word(REGULARIZATION_WORDS, usize::from(state.regularization == Regularization::L2))
            }
            Setting::C => Value::Number(state.c),
            Setting::Smoothing => Value::Number(state.smoothing),
            Setting::Gamma => Value::Number(state.gamma),
            Setting::FocalAlpha => Value::Number(state.focal_alpha),
            Setting::ClassBalancing => Value::Flag(state.class_balancing),
            Setting::LabelSmoothing => Value::Number(state.label_smoothing),
            Setting::Classes => Value::Number(f64::from(state.classes)),
            Setting::Bins => Value::Number(f64::from(state.bins)),
            Setting::Threshold => Value::Number(state.threshold),
            Setting::Palette => word(PALETTE_WORDS, usize::from(state.palette == Palette::ColorBlind)),
            Setting::Theme => word(THEME_WORDS, state.theme as usize),
            Setting::Lang => Value::Word(state.lang.code()),
            Setting::Points => Value::Points(state.points.clone()),
            Setting::SoftmaxData => {
                word(PLANE_DATA_WORDS, PlaneDataSet::ALL.iter().position(|&d| d == state.softmax.data).unwrap_or(0))
            }
            Setting::SoftmaxClasses => Value::Number(f64::from(state.softmax.classes)),
            Setting::SoftmaxRegularization => {
                word(REGULARIZATION_WORDS, usize::from(state.softmax.regularization == Regularization::L2))
            }
            Setting::SoftmaxC => Value::Number(state.softmax.c),
            Setting::SoftmaxSmoothing => Value::Number(state.softmax.smoothing),
            Setting::SoftmaxGamma => Value::Number(state.softmax.gamma),
            Setting::SoftmaxClass => Value::Number(f64::from(state.softmax.class)),
            Setting::SoftmaxPoint => Value::Number(f64::from(state.softmax.selected)),
            Setting::SoftmaxPoints => Value::PlanePoints(state.softmax.points.clone()),
            Setting::Calculator(which, field) => {
                let input = state.calculator(which);
                match field {
                    CalcField::YTrue => Value::Text(input.y_true.clone()),
                    CalcField::YPred => Value::Text(input.y_pred.clone()),
                    CalcField::FromLogits => Value::Flag(input.from_logits),
                    CalcField::LabelSmoothing => Value::Number(input.label_smoothing),
                    CalcField::Reduction => Value::Word(
                        REDUCTIONS.iter().find(|r| **r == input.reduction).copied().unwrap_or(REDUCTIONS[0]),
                    ),
                    CalcField::SampleWeight => Value::Text(input.sample_weight.clone()),
                }
            }
        }
    }

    /// Sets the value, brought into the setting's range: the state's border.
    /// Every value that reaches the state, from a link, a control or a
    /// pointer, comes through here. A data set or a seed replaces the points
    /// with the set's (links write edited points after both, so the edits
    /// are read last).
    ///
    /// ```
    /// use losslab::state::{Put, Setting, State, Value};
    /// let mut state = State::default();
    /// assert_eq!(Setting::Gamma.put(&mut state, Value::Number(9.0)), Put::Clamped(5.0));
    /// assert_eq!(state.gamma, 5.0);
    /// assert_eq!(Setting::Gamma.put(&mut state, Value::Number(f64::NAN)), Put::Refused);
    /// assert_eq!(state.gamma, 5.0);
    /// ```
    pub fn put(self, state: &mut State, value: Value) -> Put {
        let kind = &self.spec().kind;
        let number = match (&value, kind) {
            (Value::Number(x), Kind::Number(range) | Kind::LogNumber(range)) => Some(clamp(*x, range)),
            (Value::Number(x), Kind::Whole(range)) => {
                Some(clamp(x.round(), &(f64::from(*range.start())..=f64::from(*range.end()))))
            }
            _ => None,
        };
        let (x, put) = match number {
            Some(None) => return Put::Refused,
            Some(Some((x, clamped))) => (x, if clamped { Put::Clamped(x) } else { Put::Taken }),
            None => (0.0, Put::Taken),
        };
        let given = if let Value::Word(w) = value { Some(w) } else { None };
        let word = |words: &[&str]| given.and_then(|w| words.iter().position(|known| known.eq_ignore_ascii_case(w)));
        match (self, value) {
            (Setting::C, _) => state.c = x,
            (Setting::Smoothing, _) => state.smoothing = x,
            (Setting::Gamma, _) => state.gamma = x,
            (Setting::FocalAlpha, _) => state.focal_alpha = x,
            (Setting::LabelSmoothing, _) => state.label_smoothing = x,
            // Clamped into a u32 range, so the casts are exact.
            (Setting::Classes, _) => state.classes = x as u32,
            (Setting::Bins, _) => state.bins = x as u32,
            (Setting::Threshold, _) => state.threshold = x,
            (Setting::Seed, _) => {
                state.seed = x as u32;
                state.points = data_points(state.data, state.seed);
                state.softmax.points.clear();
            }
            (Setting::Data, _) => match word(DATA_WORDS) {
                Some(i) => {
                    state.data = BinaryDataSet::ALL[i];
                    state.points = data_points(state.data, state.seed);
                }
                None => return Put::Refused,
            },
            (Setting::SoftmaxClasses, _) => {
                let softmax = &mut state.softmax;
                softmax.classes = x as u32;
                softmax.class = softmax.class.min(softmax.classes - 1);
                // Another K draws other points.
                softmax.points.clear();
            }
            (Setting::SoftmaxC, _) => state.softmax.c = x,
            (Setting::SoftmaxSmoothing, _) => state.softmax.smoothing = x,
            (Setting::SoftmaxGamma, _) => state.softmax.gamma = x,
            (Setting::SoftmaxClass, _) => {
                let last = state.softmax.classes - 1;
                state.softmax.class = (x as u32).min(last);
                if x as u32 > last {
                    return Put::Clamped(f64::from(last));
                }
            }
            (Setting::SoftmaxPoint, _) => state.softmax.selected = x as u32,
            (Setting::SoftmaxData, _) => match word(PLANE_DATA_WORDS) {
                Some(i) => {
                    state.softmax.data = PlaneDataSet::ALL[i];
                    state.softmax.points.clear();
                }
                None => return Put::Refused,
            },
            (Setting::SoftmaxRegularization, _) => match word(REGULARIZATION_WORDS) {
                Some(i) => state.softmax.regularization = if i == 0 { Regularization::Off } else { Regularization::L2 },
                None => return Put::Refused,
            },
            (Setting::SoftmaxPoints, Value::PlanePoints(points)) => {
                let softmax = &mut state.softmax;
                softmax.points = plane_within_range(points);
                // Every point's class is one of the classes.
                let needed = softmax.points.iter().map(|p| p.class + 1).max().unwrap_or(0);
                softmax.classes = softmax.classes.max(needed);
            }
            (Setting::ClassBalancing, Value::Flag(on)) => state.class_balancing = on,
            (Setting::Regularization, _) => match word(REGULARIZATION_WORDS) {
                Some(i) => state.regularization = if i == 0 { Regularization::Off } else { Regularization::L2 },
                None => return Put::Refused,
            },
            (Setting::Palette, _) => match word(PALETTE_WORDS) {
                Some(i) => state.palette = if i == 0 { Palette::Article } else { Palette::ColorBlind },
                None => return Put::Refused,
            },
            (Setting::Theme, _) => match word(THEME_WORDS) {
                Some(i) => state.theme = [Theme::Auto, Theme::Light, Theme::Dark][i],
                None => return Put::Refused,
            },
            (Setting::Lang, _) => match word(LANG_WORDS) {
                Some(i) => state.lang = Lang::ALL[i],
                None => return Put::Refused,
            },
            (Setting::Points, Value::Points(points)) => state.points = within_range(points),
            (Setting::Calculator(which, field), value) => {
                let input = state.calculator_mut(which);
                match (field, value) {
                    (CalcField::YTrue, Value::Text(text)) => input.y_true = text,
                    (CalcField::YPred, Value::Text(text)) => input.y_pred = text,
                    (CalcField::SampleWeight, Value::Text(text)) => input.sample_weight = text,
                    (CalcField::FromLogits, Value::Flag(on)) => input.from_logits = on,
                    (CalcField::LabelSmoothing, _) => input.label_smoothing = x,
                    (CalcField::Reduction, Value::Word(w)) => {
                        match REDUCTIONS.iter().find(|r| r.eq_ignore_ascii_case(w)) {
                            Some(r) => input.reduction = (*r).to_owned(),
                            None => return Put::Refused,
                        }
                    }
                    _ => return Put::Refused,
                }
            }
            _ => return Put::Refused,
        }
        put
    }

    /// The value a page control's text or check mark stands for. A slider
    /// on a log scale holds log10 of the value; the palette's checkbox is the
    /// colour-blind palette. `None` for text that is no value of the setting.
    ///
    /// ```
    /// use losslab::state::{ControlInput, Setting, Value};
    /// assert_eq!(Setting::C.read_control(&ControlInput::Text("2".into())), Some(Value::Number(100.0)));
    /// assert_eq!(Setting::Palette.read_control(&ControlInput::Checked(true)), Some(Value::Word("cb")));
    /// ```
    pub fn read_control(self, input: &ControlInput) -> Option<Value> {
        match (self, &self.spec().kind, input) {
            (Setting::Palette, _, ControlInput::Checked(on)) => Some(Value::Word(PALETTE_WORDS[usize::from(*on)])),
            (_, Kind::Flag, ControlInput::Checked(on)) => Some(Value::Flag(*on)),
            (_, Kind::LogNumber(_), ControlInput::Text(text)) => {
                parse_f64(text.trim()).filter(|v| v.is_finite()).map(|v| Value::Number(10f64.powf(v)))
            }
            (_, Kind::Number(_) | Kind::Whole(_), ControlInput::Text(text)) => {
                parse_f64(text.trim()).filter(|v| !v.is_nan()).map(Value::Number)
            }
            (_, Kind::Word(words), ControlInput::Text(text)) => {
                words.iter().find(|w| w.eq_ignore_ascii_case(text.trim())).map(|w| Value::Word(w))
            }
            (_, Kind::Text, ControlInput::Text(text)) => Some(Value::Text(text.clone())),
            _ => None,
        }
    }

    /// What the page's control shows for `state`.
    pub fn control_input(self, state: &State) -> ControlInput {
        match (self, self.get(state)) {
            (Setting::Data, _) if state.points_are_own() => ControlInput::Text(OWN_POINTS.to_owned()),
            (Setting::SoftmaxData, _) if !state.softmax.points.is_empty() => ControlInput::Text(OWN_POINTS.to_owned()),
            (Setting::Palette, _) => ControlInput::Checked(state.palette == Palette::ColorBlind),
            (Setting::C, _) => ControlInput::Text(format!("{}", state.c.log10())),
            (Setting::SoftmaxC, _) => ControlInput::Text(format!("{}", state.softmax.c.log10())),
            (Setting::Points, _) => ControlInput::Text(points_csv(&state.points)),
            (_, Value::Number(x)) => ControlInput::Text(format!("{x}")),
            (_, Value::Flag(on)) => ControlInput::Checked(on),
            (_, Value::Word(w)) => ControlInput::Text(w.to_owned()),
            (_, Value::Text(text)) => ControlInput::Text(text),
            (_, Value::Points(_) | Value::PlanePoints(_)) => ControlInput::Text(String::new()),
        }
    }
}

/// What a control holds: its text, or whether it is checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ControlInput {
    Text(String),
    Checked(bool),
}

/// `x` in `range` and whether it had to be moved there; `None` for NaN.
/// `+ 0.0` turns −0 into 0, so `-0` and `0` read alike.
fn clamp(x: f64, range: &RangeInclusive<f64>) -> Option<(f64, bool)> {
    if x.is_nan() {
        return None;
    }
    let clamped = x.clamp(*range.start(), *range.end()) + 0.0;
    Some((clamped, clamped != x + 0.0))
}

/// Points with every x in [`X_RANGE`], at most [`MAX_POINTS`] of them.
fn within_range(mut points: Vec<Point>) -> Vec<Point> {
    points.truncate(MAX_POINTS);
    for point in &mut points {
        point.x = if point.x.is_nan() { 0.0 } else { point.x.clamp(*X_RANGE.start(), *X_RANGE.end()) + 0.0 };
    }
    points
}

/// Points inside the plane, every class at most the plane's last, at most
/// [`MAX_POINTS`] of them.
fn plane_within_range(mut points: Vec<PlanePoint>) -> Vec<PlanePoint> {
    points.truncate(MAX_POINTS);
    for point in &mut points {
        *point = point.inside();
        point.class = point.class.min(*PLANE_CLASSES_RANGE.end() - 1);
    }
    points
}

impl State {
    /// The inputs of calculator `which`.
    pub fn calculator(&self, which: Calc) -> &CalculatorInput {
        match which {
            Calc::Binary => &self.bce_calc,
            Calc::Categorical => &self.cce_calc,
        }
    }

    fn calculator_mut(&mut self, which: Calc) -> &mut CalculatorInput {
        match which {
            Calc::Binary => &mut self.bce_calc,
            Calc::Categorical => &mut self.cce_calc,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_controls_name_one_setting_each() {
        for spec in &SETTINGS {
            assert_eq!(Setting::from_key(spec.key), Some(spec.setting), "{}", spec.key);
            assert_eq!(Setting::from_control(spec.control), Some(spec.setting), "{}", spec.control);
            assert_eq!(spec.setting.spec(), spec);
        }
    }

    #[test]
    fn every_value_read_back_from_its_control_is_the_same() {
        let state = State::default();
        for setting in Setting::all() {
            if matches!(setting.spec().kind, Kind::Points | Kind::PlanePoints) {
                continue;
            }
            let shown = setting.control_input(&state);
            let mut again = state.clone();
            let value = setting.read_control(&shown).unwrap_or_else(|| panic!("{setting:?}: {shown:?}"));
            assert_ne!(setting.put(&mut again, value), Put::Refused, "{setting:?}");
            assert_eq!(again, state, "{setting:?}");
        }
    }

    #[test]
    fn the_border_clamps_and_refuses() {
        let mut state = State::default();
        assert_eq!(Setting::C.put(&mut state, Value::Number(1e9)), Put::Clamped(1000.0));
        assert_eq!(Setting::Classes.put(&mut state, Value::Number(2.6)), Put::Taken);
        assert_eq!(state.classes, 3);
        assert_eq!(Setting::Theme.put(&mut state, Value::Word("DARK")), Put::Taken);
        assert_eq!(state.theme, Theme::Dark);
        assert_eq!(Setting::Theme.put(&mut state, Value::Word("sepia")), Put::Refused);
        let far = vec![Point::new(1e9, true)];
        assert_eq!(Setting::Points.put(&mut state, Value::Points(far)), Put::Taken);
        assert_eq!(state.points[0].x, 1e6);
        assert!(state.is_within_ranges());
    }

    #[test]
    fn the_planes_border_keeps_classes_points_and_the_picker_together() {
        let mut state = State::default();
        let far = vec![PlanePoint { x: 19.0, y: f64::NAN, class: 4 }, PlanePoint { x: -1.0, y: -9.0, class: 0 }];
        assert_eq!(Setting::SoftmaxPoints.put(&mut state, Value::PlanePoints(far)), Put::Taken);
        assert_eq!(state.softmax.points[0], PlanePoint { x: 12.0, y: 0.0, class: 4 });
        assert_eq!(state.softmax.points[1], PlanePoint { x: -1.0, y: -6.0, class: 0 });
        assert_eq!(state.softmax.classes, 5, "K grows to hold every point's class");
        assert_eq!(Setting::SoftmaxClass.put(&mut state, Value::Number(5.0)), Put::Clamped(4.0));
        assert_eq!(Setting::SoftmaxClasses.put(&mut state, Value::Number(3.0)), Put::Taken);
        assert!(state.softmax.points.is_empty(), "a class gone: the preset's points again");
        assert_eq!(state.softmax.class, 2, "the picker follows K down");
        assert!(state.is_within_ranges());
        assert_eq!(Setting::SoftmaxData.put(&mut state, Value::Word("RING")), Put::Taken);
        assert_eq!(state.softmax.data, PlaneDataSet::Ring);
        assert_eq!(Setting::SoftmaxData.put(&mut state, Value::Word("moons")), Put::Refused);
    }

    #[test]
    fn the_plane_words_are_the_presets_names() {
        let names: Vec<&str> = PlaneDataSet::ALL.iter().map(|d| d.name()).collect();
        assert_eq!(names, PLANE_DATA_WORDS);
    }
}
