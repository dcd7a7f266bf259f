//! Writing YAML text, meant to be read in a diff: block style for the
//! schema's own mappings and lists, flow style (`[a, b]`, wrapped) for lists
//! of short words, folded block scalars (`>-`) for long prose, and quoting
//! that reads every string back exactly as it was.
//!
//! Comments of the file that was loaded are not written back: the YAML
//! library does not report them, so they are lost on save.

use std::borrow::Cow;

use crate::core::model::Value;

/// Lines are wrapped near this many columns (longer words stay whole).
pub const WIDTH: usize = 80;

/// Implicit keys longer than this are written as explicit `? key` entries
/// (YAML limits implicit keys to 1024 characters).
const MAX_IMPLICIT_KEY: usize = 1000;

/// Strings longer than this never go in a flow list: they read better as
/// the items of a block list.
const MAX_FLOW_ITEM: usize = 60;

/// Flow mappings (`{a: 1, b: 2}`) whose one-line form is longer than this are
/// written in block style instead.
const MAX_FLOW_MAP: usize = 120;

/// What to write: the schema's own mappings and lists (always block style),
/// or any value chorus does not interpret (styled by its shape).
#[derive(Debug, Clone, PartialEq)]
pub enum Node<'a> {
    /// A block mapping with text keys, in this order.
    Map(Vec<(Cow<'a, str>, Node<'a>)>),
    /// A block sequence.
    List(Vec<Node<'a>>),
    /// A value, written in whichever style reads best.
    Value(Cow<'a, Value>),
    /// Nothing after the key (`title:`): the file had the key with no value.
    Empty,
}

/// The YAML text of a document whose top level is `root`.
pub fn document(root: &Node) -> String {
    let mut out = Out::default();
    match root {
        Node::Map(entries) if !entries.is_empty() => out.map_entries(entries, 0),
        other => {
            // Not a shape chorus writes at the top, but keep it valid YAML.
            out.push("---");
            out.body(Item::Node(other), 0, false);
        }
    }
    out.text
}

/// A value as a single YAML line, as it would appear inside a flow list.
/// Used for keys and by tests.
pub fn inline(value: &Value) -> String {
    let mut s = String::new();
    flow_into(&mut s, value);
    s
}

#[derive(Clone, Copy)]
enum Item<'x, 'a> {
    Node(&'x Node<'a>),
    Value(&'x Value),
}

#[derive(Default)]
struct Out {
    text: String,
}

impl Out {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn newline(&mut self) {
        self.text.push('\n');
    }

    fn spaces(&mut self, n: usize) {
        self.text.extend(std::iter::repeat_n(' ', n));
    }

    /// The column (in characters) where the next character will go.
    fn column(&self) -> usize {
        let line_start = self.text.rfind('\n').map_or(0, |i| i + 1);
        self.text[line_start..].chars().count()
    }

    /// Entries of a block mapping at `indent`, the first one written where the
    /// cursor is (after `- ` or at the start of a line already indented).
    fn map_entries(&mut self, entries: &[(Cow<str>, Node)], indent: usize) {
        for (i, (key, value)) in entries.iter().enumerate() {
            if i > 0 {
                self.spaces(indent);
            }
            self.key(&Value::String(key.to_string()), indent);
            self.push(":");
            self.body(Item::Node(value), indent, false);
        }
    }

    fn value_entries(&mut self, entries: &[(Value, Value)], indent: usize) {
        for (i, (key, value)) in entries.iter().enumerate() {
            if i > 0 {
                self.spaces(indent);
            }
            self.key(key, indent);
            self.push(":");
            self.body(Item::Value(value), indent, false);
        }
    }

    /// Write a mapping key: on one line when YAML allows (a scalar, not too
    /// long), else as an explicit `? key` line followed by the `:` line.
    fn key(&mut self, key: &Value, indent: usize) {
        let text = inline_key(key);
        if is_scalar(key) && text.chars().count() <= MAX_IMPLICIT_KEY {
            self.push(&text);
        } else {
            self.push("? ");
            self.push(&text);
            self.newline();
            self.spaces(indent);
        }
    }

    /// Everything after `key:` or `-` (the cursor is right after it), up to
    /// and including the end of line. `indent` is the column of that key or
    /// dash; nested block content goes two columns further in.
    fn body(&mut self, item: Item, indent: usize, after_dash: bool) {
        match item {
            Item::Node(Node::Empty) => self.newline(),
            Item::Node(Node::Map(entries)) if entries.is_empty() => self.push_line(" {}"),
            Item::Node(Node::Map(entries)) => {
                self.open_block(indent, after_dash);
                self.map_entries(entries, indent + 2);
            }
            Item::Node(Node::List(items)) if items.is_empty() => self.push_line(" []"),
            Item::Node(Node::List(items)) => {
                self.open_block(indent, after_dash);
                for (i, node) in items.iter().enumerate() {
                    if i > 0 {
                        self.spaces(indent + 2);
                    }
                    self.push("-");
                    self.body(Item::Node(node), indent + 2, true);
                }
            }
            Item::Node(Node::Value(v)) => self.value_body(v, indent, after_dash),
            Item::Value(v) => self.value_body(v, indent, after_dash),
        }
    }

    fn push_line(&mut self, s: &str) {
        self.push(s);
        self.newline();
    }

    /// Start a nested block collection: right here after a dash (compact
    /// `- key: value`), else on the next line, indented.
    fn open_block(&mut self, indent: usize, after_dash: bool) {
        if after_dash {
            self.push(" ");
        } else {
            self.newline();
            self.spaces(indent + 2);
        }
    }

    fn value_body(&mut self, value: &Value, indent: usize, after_dash: bool) {
        match value {
            Value::Tagged(tag, inner) => {
                self.push(" ");
                self.push(&tag_text(tag));
                // A block collection cannot start on the tag's line.
                self.value_body(inner, indent, false);
            }
            // Mappings in a list read best as blocks, like the messages.
            Value::Map(entries) if !entries.is_empty() && (after_dash || !flow_ok(value)) => {
                self.open_block(indent, after_dash);
                self.value_entries(entries, indent + 2);
            }
            Value::Seq(items) if !flow_ok(value) => {
                self.open_block(indent, after_dash);
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.spaces(indent + 2);
                    }
                    self.push("-");
                    self.body(Item::Value(item), indent + 2, true);
                }
            }
            Value::Map(_) | Value::Seq(_) => {
                self.push(" ");
                self.flow_wrapped(value, indent + 2);
                self.newline();
            }
            Value::String(s) => self.string_body(s, indent),
            scalar => {
                self.push(" ");
                self.push(&inline(scalar));
                self.newline();
            }
        }
    }

    fn string_body(&mut self, s: &str, indent: usize) {
        let content_indent = indent + 2;
        if s.contains('\n') && literal_ok(s) {
            return self.literal(s, content_indent);
        }
        let one_line = scalar_text(s, false);
        let fits = self.column() + 1 + one_line.chars().count() <= WIDTH;
        if !fits && folded_ok(s) {
            return self.folded(s, content_indent);
        }
        self.push(" ");
        self.push(&one_line);
        self.newline();
    }

    /// `>-`: lines are joined with single spaces when read, so the string is
    /// broken only at single spaces between two non-spaces.
    fn folded(&mut self, s: &str, content_indent: usize) {
        self.push_line(" >-");
        let room = WIDTH.saturating_sub(content_indent).max(20);
        for line in fold(s, room) {
            self.spaces(content_indent);
            self.push_line(line);
        }
    }

    /// `|`, `|-` or `|+` by how many line breaks end the string.
    fn literal(&mut self, s: &str, content_indent: usize) {
        let trailing = s.len() - s.trim_end_matches('\n').len();
        let chomp = match trailing {
            0 => "-",
            1 => "",
            _ => "+",
        };
        self.push(" |");
        self.push_line(chomp);
        let body = s.strip_suffix('\n').unwrap_or(s);
        for line in body.split('\n') {
            if !line.is_empty() {
                self.spaces(content_indent);
                self.push(line);
            }
            self.newline();
        }
    }

    /// A flow collection, wrapped between items when a line gets long;
    /// continuation lines start at `continuation` (deeper than the block
    /// node holding the collection, as YAML requires).
    fn flow_wrapped(&mut self, value: &Value, continuation: usize) {
        let (open, close, items): (&str, &str, Vec<String>) = match value {
            Value::Seq(items) => ("[", "]", items.iter().map(inline).collect()),
            Value::Map(entries) => (
                "{",
                "}",
                entries
                    .iter()
                    .map(|(k, v)| format!("{}: {}", inline(k), inline(v)))
                    .collect(),
            ),
            other => return self.push(&inline(other)),
        };
        self.push(open);
        let count = items.len();
        for (i, item) in items.into_iter().enumerate() {
            let piece = if i + 1 == count { item + close } else { item + "," };
            if i > 0 {
                if self.column() + 1 + piece.chars().count() > WIDTH {
                    self.newline();
                    self.spaces(continuation);
                } else {
                    self.push(" ");
                }
            }
            self.push(&piece);
        }
        if count == 0 {
            self.push(close);
        }
    }
}

