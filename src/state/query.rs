//! The state as a URL query: `reg=off&C=0.1&pts=-2.2:0,0.4:1&lang=zh`.
//!
//! Only what differs from the default is written, in the fixed order of
//! [`KEYS`], so a default state is the empty query and a link says only
//! what the reader changed. Reading is the border: any text gives a state
//! within its ranges, plus a [`Notice`] for each value that was clamped or
//! ignored.

use crate::number::format::shortest;
use super::notice::Notice;
use super::percent::percent_encode;
use super::read_value::{Reader, UrlWord, POINTS_NONE};
use super::view::{View, CONTROLS, EMBED};
use super::*;

/// What [`State::from_query`] read from a URL.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// Always within its ranges ([`State::is_within_ranges`]).
    pub state: State,
    pub view: View,
    /// What was clamped or ignored, in the order met; empty for a URL that
    /// [`State::to_query_with`] wrote.
    pub notices: Vec<Notice>,
}

/// Every key, in the order they are written.
const KEYS: &[&str] = &[
    EMBED, CONTROLS, "reg", "C", "smooth", "gamma", "alpha", "balance", "ls", "K", "palette",
    "theme", "lang", "pts", "bt", "bp", "bl", "bls", "br", "bw", "ct", "cp", "cl", "cls", "cr",
    "cw",
];

/// The keys of one calculator's inputs.
struct CalculatorKeys {
    y_true: &'static str,
    y_pred: &'static str,
    from_logits: &'static str,
    label_smoothing: &'static str,
    reduction: &'static str,
    sample_weight: &'static str,
}

const BCE_KEYS: CalculatorKeys = CalculatorKeys {
    y_true: "bt",
    y_pred: "bp",
    from_logits: "bl",
    label_smoothing: "bls",
    reduction: "br",
    sample_weight: "bw",
};

const CCE_KEYS: CalculatorKeys = CalculatorKeys {
    y_true: "ct",
    y_pred: "cp",
    from_logits: "cl",
    label_smoothing: "cls",
    reduction: "cr",
    sample_weight: "cw",
};

impl UrlWord for Regularization {
    const CHOICES: &'static [(&'static str, Self)] =
        &[("off", Regularization::Off), ("l2", Regularization::L2)];
}

impl UrlWord for Palette {
    const CHOICES: &'static [(&'static str, Self)] =
        &[("article", Palette::Article), ("cb", Palette::ColorBlind)];
}

impl UrlWord for Theme {
    const CHOICES: &'static [(&'static str, Self)] = &[
        ("auto", Theme::Auto),
        ("light", Theme::Light),
        ("dark", Theme::Dark),
    ];
}

impl UrlWord for Lang {
    const CHOICES: &'static [(&'static str, Self)] = &[(Lang::En.code(), Lang::En), (Lang::Zh.code(), Lang::Zh)];
}

impl State {
    /// The query (without `?`) that reproduces this state on the whole
    /// page; empty for the default state.
    ///
    /// | key | field | values |
    /// | --- | --- | --- |
    /// | `embed` | [`View::embed`] | figure names from [`FIGURE_NAMES`], comma-separated |
    /// | `controls` | [`View::controls`] | `0` or `1` |
    /// | `reg` | [`State::regularization`] | `off`, `l2` |
    /// | `C` | [`State::c`] | number in [`C_RANGE`] |
    /// | `smooth` | [`State::smoothing`] | number in 0 … 1 |
    /// | `gamma` | [`State::gamma`] | number in [`GAMMA_RANGE`] |
    /// | `alpha` | [`State::focal_alpha`] | number in 0 … 1 |
    /// | `balance` | [`State::class_balancing`] | `0` or `1` |
    /// | `ls` | [`State::label_smoothing`] | number in 0 … 1 |
    /// | `K` | [`State::classes`] | whole number in [`CLASSES_RANGE`] |
    /// | `palette` | [`State::palette`] | `article`, `cb` |
    /// | `theme` | [`State::theme`] | `auto`, `light`, `dark` |
    /// | `lang` | [`State::lang`] | `en`, `zh` |
    /// | `pts` | [`State::points`] | `x:label,…` (label 1 = green), or `none` |
    /// | `bt` `bp` `bw` | BCE calculator's `y_true`, `y_pred`, `sample_weight` | text |
    /// | `bl` `bls` `br` | its `from_logits`, `label_smoothing`, `reduction` | `0`/`1`, 0 … 1, one of [`REDUCTIONS`] |
    /// | `ct` `cp` `cw` `cl` `cls` `cr` | the same for the CCE calculator | |
    ///
    /// ```
    /// use losslab::state::{Regularization, State};
    /// let state = State { regularization: Regularization::Off, gamma: 0.5, ..State::default() };
    /// assert_eq!(state.to_query(), "reg=off&gamma=0.5");
    /// assert_eq!(State::default().to_query(), "");
    /// ```
    pub fn to_query(&self) -> String {
        self.to_query_with(&View::default())
    }

