//! The one file that names serde_yaml (deprecated upstream, so replacing it
//! must stay a one-file change): YAML text → the model's `Value`, and the
//! line and column of a node named by a `FieldPath`.
//!
//! Writing YAML is not done with serde_yaml (see `emit.rs`): its serializer
//! has no folded block scalars and no way to keep our key order readable.

use std::cell::Cell;
use std::fmt;

use serde::de::{
    self, Deserialize, DeserializeSeed, EnumAccess, IgnoredAny, MapAccess, SeqAccess, VariantAccess, Visitor,
};

use super::path::Step;
use crate::core::model::Value;

/// serde_yaml's own limit on nesting (it refuses deeper documents).
pub const MAX_DEPTH: usize = 128;

/// At most this many places where a YAML value can start (see
/// `check_shape`). serde_yaml holds every event of a document in memory
/// (about 200 bytes each) before any of it is read, so a 16 MiB file of
/// `[0,0,0,…]` would take well over a gigabyte; this keeps parsing to about
/// 200 MB. A real set of the largest size chorus reads has far fewer.
pub const MAX_VALUES: usize = 1_000_000;

/// A document that could not be read as YAML at all.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
}

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

const BUDGET_MESSAGE: &str = "the file expands to too many values through aliases (`*name`); \
     chorus refuses it (an alias bomb?)";

const MERGE_MESSAGE: &str = "YAML merge keys (`<<: *name`) are not supported: chorus would \
     miss the merged fields; write those fields out in this mapping instead";

/// Parse `source` (one YAML document) into a `Value`, keeping mapping order
/// and the written form of numbers. An empty document gives `Value::Null`.
pub fn parse(source: &str) -> Result<Value, SyntaxError> {
    parse_with_budget(source, budget_for(source))
}

/// `parse` with an explicit budget, so tests can see serde_yaml's own limits.
fn parse_with_budget(source: &str, budget: usize) -> Result<Value, SyntaxError> {
    check_shape(source)?;
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
    let (mut depth, mut line, mut column) = (0usize, 1, 0);
    let mut values = 0usize;
    let mut previous = '\n';
    for c in source.chars() {
        column += 1;
        let starts = match c {
            '\n' | ',' | '[' | '{' => true,
            ' ' | '\t' | '\r' => matches!(previous, '-' | ':' | '?'),
            _ => false,
        };
        previous = c;
        if starts {
            values += 1;
            if values > MAX_VALUES {
                return Err(SyntaxError {
                    line,
                    column,
                    message: format!(
                        "the file holds too many values (more than {MAX_VALUES} list items, keys \
                         and lines); chorus reads sets of at most {} messages",
                        super::MAX_MESSAGES
                    ),
                });
            }
        }
        match c {
            '\n' => (line, column) = (line + 1, 0),
            '[' | '{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(SyntaxError {
                        line,
                        column,
                        message: too_deep(),
                    });
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn too_deep() -> String {
    format!("lists and mappings are nested too deeply (more than {MAX_DEPTH} levels)")
}

/// The 1-based line and column where the node at `path` starts. When the path
/// leads nowhere (a missing key), the deepest node found on the way is given;
/// `None` only if the document cannot be read at all.
pub fn locate(source: &str, path: &[Step]) -> Option<(usize, usize)> {
    let doc = serde_yaml::Deserializer::from_str(source).next()?;
    match (Seek { path }).deserialize(doc) {
        Ok(()) => None,
        Err(e) => e.location().map(|l| (l.line(), l.column())),
    }
}

/// Turn a serde_yaml error into our message, without serde_yaml's position
/// suffix (the caller prints line and column in its own way).
fn syntax_error(err: &serde_yaml::Error, source: &str) -> SyntaxError {
    let (line, column) = err.location().map(|l| (l.line(), l.column())).unwrap_or((1, 1));
    let raw = err.to_string();
    let message = if raw.contains(BUDGET_MESSAGE) {
        BUDGET_MESSAGE.to_string()
    } else if raw.contains(MERGE_MESSAGE) {
        let (line, column) = merge_key_after(source, line, column).unwrap_or((line, column));
        return SyntaxError {
            line,
            column,
            message: MERGE_MESSAGE.to_string(),
        };
    } else if raw.starts_with("recursion limit exceeded") {
        too_deep()
    } else if raw.starts_with("repetition limit exceeded") {
        "aliases (`*name`) are repeated too often; chorus refuses the file (an alias bomb?)".to_string()
    } else if raw.starts_with("unknown anchor") {
        "this alias (`*name`) refers to no anchor (`&name`) defined before it".to_string()
    } else {
        let text = raw.replacen(&format!(" at line {line} column {column}"), "", 1);
        format!("YAML syntax error: {text}{}", hint(&text, source, line, column))
    };
    SyntaxError { line, column, message }
}

/// serde_yaml places an error raised in a mapping at the mapping's start;
/// the `<<` key itself is the first `<<` followed by `:` from there.
fn merge_key_after(source: &str, line: usize, column: usize) -> Option<(usize, usize)> {
    for (n, text) in source.lines().enumerate().skip(line.saturating_sub(1)) {
        let from = if n + 1 == line {
            text.char_indices()
                .nth(column.saturating_sub(1))
                .map_or(text.len(), |(i, _)| i)
        } else {
            0
        };
        for (i, _) in text[from..].match_indices("<<") {
            let at = from + i;
            if text[at + 2..].trim_start().starts_with(':') {
                return Some((n + 1, text[..at].chars().count() + 1));
            }
        }
    }
    None
}

/// A plain-language hint for the syntax errors people meet most.
fn hint(text: &str, source: &str, line: usize, column: usize) -> &'static str {
    let at = source
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(|l| l.chars().nth(column.saturating_sub(1)));
    if at == Some('\t') || (text.contains("tab") && source.contains('\t')) {
        " (indent with spaces; YAML does not allow tabs there)"
    } else if text.starts_with("mapping values are not allowed") {
        " (a `: ` inside a value? put the value in quotes)"
    } else if text.contains("did not find expected key") {
        " (check the indentation of this line and the one before)"
    } else {
        ""
    }
}

