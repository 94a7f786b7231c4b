//! How the page is shown, as opposed to what it shows: the whole page, or
//! only some figures for an `<iframe>` (`?embed=fit,neglog&controls=0`).

use crate::charts::Figure;
use crate::i18n::excerpt;
use crate::state::{Kind, Notice, Reader, Value};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    /// `None` for the whole page; else the figures to show alone, in this
    /// order. Default `None`. (`Some` of an empty list is written as
    /// nothing, so it reads back as `None`.)
    pub embed: Option<Vec<Figure>>,
    /// Whether the figures' own controls are shown. Default `true`.
    pub controls: bool,
}

impl Default for View {
    fn default() -> Self {
        View { embed: None, controls: true }
    }
}

/// The keys of a view in a link, in the order they are written (first).
pub const VIEW_KEYS: [&str; 2] = [EMBED, CONTROLS];
const EMBED: &str = "embed";
const CONTROLS: &str = "controls";

impl View {
    /// Whether `figure` is shown.
    pub fn shows(&self, figure: Figure) -> bool {
        self.embed.as_ref().is_none_or(|figures| figures.contains(&figure))
    }

    /// The link pairs of this view, without defaults.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(figures) = self.embed.as_ref().filter(|figures| !figures.is_empty()) {
            let names: Vec<&str> = figures.iter().map(|f| f.name()).collect();
            pairs.push((EMBED, names.join(",")));
        }
        if !self.controls {
            pairs.push((CONTROLS, "0".to_owned()));
        }
        pairs
    }

    /// The view a link's keys ask for; what they get wrong is noticed.
    pub fn read(reader: &mut Reader) -> View {
        let mut view = View::default();
        if let Some(text) = reader.text(EMBED) {
            view.embed = read_figures(reader, &text);
        }
        if let Some(text) = reader.value(CONTROLS) {
            match Kind::Flag.read(&text) {
                Ok(Value::Flag(on)) => view.controls = on,
                Ok(_) => {}
                Err(expected) => reader.malformed(CONTROLS, &text, expected),
            }
        }
        view
    }
}

/// The known figures named in `text`, in order, each once; unknown names
/// are noticed and skipped.
fn read_figures(reader: &mut Reader, text: &str) -> Option<Vec<Figure>> {
    let mut figures: Vec<Figure> = Vec::new();
    let mut any_unknown = false;
    for name in text.split(',').map(str::trim).filter(|name| !name.is_empty()) {
        match Figure::from_name(name) {
            None => {
                reader.notice(Notice::UnknownFigure { name: excerpt(name) });
                any_unknown = true;
            }
            Some(figure) if !figures.contains(&figure) => figures.push(figure),
            Some(_) => {}
        }
    }
    if figures.is_empty() && !any_unknown {
        reader.notice(Notice::Empty { key: EMBED });
    }
    Some(figures).filter(|figures| !figures.is_empty())
}
