//! The word tables: one per language, key → text, sorted by key.
//!
//! The words live in `assets/i18n/<lang>.json`, one file per language. The
//! native build compiles both in. The page fetches only the language it
//! shows (and the other one if the reader switches), so neither language's
//! words weigh on the module every reader downloads.

use std::sync::OnceLock;

use super::lang::Lang;

/// One language's words: `(key, text)` in the file's order, and where each
/// key is, by its hash: a redraw looks up hundreds of keys, most of them
/// alike for their first ten letters or more.
struct Table {
    entries: Vec<(&'static str, &'static str)>,
    /// Open addressing over a power of two at least twice the entries: an
    /// entry's place + 1 in the slot its key hashes to or after it, 0 for none.
    slots: Vec<u32>,
}

impl Table {
    fn new(entries: Vec<(&'static str, &'static str)>) -> Table {
        let mask = (2 * entries.len()).next_power_of_two().max(2) - 1;
        let mut slots = vec![0u32; mask + 1];
        for (place, &(key, _)) in entries.iter().enumerate() {
            let mut at = hash(key) & mask;
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = place as u32 + 1;
        }
        Table { entries, slots }
    }

    fn get(&self, key: &str) -> Option<&'static str> {
        let mask = self.slots.len() - 1;
        let mut at = hash(key) & mask;
        loop {
            let (k, text) = *self.entries.get(self.slots[at].checked_sub(1)? as usize)?;
            if k == key {
                return Some(text);
            }
            at = (at + 1) & mask;
        }
    }
}

/// FNV-1a, 32 bits.
fn hash(key: &str) -> usize {
    key.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193)) as usize
}

/// The installed tables, English then Chinese.
static TABLES: [OnceLock<Table>; 2] = [OnceLock::new(), OnceLock::new()];

fn slot(lang: Lang) -> &'static OnceLock<Table> {
    match lang {
        Lang::En => &TABLES[0],
        Lang::Zh => &TABLES[1],
    }
}

/// The text of each language's file, for the native build.
#[cfg(not(target_arch = "wasm32"))]
fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../../assets/i18n/en.json"),
        Lang::Zh => include_str!("../../assets/i18n/zh.json"),
    }
}

/// `lang`'s table: natively read from the compiled-in file on first use; on
/// the page whatever [`install`] was given (none yet: every key misses).
fn table(lang: Lang) -> Option<&'static Table> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        Some(slot(lang).get_or_init(|| {
            let words: std::collections::BTreeMap<String, String> =
                serde_json::from_str(source(lang)).expect("the string files are valid JSON (a test reads them)");
            let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
            Table::new(words.into_iter().map(|(k, v)| (leak(k), leak(v))).collect())
        }))
    }
    #[cfg(target_arch = "wasm32")]
    {
        slot(lang).get()
    }
}

/// Installs `lang`'s words on the page: its file's keys and texts packed as
/// `key␁text␁key␁…` with U+0001 between them. The string is kept whole and
/// the table points into it. A second installation of the same language is
/// ignored.
pub fn install(lang: Lang, packed: String) {
    let _ = slot(lang).set(Table::new(unpacked(Box::leak(packed.into_boxed_str()))));
}

/// The pairs of a packed file (see [`install`]); a key without its text is left out.
fn unpacked(packed: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut parts = packed.split('\u{1}');
    std::iter::from_fn(|| Some((parts.next()?, parts.next()?))).collect()
}

/// Whether `lang`'s words are there to be looked up.
pub fn is_installed(lang: Lang) -> bool {
    table(lang).is_some()
}

/// The string for `key` in `lang`. An unknown key is returned as itself, so
/// a missing string shows up on the page instead of vanishing (and the
/// completeness test names it).
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    lookup(lang, key).unwrap_or(key)
}

