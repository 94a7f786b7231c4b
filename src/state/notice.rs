//! What [`State::from_query`](super::State::from_query) tells the reader
//! about a URL it had to correct: one variant per kind of problem, each
//! carrying the key and (an excerpt of) the offending text.

use super::fields::{MAX_POINTS, PLANE_CLASSES_RANGE, PLANE_X_RANGE, PLANE_Y_RANGE, X_RANGE};
use crate::i18n::Message;
use crate::number::format;

/// A value was clamped, ignored or dropped while reading a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The value was outside its range and was clamped to `used`.
    OutOfRange { key: &'static str, text: String, used: String },
    /// The value could not be read; the default was kept.
    Malformed { key: &'static str, text: String, expected: Expected },
    /// The key had no value (`C=`); the default was kept.
    Empty { key: &'static str },
    /// No control goes by this name.
    UnknownKey { key: String },
    /// The key appeared more than once; the last value is used and the
    /// value `ignored` (an earlier one) is not.
    Repeated { key: &'static str, ignored: String },
    /// The URL held `given` points; the first [`MAX_POINTS`] are used.
    TooManyPoints { given: usize },
    /// `count` points could not be read and were skipped.
    BadPoints { count: usize, first: String },
    /// `count` points lay beyond [`X_RANGE`] and were moved to its edge.
    PointsOutOfRange { count: usize, first: String },
    /// `count` points in the plane could not be read and were skipped.
    BadPlanePoints { count: usize, first: String },
    /// `count` points lay outside the plane ([`PLANE_X_RANGE`], [`PLANE_Y_RANGE`]) and were moved to its edge.
    PlanePointsOutOfRange { count: usize, first: String },
    /// `embed` named a figure that does not exist.
    UnknownFigure { name: String },
    /// A list of a lesson link (`show`, `lock`) or `ask` named something
    /// that does not exist.
    UnknownName { key: &'static str, name: String },
    /// So many problems that the rest are only counted.
    Omitted { count: usize },
}

/// What a malformed value should have looked like.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    Number,
    WholeNumber,
    /// `0` or `1`.
    Flag,
    /// One of these words.
    OneOf(Vec<&'static str>),
    /// `x:label` pairs.
    Points,
    /// `x:y:class` triples.
    PlanePoints,
    /// A web origin, `https://host[:port]`.
    Origin,
}

/// Notices collected while reading one URL: the first [`MAX_NOTICES`] in
/// full, the rest only counted (a URL of pure garbage gets a short list).
#[derive(Default)]
pub(crate) struct NoticeList {
    kept: Vec<Notice>,
    omitted: usize,
}

/// At most this many notices are listed for one URL.
pub(crate) const MAX_NOTICES: usize = 20;

impl NoticeList {
    pub(crate) fn push(&mut self, notice: Notice) {
        if self.kept.len() < MAX_NOTICES {
            self.kept.push(notice);
        } else {
            self.omitted += 1;
        }
    }

    pub(crate) fn into_vec(mut self) -> Vec<Notice> {
        if self.omitted > 0 {
            self.kept.push(Notice::Omitted { count: self.omitted });
        }
        self.kept
    }
}

impl Notice {
    /// The notice as a sentence for the reader, from the word tables.
    pub fn message(&self) -> Message {
        let m = Message::new;
        let limit = format::plain(*X_RANGE.end());
        match self {
            Notice::OutOfRange { key, text, used } => {
                m("notice.out-of-range").with("key", *key).with("text", text.as_str()).with("used", used.as_str())
            }
            Notice::Malformed { key, text, expected } => m("notice.malformed")
                .with("key", *key)
                .with("text", text.as_str())
                .with_message("expected", expected.message()),
            Notice::Empty { key } => m("notice.empty").with("key", *key),
            Notice::UnknownKey { key } => m("notice.unknown-key").with("key", key.as_str()),
            Notice::Repeated { key, ignored } => {
                m("notice.repeated").with("key", *key).with("ignored", ignored.as_str())
            }
            Notice::TooManyPoints { given } => {
                m("notice.too-many-points").with("given", given.to_string()).with("max", MAX_POINTS.to_string())
            }
            Notice::BadPoints { count: 1, first } => m("notice.bad-point").with("first", first.as_str()),
            Notice::BadPoints { count, first } => {
                m("notice.bad-points").with("count", count.to_string()).with("first", first.as_str())
            }
            Notice::PointsOutOfRange { count: 1, first } => {
                m("notice.point-out-of-range").with("first", first.as_str()).with("limit", limit)
            }
            Notice::PointsOutOfRange { count, first } => m("notice.points-out-of-range")
                .with("count", count.to_string())
                .with("first", first.as_str())
                .with("limit", limit),
            Notice::BadPlanePoints { count, first } => {
                m(if *count == 1 { "notice.bad-plane-point" } else { "notice.bad-plane-points" })
                    .with("count", count.to_string())
                    .with("first", first.as_str())
                    .with("last", (PLANE_CLASSES_RANGE.end() - 1).to_string())
            }
            Notice::PlanePointsOutOfRange { count, first } => {
                m(if *count == 1 { "notice.plane-point-out-of-range" } else { "notice.plane-points-out-of-range" })
                    .with("count", count.to_string())
                    .with("first", first.as_str())
                    .with("x", format::plain(*PLANE_X_RANGE.end()))
                    .with("y", format::plain(*PLANE_Y_RANGE.end()))
            }
            Notice::UnknownFigure { name } => m("notice.unknown-figure").with("name", name.as_str()),
            Notice::UnknownName { key, name } => {
                let what = match *key {
                    "show" => "notice.unknown.section",
                    "lock" => "notice.unknown.control",
                    _ => "notice.unknown.question",
                };
                m(what).with("key", *key).with("name", name.as_str())
            }
            Notice::Omitted { count } => m("notice.omitted").with("count", count.to_string()),
        }
    }
}

impl Expected {
    fn message(&self) -> Message {
        match self {
            Expected::Number => Message::new("expected.number"),
            Expected::WholeNumber => Message::new("expected.whole-number"),
            Expected::Flag => Message::new("expected.flag"),
            Expected::OneOf(words) => {
                Message::new("expected.one-of").with_list("words", words.iter().map(|w| (*w).to_owned()).collect())
            }
            Expected::Points => Message::new("expected.points"),
            Expected::PlanePoints => Message::new("expected.plane-points"),
            Expected::Origin => Message::new("expected.origin"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn one_of_each() -> Vec<Notice> {
        let text = || "x".to_owned();
        vec![
            Notice::OutOfRange { key: "C", text: text(), used: text() },
            Notice::Malformed { key: "C", text: text(), expected: Expected::Number },
            Notice::Malformed { key: "K", text: text(), expected: Expected::WholeNumber },
            Notice::Malformed { key: "bl", text: text(), expected: Expected::Flag },
            Notice::Malformed { key: "lang", text: text(), expected: Expected::OneOf(vec!["en", "zh"]) },
            Notice::Malformed { key: "pts", text: text(), expected: Expected::Points },
            Notice::Empty { key: "C" },
            Notice::UnknownKey { key: text() },
            Notice::Repeated { key: "C", ignored: text() },
            Notice::TooManyPoints { given: 1001 },
            Notice::BadPoints { count: 1, first: text() },
            Notice::BadPoints { count: 2, first: text() },
            Notice::PointsOutOfRange { count: 1, first: text() },
            Notice::PointsOutOfRange { count: 2, first: text() },
            Notice::BadPlanePoints { count: 1, first: text() },
            Notice::BadPlanePoints { count: 2, first: text() },
            Notice::PlanePointsOutOfRange { count: 1, first: text() },
            Notice::PlanePointsOutOfRange { count: 2, first: text() },
            Notice::Malformed { key: "softmax-pts", text: text(), expected: Expected::PlanePoints },
            Notice::UnknownFigure { name: text() },
            Notice::UnknownName { key: "show", name: text() },
            Notice::UnknownName { key: "lock", name: text() },
            Notice::UnknownName { key: "ask", name: text() },
            Notice::Malformed { key: "origin", text: text(), expected: Expected::Origin },
            Notice::Omitted { count: 3 },
        ]
    }

    #[test]
    fn every_notice_reads_in_english_and_in_chinese() {
        let is_chinese = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        for notice in one_of_each() {
            let (en, zh) = (notice.message().text(Lang::En), notice.message().text(Lang::Zh));
            assert!(!en.contains(is_chinese), "{en}");
            assert!(zh.contains(is_chinese), "{zh}");
        }
    }

    #[test]
    fn the_out_of_range_message_reads_in_both_languages() {
        let notice = Notice::OutOfRange { key: "C", text: "5000".into(), used: "1000".into() };
        assert_eq!(notice.message().text(Lang::En), "C = 5000 is out of range; using 1000.");
        assert_eq!(notice.message().text(Lang::Zh), "C = 5000 超出范围，已使用 1000。");
    }

    #[test]
    fn a_malformed_value_says_what_was_expected() {
        let notice = Notice::Malformed { key: "reg", text: "l1".into(), expected: Expected::OneOf(vec!["off", "l2"]) };
        assert_eq!(notice.message().text(Lang::En), "reg = l1 is not valid (expected one of off, l2); it was ignored.");
        assert_eq!(notice.message().text(Lang::Zh), "reg = l1 无效，已忽略（应为：off、l2 之一）。");
    }
}
