//! The page before its module arrives (native only, `losslab prerender`):
//! the built `index.html` with the whole article written in, in English,
//! and the same page in Chinese at `zh/index.html`; each figure a still
//! picture (SVG from its own chart code) in the box its canvas takes.
//! Readable without JavaScript, printable, and painted at once; the module
//! then draws each canvas over its still.

pub mod article;
pub mod html;
pub mod stills;

use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::page::{url, Model};
use article::Placement;

/// Each page the prerender writes: its language, and its folder below the
/// built page's.
pub const PAGES: [(Lang, &str); 2] = [(Lang::En, ""), (Lang::Zh, "zh")];

/// Writes the article into `dir/index.html` (a page as Trunk builds it),
/// the Chinese page into `dir/zh/index.html`, and each page's stills
/// beside it. Returns the files written.
pub fn prerender(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let template = std::fs::read_to_string(dir.join("index.html"))?;
    let mut written = Vec::new();
    for (lang, folder) in PAGES {
        let page_dir = dir.join(folder);
        let to_root = if folder.is_empty() { "" } else { "../" };
        let model = Model::new(url::read(&format!("lang={}", lang.code())), false);
        written.extend(stills::write(&page_dir, &model.scene, lang, model.state.palette)?);
        let html = article::write(&template, Placement { lang, to_root });
        let page = page_dir.join("index.html");
        std::fs::write(&page, html)?;
        written.push(page);
    }
    Ok(written)
}
