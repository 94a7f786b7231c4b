//! How the page is shown, as opposed to what it shows: the whole page, or
//! only some figures for an `<iframe>` (`?embed=fit,neglog&controls=0`).

use super::notice::Notice;
use crate::i18n::excerpt;
use super::read_value::Reader;
use super::FIGURE_NAMES;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    /// `None` for the whole page; else the figures to show alone, in this
    /// order, each one of [`FIGURE_NAMES`]. Default `None`. (`Some` of an
    /// empty list is written as nothing, so it reads back as `None`.)
    pub embed: Option<Vec<String>>,
    /// Whether the figures' own controls are shown. Default `true`.
    pub controls: bool,
}

impl Default for View {
    fn default() -> Self {
        View {
            embed: None,
            controls: true,
        }
    }
}

impl View {
    /// The URL pairs of this view, without defaults.
    pub(crate) fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(figures) = self.embed.as_ref().filter(|figures| !figures.is_empty()) {
            pairs.push((EMBED, figures.join(",")));
        }
        if !self.controls {
            pairs.push((CONTROLS, "0".to_owned()));
        }
        pairs
    }

    pub(crate) fn read(reader: &mut Reader) -> View {
        let mut view = View::default();
        if let Some(text) = reader.text(EMBED) {
            view.embed = read_figures(reader, &text);
        }
        reader.flag(CONTROLS, &mut view.controls);
        view
    }
}

pub(crate) const EMBED: &str = "embed";
pub(crate) const CONTROLS: &str = "controls";

/// The known figures named in `text`, in order, each once; unknown names
/// are noticed and skipped.
fn read_figures(reader: &mut Reader, text: &str) -> Option<Vec<String>> {
    let mut figures: Vec<String> = Vec::new();
    let mut any_unknown = false;
    let names = text
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty());
    for name in names {
        if !FIGURE_NAMES.contains(&name) {
            reader.notices.push(Notice::UnknownFigure {
                name: excerpt(name),
            });
            any_unknown = true;
        } else if !figures.iter().any(|known| known == name) {
            figures.push(name.to_owned());
        }
    }
    if figures.is_empty() && !any_unknown {
        reader.notices.push(Notice::Empty { key: EMBED });
    }
    Some(figures).filter(|figures| !figures.is_empty())
}
