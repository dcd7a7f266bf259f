//! A large set's `internal` list parsed in pieces, one per core: the YAML
//! parse is the longest stage of checking a big set that runs on one core
//! only, and its messages are independent items of one block list.
//!
//! The pieces are cut only before a line that opens an item of that list,
//! and the result is kept only when every check below passes; otherwise the
//! caller parses the whole text as before, so any doubt costs time, never a
//! different value or error. Why a cut that passes the checks is exact:
//!
//! - libyaml reads left to right. A piece that ends in the middle of a
//!   quoted scalar or a flow collection fails to parse (unclosed); a block
//!   or plain scalar ends at a line indented as little as a list item; a
//!   comment ends with its line. So the text before a cut is read the same
//!   alone as inside the whole file, and its last entry must be `internal`.
//! - Each later piece is read after a written `internal:` line, which puts
//!   libyaml where the whole file has it at the cut: in the top mapping, in
//!   the list under `internal`.
//! - The number of items each piece gives must match the number of item
//!   lines counted in its text, so a cut inside a nested list is caught.
//! - Aliases and directives could reach across a cut (an anchor defined in
//!   one piece, a `%TAG` for all): a file with a `*` anywhere or a line
//!   starting with `%` is never cut. Alias budgets then cannot trip.

use std::cell::Cell;

use serde::de::DeserializeSeed;

use super::value::{needs_raw_numbers, RawNumbers, ValueSeed};
use crate::core::model::Value;

/// Texts shorter than this are parsed whole: the threads cost more than
/// they save.
pub(super) const MIN_BYTES: usize = 256 * 1024;

/// Where the list under the top-level `internal:` key starts its items, if
/// it is a block list whose items can be counted line by line: the byte
/// offsets of every line that opens an item.
fn item_lines(source: &str) -> Option<Vec<usize>> {
    let mut offset = 0;
    let mut lines = source.split_inclusive('\n').map(|line| {
        let at = offset;
        offset += line.len();
        (at, line)
    });
    lines.find(|(_, line)| line.trim_end() == "internal:")?;
    let mut indent = None;
    let mut items = Vec::new();
    for (at, line) in lines {
        let body = line.trim_start_matches(' ');
        if body.trim().is_empty() || body.starts_with('#') {
            continue;
        }
        let column = line.len() - body.len();
        let opens_item = body.starts_with('-') && body[1..].starts_with([' ', '\r', '\n']);
        match indent {
            None if opens_item => indent = Some(column),
            None => return None,
            Some(_) if column == 0 && !(opens_item && indent == Some(0)) => break,
            Some(k) if column == k && opens_item => {}
            Some(_) => continue,
        }
        items.push(at);
    }
    Some(items)
}

/// One piece parsed as `parse` would parse a whole file, with the budget it
/// spent, or `None` for anything but one clean document.
fn piece(text: &str, budget: usize) -> Option<(Value, usize)> {
    let mut documents = serde_yaml::Deserializer::from_str(text);
    let first = documents.next()?;
    let left = Cell::new(budget);
    let mut value = ValueSeed { budget: &left }.deserialize(first).ok()?;
    if documents.next().is_some() {
        return None;
    }
    if needs_raw_numbers(&value) {
        let seed = RawNumbers {
            guide: &mut value,
            root: true,
        };
        seed.deserialize(serde_yaml::Deserializer::from_str(text).next()?)
            .ok()?;
    }
    Some((value, budget - left.get()))
}

/// The items of the list a piece gives under `internal`, taken from its
/// first entry (`first`) or its last, and checked against `count`.
fn take_list(entries: &mut Vec<(Value, Value)>, first: bool, count: usize) -> Option<Vec<Value>> {
    let at = if first { 0 } else { entries.len().checked_sub(1)? };
    match entries.get(at) {
        Some((Value::String(key), Value::Seq(items))) if key == "internal" && items.len() == count => {}
        _ => return None,
    }
    match entries.remove(at).1 {
        Value::Seq(items) => Some(items),
        _ => None,
    }
}

