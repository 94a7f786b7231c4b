//! The words as exact as the numbers: both word tables held to the
//! glossary (`tests/glossary.json`) — one term per concept, one symbol per
//! quantity, every symbol of a formula defined no later than its first use
//! on the page — and every Chinese string to full-width punctuation inside
//! Chinese text (the rule is written out in the glossary and below).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

type Table = BTreeMap<String, String>;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// A word table as it is written, code templates and all.
fn raw_table(lang: &str) -> Table {
    serde_json::from_str(&read(&format!("assets/i18n/{lang}.json"))).unwrap()
}

/// A word table as prose: of the code templates (the glossary's `code`),
/// whose Python is code and not words, only the comments.
fn table(lang: &str) -> Table {
    let code = strings(&glossary()["code"]);
    let mut table = raw_table(lang);
    for (_, text) in table.iter_mut().filter(|(key, _)| code.contains(key)) {
        *text = comments(text);
    }
    table
}

/// The comments of Python code, one a line: what follows a `#` that starts
/// a line or follows a space.
fn comments(code: &str) -> String {
    let comment = |line: &str| {
        let at = line.match_indices("# ").map(|(i, _)| i).find(|&i| i == 0 || line[..i].ends_with(' '))?;
        Some(line[at + 2..].to_owned())
    };
    code.lines().filter_map(comment).collect::<Vec<_>>().join("\n")
}

/// Whether `key` is a code template.
fn is_code(key: &str) -> bool {
    strings(&glossary()["code"]).iter().any(|k| k == key)
}

fn glossary() -> Value {
    serde_json::from_str(&read("tests/glossary.json")).unwrap()
}

fn strings(value: &Value) -> Vec<String> {
    value.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()).unwrap_or_default()
}

fn concepts() -> Vec<Value> {
    glossary()["concepts"].as_array().unwrap().clone()
}

/// A Han character (CJK unified ideographs and their extensions in the BMP).
fn han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Where a placeholder stood.
const HOLE: char = '\u{1}';

/// `text` with each `{placeholder}` as one opaque character.
fn holes(text: &str) -> Vec<char> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '{' {
            for d in chars.by_ref() {
                if d == '}' {
                    break;
                }
            }
            out.push(HOLE);
        } else {
            out.push(c);
        }
    }
    out
}

/// A character of code or of a formula: not a space, a Han character or a placeholder.
fn plain(c: Option<char>) -> bool {
    c.is_some_and(|c| c != ' ' && c != HOLE && !han(c))
}

/// A character of code or of a number (`x,label`, `-2.2:0`): printable
/// ASCII, not a space; or a Chinese quote around a quoted mark (“,”).
fn code(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_graphic() || c == '“' || c == '”')
}

/// The half-width punctuation of a Chinese string that should be
/// full-width, by the glossary's rule, each with where it stands.
fn punctuation_faults(text: &str) -> Vec<String> {
    let t = holes(text);
    let at = |i: isize| (i >= 0).then(|| t.get(i as usize).copied()).flatten();
    let mut faults = Vec::new();
    let mut fault = |i: usize, why: &str| {
        let from = i.saturating_sub(6);
        let context: String = t[from..(i + 7).min(t.len())].iter().map(|&c| if c == HOLE { '…' } else { c }).collect();
        faults.push(format!("{why} in «{context}»"));
    };
    // ASCII brackets: depth, and each '(' with its ')'.
    let mut depth = vec![0usize; t.len()];
    let (mut d, mut open) = (0usize, Vec::new());
    let mut pairs = Vec::new();
    for (i, &c) in t.iter().enumerate() {
        if c == ')' || c == ']' {
            d = d.saturating_sub(1);
        }
        depth[i] = d;
        if c == '(' || c == '[' {
            d += 1;
        }
        match c {
            '(' => open.push(i),
            ')' => match open.pop() {
                Some(o) => pairs.push((o, i)),
                None => fault(i, "an unmatched ')'"),
            },
            _ => {}
        }
    }
    open.into_iter().for_each(|o| fault(o, "an unmatched '('"));
    for (i, &c) in t.iter().enumerate() {
        let (before, after) = (at(i as isize - 1), at(i as isize + 1));
        match c {
            ',' | ';' | ':' | '!' | '?' if depth[i] == 0 && !(code(before) && code(after)) => {
                fault(i, &format!("a half-width '{c}' in text"))
            }
            '"' => fault(i, "an ASCII quote (Chinese quotes are “ ”)"),
            '.' if (before.is_some_and(han) || before == Some(HOLE))
                && !after.is_some_and(|a| a.is_ascii_alphanumeric()) =>
            {
                fault(i, "a half-width full stop")
            }
            _ => {}
        }
    }
    for (o, c) in pairs {
        let holds_han = t[o + 1..c].iter().any(|&ch| han(ch));
        // σ(z), log(p), or an operand after an operator: / (2C).
        let call = plain(at(o as isize - 1))
            || (at(o as isize - 1) == Some(' ') && at(o as isize - 2).is_some_and(|c| "+−-*/=·".contains(c)));
        let factor = at(c as isize + 1).is_some_and(|a| "^²·".contains(a) || a.is_ascii_alphanumeric());
        // A point's coordinates, (x, y): numbers and values only.
        let tuple = t[o + 1..c].contains(&',')
            && t[o + 1..c].iter().all(|&ch| ch == HOLE || ch.is_ascii_digit() || ".,-− ".contains(ch));
        if holds_han || !(call || factor || tuple) {
            fault(o, "a half-width parenthesis pair around text");
        }
    }
    faults
}

