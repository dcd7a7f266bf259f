//! The review of a message set: every internal message scored on the
//! checklist and checked for drift, plus what the set as a whole leaves out.
//! This is what `chorus check` reports and what the workbench shows.

use crate::core::analysis::Analysis;
use crate::core::drift::DriftEngine;
use crate::core::lexicon::Lexicon;
use crate::core::model::{Audience, Message, MessageSet};
use crate::core::rules::{self, RuleContext};
use crate::core::text::language;
use crate::core::text::phrases::{FormHashes, Hit};
use crate::core::text::tokens::{self, Word};
use crate::core::verdict::{DriftKind, MessageReview, Reading, SetReview, SetSummary};

/// What the review of a message being edited keeps for the next review of
/// it: the text, its words and their hashes, and the phrases found in it
/// (by the lexicon, the segments and the story, before any rule's sifting).
#[derive(Debug)]
pub struct Reread {
    /// The reviewer that found them: another one's phrases are another story's.
    by: u64,
    text: String,
    words: Vec<Word>,
    hashes: FormHashes,
    hits: [Vec<Vec<Hit>>; 3],
}

/// Reviews messages of one set. Build it once per set (it prepares the
/// pillar and segment matchers), then review any message in microseconds:
/// the workbench rebuilds it only when the story or segments change.
pub struct Reviewer<'a> {
    lexicon: &'a Lexicon,
    rules: RuleContext,
    drift: DriftEngine,
    /// This reviewer's number, unique in the process (see `Reread::by`).
    id: u64,
}

impl<'a> Reviewer<'a> {
    pub fn new(set: &MessageSet, lexicon: &'a Lexicon) -> Reviewer<'a> {
        Reviewer {
            lexicon,
            rules: RuleContext::new(set, lexicon),
            drift: DriftEngine::new(set, lexicon),
            id: {
                static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
                NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            },
        }
    }

    pub fn review(&self, message: &Message) -> MessageReview {
        self.review_from(message, None, false).0
    }

    /// `review` of a message being edited, given what its last review kept
    /// (`None` at first), which this one replaces: only what follows the
    /// edit is split into words and searched for phrases again (the rules
    /// still read the whole text).
    pub fn review_again(&self, message: &Message, last: &mut Option<Reread>) -> MessageReview {
        let (review, kept) = self.review_from(message, last.take(), true);
        *last = kept;
        review
    }

    fn review_from(&self, message: &Message, last: Option<Reread>, keep: bool) -> (MessageReview, Option<Reread>) {
        // English rules would give a text in another language verdicts that
        // mean nothing: say so once instead.
        if let Some(language) = language::foreign(&message.text) {
            let mut r = MessageReview::pending(&message.id);
            r.pending = false;
            r.kind = message.kind().to_string();
            r.language = Some(language.to_string());
            for c in r.checklist.results.iter_mut() {
                c.applies = false;
            }
            return (r, None);
        }
        let text = &message.text;
        let (words, kept, hashes, before) = match last.filter(|l| l.by == self.id) {
            Some(last) => {
                let (words, kept) = tokens::retokenize(&last.text, last.words, text);
                let hashes = last.hashes.after_edit(&words, kept);
                (words, kept, hashes, last.hits)
            }
            None => {
                let words = tokens::tokenize(text);
                let hashes = FormHashes::new(&words);
                (words, 0, hashes, [Vec::new(), Vec::new(), Vec::new()])
            }
        };
        let [lexicon_before, segments_before, story_before] = before;
        let lexicon_hits = self.lexicon.index().find_after(&words, &hashes, lexicon_before, kept);
        let lexicon_kept = if keep { lexicon_hits.clone() } else { Vec::new() };
        let mut analysis = Analysis::with_hits(text, words, hashes, lexicon_hits);
        let segment_hits = self.rules.segments_found(&analysis, segments_before, kept);
        analysis.segments = segment_hits.iter().flatten().copied().collect();
        let story_hits = self.drift.find_after(&analysis, story_before, kept);
        let story_kept = if keep { story_hits.clone() } else { Vec::new() };
        // Drift first: a sentence that contradicts the story sets no goal.
        let (alignment, mut drift) = self.drift.check_hits(&analysis, story_hits);
        let mut against: Vec<usize> = drift
            .iter()
            .filter(|d| d.kind == DriftKind::Contradiction)
            .filter_map(|d| analysis.word_at(d.span?.start))
            .collect();
        against.sort_unstable();
        analysis.against_story = against;
        let mut checklist = rules::score(&analysis, message, &self.rules, self.lexicon);
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
        let review = MessageReview {
            id: message.id.clone(),
            kind: message.kind().to_string(),
            checklist,
            alignment,
            drift,
            segments: self.rules.segments_named(&analysis),
            pending: false,
            language: None,
        };
        let kept = keep.then(|| Reread {
            by: self.id,
            text: text.clone(),
            words: std::mem::take(&mut analysis.words),
            hashes: std::mem::take(&mut analysis.hashes),
            hits: [lexicon_kept, segment_hits, story_kept],
        });
        (review, kept)
    }

    /// Read a text against the story as a message is read (pillars echoed,
    /// drift), without the checklist: for what employees say back. A text
    /// that is not English is not read at all, only named.
    pub fn read(&self, text: &str) -> Reading {
        if let Some(language) = language::foreign(text) {
            return Reading {
                language: Some(language),
                ..Reading::default()
            };
        }
        let analysis = Analysis::new(text, self.lexicon);
        let (alignment, drift) = self.drift.check(&analysis);
        Reading {
            language: None,
            alignment,
            drift,
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

    /// What the set as a whole leaves out, given the reviews of its
    /// messages: pillars no message supports, and segments no message is
    /// for (by audience) or names.
    pub fn summarize(&self, set: &MessageSet, reviews: &[MessageReview]) -> SetSummary {
        let uncovered_pillars = set
            .external
            .pillars
            .iter()
            .filter(|p| !reviews.iter().any(|r| r.alignment.pillars.contains(&p.id)))
            .map(|p| p.id.clone())
            .collect();
        let unaddressed_segments = self
            .rules
            .segments
            .iter()
            .filter(|s| {
                let by_audience = set
                    .internal
                    .iter()
                    .any(|m| matches!(&m.audience, Audience::Segments(list) if list.contains(s)));
                !by_audience && !reviews.iter().any(|r| r.segments.contains(s))
            })
            .cloned()
            .collect();
        SetSummary {
            uncovered_pillars,
            unaddressed_segments,
        }
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
