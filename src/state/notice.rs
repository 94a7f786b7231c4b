//! What [`State::from_query`](super::State::from_query) tells the reader
//! about a URL it had to correct: one variant per kind of problem, each
//! carrying the key and (an excerpt of) the offending text.

use super::{Lang, MAX_POINTS, X_RANGE};

/// A value was clamped, ignored or dropped while reading a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The value was outside its range and was clamped to `used`.
    OutOfRange {
        key: &'static str,
        text: String,
        used: String,
    },
    /// The value could not be read; the default was kept.
    Malformed {
        key: &'static str,
        text: String,
        expected: Expected,
    },
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
    /// `embed` named a figure that does not exist.
    UnknownFigure { name: String },
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
            self.kept.push(Notice::Omitted {
                count: self.omitted,
            });
        }
        self.kept
    }
}

/// Offending text is shown up to this many characters.
const EXCERPT_CHARS: usize = 40;

/// `text` cut to [`EXCERPT_CHARS`] characters, with `…` when it was longer,
/// so a notice about a megabyte of garbage stays one line.
pub(crate) fn excerpt(text: &str) -> String {
    if text.chars().nth(EXCERPT_CHARS).is_none() {
        return text.to_owned();
    }
    let cut = text
        .char_indices()
        .nth(EXCERPT_CHARS - 1)
        .map_or(text.len(), |(i, _)| i);
    format!("{}…", &text[..cut])
}

impl Notice {
    /// The notice as a sentence for the reader.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            Notice::OutOfRange { key, text, used } if zh => format!("{key} = {text} 超出范围，已使用 {used}。"),
            Notice::OutOfRange { key, text, used } => format!("{key} = {text} is out of range; using {used}."),
            Notice::Malformed { key, text, expected } if zh => {
                format!("{key} = {text} 无效，已忽略（应为：{}）。", expected.describe(lang))
            }
            Notice::Malformed { key, text, expected } => {
                format!("{key} = {text} is not valid (expected {}); it was ignored.", expected.describe(lang))
            }
            Notice::Empty { key } if zh => format!("{key} 没有值，已忽略。"),
            Notice::Empty { key } => format!("{key} has no value; it was ignored."),
            Notice::UnknownKey { key } if zh => format!("未知参数“{key}”，已忽略。"),
            Notice::UnknownKey { key } => format!("Unknown parameter \"{key}\"; it was ignored."),
            Notice::Repeated { key, ignored } if zh => {
                format!("{key} 出现了多次，使用最后一个值（忽略了 {key} = {ignored}）。")
            }
            Notice::Repeated { key, ignored } => {
                format!("{key} is given more than once; the last value is used ({key} = {ignored} was ignored).")
            }
            Notice::TooManyPoints { given } if zh => format!("给出了 {given} 个点，只使用前 {MAX_POINTS} 个。"),
            Notice::TooManyPoints { given } => {
                format!("{given} points were given; only the first {MAX_POINTS} are used.")
            }
            Notice::BadPoints { count, first } if zh => format!("{count} 个点无法读取，已跳过（第一个是 {first}）。"),
            Notice::BadPoints { count: 1, first } => format!("1 point could not be read and was skipped: {first}."),
            Notice::BadPoints { count, first } => {
                format!("{count} points could not be read and were skipped (the first: {first}).")
            }
            Notice::PointsOutOfRange { count, first } if zh => {
                format!("{count} 个点的 x 超出 ±{}，已移到边界（第一个是 {first}）。", X_RANGE.end())
            }
            Notice::PointsOutOfRange { count: 1, first } => {
                format!("1 point lay beyond x = ±{} and was moved to the edge: {first}.", X_RANGE.end())
            }
            Notice::PointsOutOfRange { count, first } => format!(
                "{count} points lay beyond x = ±{} and were moved to the edge (the first: {first}).",
                X_RANGE.end()
            ),
            Notice::UnknownFigure { name } if zh => format!("没有名为“{name}”的图，未显示。"),
            Notice::UnknownFigure { name } => format!("There is no figure named \"{name}\"; it is not shown."),
            Notice::Omitted { count } if zh => format!("……另有 {count} 条提示。"),
            Notice::Omitted { count } => format!("… and {count} more notices."),
        }
    }
}

