//! Writing YAML text, meant to be read in a diff: block style for the
//! schema's own mappings and lists, flow style (`[a, b]`, wrapped) for lists
//! of short words, folded block scalars (`>-`) for long prose, and quoting
//! that reads every string back exactly as it was. It imports the model
//! alone.
//!
//! This writes a set afresh. Saving over a file keeps that file's own text,
//! comments included, for what did not change (`splice.rs`). Which style a
//! single value takes is decided in `style.rs`.

mod style;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use crate::core::model::Value;

pub use style::inline;

use style::{flow_ok, fold, folded_ok, inline_key, is_scalar, literal_ok, scalar_text, tag_text};

/// Lines are wrapped near this many columns (longer words stay whole).
pub const WIDTH: usize = 80;

/// Implicit keys longer than this are written as explicit `? key` entries
/// (YAML limits implicit keys to 1024 characters).
const MAX_IMPLICIT_KEY: usize = 1000;

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
