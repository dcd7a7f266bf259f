//! The JSON report of `chorus check --format json`: the contract in
//! DESIGN.md. Fields may be added; the contract's fields are never renamed
//! or removed. Added here: `waived`, `breakdown`, `ties`, `suggestion`,
//! `segments`, `date`, the programme under `set` (`programme_json`), and each
//! file's `notices` (keys that look misspelt: line, column, message, key,
//! meant). Written straight from the reviews (no intermediate tree), so ten
//! thousand messages cost little memory.

use std::io::{self, Write};

use serde::Serialize;

use super::json_message;
use super::programme_json::{self, ProgrammeJson, SetFindingJson};
use super::FileReport;
use crate::core::model::Message;
use crate::core::verdict::MessageReview;

#[derive(Serialize)]
struct SetJson<'a> {
    uncovered_pillars: &'a [String],
    unaddressed_segments: &'a [String],
    /// What the set as a whole should look at (the programme's findings).
    findings: Vec<SetFindingJson<'a>>,
    programme: ProgrammeJson<'a>,
}

/// A notice of loading (a key that looks misspelt), in its file's report.
#[derive(Serialize)]
struct NoticeJson<'a> {
    line: usize,
    column: usize,
    message: &'a str,
    key: &'a str,
    meant: &'a str,
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    path: String,
    line: usize,
    column: usize,
    message: &'a str,
}

/// Write the whole report as JSON to `out`: the same text serde_json
/// would write of `{"files": [...], "errors": [...]}`, the messages by hand
/// (`json_message`), the rest through serde_json with `ControlEscapes`.
pub fn write(files: &[FileReport], out: &mut impl Write) -> io::Result<()> {
    let mut buf: Vec<u8> = Vec::with_capacity(1 << 16);
    buf.extend_from_slice(b"{\"files\":[");
    let mut errors = Vec::new();
    let mut first = true;
    for f in files {
        match f {
            FileReport::Reviewed {
                path,
                set,
                review,
                programme,
                notices,
            } => {
                if !first {
                    buf.push(b',');
                }
                first = false;
                buf.extend_from_slice(b"{\"path\":");
                json_message::string(&mut buf, &path.display().to_string());
                buf.extend_from_slice(b",\"brand\":");
                json_message::string(&mut buf, &set.brand);
                buf.extend_from_slice(b",\"messages\":[");
                let pairs: Vec<(&MessageReview, &Message)> = review.messages.iter().zip(&set.internal).collect();
                messages(&pairs, &mut buf, out)?;
                buf.extend_from_slice(b"],\"set\":");
                let set_json = SetJson {
                    uncovered_pillars: &review.set.uncovered_pillars,
                    unaddressed_segments: &review.set.unaddressed_segments,
                    findings: programme_json::findings(programme, set),
                    programme: programme_json::programme(programme, set),
                };
                serialize(&set_json, &mut buf)?;
                buf.extend_from_slice(b",\"notices\":");
                let notices: Vec<NoticeJson> = notices
                    .iter()
                    .map(|n| NoticeJson {
                        line: n.line,
                        column: n.column,
                        message: &n.message,
                        key: &n.key,
                        meant: &n.meant,
                    })
                    .collect();
                serialize(&notices, &mut buf)?;
                buf.push(b'}');
            }
            FileReport::Failed(e) => errors.push(ErrorJson {
                path: e.path.display().to_string(),
                line: e.line,
                column: e.column,
                message: &e.message,
            }),
        }
    }
    buf.extend_from_slice(b"],\"errors\":");
    serialize(&errors, &mut buf)?;
    buf.extend_from_slice(b"}\n");
    out.write_all(&buf)
}

/// The messages, comma-separated, through `buf` into `out`. Large sets are
/// written in rounds: one helper thread writes the second half of each
/// round while this one writes the first (the text of one message does
/// not depend on another's), so the report costs about half its time and
/// holds only a round in memory.
fn messages(pairs: &[(&MessageReview, &Message)], buf: &mut Vec<u8>, out: &mut impl Write) -> io::Result<()> {
    const HALF: usize = 256;
    let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    if !two_cores || pairs.len() <= HALF {
        for (round, part) in pairs.chunks(2 * HALF).enumerate() {
            if round > 0 {
                buf.push(b',');
            }
            write_messages(part, buf);
            out.write_all(buf)?;
            buf.clear();
        }
        return Ok(());
    }
    std::thread::scope(|s| {
        // Room for one finished half ahead, so memory stays bounded; its
        // buffer comes back to be filled again rather than freed here.
        let (done, halves) = std::sync::mpsc::sync_channel::<Vec<u8>>(1);
        let (give_back, spare) = std::sync::mpsc::sync_channel::<Vec<u8>>(2);
        s.spawn(move || {
            for part in pairs.chunks(2 * HALF) {
                let mut b = spare.try_recv().unwrap_or_default();
                write_messages(&part[HALF.min(part.len())..], &mut b);
                if done.send(b).is_err() {
                    break; // the writer stopped (an output error)
                }
            }
        });
        for (round, part) in pairs.chunks(2 * HALF).enumerate() {
            if round > 0 {
                buf.push(b',');
            }
            write_messages(&part[..HALF.min(part.len())], buf);
            let second = halves.recv().expect("the helper writes every round");
            if !second.is_empty() {
                buf.push(b',');
                buf.extend_from_slice(&second);
            }
            let mut second = second;
            second.clear();
            let _ = give_back.try_send(second);
            out.write_all(buf)?;
            buf.clear();
        }
        Ok(())
    })
}

fn write_messages(pairs: &[(&MessageReview, &Message)], buf: &mut Vec<u8>) {
    for (i, (r, m)) in pairs.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        json_message::message(buf, r, m.text.chars().count(), m.date);
    }
}

fn serialize(value: &impl Serialize, buf: &mut Vec<u8>) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(buf, ControlEscapes);
    value.serialize(&mut ser).map_err(io::Error::other)
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
        // Nearly every fragment holds neither byte: find that out in one
        // pass without early exits, which the compiler turns into wide
        // compares, and write the fragment whole.
        if !b.iter().fold(false, |any, &c| any | (c == 0x7f) | (c == 0xc2)) {
            return w.write_all(b);
        }
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
    fn strings_written_by_hand_are_what_serde_json_writes() {
        let mut tricky: Vec<String> = (0u32..0x250).filter_map(char::from_u32).map(String::from).collect();
        tricky.extend(["", "plain words", "a\"b\\c\u{7f}d\u{85}e\u{9f}\u{a0}é\u{1}", "\u{c2}x"].map(String::from));
        tricky.push(tricky.concat());
        for s in &tricky {
            let mut by_hand = Vec::new();
            json_message::string(&mut by_hand, s);
            let mut by_serde = Vec::new();
            serialize(s, &mut by_serde).unwrap();
            assert_eq!(
                String::from_utf8(by_hand).unwrap(),
                String::from_utf8(by_serde).unwrap()
            );
        }
    }

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