/// Parse `source` in `pieces` pieces on as many threads, or `None` when it
/// cannot be cut safely or any check fails (then parse it whole).
pub(super) fn parse(source: &str, pieces: usize, budget: usize) -> Option<Value> {
    if pieces < 2 || source.contains('*') || source.starts_with('%') || source.contains("\n%") || source.contains("\r%")
    {
        return None;
    }
    let items = item_lines(source)?;
    if items.len() < pieces * 2 {
        return None;
    }
    // Cut before items[cuts[i]]; each piece gets about as many items.
    let cuts: Vec<usize> = (1..pieces).map(|i| items.len() * i / pieces).collect();
    let mut texts: Vec<String> = Vec::with_capacity(pieces - 1);
    for (i, &cut) in cuts.iter().enumerate() {
        let end = cuts.get(i + 1).map_or(source.len(), |&next| items[next]);
        texts.push(format!("internal:\n{}", &source[items[cut]..end]));
    }
    let head = &source[..items[cuts[0]]];
    let parsed: Vec<Option<(Value, usize)>> = std::thread::scope(|s| {
        let rest: Vec<_> = texts.iter().map(|t| s.spawn(|| piece(t, budget))).collect();
        let mut all = vec![piece(head, budget)];
        all.extend(rest.into_iter().map(|h| h.join().ok().flatten()));
        all
    });
    let mut spent = 0usize;
    let mut roots = Vec::with_capacity(pieces);
    for p in parsed {
        let (Value::Map(entries), cost) = p? else {
            return None;
        };
        spent = spent.saturating_add(cost);
        roots.push(entries);
    }
    if spent > budget {
        return None;
    }
    let mut roots = roots.into_iter();
    let mut top = roots.next()?;
    let mut list = take_list(&mut top, false, cuts[0])?;
    let last = pieces - 2;
    for (i, mut entries) in roots.enumerate() {
        let end = cuts.get(i + 1).copied().unwrap_or(items.len());
        list.extend(take_list(&mut entries, true, end - cuts[i])?);
        if i < last && !entries.is_empty() {
            return None;
        }
        if i == last {
            top.push((Value::String("internal".into()), Value::Seq(std::mem::take(&mut list))));
            top.extend(entries);
        }
    }
    Some(Value::Map(top))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole text as one piece: how `parse` reads a file it does not cut.
    fn whole(source: &str) -> Option<Value> {
        piece(source, usize::MAX / 4).map(|(value, _)| value)
    }

    fn set(items: usize, item: impl Fn(usize) -> String) -> String {
        let mut s = String::from("version: 1\nbrand: B\nexternal:\n  story: >-\n    A story.\ninternal:\n");
        for i in 0..items {
            s.push_str(&item(i));
        }
        s.push_str("segments: [a, b]\n");
        s
    }

    /// Every way of cutting `source` gives what the whole parse gives.
    fn same_as_whole(source: &str) {
        let expected = whole(source).expect("the test text parses");
        for pieces in 2..=5 {
            assert_eq!(
                parse(source, pieces, usize::MAX / 4),
                Some(expected.clone()),
                "{pieces} pieces"
            );
        }
    }

    #[test]
    fn a_plain_set_is_cut_and_gives_the_same_value() {
        same_as_whole(&set(40, |i| {
            format!("  - id: m{i}\n    text: >-\n      Text {i}, on\n      two lines.\n    n: 1.50\n")
        }));
        // Items at the key's own indent, comments, CRLF, tags, numbers.
        same_as_whole(&set(40, |i| {
            format!("# note\n- id: m{i}\r\n  text: !t \"x {i}\"\r\n  v: 0x1F\r\n")
        }));
    }

    #[test]
    fn doubtful_cuts_fall_back_to_the_whole_parse() {
        // A quoted text spanning a line that looks like an item.
        let quoted = set(40, |i| {
            format!("  - id: m{i}\n    text: \"a\n  - id: fake{i}\n      b\"\n")
        });
        assert_eq!(parse(&quoted, 2, usize::MAX / 4), None);
        // An `internal:` line inside a quoted text: its lines are counted as
        // items, and the counts do not match the list the pieces give.
        let fake =
            set(40, |i| format!("  - id: m{i}\n")).replace("internal:\n", "note: \"x\ninternal:\n  - y\"\ninternal:\n");
        assert!(whole(&fake).is_some());
        assert_eq!(parse(&fake, 2, usize::MAX / 4), None);
        // Nested lists (more indented) are not counted as items.
        same_as_whole(&set(40, |i| format!("- id: m{i}\n  tags:\n  - x\n  - y\n")));
        // Aliases and directives are never cut.
        let alias = set(40, |i| {
            format!("  - id: m{i}\n    text: {}\n", if i == 0 { "&t x" } else { "*t" })
        });
        assert_eq!(parse(&alias, 2, usize::MAX / 4), None);
        let tagged = format!("%TAG !e! tag:e.com:\n---\n{}", set(40, |i| format!("  - id: m{i}\n")));
        assert_eq!(parse(&tagged, 2, usize::MAX / 4), None);
        // A second document in a later piece.
        let two = set(40, |i| format!("  - id: m{i}\n{}", if i == 30 { "---\n" } else { "" }));
        assert_eq!(parse(&two, 2, usize::MAX / 4), None);
        // Too few items, or no block list under `internal`.
        assert_eq!(parse(&set(3, |i| format!("  - id: m{i}\n")), 2, usize::MAX / 4), None);
        assert_eq!(parse("internal: [a, b, c, d, e]\n", 2, usize::MAX / 4), None);
    }

    #[test]
    fn a_broken_piece_is_never_kept() {
        let broken = set(40, |i| {
            format!("  - id: m{i}\n    text: {}\n", if i == 35 { "[x" } else { "t" })
        });
        assert!(whole(&broken).is_none());
        assert_eq!(parse(&broken, 2, usize::MAX / 4), None);
    }

    #[test]
    fn keys_after_the_list_and_a_repeated_internal_are_kept_in_order() {
        let mut src = set(40, |i| format!("  - id: m{i}\n"));
        src.push_str("internal:\n  - id: again\n");
        same_as_whole(&src);
    }
}
