//! Reading query values into a state's fields, leniently: whatever the text,
//! the field ends up valid and the reader learns why a value was not taken.

use std::ops::RangeInclusive;

use crate::number::format::shortest;
use super::notice::{Expected, Notice, NoticeList};
use crate::i18n::excerpt;
use super::percent::percent_decode;
use super::{Point, MAX_POINTS, X_RANGE};
use crate::number::parse_f64;

/// A word that stands for an enum value in the URL (`reg=off`).
pub(crate) trait UrlWord: Copy + PartialEq + 'static {
    /// Every value and its word; reading ignores ASCII case.
    const CHOICES: &'static [(&'static str, Self)];

    fn url_word(self) -> &'static str {
        Self::CHOICES
            .iter()
            .find(|(_, value)| *value == self)
            .map_or("", |(word, _)| word)
    }
}

/// The query's values by key, taken one by one as the fields are read.
pub(crate) struct Reader {
    keys: &'static [&'static str],
    values: Vec<Option<String>>,
    pub(crate) notices: NoticeList,
}

impl Reader {
    /// Splits `query` (no `?`, no `#`) into pairs for the known `keys`;
    /// unknown and repeated keys are noticed here.
    pub(crate) fn new(query: &str, keys: &'static [&'static str]) -> Reader {
        let mut reader = Reader {
            keys,
            values: vec![None; keys.len()],
            notices: NoticeList::default(),
        };
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = percent_decode(key);
            match keys.iter().position(|known| *known == key) {
                None => reader
                    .notices
                    .push(Notice::UnknownKey { key: excerpt(&key) }),
                Some(i) => {
                    if let Some(earlier) = reader.values[i].replace(percent_decode(value)) {
                        reader.notices.push(Notice::Repeated {
                            key: keys[i],
                            ignored: excerpt(&earlier),
                        });
                    }
                }
            }
        }
        reader
    }

    /// The notices; every known key must have been read by now.
    pub(crate) fn finish(self) -> Vec<Notice> {
        debug_assert!(self.values.iter().all(Option::is_none), "a key in KEYS is never read");
        self.notices.into_vec()
    }

    /// The value of `key`, as typed: an empty value is the empty text.
    pub(crate) fn text(&mut self, key: &'static str) -> Option<String> {
        let i = self.keys.iter().position(|known| *known == key)?;
        self.values[i].take()
    }

    /// The trimmed value of `key`; an empty one is noticed and skipped.
    fn value(&mut self, key: &'static str) -> Option<String> {
        let value = self.text(key)?;
        let trimmed = value.trim();
        if trimmed.is_empty() {
            self.notices.push(Notice::Empty { key });
            return None;
        }
        Some(trimmed.to_owned())
    }

    fn malformed(&mut self, key: &'static str, text: &str, expected: Expected) {
        self.notices.push(Notice::Malformed {
            key,
            text: excerpt(text),
            expected,
        });
    }

    /// A number, clamped into `range`; infinities clamp, NaN is malformed.
    pub(crate) fn number(
        &mut self,
        key: &'static str,
        range: &RangeInclusive<f64>,
        field: &mut f64,
    ) {
        let Some(text) = self.value(key) else { return };
        match parse_f64(&text) {
            Some(x) if !x.is_nan() => *field = self.clamp(key, &text, x, range),
            _ => self.malformed(key, &text, Expected::Number),
        }
    }

    /// A whole number, clamped into `range`.
    pub(crate) fn whole(
        &mut self,
        key: &'static str,
        range: &RangeInclusive<u32>,
        field: &mut u32,
    ) {
        let Some(text) = self.value(key) else { return };
        match parse_f64(&text) {
            Some(x) if !x.is_nan() && x.fract() == 0.0 || x.is_infinite() => {
                let wide = f64::from(*range.start())..=f64::from(*range.end());
                // Clamped into a u32 range, so the cast is exact.
                *field = self.clamp(key, &text, x, &wide) as u32;
            }
            _ => self.malformed(key, &text, Expected::WholeNumber),
        }
    }

    fn clamp(&mut self, key: &'static str, text: &str, x: f64, range: &RangeInclusive<f64>) -> f64 {
        let clamped = x.clamp(*range.start(), *range.end());
        if clamped != x {
            self.notices.push(Notice::OutOfRange {
                key,
                text: excerpt(text),
                used: shortest(clamped),
            });
        }
        // `+ 0.0` turns −0 into 0, so `-0` and `0` read alike.
        clamped + 0.0
    }

    /// `1` or `0` (also `true` or `false`).
    pub(crate) fn flag(&mut self, key: &'static str, field: &mut bool) {
        let Some(text) = self.value(key) else { return };
        match text.to_ascii_lowercase().as_str() {
            "1" | "true" => *field = true,
            "0" | "false" => *field = false,
            _ => self.malformed(key, &text, Expected::Flag),
        }
    }

    /// One of `T`'s words.
    pub(crate) fn word<T: UrlWord>(&mut self, key: &'static str, field: &mut T) {
        let Some(text) = self.value(key) else { return };
        match T::CHOICES
            .iter()
            .find(|(word, _)| word.eq_ignore_ascii_case(&text))
        {
            Some(&(_, value)) => *field = value,
            None => {
                let words = T::CHOICES.iter().map(|(word, _)| *word).collect();
                self.malformed(key, &text, Expected::OneOf(words));
            }
        }
    }

    /// One of `words`, as the owned text of that word.
    pub(crate) fn one_of(&mut self, key: &'static str, words: &[&'static str], field: &mut String) {
        let Some(text) = self.value(key) else { return };
        match words.iter().find(|word| word.eq_ignore_ascii_case(&text)) {
            Some(word) => *field = (*word).to_owned(),
            None => self.malformed(key, &text, Expected::OneOf(words.to_vec())),
        }
    }

    /// Points as `x:label` pairs (`-2.2:0,0.4:1`), or `none` for no points.
    /// Bad pairs are skipped, far points moved to the edge of [`X_RANGE`],
    /// and only the first [`MAX_POINTS`] kept; if no pair can be read at
    /// all, the points stay as they were.
    pub(crate) fn points(&mut self, key: &'static str, field: &mut Vec<Point>) {
        let Some(text) = self.value(key) else { return };
        if text.eq_ignore_ascii_case(POINTS_NONE) {
            field.clear();
            return;
        }
        let mut items = text
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty());
        let mut points = Vec::new();
        let (mut bad, mut first_bad) = (0, None);
        let (mut far, mut first_far) = (0, None);
        for item in items.by_ref() {
            let Some(point) = read_point(item) else {
                bad += 1;
                first_bad.get_or_insert_with(|| excerpt(item));
                continue;
            };
            let x = point.x.clamp(*X_RANGE.start(), *X_RANGE.end());
            if x != point.x {
                far += 1;
                first_far.get_or_insert_with(|| excerpt(item));
            }
            points.push(Point {
                x: x + 0.0,
                green: point.green,
            });
            if points.len() == MAX_POINTS {
                break;
            }
        }
        let rest = items.count();
        if points.is_empty() {
            return self.malformed(key, &text, Expected::Points);
        }
        if let Some(first) = first_bad {
            self.notices.push(Notice::BadPoints { count: bad, first });
        }
        if let Some(first) = first_far {
            self.notices
                .push(Notice::PointsOutOfRange { count: far, first });
        }
        if rest > 0 {
            self.notices.push(Notice::TooManyPoints {
                given: bad + MAX_POINTS + rest,
            });
        }
        *field = points;
    }
}

/// The value of `pts` for an empty list of points.
pub(crate) const POINTS_NONE: &str = "none";

/// One `x:label` pair; `x` may lie out of range (the caller clamps it).
fn read_point(item: &str) -> Option<Point> {
    let (x, label) = item.split_once(':')?;
    let x = parse_f64(x.trim()).filter(|x| !x.is_nan())?;
    let green = match label.trim() {
        "0" => false,
        "1" => true,
        _ => return None,
    };
    Some(Point { x, green })
}