/// Whether a collection reads well in flow style: a list of short scalars,
/// or a short mapping whose values are short scalars or such lists (like
/// `expect: {specific: true, drift: [off_story]}`).
fn flow_ok(value: &Value) -> bool {
    fn short_scalar(v: &Value) -> bool {
        match v {
            Value::Null | Value::Bool(_) | Value::Number(_) => true,
            Value::String(s) => !s.contains('\n') && s.chars().count() <= MAX_FLOW_ITEM,
            Value::Tagged(_, inner) => short_scalar(inner),
            Value::Seq(items) => items.is_empty(),
            Value::Map(entries) => entries.is_empty(),
        }
    }
    fn word_list(v: &Value) -> bool {
        match v {
            Value::Seq(items) => items.iter().all(short_scalar),
            Value::Tagged(_, inner) => word_list(inner),
            other => short_scalar(other),
        }
    }
    match value {
        Value::Seq(_) => word_list(value),
        Value::Map(entries) => {
            entries.is_empty()
                || (entries
                    .iter()
                    .all(|(k, v)| is_scalar(k) && short_scalar(k) && word_list(v))
                    && inline(value).chars().count() <= MAX_FLOW_MAP)
        }
        Value::Tagged(_, inner) => flow_ok(inner),
        _ => true,
    }
}