/// Where the second document of a stream starts: the second `---` line (the
/// first one is skipped when it opens the first document), else 1:1.
fn second_document_start(source: &str) -> (usize, usize) {
    let mut seen_content = false;
    for (n, line) in source.lines().enumerate() {
        let is_marker = line == "---" || line.starts_with("--- ") || line.starts_with("...");
        if is_marker && seen_content {
            return (n + 1, 1);
        }
        let trimmed = line.trim_start();
        if !trimmed.is_empty() && !trimmed.starts_with('#') {
            seen_content = true;
        }
    }
    (1, 1)
}

/// Whether some number other than the top-level `version` was read; only
/// then is a second pass needed to recover numbers as written.
fn needs_raw_numbers(value: &Value) -> bool {
    match value {
        Value::Map(entries) => entries.iter().any(|(k, v)| {
            let is_version = matches!(k, Value::String(s) if s == "version");
            contains_number(k) || (!is_version && contains_number(v))
        }),
        other => contains_number(other),
    }
}

fn contains_number(value: &Value) -> bool {
    match value {
        Value::Number(_) => true,
        Value::Null | Value::Bool(_) | Value::String(_) => false,
        Value::Seq(items) => items.iter().any(contains_number),
        Value::Map(entries) => entries.iter().any(|(k, v)| contains_number(k) || contains_number(v)),
        Value::Tagged(_, inner) => contains_number(inner),
    }
}

fn float_text(v: f64) -> String {
    if v.is_nan() {
        ".nan".into()
    } else if v.is_infinite() {
        if v > 0.0 { ".inf" } else { "-.inf" }.into()
    } else {
        format!("{v:?}")
    }
}

/// Builds a `Value` from any node, spending from a shared budget.
#[derive(Clone, Copy)]
struct ValueSeed<'b> {
    budget: &'b Cell<usize>,
}