    /// The query that reproduces this state in `view`: the "copy embed
    /// code" link is `?` + `state.to_query_with(&View { embed: Some(…), .. })`.
    /// A state outside its ranges is written as it is and clamped when read.
    pub fn to_query_with(&self, view: &View) -> String {
        let mut pairs = view.pairs();
        let default = State::default();
        let mut put = |key: &'static str, changed: bool, value: String| {
            if changed {
                pairs.push((key, value));
            }
        };
        put(
            "reg",
            self.regularization != default.regularization,
            self.regularization.url_word().into(),
        );
        put("C", self.c != default.c, shortest(self.c));
        put(
            "smooth",
            self.smoothing != default.smoothing,
            shortest(self.smoothing),
        );
        put(
            "gamma",
            self.gamma != default.gamma,
            shortest(self.gamma),
        );
        put(
            "alpha",
            self.focal_alpha != default.focal_alpha,
            shortest(self.focal_alpha),
        );
        put(
            "balance",
            self.class_balancing != default.class_balancing,
            flag(self.class_balancing),
        );
        put(
            "ls",
            self.label_smoothing != default.label_smoothing,
            shortest(self.label_smoothing),
        );
        put(
            "K",
            self.classes != default.classes,
            self.classes.to_string(),
        );
        put(
            "palette",
            self.palette != default.palette,
            self.palette.url_word().into(),
        );
        put(
            "theme",
            self.theme != default.theme,
            self.theme.url_word().into(),
        );
        put(
            "lang",
            self.lang != default.lang,
            self.lang.url_word().into(),
        );
        put(
            "pts",
            self.points != default.points,
            points_value(&self.points),
        );
        for (keys, calc, default) in [
            (&BCE_KEYS, &self.bce_calc, &default.bce_calc),
            (&CCE_KEYS, &self.cce_calc, &default.cce_calc),
        ] {
            put(
                keys.y_true,
                calc.y_true != default.y_true,
                calc.y_true.clone(),
            );
            put(
                keys.y_pred,
                calc.y_pred != default.y_pred,
                calc.y_pred.clone(),
            );
            put(
                keys.from_logits,
                calc.from_logits != default.from_logits,
                flag(calc.from_logits),
            );
            put(
                keys.label_smoothing,
                calc.label_smoothing != default.label_smoothing,
                shortest(calc.label_smoothing),
            );
            put(
                keys.reduction,
                calc.reduction != default.reduction,
                calc.reduction.clone(),
            );
            put(
                keys.sample_weight,
                calc.sample_weight != default.sample_weight,
                calc.sample_weight.clone(),
            );
        }
        let pairs: Vec<String> = pairs
            .iter()
            .map(|(key, value)| format!("{key}={}", percent_encode(value)))
            .collect();
        pairs.join("&")
    }

    /// Reads a query as [`State::to_query_with`] writes it, or as anyone
    /// typed it: a leading `?` and a `#fragment` are ignored, a value out
    /// of range is clamped, an unknown key, an empty or malformed value is
    /// ignored, and of a repeated key the last value wins — each with a
    /// [`Notice`]. A calculator's text may be empty (`bw=` is no weights).
    ///
    /// ```
    /// use losslab::state::{Notice, State};
    /// let parsed = State::from_query("?C=5000&lang=zh&embed=fit");
    /// assert_eq!(parsed.state.c, 1000.0);
    /// assert_eq!(parsed.view.embed, Some(vec!["fit".to_owned()]));
    /// assert_eq!(parsed.notices[0].message().text(parsed.state.lang), "C = 5000 超出范围，已使用 1000。");
    /// ```
    pub fn from_query(query: &str) -> Parsed {
        let query = query.strip_prefix('?').unwrap_or(query);
        let query = query.split_once('#').map_or(query, |(before, _)| before);
        let mut reader = Reader::new(query, KEYS);
        let view = View::read(&mut reader);
        let mut state = State::default();
        reader.word("reg", &mut state.regularization);
        reader.number("C", &C_RANGE, &mut state.c);
        reader.number("smooth", &UNIT_RANGE, &mut state.smoothing);
        reader.number("gamma", &GAMMA_RANGE, &mut state.gamma);
        reader.number("alpha", &UNIT_RANGE, &mut state.focal_alpha);
        reader.flag("balance", &mut state.class_balancing);
        reader.number("ls", &UNIT_RANGE, &mut state.label_smoothing);
        reader.whole("K", &CLASSES_RANGE, &mut state.classes);
        reader.word("palette", &mut state.palette);
        reader.word("theme", &mut state.theme);
        reader.word("lang", &mut state.lang);
        reader.points("pts", &mut state.points);
        for (keys, calc) in [
            (&BCE_KEYS, &mut state.bce_calc),
            (&CCE_KEYS, &mut state.cce_calc),
        ] {
            read_calculator(&mut reader, keys, calc);
        }
        debug_assert!(
            state.is_within_ranges(),
            "from_query let an out-of-range state through: {state:?}"
        );
        Parsed {
            state,
            view,
            notices: reader.finish(),
        }
    }
}

fn read_calculator(reader: &mut Reader, keys: &CalculatorKeys, calc: &mut CalculatorInput) {
    if let Some(text) = reader.text(keys.y_true) {
        calc.y_true = text;
    }
    if let Some(text) = reader.text(keys.y_pred) {
        calc.y_pred = text;
    }
    reader.flag(keys.from_logits, &mut calc.from_logits);
    reader.number(keys.label_smoothing, &UNIT_RANGE, &mut calc.label_smoothing);
    reader.one_of(keys.reduction, &REDUCTIONS, &mut calc.reduction);
    if let Some(text) = reader.text(keys.sample_weight) {
        calc.sample_weight = text;
    }
}

fn flag(on: bool) -> String {
    if on { "1" } else { "0" }.to_owned()
}

/// `-2.2:0,0.4:1`: each point's `x` and its label, 1 for green.
fn points_value(points: &[Point]) -> String {
    if points.is_empty() {
        return POINTS_NONE.to_owned();
    }
    let pairs: Vec<String> = points
        .iter()
        .map(|p| format!("{}:{}", shortest(p.x), u8::from(p.green)))
        .collect();
    pairs.join(",")
}
