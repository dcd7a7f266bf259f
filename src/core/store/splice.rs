//! Saving with the smallest diff: when a set is saved over the file it was
//! loaded from, the file's own text is kept — its comments, line breaks,
//! quoting — for everything that did not change, and only the messages
//! that changed are written anew. A team reviewing the set in git then sees
//! the edit, not a reformatted file.
//!
//! It applies when the story, pillars, segments and other top-level fields
//! are unchanged and `internal` is the file's last top-level key, written as
//! a block list; otherwise the whole set is written as `to_yaml` does. Either
//! way the result is checked: it must read back as exactly the set being
//! saved, or the whole set is written instead.

use std::path::Path;

use super::{emit, encode, parse, path::Step, yaml};
use crate::core::model::MessageSet;

/// The set as YAML, reusing the text of `source` (the file being replaced)
/// wherever it still says the same thing; `None` when that is not possible.
pub fn preserving(set: &MessageSet, source: &str) -> Option<String> {
    let old = parse(source, Path::new("")).ok()?;
    if old.extra.order.last().map(String::as_str) != Some("internal") || old.internal.is_empty() {
        return None;
    }
    let without = |s: &MessageSet| MessageSet {
        internal: Vec::new(),
        ..s.clone()
    };
    if without(&old) != without(set) {
        return None;
    }
    // Where each message's text starts: the line of its list item.
    let starts: Vec<usize> = (0..old.internal.len())
        .map(|i| {
            let (line, _) = yaml::locate(source, &[Step::Key("internal".into()), Step::Index(i)])?;
            line_start(source, line).map(|at| with_comments_above(source, at))
        })
        .collect::<Option<_>>()?;
    if starts.windows(2).any(|w| w[0] >= w[1]) {
        return None;
    }
    let indent = item_indent(&source[starts[0]..])?;
    let slice = |i: usize| {
        let end = starts.get(i + 1).copied().unwrap_or(source.len());
        let s = &source[starts[i]..end];
        if s.ends_with('\n') {
            s.to_string()
        } else {
            format!("{s}\n")
        }
    };
    let mut out = String::with_capacity(source.len() + 256);
    out.push_str(&source[..starts[0]]);
    for m in &set.internal {
        match old.internal.iter().position(|o| o == m) {
            Some(i) => out.push_str(&slice(i)),
            None => {
                out.push_str(&item(set, m, indent)?);
                // Keep the blank line that followed this message, if it had one.
                let was = old.internal.iter().position(|o| o.id == m.id).map(&slice);
                if was.is_some_and(|s| s.ends_with("\n\n")) && !out.ends_with("\n\n") {
                    out.push('\n');
                }
            }
        }
    }
    // The safety net: what is written must read back as this very set
    // (compared as canonical YAML: a new message's record of its key order
    // is only filled in once it has been read from a file).
    let back = parse(&out, Path::new("")).ok()?;
    (super::to_yaml(&back) == super::to_yaml(set)).then_some(out)
}

/// Comment lines right above an item belong to it (they move with it).
fn with_comments_above(source: &str, mut at: usize) -> usize {
    while at > 0 {
        let prev_start = source[..at - 1].rfind('\n').map_or(0, |i| i + 1);
        if source[prev_start..at].trim_start().starts_with('#') {
            at = prev_start;
        } else {
            break;
        }
    }
    at
}

/// Byte offset of the start of 1-based `line`.
fn line_start(source: &str, line: usize) -> Option<usize> {
    if line == 1 {
        return Some(0);
    }
    source.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)
}

/// The column of the `-` that opens a block list item, from its first line.
fn item_indent(item: &str) -> Option<usize> {
    let first = item
        .lines()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let indent = first.len() - first.trim_start_matches(' ').len();
    first[indent..].starts_with("- ").then_some(indent)
}

/// One message written as a list item, indented like the file's items.
fn item(set: &MessageSet, m: &crate::core::model::Message, indent: usize) -> Option<String> {
    let alone = MessageSet {
        internal: vec![m.clone()],
        ..set.clone()
    };
    let text = emit::document(&encode::message_set(&alone));
    let body = &text[text.find("\ninternal:\n")? + "\ninternal:\n".len()..];
    let have = item_indent(body)?;
    let mut out = String::with_capacity(body.len() + 64);
    for line in body.lines() {
        if line.trim().is_empty() {
            out.push('\n');
            continue;
        }
        if indent >= have {
            out.push_str(&" ".repeat(indent - have));
            out.push_str(line);
        } else {
            out.push_str(line.get(have - indent..)?);
        }
        out.push('\n');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Status;

    const SOURCE: &str = "# The team's set: keep this comment.\nversion: 1\nbrand: Spokes\nexternal:\n  story: >-\n    Bikes fixed the same day,\n    with care.\n  pillars:\n    - id: speed\n      claim: Same day\n      facts: [\"Bikes are repaired within 24 hours\"]\nsegments: [mechanics]\ninternal:\n  # First, the all-hands note.\n  - id: a\n    audience: all\n    text: >-\n      Every bike we touch\n      is back within 24 hours.\n\n  - id: b\n    status: draft\n    text: We fix bikes.\n";

    #[test]
    fn an_unchanged_set_is_written_back_byte_for_byte() {
        let set = parse(SOURCE, Path::new("")).unwrap();
        assert_eq!(preserving(&set, SOURCE).unwrap(), SOURCE);
    }

    #[test]
    fn only_the_changed_message_is_rewritten() {
        let mut set = parse(SOURCE, Path::new("")).unwrap();
        set.internal[1].status = Some(Status::Approved);
        let out = preserving(&set, SOURCE).unwrap();
        let changed: Vec<(&str, &str)> = SOURCE.lines().zip(out.lines()).filter(|(a, b)| a != b).collect();
        assert_eq!(changed, vec![("    status: draft", "    status: approved")], "{out}");
        assert_eq!(parse(&out, Path::new("")).unwrap(), set);
    }

    #[test]
    fn added_removed_and_reordered_messages_keep_the_others_text() {
        let mut set = parse(SOURCE, Path::new("")).unwrap();
        let mut c = set.internal[1].clone();
        c.id = "c".into();
        c.text = "A new note.".into();
        set.internal.swap(0, 1);
        set.internal.push(c);
        let out = preserving(&set, SOURCE).unwrap();
        assert!(out.contains("  # First, the all-hands note.\n  - id: a\n"), "{out}");
        assert!(out.contains("      Every bike we touch\n"), "{out}");
        assert!(out.contains("  - id: c\n"), "{out}");
        assert_eq!(parse(&out, Path::new("")).unwrap(), set);
    }

    #[test]
    fn a_brand_new_message_is_spliced_in_too() {
        let mut set = parse(SOURCE, Path::new("")).unwrap();
        set.internal.push(crate::core::model::Message {
            id: "fresh".into(),
            text: "Written in the workbench.".into(),
            ..Default::default()
        });
        let out = preserving(&set, SOURCE).expect("spliced, not rewritten");
        assert!(out.starts_with("# The team's set: keep this comment.\n"), "{out}");
        assert!(out.contains("  - id: fresh\n"), "{out}");
    }

    #[test]
    fn a_changed_story_falls_back_to_a_full_write() {
        let mut set = parse(SOURCE, Path::new("")).unwrap();
        set.external.story = "Another story.".into();
        assert!(preserving(&set, SOURCE).is_none());
    }
}
