//! Points as CSV text, `x,label` or `x,label,held_out` per line: what a
//! reader pastes to replace the points, and what the page offers to copy.

use super::fields::{Point, MAX_POINTS, X_RANGE};
use crate::i18n::{excerpt, Message};
use crate::number::{format, parse_f64};

/// A line of pasted CSV that could not be read, by 1-based line number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// The line held neither two values nor three.
    FieldCount { line: usize, found: usize },
    /// `x` is not a number.
    BadX { line: usize, text: String },
    /// `x` lies beyond [`X_RANGE`] (or is infinite).
    XOutOfRange { line: usize, text: String },
    /// The label is none of `0`, `1`, `red`, `green`.
    BadLabel { line: usize, text: String },
    /// The third value is none of `0`, `1`, `train`, `held-out`.
    BadSplit { line: usize, text: String },
    /// This line holds point number [`MAX_POINTS`] + 1; reading stopped.
    TooManyPoints { line: usize },
    /// Nothing but blank lines (and perhaps a header).
    NoPoints,
    /// So many bad lines that the rest are only counted.
    Omitted { count: usize },
}

/// At most this many errors are listed; the rest are counted.
const MAX_ERRORS: usize = 20;

/// Reads pasted text, one point per line as `x,label` (a tab or `;` may
/// stand for the comma). The label is `0` or `red`, `1` or `green`. A third
/// value marks a held-out point: `1` or `held-out` (`0` or `train` for a
/// training point, as are points without one). Blank lines are skipped, and
/// so is a first line that is a header (`x,label`). Every bad line is
/// reported, and no points are returned unless all lines are good.
///
/// ```
/// use losslab::state::{parse_points_csv, Point};
/// let points = parse_points_csv("x,label\n-2.2,red\n0.4,1,held-out\n").unwrap();
/// assert_eq!(points, [Point::new(-2.2, false), Point { x: 0.4, green: true, held_out: true }]);
/// ```
pub fn parse_points_csv(text: &str) -> Result<Vec<Point>, Vec<CsvError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut points = Vec::new();
    let mut errors = Vec::new();
    let mut omitted = 0;
    let mut report = |error| {
        if errors.len() < MAX_ERRORS {
            errors.push(error);
        } else {
            omitted += 1;
        }
    };
    let mut first_line = true;
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let line_number = index + 1;
        let fields: Vec<&str> = line.split([',', '\t', ';']).map(str::trim).collect();
        if std::mem::take(&mut first_line) && is_header(&fields) {
            continue;
        }
        match read_line(line_number, &fields) {
            Ok(_) if points.len() == MAX_POINTS => {
                report(CsvError::TooManyPoints { line: line_number });
                break;
            }
            Ok(point) => points.push(point),
            Err(error) => report(error),
        }
    }
    if points.is_empty() && errors.is_empty() {
        errors.push(CsvError::NoPoints);
    }
    if omitted > 0 {
        errors.push(CsvError::Omitted { count: omitted });
    }
    if errors.is_empty() {
        Ok(points)
    } else {
        Err(errors)
    }
}

/// The points as CSV text with a header, which [`parse_points_csv`] reads
/// back to the same points; a third column `held_out` when any is.
pub fn points_csv(points: &[Point]) -> String {
    let split = points.iter().any(|p| p.held_out);
    let mut csv = String::from(if split { "x,label,held_out\n" } else { "x,label\n" });
    for point in points {
        csv.push_str(&format!("{},{}", format::shortest(point.x), u8::from(point.green)));
        csv.push_str(if !split {
            "\n"
        } else if point.held_out {
            ",1\n"
        } else {
            ",0\n"
        });
    }
    csv
}

/// A header is a first line whose `x` is no number and whose label is no
/// label, such as `x,label` or `x,y`.
fn is_header(fields: &[&str]) -> bool {
    parse_f64(fields[0]).is_none() && fields.get(1).is_none_or(|label| read_label(label).is_none())
}

