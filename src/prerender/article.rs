//! The built page with its article written in: every `data-i18n` element's
//! words, every control set from the state, every readout and calculator
//! table filled, and every figure's `<figure>` with its still picture, all
//! for the default state in one language — what the module would write on
//! opening the page, written before it arrives.

use std::collections::HashMap;

use super::html::{Document, Element, Node};
use super::stills;
use crate::charts::{alt_text, Figure};
use crate::i18n::{element_text, fill, lookup, t, Lang};
use crate::page::markup::{self, Still};
use crate::page::question::Question;
use crate::page::questions::{self, QuestionView};
use crate::page::readouts::{play_buttons, readouts};
use crate::page::{code, url, CodeBlock, Model};
use crate::state::{Calc, ControlInput, Setting};

/// Where a page sits: the language it is written in, and the way from its
/// folder to the built page's (`""` for `index.html`, `"../"` for `zh/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    pub lang: Lang,
    pub to_root: &'static str,
}

/// The article of `template` (the built `index.html`) written in for `placement`.
pub fn write(template: &str, placement: Placement) -> String {
    let lang = placement.lang;
    let query = if lang == Lang::En { String::new() } else { format!("lang={}", lang.code()) };
    let model = Model::new(url::read(&query), false);
    let mut readouts: HashMap<String, String> = readouts(&model).into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    // The code twins are readouts too, written from the same answers.
    for block in CodeBlock::ALL {
        readouts.insert(format!("code-{}", block.word()), code::code(&model, block));
    }
    let plays = play_buttons(&model);
    let mut first_figure = true;
    let mut document = Document::parse(template);
    // The question cards, as the shell writes them: the card template's
    // content in each place, then the question's words (open, unanswered).
    let mut card = Vec::new();
    document.walk(|el| {
        if el.name == "template" && el.attr("id") == Some("question-card") {
            card = el.children.clone();
        }
    });
    let questions = questions::views(&model);
    document.walk(|el| {
        if let Some(view) = el.attr("data-question").and_then(|key| questions.iter().find(|v| v.question.word() == key))
        {
            el.children = card.clone();
            question_card(el, view, lang);
        }
        match el.name.as_str() {
            "html" => el.set("lang", if lang == Lang::Zh { "zh-CN" } else { "en" }),
            "title" => el.set_text(t(lang, "page.title")),
            // Trunk leaves the module's own `<link data-trunk rel="rust">` in
            // the page it builds when it writes no script for it (the boot
            // script starts the module); it means nothing to a browser.
            "head" => el.children.retain(|n| !matches!(n, Node::Element(e) if e.name == "link" && e.has("data-trunk"))),
            _ => {}
        }
        relocate(el, placement.to_root);
        if let Some(text) = el.attr("data-i18n").and_then(|key| element_text(lang, key)) {
            el.set_text(&text);
        }
        for (attribute, target) in [
            ("data-i18n-label", "aria-label"),
            ("data-i18n-placeholder", "placeholder"),
            ("data-i18n-content", "content"),
        ] {
            if let Some(text) = el.attr(attribute).and_then(|key| lookup(lang, key)) {
                el.set(target, text);
            }
        }
        if let Some(setting) = el.attr("data-control").and_then(Setting::from_control) {
            control(el, setting.control_input(&model.state));
            if el.name == "input" {
                el.flag("disabled", model.control_disabled(setting));
            }
        }
        if let Some(&(_, key, pressed)) =
            plays.iter().find(|(action, ..)| el.attr("data-control") == Some(action.word()))
        {
            el.set("data-i18n", key);
            el.set_text(t(lang, key));
            el.set("aria-pressed", if pressed { "true" } else { "false" });
        }
        if let Some(text) = el.attr("data-readout").and_then(|name| readouts.get(name)) {
            el.set_text(text);
        }
        if el.attr("data-readout") == Some("cce-rows") {
            if let Some(notes) = model.calculators.categorical_notes(lang) {
                el.set_text(&notes);
            }
        }
        if let Some(calc) = el.attr("data-results").and_then(calculator) {
            let rows = markup::calculator_rows(calc.name(), &model.calculators.view(calc, lang));
            if let Some(Node::Element(body)) =
                el.children.iter_mut().find(|n| matches!(n, Node::Element(e) if e.name == "tbody"))
            {
                body.set_html(rows);
            }
        }
        if let Some(section) = el.attr("data-code-for") {
            // Read into elements: the walk goes on into them, and writes
            // each block's code (a readout).
            el.children = Document::parse(&markup::code_twins(section, lang)).nodes;
        }
        if let Some(figure) = el.attr("data-slot").and_then(Figure::from_name) {
            let still =
                Still { folder: stills::FOLDER.to_owned(), size: stills::size(figure, false), eager: first_figure };
            first_figure = false;
            let description = alt_text(figure, &model.scene, lang);
            el.set_html(markup::figure(figure, lang, &description, Some(&still)));
        }
    });
    document.write()
}

