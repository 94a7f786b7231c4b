//! The page's markup that is written, not hand-made in `index.html`: each
//! figure's `<figure>` and the calculators' table rows. The prerender writes
//! them into the built page; the shell writes the same markup where the page
//! lacks it (a page built without the prerender), so both say the same.

use std::fmt::Write;

use super::calculators::CalculatorView;
use super::msg::ExportKind;
use crate::charts::{Figure, Pointer};
use crate::i18n::{element_text, t, Lang};

/// A figure's still picture: its image files, as the prerender writes them.
#[derive(Clone, Debug, PartialEq)]
pub struct Still {
    /// The folder of the images, relative to the page (`figures`).
    pub folder: String,
    /// The image's size at the page's widest column, in CSS pixels.
    pub size: (u32, u32),
    /// Load it at once: it may be the first thing a reader sees.
    pub eager: bool,
}

/// Which variant of a still an image file is: the page's narrow layout,
/// the dark theme, both, or neither.
pub const STILL_VARIANTS: [(&str, Option<&str>); 4] = [
    // The order of `<source>`s: the first whose media matches is shown.
    (".dark.narrow", Some("(max-width: 520px) and (prefers-color-scheme: dark)")),
    (".dark", Some("(prefers-color-scheme: dark)")),
    (".narrow", Some("(max-width: 520px)")),
    ("", None),
];

/// The ids the figure's markup gives its parts.
pub fn title_id(figure: Figure) -> String {
    format!("fig-{}-title", figure.name())
}

/// The id of the figure's description, the text that follows the state.
pub fn description_id(figure: Figure) -> String {
    format!("fig-{}-desc", figure.name())
}

/// A figure's `<figure>`: a box for its canvas (holding its still picture
/// until the canvas is drawn), its description for screen readers, and a
/// caption with its title, its error line and its export buttons.
pub fn figure(figure: Figure, lang: Lang, description: &str, still: Option<&Still>) -> String {
    let name = figure.name();
    let title_id = title_id(figure);
    let mut html =
        format!("<figure class=\"fig\" data-shape=\"{}\"><div class=\"canvas-box\">", figure.spec().shape.name());
    if let Some(still) = still {
        html.push_str("<picture class=\"still\">");
        for (suffix, media) in STILL_VARIANTS {
            let file = format!("{}/{name}{suffix}.svg", still.folder);
            match media {
                Some(media) => {
                    let _ = write!(html, "<source media=\"{media}\" srcset=\"{file}\">");
                }
                None => {
                    let (width, height) = still.size;
                    let loading = if still.eager { "eager" } else { "lazy" };
                    let _ = write!(
                        html,
                        "<img src=\"{file}\" alt=\"{}\" aria-describedby=\"{}\" width=\"{width}\" height=\"{height}\" loading=\"{loading}\" decoding=\"async\">",
                        escape_attribute(t(lang, figure.title_key())),
                        description_id(figure),
                    );
                }
            }
        }
        html.push_str("</picture>");
    }
    let _ = write!(
        html,
        "</div><p class=\"sr-only\" id=\"{}\">{}</p><figcaption><span class=\"fig-title\" id=\"{title_id}\" data-i18n=\"{}\">{}</span><span class=\"fig-error\" role=\"alert\"></span><span class=\"fig-tools\">",
        description_id(figure),
        escape_text(description),
        figure.title_key(),
        escape_text(&element_text(lang, figure.title_key()).unwrap_or_else(|| figure.title_key().to_owned())),
    );
    for (kind, key) in
        [(ExportKind::Svg, "fig.download-svg"), (ExportKind::Png, "fig.download-png"), (ExportKind::Embed, "fig.embed")]
    {
        // Its name is its visible word and the figure's title, so a screen
        // reader's list of buttons tells the eighteen "SVG"s apart, and a
        // voice command that says what the button shows reaches it.
        let id = format!("fig-{name}-{}", kind.word());
        let _ = write!(
            html,
            "<button type=\"button\" class=\"ghost\" id=\"{id}\" data-export=\"{}\" data-figure-name=\"{name}\" aria-labelledby=\"{id} {title_id}\"",
            kind.word()
        );
        if kind == ExportKind::Embed {
            let _ = write!(html, " aria-describedby=\"{id}-hint\"");
        }
        let _ = write!(html, " data-i18n=\"{key}\">{}</button>", escape_text(t(lang, key)));
        if kind == ExportKind::Embed {
            let _ = write!(
                html,
                "<span id=\"{id}-hint\" hidden data-i18n=\"fig.embed.label\">{}</span>",
                escape_text(t(lang, "fig.embed.label"))
            );
        }
    }
    html.push_str("</span></figcaption></figure>");
    html
}

/// Whether a figure takes the keyboard (its points can be moved): only
/// those are in the tab order.
pub fn takes_keys(figure: Figure) -> bool {
    matches!(figure.spec().pointer, Pointer::Moves | Pointer::Plane)
}

/// A calculator's table rows: one per semantics, its value a readout
/// (`<calc>-<semantics>`).
pub fn calculator_rows(calc: &str, view: &CalculatorView) -> String {
    let mut html = String::new();
    for row in &view.rows {
        let main = if row.semantics == "keras" { " class=\"main\"" } else { "" };
        let _ = write!(
            html,
            "<tr{main} data-semantics=\"{}\"><td>{}</td><td class=\"value\" data-readout=\"{calc}-{}\">{}</td><td>{}</td></tr>",
            row.semantics,
            escape_text(row.label),
            row.semantics,
            escape_text(&row.value),
            escape_text(&row.why),
        );
    }
    html
}

/// `text` as the content of an element.
pub fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// `text` as an attribute's value in double quotes.
pub fn escape_attribute(text: &str) -> String {
    escape_text(text).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_names_its_parts_and_its_buttons_say_what_they_show() {
        let still = Still { folder: "figures".into(), size: (696, 392), eager: false };
        let html = figure(Figure::Fit, Lang::En, "p < 1 & more", Some(&still));
        assert!(html.starts_with(
            "<figure class=\"fig\" data-shape=\"default\"><div class=\"canvas-box\"><picture class=\"still\">"
        ));
        assert!(html.contains("<source media=\"(max-width: 520px)\" srcset=\"figures/fit.narrow.svg\">"), "{html}");
        assert!(html.contains("<img src=\"figures/fit.svg\" alt=\"A sigmoid fitted"), "{html}");
        assert!(html.contains("width=\"696\" height=\"392\" loading=\"lazy\""), "{html}");
        assert!(html.contains("<p class=\"sr-only\" id=\"fig-fit-desc\">p &lt; 1 &amp; more</p>"), "{html}");
        assert!(html.contains("id=\"fig-fit-embed\" data-export=\"embed\" data-figure-name=\"fit\" aria-labelledby=\"fig-fit-embed fig-fit-title\" aria-describedby=\"fig-fit-embed-hint\" data-i18n=\"fig.embed\">Embed</button>"), "{html}");
        assert_eq!(html.matches("<button").count(), 3);
        let bare = figure(Figure::Points, Lang::Zh, "", None);
        assert!(bare.contains("<div class=\"canvas-box\"></div>"), "{bare}");
        assert!(bare.contains(">嵌入</button>"), "{bare}");
    }
}
