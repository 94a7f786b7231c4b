//! The state as a URL query: `reg=off&C=0.1&pts=-2.2:0,0.4:1&lang=zh`.
//!
//! Only what differs from the default is written, in the order of
//! [`SETTINGS`], so a default state is the empty query and a link says only
//! what the reader changed. Reading is the border: any text gives a state
//! within its ranges, plus a [`Notice`] for each value that was clamped or
//! ignored.

use super::fields::{PlanePoint, Point, State};
use super::notice::{Expected, Notice};
use super::percent::percent_encode;
use super::read_value::{Reader, POINTS_NONE};
use super::settings::{Kind, Put, Setting, Spec, Value, SETTINGS};
use crate::number::format::shortest;
use crate::number::parse_f64;

/// What [`State::from_query`] read from a URL.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// Always within its ranges ([`State::is_within_ranges`]).
    pub state: State,
    /// What was clamped or ignored, in the order met; empty for a URL that
    /// [`State::to_query`] wrote.
    pub notices: Vec<Notice>,
}

/// The keys of every setting, in the order they are written.
pub fn state_keys() -> impl Iterator<Item = &'static str> {
    SETTINGS.iter().map(|spec| spec.key)
}

/// A query without its leading `?` and its `#fragment`.
pub fn query_part(query: &str) -> &str {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split_once('#').map_or(query, |(before, _)| before)
}

