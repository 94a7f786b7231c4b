//! Each figure's still pictures: SVG drawn by the figure's own chart code
//! for the default state, in the boxes the page's style sheet gives the
//! figure's canvas, light and dark, on a wide and on a narrow screen.

use std::path::{Path, PathBuf};

use crate::charts::export::svg_string;
use crate::charts::{Colors, Figure, Style};
use crate::i18n::Lang;
use crate::page::markup::STILL_VARIANTS;
use crate::scene::Scene;
use crate::state::Palette;

/// The stills' folder, beside the page that shows them.
pub const FOLDER: &str = "figures";

/// The page's column at its usual width (46rem, less its padding), and on a
/// 360-pixel phone (less its narrower padding), in CSS pixels.
const WIDE: u32 = 696;
const NARROW: u32 = 334;

/// A still's size in CSS pixels: the column's width, the box's proportions.
pub fn size(figure: Figure, narrow: bool) -> (u32, u32) {
    let width = if narrow { NARROW } else { WIDE };
    let (w, h) = figure.spec().shape.aspect(narrow);
    (width, (width * h + w / 2) / w)
}

/// Writes every figure's stills of `scene` in `lang` into `dir/figures`;
/// returns the files written.
pub fn write(dir: &Path, scene: &Scene, lang: Lang, palette: Palette) -> std::io::Result<Vec<PathBuf>> {
    let folder = dir.join(FOLDER);
    std::fs::create_dir_all(&folder)?;
    let mut written = Vec::new();
    for figure in Figure::ALL {
        for (suffix, _) in STILL_VARIANTS {
            let dark = suffix.contains("dark");
            let narrow = suffix.contains("narrow");
            let style = Style { colors: Colors::for_theme(dark, palette), lang, ..Style::default() };
            let svg = svg_string(figure, scene, &style, size(figure, narrow)).map_err(std::io::Error::other)?;
            let path = folder.join(format!("{}{suffix}.svg", figure.name()));
            std::fs::write(&path, svg)?;
            written.push(path);
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::Shape;

    /// The sizes follow the style sheet: a still fills its box exactly.
    #[test]
    fn stills_have_the_proportions_of_their_boxes() {
        let css = include_str!("../../assets/style.css");
        let (wide, narrow) = css.split_once("@media (max-width: 520px)").expect("the narrow layout");
        let rule = |css: &str, selector: &str| -> String {
            let at = css.find(selector).unwrap_or_else(|| panic!("{selector} in the style sheet"));
            css[at..at + css[at..].find('}').unwrap()].to_owned()
        };
        for (shape, selector) in [
            (Shape::Standard, ".fig .canvas-box {"),
            (Shape::Strip, ".fig[data-shape=\"strip\"] .canvas-box {"),
            (Shape::Panels, ".fig[data-shape=\"panels\"] .canvas-box {"),
            (Shape::Tall, ".fig[data-shape=\"tall\"] .canvas-box {"),
        ] {
            for (css, is_narrow) in [(wide, false), (narrow, true)] {
                let (w, h) = shape.aspect(is_narrow);
                let wanted = format!("aspect-ratio: {w} / {h}");
                // Panels and tall figures are 16:9 on wide screens, as the usual figure.
                let selector = if shape != Shape::Strip && !is_narrow { ".fig .canvas-box {" } else { selector };
                assert!(rule(css, selector).contains(&wanted), "{shape:?} narrow={is_narrow}: {wanted}");
            }
        }
        assert_eq!(size(Figure::Fit, false), (696, 392));
        assert_eq!(size(Figure::Points, true), (334, 146));
    }
}
