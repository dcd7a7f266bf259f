//! The shape of the code, checked: the core reads in one direction (no
//! file of `src/core` depends, through others, on itself), names no
//! terminal crate nor the workbench, and no file of `src/` is over 600 lines.
//!
//! An edge A → B exists when file A names anything of file B: a `use` of
//! `crate::core::…`, `super::…`, `self::…` or a child module, or an inline
//! path such as `crate::core::x::f(…)`. A `mod child;` line is no edge.
//! Comments and string literals are not read.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Longest a file of `src/` may be.
const MAX_LINES: usize = 600;

/// Names the core must not use: it knows nothing of terminals.
const FORBIDDEN: &[&str] = &["ratatui", "crossterm", "ratatui_textarea"];

/// Files by path relative to their root (`text/mod.rs`), with their text.
type Files = BTreeMap<String, String>;
type Graph = BTreeMap<String, BTreeSet<String>>;

fn read_tree(root: &Path) -> Files {
    fn walk(dir: &Path, root: &Path, out: &mut Files) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("readable source folder")
            .flatten()
            .collect();
        entries.sort_by_key(|e| e.path());
        for e in entries {
            let p = e.path();
            if p.is_dir() {
                walk(&p, root, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                out.insert(rel, std::fs::read_to_string(&p).expect("readable source file"));
            }
        }
    }
    let mut out = Files::new();
    walk(root, root, &mut out);
    out
}

