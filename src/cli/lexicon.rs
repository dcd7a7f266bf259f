//! `chorus lexicon [FILE]`: the effective lexicon — built-in, this
//! machine's extension and, given a set, its `lexicon:` block — with where
//! every entry comes from, so a team can see why a word is flagged.

use std::fmt::Write;
use std::io::Write as _;
use std::path::Path;

use crate::core::lexicon::{extend, Lexicon, List};
use crate::core::report::escape::visible;
use crate::core::store;

/// Print the effective lexicon; returns the exit status.
pub fn run(file: Option<&Path>) -> i32 {
    let lexicon = match Lexicon::for_machine() {
        Ok(l) => l,
        Err(e) => return fail(&e.to_string()),
    };
    let lexicon = match file {
        None => lexicon,
        Some(path) => match store::load(path).and_then(|set| lexicon.for_set(&set, path)) {
            Ok(l) => l,
            Err(e) => return fail(&e.to_string()),
        },
    };
    let text = render(&lexicon);
    super::out::print(0, |out| out.write_all(text.as_bytes()))
}

fn fail(message: &str) -> i32 {
    super::out::error(message);
    2
}

/// The effective lexicon as text, one list at a time.
pub fn render(lexicon: &Lexicon) -> String {
    let mut out = String::new();
    match extend::machine_file() {
        Some(p) if p.exists() => {
            let _ = writeln!(out, "# machine extension: {}", super::out::path(&p));
        }
        Some(p) => {
            let _ = writeln!(out, "# no machine extension (it would be {})", super::out::path(&p));
        }
        None => {}
    }
    for list in List::ALL {
        let _ = writeln!(out, "\n{}:", list.key());
        for (phrase, origin) in lexicon.entries(list) {
            let _ = writeln!(out, "  {:<32} {}", visible(phrase, false), origin);
        }
        for (l, phrase, origin) in lexicon.switched_off() {
            if *l == list {
                let _ = writeln!(out, "  {:<32} off, by {}", visible(phrase, false), origin);
            }
        }
    }
    let (aliases, synonyms) = lexicon.aliases_and_synonyms();
    for (title, map) in [("segment_aliases", aliases), ("pillar_synonyms", synonyms)] {
        if map.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title}:");
        for (name, words) in map {
            for (w, origin) in words {
                let _ = writeln!(
                    out,
                    "  {:<20} {:<24} {}",
                    visible(name, false),
                    visible(w, false),
                    origin
                );
            }
        }
    }
    out
}
