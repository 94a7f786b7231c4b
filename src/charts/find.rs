//! Finding text in a figure's SVG.

/// Where `pattern` first occurs in `text`: a plain scan, enough for a figure's
/// SVG, which spares the page the standard library's substring search.
pub(super) fn find(text: &str, pattern: &str) -> Option<usize> {
    (0..text.len()).find(|&i| text.as_bytes()[i..].starts_with(pattern.as_bytes()))
}
