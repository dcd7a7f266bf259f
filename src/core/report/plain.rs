//! The readable report of `chorus check`: one line per message with its
//! four verdicts and drift, then the words behind each failure and what to
//! do about them. Colour only when asked (a terminal without NO_COLOR).

use std::fmt::Write;

use super::escape::visible;
use super::FileReport;
use crate::core::model::{Criterion, Message};
use crate::core::verdict::{CriterionResult, MessageReview, Span};

/// How to render.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub color: bool,
    /// Show every score's breakdown, passing or not.
    pub explain: bool,
}

struct Paint(bool);

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn ok(&self, s: &str) -> String {
        self.wrap("32", s)
    }
    fn bad(&self, s: &str) -> String {
        self.wrap("31", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
}

/// The whole report as text.
pub fn render(files: &[FileReport], style: Style) -> String {
    let p = Paint(style.color);
    let mut out = String::new();
    let (mut total, mut clean, mut failed_files) = (0, 0, 0);
    for f in files {
        match f {
            FileReport::Failed(e) => {
                failed_files += 1;
                let _ = writeln!(out, "{} {}\n", p.bad("error:"), visible(&e.to_string(), false));
            }
            FileReport::Reviewed {
                path,
                set,
                review,
                programme,
                ..
            } => {
                let n_clean = review.messages.iter().filter(|m| m.is_clean()).count();
                total += review.messages.len();
                clean += n_clean;
                let _ = writeln!(
                    out,
                    "{}  {} — {}, {} pass, {} need work",
                    p.bold(&visible(&path.display().to_string(), false)),
                    visible(&set.brand, false),
                    plural(review.messages.len(), "message"),
                    n_clean,
                    review.messages.len() - n_clean
                );
                for (r, m) in review.messages.iter().zip(&set.internal) {
                    message(&mut out, r, m, style, &p);
                }
                if !review.set.uncovered_pillars.is_empty() {
                    let _ = writeln!(
                        out,
                        "  set: pillars no message supports: {}",
                        visible(&review.set.uncovered_pillars.join(", "), false)
                    );
                }
                if !review.set.unaddressed_segments.is_empty() {
                    let _ = writeln!(
                        out,
                        "  set: segments with no message of their own (by audience or by name): {}",
                        visible(&review.set.unaddressed_segments.join(", "), false)
                    );
                }
                for f in &programme.findings {
                    let _ = writeln!(
                        out,
                        "  {} {}: {}",
                        p.bad("programme"),
                        f.kind.as_str(),
                        visible(&f.message, false)
                    );
                }
                out.push('\n');
            }
        }
    }
    let _ = write!(
        out,
        "{total} messages checked: {clean} pass, {} need work",
        total - clean
    );
    if failed_files > 0 {
        let _ = write!(out, "; {failed_files} file(s) could not be read");
    }
    out.push('\n');
    out
}

fn verdict(c: &CriterionResult, p: &Paint) -> String {
    let name = &c.criterion.as_str()[..4];
    if !c.applies {
        // Not asked of this kind of message: no score to show.
        return format!("{name} {}  ", p.dim("n/a"));
    }
    let mark = if c.waived.is_some() {
        p.dim("waived")
    } else if c.pass {
        p.ok("✓")
    } else {
        p.bad("✗")
    };
    format!("{name} {:>3} {mark}", c.score)
}

fn message(out: &mut String, r: &MessageReview, m: &Message, style: Style, p: &Paint) {
    if let Some(notice) = r.language_notice() {
        let _ = writeln!(
            out,
            "{} {}  {}",
            p.dim("?"),
            p.bold(&visible(&r.id, false)),
            p.dim(&notice)
        );
        return;
    }
    let head = if r.is_clean() { p.ok("✓") } else { p.bad("✗") };
    let verdicts: Vec<String> = Criterion::ALL.iter().map(|c| verdict(r.checklist.get(*c), p)).collect();
    let drift = if r.drift.is_empty() && r.alignment.pillars.is_empty() {
        // Only a kind that is not asked to carry the story gets here.
        p.dim("no pillar")
    } else if r.drift.is_empty() {
        format!("on story: {}", visible(&r.alignment.pillars.join(", "), false))
    } else {
        let kinds: Vec<&str> = r.drift.iter().map(|d| d.kind.as_str()).collect();
        p.bad(&format!("drift: {}", dedup(kinds).join(", ")))
    };
    let kind = if r.kind == Message::DEFAULT_KIND {
        String::new()
    } else {
        format!(" ({})", visible(&r.kind, false))
    };
    let _ = writeln!(
        out,
        "{head} {}{kind}  {}  {drift}",
        p.bold(&visible(&r.id, false)),
        verdicts.join("  ")
    );
    if r.is_clean() && !style.explain {
        return;
    }
    let _ = writeln!(out, "    {}", p.dim(&format!("\"{}\"", visible(m.text.trim(), false))));
    let quoter = Quoter::new(&m.text);
    for c in r.checklist.results.iter().filter(|c| c.applies) {
        if let Some(reason) = &c.waived {
            if !c.findings.is_empty() {
                let _ = writeln!(out, "    {} waived: {}", c.criterion, visible(reason, false));
            }
            continue;
        }
        if style.explain {
            let parts: Vec<String> = c
                .breakdown
                .iter()
                .map(|b| match b.span {
                    Some(s) => {
                        let words = quoter.quote(s);
                        // Name the lexicon entry when it is not the words themselves.
                        let entry = match &b.entry {
                            Some(e) if !e.eq_ignore_ascii_case(words) => format!(" [{}]", visible(e, false)),
                            _ => String::new(),
                        };
                        format!("{:+} {} \"{}\"{entry}", b.points, b.label, visible(words, false))
                    }
                    None => format!("{:+} {}", b.points, b.label),
                })
                .collect();
            let _ = writeln!(out, "    {} {} = {}", c.criterion, c.score, parts.join(", "));
            if !c.pass {
                let ways: Vec<String> = c
                    .could_gain
                    .iter()
                    .map(|g| format!("{:+} {}", g.points, g.label))
                    .collect();
                let _ = writeln!(
                    out,
                    "      passes at {}{}",
                    c.pass_mark,
                    if ways.is_empty() {
                        String::new()
                    } else {
                        format!("; would add: {}", ways.join(", "))
                    }
                );
            }
        }
        if c.pass {
            continue;
        }
        for f in &c.findings {
            let _ = writeln!(
                out,
                "    {} {}",
                p.bad(c.criterion.as_str()),
                visible(&f.message, false)
            );
            if let Some(s) = &f.suggestion {
                let _ = writeln!(out, "      → {}", visible(s, false));
            }
        }
    }
    for d in &r.drift {
        let _ = writeln!(out, "    {} {}", p.bad(d.kind.as_str()), visible(&d.message, false));
        if let Some(s) = &d.suggestion {
            let _ = writeln!(out, "      → {}", visible(s, false));
        }
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The first of each, in order; a set, so a message with many drifts costs their number.
fn dedup(mut v: Vec<&str>) -> Vec<&str> {
    let mut seen = std::collections::HashSet::new();
    v.retain(|k| seen.insert(*k));
    v
}

/// A message's words by character span, sliced through a byte offset per
/// character so that a long breakdown does not walk the text once per line.
struct Quoter<'a> {
    text: &'a str,
    bytes: Vec<usize>,
}

impl<'a> Quoter<'a> {
    fn new(text: &'a str) -> Quoter<'a> {
        let bytes = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        Quoter { text, bytes }
    }

    fn quote(&self, s: Span) -> &'a str {
        let at = |c: usize| self.bytes.get(c).copied().unwrap_or(self.text.len());
        let from = at(s.start);
        &self.text[from..at(s.end).max(from)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_as_a_span_does() {
        let text = "Café — naïve 🍋 test";
        let q = Quoter::new(text);
        let n = text.chars().count();
        for start in 0..=n + 1 {
            for end in 0..=n + 1 {
                let s = Span::new(start, end);
                assert_eq!(q.quote(s), s.quote(text), "{start}..{end}");
            }
        }
    }

    #[test]
    fn dedup_keeps_the_first_of_each_in_order() {
        assert_eq!(dedup(vec!["b", "a", "b", "c", "a"]), ["b", "a", "c"]);
    }
}
