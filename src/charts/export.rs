//! Figures as SVG files, natively: `losslab figures --out DIR` and the tests.

use std::path::{Path, PathBuf};

use plotters::prelude::{IntoDrawingArea, SVGBackend};

use super::error::DrawError;
use super::figure::{alt_text, draw, Figure};
use super::find::find;
use super::image::into_image;
use super::style::{Colors, Style};
use crate::i18n::t;
use crate::number::parse_f64;
use crate::scene::Scene;
use crate::state::{State, Theme};

/// The size of an exported figure at scale 1, in pixels: the page's
/// proportions (the points strip is short and wide).
pub fn size(figure: Figure) -> (u32, u32) {
    figure.spec().shape.export_size()
}

/// plotters' SVG backend writes `font-size` as the size ÷ 1.24 (a points
/// guess), while the canvas backend takes it as CSS pixels; export undoes it
/// so a figure's text is the same size in both.
const SVG_FONT_FACTOR: f64 = 1.24;

/// The style of an export of `state`: light unless the state asks for dark
/// (an exported file has no `prefers-color-scheme` to follow).
pub fn style_for(state: &State) -> Style {
    Style { colors: Colors::for_theme(state.theme == Theme::Dark, state.palette), lang: state.lang, ..Style::default() }
}

/// One figure as a standalone SVG document of `size` pixels, with its title
/// and text alternative as `<title>` and `<desc>`.
pub fn svg_string(figure: Figure, scene: &Scene, style: &Style, size: (u32, u32)) -> Result<String, DrawError> {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw(figure, &area, scene, style)?;
        area.present()?;
    }
    Ok(into_document(&svg, figure, scene, style))
}

/// What plotters' SVG backend drew for `figure`, as the exported document:
/// with its title and text alternative, and text at its on-screen size.
pub fn into_document(raw: &str, figure: Figure, scene: &Scene, style: &Style) -> String {
    let title = t(style.lang, figure.title_key());
    let desc = alt_text(figure, scene, style.lang);
    finish(&into_image(raw), figure.name(), title, &desc)
}

/// Writes `<name>.svg` for each of `figures` of `state` into `dir` (created
/// if missing); returns the paths written.
pub fn write_svgs(dir: &Path, state: &State, figures: &[Figure]) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let scene = Scene::from_state(state);
    let style = style_for(state);
    let mut written = Vec::new();
    for &figure in figures {
        let svg = svg_string(figure, &scene, &style, size(figure)).map_err(std::io::Error::other)?;
        let path = dir.join(format!("{}.svg", figure.name()));
        std::fs::write(&path, svg)?;
        written.push(path);
    }
    Ok(written)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Adds the accessible name and description, rounds line ends, and restores
/// font sizes (see [`SVG_FONT_FACTOR`]).
fn finish(svg: &str, name: &str, title: &str, desc: &str) -> String {
    let mut out = String::with_capacity(svg.len() + desc.len() + 256);
    let Some(open_end) = find(svg, "<svg").and_then(|i| svg[i..].find('>').map(|j| i + j)) else {
        return svg.to_string();
    };
    out.push_str(&svg[..open_end]);
    out.push_str(&format!(
        " role=\"img\" aria-labelledby=\"{name}-title {name}-desc\" data-figure=\"{name}\"><title id=\"{name}-title\">{}</title><desc id=\"{name}-desc\">{}</desc>",
        escape(title),
        escape(desc)
    ));
    let body = &svg[open_end + 1..];
    let mut rest = body;
    while let Some(i) = find(rest, "font-size=\"") {
        let (head, tail) = rest.split_at(i + "font-size=\"".len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(0);
        match parse_f64(&tail[..end]) {
            Some(v) => out.push_str(&format!("{}", (v * SVG_FONT_FACTOR * 100.0).round() / 100.0)),
            None => out.push_str(&tail[..end]),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    const POLYLINE: &str = "<polyline fill=\"none\"";
    let mut rounded = String::with_capacity(out.len() + 4096);
    let mut rest = out.as_str();
    while let Some(i) = find(rest, POLYLINE) {
        let (head, tail) = rest.split_at(i + POLYLINE.len());
        rounded.push_str(head);
        rounded.push_str(" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
        rest = tail;
    }
    rounded.push_str(rest);
    rounded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finish_adds_title_and_fixes_font_sizes() {
        let svg = "<svg width=\"10\" height=\"10\"><text font-size=\"10.483870967741936\">a</text></svg>";
        let out = finish(svg, "fit", "The fit", "p < 1 & more");
        assert!(out.contains("<title id=\"fit-title\">The fit</title>"));
        assert!(out.contains("p &lt; 1 &amp; more"));
        assert!(out.contains("font-size=\"13\""), "{out}");
    }

    #[test]
    fn finish_rounds_every_polyline_and_only_those() {
        let line = "<polyline fill=\"none\" points=\"0,0 1,1\"/>";
        let svg = format!("<svg width=\"10\">{line}<rect fill=\"none\"/>{line}</svg>");
        let out = finish(&svg, "fit", "t", "d");
        let rounded = "<polyline fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\" points=";
        assert_eq!(out.matches(rounded).count(), 2, "{out}");
        assert!(out.contains("<rect fill=\"none\"/>"), "{out}");
        assert!(out.ends_with("</svg>"), "{out}");
    }
}
