//! Which YAML style a value is written in, and its text in that style:
//! plain where it reads back the same, quoted where it would not, folded or
//! literal for prose, flow (`[a, b]`) for short word lists.

use crate::core::model::Value;

/// A value as a single YAML line, as it would appear inside a flow list.
/// Used for keys and by tests.
pub fn inline(value: &Value) -> String {
    let mut s = String::new();
    flow_into(&mut s, value);
    s
}

/// Strings longer than this never go in a flow list: they read better as
/// the items of a block list.
const MAX_FLOW_ITEM: usize = 60;

/// Flow mappings (`{a: 1, b: 2}`) whose one-line form is longer than this are
/// written in block style instead.
const MAX_FLOW_MAP: usize = 120;

/// Whether a collection reads well in flow style: a list of short scalars,
/// or a short mapping whose values are short scalars or such lists (like
/// `expect: {specific: true, drift: [off_story]}`).
pub(super) fn flow_ok(value: &Value) -> bool {
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

pub(super) fn is_scalar(v: &Value) -> bool {
    match v {
        Value::Seq(_) | Value::Map(_) => false,
        Value::Tagged(_, inner) => is_scalar(inner),
        _ => true,
    }
}

pub(super) fn inline_key(key: &Value) -> String {
    match key {
        Value::String(s) => scalar_text(s, false),
        other => inline(other),
    }
}

pub(super) fn flow_into(out: &mut String, value: &Value) {
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
pub(super) fn tag_text(tag: &str) -> String {
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
pub(super) fn scalar_text(s: &str, flow: bool) -> String {
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

pub(super) fn literal_ok(s: &str) -> bool {
    block_ok(s) && s.split('\n').any(|l| !l.is_empty())
}

pub(super) fn folded_ok(s: &str) -> bool {
    !s.is_empty() && !s.contains('\n') && block_ok(s) && !fold(s, usize::MAX).is_empty() && s.contains(' ')
}

/// Split `s` into lines of at most `room` characters where possible, only
/// at single spaces between two non-space characters (the places where a
/// folded scalar turns a line break back into one space).
pub(super) fn fold(s: &str, room: usize) -> Vec<&str> {
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