/// `key=value` pairs joined with `&`, each value percent-encoded where needed.
pub fn join_pairs(pairs: &[(&'static str, String)]) -> String {
    let pairs: Vec<String> = pairs.iter().map(|(key, value)| format!("{key}={}", percent_encode(value))).collect();
    pairs.join("&")
}

/// Pairs of any keys (as another page sends them), joined as a link joins
/// them, keys encoded too: reading the result is reading a link.
pub fn query_of(pairs: &[(String, String)]) -> String {
    let pairs: Vec<String> =
        pairs.iter().map(|(key, value)| format!("{}={}", percent_encode(key), percent_encode(value))).collect();
    pairs.join("&")
}

impl State {
    /// The query (without `?`) that reproduces this state; empty for the
    /// default state. Each setting's key and values are in [`SETTINGS`].
    ///
    /// ```
    /// use losslab::state::{Regularization, State};
    /// let state = State { regularization: Regularization::Off, gamma: 0.5, ..State::default() };
    /// assert_eq!(state.to_query(), "reg=off&gamma=0.5");
    /// assert_eq!(State::default().to_query(), "");
    /// ```
    pub fn to_query(&self) -> String {
        join_pairs(&self.url_pairs())
    }

    /// The `(key, value)` pairs of the settings that differ from the
    /// default, in the order of [`SETTINGS`], values not yet encoded. The
    /// points are written only when they differ from their data set's. A
    /// state outside its ranges is written as it is and clamped when read.
    ///
    /// ```
    /// use losslab::state::State;
    /// let mut state = State::from_query("data=imbalanced").state;
    /// assert_eq!((state.points.len(), state.to_query().as_str()), (400, "data=imbalanced"));
    /// state.points[0].green = true;
    /// assert!(state.to_query().starts_with("data=imbalanced&pts="));
    /// ```
    pub fn url_pairs(&self) -> Vec<(&'static str, String)> {
        let default = State::default();
        SETTINGS
            .iter()
            .filter(|spec| match spec.setting {
                // The points are written where they are not the data set's.
                Setting::Points => self.points_are_own(),
                setting => setting.get(self) != setting.get(&default),
            })
            .map(|spec| (spec.key, link_text(spec.setting.get(self))))
            .collect()
    }

    /// Reads a query as [`State::to_query`] writes it, or as anyone typed
    /// it: a leading `?` and a `#fragment` are ignored, a value out of range
    /// is clamped, an unknown key, an empty or malformed value is ignored, and
    /// of a repeated key the last value wins — each with a [`Notice`]. A
    /// calculator's text may be empty (`bw=` is no weights).
    ///
    /// ```
    /// use losslab::state::State;
    /// let parsed = State::from_query("?C=5000&lang=zh");
    /// assert_eq!(parsed.state.c, 1000.0);
    /// assert_eq!(parsed.notices[0].message().text(parsed.state.lang), "C = 5000 超出范围，已使用 1000。");
    /// ```
    pub fn from_query(query: &str) -> Parsed {
        let mut reader = Reader::new(query_part(query), state_keys().collect());
        let state = State::read(&mut reader);
        Parsed { state, notices: reader.finish() }
    }

    /// The state whose settings `reader` holds, every other setting at its default.
    pub fn read(reader: &mut Reader) -> State {
        let mut state = State::default();
        state.read_onto(reader);
        state
    }

    /// Sets the settings `reader` holds, through the border; the others keep their value.
    pub fn read_onto(&mut self, reader: &mut Reader) {
        for spec in &SETTINGS {
            read_setting(reader, self, spec);
        }
        // The chosen point is numbered among the plane's points, which the
        // same link may give: one past the last is the last. None chosen (the
        // default) needs no count, which generates the data set.
        let selected = self.softmax.selected;
        if selected > 0 {
            let count = self.plane_points().len() as u32;
            if selected > count {
                let key = Setting::SoftmaxPoint.spec().key;
                reader.notice(Notice::OutOfRange { key, text: selected.to_string(), used: count.to_string() });
                self.softmax.selected = count;
            }
        }
        debug_assert!(self.is_within_ranges(), "a link let an out-of-range state through: {self:?}");
    }
}

/// Reads one setting's key, if the link has it, through the state's border.
fn read_setting(reader: &mut Reader, state: &mut State, spec: &Spec) {
    let key = spec.key;
    let (value, text) = match &spec.kind {
        Kind::Text => match reader.text(key) {
            Some(text) => (Value::Text(text), None),
            None => return,
        },
        Kind::Points => match reader.points(key) {
            Some(points) => (Value::Points(points), None),
            None => return,
        },
        Kind::PlanePoints => match reader.plane_points(key) {
            Some(points) => (Value::PlanePoints(points), None),
            None => return,
        },
        kind => {
            let Some(text) = reader.value(key) else { return };
            match read_word(kind, &text) {
                Ok(value) => (value, Some(text)),
                Err(expected) => return reader.malformed(key, &text, expected),
            }
        }
    };
    if let (Put::Clamped(used), Some(text)) = (spec.setting.put(state, value), text) {
        reader.clamped(key, &text, used);
    }
}

impl Kind {
    /// A link's (trimmed, non-empty) text as a value of this kind, or what it
    /// should have been. Text and points are read whole, not word by word.
    pub fn read(&self, text: &str) -> Result<Value, Expected> {
        read_word(self, text)
    }
}

fn read_word(kind: &Kind, text: &str) -> Result<Value, Expected> {
    match kind {
        Kind::Number(_) | Kind::LogNumber(_) => match parse_f64(text) {
            Some(x) if !x.is_nan() => Ok(Value::Number(x)),
            _ => Err(Expected::Number),
        },
        Kind::Whole(_) => match parse_f64(text) {
            Some(x) if x.is_infinite() || (!x.is_nan() && x.fract() == 0.0) => Ok(Value::Number(x)),
            _ => Err(Expected::WholeNumber),
        },
        Kind::Flag => match text.to_ascii_lowercase().as_str() {
            "1" | "true" => Ok(Value::Flag(true)),
            "0" | "false" => Ok(Value::Flag(false)),
            _ => Err(Expected::Flag),
        },
        Kind::Word(words) => words
            .iter()
            .find(|word| word.eq_ignore_ascii_case(text))
            .map(|word| Value::Word(word))
            .ok_or_else(|| Expected::OneOf(words.to_vec())),
        Kind::Text => Ok(Value::Text(text.to_owned())),
        Kind::Points => Err(Expected::Points),
        Kind::PlanePoints => Err(Expected::PlanePoints),
    }
}

/// A value as a link writes it (before percent-encoding).
pub fn link_text(value: Value) -> String {
    match value {
        Value::Number(x) => shortest(x),
        Value::Flag(on) => if on { "1" } else { "0" }.to_owned(),
        Value::Word(word) => word.to_owned(),
        Value::Text(text) => text,
        Value::Points(points) => points_value(&points),
        Value::PlanePoints(points) => plane_points_value(&points),
    }
}

/// `1.2:-0.5:2,0:3:0`: each point's `x`, `y` and class. Only edited points
/// are written, and an edited list is never empty.
fn plane_points_value(points: &[PlanePoint]) -> String {
    let triples: Vec<String> =
        points.iter().map(|p| format!("{}:{}:{}", shortest(p.x), shortest(p.y), p.class)).collect();
    triples.join(",")
}

/// `-2.2:0,0.4:1,1.5:1h`: each point's `x` and its label, 1 for green,
/// `h` after the label for a held-out point.
fn points_value(points: &[Point]) -> String {
    if points.is_empty() {
        return POINTS_NONE.to_owned();
    }
    let held = |p: &Point| if p.held_out { "h" } else { "" };
    let pairs: Vec<String> =
        points.iter().map(|p| format!("{}:{}{}", shortest(p.x), u8::from(p.green), held(p))).collect();
    pairs.join(",")
}
