//! What the HTML and Markdown reports say, worked out once for both: the
//! one-line summary of a set, its top findings, a message's details and
//! problems, its text cut into marked runs, and the extra sections a caller
//! may add (the pulse, later). The two formats only write it down.

use std::fmt::Write as _;

use crate::core::model::{Message, MessageSet};
use crate::core::programme::Programme;
use crate::core::verdict::{MessageReview, SetReview};

/// A section a caller adds after the sets (e.g. what employees said back),
/// already written in each format.
#[derive(Debug, Clone, Default)]
pub struct Section {
    pub title: String,
    /// The body as HTML (trusted: the caller escapes what it quotes).
    pub html: String,
    /// The body as Markdown (trusted, likewise).
    pub markdown: String,
}

/// How many top findings the first screen shows.
pub const TOP: usize = 5;

/// "3 of 5" and "messages pass the checklist and stay on story".
pub fn headline(set: &MessageSet, review: &SetReview) -> (String, String) {
    let pass = review.messages.iter().filter(|m| m.is_clean()).count();
    let total = set.internal.len();
    (
        format!("{pass} of {total}"),
        format!(
            "message{} pass{} the checklist and stay{} on story",
            if total == 1 { "" } else { "s" },
            if pass == 1 { "es" } else { "" },
            if pass == 1 { "s" } else { "" },
        ),
    )
}

/// "3 of 5 messages pass the checklist and stay on story".
pub fn summary(set: &MessageSet, review: &SetReview) -> String {
    let (count, rest) = headline(set, review);
    format!("{count} {rest}")
}

/// The most telling things about the set as a whole: the programme's
/// findings, then what the set leaves out.
pub fn top_findings(review: &SetReview, programme: &Programme) -> Vec<String> {
    let mut out: Vec<String> = programme.findings.iter().map(|f| f.message.clone()).collect();
    if !review.set.uncovered_pillars.is_empty() {
        out.push(format!(
            "No message supports the pillar{} {}.",
            if review.set.uncovered_pillars.len() == 1 {
                ""
            } else {
                "s"
            },
            review.set.uncovered_pillars.join(", ")
        ));
    }
    if !review.set.unaddressed_segments.is_empty() {
        out.push(format!(
            "No message is written for {}.",
            review.set.unaddressed_segments.join(", ")
        ));
    }
    let need_work = review.messages.iter().filter(|m| !m.is_clean()).count();
    if need_work > 0 {
        out.push(format!(
            "{need_work} message{} need{} work: see each below.",
            if need_work == 1 { "" } else { "s" },
            if need_work == 1 { "s" } else { "" }
        ));
    }
    out.truncate(TOP);
    out
}

/// A message's details as label and value, those it has.
pub fn details(m: &Message) -> Vec<(&'static str, String)> {
    let mut out = vec![("kind", m.kind().to_string()), ("audience", m.audience.to_string())];
    let mut opt = |label, v: Option<String>| {
        if let Some(v) = v {
            out.push((label, v));
        }
    };
    opt("channel", m.channel.clone());
    opt("messenger", m.messenger.clone());
    opt("date", m.date.map(|d| d.to_string()));
    opt("status", m.status.map(|s| s.as_str().to_string()));
    out
}

/// One verdict line: criterion, score, pass / fail / n/a / waived.
pub fn verdicts(r: &MessageReview) -> Vec<(&'static str, String, Verdict)> {
    r.checklist
        .results
        .iter()
        .map(|c| {
            let (score, v) = if !c.applies {
                ("n/a".to_string(), Verdict::NotApplicable)
            } else if c.waived.is_some() {
                (c.score.to_string(), Verdict::Waived)
            } else if c.pass {
                (c.score.to_string(), Verdict::Pass)
            } else {
                (c.score.to_string(), Verdict::Fail)
            };
            (c.criterion.as_str(), score, v)
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail,
    Waived,
    NotApplicable,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Waived => "waived",
            Verdict::NotApplicable => "n/a",
        }
    }
}

/// A problem of a message: what it is about, why, and what to do.
pub struct Problem {
    /// The criterion or the kind of drift.
    pub about: String,
    pub quote: Option<String>,
    pub message: String,
    pub suggestion: Option<String>,
}

/// Every finding of the checklist and every drift of a message.
pub fn problems(r: &MessageReview, m: &Message) -> Vec<Problem> {
    let mut out = Vec::new();
    for c in &r.checklist.results {
        for f in &c.findings {
            out.push(Problem {
                about: c.criterion.as_str().to_string(),
                quote: Some(f.span.quote(&m.text).to_string()).filter(|q| !q.is_empty()),
                message: f.message.clone(),
                suggestion: f.suggestion.clone(),
            });
        }
    }
    for d in &r.drift {
        out.push(Problem {
            about: d.kind.as_str().to_string(),
            quote: d.span.map(|s| s.quote(&m.text).to_string()).filter(|q| !q.is_empty()),
            message: d.message.clone(),
            suggestion: d.suggestion.clone(),
        });
    }
    if let Some(notice) = r.language_notice() {
        out.push(Problem {
            about: "language".into(),
            quote: None,
            message: notice,
            suggestion: None,
        });
    }
    out
}

/// How a run of a message's words is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    /// Ties the message to a pillar.
    Tie,
    /// A checklist finding is about these words.
    Finding,
    /// These words drift from the story.
    Drift,
}

impl Mark {
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Tie => "tie",
            Mark::Finding => "finding",
            Mark::Drift => "drift",
        }
    }
}

/// The text of `m` cut into runs, each with the strongest mark over it
/// (drift over a finding over a tie). One pass over the characters.
pub fn runs(r: &MessageReview, m: &Message) -> Vec<(String, Option<Mark>)> {
    let chars: Vec<char> = m.text.chars().collect();
    let mut marks: Vec<Option<Mark>> = vec![None; chars.len()];
    let mut paint = |start: usize, end: usize, mark: Mark| {
        for slot in marks.iter_mut().take(end.min(chars.len())).skip(start) {
            if slot.is_none_or(|have| have < mark) {
                *slot = Some(mark);
            }
        }
    };
    for t in &r.alignment.ties {
        paint(t.span.start, t.span.end, Mark::Tie);
    }
    for f in r.checklist.results.iter().flat_map(|c| &c.findings) {
        paint(f.span.start, f.span.end, Mark::Finding);
    }
    for d in &r.drift {
        if let Some(s) = d.span {
            paint(s.start, s.end, Mark::Drift);
        }
    }
    let mut out: Vec<(String, Option<Mark>)> = Vec::new();
    for (c, mark) in chars.into_iter().zip(marks) {
        match out.last_mut() {
            Some((run, m)) if *m == mark => run.push(c),
            _ => out.push((c.to_string(), mark)),
        }
    }
    out
}

/// The heading of a message: its title and id, or its id.
pub fn heading(m: &Message) -> String {
    let mut s = String::new();
    match &m.title {
        Some(t) => {
            let _ = write!(s, "{t} ({})", m.id);
        }
        None => s.push_str(&m.id),
    }
    s
}
