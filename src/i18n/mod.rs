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
    for table in TABLES {
        if let Some(&(_, en, zh)) = table.iter().find(|e| e.0 == key) {
            return match lang {
                Lang::En => en,
                Lang::Zh => zh,
            };
        }
    }
    key
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
}