impl Expected {
    fn describe(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            Expected::Number if zh => "数字".into(),
            Expected::Number => "a number".into(),
            Expected::WholeNumber if zh => "整数".into(),
            Expected::WholeNumber => "a whole number".into(),
            Expected::Flag if zh => "0 或 1".into(),
            Expected::Flag => "0 or 1".into(),
            Expected::OneOf(words) if zh => format!("{} 之一", words.join("、")),
            Expected::OneOf(words) => format!("one of {}", words.join(", ")),
            Expected::Points if zh => "形如 -2.2:0,0.4:1 的“x:标签”列表".into(),
            Expected::Points => "x:label pairs such as -2.2:0,0.4:1".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_keeps_forty_characters() {
        assert_eq!(excerpt("short"), "short");
        let forty = "x".repeat(40);
        assert_eq!(excerpt(&forty), forty);
        assert_eq!(excerpt(&"交".repeat(41)), format!("{}…", "交".repeat(39)));
    }

    fn one_of_each() -> Vec<Notice> {
        let text = || "x".to_owned();
        vec![
            Notice::OutOfRange {
                key: "C",
                text: text(),
                used: text(),
            },
            Notice::Malformed {
                key: "C",
                text: text(),
                expected: Expected::Number,
            },
            Notice::Malformed {
                key: "K",
                text: text(),
                expected: Expected::WholeNumber,
            },
            Notice::Malformed {
                key: "bl",
                text: text(),
                expected: Expected::Flag,
            },
            Notice::Malformed {
                key: "lang",
                text: text(),
                expected: Expected::OneOf(vec!["en", "zh"]),
            },
            Notice::Malformed {
                key: "pts",
                text: text(),
                expected: Expected::Points,
            },
            Notice::Empty { key: "C" },
            Notice::UnknownKey { key: text() },
            Notice::Repeated {
                key: "C",
                ignored: text(),
            },
            Notice::TooManyPoints { given: 1001 },
            Notice::BadPoints {
                count: 1,
                first: text(),
            },
            Notice::BadPoints {
                count: 2,
                first: text(),
            },
            Notice::PointsOutOfRange {
                count: 1,
                first: text(),
            },
            Notice::PointsOutOfRange {
                count: 2,
                first: text(),
            },
            Notice::UnknownFigure { name: text() },
            Notice::Omitted { count: 3 },
        ]
    }

    #[test]
    fn every_notice_reads_in_english_and_in_chinese() {
        let is_chinese = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        for notice in one_of_each() {
            let (en, zh) = (notice.message(Lang::En), notice.message(Lang::Zh));
            assert!(!en.contains(is_chinese), "{en}");
            assert!(zh.contains(is_chinese), "{zh}");
        }
    }

    #[test]
    fn the_out_of_range_message_reads_in_both_languages() {
        let notice = Notice::OutOfRange {
            key: "C",
            text: "5000".into(),
            used: "1000".into(),
        };
        assert_eq!(
            notice.message(Lang::En),
            "C = 5000 is out of range; using 1000."
        );
        assert_eq!(notice.message(Lang::Zh), "C = 5000 超出范围，已使用 1000。");
    }

    #[test]
    fn a_malformed_value_says_what_was_expected() {
        let notice = Notice::Malformed {
            key: "reg",
            text: "l1".into(),
            expected: Expected::OneOf(vec!["off", "l2"]),
        };
        assert_eq!(
            notice.message(Lang::En),
            "reg = l1 is not valid (expected one of off, l2); it was ignored."
        );
        assert_eq!(
            notice.message(Lang::Zh),
            "reg = l1 无效，已忽略（应为：off、l2 之一）。"
        );
    }
}