/// The string for `n` things: `one`'s where `n` is 1 ("the 1 held-out
/// point"), else `many`'s ("the 3 held-out points"). Chinese says both
/// alike; its table holds both keys.
pub fn t_count(lang: Lang, n: usize, [many, one]: [&'static str; 2]) -> &'static str {
    t(lang, if n == 1 { one } else { many })
}

/// The string for a key known only at run time (the page's `data-i18n`
/// attributes), or `None` when the table lacks it.
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    table(lang)?.get(key)
}

/// `template` with each `{name}` replaced by its value, in one pass: a value
/// is inserted as it is, and a brace that names no value stays as written.
pub fn fill<V: AsRef<str>>(template: &str, values: &[(&str, V)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after
            .split_once('}')
            .and_then(|(name, tail)| Some((values.iter().find(|(n, _)| *n == name)?.1.as_ref(), tail)));
        match named {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Sentences written one after another as `lang` writes them: English puts
/// a space between them, Chinese, whose full stop is full-width, none.
/// Empty parts are left out; a part that does not end as a sentence ends
/// (an error's words, written for a note) gets a full stop.
pub fn sentences(lang: Lang, parts: &[impl AsRef<str>]) -> String {
    let mut out = String::new();
    for part in parts.iter().map(AsRef::as_ref).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push_str(lang.sentence_gap());
        }
        out.push_str(part);
        if !part.ends_with(['.', '!', '?', '。', '！', '？']) {
            out.push_str(lang.full_stop());
        }
    }
    out
}

/// The values of a paragraph's placeholders, gathered once, then said in
/// as many sentences as the state asks for (keys known at run time): one
/// value list and one call per paragraph, rather than a `fill` per sentence.
pub struct Placeholders {
    pub lang: Lang,
    values: Vec<(&'static str, String)>,
}

impl Placeholders {
    pub fn new(lang: Lang) -> Placeholders {
        Placeholders { lang, values: Vec::new() }
    }

    /// `{name}` stands for `value`.
    pub fn put(&mut self, name: &'static str, value: String) {
        self.values.push((name, value));
    }

    /// `{name}` stands for the words of `key`.
    pub fn put_word(&mut self, name: &'static str, key: &str) {
        let word = lookup(self.lang, key).unwrap_or(key).to_owned();
        self.values.push((name, word));
    }

    /// What `{name}` stands for, if anything.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    /// The sentences of `keys`, one after another, their placeholders
    /// filled; a key the table lacks is said as itself, as [`t`] does.
    pub fn say(&self, keys: &[&str]) -> String {
        let parts: Vec<String> =
            keys.iter().map(|&key| fill(lookup(self.lang, key).unwrap_or(key), &self.values)).collect();
        sentences(self.lang, &parts)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn keys(lang: Lang) -> Vec<&'static str> {
        table(lang).unwrap().entries.iter().map(|&(k, _)| k).collect()
    }

    #[test]
    fn both_languages_have_every_key_and_no_empty_string() {
        assert_eq!(keys(Lang::En), keys(Lang::Zh), "the two files name different keys");
        for lang in [Lang::En, Lang::Zh] {
            for &(key, text) in &table(lang).unwrap().entries {
                assert!(!text.trim().is_empty(), "{key} is empty in {lang:?}");
                // The page receives the words packed, separated by U+0001.
                assert!(!key.contains('\u{1}') && !text.contains('\u{1}'), "{key} holds U+0001 in {lang:?}");
            }
        }
    }

    #[test]
    fn every_key_is_found_by_its_hash_and_an_unknown_one_is_not() {
        for lang in [Lang::En, Lang::Zh] {
            let table = table(lang).unwrap();
            for &(key, text) in &table.entries {
                assert_eq!(table.get(key), Some(text), "{key} in {lang:?}");
            }
            assert_eq!(table.get("fig.fit.no-such-key"), None);
            assert_eq!(table.get(""), None);
        }
        // Four slots for two keys: whichever collide, both are found.
        let small = Table::new(vec![("a", "1"), ("b", "2")]);
        assert_eq!((small.get("a"), small.get("b"), small.get("c")), (Some("1"), Some("2"), None));
        assert_eq!(Table::new(Vec::new()).get("a"), None);
    }

    #[test]
    fn a_packed_file_unpacks_to_its_pairs() {
        assert_eq!(unpacked("a\u{1}one\u{1}b\u{1}二"), [("a", "one"), ("b", "二")]);
        assert_eq!(unpacked("a\u{1}one\u{1}b"), [("a", "one")], "a key without its text");
        assert_eq!(unpacked(""), [] as [(&str, &str); 0]);
    }

    /// Each file lists its keys once each, in order, so that the two are
    /// compared line by line (and a key written twice is not lost).
    #[test]
    fn the_keys_are_written_once_each_in_order() {
        for lang in [Lang::En, Lang::Zh] {
            let written: Vec<&str> =
                source(lang).lines().filter_map(|l| l.trim().strip_prefix('"')?.split('"').next()).collect();
            assert!(written.windows(2).all(|w| w[0] < w[1]), "keep the keys of the {lang:?} file sorted, each once");
            assert_eq!(written, keys(lang));
        }
    }

    /// Every key the page's HTML names must be in a table, in both languages.
    #[test]
    fn every_key_in_the_page_exists() {
        let html = include_str!("../../index.html");
        let mut missing = Vec::new();
        for attr in ["data-i18n=\"", "data-i18n-label=\"", "data-i18n-placeholder=\"", "data-i18n-content=\""] {
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
    fn sentences_are_joined_as_each_language_joins_them() {
        assert_eq!(sentences(Lang::En, &["One.", "", "Two."]), "One. Two.");
        assert_eq!(sentences(Lang::Zh, &["一。", "二。"]), "一。二。");
        // An error's words, written for a note, end as a sentence.
        assert_eq!(sentences(Lang::En, &["No fit: none (set C)", "Two."]), "No fit: none (set C). Two.");
        assert_eq!(sentences(Lang::Zh, &["无法拟合：（设置 C）", "二。"]), "无法拟合：（设置 C）。二。");
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(fill("Row {row}: {a} → {b}.", &[("row", "2"), ("a", "x"), ("b", "y")]), "Row 2: x → y.");
        assert_eq!(fill("{a}{a} {b}", &[("a", "{b}"), ("b", "y")]), "{b}{b} y");
        assert_eq!(fill("{unknown} {a", &[("a", "x")]), "{unknown} {a");
    }
}
