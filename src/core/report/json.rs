//! The JSON report of `chorus check --format json`: the contract in
//! DESIGN.md. Fields may be added; the contract's fields are never renamed
//! or removed. Added here: `waived`, `breakdown`, `ties`, `suggestion`,
//! `segments`, `date`, and the programme under `set` (`programme_json`). Written straight from the reviews (no intermediate tree), so
//! ten thousand messages cost little memory.

use std::io::{self, Write};

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::programme_json::{self, ProgrammeJson, SetFindingJson};
use super::FileReport;
use crate::core::model::{Criterion, Date};
use crate::core::verdict::{Contribution, CriterionResult, Drift, MessageReview, Span};

#[derive(Serialize)]
struct Doc<'a> {
    files: Vec<FileJson<'a>>,
    errors: Vec<ErrorJson<'a>>,
}

#[derive(Serialize)]
struct FileJson<'a> {
    path: String,
    brand: &'a str,
    messages: Vec<MessageJson<'a>>,
    set: SetJson<'a>,
}

#[derive(Serialize)]
struct SetJson<'a> {
    uncovered_pillars: &'a [String],
    unaddressed_segments: &'a [String],
    /// What the set as a whole should look at (the programme's findings).
    findings: Vec<SetFindingJson<'a>>,
    programme: ProgrammeJson<'a>,
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    path: String,
    line: usize,
    column: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct MessageJson<'a> {
    id: &'a str,
    kind: &'a str,
    /// The day the message goes out, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    /// Set when the text is not English and was not scored.
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notice: Option<String>,
    checklist: Checklist<'a>,
    alignment: AlignmentJson<'a>,
    drift: Vec<DriftJson<'a>>,
    segments: &'a [String],
}

struct Checklist<'a>(&'a MessageReview);

impl Serialize for Checklist<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(4))?;
        for c in Criterion::ALL {
            m.serialize_entry(c.as_str(), &CriterionJson(self.0.checklist.get(c)))?;
        }
        m.end()
    }
}

struct CriterionJson<'a>(&'a CriterionResult);

#[derive(Serialize)]
struct FindingJson<'a> {
    rule: &'a str,
    start: usize,
    end: usize,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestion: Option<&'a str>,
}

#[derive(Serialize)]
struct ContributionJson<'a> {
    rule: &'a str,
    points: i32,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entry: Option<&'a str>,
}

impl Serialize for CriterionJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("score", &c.score)?;
        m.serialize_entry("pass", &c.pass)?;
        m.serialize_entry("applies", &c.applies)?;
        m.serialize_entry("pass_mark", &c.pass_mark)?;
        let findings: Vec<FindingJson> = c
            .findings
            .iter()
            .map(|f| FindingJson {
                rule: &f.rule,
                start: f.span.start,
                end: f.span.end,
                message: &f.message,
                suggestion: f.suggestion.as_deref(),
            })
            .collect();
        m.serialize_entry("findings", &findings)?;
        if let Some(reason) = &c.waived {
            m.serialize_entry("waived", reason)?;
        }
        let breakdown: Vec<ContributionJson> = c.breakdown.iter().map(contribution).collect();
        m.serialize_entry("breakdown", &breakdown)?;
        m.end()
    }
}

fn contribution(c: &Contribution) -> ContributionJson<'_> {
    ContributionJson {
        rule: &c.rule,
        points: c.points,
        label: &c.label,
        start: c.span.map(|s| s.start),
        end: c.span.map(|s| s.end),
        entry: c.entry.as_deref(),
    }
}

#[derive(Serialize)]
struct AlignmentJson<'a> {
    score: u8,
    pillars: &'a [String],
    ties: Vec<TieJson<'a>>,
}

#[derive(Serialize)]
struct TieJson<'a> {
    pillar: &'a str,
    keyword: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct DriftJson<'a> {
    kind: &'static str,
    pillar: Option<&'a str>,
    start: usize,
    end: usize,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestion: Option<&'a str>,
}

fn drift(d: &Drift, text_len: usize) -> DriftJson<'_> {
    // off_story is about the whole message: its span is the whole text.
    let span = d.span.unwrap_or(Span::new(0, text_len));
    DriftJson {
        kind: d.kind.as_str(),
        pillar: d.pillar.as_deref(),
        start: span.start,
        end: span.end,
        message: &d.message,
        suggestion: d.suggestion.as_deref(),
    }
}

