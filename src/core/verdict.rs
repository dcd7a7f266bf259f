//! The verdicts chorus gives: spans of a message's text, findings, score
//! breakdowns, the checklist, drift and alignment, and the review of a
//! message and of a set. Plain data at the bottom of the core: it imports
//! nothing of the core but the model, so every layer above may name it.

use crate::core::model::{Criterion, Message};

/// A range of characters (Unicode scalar values) of a message's text,
/// `start` inclusive, `end` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The words of `text` this span covers.
    pub fn quote<'a>(&self, text: &'a str) -> &'a str {
        let mut idx = text.char_indices().map(|(i, _)| i).chain([text.len()]);
        let from = idx.nth(self.start).unwrap_or(text.len());
        let to = if self.end > self.start {
            idx.nth(self.end - self.start - 1).unwrap_or(text.len())
        } else {
            from
        };
        &text[from..to]
    }
}

/// One reason a criterion scored as it did, tied to the words behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Rule id, e.g. `vague-superlative`.
    pub rule: String,
    pub span: Span,
    /// Why this matters, in the marketer's words.
    pub message: String,
    pub suggestion: Option<String>,
}

/// One line of a score's breakdown: what raised or lowered it, and by how much.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    /// Rule id (`base` for the starting score).
    pub rule: String,
    pub points: i32,
    pub label: String,
    pub span: Option<Span>,
    /// The lexicon entry that fired, when a list entry did ("dominate" for "dominating").
    pub entry: Option<String>,
}

/// The verdict on one criterion for one message.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CriterionResult {
    pub criterion: Criterion,
    /// 0–100.
    pub score: u8,
    /// Score at or above the threshold, or waived, or not applying.
    pub pass: bool,
    /// Whether the criterion applies to the message's kind. One that does
    /// not (aspirational, for an update) passes and shows as n/a.
    pub applies: bool,
    /// The score at which the criterion passes.
    pub pass_mark: u8,
    /// When it fails: the evidence of this criterion the message does not
    /// show yet, with what each would earn (the way to a pass).
    pub could_gain: Vec<Contribution>,
    /// The reason the team gave for accepting a failure, if waived.
    pub waived: Option<String>,
    /// The problems found (what lowered the score), each with its span.
    pub findings: Vec<Finding>,
    /// Everything that moved the score, up and down.
    pub breakdown: Vec<Contribution>,
}

/// The four criteria, in checklist order.
#[derive(Debug, Clone, PartialEq)]
pub struct Checklist {
    pub results: [CriterionResult; 4],
}

impl Checklist {
    pub fn get(&self, c: Criterion) -> &CriterionResult {
        &self.results[c.index()]
    }

    pub fn all_pass(&self) -> bool {
        self.results.iter().all(|r| r.pass)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DriftKind {
    OffStory,
    Contradiction,
    FactMismatch,
    AvoidedTerm,
}

impl DriftKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            DriftKind::OffStory => "off_story",
            DriftKind::Contradiction => "contradiction",
            DriftKind::FactMismatch => "fact_mismatch",
            DriftKind::AvoidedTerm => "avoided_term",
        }
    }
}

/// One way a message departs from the external story.
#[derive(Debug, Clone, PartialEq)]
pub struct Drift {
    pub kind: DriftKind,
    /// The pillar it departs from, when there is one.
    pub pillar: Option<String>,
    /// The words that drift; `None` for off_story (the whole message).
    pub span: Option<Span>,
    pub message: String,
    pub suggestion: Option<String>,
}

/// Words of a message that tie it to a pillar.
#[derive(Debug, Clone, PartialEq)]
pub struct Tie {
    pub pillar: String,
    pub span: Span,
    /// The pillar keyword these words matched.
    pub keyword: String,
}

/// How well a message carries the external story.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Alignment {
    /// 0–100.
    pub score: u8,
    /// Ids of the pillars the message supports, in the story's order.
    pub pillars: Vec<String>,
    pub ties: Vec<Tie>,
}

/// Everything chorus says about one internal message.
#[derive(Debug, Clone, PartialEq)]
pub struct MessageReview {
    pub id: String,
    /// What the message is for (`story` when the file names no kind).
    pub kind: String,
    pub checklist: Checklist,
    pub alignment: Alignment,
    pub drift: Vec<Drift>,
    /// The segments the text names.
    pub segments: Vec<String>,
    /// Not scored yet: a placeholder while a large set is scored in the
    /// background (the workbench shows its first screen before the rest).
    pub pending: bool,
    /// Not scored because the text is not English: the language it looks
    /// like ("Spanish"). Every criterion is then n/a and nothing drifts.
    pub language: Option<String>,
}

impl MessageReview {
    /// A placeholder for a message that has not been scored yet.
    pub fn pending(id: &str) -> MessageReview {
        let result = |criterion| CriterionResult {
            criterion,
            pass: true,
            applies: true,
            ..CriterionResult::default()
        };
        MessageReview {
            id: id.to_string(),
            kind: Message::DEFAULT_KIND.to_string(),
            checklist: Checklist {
                results: Criterion::ALL.map(result),
            },
            alignment: Alignment::default(),
            drift: Vec::new(),
            segments: Vec::new(),
            pending: true,
            language: None,
        }
    }

    /// The notice for a message chorus cannot read, if it is one.
    pub fn language_notice(&self) -> Option<String> {
        self.language
            .as_ref()
            .map(|l| format!("chorus reads English; this looks like {l} - not scored"))
    }

    /// Passes every criterion and shows no drift. A message chorus could
    /// not read (not English) is not clean: nobody has checked it.
    pub fn is_clean(&self) -> bool {
        self.language.is_none() && self.checklist.all_pass() && self.drift.is_empty()
    }
}

/// What the set as a whole leaves out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SetSummary {
    /// Pillars no message supports.
    pub uncovered_pillars: Vec<String>,
    /// Segments no message addresses (by audience or by name).
    pub unaddressed_segments: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SetReview {
    pub messages: Vec<MessageReview>,
    pub set: SetSummary,
}

impl SetReview {
    pub fn is_clean(&self) -> bool {
        self.messages.iter().all(MessageReview::is_clean)
    }
}

/// What chorus reads in a short text that is not a message of the set (an
/// employee's answer to a survey): the story it echoes and how it drifts,
/// without the checklist, which judges messages the team writes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reading {
    /// Not read because the text is not English: the language it looks like.
    pub language: Option<&'static str>,
    pub alignment: Alignment,
    pub drift: Vec<Drift>,
}
