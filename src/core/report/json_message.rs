//! The per-message part of the JSON report, written by hand into a byte
//! buffer: ten thousand messages make some twenty megabytes of JSON, and
//! going through a serializer cost a dozen calls and two scans of every
//! string. The text is the same as serde_json's compact output with the
//! report's escapes (`json::ControlEscapes`); a test compares the two.

use crate::core::model::{Criterion, Date};
use crate::core::verdict::{Contribution, CriterionResult, Drift, Finding, MessageReview, Span, Tie};

/// `"key":`. Keys are plain ASCII names, written as they are.
fn key(out: &mut Vec<u8>, k: &str) {
    out.push(b'"');
    out.extend_from_slice(k.as_bytes());
    out.extend_from_slice(b"\":");
}

/// `,"key":`, for every field after the first.
fn next(out: &mut Vec<u8>, k: &str) {
    out.push(b',');
    key(out, k);
}

/// Bytes that may need an escape: C0, quote, backslash, DEL, and 0xc2
/// (the lead byte of the C1 characters).
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t[0x7f] = true;
    t[0xc2] = true;
    t
};

/// `SPECIAL` as arithmetic, which compares many bytes at a time.
#[inline(always)]
fn special(c: u8) -> bool {
    (c < 0x20) | (c == b'"') | (c == b'\\') | (c == 0x7f) | (c == 0xc2)
}

/// A JSON string: quote and backslash escaped, every C0, DEL and C1
/// character as \u00XX (as `ControlEscapes` does), runs of plain bytes
/// copied at once.
pub fn string(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    let mut from = 0;
    let mut i = 0;
    loop {
        // Whole blocks of plain bytes first, tested without early exits so
        // the compiler compares them at once; then byte by byte.
        while i + 16 <= b.len() && !b[i..i + 16].iter().fold(false, |any, &c| any | special(c)) {
            i += 16;
        }
        while i < b.len() && !SPECIAL[b[i] as usize] {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        let c = b[i];
        let (code, len) = match c {
            b'"' | b'\\' => {
                out.extend_from_slice(&b[from..i]);
                out.extend_from_slice(&[b'\\', c]);
                i += 1;
                from = i;
                continue;
            }
            0xc2 if i + 1 < b.len() && (0x80..=0x9f).contains(&b[i + 1]) => (b[i + 1], 2),
            0xc2 => {
                i += 1;
                continue;
            }
            _ => (c, 1),
        };
        out.extend_from_slice(&b[from..i]);
        out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[(code >> 4) as usize],
            HEX[(code & 15) as usize],
        ]);
        i += len;
        from = i;
    }
    out.extend_from_slice(&b[from..]);
    out.push(b'"');
}

fn uint(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

fn int(out: &mut Vec<u8>, n: i64) {
    if n < 0 {
        out.push(b'-');
    }
    uint(out, n.unsigned_abs());
}

fn boolean(out: &mut Vec<u8>, b: bool) {
    out.extend_from_slice(if b { b"true" } else { b"false" });
}

/// `[item, item, ...]`, each written by `one`.
fn list<T>(out: &mut Vec<u8>, items: &[T], mut one: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        one(out, item);
    }
    out.push(b']');
}

fn strings(out: &mut Vec<u8>, items: &[String]) {
    list(out, items, |out, s| string(out, s));
}

/// One message's entry of `messages`; `text_len` is its text's length in
/// characters (the span of an off_story drift).
pub fn message(out: &mut Vec<u8>, r: &MessageReview, text_len: usize, date: Option<Date>) {
    out.push(b'{');
    key(out, "id");
    string(out, &r.id);
    next(out, "kind");
    string(out, &r.kind);
    if let Some(d) = date {
        next(out, "date");
        string(out, &d.to_string());
    }
    if let Some(l) = &r.language {
        next(out, "language");
        string(out, l);
    }
    if let Some(n) = r.language_notice() {
        next(out, "notice");
        string(out, &n);
    }
    next(out, "checklist");
    out.push(b'{');
    for (i, c) in Criterion::ALL.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        key(out, c.as_str());
        criterion(out, r.checklist.get(c));
    }
    out.push(b'}');
    next(out, "alignment");
    out.push(b'{');
    key(out, "score");
    uint(out, r.alignment.score.into());
    next(out, "pillars");
    strings(out, &r.alignment.pillars);
    next(out, "ties");
    list(out, &r.alignment.ties, tie);
    out.push(b'}');
    next(out, "drift");
    list(out, &r.drift, |out, d| drift(out, d, text_len));
    next(out, "segments");
    strings(out, &r.segments);
    out.push(b'}');
}

fn criterion(out: &mut Vec<u8>, c: &CriterionResult) {
    out.push(b'{');
    key(out, "score");
    uint(out, c.score.into());
    next(out, "pass");
    boolean(out, c.pass);
    next(out, "applies");
    boolean(out, c.applies);
    next(out, "pass_mark");
    uint(out, c.pass_mark.into());
    next(out, "findings");
    list(out, &c.findings, finding);
    if let Some(reason) = &c.waived {
        next(out, "waived");
        string(out, reason);
    }
    next(out, "breakdown");
    list(out, &c.breakdown, contribution);
    out.push(b'}');
}

fn finding(out: &mut Vec<u8>, f: &Finding) {
    out.push(b'{');
    key(out, "rule");
    string(out, &f.rule);
    span(out, f.span);
    words(out, &f.message, f.suggestion.as_deref());
}

/// `,"message":...[,"suggestion":...]}`: how a finding or a drift ends.
fn words(out: &mut Vec<u8>, message: &str, suggestion: Option<&str>) {
    next(out, "message");
    string(out, message);
    if let Some(s) = suggestion {
        next(out, "suggestion");
        string(out, s);
    }
    out.push(b'}');
}

/// `,"start":N,"end":N`.
fn span(out: &mut Vec<u8>, s: Span) {
    next(out, "start");
    uint(out, s.start as u64);
    next(out, "end");
    uint(out, s.end as u64);
}

fn contribution(out: &mut Vec<u8>, c: &Contribution) {
    out.push(b'{');
    key(out, "rule");
    string(out, &c.rule);
    next(out, "points");
    int(out, c.points.into());
    next(out, "label");
    string(out, &c.label);
    if let Some(s) = c.span {
        span(out, s);
    }
    if let Some(e) = &c.entry {
        next(out, "entry");
        string(out, e);
    }
    out.push(b'}');
}

fn tie(out: &mut Vec<u8>, t: &Tie) {
    out.push(b'{');
    key(out, "pillar");
    string(out, &t.pillar);
    next(out, "keyword");
    string(out, &t.keyword);
    span(out, t.span);
    out.push(b'}');
}

fn drift(out: &mut Vec<u8>, d: &Drift, text_len: usize) {
    // off_story is about the whole message: its span is the whole text.
    let s = d.span.unwrap_or(Span::new(0, text_len));
    out.push(b'{');
    key(out, "kind");
    string(out, d.kind.as_str());
    next(out, "pillar");
    match &d.pillar {
        Some(p) => string(out, p),
        None => out.extend_from_slice(b"null"),
    }
    span(out, s);
    words(out, &d.message, d.suggestion.as_deref());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wide_test_is_the_table() {
        for c in 0..=255u8 {
            assert_eq!(special(c), SPECIAL[c as usize], "{c:#x}");
        }
        // A special byte at every place of a long plain run is still escaped.
        for at in 0..40 {
            let mut s = "x".repeat(40);
            s.replace_range(at..=at, "\"");
            let mut out = Vec::new();
            string(&mut out, &s);
            assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
        }
    }
}