fn message<'a>(r: &'a MessageReview, text_len: usize, date: Option<Date>) -> MessageJson<'a> {
    MessageJson {
        date: date.map(|d| d.to_string()),
        id: &r.id,
        kind: &r.kind,
        language: r.language.as_deref(),
        notice: r.language_notice(),
        checklist: Checklist(r),
        alignment: AlignmentJson {
            score: r.alignment.score,
            pillars: &r.alignment.pillars,
            ties: r
                .alignment
                .ties
                .iter()
                .map(|t| TieJson {
                    pillar: &t.pillar,
                    keyword: &t.keyword,
                    start: t.span.start,
                    end: t.span.end,
                })
                .collect(),
        },
        drift: r.drift.iter().map(|d| drift(d, text_len)).collect(),
        segments: &r.segments,
    }
}

/// Write the whole report as JSON to `out`.
pub fn write(files: &[FileReport], out: &mut impl Write) -> io::Result<()> {
    let mut doc = Doc {
        files: Vec::new(),
        errors: Vec::new(),
    };
    for f in files {
        match f {
            FileReport::Reviewed {
                path,
                set,
                review,
                programme,
            } => doc.files.push(FileJson {
                path: path.display().to_string(),
                brand: &set.brand,
                messages: review
                    .messages
                    .iter()
                    .zip(&set.internal)
                    .map(|(r, m)| message(r, m.text.chars().count(), m.date))
                    .collect(),
                set: SetJson {
                    uncovered_pillars: &review.set.uncovered_pillars,
                    unaddressed_segments: &review.set.unaddressed_segments,
                    findings: programme_json::findings(programme, set),
                    programme: programme_json::programme(programme, set),
                },
            }),
            FileReport::Failed(e) => doc.errors.push(ErrorJson {
                path: e.path.display().to_string(),
                line: e.line,
                column: e.column,
                message: &e.message,
            }),
        }
    }
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, ControlEscapes);
    doc.serialize(&mut ser).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// The whole report as JSON text.
pub fn render(files: &[FileReport]) -> String {
    let mut buf = Vec::new();
    write(files, &mut buf).expect("writing to memory cannot fail");
    String::from_utf8(buf).expect("serde_json writes UTF-8")
}

/// A compact formatter that writes every C0, DEL and C1 character as
/// \u00XX: serde_json's own escapes leave DEL and C1 raw and write some C0
/// characters as \n or \t.
struct ControlEscapes;

impl serde_json::ser::Formatter for ControlEscapes {
    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        escape: serde_json::ser::CharEscape,
    ) -> io::Result<()> {
        use serde_json::ser::CharEscape::*;
        let byte = match escape {
            Quote => return w.write_all(b"\\\""),
            ReverseSolidus => return w.write_all(b"\\\\"),
            Solidus => return w.write_all(b"\\/"),
            Backspace => 0x08,
            FormFeed => 0x0c,
            LineFeed => 0x0a,
            CarriageReturn => 0x0d,
            Tab => 0x09,
            AsciiControl(b) => b,
        };
        write!(w, "\\u{byte:04x}")
    }

    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        // DEL is the byte 0x7f; C1 characters are 0xc2 0x80..=0x9f in UTF-8.
        let b = fragment.as_bytes();
        let mut from = 0;
        let mut i = 0;
        while i < b.len() {
            let (hit, len) = match b[i] {
                0x7f => (Some(0x7f), 1),
                0xc2 if i + 1 < b.len() && (0x80..=0x9f).contains(&b[i + 1]) => (Some(b[i + 1]), 2),
                _ => (None, 1),
            };
            if let Some(code) = hit {
                w.write_all(&b[from..i])?;
                write!(w, "\\u{code:04x}")?;
                from = i + len;
            }
            i += len;
        }
        w.write_all(&b[from..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::store::LoadError;

    #[test]
    fn every_control_character_is_escaped_as_u00xx() {
        let report = FileReport::Failed(LoadError {
            path: "a\u{1b}b.yaml".into(),
            line: 1,
            column: 2,
            message: "bad \n\t\u{7f}\u{85} \"q\" \\".into(),
        });
        let out = render(&[report]);
        assert!(out.contains(r#""path":"a\u001bb.yaml""#), "{out}");
        assert!(
            out.contains(r#""message":"bad \u000a\u0009\u007f\u0085 \"q\" \\""#),
            "{out}"
        );
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["errors"][0]["message"], "bad \n\t\u{7f}\u{85} \"q\" \\");
    }
}
