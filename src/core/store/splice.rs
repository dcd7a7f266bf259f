//! Saving with the smallest diff: when a set is saved over the file it was
//! loaded from, the file's own text is kept — its comments, line breaks,
//! quoting — for everything that did not change, and only the messages
//! that changed are written anew. A team reviewing the set in git then sees
//! the edit, not a reformatted file.
//!
//! It applies when the story, pillars, segments and other top-level fields
//! are unchanged and `internal` is the file's last top-level key, written as
//! a block list, and the file uses no YAML anchors (an unchanged message
//! could use one a changed message defines); otherwise the whole set is
//! written as `to_yaml` does. The messages written anew are read back and
//! must be exactly the ones being saved, or the whole set is written
//! instead; unchanged messages are the file's own bytes.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use super::items::item_starts;
use super::load::parse;
use super::{decode, emit, encode, yaml};
use crate::core::model::{Message, MessageSet};

/// The last text the store read or wrote as a whole set, with that set, so
/// the next save of the same file need not parse it again: the workbench
/// opens a set, then saves it over and over.
static LAST: Mutex<Option<(String, MessageSet)>> = Mutex::new(None);

/// Remember that `source` (without byte-order mark, LF line endings) reads
/// as `set`.
pub fn remember(source: String, set: MessageSet) {
    if let Ok(mut last) = LAST.lock() {
        *last = Some((source, set));
    }
}

/// The set as YAML, reusing the text of `source` (the file being replaced)
/// wherever it still says the same thing; `None` when that is not possible.
///
/// Every step is linear in the size of the file, and only the changed
/// messages are parsed again: the old file is parsed once (not at all when
/// it is the text last read or written), the items of `internal` are found
/// in one scan of its lines, old messages are matched by id through a map,
/// and what is written anew is read back to check it.
pub fn preserving(set: &MessageSet, source: &str) -> Option<String> {
    let last = LAST.lock().ok();
    let parsed;
    let old = match last.as_ref().and_then(|l| l.as_ref()) {
        Some((text, old)) if text == source => old,
        _ => {
            parsed = parse(source, Path::new("")).ok()?;
            &parsed
        }
    };
    if old.extra.order.last().map(String::as_str) != Some("internal") || old.internal.is_empty() {
        return None;
    }
    if !same_but_messages(old, set) {
        return None;
    }
    // An unchanged message may use an anchor a changed or deleted one
    // defined; copied as text it would then point at nothing.
    if has_anchors(source) {
        return None;
    }
    // Where each message's text starts: the line of its list item, with
    // the comments right above it. The scan finds every real item opener,
    // and can only add false ones (a `- ` line inside a quoted text), so
    // as many openers as messages means exactly the items.
    let heads = item_starts(source)?;
    let starts: Vec<usize> = heads.iter().map(|&at| with_comments_above(source, at)).collect();
    if starts.len() != old.internal.len() || starts.windows(2).any(|w| w[0] >= w[1]) {
        return None;
    }
    let indent = item_indent(&source[starts[0]..])?;
    let slice = |i: usize| {
        let end = starts.get(i + 1).copied().unwrap_or(source.len());
        &source[starts[i]..end]
    };
    let by_id: HashMap<&str, usize> = old
        .internal
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let shell = shell(set);
    let head = &source[..starts[0]];
    let mut out = String::with_capacity(source.len() + 256);
    out.push_str(head);
    // The file's head with only the rewritten messages: read back below.
    let mut rewritten = String::from(head);
    let mut changed = Vec::new();
    for m in &set.internal {
        let was = by_id.get(m.id.as_str()).copied();
        match was {
            Some(i) if old.internal[i] == *m => {
                out.push_str(slice(i));
                if !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            _ => {
                // The comments above a changed message stay with it.
                if let Some(i) = was {
                    out.push_str(&source[starts[i]..heads[i]]);
                }
                let text = item(&shell, m, indent)?;
                out.push_str(&text);
                rewritten.push_str(&text);
                changed.push(m.clone());
                // Keep the blank line that followed this message, if it had one.
                if was.is_some_and(|i| slice(i).ends_with("\n\n")) && !out.ends_with("\n\n") {
                    out.push('\n');
                }
            }
        }
    }
    // The safety net: what is written anew must read back as the messages
    // being saved (compared as canonical YAML: a new message's record of
    // its key order is only filled in once it has been read from a file).
    // Read without validating: a set with a problem is saved too.
    if !changed.is_empty() {
        let back = decode::message_set(yaml::parse(&rewritten).ok()?).ok()?;
        let mut want = shell;
        want.internal = changed;
        if back != want && encode::to_yaml(&back) != encode::to_yaml(&want) {
            return None;
        }
    }
    Some(out)
}

/// Does the text hold what may be a YAML anchor (`&name`) or alias
/// (`*name`)? A false alarm ("*important*" in a plain text) only costs the
/// file's layout: the whole set is written instead.
fn has_anchors(source: &str) -> bool {
    let b = source.as_bytes();
    (0..b.len()).any(|i| {
        matches!(b[i], b'&' | b'*')
            && (i == 0 || matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'[' | b'{' | b',' | b':' | b'-'))
            && b.get(i + 1).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    })
}

