//! A small HTML tree for the page's own `index.html` (as Trunk writes it):
//! read into elements, changed, and written back. It reads what the page is
//! written in — elements, void elements, `/>` in SVG and MathML, comments,
//! the doctype, raw text in `<script>`, `<style>` and `<textarea>` — and
//! closes an element left open when an outer one ends, as browsers do. It is
//! no general HTML parser: it never has to read anyone else's page.

use std::fmt::Write;

use crate::page::markup::{escape_attribute, escape_text};

/// A node of the tree.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Element(Element),
    /// Text as written in the source (entities left as they are).
    Text(String),
    /// Markup kept as it is: the doctype, comments, and HTML written by the
    /// prerender itself.
    Raw(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub name: String,
    /// In source order; a value as written (entities left as they are), or
    /// `None` for an attribute written without one.
    pub attributes: Vec<(String, Option<String>)>,
    pub children: Vec<Node>,
    /// Written `<x/>` in the source (foreign elements), or a void element.
    pub closed: bool,
}

/// Elements that never have content or an end tag.
const VOID: [&str; 14] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"];
fn is_void(name: &str) -> bool {
    VOID.iter().any(|void| void.eq_ignore_ascii_case(name))
}

/// Elements whose content is text up to their end tag.
const RAW_TEXT: [&str; 4] = ["script", "style", "textarea", "title"];

impl Element {
    pub fn new(name: &str) -> Element {
        Element { name: name.to_owned(), attributes: Vec::new(), children: Vec::new(), closed: false }
    }

    /// The value of `name`, if the element has it (`Some("")` for a bare attribute).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_deref().unwrap_or(""))
    }

    pub fn has(&self, name: &str) -> bool {
        self.attributes.iter().any(|(n, _)| n == name)
    }

    /// Sets `name` to `value` (plain text, escaped when written).
    pub fn set(&mut self, name: &str, value: &str) {
        let value = Some(escape_attribute(value));
        match self.attributes.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value,
            None => self.attributes.push((name.to_owned(), value)),
        }
    }

    /// Sets or removes a bare attribute (`checked`, `selected`, `hidden`).
    pub fn flag(&mut self, name: &str, on: bool) {
        self.attributes.retain(|(n, _)| n != name);
        if on {
            self.attributes.push((name.to_owned(), None));
        }
    }

    /// Replaces the content with `text` (plain text, escaped when written).
    pub fn set_text(&mut self, text: &str) {
        self.children = vec![Node::Text(escape_text(text))];
    }

    /// Replaces the content with markup written elsewhere.
    pub fn set_html(&mut self, html: String) {
        self.children = vec![Node::Raw(html)];
    }

    /// Calls `f` on this element and every element below it, in document order.
    pub fn walk(&mut self, f: &mut impl FnMut(&mut Element)) {
        f(self);
        for child in &mut self.children {
            if let Node::Element(element) = child {
                element.walk(f);
            }
        }
    }

    /// The text below this element, entities as written.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for child in &self.children {
            match child {
                Node::Text(text) => out.push_str(text),
                Node::Element(element) => out.push_str(&element.text()),
                Node::Raw(_) => {}
            }
        }
        out
    }
}

/// A document: the nodes at its top level.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub nodes: Vec<Node>,
}

impl Document {
    /// Reads `source`.
    pub fn parse(source: &str) -> Document {
        let mut parser = Parser { source, at: 0 };
        let mut root = Element::new("");
        parser.children_of(&mut root, &mut Vec::new());
        Document { nodes: root.children }
    }

    /// Calls `f` on every element, in document order.
    pub fn walk(&mut self, mut f: impl FnMut(&mut Element)) {
        for node in &mut self.nodes {
            if let Node::Element(element) = node {
                element.walk(&mut f);
            }
        }
    }

    /// Writes the document back as HTML.
    pub fn write(&self) -> String {
        let mut out = String::new();
        for node in &self.nodes {
            write_node(node, &mut out);
        }
        out
    }
}

struct Parser<'a> {
    source: &'a str,
    at: usize,
}

