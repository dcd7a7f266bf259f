//! The message set as chorus understands it: schema v1 of DESIGN.md, plus
//! whatever a file carries that chorus does not know, so saving never drops it.

use std::fmt;

pub use crate::core::date::Date;

/// One YAML file: a brand, its external story, its segments and its internal messages.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MessageSet {
    pub version: u32,
    pub brand: String,
    pub external: External,
    pub segments: Vec<String>,
    pub internal: Vec<Message>,
    /// What the team allows before the programme flags it (`programme:`).
    pub programme: ProgrammeSettings,
    /// Unknown top-level keys and the file's key order.
    pub extra: Extra,
}

/// A set's own limits for the programme signals; each unset one takes the
/// lexicon's default.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProgrammeSettings {
    /// A segment with no message in this many weeks is flagged.
    pub quiet_weeks: Option<u32>,
    /// The share of talking-at messages (percent) above which the set is flagged.
    pub talking_at_share: Option<u8>,
    pub extra: Extra,
}

impl ProgrammeSettings {
    pub fn is_empty(&self) -> bool {
        self.quiet_weeks.is_none() && self.talking_at_share.is_none() && self.extra.unknown.is_empty()
    }
}

/// The story the company tells the world, and the claims it rests on.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct External {
    pub story: String,
    pub pillars: Vec<Pillar>,
    /// Terms the brand avoids; an inflection of one counts too.
    pub avoid: Vec<String>,
    pub extra: Extra,
}

/// One claim of the external story.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pillar {
    pub id: String,
    pub claim: String,
    /// Words that show a message supports this pillar (inflections count).
    pub keywords: Vec<String>,
    /// Statements with quantities, e.g. "Stands are repaired within 24 hours".
    pub facts: Vec<String>,
    /// Words that assert the contrary of the claim.
    pub opposites: Vec<String>,
    pub extra: Extra,
}

/// An internal message written for employees.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Message {
    pub id: String,
    /// What the message is for (`story` when unset): which criteria apply
    /// to it is lexicon data (`kinds` in the lexicon).
    pub kind: Option<String>,
    pub title: Option<String>,
    pub audience: Audience,
    pub channel: Option<String>,
    pub messenger: Option<String>,
    pub status: Option<Status>,
    /// The day the message goes out (`date: 2026-10-14`).
    pub date: Option<Date>,
    pub text: String,
    /// Criteria the team accepts failing, each with its reason.
    pub waive: Vec<Waiver>,
    pub extra: Extra,
}

impl Message {
    /// The kind a message without one has: it carries the story.
    pub const DEFAULT_KIND: &'static str = "story";

    /// The message's kind, `story` when it names none.
    pub fn kind(&self) -> &str {
        self.kind.as_deref().unwrap_or(Message::DEFAULT_KIND)
    }

    /// The waiver for `criterion`, if the team has accepted failing it.
    pub fn waiver(&self, criterion: Criterion) -> Option<&Waiver> {
        self.waive.iter().find(|w| w.criterion == criterion)
    }
}

/// Who a message is for: everyone, or named segments of the company.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Audience {
    #[default]
    All,
    Segments(Vec<String>),
}

impl Audience {
    pub fn is_all(&self) -> bool {
        matches!(self, Audience::All)
    }
}

impl fmt::Display for Audience {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Audience::All => f.write_str("all"),
            Audience::Segments(s) => f.write_str(&s.join(", ")),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Draft,
    Review,
    Approved,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Draft, Status::Review, Status::Approved];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Review => "review",
            Status::Approved => "approved",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A criterion the team accepts failing, and why.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Waiver {
    pub criterion: Criterion,
    pub reason: String,
    pub extra: Extra,
}

/// The four points of the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Criterion {
    #[default]
    Specific,
    Inclusive,
    Aspirational,
    Realistic,
}

impl Criterion {
    pub const ALL: [Criterion; 4] = [
        Criterion::Specific,
        Criterion::Inclusive,
        Criterion::Aspirational,
        Criterion::Realistic,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Criterion::Specific => "specific",
            Criterion::Inclusive => "inclusive",
            Criterion::Aspirational => "aspirational",
            Criterion::Realistic => "realistic",
        }
    }

    pub fn parse(s: &str) -> Option<Criterion> {
        Criterion::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Criterion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A YAML value chorus does not interpret, kept so it can be written back.
/// (Our own type, so that no module but the store names the YAML library.)
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// Numbers keep their written form, so `1.50` stays `1.50`.
    Number(String),
    String(String),
    Seq(Vec<Value>),
    Map(Vec<(Value, Value)>),
    Tagged(String, Box<Value>),
}

/// What a mapping in the file held beyond the fields chorus knows:
/// the unknown keys with their values, and the order of all keys as written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extra {
    /// Every key of the mapping, known or not, in the order of the file.
    pub order: Vec<String>,
    /// Unknown keys and their values.
    pub unknown: Vec<(String, Value)>,
}

impl Extra {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.unknown.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}
