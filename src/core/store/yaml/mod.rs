//! The one module that names serde_yaml (deprecated upstream, so replacing
//! it must stay a change to this folder alone): YAML text → the model's
//! `Value`, and the line and column of a node named by a `FieldPath`. It
//! imports the model and the store's `path` and `limits`, nothing else.
//!
//! Writing YAML is not done with serde_yaml (see `emit/`): its serializer
//! has no folded block scalars and no way to keep our key order readable.
//!
//! Here: parsing with limits on size, depth and aliases. `value.rs` builds
//! the model's `Value` from serde_yaml's nodes, `errors.rs` turns its errors
//! into ours, `locate.rs` finds a node's line and column, and `split.rs`
//! parses a large set's messages on every core. Nothing else
//! in chorus imports serde_yaml.

mod errors;
mod locate;
mod split;
mod value;

use std::cell::Cell;

use serde::de::{Deserialize, DeserializeSeed, IgnoredAny};

use crate::core::model::Value;

pub use locate::locate;

pub use errors::SyntaxError;

use errors::{second_document_start, syntax_error, too_deep, MAX_DEPTH};
use value::{needs_raw_numbers, RawNumbers, ValueSeed};

/// At most this many places where a YAML value can start (see
/// `check_shape`). serde_yaml holds every event of a document in memory
/// (about 200 bytes each) before any of it is read, so a 16 MiB file of
/// `[0,0,0,…]` would take well over a gigabyte; this keeps parsing to about
/// 200 MB. A real set of the largest size chorus reads has far fewer.
pub const MAX_VALUES: usize = 1_000_000;

/// What the value tree of a document may cost, in nodes plus bytes of text.
/// Without aliases a document cannot cost much more than its own length;
/// aliases (`*name`) can make a small file expand enormously. serde_yaml
/// limits that only partly: it refuses a document once it has followed more
/// than 100 aliases per event of the document ("repetition limit exceeded"),
/// which stops the classic billion laughs, but one alias to a large list,
/// repeated, expands to gigabytes within that limit. It also refuses nesting
/// deeper than 128 levels ("recursion limit exceeded").
fn budget_for(source: &str) -> usize {
    source.len().saturating_mul(2).saturating_add(100_000)
}

/// Parse `source` (one YAML document) into a `Value`, keeping mapping order
/// and the written form of numbers. An empty document gives `Value::Null`.
pub fn parse(source: &str) -> Result<Value, SyntaxError> {
    let budget = budget_for(source);
    check_shape(source)?;
    if source.len() >= split::MIN_BYTES {
        // A large set's messages are parsed on every core when the text
        // can be cut safely (`split`); the pre-scan still sees it whole.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
        if let Some(value) = split::parse(source, threads, budget) {
            return Ok(value);
        }
    }
    parse_shaped(source, budget)
}

#[cfg(test)]
/// `parse` with an explicit budget, so tests can see serde_yaml's own limits.
#[cfg(test)]
fn parse_with_budget(source: &str, budget: usize) -> Result<Value, SyntaxError> {
    check_shape(source)?;
    parse_shaped(source, budget)
}

/// `parse_with_budget` once `check_shape` has passed.
fn parse_shaped(source: &str, budget: usize) -> Result<Value, SyntaxError> {
    let mut documents = serde_yaml::Deserializer::from_str(source);
    let Some(first) = documents.next() else {
        return Ok(Value::Null);
    };
    let budget = Cell::new(budget);
    let mut value = ValueSeed { budget: &budget }
        .deserialize(first)
        .map_err(|e| syntax_error(&e, source))?;
    if let Some(second) = documents.next() {
        // libyaml ends a document implicitly after its top node, so text
        // that cannot continue it shows up as a broken second document.
        if let Err(e) = IgnoredAny::deserialize(second) {
            return Err(syntax_error(&e, source));
        }
        let (line, column) = second_document_start(source);
        return Err(SyntaxError {
            line,
            column,
            message: "a second YAML document starts here (`---`); a message set file holds one".into(),
        });
    }
    if needs_raw_numbers(&value) {
        // The first pass only saw numbers as serde_yaml parsed them (1.50 →
        // 1.5); re-read each as text so it is written back as it was. Files
        // without numbers (the usual case: only `version`) skip this.
        let seed = RawNumbers {
            guide: &mut value,
            root: true,
        };
        if let Some(doc) = serde_yaml::Deserializer::from_str(source).next() {
            // A failure here can only mean the two passes disagree; the
            // first pass's numbers are still correct values, so keep them.
            let _ = seed.deserialize(doc);
        }
    }
    Ok(value)
}