impl ValueSeed<'_> {
    fn spend<E: de::Error>(&self, cost: usize) -> Result<(), E> {
        match self.budget.get().checked_sub(cost.saturating_add(1)) {
            Some(left) => {
                self.budget.set(left);
                Ok(())
            }
            None => Err(E::custom(BUDGET_MESSAGE)),
        }
    }
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        self.visit_unit()
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Number(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Number(v.to_string()))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Number(v.to_string()))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Number(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Number(float_text(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        self.spend(v.len())?;
        Ok(Value::String(v.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.spend(0)?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Value::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.spend(0)?;
        let mut entries = Vec::new();
        while let Some(key) = map.next_key_seed(self)? {
            if matches!(&key, Value::String(k) if k == "<<") {
                // serde_yaml reads `<<` as an ordinary key: the merged
                // fields would be missed and a rewrite would spell `"<<"`.
                return Err(de::Error::custom(MERGE_MESSAGE));
            }
            let value = map.next_value_seed(self)?;
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }

    /// serde_yaml presents a node with a local tag (`!name`) as an enum whose
    /// variant is the tag without its `!`; `Value::Tagged` keeps it so.
    /// (Standard tags such as `!!str` are applied by serde_yaml, not kept.)
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        let (tag, content): (String, _) = data.variant()?;
        self.spend(tag.len())?;
        let inner = content.newtype_variant_seed(self)?;
        Ok(Value::Tagged(tag, Box::new(inner)))
    }
}

/// Second pass: walks the document alongside the first pass's tree and
/// replaces each number by its text as written.
struct RawNumbers<'g> {
    guide: &'g mut Value,
    /// At the top level, `version` is left alone: chorus reads it as a u32.
    root: bool,
}

impl<'de> DeserializeSeed<'de> for RawNumbers<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        if matches!(self.guide, Value::Number(_)) {
            let text = d.deserialize_str(TextVisitor)?;
            *self.guide = Value::Number(text);
            Ok(())
        } else if contains_number(self.guide) {
            d.deserialize_any(self)
        } else {
            d.deserialize_ignored_any(IgnoredAny).map(|_| ())
        }
    }
}

impl<'de> Visitor<'de> for RawNumbers<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the same document as the first pass")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if let Value::Seq(items) = self.guide {
            for item in items {
                let seed = RawNumbers {
                    guide: item,
                    root: false,
                };
                seq.next_element_seed(seed)?;
            }
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        if let Value::Map(entries) = self.guide {
            for (key, value) in entries {
                let is_version = self.root && matches!(key, Value::String(s) if s == "version");
                map.next_key_seed(RawNumbers {
                    guide: key,
                    root: false,
                })?;
                if is_version {
                    map.next_value::<IgnoredAny>()?;
                } else {
                    map.next_value_seed(RawNumbers {
                        guide: value,
                        root: false,
                    })?;
                }
            }
        }
        Ok(())
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        let (_, content): (IgnoredAny, _) = data.variant()?;
        match self.guide {
            Value::Tagged(_, inner) => content.newtype_variant_seed(RawNumbers {
                guide: inner,
                root: false,
            }),
            _ => content.newtype_variant::<IgnoredAny>().map(|_| ()),
        }
    }
}

/// A scalar's text exactly as written (for plain scalars, before typing).
struct TextVisitor;

impl Visitor<'_> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a scalar")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
}

/// Message of the error raised at the node being located; only its position
/// matters, the text is never shown.
const FOUND: &str = "chorus: located";

/// Walks down `path` and raises an error at the node it names, so serde_yaml
/// attaches that node's position to the error. Where a step cannot be taken,
/// the error is raised at the node reached so far (the parent's position).
struct Seek<'p> {
    path: &'p [Step],
}

impl<'de> DeserializeSeed<'de> for Seek<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl Seek<'_> {
    fn stop<E: de::Error>(&self) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
}

