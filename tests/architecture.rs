//! The shape of `src/`: no file depends, through any chain of `use`s and
//! paths, on a file that depends on it. A module's `mod.rs` declares its
//! children and re-exports them; what the children share lives in a file of
//! its own.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One source file: its module path (`["core", "losses"]`) and its code,
/// without comments, strings and test modules.
struct File {
    module: Vec<String>,
    code: String,
}

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file below `src/` (`src/core/losses/mod.rs` → core::losses).
fn module_of(path: &Path) -> Vec<String> {
    let relative = path.strip_prefix(src()).unwrap();
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let last = parts.pop().unwrap();
    match last.as_str() {
        "lib.rs" | "mod.rs" => {}
        name => parts.push(name.trim_end_matches(".rs").to_owned()),
    }
    parts
}

/// The code without comments, string and char literals, and test-only items.
fn code_of(text: &str) -> String {
    without_test_items(&without_literals(text))
}

/// `text` without comments, and with every string and char literal emptied.
fn without_literals(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            i += rest.find("*/").map_or(rest.len(), |end| end + 2);
        } else if rest.starts_with('"') {
            let bytes = rest.as_bytes();
            let mut j = 1;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            out.push_str("\"\"");
            i += j + 1;
        } else if rest.starts_with('\'')
            && rest.len() > 2
            && (rest.as_bytes()[2] == b'\'' || rest.as_bytes()[1] == b'\\')
        {
            let end = rest[1..].find('\'').map_or(rest.len(), |e| e + 2);
            out.push_str("' '");
            i += end;
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// `code` (without literals) without the items marked `#[cfg(…test…)]`.
fn without_test_items(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        if let Some(attribute) = test_only(rest) {
            // The attribute and the item after it, up to its closing brace or semicolon.
            let mut depth = 0;
            let mut j = attribute;
            for (k, c) in rest[attribute..].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            j = attribute + k + 1;
                            break;
                        }
                    }
                    ';' if depth == 0 => {
                        j = attribute + k + 1;
                        break;
                    }
                    _ => {}
                }
            }
            i += j;
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The length of a `#[cfg(…test…)]` attribute at the start of `code`.
fn test_only(code: &str) -> Option<usize> {
    let rest = code.strip_prefix("#[cfg(")?;
    let end = rest.find(")]")?;
    rest[..end].split(|c: char| !c.is_alphanumeric()).any(|w| w == "test").then_some("#[cfg(".len() + end + 2)
}

/// The paths a file names: each `use` tree expanded, and every `a::b::c`
/// in its code.
fn paths_in(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let tokens = tokens(code);
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i] == "use" {
            let end = tokens[i..].iter().position(|t| t == ";").map_or(tokens.len(), |e| i + e);
            use_tree(&tokens[i + 1..end], &mut Vec::new(), &mut paths);
            i = end;
        } else if is_ident(&tokens[i]) && tokens.get(i + 1).is_some_and(|t| t == "::") {
            let mut path = vec![tokens[i].clone()];
            let mut j = i + 1;
            while tokens.get(j).is_some_and(|t| t == "::") && tokens.get(j + 1).is_some_and(|t| is_ident(t)) {
                path.push(tokens[j + 1].clone());
                j += 2;
            }
            paths.push(path);
            i = j;
        } else {
            i += 1;
        }
    }
    paths
}

fn is_ident(token: &str) -> bool {
    token.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
}

fn tokens(code: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut chars = code.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_alphanumeric() || c == '_' {
            let mut word = String::new();
            while let Some(&c) = chars.peek().filter(|c| c.is_alphanumeric() || **c == '_') {
                word.push(c);
                chars.next();
            }
            tokens.push(word);
        } else if c == ':' {
            chars.next();
            if chars.peek() == Some(&':') {
                chars.next();
                tokens.push("::".into());
            }
        } else {
            chars.next();
            if !c.is_whitespace() {
                tokens.push(c.to_string());
            }
        }
    }
    tokens
}

/// Expands `a::{b, c::{d, e}}` into full paths.
fn use_tree(tokens: &[String], prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let mut i = 0;
    let start = prefix.len();
    while i < tokens.len() {
        match tokens[i].as_str() {
            "::" => i += 1,
            "{" => {
                // Each comma-separated tree inside, at depth one.
                let mut depth = 0;
                let mut item_start = i + 1;
                for j in i..tokens.len() {
                    match tokens[j].as_str() {
                        "{" => depth += 1,
                        "}" | "," if depth == 1 => {
                            use_tree(&tokens[item_start..j], prefix, out);
                            item_start = j + 1;
                            if tokens[j] == "}" {
                                depth -= 1;
                            }
                        }
                        "}" => depth -= 1,
                        _ => {}
                    }
                    if depth == 0 {
                        break;
                    }
                }
                prefix.truncate(start);
                return;
            }
            "as" => break,
            "*" => break,
            t if is_ident(t) => {
                prefix.push(t.to_owned());
                i += 1;
            }
            _ => i += 1,
        }
    }
    if prefix.len() > start {
        out.push(prefix.clone());
    }
    prefix.truncate(start);
}

struct Crate {
    files: BTreeMap<Vec<String>, File>,
}

impl Crate {
    fn read() -> Crate {
        let mut paths = Vec::new();
        rust_files(&src(), &mut paths);
        let files = paths
            .into_iter()
            .filter(|p| !p.starts_with(src().join("bin")))
            .map(|p| {
                let module = module_of(&p);
                let code = code_of(&std::fs::read_to_string(&p).unwrap());
                (module.clone(), File { module, code })
            })
            .collect();
        Crate { files }
    }

    fn is_module(&self, module: &[String]) -> bool {
        self.files.contains_key(module)
    }

