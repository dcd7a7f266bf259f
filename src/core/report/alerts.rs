//! The problems of a check as a flat list of alerts, each placed at the
//! words behind it in the set file: what the CI formats (SARIF, GitHub
//! annotations) are written from. A code-scanning view then points at the
//! words of a message, not at the start of its entry.

use std::path::Path;

use super::FileReport;
use crate::core::baseline::fingerprint;
use crate::core::model::{Criterion, Message};
use crate::core::store::{yaml, Step};
use crate::core::verdict::{MessageReview, Span};

/// How much an alert matters to a CI job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Makes the check fail: a failing criterion, drift, an unreadable set.
    Error,
    /// Words that cost points in a criterion that still passes.
    Note,
}

/// A place in a file: 1-based line and column (in characters), and the end
/// of the words (exclusive column) when they are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    pub end: Option<(usize, usize)>,
}

/// One problem, where it is and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Alert<'a> {
    pub path: &'a Path,
    /// The rule's id: a criterion (`specific`), a drift kind (`off_story`),
    /// a lexicon rule (`buzzword`), `not-english` or `unreadable`.
    pub rule: String,
    pub level: Level,
    /// What is wrong, naming the message.
    pub message: String,
    /// `None` when the problem is the whole file.
    pub place: Option<Place>,
    /// The message's id and a fingerprint of its text, rule and id, so a
    /// code-scanning view can follow an alert across runs.
    pub message_id: Option<&'a str>,
    pub fingerprint: Option<String>,
}

/// The rule id of a message chorus could not read as English.
pub const NOT_ENGLISH: &str = "not-english";
/// The rule id of a set that could not be read.
pub const UNREADABLE: &str = "unreadable";

/// Every alert of `files`, in file and message order. `source_of` gives a
/// reviewed file's text (to place the words); without it, alerts are placed
/// at line 1.
pub fn alerts<'a>(files: &'a [FileReport], source_of: &dyn Fn(&Path) -> Option<String>) -> Vec<Alert<'a>> {
    let mut out = Vec::new();
    for f in files {
        match f {
            FileReport::Failed(e) => out.push(Alert {
                path: &e.path,
                rule: UNREADABLE.to_string(),
                level: Level::Error,
                message: e.message.clone(),
                place: (e.line > 0).then_some(Place {
                    line: e.line,
                    column: e.column.max(1),
                    end: None,
                }),
                message_id: None,
                fingerprint: None,
            }),
            FileReport::Reviewed { path, set, review, .. } => {
                let source = source_of(path);
                for (i, (r, m)) in review.messages.iter().zip(&set.internal).enumerate() {
                    let placer = Placer::new(source.as_deref(), i, &m.text);
                    message_alerts(&mut out, path, r, m, &placer);
                }
            }
        }
    }
    out
}

fn message_alerts<'a>(out: &mut Vec<Alert<'a>>, path: &'a Path, r: &MessageReview, m: &'a Message, placer: &Placer) {
    let mut push = |rule: &str, level: Level, message: String, span: Option<Span>| {
        out.push(Alert {
            path,
            rule: rule.to_string(),
            level,
            message: format!("message `{}`: {message}", m.id),
            place: Some(placer.place(span)),
            message_id: Some(&m.id),
            fingerprint: Some(fingerprint(&format!("{}\n{rule}\n{}", m.id, m.text))),
        })
    };
    if let Some(notice) = r.language_notice() {
        push(NOT_ENGLISH, Level::Error, notice, None);
        return;
    }
    for c in Criterion::ALL {
        let res = r.checklist.get(c);
        // A waived criterion (by the set, or known in a baseline) is a
        // failure the team has accepted: its words are not news.
        if !res.applies || res.waived.is_some() {
            continue;
        }
        // A failing criterion is told at the words that cost it points;
        // one with no such words (nothing concrete, no destination) is
        // told at the start of the text.
        let verdict = format!("{c} {} is under its pass mark {}", res.score, res.pass_mark);
        if !res.pass && res.findings.is_empty() {
            let gain = res.could_gain.first().map(|g| g.label.as_str());
            push(c.as_str(), Level::Error, format!("{verdict}{}", missing(gain)), None);
        }
        let level = if res.pass { Level::Note } else { Level::Error };
        for f in &res.findings {
            let mut message = f.message.clone();
            if let Some(s) = &f.suggestion {
                message = format!("{message} {s}");
            }
            if !res.pass {
                message = format!("{verdict}: {message}");
            }
            push(&f.rule, level, message, Some(f.span));
        }
    }
    for d in &r.drift {
        let message = match &d.suggestion {
            Some(s) => format!("{} {s}", d.message),
            None => d.message.clone(),
        };
        push(d.kind.as_str(), Level::Error, message, d.span);
    }
}

fn missing(gain: Option<&str>) -> String {
    gain.map(|g| format!(" (it could gain points with {g})"))
        .unwrap_or_default()
}

/// Where the words of one message's text stand in the file.
struct Placer {
    /// Where the text's node starts, if the file could be read.
    node: Option<(usize, usize)>,
    /// For each character of the text, its line and column in the file
    /// (`None` for whitespace, and where the text could not be followed).
    chars: Vec<Option<(usize, usize)>>,
}

