//! The house rules, measured on the source: no file imports in a circle, and no module imports
//! from a layer above its own.
//!
//! How it works: every `.rs` file under src/ is a module (`ui/hover.rs` is `ui::hover`). Paths
//! starting with `crate::`, `super::` or `self::` (outside comments and test modules) are resolved
//! to the deepest module file they name; a name a `mod.rs` re-exports (`pub use child::Name`)
//! resolves to that child. The top modules are ranked in [`LAYERS`]; an edge from a module to a
//! higher-ranked one fails, and so does any cycle between files.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// The top modules from the bottom up; a module may use modules of a lower rank only.
const LAYERS: &[(&str, u8)] = &[
    ("i18n", 0),
    ("rng", 0),
    ("limits", 0),
    ("lesson", 1),
    ("model", 2),
    ("gpu", 2),
    ("engine", 3),
    ("scene", 4),
    ("ui", 5),
    ("export", 5),
    ("kiosk", 6),
    ("app", 7),
    ("cli", 8),
];

struct Source {
    files: BTreeMap<String, String>,
    /// module -> re-exported name -> child module
    reexports: HashMap<String, HashMap<String, String>>,
}

fn code_only(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn load(dir: &Path, prefix: &[String], out: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            let mut p = prefix.to_vec();
            p.push(name);
            load(&path, &p, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !name.ends_with("_tests") {
            let mut p = prefix.to_vec();
            if name != "mod" && name != "lib" && name != "main" {
                p.push(name);
            }
            let text = std::fs::read_to_string(&path).unwrap();
            out.insert(p.join("::"), code_only(&text));
        }
    }
}

impl Source {
    fn read() -> Self {
        let mut files = BTreeMap::new();
        load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &[],
            &mut files,
        );
        let mut reexports: HashMap<String, HashMap<String, String>> = HashMap::new();
        for (module, text) in &files {
            for line in text.lines().map(str::trim) {
                let Some(rest) = line.strip_prefix("pub use ") else {
                    continue;
                };
                let Some((child, names)) = rest.split_once("::") else {
                    continue;
                };
                if child.contains(['{', ' ']) || child == "crate" || child == "super" {
                    continue;
                }
                let child = if module.is_empty() {
                    child.to_owned()
                } else {
                    format!("{module}::{child}")
                };
                for name in names
                    .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .filter(|n| !n.is_empty())
                {
                    reexports
                        .entry(module.clone())
                        .or_default()
                        .insert(name.to_owned(), child.clone());
                }
            }
        }
        Self { files, reexports }
    }

    /// The module file a path names, from inside `module`.
    fn resolve(&self, module: &str, path: &[&str]) -> Option<String> {
        let mut base: Vec<&str> = if module.is_empty() {
            vec![]
        } else {
            module.split("::").collect()
        };
        let mut rest = path;
        match *rest.first()? {
            "crate" => {
                base.clear();
                rest = &rest[1..];
            }
            "self" => rest = &rest[1..],
            "super" => {
                while rest.first() == Some(&"super") {
                    base.pop();
                    rest = &rest[1..];
                }
            }
            _ => return None,
        }
        for take in (0..=rest.len()).rev() {
            let mut parts = base.clone();
            parts.extend(&rest[..take]);
            let candidate = parts.join("::");
            if self.files.contains_key(&candidate) {
                if let Some(next) = rest.get(take)
                    && let Some(child) = self.reexports.get(&candidate).and_then(|r| r.get(*next))
                {
                    return Some(child.clone());
                }
                return Some(candidate);
            }
        }
        None
    }

    /// Paths used by `text`: `crate::a::b`, and each name of `use crate::a::{b, c::d}`.
    fn paths(text: &str) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        let bytes: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < bytes.len() {
            let starts = ["crate::", "super::", "self::"]
                .iter()
                .find(|p| text_at(&bytes, i, p));
            let boundary = i == 0 || !(bytes[i - 1].is_alphanumeric() || bytes[i - 1] == '_');
            let Some(prefix) = starts.filter(|_| boundary) else {
                i += 1;
                continue;
            };
            let mut j = i + prefix.len();
            let mut segs = vec![prefix.trim_end_matches("::").to_owned()];
            loop {
                let start = j;
                while j < bytes.len() && (bytes[j].is_alphanumeric() || bytes[j] == '_') {
                    j += 1;
                }
                if j > start {
                    segs.push(bytes[start..j].iter().collect());
                }
                if text_at(&bytes, j, "::{") {
                    let close = (j..bytes.len()).find(|&k| bytes[k] == '}').unwrap_or(j);
                    let inner: String = bytes[j + 3..close].iter().collect();
                    for name in inner.split(',') {
                        let mut full = segs.clone();
                        full.extend(
                            name.trim()
                                .split("::")
                                .filter(|s| !s.is_empty())
                                .map(str::to_owned),
                        );
                        out.push(full);
                    }
                    j = close;
                    break;
                }
                if text_at(&bytes, j, "::") {
                    j += 2;
                    continue;
                }
                out.push(segs);
                break;
            }
            i = j.max(i + 1);
        }
        out
    }

    fn edges(&self) -> BTreeMap<String, BTreeSet<String>> {
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (module, text) in &self.files {
            for path in Self::paths(text) {
                let parts: Vec<&str> = path.iter().map(String::as_str).collect();
                let Some(target) = self.resolve(module, &parts) else {
                    continue;
                };
                let inside = target.starts_with(&format!("{module}::"));
                if target != *module && !target.is_empty() && !inside {
                    edges.entry(module.clone()).or_default().insert(target);
                }
            }
        }
        edges
    }
}

fn text_at(chars: &[char], i: usize, pattern: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    chars.len() >= i + p.len() && chars[i..i + p.len()] == p[..]
}

fn top(module: &str) -> &str {
    module.split("::").next().unwrap_or("")
}

fn rank(module: &str) -> Option<u8> {
    LAYERS
        .iter()
        .find(|(name, _)| *name == top(module))
        .map(|(_, r)| *r)
}

#[test]
fn no_module_imports_from_a_higher_layer() {
    let source = Source::read();
    let edges = source.edges();
    assert!(
        edges.len() > 40,
        "found only {} importing files",
        edges.len()
    );
    let mut wrong = Vec::new();
    for (from, targets) in &edges {
        for to in targets {
            if top(from) == top(to) || from.is_empty() {
                continue;
            }
            match (rank(from), rank(to)) {
                (Some(a), Some(b)) if b < a => {}
                (a, b) => wrong.push(format!("{from} ({a:?}) -> {to} ({b:?})")),
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layers: {wrong:#?}");
}

#[test]
fn no_file_imports_in_a_circle() {
    let edges = Source::read().edges();
    // Depth-first search for a back edge.
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut HashMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_owned(), 1);
        stack.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            match state.get(next.as_str()) {
                Some(1) => {
                    let at = stack.iter().position(|n| n == next).unwrap_or(0);
                    let mut cycle = stack[at..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(next, edges, state, stack) {
                        return Some(c);
                    }
                }
            }
        }
        stack.pop();
        state.insert(node.to_owned(), 2);
        None
    }
    let mut state = HashMap::new();
    for node in edges.keys() {
        if !state.contains_key(node.as_str())
            && let Some(cycle) = visit(node, &edges, &mut state, &mut Vec::new())
        {
            panic!("an import circle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn the_resolver_sees_a_known_import() {
    let source = Source::read();
    let edges = source.edges();
    assert!(
        edges["ui::narration"].contains("ui::claims"),
        "{:?}",
        edges["ui::narration"]
    );
    assert!(edges["scene::labels"].contains("i18n::format"));
}