/// Writes a question's card (`el`, holding the template's content) for a
/// question not yet answered, as the shell's `teach::write_card` does.
fn question_card(el: &mut Element, view: &QuestionView, lang: Lang) {
    let open = view.available;
    let number = fill(
        t(lang, "q.number"),
        &[("n", view.question.number().to_string()), ("total", Question::ALL.len().to_string())],
    );
    let prompt_id = format!("q-{}", view.question.word());
    el.set("data-status", "open");
    el.walk(&mut |part| {
        let class = part.attr("class").unwrap_or("").to_owned();
        let has = |name: &str| class.split(' ').any(|c| c == name);
        if has("q-number") {
            part.set_text(&number);
        } else if has("q-prompt") {
            part.set("id", &prompt_id);
            part.set_text(&view.prompt);
        } else if has("q-choices") {
            let buttons: String = view
                .choices
                .iter()
                .map(|(id, label)| {
                    format!(
                        "<button type=\"button\" class=\"ghost\" data-answer=\"{}\" aria-pressed=\"false\" data-mark=\"\">{}</button>",
                        markup::escape_attribute(id),
                        markup::escape_text(label)
                    )
                })
                .collect();
            part.set_html(buttons);
        } else if has("q-feedback") {
            part.flag("hidden", true);
        }
        match part.attr("data-q") {
            Some("pick") => {
                part.set("data-i18n", "q.pick");
                part.set_text(t(lang, "q.pick"));
                part.set("aria-pressed", "false");
                part.flag("hidden", !(open && view.question.picks_point()));
            }
            Some("show" | "retry") => part.flag("hidden", true),
            Some("skip") => part.flag("hidden", !open),
            _ => {}
        }
    });
}

fn calculator(name: &str) -> Option<Calc> {
    [Calc::Binary, Calc::Categorical].into_iter().find(|c| c.name() == name)
}

/// Shows `input` in a control: checked, the chosen option, or the text.
fn control(el: &mut Element, input: ControlInput) {
    match (el.name.as_str(), input) {
        (_, ControlInput::Checked(on)) => el.flag("checked", on),
        ("select", ControlInput::Text(value)) => {
            for child in &mut el.children {
                if let Node::Element(option) = child {
                    if option.name == "option" {
                        let chosen = option.attr("value") == Some(value.as_str());
                        option.flag("selected", chosen);
                    }
                }
            }
        }
        ("textarea", ControlInput::Text(text)) => el.set_text(&text),
        (_, ControlInput::Text(text)) => el.set("value", &text),
    }
}

