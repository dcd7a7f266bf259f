//! The loader fed random documents: YAML built from pieces that stress the
//! parser (anchors, aliases, tags, flow and block collections, odd
//! scalars, control and wide characters) and mutations of the example
//! set (bytes replaced, cut, repeated). Loading never panics; every error
//! has a place inside the document (or is about the whole file); and every
//! set that loads saves to YAML that loads back to the same YAML.
//!
//! 256 documents of each kind by default; a longer run:
//! `PROPTEST_CASES=20000 cargo test --release --test loader_fuzz`.

use std::path::Path;

use chorus::core::store;
use chorus::workbench::files::EXAMPLE_YAML;
use proptest::prelude::*;

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "version: 1\n", "brand: B\n", "external:\n", "  story: S\n", "  pillars:\n",
            "    - id: p\n", "      claim: c\n", "      keywords: [fast, quick]\n",
            "segments: [a, b]\n", "internal:\n", "  - id: m\n", "    text: t\n",
            "    audience: [a]\n", "    audience: all\n", "    status: draft\n",
            "    waive: [{criterion: realistic, reason: r}]\n",
            "- ", ": ", "? ", "[", "]", "{", "}", ",", "&a ", "*a", "&b [*a, *a]", "!!str ",
            "!tag ", "|\n", ">-\n", "'q''q'", "\"\\u0041\\n\"", "~", "null", "1.50", "0x1F",
            "-.inf", "2001-12-14", "---\n", "...\n", "#c\n", "\n", "  ", "\t", "%YAML 1.2\n",
            "<<: *a\n", "\u{feff}", "\u{202e}", "é", "字",
        ]).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

/// The example set with a few bytes changed, removed or repeated.
fn mutated_example() -> impl Strategy<Value = Vec<u8>> {
    let len = EXAMPLE_YAML.len();
    prop::collection::vec((0..len, 0u8..3, any::<u8>(), 0usize..64), 1..6).prop_map(|edits| {
        let mut b = EXAMPLE_YAML.as_bytes().to_vec();
        for (at, kind, byte, n) in edits {
            let at = at.min(b.len());
            match kind {
                0 => {
                    if at < b.len() {
                        b[at] = byte;
                    }
                }
                1 => {
                    let end = (at + n).min(b.len());
                    b.drain(at..end);
                }
                _ => {
                    let end = (at + n).min(b.len());
                    let copy = b[at..end].to_vec();
                    b.splice(at..at, copy);
                }
            }
        }
        b
    })
}

fn check_load(bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fuzz.yaml");
    std::fs::write(&path, bytes).unwrap();
    match store::load(&path) {
        Ok(set) => {
            let yaml = store::to_yaml(&set);
            let back = store::parse(&yaml, Path::new("saved.yaml"))
                .unwrap_or_else(|e| panic!("a loaded set saves to YAML that does not load: {e}\n{yaml}"));
            assert_eq!(store::to_yaml(&back), yaml, "saving is stable");
        }
        Err(e) => {
            assert!(!e.message.is_empty());
            if e.line > 0 {
                // Lines as YAML (and most editors) count them: a lone \r,
                // NEL, LS and PS end a line too.
                let text = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
                let lines = text.split(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']).count();
                assert!(e.line <= lines + 1, "line {} of {lines}: {e}", e.line);
                assert!(e.column >= 1, "{e}");
            }
        }
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_documents_load_or_fail_cleanly(doc in document()) {
        check_load(doc.as_bytes());
    }

    #[test]
    fn mutated_sets_load_or_fail_cleanly(bytes in mutated_example()) {
        check_load(&bytes);
    }
}
