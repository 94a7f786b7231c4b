//! The page's markup that is written, not hand-made in `index.html`: each
//! figure's `<figure>`, each section's code twins and the calculators' table
//! rows. The prerender writes them into the built page; the shell writes the
//! same markup where the page lacks it (a page built without the prerender),
//! so both say the same.

use std::fmt::Write;

use super::calculators::CalculatorView;
use super::msg::{CodeBlock, ExportKind};
use crate::charts::{Figure, Pointer};
use crate::core::code::Framework;
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

/// What a section's "Show code" disclosure (`details[data-code-for]`)
/// holds: its summary, the note on the code, and a block for each of its
/// code twins, each with its framework's name, a copy button and the code
/// (a readout, `code-<block>`, written when the disclosure opens).
pub fn code_twins(section: &str, lang: Lang) -> String {
    let blocks: Vec<CodeBlock> = CodeBlock::ALL.into_iter().filter(|block| block.section() == section).collect();
    let summary = match blocks[..] {
        [only] if only.framework() == Framework::Sklearn => "code.show.sklearn",
        _ => "code.show.frameworks",
    };
    let words = |key: &'static str| format!("data-i18n=\"{key}\">{}", escape_text(t(lang, key)));
    let mut html = format!("<summary {}</summary><p class=\"aside\" {}</p>", words(summary), words("code.note"));
    for block in blocks {
        let name = block.word();
        let label = match block.framework() {
            Framework::Keras => "sem.keras",
            Framework::Keras3 => "sem.keras3",
            Framework::Torch => "sem.torch",
            Framework::Sklearn => "code.sklearn",
        };
        let _ = write!(
            html,
            "<div class=\"code-block\"><div class=\"code-head\"><span class=\"code-framework\" id=\"code-label-{name}\" {}</span>\
             <button type=\"button\" class=\"ghost\" id=\"copy-{name}\" data-copy-code=\"{name}\" aria-labelledby=\"copy-{name} code-label-{name}\" {}</button>\
             <span class=\"code-status\" role=\"status\" aria-live=\"polite\" data-code-status=\"{name}\"></span></div>\
             <pre tabindex=\"0\" aria-labelledby=\"code-label-{name}\"><code data-code=\"{name}\" data-readout=\"code-{name}\"></code></pre></div>",
            words(label),
            words("code.copy"),
        );
    }
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

    #[test]
    fn a_section_s_code_twins_are_a_block_for_each_framework_in_order() {
        let html = code_twins("bce", Lang::En);
        assert!(html.starts_with(
            "<summary data-i18n=\"code.show.frameworks\">Show code (Keras 2, Keras 3, PyTorch)</summary><p class=\"aside\" data-i18n=\"code.note\">"
        ));
        let blocks: Vec<_> =
            html.split("<code data-code=\"").skip(1).filter_map(|rest| rest.split('"').next()).collect();
        assert_eq!(blocks, ["bce-keras", "bce-keras3", "bce-torch"]);
        assert!(html.contains(
            "<button type=\"button\" class=\"ghost\" id=\"copy-bce-torch\" data-copy-code=\"bce-torch\" aria-labelledby=\"copy-bce-torch code-label-bce-torch\" data-i18n=\"code.copy\">"
        ), "{html}");
        assert!(html.contains("<span class=\"code-framework\" id=\"code-label-bce-keras3\" data-i18n=\"sem.keras3\">Keras 3 (tf.keras since TF 2.16)</span>"), "{html}");
        assert!(html.contains("<pre tabindex=\"0\" aria-labelledby=\"code-label-bce-torch\"><code data-code=\"bce-torch\" data-readout=\"code-bce-torch\"></code></pre>"), "{html}");
        // A section with scikit-learn's code alone says so, in its language.
        let fit = code_twins("fit", Lang::Zh);
        assert!(fit.starts_with("<summary data-i18n=\"code.show.sklearn\">"), "{fit}");
        assert_eq!(fit.matches("class=\"code-block\"").count(), 1);
        // Every block sits in one of the page's sections.
        let sections = ["fit", "bce", "cce", "softmax", "focal"];
        let blocks: usize =
            sections.iter().map(|s| code_twins(s, Lang::En).matches("class=\"code-block\"").count()).sum();
        assert_eq!(blocks, CodeBlock::ALL.len());
    }
}