/// Whether the two sets differ in their messages at most.
fn same_but_messages(a: &MessageSet, b: &MessageSet) -> bool {
    a.version == b.version
        && a.brand == b.brand
        && a.external == b.external
        && a.segments == b.segments
        && a.programme == b.programme
        && a.extra == b.extra
}

/// The set without its messages, cloned without cloning them.
fn shell(set: &MessageSet) -> MessageSet {
    MessageSet {
        version: set.version,
        brand: set.brand.clone(),
        external: set.external.clone(),
        segments: set.segments.clone(),
        programme: set.programme.clone(),
        internal: Vec::new(),
        extra: set.extra.clone(),
    }
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

/// The column of the `-` that opens a block list item, from its first line.
fn item_indent(item: &str) -> Option<usize> {
    let first = item
        .lines()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let indent = first.len() - first.trim_start_matches(' ').len();
    first[indent..].starts_with("- ").then_some(indent)
}

/// One message written as a list item, indented like the file's items.
/// `shell` is the set without its messages.
fn item(shell: &MessageSet, m: &Message, indent: usize) -> Option<String> {
    let alone = MessageSet {
        internal: vec![m.clone()],
        ..shell.clone()
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
    fn a_file_with_anchors_is_written_whole_so_no_alias_is_left_dangling() {
        // b uses the text a defines; deleting a must not leave b's *note.
        let source = "version: 1\nbrand: B\nexternal:\n  story: S\ninternal:\n  - id: a\n    text: &note Fix it today.\n  - id: b\n    text: *note\n";
        let mut set = parse(source, Path::new("")).unwrap();
        set.internal.remove(0);
        assert_eq!(preserving(&set, source), None, "the whole set is written instead");
        let whole = encode::to_yaml(&set);
        assert_eq!(parse(&whole, Path::new("")).unwrap(), set);
    }

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
    fn an_item_opener_inside_a_quoted_text_is_not_taken_for_an_item() {
        // The second line of a's text looks like an item of the list.
        let source = "version: 1\nbrand: B\nexternal:\n  story: S\nsegments: [a]\ninternal:\n  - id: a\n    \
                      text: \"one\n  - id: fake\"\n  - id: b\n    text: two\n";
        let mut set = parse(source, Path::new("")).unwrap();
        assert_eq!(set.internal.len(), 2);
        assert_eq!(item_starts(source).unwrap().len(), 3);
        set.internal[1].text = "changed".into();
        // Not spliced (the openers do not match the messages), so the
        // caller writes the whole set.
        assert!(preserving(&set, source).is_none());
        // The lines of a's text are kept when it is b that changed and
        // the layout is an ordinary one.
        let plain = source.replace("\"one\n  - id: fake\"", "one");
        let mut set = parse(&plain, Path::new("")).unwrap();
        set.internal[1].text = "changed".into();
        let out = preserving(&set, &plain).unwrap();
        assert_eq!(out, plain.replace("text: two", "text: changed"));
    }

    #[test]
    fn a_remembered_text_is_not_parsed_again_and_gives_the_same_result() {
        let mut set = parse(SOURCE, Path::new("")).unwrap();
        set.internal[0].text = "Changed.".into();
        let fresh = preserving(&set, SOURCE).unwrap();
        remember(SOURCE.to_string(), parse(SOURCE, Path::new("")).unwrap());
        assert_eq!(preserving(&set, SOURCE).unwrap(), fresh);
        // What is remembered must be the same text: another text is parsed.
        let other = SOURCE.replace("We fix bikes.", "We mend bikes.");
        let out = preserving(&set, &other).unwrap();
        assert!(out.contains("We fix bikes.") && !out.contains("mend"), "{out}");
        assert_eq!(parse(&out, Path::new("")).unwrap(), set);
    }

    #[test]
    fn a_changed_story_falls_back_to_a_full_write() {
        let mut set = parse(SOURCE, Path::new("")).unwrap();
        set.external.story = "Another story.".into();
        assert!(preserving(&set, SOURCE).is_none());
    }
}