fn is_scalar(v: &Value) -> bool {
    match v {
        Value::Seq(_) | Value::Map(_) => false,
        Value::Tagged(_, inner) => is_scalar(inner),
        _ => true,
    }
}

fn inline_key(key: &Value) -> String {
    match key {
        Value::String(s) => scalar_text(s, false),
        other => inline(other),
    }
}

fn flow_into(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            if number_ok(n) {
                out.push_str(n)
            } else {
                out.push_str(&quoted(n))
            }
        }
        Value::String(s) => out.push_str(&scalar_text(s, true)),
        Value::Seq(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                flow_into(out, item);
            }
            out.push(']');
        }
        Value::Map(entries) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if is_scalar(k) {
                    flow_into(out, k);
                } else {
                    // A collection as a flow key needs the explicit form.
                    out.push_str("? ");
                    flow_into(out, k);
                }
                out.push_str(": ");
                flow_into(out, v);
            }
            out.push('}');
        }
        Value::Tagged(tag, inner) => {
            out.push_str(&tag_text(tag));
            out.push(' ');
            flow_into(out, inner);
        }
    }
}

/// `Value::Tagged` holds a local tag without its `!` (`yaml.rs` reads it so);
/// a lone `!` (the non-specific tag) is held as `!` itself.
fn tag_text(tag: &str) -> String {
    if tag.starts_with('!') {
        tag.to_string()
    } else {
        format!("!{tag}")
    }
}

/// A number's written form is kept only if it cannot break the YAML around
/// it (numbers built by code are not checked elsewhere).
fn number_ok(n: &str) -> bool {
    let mut chars = n.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return false;
    };
    let start_ok = match first {
        '0'..='9' => true,
        '+' | '-' => second.is_some_and(|c| c.is_ascii_digit() || c == '.'),
        '.' => second.is_some_and(|c| c.is_ascii_alphanumeric()),
        _ => false,
    };
    start_ok
        && n.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-' | '_'))
}

