//! The programme in the JSON report, under each file's `set`: `findings`
//! (each with its kind, the messages involved and why) and `programme`
//! (coverage counts, channel and messenger mix, timeline). Added fields
//! only: nothing of the contract is renamed.

use serde::Serialize;

use crate::core::model::MessageSet;
use crate::core::programme::{Programme, ProgrammeFinding};

#[derive(Serialize)]
pub struct SetFindingJson<'a> {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    segment: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pillar: Option<&'a str>,
    messages: Vec<&'a str>,
    message: &'a str,
}

#[derive(Serialize)]
pub struct ProgrammeJson<'a> {
    as_of: String,
    quiet_weeks: u32,
    coverage: Vec<CoverageJson<'a>>,
    channels: Vec<ChannelsJson<'a>>,
    messengers: Vec<MessengerJson<'a>>,
    timeline: Vec<HeardJson<'a>>,
}

#[derive(Serialize)]
struct CoverageJson<'a> {
    segment: &'a str,
    /// Per pillar id, how many messages for this segment support it.
    pillars: Vec<Count<'a>>,
}

#[derive(Serialize)]
struct Count<'a> {
    id: &'a str,
    messages: usize,
}

#[derive(Serialize)]
struct ChannelsJson<'a> {
    segment: &'a str,
    face_to_face: usize,
    digital: usize,
    unnamed: usize,
    by_channel: Vec<Count<'a>>,
}

#[derive(Serialize)]
struct MessengerJson<'a> {
    messenger: &'a str,
    messages: usize,
    segments: Vec<Count<'a>>,
}

#[derive(Serialize)]
struct HeardJson<'a> {
    segment: &'a str,
    last_heard: Option<String>,
    last_message: Option<&'a str>,
    next: Option<String>,
    next_message: Option<&'a str>,
    planned: usize,
}

/// The findings of `programme`, with message ids from `set`.
pub fn findings<'a>(programme: &'a Programme, set: &'a MessageSet) -> Vec<SetFindingJson<'a>> {
    programme.findings.iter().map(|f| finding(f, set)).collect()
}

fn finding<'a>(f: &'a ProgrammeFinding, set: &'a MessageSet) -> SetFindingJson<'a> {
    SetFindingJson {
        kind: f.kind.as_str(),
        segment: f.segment.as_deref(),
        pillar: f.pillar.as_deref(),
        messages: f.messages.iter().map(|&i| set.internal[i].id.as_str()).collect(),
        message: &f.message,
    }
}

/// The tables of `programme`.
pub fn programme<'a>(p: &'a Programme, set: &'a MessageSet) -> ProgrammeJson<'a> {
    let id = |i: usize| set.internal[i].id.as_str();
    let seg = |s: usize| p.segments[s].as_str();
    ProgrammeJson {
        as_of: p.today.to_string(),
        quiet_weeks: p.quiet_weeks,
        coverage: p
            .coverage
            .iter()
            .enumerate()
            .map(|(s, row)| CoverageJson {
                segment: seg(s),
                pillars: row
                    .iter()
                    .zip(&p.pillars)
                    .map(|(cell, id)| Count {
                        id,
                        messages: cell.len(),
                    })
                    .collect(),
            })
            .collect(),
        channels: p
            .channels
            .iter()
            .enumerate()
            .map(|(s, m)| ChannelsJson {
                segment: seg(s),
                face_to_face: m.face_to_face,
                digital: m.digital,
                unnamed: m.unnamed,
                by_channel: m
                    .by_channel
                    .iter()
                    .map(|(c, n)| Count { id: c, messages: *n })
                    .collect(),
            })
            .collect(),
        messengers: p
            .messengers
            .iter()
            .map(|l| MessengerJson {
                messenger: &l.messenger,
                messages: l.total,
                segments: l
                    .per_segment
                    .iter()
                    .enumerate()
                    .map(|(s, n)| Count {
                        id: seg(s),
                        messages: *n,
                    })
                    .collect(),
            })
            .collect(),
        timeline: p
            .timeline
            .iter()
            .enumerate()
            .map(|(s, h)| HeardJson {
                segment: seg(s),
                last_heard: h.last.map(|(d, _)| d.to_string()),
                last_message: h.last.map(|(_, i)| id(i)),
                next: h.next.map(|(d, _)| d.to_string()),
                next_message: h.next.map(|(_, i)| id(i)),
                planned: h.planned,
            })
            .collect(),
    }
}