#[test]
fn the_punctuation_rule_tells_text_from_formulas() {
    // Formulas, code, lists and numbers keep their half-width marks...
    for ok in [
        "把 p 裁剪到 [1e-7, 1 − 1e-7]，再算 −Σ y·log p。",
        "乘以 (1 − p_t)^γ，其中",
        "p(y = 1 | x) = σ({w}·x {b})；各点处 p = {p}。",
        "格式为 x,label，例如 -2.2,0。",
        "第 {at} 个字符处应为“,”或“{close}”",
        "{field}：{problem}",
        "第 {n} 个点 ({x}, {y}) 的 p_k",
        "|W|^2 / (2C)，其中",
    ] {
        assert_eq!(punctuation_faults(ok), Vec::<String>::new(), "{ok}");
    }
    // ...while the same marks in Chinese text are faults.
    for bad in [
        "真实类别的概率为 {p};其 −log",
        "平均 {mean}, 使用整数标签",
        "正例,y = 1",
        "focal,γ = {g}",
        "{g}(当前)",
        "第 {n} 个点 (共 {k} 类)",
        "标签 y = {y} 时的损失(float32)",
        "γ = {g} 时:p_t = 0.1 处 FL = {at1},0.5 处",
        "缺少参数 \"{arg}\"",
        "没有拟合结果.",
        "…(另有 {n} 个)",
    ] {
        assert!(!punctuation_faults(bad).is_empty(), "{bad} should be a fault");
    }
}