/// A string on one line: plain when that reads back as the same string,
/// double-quoted otherwise.
fn scalar_text(s: &str, flow: bool) -> String {
    if plain_ok(s, flow) {
        s.to_string()
    } else {
        quoted(s)
    }
}

/// Characters that may appear as themselves in a plain or block scalar.
/// Everything else (control characters, tabs, the Unicode line breaks libyaml
/// honours, byte order marks, non-characters) is written escaped.
fn is_printable(c: char) -> bool {
    !c.is_control() && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// Whether `s` can be written without quotes and read back as the same
/// string. Conservative: some strings YAML would allow plain are quoted.
pub fn plain_ok(s: &str, flow: bool) -> bool {
    let (Some(first), Some(last)) = (s.chars().next(), s.chars().next_back()) else {
        return false;
    };
    if first == ' ' || last == ' ' || last == ':' {
        return false;
    }
    // Indicators, and `.`/`+`/digits that may start a number (`.5`, `+1`,
    // `.inf`, `1e3`, dates and times other YAML readers would convert).
    if "-?:,[]{}#&*!|>'\"%@`.+".contains(first) || first.is_ascii_digit() {
        return false;
    }
    if !s.chars().all(|c| c == ' ' || is_printable(c)) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") {
        return false;
    }
    if flow && s.contains([',', '[', ']', '{', '}', ':', '#']) {
        return false;
    }
    !is_reserved_word(s)
}

/// Words YAML readers turn into null or booleans (YAML 1.2, and the 1.1
/// words other tools still honour), plus the merge key.
fn is_reserved_word(s: &str) -> bool {
    matches!(
        s,
        "~" | "null"
            | "Null"
            | "NULL"
            | "true"
            | "True"
            | "TRUE"
            | "false"
            | "False"
            | "FALSE"
            | "y"
            | "Y"
            | "yes"
            | "Yes"
            | "YES"
            | "n"
            | "N"
            | "no"
            | "No"
            | "NO"
            | "on"
            | "On"
            | "ON"
            | "off"
            | "Off"
            | "OFF"
            | "<<"
            | "="
    )
}

/// A double-quoted scalar: every character that is not printable is escaped.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\0' => out.push_str("\\0"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{b}' => out.push_str("\\v"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\u{1b}' => out.push_str("\\e"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if (c as u32) < 0x100 && !is_printable(c) => out.push_str(&format!("\\x{:02X}", c as u32)),
            c if !is_printable(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters a block scalar may hold as they are, and no blank edges on
/// its lines (they would be misread as indentation, or lost by editors).
fn block_ok(s: &str) -> bool {
    s.chars().all(|c| c == ' ' || c == '\n' || is_printable(c))
        && s.split('\n').all(|l| !l.starts_with(' ') && !l.ends_with(' '))
}

fn literal_ok(s: &str) -> bool {
    block_ok(s) && s.split('\n').any(|l| !l.is_empty())
}

fn folded_ok(s: &str) -> bool {
    !s.is_empty() && !s.contains('\n') && block_ok(s) && !fold(s, usize::MAX).is_empty() && s.contains(' ')
}

/// Split `s` into lines of at most `room` characters where possible, only
/// at single spaces between two non-space characters (the places where a
/// folded scalar turns a line break back into one space).
fn fold(s: &str, room: usize) -> Vec<&str> {
    let bytes = s.as_bytes();
    let mut words = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let single_space = b == b' ' && i > 0 && bytes[i - 1] != b' ' && bytes.get(i + 1).is_some_and(|&n| n != b' ');
        if single_space {
            words.push(&s[start..i]);
            start = i + 1;
        }
    }
    words.push(&s[start..]);

    let mut lines = Vec::new();
    let mut line_start = 0; // byte offset in `s`
    let mut line_end = 0;
    let mut width = 0;
    let mut offset = 0;
    for (n, word) in words.iter().enumerate() {
        let w = word.chars().count();
        if n == 0 {
            line_end = word.len();
            width = w;
        } else if width + 1 + w <= room {
            line_end = offset + word.len();
            width += 1 + w;
        } else {
            lines.push(&s[line_start..line_end]);
            line_start = offset;
            line_end = offset + word.len();
            width = w;
        }
        offset += word.len() + 1;
    }
    lines.push(&s[line_start..line_end]);
    lines
}

