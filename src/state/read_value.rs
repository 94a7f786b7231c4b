//! Reading query values into a state's fields, leniently: whatever the text,
//! the field ends up valid and the reader learns why a value was not taken.

use super::fields::{PlanePoint, Point, MAX_POINTS, PLANE_CLASSES_RANGE, X_RANGE};
use super::notice::{Expected, Notice, NoticeList};
use super::percent::percent_decode;
use crate::i18n::excerpt;
use crate::number::format::shortest;
use crate::number::parse_f64;

/// The `key=value` pairs of `query` (no `?`, no `#`), as written: not
/// decoded; a pair without `=` has the empty value.
pub fn split_pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query.split('&').filter(|pair| !pair.is_empty()).map(|pair| pair.split_once('=').unwrap_or((pair, "")))
}

/// The query's values by key, taken one by one as the fields are read.
pub struct Reader {
    keys: Vec<&'static str>,
    values: Vec<Option<String>>,
    notices: NoticeList,
}

impl Reader {
    /// Splits `query` (no `?`, no `#`) into pairs for the known `keys`;
    /// unknown and repeated keys are noticed here.
    pub fn new(query: &str, keys: Vec<&'static str>) -> Reader {
        let mut reader = Reader { values: vec![None; keys.len()], keys, notices: NoticeList::default() };
        for (key, value) in split_pairs(query) {
            let key = percent_decode(key);
            match reader.keys.iter().position(|known| *known == key) {
                None => reader.notices.push(Notice::UnknownKey { key: excerpt(&key) }),
                Some(i) => {
                    if let Some(earlier) = reader.values[i].replace(percent_decode(value)) {
                        reader.notices.push(Notice::Repeated { key: reader.keys[i], ignored: excerpt(&earlier) });
                    }
                }
            }
        }
        reader
    }

    /// The notices; every known key must have been read by now.
    pub fn finish(self) -> Vec<Notice> {
        debug_assert!(self.values.iter().all(Option::is_none), "a key in KEYS is never read");
        self.notices.into_vec()
    }

    /// The value of `key`, as typed: an empty value is the empty text.
    pub fn text(&mut self, key: &'static str) -> Option<String> {
        let i = self.keys.iter().position(|known| *known == key)?;
        self.values[i].take()
    }

    /// The trimmed value of `key`; an empty one is noticed and skipped.
    pub fn value(&mut self, key: &'static str) -> Option<String> {
        let value = self.text(key)?;
        let trimmed = value.trim();
        if trimmed.is_empty() {
            self.notices.push(Notice::Empty { key });
            return None;
        }
        Some(trimmed.to_owned())
    }

    pub fn malformed(&mut self, key: &'static str, text: &str, expected: Expected) {
        self.notices.push(Notice::Malformed { key, text: excerpt(text), expected });
    }

    /// A value was out of range and `used` was taken instead.
    pub fn clamped(&mut self, key: &'static str, text: &str, used: f64) {
        self.notices.push(Notice::OutOfRange { key, text: excerpt(text), used: shortest(used) });
    }

    /// Something else worth telling the reader about the link.
    pub fn notice(&mut self, notice: Notice) {
        self.notices.push(notice);
    }

    /// Points as `x:label` pairs (`-2.2:0,0.4:1`), or `none` for no points.
    /// Bad pairs are skipped, far points moved to the edge of [`X_RANGE`],
    /// and only the first [`MAX_POINTS`] kept; if no pair can be read at
    /// all, the points stay as they were.
    pub(crate) fn points(&mut self, key: &'static str) -> Option<Vec<Point>> {
        let text = self.value(key)?;
        if text.eq_ignore_ascii_case(POINTS_NONE) {
            return Some(Vec::new());
        }
        let mut items = text.split(',').map(str::trim).filter(|item| !item.is_empty());
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
            points.push(Point { x: x + 0.0, ..point });
            if points.len() == MAX_POINTS {
                break;
            }
        }
        let rest = items.count();
        if points.is_empty() {
            self.malformed(key, &text, Expected::Points);
            return None;
        }
        if let Some(first) = first_bad {
            self.notices.push(Notice::BadPoints { count: bad, first });
        }
        if let Some(first) = first_far {
            self.notices.push(Notice::PointsOutOfRange { count: far, first });
        }
        if rest > 0 {
            self.notices.push(Notice::TooManyPoints { given: bad + MAX_POINTS + rest });
        }
        Some(points)
    }
}

impl Reader {
    /// Points in the plane as `x:y:class` triples (`1.2:-0.5:2,0:3:0`).
    /// Unreadable triples are skipped, points outside the plane moved to its
    /// edge, and only the first [`MAX_POINTS`] kept; if no triple
    /// can be read at all, the points stay as they were.
    pub(crate) fn plane_points(&mut self, key: &'static str) -> Option<Vec<PlanePoint>> {
        let text = self.value(key)?;
        let mut items = text.split(',').map(str::trim).filter(|item| !item.is_empty());
        let mut points = Vec::new();
        let (mut bad, mut first_bad) = (0, None);
        let (mut far, mut first_far) = (0, None);
        for item in items.by_ref() {
            let Some(point) = read_plane_point(item) else {
                bad += 1;
                first_bad.get_or_insert_with(|| excerpt(item));
                continue;
            };
            if !point.is_inside() {
                far += 1;
                first_far.get_or_insert_with(|| excerpt(item));
            }
            points.push(point.inside());
            if points.len() == MAX_POINTS {
                break;
            }
        }
        let rest = items.count();
        if points.is_empty() {
            self.malformed(key, &text, Expected::PlanePoints);
            return None;
        }
        if let Some(first) = first_bad {
            self.notices.push(Notice::BadPlanePoints { count: bad, first });
        }
        if let Some(first) = first_far {
            self.notices.push(Notice::PlanePointsOutOfRange { count: far, first });
        }
        if rest > 0 {
            self.notices.push(Notice::TooManyPoints { given: bad + MAX_POINTS + rest });
        }
        Some(points)
    }
}

/// One `x:y:class` triple; `x` and `y` may lie out of range (the caller
/// clamps them), the class is one of the plane's.
fn read_plane_point(item: &str) -> Option<PlanePoint> {
    let mut parts = item.split(':').map(str::trim);
    let (x, y, class) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let number = |text: &str| parse_f64(text).filter(|v| !v.is_nan());
    let class = class.parse::<u32>().ok().filter(|c| *c < *PLANE_CLASSES_RANGE.end())?;
    Some(PlanePoint { x: number(x)?, y: number(y)?, class })
}

/// The value of `pts` for an empty list of points.
pub(crate) const POINTS_NONE: &str = "none";

/// One `x:label` pair; `x` may lie out of range (the caller clamps it).
fn read_point(item: &str) -> Option<Point> {
    let (x, label) = item.split_once(':')?;
    let x = parse_f64(x.trim()).filter(|x| !x.is_nan())?;
    let label = label.trim();
    let (label, held_out) = match label.strip_suffix(['h', 'H']) {
        Some(label) => (label, true),
        None => (label, false),
    };
    let green = match label {
        "0" => false,
        "1" => true,
        _ => return None,
    };
    Some(Point { x, green, held_out })
}