#[test]
fn chinese_strings_use_full_width_punctuation_in_chinese_text() {
    let faults: Vec<String> = table("zh")
        .iter()
        .flat_map(|(key, text)| punctuation_faults(text).into_iter().map(move |f| format!("{key}: {f}")))
        .collect();
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn english_strings_hold_no_chinese_characters_or_punctuation() {
    // “ ” are English quotes too.
    let full_width = |c: char| "，。：；（）！？、".contains(c);
    let faults: Vec<String> = table("en")
        .into_iter()
        .filter(|(_, text)| text.chars().any(|c| han(c) || full_width(c)))
        .map(|(k, _)| k)
        .collect();
    assert!(faults.is_empty(), "{faults:?}");
}

#[test]
fn one_term_per_concept_in_each_language() {
    let (en, zh) = (table("en"), table("zh"));
    let mut faults = Vec::new();
    for concept in concepts() {
        let name = concept["concept"].as_str().unwrap();
        for (lang, table, field, forbidden) in [("en", &en, "en", "en_forbidden"), ("zh", &zh, "zh", "zh_forbidden")] {
            let term = concept[field].as_str().unwrap().to_lowercase();
            if !table.values().any(|text| text.to_lowercase().contains(&term)) {
                faults.push(format!("{name}: the {lang} term «{term}» is used nowhere"));
            }
            for variant in strings(&concept[forbidden]) {
                for (key, text) in
                    table.iter().filter(|(_, text)| text.to_lowercase().contains(&variant.to_lowercase()))
                {
                    faults.push(format!("{name}: {key} ({lang}) says «{variant}», not «{term}»: {text}"));
                }
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

/// The words of `text` that can be symbols, placeholders left out: runs
/// of ASCII letters, digits, `_`, Greek letters and ỹ.
fn tokens(text: &str) -> Vec<String> {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_' || ('\u{370}'..='\u{3ff}').contains(&c) || c == 'ỹ';
    holes(text).split(|&c| !word(c)).filter(|w| !w.is_empty()).map(|w| w.iter().collect::<String>()).collect()
}

/// A token that reads as a symbol: one letter, or a letter with a
/// one-character subscript (`p_t`, `ỹ_k`); numbers and names are not.
fn symbol_like(token: &str) -> bool {
    let chars: Vec<char> = token.chars().collect();
    let letter = |c: char| c.is_ascii_alphabetic() || ('\u{370}'..='\u{3ff}').contains(&c) || c == 'ỹ';
    match chars.as_slice() {
        [a] => letter(*a),
        [a, '_', s] => letter(*a) && s.is_ascii_alphanumeric(),
        _ => false,
    }
}

/// The symbol, its base and its subscript: what a use of `token` uses.
fn uses(token: &str) -> Vec<String> {
    match token.split_once('_') {
        Some((base, sub)) => vec![token.to_owned(), base.to_owned(), sub.to_owned()],
        None => vec![token.to_owned()],
    }
}

struct Symbols {
    symbols: BTreeSet<String>,
    indices: BTreeSet<String>,
    names: BTreeSet<String>,
}

impl Symbols {
    fn read() -> Symbols {
        let g = glossary();
        Symbols {
            symbols: concepts().iter().filter_map(|c| c["symbol"].as_str().map(str::to_owned)).collect(),
            indices: strings(&g["indices"]).into_iter().collect(),
            names: strings(&g["names"]).into_iter().collect(),
        }
    }

    /// Whether `token` is a defined symbol, an indexed one, or a name.
    fn known(&self, token: &str) -> bool {
        if self.symbols.contains(token) || self.names.contains(token) {
            return true;
        }
        match token.split_once('_') {
            Some((base, sub)) => {
                (self.symbols.contains(base) || self.names.contains(base)) && self.indices.contains(sub)
            }
            None => false,
        }
    }
}

#[test]
fn every_symbol_in_the_strings_is_in_the_glossary() {
    let known = Symbols::read();
    let mut faults = BTreeSet::new();
    // Chinese strings carry Latin letters only as symbols and code; the
    // English ones are checked for Greek letters and subscripts, since a
    // lone Latin letter there may be a word ("a").
    // The comments of the code templates speak Python (T_ik, |W|^2): they are left out.
    for (key, text) in table("zh").into_iter().filter(|(key, _)| !is_code(key)) {
        for token in tokens(&text).into_iter().filter(|t| symbol_like(t) && !known.known(t)) {
            faults.insert(format!("{key} (zh): {token}"));
        }
    }
    for (key, text) in table("en").into_iter().filter(|(key, _)| !is_code(key)) {
        let greek_or_indexed = |t: &String| t.contains('_') || t.chars().any(|c| ('\u{370}'..='\u{3ff}').contains(&c));
        for token in tokens(&text).into_iter().filter(|t| symbol_like(t) && greek_or_indexed(t) && !known.known(t)) {
            faults.insert(format!("{key} (en): {token}"));
        }
    }
    assert!(faults.is_empty(), "symbols missing from the glossary: {faults:?}");
}

#[test]
fn one_symbol_per_quantity_where_it_is_used() {
    let (en, zh) = (table("en"), table("zh"));
    let mut faults = Vec::new();
    for concept in concepts() {
        let symbol = concept["symbol"].as_str().unwrap_or_default();
        for prefix in strings(&concept["keys"]) {
            for (lang, table) in [("en", &en), ("zh", &zh)] {
                for (key, text) in table.iter().filter(|(key, _)| key.starts_with(&prefix)) {
                    for wrong in strings(&concept["not_symbols"]) {
                        if tokens(text).contains(&wrong) {
                            faults.push(format!("{key} ({lang}) writes {wrong} where it means {symbol}: {text}"));
                        }
                    }
                }
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn retired_symbols_are_used_nowhere() {
    let retired = strings(&glossary()["retired_symbols"]);
    let mut faults = Vec::new();
    for (lang, table) in [("en", raw_table("en")), ("zh", raw_table("zh"))] {
        for (key, text) in table {
            faults.extend(
                tokens(&text).into_iter().filter(|t| retired.contains(t)).map(|t| format!("{key} ({lang}): {t}")),
            );
        }
    }
    assert!(faults.is_empty(), "{faults:?}");
}

/// Each `<math>` block of the page, as its identifiers (`<mi>`), a
/// subscript joined to its base (`p_t`).
fn formulas(html: &str) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(start) = html[from..].find("<math").map(|i| i + from) {
        let end = html[start..].find("</math>").map_or(html.len(), |i| i + start);
        let block = &html[start..end];
        let mi = |s: &str| -> Vec<String> {
            s.split("<mi>").skip(1).filter_map(|p| p.split_once("</mi>").map(|(v, _)| v.to_owned())).collect()
        };
        let mut ids = mi(block);
        for sub in block.split("<msub>").skip(1) {
            if let [base, script, ..] = mi(sub.split("</msub>").next().unwrap_or_default()).as_slice() {
                if sub.starts_with("<mi>") {
                    ids.push(format!("{base}_{script}"));
                }
            }
        }
        out.push((start, ids));
        from = end;
    }
    out
}

#[test]
fn every_symbol_of_a_formula_is_in_the_glossary() {
    let known = Symbols::read();
    let html = read("index.html");
    let blocks = formulas(&html);
    assert!(blocks.len() >= 6, "the page's formulas are found");
    let unknown: Vec<String> = blocks
        .iter()
        .flat_map(|(_, ids)| ids.iter())
        .filter(|id| !known.known(id) && !known.indices.contains(*id))
        .cloned()
        .collect();
    assert!(unknown.is_empty(), "identifiers of the formulas missing from the glossary: {unknown:?}");
}

/// The page in reading order: each piece of text (a `data-i18n` element, a
/// paragraph written from the state, a formula) with where it stands and
/// the symbols it uses, read from the Chinese table, whose Latin letters are
/// all symbols or code.
fn page_in_order() -> Vec<(usize, Vec<String>, Vec<String>)> {
    let html = read("index.html");
    let zh = table("zh");
    let paragraphs = glossary()["paragraphs"].clone();
    let mut pieces = Vec::new();
    let attribute = |attr: &str| -> Vec<(usize, String)> {
        let needle = format!("{attr}=\"");
        html.match_indices(&needle)
            .map(|(at, _)| {
                let rest = &html[at + needle.len()..];
                (at, rest[..rest.find('"').unwrap()].to_owned())
            })
            .collect()
    };
    for (at, key) in attribute("data-i18n") {
        let used = zh.get(&key).map(|text| tokens(text)).unwrap_or_default();
        pieces.push((at, vec![key], used));
    }
    for (at, name) in attribute("data-readout") {
        let keys = strings(&paragraphs[name.as_str()]);
        let used = keys.iter().flat_map(|k| zh.get(k).map(|text| tokens(text)).unwrap_or_default()).collect();
        pieces.push((at, keys, used));
    }
    for (at, ids) in formulas(&html) {
        pieces.push((at, Vec::new(), ids));
    }
    pieces.sort_by_key(|p| p.0);
    pieces
}

#[test]
fn every_symbol_is_defined_where_it_is_first_used() {
    let (en, zh) = (table("en"), table("zh"));
    let pieces = page_in_order();
    let mut faults = Vec::new();
    for concept in concepts() {
        let (Some(symbol), Some(key)) = (concept["symbol"].as_str(), concept["defined_in"].as_str()) else { continue };
        for (lang, table) in [("en", &en), ("zh", &zh)] {
            let said = table.get(key).map(|text| tokens(text).iter().flat_map(|t| uses(t)).any(|u| u == symbol));
            if said != Some(true) {
                faults.push(format!("{symbol}: {key} ({lang}) does not define it"));
            }
        }
        let defined = pieces.iter().find(|(_, keys, _)| keys.iter().any(|k| k == key)).map(|p| p.0);
        let first = pieces.iter().find(|(_, _, used)| used.iter().flat_map(|t| uses(t)).any(|u| u == symbol));
        match (defined, first) {
            (None, _) => faults.push(format!("{symbol}: {key} is not on the page")),
            (Some(defined), Some((at, keys, _))) if *at < defined => {
                faults.push(format!("{symbol} is used in {keys:?} before {key} defines it"))
            }
            _ => {}
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn the_paragraphs_written_from_the_state_stand_on_the_page() {
    let html = read("index.html");
    let model = losslab::page::Model::new(losslab::page::url::read(""), false);
    let names: Vec<&str> = losslab::page::readouts::readouts(&model).into_iter().map(|(n, _)| n).collect();
    let paragraphs = glossary()["paragraphs"].clone();
    for name in paragraphs.as_object().unwrap().keys() {
        assert!(html.contains(&format!("data-readout=\"{name}\"")), "{name} has no place on the page");
        assert!(names.contains(&name.as_str()), "{name} is not written from the state");
    }
}