impl Placer {
    fn new(source: Option<&str>, index: usize, text: &str) -> Placer {
        let path = [
            Step::Key("internal".into()),
            Step::Index(index),
            Step::Key("text".into()),
        ];
        let node = source.and_then(|s| yaml::locate(s, &path));
        let chars = match (source, node) {
            (Some(s), Some(at)) => follow(s, at, text),
            _ => Vec::new(),
        };
        Placer { node, chars }
    }

    /// The place of `span` (in characters of the text), or of the text's
    /// start when there is no span or it cannot be followed.
    fn place(&self, span: Option<Span>) -> Place {
        let (line, column) = self.node.unwrap_or((1, 1));
        let whole = Place {
            line,
            column,
            end: None,
        };
        let Some(span) = span else { return whole };
        let first = self
            .chars
            .iter()
            .skip(span.start)
            .take(span.end.saturating_sub(span.start))
            .flatten()
            .next();
        let last = self.chars[..span.end.min(self.chars.len())]
            .iter()
            .skip(span.start)
            .rev()
            .flatten()
            .next();
        match (first, last) {
            (Some(&(line, column)), Some(&(end_line, end_column))) => Place {
                line,
                column,
                end: Some((end_line, end_column + 1)),
            },
            _ => whole,
        }
    }
}

/// Follow `text` through the file from where its node starts: every
/// character that is not whitespace stands in the file in the same order
/// (plain, quoted, folded or literal), with only line breaks, indentation,
/// quotes and escapes between. Characters the walk cannot find within a
/// short reach (an escape like `\u00e9`) stay unplaced. One pass over the
/// text and its stretch of the file.
fn follow(source: &str, (line, column): (usize, usize), text: &str) -> Vec<Option<(usize, usize)>> {
    let Some(start) = byte_at(source, line, column) else {
        return Vec::new();
    };
    let mut file = source[start..].chars().peekable();
    let (mut at_line, mut at_col) = (line, column);
    let mut out = Vec::with_capacity(text.chars().count());
    for c in text.chars() {
        if c.is_whitespace() {
            out.push(None);
            continue;
        }
        // Look ahead a little for this character; give up on it (not on
        // the rest) when it is not near, as an escape would be written.
        let mut probe = file.clone();
        let (mut l, mut col) = (at_line, at_col);
        let mut found = None;
        for _ in 0..16 {
            let Some(f) = probe.next() else { break };
            if f == c {
                found = Some((l, col));
                (l, col) = step(l, col, f);
                break;
            }
            (l, col) = step(l, col, f);
        }
        match found {
            Some(p) => {
                out.push(Some(p));
                file = probe;
                (at_line, at_col) = (l, col);
            }
            None => out.push(None),
        }
    }
    out
}

fn step(line: usize, column: usize, c: char) -> (usize, usize) {
    if c == '\n' {
        (line + 1, 1)
    } else {
        (line, column + 1)
    }
}

/// The byte offset of a 1-based line and column (in characters).
fn byte_at(source: &str, line: usize, column: usize) -> Option<usize> {
    let mut offset = 0;
    for (n, l) in source.split_inclusive('\n').enumerate() {
        if n + 1 == line {
            return l.char_indices().nth(column.saturating_sub(1)).map(|(i, _)| offset + i);
        }
        offset += l.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place_of(source: &str, text: &str, words: &str) -> Place {
        let start = text.find(words).unwrap();
        let span = Span::new(
            text[..start].chars().count(),
            text[..start + words.len()].chars().count(),
        );
        Placer::new(Some(source), 0, text).place(Some(span))
    }

    const HEAD: &str = "version: 1\nbrand: B\nexternal: {story: s}\ninternal:\n  - id: m\n";

    #[test]
    fn words_are_placed_in_plain_and_quoted_text() {
        let source = format!("{HEAD}    text: We will be the best in town.\n");
        let p = place_of(&source, "We will be the best in town.", "the best");
        assert_eq!((p.line, p.column, p.end), (6, 22, Some((6, 30))));
        let source = format!("{HEAD}    text: \"It's \\\"great\\\" news\"\n");
        let p = place_of(&source, "It's \"great\" news", "news");
        assert_eq!((p.line, p.column), (6, 27));
    }

    #[test]
    fn words_are_placed_in_folded_text_on_later_lines() {
        let source = format!(
            "{HEAD}    text: >-\n      From May every depot opens at six, so\n      drivers start on time.\n    title: t\n"
        );
        let text = "From May every depot opens at six, so drivers start on time.";
        let p = place_of(&source, text, "drivers start");
        assert_eq!((p.line, p.column, p.end), (8, 7, Some((8, 20))));
        // Words that run over a line break end on the next line.
        let p = place_of(&source, text, "so drivers");
        assert_eq!((p.line, p.column, p.end), (7, 42, Some((8, 14))));
    }

    #[test]
    fn an_escape_the_walk_cannot_follow_costs_only_its_own_character() {
        let source = format!("{HEAD}    text: \"Caf\\u00e9 opens at six\"\n");
        let p = place_of(&source, "Café opens at six", "six");
        assert_eq!((p.line, p.column), (6, 31));
        // No file: the start of the file.
        let p = Placer::new(None, 0, "x").place(Some(Span::new(0, 1)));
        assert_eq!((p.line, p.column, p.end), (1, 1, None));
    }
}