#[cfg(test)]
mod tests {
    use super::super::yaml;
    use super::*;
    use proptest::prelude::*;

    fn s(text: &str) -> Value {
        Value::String(text.into())
    }

    fn doc(entries: Vec<(&str, Value)>) -> String {
        document(&Node::Map(
            entries
                .into_iter()
                .map(|(k, v)| (Cow::Owned(k.to_string()), Node::Value(Cow::Owned(v))))
                .collect(),
        ))
    }

    /// Write `value` under a key, inside a list and inside a flow list, and
    /// read each back.
    fn round_trips(value: &Value) -> Result<(), String> {
        let text = doc(vec![
            ("v", value.clone()),
            ("l", Value::Seq(vec![value.clone(), s("x")])),
            ("m", Value::Seq(vec![Value::Map(vec![(s("k"), value.clone())])])),
        ]);
        let back = yaml::parse(&text).map_err(|e| format!("{e:?} in\n{text}"))?;
        let expected = Value::Map(vec![
            (s("v"), value.clone()),
            (s("l"), Value::Seq(vec![value.clone(), s("x")])),
            (s("m"), Value::Seq(vec![Value::Map(vec![(s("k"), value.clone())])])),
        ]);
        if back != expected {
            return Err(format!("wrote\n{text}\nread back {back:?}"));
        }
        Ok(())
    }

    #[test]
    fn tricky_strings_round_trip() {
        for text in [
            "",
            " ",
            "  lead",
            "trail ",
            "a: b",
            "a:b",
            "a #b",
            "a#b",
            "#x",
            "- x",
            "-x",
            "?x",
            "'q'",
            "\"dq\"",
            "it's",
            "line\nbreak",
            "two\n\nparas",
            "end\n",
            "ends\n\n",
            "\nstart",
            "\n",
            "\n\n",
            "tab\there",
            "\ttab",
            "ctrl\u{1}\u{7f}\u{85}",
            "\u{2028}\u{2029}\u{feff}",
            "yes",
            "no",
            "No",
            "on",
            "off",
            "y",
            "n",
            "null",
            "~",
            "Null",
            "true",
            "False",
            "1",
            "1.0",
            "0x1F",
            "1e3",
            "-1",
            "+1",
            ".5",
            ".inf",
            "-.inf",
            ".nan",
            "0o17",
            "1_000",
            "2024-06-01",
            "12:30",
            "<<",
            "=",
            "---",
            "...",
            "--- x",
            "%TAG",
            "@at",
            "`tick",
            "{a}",
            "[a]",
            "a, b",
            "a]",
            "é ü 中文 🍋",
            "x\u{a0}",
            "\u{a0}x",
            "\\",
            "a\\nb",
            "a\r\nb",
            "\u{0}",
            "key:",
            ": x",
            "all",
            "approved",
            "24 hours",
            "word word  word   word",
        ] {
            round_trips(&s(text)).unwrap();
        }
    }

    #[test]
    fn scalars_round_trip() {
        for v in [
            Value::Null,
            Value::Bool(true),
            Value::Bool(false),
            Value::Number("1.50".into()),
            Value::Number("-3".into()),
            Value::Number("0x1F".into()),
            Value::Tagged("custom".into(), Box::new(s("x"))),
            Value::Tagged("t".into(), Box::new(Value::Null)),
            Value::Tagged("t".into(), Box::new(Value::Seq(vec![s("a")]))),
            Value::Tagged("t".into(), Box::new(Value::Map(vec![(s("a"), s("b"))]))),
            Value::Seq(vec![]),
            Value::Map(vec![]),
            Value::Map(vec![
                (Value::Null, s("null key")),
                (Value::Number("1".into()), s("one")),
            ]),
            Value::Map(vec![(Value::Seq(vec![s("a"), s("b")]), s("seq key"))]),
            Value::Map(vec![(s(&"k".repeat(1500)), s("long key"))]),
            Value::Seq(vec![Value::Seq(vec![Value::Seq(vec![s("deep")])])]),
        ] {
            round_trips(&v).unwrap();
        }
    }