/// Refuse, before libyaml sees them, documents that would cost too much:
///
/// - libyaml spends time proportional to the flow depth (`[`, `{`) on every
///   token, so deeply nested flow collections make it crawl; serde_yaml would
///   refuse them after libyaml finished anyway. Count brackets (anywhere,
///   even in text: a false alarm needs over a hundred unclosed ones).
/// - Every value costs memory before it is read (see `MAX_VALUES`). A value
///   can only start after a line break, `,`, `[`, `{`, or `- `, `: `, `? `;
///   count those, in text too (an overestimate, never an underestimate).
fn check_shape(source: &str) -> Result<(), SyntaxError> {
    // Nearly every file is far under both limits: count in passes that
    // have no early exit (the compiler makes them wide compares), and walk
    // the text for the place of an error only when a limit may be passed.
    let b = source.as_bytes();
    let (mut opens, mut breaks, mut after_marks) = (0usize, 0usize, 0usize);
    let is_mark = |c: u8| matches!(c, b'-' | b':' | b'?');
    // Chunks short enough for byte-sized counters, which compare 16 or 32
    // bytes at a time; the pair across each chunk boundary is counted apart.
    for (n, chunk) in b.chunks(255).enumerate() {
        let (mut o, mut k, mut a) = (0u8, 0u8, 0u8);
        for &c in chunk {
            o += u8::from(c == b'[' || c == b'{');
            k += u8::from(matches!(c, b'\n' | b',' | b'[' | b'{'));
        }
        for w in chunk.windows(2) {
            a += u8::from(matches!(w[1], b' ' | b'\t' | b'\r') && is_mark(w[0]));
        }
        if n > 0 && matches!(chunk[0], b' ' | b'\t' | b'\r') && is_mark(b[n * 255 - 1]) {
            after_marks += 1;
        }
        (opens, breaks, after_marks) = (
            opens + usize::from(o),
            breaks + usize::from(k),
            after_marks + usize::from(a),
        );
    }
    if opens <= MAX_DEPTH && breaks + after_marks <= MAX_VALUES {
        return Ok(());
    }
    if breaks + after_marks <= MAX_VALUES && !too_deep_anywhere(b) {
        return Ok(());
    }
    // Byte by byte: every character that matters is ASCII, and no byte of a
    // longer character is. The column (in characters) is only counted for
    // an error, from the start of its line.
    let (mut depth, mut line, mut line_start) = (0usize, 1, 0);
    let at = |line_start: usize, i: usize| source[line_start..=i].chars().count();
    let mut values = 0usize;
    let mut previous = b'\n';
    for (i, &b) in source.as_bytes().iter().enumerate() {
        let starts = match b {
            b'\n' | b',' | b'[' | b'{' => true,
            b' ' | b'\t' | b'\r' => matches!(previous, b'-' | b':' | b'?'),
            _ => false,
        };
        previous = b;
        if starts {
            values += 1;
            if values > MAX_VALUES {
                return Err(SyntaxError {
                    line,
                    column: at(line_start, i),
                    message: format!(
                        "the file holds too many values (more than {MAX_VALUES} list items, keys \
                         and lines); chorus reads sets of at most {} messages",
                        crate::core::store::limits::MAX_MESSAGES
                    ),
                });
            }
        }
        match b {
            b'\n' => (line, line_start) = (line + 1, i + 1),
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(SyntaxError {
                        line,
                        column: at(line_start, i),
                        message: too_deep(),
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Whether brackets ever nest deeper than `MAX_DEPTH` (as `check_shape`
/// counts them).
fn too_deep_anywhere(b: &[u8]) -> bool {
    let mut depth = 0usize;
    for &c in b {
        match c {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// The error of `from_str`: the same shape as a syntax error.
pub type YamlError = SyntaxError;

/// Deserialize any serde type straight from YAML text: for data files of
/// chorus's own (the lexicon, test fixtures), not for message sets.
pub fn from_str<T: serde::de::DeserializeOwned>(source: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(source).map_err(|e| {
        let (line, column) = e.location().map(|l| (l.line(), l.column())).unwrap_or((0, 0));
        SyntaxError {
            line,
            column,
            message: e.to_string(),
        }
    })
}
#[cfg(test)]
mod tests {
    use super::errors::{BUDGET_MESSAGE, MERGE_MESSAGE};
    use super::*;

    fn s(text: &str) -> Value {
        Value::String(text.into())
    }

    #[test]
    fn empty_and_comment_only_documents_are_null() {
        assert_eq!(parse("").unwrap(), Value::Null);
        assert_eq!(parse("# nothing here\n\n").unwrap(), Value::Null);
    }

    #[test]
    fn deep_nesting_is_refused_quickly() {
        // libyaml's cost grows with the square of flow nesting, so a file of
        // nothing but `[` would hang it: the pre-scan refuses it first.
        for src in [
            format!("a: {}{}\n", "[".repeat(200), "]".repeat(200)),
            format!("a: {}\n", "[".repeat(1_000_000)),
            format!("a: {}\n", "{a: ".repeat(1_000_000)),
        ] {
            let start = std::time::Instant::now();
            let e = parse(&src).unwrap_err();
            assert!(start.elapsed().as_secs() < 2, "took {:?}", start.elapsed());
            assert_eq!(
                e.message,
                "lists and mappings are nested too deeply (more than 128 levels)"
            );
            let unit = if src.contains('{') { 4 } else { 1 };
            assert_eq!((e.line, e.column), (1, 4 + MAX_DEPTH * unit));
        }
        // Block nesting costs libyaml little; serde_yaml's own limit refuses it.
        let src = format!("{}x\n", "- ".repeat(500_000));
        let start = std::time::Instant::now();
        let e = parse(&src).unwrap_err();
        assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
        assert!(e.message.contains("nested too deeply"), "{e:?}");
        // Brackets inside text do not count once they are closed.
        let text = "[x] ".repeat(1000);
        assert!(parse(&format!("a: \"{text}\"\n")).is_ok());
    }

    #[test]
    fn repeated_anchor_is_a_syntax_error() {
        let e = parse("&a &a x\n").unwrap_err();
        assert!(e.message.starts_with("YAML syntax error"), "{e:?}");
        let e = parse("a: 1\n- b\n").unwrap_err();
        assert!(e.message.starts_with("YAML syntax error"), "{e:?}");
        assert_eq!(e.line, 2, "{e:?}");
    }

    #[test]
    fn billion_laughs_is_refused_quickly() {
        let mut src = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for i in 1..10 {
            let prev = format!("*a{}", i - 1);
            let items = [prev.as_str(); 9].join(", ");
            src.push_str(&format!("a{i}: &a{i} [{items}]\n"));
        }
        let start = std::time::Instant::now();
        let e = parse(&src).unwrap_err();
        assert!(start.elapsed().as_secs() < 5);
        assert!(e.message.contains("alias bomb"), "unexpected message: {}", e.message);
    }

    #[test]
    fn serde_yaml_alone_stops_billion_laughs_by_counting_alias_jumps() {
        let mut src = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for i in 1..10 {
            let prev = format!("*a{}", i - 1);
            let items = [prev.as_str(); 9].join(", ");
            src.push_str(&format!("a{i}: &a{i} [{items}]\n"));
        }
        let e = parse_with_budget(&src, usize::MAX).unwrap_err();
        assert!(
            e.message.starts_with("aliases (`*name`) are repeated too often"),
            "{e:?}"
        );
    }

    #[test]
    fn too_many_values_are_refused_before_parsing() {
        let wide = format!("[{}0]", "0,".repeat(MAX_VALUES));
        let e = parse(&wide).unwrap_err();
        assert_eq!((e.line, e.column), (1, 2 * MAX_VALUES + 1));
        assert!(e.message.starts_with("the file holds too many values"), "{}", e.message);
        let keys: String = (0..MAX_VALUES / 2 + 1).map(|i| format!("k{i}: 0\n")).collect();
        assert!(parse(&keys).is_err());
        // Under the limit, the same shapes parse.
        assert!(parse(&format!("[{}0]", "0,".repeat(1000))).is_ok());
    }

    #[test]
    fn wide_alias_fan_out_is_refused() {
        // Few alias jumps (serde_yaml's own limit does not trip) but each
        // expands a big anchored list: our budget must stop it.
        let big = vec!["x"; 20_000].join(", ");
        let refs = vec!["*big"; 20_000].join(", ");
        let src = format!("a: &big [{big}]\nb: [{refs}]\n");
        let e = parse(&src).unwrap_err();
        assert_eq!(e.message, BUDGET_MESSAGE);
        // serde_yaml's own limit would let it through: 20,000 alias jumps
        // are far under 100 per event, yet they expand to 400 million values.
    }

    #[test]
    fn syntax_errors_have_positions() {
        let e = parse("a: 1\nb: [1, 2\n").unwrap_err();
        assert!(e.message.starts_with("YAML syntax error: "), "{e:?}");
        assert!(!e.message.contains(" at line 3 column 1,"), "{e:?}");
        assert_eq!(e.line, 3);
    }

    #[test]
    fn unknown_anchor_is_explained() {
        let e = parse("a: *nope\n").unwrap_err();
        assert!(e.message.contains("no anchor"), "{e:?}");
        assert_eq!(e.line, 1);
    }

    #[test]
    fn merge_keys_are_refused_where_they_are() {
        let src = "defaults: &d {audience: all}\ninternal:\n  - id: a\n    <<: *d\n    text: t\n";
        let e = parse(src).unwrap_err();
        assert_eq!(e.message, MERGE_MESSAGE);
        assert_eq!((e.line, e.column), (4, 5), "{e:?}");
        let e = parse("a: {x: \"<<\", <<: {b: 1}}\n").unwrap_err();
        assert_eq!((e.line, e.column, e.message.as_str()), (1, 14, MERGE_MESSAGE));
        // `<` elsewhere is only text.
        assert!(parse("a: \"<<\"\nb: <<x\n").is_ok());
    }

    #[test]
    fn second_document_is_refused() {
        let e = parse("a: 1\n---\nb: 2\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));
        assert!(e.message.contains("second YAML document"));
        // A leading `---` opens the first document and is fine.
        assert!(parse("---\na: 1\n").is_ok());
    }

    #[test]
    fn keeps_mapping_order_and_types() {
        let v = parse("b: 1\na: [x, true, null]\nc: {z: 1.50, y: ~}\n").unwrap();
        assert_eq!(
            v,
            Value::Map(vec![
                (s("b"), Value::Number("1".into())),
                (s("a"), Value::Seq(vec![s("x"), Value::Bool(true), Value::Null])),
                (
                    s("c"),
                    Value::Map(vec![(s("z"), Value::Number("1.50".into())), (s("y"), Value::Null)])
                ),
            ])
        );
    }

    #[test]
    fn numbers_keep_their_written_form() {
        let v = parse("version: 1\nn: [0x1F, +3, 1.50, 1e3, .inf, -0]\n").unwrap();
        let Value::Map(entries) = v else { panic!() };
        assert_eq!(
            entries[1].1,
            Value::Seq(
                ["0x1F", "+3", "1.50", "1e3", ".inf", "-0"]
                    .iter()
                    .map(|n| Value::Number(n.to_string()))
                    .collect()
            )
        );
    }

    #[test]
    fn tags_are_kept() {
        let v = parse("a: !custom {b: 2.0}\n").unwrap();
        let Value::Map(entries) = v else { panic!() };
        assert_eq!(
            entries[0].1,
            Value::Tagged(
                "custom".into(),
                Box::new(Value::Map(vec![(s("b"), Value::Number("2.0".into()))]))
            )
        );
    }
}