fn read_line(line: usize, fields: &[&str]) -> Result<Point, CsvError> {
    let (x_text, label_text, split_text) = match *fields {
        [x, label] => (x, label, None),
        [x, label, split] => (x, label, Some(split)),
        _ => return Err(CsvError::FieldCount { line, found: fields.len() }),
    };
    let x = match parse_f64(x_text) {
        Some(x) if x.is_nan() => return Err(CsvError::BadX { line, text: excerpt(x_text) }),
        Some(x) if !X_RANGE.contains(&x) => return Err(CsvError::XOutOfRange { line, text: excerpt(x_text) }),
        Some(x) => x + 0.0,
        None => return Err(CsvError::BadX { line, text: excerpt(x_text) }),
    };
    let green = read_label(label_text).ok_or_else(|| CsvError::BadLabel { line, text: excerpt(label_text) })?;
    let held_out = match split_text {
        None => false,
        Some(text) => read_split(text).ok_or_else(|| CsvError::BadSplit { line, text: excerpt(text) })?,
    };
    Ok(Point { x, green, held_out })
}

/// `0`, empty or `train` → false, `1`, `held-out` or `held_out` → true.
fn read_split(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "" | "0" | "train" => Some(false),
        "1" | "held-out" | "held_out" => Some(true),
        _ => None,
    }
}

/// `0` or `red` → false, `1` or `green` → true (case ignored; `1.0` too).
fn read_label(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "red" => Some(false),
        "green" => Some(true),
        number => match parse_f64(number) {
            Some(0.0) => Some(false),
            Some(1.0) => Some(true),
            _ => None,
        },
    }
}

impl CsvError {
    /// The error as a sentence for the reader, from the word tables.
    pub fn message(&self) -> Message {
        let m = Message::new;
        match self {
            CsvError::FieldCount { line, found: 1 } => m("csv.field-count.one").with("line", line.to_string()),
            CsvError::FieldCount { line, found } => {
                m("csv.field-count").with("line", line.to_string()).with("found", found.to_string())
            }
            CsvError::BadX { line, text } => m("csv.bad-x").with("line", line.to_string()).with("text", text.as_str()),
            CsvError::XOutOfRange { line, text } => m("csv.x-range")
                .with("line", line.to_string())
                .with("text", text.as_str())
                .with("low", format::plain(*X_RANGE.start()))
                .with("high", format::plain(*X_RANGE.end())),
            CsvError::BadLabel { line, text } => {
                m("csv.bad-label").with("line", line.to_string()).with("text", text.as_str())
            }
            CsvError::BadSplit { line, text } => {
                m("csv.bad-split").with("line", line.to_string()).with("text", text.as_str())
            }
            CsvError::TooManyPoints { line } => {
                m("csv.too-many").with("line", line.to_string()).with("max", MAX_POINTS.to_string())
            }
            CsvError::NoPoints => m("csv.no-points"),
            CsvError::Omitted { count } => m("csv.omitted").with("count", count.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_error_reads_in_english_and_in_chinese() {
        let text = || "x".to_owned();
        let errors = [
            CsvError::FieldCount { line: 1, found: 1 },
            CsvError::FieldCount { line: 1, found: 3 },
            CsvError::BadX { line: 1, text: text() },
            CsvError::XOutOfRange { line: 1, text: text() },
            CsvError::BadLabel { line: 1, text: text() },
            CsvError::BadSplit { line: 1, text: text() },
            CsvError::TooManyPoints { line: 1001 },
            CsvError::NoPoints,
            CsvError::Omitted { count: 2 },
        ];
        let is_chinese = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        for error in errors {
            let (en, zh) = (error.message().text(Lang::En), error.message().text(Lang::Zh));
            assert!(!en.contains(is_chinese), "{en}");
            assert!(zh.contains(is_chinese), "{zh}");
        }
    }

    #[test]
    fn a_label_may_be_a_word_or_a_number() {
        assert_eq!(read_label("GREEN"), Some(true));
        assert_eq!(read_label("1.0"), Some(true));
        assert_eq!(read_label("-0"), Some(false));
        assert_eq!(read_label("0.5"), None);
    }

    #[test]
    fn held_out_points_round_trip_through_csv() {
        let points = vec![Point::new(-1.0, false), Point { x: 2.5, green: true, held_out: true }];
        let csv = points_csv(&points);
        assert_eq!(csv, "x,label,held_out\n-1,0,0\n2.5,1,1\n");
        assert_eq!(parse_points_csv(&csv), Ok(points));
        assert_eq!(points_csv(&[Point::new(1.0, true)]), "x,label\n1,1\n");
        assert_eq!(parse_points_csv("1,1,maybe"), Err(vec![CsvError::BadSplit { line: 1, text: "maybe".into() }]));
    }
}
