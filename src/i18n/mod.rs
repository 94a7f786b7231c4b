//! The page's words in English and Chinese. Every string a reader sees is
//! looked up here by key; a test fails when either language lacks one.

mod figures;
mod page;

use crate::state::Lang;

/// One entry of a string table: the key, then English, then Chinese.
pub type Entry = (&'static str, &'static str, &'static str);

/// Every table, searched in order.
const TABLES: [&[Entry]; 2] = [page::STRINGS, figures::STRINGS];

/// The string for `key` in `lang`. An unknown key is returned as itself, so
/// a missing string shows up on the page instead of vanishing (and the
/// completeness test names it).
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    lookup(lang, key).unwrap_or(key)
}

/// The string for a key known only at run time (the page's `data-i18n`
/// attributes), or `None` when no table has it.
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    let &(_, en, zh) = entries().find(|e| e.0 == key)?;
    Some(match lang {
        Lang::En => en,
        Lang::Zh => zh,
    })
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Every entry of every table (for the completeness test and the page's
/// language switch).
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    TABLES.into_iter().flat_map(|t| t.iter())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_key_is_unique_and_has_both_languages() {
        let mut seen = HashSet::new();
        for &(key, en, zh) in entries() {
            assert!(seen.insert(key), "duplicate key {key}");
            assert!(!en.trim().is_empty(), "{key} has no English");
            assert!(!zh.trim().is_empty(), "{key} has no Chinese");
        }
    }

    /// Every key the page's HTML names must be in a table, in both languages.
    #[test]
    fn every_key_in_the_page_exists() {
        let html = include_str!("../../index.html");
        let mut missing = Vec::new();
        for attr in ["data-i18n=\"", "data-i18n-label=\"", "data-i18n-placeholder=\""] {
            for piece in html.split(attr).skip(1) {
                let key = &piece[..piece.find('"').unwrap_or(0)];
                if lookup(Lang::En, key).is_none() {
                    missing.push(key.to_owned());
                }
            }
        }
        assert!(missing.is_empty(), "keys missing from the string tables: {missing:?}");
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(fill("Row {row}: {a} → {b}.", &[("row", "2"), ("a", "x"), ("b", "y")]), "Row 2: x → y.");
    }
}
