//! The programme's data: what each signal found, and the inputs every
//! signal reads (the set, the review of each message, the lexicon's limits,
//! and the day it is read on). A leaf of `programme/`: the signal files
//! import it and nothing of each other.

use std::collections::HashMap;

use crate::core::lexicon::ProgrammeConfig;
use crate::core::model::{Audience, Date, MessageSet};
use crate::core::verdict::MessageReview;

/// The set read as a comms plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Programme {
    /// The day "last heard" and "planned" are counted from.
    pub today: Date,
    /// The quiet weeks in force (the set's, else the lexicon's).
    pub quiet_weeks: u32,
    /// The rows of every per-segment table: the set's segments.
    pub segments: Vec<String>,
    /// The columns of the coverage grid: the pillars' ids.
    pub pillars: Vec<String>,
    /// `coverage[segment][pillar]`: indexes (into `internal`) of the
    /// messages for that segment that support that pillar.
    pub coverage: Vec<Vec<Vec<usize>>>,
    /// Per segment, in `segments` order.
    pub channels: Vec<ChannelMix>,
    /// Who speaks to whom, most messages first.
    pub messengers: Vec<MessengerLine>,
    /// Per segment, in `segments` order.
    pub timeline: Vec<Heard>,
    /// What the set as a whole should look at, most telling first.
    pub findings: Vec<ProgrammeFinding>,
}

/// The channels one segment hears on.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChannelMix {
    pub face_to_face: usize,
    pub digital: usize,
    /// Messages for the segment that name no channel.
    pub unnamed: usize,
    /// Each channel with its number of messages, most first.
    pub by_channel: Vec<(String, usize)>,
}

/// One messenger: how many messages they send, and to each segment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MessengerLine {
    pub messenger: String,
    pub total: usize,
    /// Parallel to `Programme::segments`.
    pub per_segment: Vec<usize>,
}

/// When one segment last heard from us, and what is planned for it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Heard {
    /// The latest message dated on or before today, with its index.
    pub last: Option<(Date, usize)>,
    /// The next message dated after today, with its index.
    pub next: Option<(Date, usize)>,
    /// How many messages are dated after today.
    pub planned: usize,
}

/// The kinds of cross-message finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingKind {
    /// Messages that give different figures for the same fact.
    FigureConflict,
    /// A message that contradicts what another says of a pillar.
    Contradiction,
    /// A segment with nothing in the last N weeks.
    Quiet,
    /// A segment that hears on digital channels only.
    NoFaceToFace,
    /// Credit that keeps going to one segment.
    CreditToOne,
    /// Too many messages that talk at people.
    TalkingAt,
    /// One messenger sends most messages.
    OneMessenger,
    /// A pillar that only ever reaches one segment.
    PillarOneSegment,
}

impl FindingKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            FindingKind::FigureConflict => "figure_conflict",
            FindingKind::Contradiction => "contradiction",
            FindingKind::Quiet => "quiet_segment",
            FindingKind::NoFaceToFace => "no_face_to_face",
            FindingKind::CreditToOne => "credit_to_one",
            FindingKind::TalkingAt => "talking_at",
            FindingKind::OneMessenger => "one_messenger",
            FindingKind::PillarOneSegment => "pillar_one_segment",
        }
    }
}

/// One thing the set as a whole should look at: why, and the messages behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeFinding {
    pub kind: FindingKind,
    pub segment: Option<String>,
    pub pillar: Option<String>,
    /// Indexes (into `internal`) of the messages involved.
    pub messages: Vec<usize>,
    /// Why it matters, in the comms manager's words.
    pub message: String,
}

/// What every signal reads, worked out once: the segments each message
/// reaches (by audience; `all` reaches every segment).
pub struct Input<'a> {
    pub set: &'a MessageSet,
    pub reviews: &'a [MessageReview],
    pub config: &'a ProgrammeConfig,
    pub today: Date,
    /// Per message, the indexes of the segments it is for.
    pub reach: Vec<Vec<usize>>,
}

impl<'a> Input<'a> {
    pub fn new(set: &'a MessageSet, reviews: &'a [MessageReview], config: &'a ProgrammeConfig, today: Date) -> Self {
        let index: HashMap<&str, usize> = set.segments.iter().enumerate().map(|(i, s)| (s.as_str(), i)).collect();
        let all: Vec<usize> = (0..set.segments.len()).collect();
        let reach = set
            .internal
            .iter()
            .map(|m| match &m.audience {
                Audience::All => all.clone(),
                Audience::Segments(names) => names.iter().filter_map(|n| index.get(n.as_str()).copied()).collect(),
            })
            .collect();
        Input {
            set,
            reviews,
            config,
            today,
            reach,
        }
    }

    /// A list of message ids for a finding's text: the first few, then how many more.
    pub fn ids(&self, messages: &[usize]) -> String {
        const SHOWN: usize = 4;
        let mut out: Vec<&str> = messages
            .iter()
            .take(SHOWN)
            .map(|&i| self.set.internal[i].id.as_str())
            .collect();
        let more = messages.len().saturating_sub(SHOWN);
        let more = format!("{more} more");
        if messages.len() > SHOWN {
            out.push(&more);
        }
        out.join(", ")
    }
}

/// `part` out of `whole` in whole percent, rounded down.
pub fn percent(part: usize, whole: usize) -> usize {
    (part * 100).checked_div(whole).unwrap_or(0)
}