/// Points the page's own relative URLs (styles, scripts, icons, images)
/// at the built page's folder from a page `to_root` away from it.
fn relocate(el: &mut Element, to_root: &str) {
    if to_root.is_empty() {
        return;
    }
    for attribute in ["href", "src", "srcset"] {
        let Some(url) = el.attr(attribute) else { continue };
        let local = !(url.is_empty() || url.starts_with(['/', '#', '?']) || url.contains(':'));
        if local && el.name != "a" {
            let moved = format!("{to_root}{}", url.trim_start_matches("./"));
            el.set(attribute, &moved);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = r##"<!doctype html>
<html lang="en"><head><title>x</title><link data-trunk rel="rust" data-trunk-id="0"><link rel="stylesheet" href="./style.css"/><link rel="icon" href="favicon.svg"><script src="head.js"></script></head>
<body><div id="losslab">
<h2 data-i18n="bce.title"></h2>
<div role="group" data-i18n-label="toolbar.label"></div>
<select data-control="lang"><option value="en">English</option><option value="zh">中文</option></select>
<input type="range" data-control="gamma" value="1">
<input type="range" data-control="C" value="0">
<button type="button" data-control="play" data-i18n="action.play"></button>
<dd data-readout="bce"></dd>
<table data-results="bce"><tbody></tbody></table>
<a href="#bce">to</a>
<div class="slot" data-slot="fit"></div>
<div class="slot" data-slot="neglog"></div>
</div></body></html>
"##;

    #[test]
    fn english_words_controls_readouts_tables_and_figures_are_written_in() {
        let html = write(TEMPLATE, Placement { lang: Lang::En, to_root: "" });
        assert!(html.contains(&format!("<h2 data-i18n=\"bce.title\">{}</h2>", t(Lang::En, "bce.title"))), "{html}");
        assert!(html.contains(&format!("aria-label=\"{}\"", t(Lang::En, "toolbar.label"))), "{html}");
        assert!(
            html.contains("<option value=\"en\" selected>English</option><option value=\"zh\">中文</option>"),
            "{html}"
        );
        assert!(html.contains("data-control=\"gamma\" value=\"2\""), "the default γ: {html}");
        assert!(html.contains("aria-pressed=\"false\">Play</button>"), "{html}");
        assert!(html.contains("<dd data-readout=\"bce\">0.3329</dd>"), "{html}");
        assert!(html.contains("<td class=\"value\" data-readout=\"bce-keras\">11.522857</td>"), "{html}");
        assert!(html.contains("href=\"./style.css\"") && html.contains("<a href=\"#bce\">"), "{html}");
        assert!(!html.contains("data-trunk"), "Trunk's own line is gone: {html}");
        // Each slot holds its figure; only the first still loads at once.
        assert!(html.contains("<div class=\"slot\" data-slot=\"fit\"><figure class=\"fig\""), "{html}");
        assert!(html.contains("src=\"figures/fit.svg\"") && html.contains("src=\"figures/neglog.svg\""), "{html}");
        assert_eq!(html.matches("loading=\"eager\"").count(), 1);
        assert!(html.contains("σ(0.9719·x + 0.6555)"), "the fit's description: {html}");
    }

    #[test]
    fn the_chinese_page_is_written_in_chinese_one_folder_down() {
        let html = write(TEMPLATE, Placement { lang: Lang::Zh, to_root: "../" });
        assert!(html.contains("<html lang=\"zh-CN\">"), "{html}");
        assert!(html.contains(&format!("<title>{}</title>", t(Lang::Zh, "page.title"))), "{html}");
        assert!(html.contains(&format!(">{}</h2>", t(Lang::Zh, "bce.title"))), "{html}");
        assert!(html.contains("<option value=\"zh\" selected>中文</option>"), "{html}");
        assert!(html.contains("href=\"../style.css\"") && html.contains("href=\"../favicon.svg\""), "{html}");
        assert!(html.contains("<script src=\"../head.js\">"), "{html}");
        assert!(html.contains("<a href=\"#bce\">"), "in-page links stay: {html}");
        // The stills are the Chinese page's own, beside it.
        assert!(html.contains("src=\"figures/fit.svg\""), "{html}");
    }

    #[test]
    fn writing_a_written_page_again_changes_nothing() {
        let once = write(TEMPLATE, Placement { lang: Lang::En, to_root: "" });
        assert_eq!(write(&once, Placement { lang: Lang::En, to_root: "" }), once);
    }
}