    /// The file a path names, following re-exports (`pub use child::Item`).
    fn resolve(&self, from: &[String], path: &[String]) -> Option<Vec<String>> {
        let (mut module, rest): (Vec<String>, &[String]) = match path.first()?.as_str() {
            "crate" => (Vec::new(), &path[1..]),
            "self" => (from.to_vec(), &path[1..]),
            "super" => {
                let mut module = from.to_vec();
                let mut rest = path;
                while rest.first().is_some_and(|s| s == "super") {
                    module.pop();
                    rest = &rest[1..];
                }
                (module, rest)
            }
            first => {
                let mut child = from.to_vec();
                child.push(first.to_owned());
                if !self.is_module(&child) {
                    return None; // another crate, or a local name
                }
                (from.to_vec(), path)
            }
        };
        for (k, segment) in rest.iter().enumerate() {
            let mut child = module.clone();
            child.push(segment.clone());
            if self.is_module(&child) {
                module = child;
                continue;
            }
            // An item of `module`: defined there, or re-exported from elsewhere.
            if let Some(target) = self.reexport(&module, segment) {
                return self.resolve(&module, &target).or(Some(module));
            }
            let _ = k;
            return Some(module);
        }
        Some(module)
    }

    /// Where `module` re-exports `name` from, if it does.
    fn reexport(&self, module: &[String], name: &str) -> Option<Vec<String>> {
        let code = &self.files.get(module)?.code;
        let tokens = tokens(code);
        let mut i = 0;
        while i + 1 < tokens.len() {
            if tokens[i] == "pub" && tokens[i + 1] == "use" {
                let end = tokens[i..].iter().position(|t| t == ";").map_or(tokens.len(), |e| i + e);
                let mut paths = Vec::new();
                use_tree(&tokens[i + 2..end], &mut Vec::new(), &mut paths);
                if let Some(path) = paths.into_iter().find(|p| p.last().is_some_and(|last| last == name)) {
                    return Some(path);
                }
                i = end;
            } else {
                i += 1;
            }
        }
        None
    }

    /// Which files each file depends on.
    fn edges(&self) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
        self.files
            .values()
            .map(|file| {
                let targets = paths_in(&file.code)
                    .iter()
                    .filter_map(|path| self.resolve(&file.module, path))
                    .filter(|target| *target != file.module)
                    .collect();
                (file.module.clone(), targets)
            })
            .collect()
    }
}

/// Every group of files that depend on each other (Tarjan's strongly
/// connected components with more than one file).
fn circles(edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<Vec<String>>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<Vec<String>, usize>,
        low: BTreeMap<Vec<String>, usize>,
        stack: Vec<Vec<String>>,
        found: Vec<Vec<Vec<String>>>,
    }
    impl Walk<'_> {
        fn visit(&mut self, node: &Vec<String>) {
            let n = self.index.len();
            self.index.insert(node.clone(), n);
            self.low.insert(node.clone(), n);
            self.stack.push(node.clone());
            for next in self.edges.get(node).into_iter().flatten() {
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[node].min(self.low[next]);
                    self.low.insert(node.clone(), low);
                } else if self.stack.contains(next) {
                    let low = self.low[node].min(self.index[next]);
                    self.low.insert(node.clone(), low);
                }
            }
            if self.low[node] == self.index[node] {
                let at = self.stack.iter().position(|m| m == node).unwrap();
                let group = self.stack.split_off(at);
                if group.len() > 1 {
                    self.found.push(group);
                }
            }
        }
    }
    let mut walk = Walk { edges, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), found: Vec::new() };
    for node in edges.keys() {
        if !walk.index.contains_key(node) {
            walk.visit(node);
        }
    }
    walk.found
}

fn name(module: &[String]) -> String {
    if module.is_empty() {
        "lib".into()
    } else {
        module.join("::")
    }
}

#[test]
fn no_file_in_src_depends_on_itself_through_others() {
    let krate = Crate::read();
    let edges = krate.edges();
    let circles: Vec<String> =
        circles(&edges).iter().map(|group| group.iter().map(|m| name(m)).collect::<Vec<_>>().join(" ↔ ")).collect();
    assert!(circles.is_empty(), "files that import each other, through any chain:\n{}", circles.join("\n"));
}

#[test]
fn the_reader_finds_what_a_file_names() {
    let krate = Crate::read();
    let edges = krate.edges();
    let of = |m: &str| {
        edges[&m.split("::").map(String::from).collect::<Vec<_>>()].iter().map(|t| name(t)).collect::<BTreeSet<_>>()
    };
    // Through a re-export: `crate::core::losses::FocalOptions` lives in options.rs.
    assert!(of("core::breakdown").contains("core::losses::options"), "{:?}", of("core::breakdown"));
    assert!(of("core::losses::problem").contains("core::losses::validate"));
    assert!(of("page::update").contains("page::model"));
    // charts knows nothing about the page, core nothing about the state.
    assert!(!of("charts::figure").iter().any(|t| t.starts_with("page") || t.starts_with("app")));
    let reaches = |from: &str, prefix: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.split("::").map(String::from).collect::<Vec<_>>()];
        while let Some(m) = todo.pop() {
            if seen.insert(m.clone()) {
                todo.extend(edges.get(&m).into_iter().flatten().cloned());
            }
        }
        seen.iter().any(|m| name(m).starts_with(prefix))
    };
    for file in edges.keys().map(|m| name(m)).filter(|m| m.starts_with("core")) {
        for above in ["state", "scene", "charts", "page", "app", "calculator", "eval"] {
            assert!(!reaches(&file, above), "{file} reaches {above}: core knows nothing of the layers above it");
        }
    }
    assert!(!reaches("charts::figure", "page"), "charts knows nothing about the page");
    assert!(!reaches("page::update", "app"), "only app touches the document");
}