/// The text with comments, strings and character literals blanked out, so
/// that a path named in prose is not read as a dependency.
fn strip(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < c.len() {
        let at = |k: usize| c.get(k).copied().unwrap_or('\0');
        if c[i] == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c[i] == 'r' && (at(i + 1) == '"' || at(i + 1) == '#') && !ident_char(at(i.wrapping_sub(1))) {
            // A raw string: r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                out.push(c[i]);
                i += 1;
                continue;
            }
            j += 1;
            while j < c.len() && !(c[j] == '"' && (1..=hashes).all(|h| at(j + h) == '#')) {
                j += 1;
            }
            i = j + 1 + hashes;
            out.push_str("\"\"");
        } else if c[i] == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c[i] == '\'' && (at(i + 1) == '\\' || at(i + 2) == '\'') {
            // A character literal ('x', '\n', '\u{1F34B}'); a lifetime has no closing quote.
            i += 1;
            while i < c.len() && c[i] != '\'' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

fn ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Identifiers and the punctuation a path is made of.
fn tokens(src: &str) -> Vec<String> {
    let c: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if ident_char(c[i]) {
            let start = i;
            while i < c.len() && ident_char(c[i]) {
                i += 1;
            }
            out.push(c[start..i].iter().collect());
        } else if c[i] == ':' && c.get(i + 1) == Some(&':') {
            out.push("::".into());
            i += 2;
        } else {
            if !c[i].is_whitespace() {
                out.push(c[i].to_string());
            }
            i += 1;
        }
    }
    out
}

/// The module path of a file: `text/mod.rs` → [text], `text/cover.rs` → [text, cover].
fn module_of(file: &str) -> Vec<String> {
    let mut parts: Vec<String> = file.trim_end_matches(".rs").split('/').map(String::from).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The file of a module path, if there is one among `files`.
fn file_of(module: &[String], files: &Files) -> Option<String> {
    if module.is_empty() {
        return files.contains_key("mod.rs").then(|| "mod.rs".to_string());
    }
    let base = module.join("/");
    [format!("{base}.rs"), format!("{base}/mod.rs")]
        .into_iter()
        .find(|f| files.contains_key(f))
}

/// The paths a `use` tree names, each as its list of segments.
/// `t` starts right after `use`; returns the paths and where the tree ends.
fn use_tree(t: &[String], prefix: Vec<String>) -> (Vec<Vec<String>>, usize) {
    let mut path = prefix;
    let mut i = 0;
    while i < t.len() {
        match t[i].as_str() {
            "::" => i += 1,
            "{" => {
                let mut out = Vec::new();
                i += 1;
                loop {
                    let (mut paths, used) = use_tree(&t[i..], path.clone());
                    out.append(&mut paths);
                    i += used;
                    match t.get(i).map(String::as_str) {
                        Some(",") => i += 1,
                        _ => break,
                    }
                    if t.get(i).map(String::as_str) == Some("}") {
                        break;
                    }
                }
                return (out, i + 1);
            }
            "," | "}" | ";" => break,
            "as" => i += 2,
            "*" => i += 1,
            s if s.chars().all(ident_char) => {
                path.push(s.to_string());
                i += 1;
            }
            _ => break,
        }
    }
    (vec![path], i)
}

/// What each file names, read from its text: raw paths with the module
/// they are written in (inline `mod tests { … }` blocks included).
fn named_paths(file: &str, src: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let t = tokens(&strip(src));
    let file_module = module_of(file);
    // Inline modules open at a brace depth: (name, depth).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut out = Vec::new();
    let current = |inline: &[(String, usize)]| {
        let mut m = file_module.clone();
        m.extend(inline.iter().map(|(n, _)| n.clone()));
        m
    };
    let mut i = 0;
    while i < t.len() {
        match t[i].as_str() {
            "{" => depth += 1,
            "}" => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth -= 1;
            }
            "mod" if t.get(i + 2).map(String::as_str) == Some("{") => {
                inline.push((t[i + 1].clone(), depth + 1));
                depth += 1;
                i += 3;
                continue;
            }
            "use" => {
                let (paths, used) = use_tree(&t[i + 1..], Vec::new());
                let m = current(&inline);
                out.extend(paths.into_iter().map(|p| (m.clone(), p)));
                i += 1 + used;
                continue;
            }
            s if s.chars().all(ident_char) && t.get(i + 1).map(String::as_str) == Some("::") => {
                // An inline path, unless it continues one already read.
                if i > 0 && t[i - 1] == "::" {
                    i += 1;
                    continue;
                }
                let mut path = vec![s.to_string()];
                let mut j = i + 1;
                while t.get(j).map(String::as_str) == Some("::")
                    && t.get(j + 1).is_some_and(|n| n.chars().all(ident_char))
                {
                    path.push(t[j + 1].clone());
                    j += 2;
                }
                out.push((current(&inline), path));
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The child modules a file declares with `mod name;`.
fn children(src: &str) -> BTreeSet<String> {
    let t = tokens(&strip(src));
    t.windows(3)
        .filter(|w| w[0] == "mod" && w[2] == ";")
        .map(|w| w[1].clone())
        .collect()
}

/// The file-level graph of a tree of core files (paths relative to `src/core`).
fn graph(files: &Files) -> Graph {
    let mut g = Graph::new();
    for (file, src) in files {
        let kids = children(src);
        let edges = g.entry(file.clone()).or_default();
        for (module, path) in named_paths(file, src) {
            let mut abs = match path[0].as_str() {
                "crate" if path.get(1).is_some_and(|p| p == "core") => Vec::new(),
                "self" => module.clone(),
                "super" => module.clone(),
                // A child module of the file, named without `self::`.
                k if module == module_of(file) && kids.contains(k) => module.clone(),
                _ => continue,
            };
            let mut rest = &path[..];
            if rest[0] == "crate" {
                rest = &rest[2..];
            } else if rest[0] == "self" {
                rest = &rest[1..];
            }
            while rest.first().is_some_and(|s| s == "super") {
                abs.pop();
                rest = &rest[1..];
            }
            abs.extend(rest.iter().cloned());
            // The longest prefix that is a file: `a::b::C` is `a/b.rs` or, if
            // `b` is an item, `a.rs` / `a/mod.rs`.
            let target = (0..=abs.len()).rev().find_map(|n| file_of(&abs[..n], files));
            if let Some(target) = target.filter(|t| t != file) {
                edges.insert(target);
            }
        }
    }
    g
}

/// Every cycle of the graph, one per knot of files that reach each other,
/// each as the files in order with the first repeated at the end.
fn cycles(g: &Graph) -> Vec<Vec<String>> {
    fn path(g: &Graph, from: &str, to: &str, within: &BTreeSet<String>) -> Option<Vec<String>> {
        // Shortest path by breadth-first search, inside one knot.
        let mut prev: BTreeMap<String, String> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([from.to_string()]);
        while let Some(n) = queue.pop_front() {
            for m in g.get(&n).into_iter().flatten().filter(|m| within.contains(*m)) {
                if m == to {
                    let mut p = vec![to.to_string(), n.clone()];
                    let mut cur = n.clone();
                    while let Some(b) = prev.get(&cur) {
                        p.push(b.clone());
                        cur = b.clone();
                    }
                    p.reverse();
                    return Some(p);
                }
                if !prev.contains_key(m) && m != from {
                    prev.insert(m.clone(), n.clone());
                    queue.push_back(m.clone());
                }
            }
        }
        None
    }
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(n) = stack.pop() {
            for m in g.get(&n).into_iter().flatten() {
                if seen.insert(m.clone()) {
                    stack.push(m.clone());
                }
            }
        }
        seen
    };
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for n in g.keys() {
        if done.contains(n) {
            continue;
        }
        let ahead = reach(n);
        if !ahead.contains(n) {
            continue;
        }
        let knot: BTreeSet<String> = ahead.into_iter().filter(|m| reach(m).contains(n)).collect();
        if let Some(p) = path(g, n, n, &knot) {
            out.push(p);
        }
        done.extend(knot);
    }
    out
}

/// Files that name a terminal crate or the workbench, with what they name.
fn forbidden(files: &Files) -> Vec<String> {
    let mut out = Vec::new();
    for (file, src) in files {
        let t = tokens(&strip(src));
        for (i, tok) in t.iter().enumerate() {
            let workbench = tok == "crate"
                && t.get(i + 1).is_some_and(|s| s == "::")
                && t.get(i + 2).is_some_and(|s| s == "workbench");
            if FORBIDDEN.contains(&tok.as_str()) || workbench {
                out.push(format!(
                    "{file} names {}",
                    if workbench { "crate::workbench" } else { tok }
                ));
            }
        }
    }
    out.dedup();
    out
}

fn src_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn the_core_has_no_import_cycle() {
    let g = graph(&read_tree(&src_dir().join("core")));
    let found = cycles(&g);
    let shown: Vec<String> = found.iter().map(|c| c.join(" -> ")).collect();
    assert!(found.is_empty(), "import cycles in src/core:\n  {}", shown.join("\n  "));
}

/// Edges from files matching `from` to files outside `allowed`, as "a -> b".
fn edges_outside(g: &Graph, from: impl Fn(&str) -> bool, allowed: impl Fn(&str) -> bool) -> Vec<String> {
    g.iter()
        .filter(|(f, _)| from(f))
        .flat_map(|(f, to)| to.iter().filter(|t| !allowed(t)).map(move |t| format!("{f} -> {t}")))
        .collect()
}

#[test]
fn the_core_reads_in_one_direction() {
    let g = graph(&read_tree(&src_dir().join("core")));
    // The graph is read at all: the review calls the rules and drift.
    assert!(g["review.rs"].contains("rules/mod.rs") && g["review.rs"].contains("drift/mod.rs"));
    let within = |dir: &'static str| move |f: &str| f.starts_with(dir);
    let mut bad = Vec::new();
    // The verdicts sit at the bottom, above the model alone.
    bad.extend(edges_outside(&g, |f| f == "verdict.rs", |t| t == "model.rs"));
    // The text layer knows nothing of the core beyond itself.
    bad.extend(edges_outside(&g, within("text/"), within("text/")));
    // The review of a set is the only caller of rules and drift.
    let callers = |t: &str| t.starts_with("rules/") || t.starts_with("drift/");
    bad.extend(edges_outside(&g, |f| !callers(f) && f != "review.rs", |t| !callers(t)));
    // The review itself is named only by what works on whole reviews
    // above it: the reports, the baseline, and the pulse (which reads a
    // whole round of answers with the reviewer).
    bad.extend(edges_outside(
        &g,
        |f| !f.starts_with("report/") && f != "baseline.rs" && f != "pulse/reading.rs",
        |t| t != "review.rs",
    ));
    assert!(
        bad.is_empty(),
        "imports against the layering of src/core:\n  {}",
        bad.join("\n  ")
    );
}

#[test]
fn the_core_names_no_terminal_crate_nor_the_workbench() {
    let bad = forbidden(&read_tree(&src_dir().join("core")));
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn no_source_file_is_over_the_limit() {
    let long: Vec<String> = read_tree(&src_dir())
        .iter()
        .map(|(f, s)| (f, s.lines().count()))
        .filter(|(_, n)| *n > MAX_LINES)
        .map(|(f, n)| format!("src/{f}: {n} lines"))
        .collect();
    assert!(long.is_empty(), "files over {MAX_LINES} lines:\n{}", long.join("\n"));
}

// The checks above must be able to fail: they are fed small made-up trees.

fn tree(files: &[(&str, &str)]) -> Files {
    files.iter().map(|(f, s)| (f.to_string(), s.to_string())).collect()
}

#[test]
fn a_mod_rs_and_its_child_that_lean_on_each_other_are_a_cycle() {
    let files = tree(&[
        ("mod.rs", "pub mod rules;\npub mod model;\n"),
        ("model.rs", "pub struct Message;\n"),
        (
            "rules/mod.rs",
            "mod tally;\nuse crate::core::model::Message;\npub fn score() { tally::count() }\npub struct Shared;\n",
        ),
        ("rules/tally.rs", "use super::Shared;\npub fn count() {}\n"),
    ]);
    let g = graph(&files);
    assert!(g["rules/mod.rs"].contains("model.rs"));
    assert_eq!(cycles(&g), vec![vec!["rules/mod.rs", "rules/tally.rs", "rules/mod.rs"]]);
}

#[test]
fn a_cycle_through_three_files_is_named_in_order() {
    let files = tree(&[
        ("a.rs", "pub fn f() { crate::core::b::g() }\n"),
        ("b.rs", "use crate::core::c::{self, T as U};\npub fn g() {}\n"),
        ("c.rs", "pub struct T;\nfn h() -> crate::core::a::X { todo!() }\n"),
        ("d.rs", "use crate::core::a::f;\n"),
    ]);
    let g = graph(&files);
    assert_eq!(cycles(&g), vec![vec!["a.rs", "b.rs", "c.rs", "a.rs"]]);
}

#[test]
fn paths_resolve_to_the_file_of_a_module_or_of_an_item() {
    let files = tree(&[
        ("text/mod.rs", "pub mod tokens;\npub struct Analysis;\n"),
        (
            "text/tokens.rs",
            "pub struct Word;\n#[cfg(test)]\nmod tests {\n    use super::*;\n    use super::super::Analysis;\n}\n",
        ),
        ("review.rs", "use crate::core::text::{tokens::Word, Analysis};\n"),
    ]);
    let g = graph(&files);
    assert_eq!(
        g["review.rs"],
        BTreeSet::from(["text/mod.rs".to_string(), "text/tokens.rs".to_string()])
    );
    // Inside `mod tests`, `super` is the file itself and `super::super` its parent.
    assert_eq!(g["text/tokens.rs"], BTreeSet::from(["text/mod.rs".to_string()]));
    assert!(g["text/mod.rs"].is_empty(), "a `mod` line is no edge");
}

#[test]
fn comments_and_strings_are_not_dependencies() {
    let files = tree(&[
        ("a.rs", "// uses crate::core::b::g\n/* crate::core::b */ const S: &str = \"crate::core::b::g\";\nconst C: char = '\\'';\nfn x<'a>(s: &'a str) {}\nconst R: &str = r#\"crate::core::b\"#;\n"),
        ("b.rs", "use crate::core::a::S;\n"),
    ]);
    assert!(graph(&files)["a.rs"].is_empty());
    assert!(cycles(&graph(&files)).is_empty());
}

#[test]
fn a_terminal_crate_or_the_workbench_in_the_core_is_reported() {
    let files = tree(&[
        ("a.rs", "use ratatui::style::Color;\n"),
        ("b.rs", "fn f() { crate::workbench::run() }\n"),
        ("c.rs", "// no ratatui here\nconst S: &str = \"crossterm\";\n"),
    ]);
    assert_eq!(
        forbidden(&files),
        vec!["a.rs names ratatui", "b.rs names crate::workbench"]
    );
}
