//! How the page is shown, as opposed to what it shows: the whole page, or
//! only some figures for an `<iframe>` (`?embed=fit,neglog&controls=0`); what
//! a lesson link fixes (`show=`, `lock=`, `ask=`); and whether an embed talks
//! to the page around it (`api=1`, `origin=`).

use super::question::Question;
use super::section::Section;
use crate::charts::{Figure, Pointer};
use crate::i18n::excerpt;
use crate::state::{Expected, Kind, Notice, Reader, Setting, Value};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    /// `None` for the whole page; else the figures to show alone, in this
    /// order. Default `None`. (`Some` of an empty list is written as
    /// nothing, so it reads back as `None`.)
    pub embed: Option<Vec<Figure>>,
    /// Whether the figures' own controls are shown. Default `true`.
    pub controls: bool,
    /// `None` for every section; else only these are shown. Default `None`.
    pub show: Option<Vec<Section>>,
    /// Settings whose controls are shown but cannot be used. Default none.
    pub lock: Vec<Setting>,
    /// The question opened on arrival. Default none.
    pub ask: Option<Question>,
    /// Whether an embed talks to its parent page through `postMessage`.
    /// Default off.
    pub api: bool,
    /// The parent page's origin (`https://course.example`): messages with
    /// state go to it alone, and only its messages are heard. Default none.
    pub origin: Option<String>,
}

impl Default for View {
    fn default() -> Self {
        View { embed: None, controls: true, show: None, lock: Vec::new(), ask: None, api: false, origin: None }
    }
}

/// The keys of a view in a link, in the order they are written (first).
pub const VIEW_KEYS: [&str; 7] = [EMBED, CONTROLS, SHOW, LOCK, ASK, API, ORIGIN];
const EMBED: &str = "embed";
const CONTROLS: &str = "controls";
const SHOW: &str = "show";
const LOCK: &str = "lock";
const ASK: &str = "ask";
const API: &str = "api";
const ORIGIN: &str = "origin";

impl View {
    /// Whether `figure` is shown.
    pub fn shows(&self, figure: Figure) -> bool {
        self.embedded().is_none_or(|figures| figures.contains(&figure))
    }

    /// The figures an embed shows (`None` for the whole page): those its
    /// link names, and first the points' figure where the question it asks
    /// is answered by picking a point and none of them can take one.
    pub fn embedded(&self) -> Option<Vec<Figure>> {
        let mut figures = self.embed.clone()?;
        let pickable = figures.iter().any(|f| f.spec().pointer == Pointer::Moves);
        if self.ask.is_some_and(Question::picks_point) && !pickable {
            figures.insert(0, Figure::Points);
        }
        Some(figures)
    }

    /// Whether `section` is shown: listed by `show=` (or no list), or the
    /// home of the question `ask=` opens.
    pub fn shows_section(&self, section: Section) -> bool {
        self.show.as_ref().is_none_or(|sections| sections.contains(&section))
            || self.ask.is_some_and(|q| q.section() == section)
    }

    /// Whether a setting's control is locked by the link. Locked points lock
    /// what would replace them too: the data set and its seed.
    pub fn locks(&self, setting: Setting) -> bool {
        self.lock.contains(&setting)
            || (matches!(setting, Setting::Data | Setting::Seed) && self.lock.contains(&Setting::Points))
    }

    /// The link pairs of this view, without defaults.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        let list = |words: Vec<&str>| words.join(",");
        if let Some(figures) = self.embed.as_ref().filter(|figures| !figures.is_empty()) {
            pairs.push((EMBED, list(figures.iter().map(|f| f.name()).collect())));
        }
        if !self.controls {
            pairs.push((CONTROLS, "0".to_owned()));
        }
        if let Some(sections) = &self.show {
            pairs.push((SHOW, list(sections.iter().map(|s| s.word()).collect())));
        }
        if !self.lock.is_empty() {
            pairs.push((LOCK, list(self.lock.iter().map(|s| s.spec().control).collect())));
        }
        if let Some(question) = self.ask {
            pairs.push((ASK, question.word().to_owned()));
        }
        if self.api {
            pairs.push((API, "1".to_owned()));
        }
        if let Some(origin) = &self.origin {
            pairs.push((ORIGIN, origin.clone()));
        }
        pairs
    }

    /// The view a link's keys ask for; what they get wrong is noticed.
    pub fn read(reader: &mut Reader) -> View {
        let mut view = View::default();
        if let Some(text) = reader.text(EMBED) {
            view.embed = read_list(reader, EMBED, &text, Figure::from_name).filter(|figures| !figures.is_empty());
        }
        view.controls = read_flag(reader, CONTROLS).unwrap_or(true);
        if let Some(text) = reader.text(SHOW) {
            view.show = read_list(reader, SHOW, &text, Section::from_word);
        }
        if let Some(text) = reader.text(LOCK) {
            view.lock = read_list(reader, LOCK, &text, Setting::from_control).unwrap_or_default();
        }
        if let Some(text) = reader.value(ASK) {
            match Question::from_word(&text) {
                Some(question) => view.ask = Some(question),
                None => reader.notice(Notice::UnknownName { key: ASK, name: excerpt(&text) }),
            }
        }
        view.api = read_flag(reader, API).unwrap_or(false);
        if let Some(text) = reader.value(ORIGIN) {
            match is_origin(&text) {
                true => view.origin = Some(text),
                false => reader.malformed(ORIGIN, &text, Expected::Origin),
            }
        }
        view
    }
}

fn read_flag(reader: &mut Reader, key: &'static str) -> Option<bool> {
    let text = reader.value(key)?;
    match Kind::Flag.read(&text) {
        Ok(Value::Flag(on)) => Some(on),
        _ => {
            reader.malformed(key, &text, Expected::Flag);
            None
        }
    }
}

/// The known names in the comma-separated `text`, in order, each once;
/// unknown names are noticed and skipped. `None` when nothing was named at
/// all (noticed as an empty value).
fn read_list<T: PartialEq>(
    reader: &mut Reader,
    key: &'static str,
    text: &str,
    known: impl Fn(&str) -> Option<T>,
) -> Option<Vec<T>> {
    let names: Vec<&str> = text.split(',').map(str::trim).filter(|name| !name.is_empty()).collect();
    if names.is_empty() {
        reader.notice(Notice::Empty { key });
        return None;
    }
    let mut items = Vec::new();
    for name in names {
        match known(name) {
            None if key == EMBED => reader.notice(Notice::UnknownFigure { name: excerpt(name) }),
            None => reader.notice(Notice::UnknownName { key, name: excerpt(name) }),
            Some(item) if !items.contains(&item) => items.push(item),
            Some(_) => {}
        }
    }
    Some(items)
}

/// Whether `text` is a web origin as `location.origin` writes it:
/// `http(s)://host[:port]`, nothing after.
fn is_origin(text: &str) -> bool {
    let host = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://")).unwrap_or("");
    !host.is_empty()
        && !host.starts_with(['.', ':'])
        && host.chars().all(|c| c.is_ascii_alphanumeric() || "-.[]:".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_scheme_host_and_port_only() {
        for good in
            ["https://course.example", "http://127.0.0.1:8080", "http://[::1]:3000", "http://[::1]", "https://a-b.c"]
        {
            assert!(is_origin(good), "{good}");
        }
        for bad in ["*", "null", "course.example", "https://course.example/", "https://x?y", "ftp://x", "https://"] {
            assert!(!is_origin(bad), "{bad}");
        }
    }
}