impl<'a> Parser<'a> {
    fn rest(&self) -> &'a str {
        &self.source[self.at..]
    }

    /// Reads nodes into `parent` until its end tag (consumed) or the end of
    /// the source; `open` names the elements around it. Returns the name of
    /// an end tag that closes an element further out, left unread.
    fn children_of(&mut self, parent: &mut Element, open: &mut Vec<String>) -> Option<String> {
        while self.at < self.source.len() {
            let rest = self.rest();
            if let Some(after) = rest.strip_prefix("</") {
                let end = after.find('>').map_or(after.len(), |i| i + 1);
                let name = after[..end].trim_end_matches('>').trim().to_owned();
                if name.eq_ignore_ascii_case(&parent.name) {
                    self.at += 2 + end;
                    return None;
                }
                if open.iter().any(|open| open.eq_ignore_ascii_case(&name)) {
                    // An end tag for an element further out closes this one too.
                    return Some(name);
                }
                // An end tag that closes nothing open is dropped, as browsers do.
                self.at += 2 + end;
                continue;
            }
            if rest.starts_with("<!--") {
                let end = rest.find("-->").map_or(rest.len(), |i| i + 3);
                parent.children.push(Node::Raw(rest[..end].to_owned()));
                self.at += end;
            } else if rest.starts_with("<!") || rest.starts_with("<?") {
                let end = rest.find('>').map_or(rest.len(), |i| i + 1);
                parent.children.push(Node::Raw(rest[..end].to_owned()));
                self.at += end;
            } else if rest.starts_with('<') && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                let mut element = self.start_tag();
                if !element.closed {
                    if RAW_TEXT.iter().any(|raw| raw.eq_ignore_ascii_case(&element.name)) {
                        self.raw_text(&mut element);
                    } else {
                        open.push(parent.name.clone());
                        let outer = self.children_of(&mut element, open);
                        open.pop();
                        if let Some(outer) = outer {
                            parent.children.push(Node::Element(element));
                            if outer.eq_ignore_ascii_case(&parent.name) {
                                let rest = self.rest();
                                self.at += rest.find('>').map_or(rest.len(), |i| i + 1);
                                return None;
                            }
                            return Some(outer);
                        }
                    }
                }
                parent.children.push(Node::Element(element));
            } else {
                // Text runs to the next tag; a '<' that starts none is text too.
                let first = rest.chars().next().map_or(1, char::len_utf8);
                let end = rest[first..].find('<').map_or(rest.len(), |i| i + first);
                parent.children.push(Node::Text(rest[..end].to_owned()));
                self.at += end;
            }
        }
        None
    }

    /// Reads `<name attributes…>` or `<name …/>`.
    fn start_tag(&mut self) -> Element {
        self.at += 1;
        let name_len = self.rest().find(|c: char| c.is_whitespace() || c == '>' || c == '/').unwrap_or(0);
        let mut element = Element::new(&self.rest()[..name_len]);
        self.at += name_len;
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start();
            self.at += rest.len() - trimmed.len();
            if trimmed.is_empty() {
                break;
            }
            if let Some(after) = trimmed.strip_prefix("/>") {
                self.at += trimmed.len() - after.len();
                element.closed = true;
                break;
            }
            if trimmed.starts_with('>') {
                self.at += 1;
                break;
            }
            if trimmed.starts_with('/') {
                self.at += 1;
                continue;
            }
            let name_len =
                trimmed.find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/').unwrap_or(trimmed.len());
            let name = trimmed[..name_len].to_owned();
            self.at += name_len;
            let rest = self.rest();
            let after_space = rest.trim_start();
            let value = if let Some(value_start) = after_space.strip_prefix('=') {
                let value_start = value_start.trim_start();
                self.at += rest.len() - value_start.len();
                let (value, used) = match value_start.chars().next() {
                    Some(quote @ ('"' | '\'')) => {
                        let end = value_start[1..].find(quote).map_or(value_start.len() - 1, |i| i + 1);
                        let value = &value_start[1..end];
                        let value = if quote == '\'' { value.replace('"', "&quot;") } else { value.to_owned() };
                        (value, (end + 1).min(value_start.len()))
                    }
                    _ => {
                        let end =
                            value_start.find(|c: char| c.is_whitespace() || c == '>').unwrap_or(value_start.len());
                        (value_start[..end].to_owned(), end)
                    }
                };
                self.at += used;
                Some(value)
            } else {
                None
            };
            element.attributes.push((name, value));
        }
        element.closed |= is_void(&element.name);
        element
    }

    /// Reads the content of a raw-text element up to its end tag.
    fn raw_text(&mut self, element: &mut Element) {
        let end_tag = format!("</{}", element.name.to_ascii_lowercase());
        let rest = self.rest();
        let end = rest.to_ascii_lowercase().find(&end_tag).unwrap_or(rest.len());
        if end > 0 {
            element.children.push(Node::Text(rest[..end].to_owned()));
        }
        self.at += end;
        let rest = self.rest();
        self.at += rest.find('>').map_or(rest.len(), |i| i + 1);
    }
}

