//! Words in the document: every `data-i18n` element, the notices about the
//! loaded link, the tooltip, and the "copied" feedback on a button. The
//! words themselves come from `crate::i18n`, the sentences from `crate::page`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::dom;
use crate::charts::Figure;
use crate::i18n::{self, t, Lang};
use crate::page::{Action, CopyButton, Model, Tooltip};

/// Fills every `data-i18n*` element of the document in `lang`.
pub fn words(root: &Element, lang: Lang) {
    let document = dom::document();
    // Only what differs is written: setting `lang` again, even to the same
    // value, restyles every element (the `:lang` rules).
    if let Some(html) = document.document_element() {
        dom::set_attribute(&html, "lang", if lang == Lang::Zh { "zh-CN" } else { "en" });
    }
    if document.title() != t(lang, "page.title") {
        document.set_title(t(lang, "page.title"));
    }
    let scope = document.document_element().unwrap_or_else(|| root.clone());
    for el in dom::find_all(&scope, "[data-i18n]") {
        if let Some(text) = el.get_attribute("data-i18n").and_then(|k| i18n::element_text(lang, &k)) {
            // The page is written in English: an unchanged text is not
            // replaced, so opening it in English lays nothing out again.
            if el.text_content().as_deref() != Some(text.as_str()) {
                el.set_text_content(Some(&text));
            }
        }
    }
    for (attribute, target) in
        [("data-i18n-label", "aria-label"), ("data-i18n-placeholder", "placeholder"), ("data-i18n-content", "content")]
    {
        for el in dom::find_all(&scope, &format!("[{attribute}]")) {
            if let Some(text) = el.get_attribute(attribute).and_then(|k| i18n::lookup(lang, &k)) {
                dom::set_attribute(&el, target, text);
            }
        }
    }
}

/// Lists what the loaded link had wrong, with a button to dismiss the list.
pub fn notices(model: &Model) {
    let Some(box_) = dom::document().get_element_by_id("notices") else { return };
    if !model.notices_shown || model.notices.is_empty() {
        dom::set_hidden(&box_, true);
        return;
    }
    let lang = model.state.lang;
    box_.set_inner_html("");
    let title = dom::create("p");
    title.set_text_content(Some(t(lang, if model.notices_from_api { "notices.title.api" } else { "notices.title" })));
    let list = dom::create("ul");
    for line in model.notice_lines() {
        let item = dom::create("li");
        item.set_text_content(Some(&i18n::unbroken_formulas(line)));
        let _ = list.append_child(&item);
    }
    let dismiss = dom::create("button");
    let _ = dismiss.set_attribute("type", "button");
    let _ = dismiss.set_attribute("data-action", Action::DismissNotices.word());
    dismiss.set_class_name("ghost");
    dismiss.set_text_content(Some(t(lang, "notices.dismiss")));
    for child in [&title, &list, &dismiss] {
        let _ = box_.append_child(child);
    }
    dom::set_hidden(&box_, false);
}

/// The page is live: its style sheet shows what works only with the
/// module (the figures' buttons), and its live region is made, empty, so
/// that it is there before it first speaks.
pub fn live() {
    let document = dom::document();
    if let Some(html) = document.document_element() {
        let _ = html.class_list().add_1("live");
    }
    if document.get_element_by_id("announce").is_none() {
        let region = dom::create("div");
        region.set_id("announce");
        region.set_class_name("sr-only");
        let _ = region.set_attribute("aria-live", "polite");
        if let Some(body) = document.body() {
            let _ = body.append_child(&region);
        }
    }
}

/// Says `text` politely to a screen reader, through the page's live region.
pub fn announce(text: &str) {
    if let Some(region) = dom::document().get_element_by_id("announce") {
        region.set_text_content(Some(text));
    }
}

pub fn tooltip(tooltip: &Tooltip) {
    let Some(tip) = dom::document().get_element_by_id("tooltip") else { return };
    match tooltip {
        Tooltip::Hide => dom::set_hidden(&tip, true),
        Tooltip::Show { lines, at } => {
            tip.set_text_content(Some(&lines.join("\n")));
            let _ = tip.set_attribute("data-lines", &lines.len().to_string());
            if let Some(tip) = tip.dyn_ref::<HtmlElement>() {
                let style = tip.style();
                let _ = style.set_property("left", &format!("{}px", at.0));
                let _ = style.set_property("top", &format!("{}px", at.1));
                let _ = style.set_property("white-space", "pre");
                tip.set_hidden(false);
            }
        }
    }
}

#[wasm_bindgen(module = "/assets/copy.js")]
extern "C" {
    /// Copies `text` (the Clipboard API, or the copy command where it is
    /// missing or refused), then shows `done` or `failed` in `target` for a
    /// moment.
    #[wasm_bindgen(js_name = copy)]
    fn copy_text(text: &str, target: &Element, done: &str, failed: &str);
}

/// Copies `text`, then says so for a moment: on the button that asked, or
/// for a code twin in the status beside its button, which is read out
/// politely.
pub fn copy(root: &Element, text: &str, button: CopyButton, lang: Lang) {
    let (selector, done) = match button {
        CopyButton::Share => (format!("[data-action=\"{}\"]", Action::Share.word()), "share.copied"),
        CopyButton::Embed(figure) => (embed_button(figure), "fig.copied"),
        CopyButton::Code(block) => (format!("[data-code-status=\"{}\"]", block.word()), "code.copied"),
        CopyButton::Lesson => (format!("[data-action=\"{}\"]", Action::LessonCopy.word()), "lesson.copied"),
    };
    if let Some(target) = dom::find::<Element>(root, &selector) {
        copy_text(text, &target, t(lang, done), t(lang, "code.copy-failed"));
    }
}

fn embed_button(figure: Figure) -> String {
    format!("[data-export=\"{}\"][data-figure-name=\"{}\"]", crate::page::ExportKind::Embed.word(), figure.name())
}
