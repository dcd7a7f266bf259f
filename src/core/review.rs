//! The review of a message set: every internal message scored on the
//! checklist and checked for drift, plus what the set as a whole leaves out.
//! This is what `chorus check` reports and what the workbench shows.

use crate::core::drift::{self, DriftEngine};
use crate::core::lexicon::Lexicon;
use crate::core::model::{Criterion, Message, MessageSet};
use crate::core::rules::{self, RuleContext};

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
#[derive(Debug, Clone, PartialEq)]
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
    pub fn as_str(self) -> &'static str {
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
#[derive(Debug, Clone, PartialEq)]
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
            score: 0,
            pass: true,
            applies: true,
            pass_mark: 0,
            could_gain: Vec::new(),
            waived: None,
            findings: Vec::new(),
            breakdown: Vec::new(),
        };
        MessageReview {
            id: id.to_string(),
            kind: crate::core::model::Message::DEFAULT_KIND.to_string(),
            checklist: Checklist {
                results: Criterion::ALL.map(result),
            },
            alignment: Alignment {
                score: 0,
                pillars: Vec::new(),
                ties: Vec::new(),
            },
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

/// Reviews messages of one set. Build it once per set (it prepares the
/// pillar and segment matchers), then review any message in microseconds:
/// the workbench rebuilds it only when the story or segments change.
pub struct Reviewer<'a> {
    lexicon: &'a Lexicon,
    rules: RuleContext,
    drift: DriftEngine,
}

impl<'a> Reviewer<'a> {
    pub fn new(set: &MessageSet, lexicon: &'a Lexicon) -> Reviewer<'a> {
        Reviewer {
            lexicon,
            rules: RuleContext::new(set, lexicon),
            drift: DriftEngine::new(set, lexicon),
        }
    }

    pub fn review(&self, message: &Message) -> MessageReview {
        // English rules would give a text in another language verdicts that
        // mean nothing: say so once instead.
        if let Some(language) = crate::core::text::language::foreign(&message.text) {
            let mut r = MessageReview::pending(&message.id);
            r.pending = false;
            r.kind = message.kind().to_string();
            r.language = Some(language.to_string());
            for c in r.checklist.results.iter_mut() {
                c.applies = false;
            }
            return r;
        }
        let mut analysis = crate::core::text::Analysis::new(&message.text, self.lexicon);
        analysis.segments = self.rules.segment_hits(&analysis);
        let mut checklist = rules::score(&analysis, message, &self.rules, self.lexicon);
        let (alignment, mut drift) = self.drift.check(&analysis);
        // What the message is for decides which checks apply; a kind the
        // lexicon does not know (refused on load) is read as a story.
        if let Some(kind) = self.lexicon.kind(message.kind()) {
            for r in checklist.results.iter_mut().filter(|r| !kind.applies(r.criterion)) {
                r.applies = false;
                r.pass = true;
                r.findings.clear();
                r.could_gain.clear();
            }
            if !kind.needs_pillar() {
                drift.retain(|d| d.kind != DriftKind::OffStory);
            }
        }
        MessageReview {
            id: message.id.clone(),
            kind: message.kind().to_string(),
            checklist,
            alignment,
            drift,
            segments: self.rules.segments_named(&analysis),
            pending: false,
            language: None,
        }
    }

    /// Review many messages; large batches are shared across every core,
    /// since messages are independent.
    pub fn review_all(&self, messages: &[Message]) -> Vec<MessageReview> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
        if threads < 2 || messages.len() < 512 {
            return messages.iter().map(|m| self.review(m)).collect();
        }
        let chunk = messages.len().div_ceil(threads);
        std::thread::scope(|s| {
            let handles: Vec<_> = messages
                .chunks(chunk)
                .map(|part| s.spawn(|| part.iter().map(|m| self.review(m)).collect::<Vec<_>>()))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("reviewing a message does not panic"))
                .collect()
        })
    }

    /// What the set as a whole leaves out, given the reviews of its messages.
    pub fn summarize(&self, set: &MessageSet, reviews: &[MessageReview]) -> SetSummary {
        drift::summarize(set, reviews, &self.rules)
    }
}

/// Review every message of `set`.
pub fn review_set(set: &MessageSet, lexicon: &Lexicon) -> SetReview {
    let reviewer = Reviewer::new(set, lexicon);
    let messages = reviewer.review_all(&set.internal);
    let set_summary = reviewer.summarize(set, &messages);
    SetReview {
        messages,
        set: set_summary,
    }
}