fn write_node(node: &Node, out: &mut String) {
    match node {
        Node::Text(text) | Node::Raw(text) => out.push_str(text),
        Node::Element(element) => {
            let _ = write!(out, "<{}", element.name);
            for (name, value) in &element.attributes {
                match value {
                    Some(value) => {
                        let _ = write!(out, " {name}=\"{value}\"");
                    }
                    None => {
                        let _ = write!(out, " {name}");
                    }
                }
            }
            let void = is_void(&element.name);
            if element.closed && !void {
                out.push_str("/>");
                return;
            }
            out.push('>');
            if void {
                return;
            }
            for child in &element.children {
                write_node(child, out);
            }
            let _ = write!(out, "</{}>", element.name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <link rel="stylesheet" href="./style.css" integrity="sha384-x"/>
  <title>losslab</title>
  <script type="module" src="boot.js"></script>
</head>
<body>
<!-- a comment -->
<h1><svg viewBox="0 0 32 32"><rect width="32"/><path d="M4 25"/></svg>losslab</h1>
<p data-i18n="a.b"></p>
<select data-control="lang"><option value="en">English</option><option value='zh'>中文</option></select>
<label><input type="checkbox" data-control="palette"><span>x &amp; y</span></label>
<textarea rows="6" data-control="points-csv"></textarea>
<button type="button" disabled data-action="share"></button>
</body>
</html>
"##;

    #[test]
    fn what_it_reads_it_writes_back() {
        let doc = Document::parse(PAGE);
        // Single quotes become double ones; a void element's `/>` a `>`.
        let expected = PAGE.replace("value='zh'", "value=\"zh\"").replace("sha384-x\"/>", "sha384-x\">");
        assert_eq!(doc.write(), expected);
    }

    #[test]
    fn elements_are_found_and_changed() {
        let mut doc = Document::parse(PAGE);
        let mut names = Vec::new();
        doc.walk(|el| {
            if el.attr("data-i18n") == Some("a.b") {
                el.set_text("1 < 2 & \"so\"");
            }
            if el.attr("data-control") == Some("palette") {
                el.flag("checked", true);
            }
            if el.name == "option" && el.attr("value") == Some("zh") {
                el.flag("selected", true);
            }
            if el.has("disabled") {
                el.flag("disabled", false);
                el.set("aria-label", "Share \"this\"");
            }
            names.push(el.name.clone());
        });
        let html = doc.write();
        assert!(html.contains("<p data-i18n=\"a.b\">1 &lt; 2 &amp; \"so\"</p>"), "{html}");
        assert!(html.contains("<input type=\"checkbox\" data-control=\"palette\" checked>"), "{html}");
        assert!(html.contains("<option value=\"zh\" selected>中文</option>"), "{html}");
        assert!(
            html.contains(
                "<button type=\"button\" data-action=\"share\" aria-label=\"Share &quot;this&quot;\"></button>"
            ),
            "{html}"
        );
        assert_eq!(names.iter().filter(|n| *n == "option").count(), 2);
        assert!(names.contains(&"path".to_owned()) && names.contains(&"textarea".to_owned()));
    }

    #[test]
    fn an_element_left_open_is_closed_by_an_outer_end_tag() {
        let mut doc = Document::parse("<main><div><p>one</main><p>after</span></p>");
        let mut texts = Vec::new();
        doc.walk(|el| texts.push((el.name.clone(), el.text())));
        let expected = [("main", "one"), ("div", "one"), ("p", "one"), ("p", "after")];
        assert_eq!(texts, expected.map(|(n, t)| (n.to_owned(), t.to_owned())));
        assert_eq!(doc.write(), "<main><div><p>one</p></div></main><p>after</p>");
    }

    #[test]
    fn raw_text_keeps_its_markup() {
        let source = "<script>if (a < b) { x = \"</p>\"; }</script><p>x</p>";
        let mut doc = Document::parse(source);
        let mut count = 0;
        doc.walk(|_| count += 1);
        assert_eq!(count, 2);
        assert_eq!(doc.write(), source);
    }
}