    #[test]
    fn long_prose_is_folded_near_80_columns() {
        let text = "Every stand we touch should be selling lemonade again within 24 hours, \
                    and each of us, from payroll to the phone lines, can take time out of \
                    that promise this year.";
        let out = doc(vec![("story", s(text))]);
        assert!(out.starts_with("story: >-\n  Every stand"), "{out}");
        assert!(out.lines().all(|l| l.chars().count() <= WIDTH), "{out}");
        round_trips(&s(text)).unwrap();
    }

    #[test]
    fn short_word_lists_are_flow_and_wrap() {
        let words: Vec<Value> = ["fast", "quick", "speed", "rapid", "turnaround", "hours"]
            .iter()
            .map(|w| s(w))
            .collect();
        let out = doc(vec![("keywords", Value::Seq(words))]);
        assert_eq!(out, "keywords: [fast, quick, speed, rapid, turnaround, hours]\n");

        let many: Vec<Value> = (0..30).map(|i| s(&format!("word{i}"))).collect();
        let out = doc(vec![("keywords", Value::Seq(many.clone()))]);
        assert!(out.lines().count() > 1);
        assert!(out.lines().all(|l| l.chars().count() <= WIDTH), "{out}");
        round_trips(&Value::Seq(many)).unwrap();
    }

    #[test]
    fn long_items_make_a_block_list() {
        let long = "a fact that is much too long to sit comfortably inside a flow list";
        let out = doc(vec![("facts", Value::Seq(vec![s(long)]))]);
        assert_eq!(out, format!("facts:\n  - {long}\n"));
    }

    #[test]
    fn schema_mappings_are_block_style() {
        let node = Node::Map(vec![
            ("id".into(), Node::Value(Cow::Owned(s("a")))),
            ("title".into(), Node::Empty),
            (
                "waive".into(),
                Node::List(vec![Node::Map(vec![
                    ("criterion".into(), Node::Value(Cow::Owned(s("inclusive")))),
                    ("reason".into(), Node::Value(Cow::Owned(s("sales only")))),
                ])]),
            ),
            ("none".into(), Node::List(vec![])),
        ]);
        assert_eq!(
            document(&node),
            "id: a\ntitle:\nwaive:\n  - criterion: inclusive\n    reason: sales only\nnone: []\n"
        );
    }

    #[test]
    fn fold_breaks_only_at_single_spaces() {
        assert_eq!(fold("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(fold("aa  bb cc", 5), vec!["aa  bb", "cc"]);
        assert_eq!(fold("averyveryverylongword x", 5), vec!["averyveryverylongword", "x"]);
    }

    fn arb_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| Value::Number(n.to_string())),
            "[0-9]{1,3}\\.[0-9]{1,3}0".prop_map(Value::Number),
            any::<String>().prop_map(Value::String),
            "[ a-z:#\\-'\"\n]{0,40}".prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 24, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Seq),
                prop::collection::vec((any::<String>().prop_map(Value::String), inner.clone()), 0..4).prop_map(
                    |entries| {
                        // YAML keys are unique; keep the first of each.
                        let mut seen = Vec::new();
                        Value::Map(
                            entries
                                .into_iter()
                                .filter(|(k, _)| {
                                    let new = !seen.contains(k);
                                    seen.push(k.clone());
                                    new
                                })
                                .collect(),
                        )
                    }
                ),
                ("[a-z]{1,8}", inner).prop_map(|(t, v)| match v {
                    // YAML has no tag on a tagged value.
                    Value::Tagged(..) => v,
                    v => Value::Tagged(t, Box::new(v)),
                }),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn any_string_round_trips(text in any::<String>()) {
            prop_assert_eq!(round_trips(&s(&text)), Ok(()));
        }

        #[test]
        fn prose_like_strings_round_trip(text in "[ a-zA-Z.,:#'\"\\-\n]{0,300}") {
            prop_assert_eq!(round_trips(&s(&text)), Ok(()));
        }

        #[test]
        fn any_value_round_trips(value in arb_value()) {
            prop_assert_eq!(round_trips(&value), Ok(()));
        }
    }
}