impl<'de> Visitor<'de> for Seek<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the node to locate")
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.stop()
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.stop()
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.stop()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.stop()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.stop()
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<(), E> {
        self.stop()
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<(), E> {
        self.stop()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.stop()
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.stop()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((Step::Index(target), rest)) = self.path.split_first() else {
            return self.stop();
        };
        for _ in 0..*target {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return self.stop();
            }
        }
        seq.next_element_seed(Seek { path: rest })?;
        self.stop()
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((step, rest)) = self.path.split_first() else {
            return self.stop();
        };
        let mut index = 0;
        loop {
            match step {
                Step::KeyAt(target) if index == *target => {
                    map.next_key_seed(Seek { path: &[] })?;
                    return self.stop();
                }
                Step::Key(name) => {
                    let budget = Cell::new(usize::MAX);
                    match map.next_key_seed(ValueSeed { budget: &budget })? {
                        None => return self.stop(),
                        Some(Value::String(k)) if &k == name => {
                            map.next_value_seed(Seek { path: rest })?;
                            return self.stop();
                        }
                        Some(_) => {}
                    }
                }
                _ => {
                    if map.next_key::<IgnoredAny>()?.is_none() {
                        return self.stop();
                    }
                }
            }
            map.next_value::<IgnoredAny>()?;
            index += 1;
        }
    }

    /// A tagged node: the path continues inside it.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        let (_, content): (IgnoredAny, _) = data.variant()?;
        content.newtype_variant_seed(Seek { path: self.path })
    }
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
    use super::*;

    fn s(text: &str) -> Value {
        Value::String(text.into())
    }

    fn key(k: &str) -> Step {
        Step::Key(k.into())
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

    #[test]
    fn empty_and_comment_only_documents_are_null() {
        assert_eq!(parse("").unwrap(), Value::Null);
        assert_eq!(parse("# nothing here\n\n").unwrap(), Value::Null);
    }

    #[test]
    fn syntax_errors_have_positions() {
        let e = parse("a: 1\nb: [1, 2\n").unwrap_err();
        assert!(e.message.starts_with("YAML syntax error: "), "{e:?}");
        assert!(!e.message.contains(" at line 3 column 1,"), "{e:?}");
        assert_eq!(e.line, 3);
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
    fn locates_block_and_flow_nodes() {
        let src = "\
top: 1
internal:
  - id: a
    audience: [sales, HR]
  - id: b
    audience:
      - sales
      - HR
";
        let p = |steps: Vec<Step>| locate(src, &steps);
        assert_eq!(p(vec![key("top")]), Some((1, 6)));
        assert_eq!(p(vec![key("internal"), Step::Index(1)]), Some((5, 5)));
        assert_eq!(
            p(vec![key("internal"), Step::Index(0), key("audience"), Step::Index(1)]),
            Some((4, 23))
        );
        assert_eq!(
            p(vec![key("internal"), Step::Index(1), key("audience"), Step::Index(1)]),
            Some((8, 9))
        );
        assert_eq!(p(vec![key("internal"), Step::Index(0), Step::KeyAt(1)]), Some((4, 5)));
        // A missing key falls back to the mapping that lacks it.
        assert_eq!(p(vec![key("internal"), Step::Index(1), key("text")]), Some((5, 5)));
        // A missing index falls back to the sequence.
        assert_eq!(p(vec![key("internal"), Step::Index(7)]), Some((3, 3)));
    }

    #[test]
    fn locates_through_aliases_and_tags() {
        let src = "a: &x {b: [1, 2]}\nc: *x\nd: !t {e: 5}\n";
        assert_eq!(locate(src, &[key("c"), key("b"), Step::Index(1)]), Some((1, 15)));
        assert_eq!(locate(src, &[key("d"), key("e")]), Some((3, 11)));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = "é: ü\nx: [ä, ö]\n";
        assert_eq!(locate(src, &[key("x"), Step::Index(1)]), Some((2, 8)));
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
    fn unknown_anchor_is_explained() {
        let e = parse("a: *nope\n").unwrap_err();
        assert!(e.message.contains("no anchor"), "{e:?}");
        assert_eq!(e.line, 1);
    }
}
