//! Findings across messages, read from each message's review (its drift,
//! ties and checklist findings), never from the text again: different
//! figures for the same fact, a message contradicting another, credit that
//! keeps going to one segment, and a share of talking-at messages above
//! what the set allows.

use std::collections::BTreeMap;

use super::plan::{percent, FindingKind, Input, ProgrammeFinding};
use crate::core::verdict::DriftKind;

/// Per pillar, the messages whose figures for its fact differ from one another.
pub fn figure_conflicts(input: &Input) -> Vec<ProgrammeFinding> {
    let mut out = Vec::new();
    for pillar in &input.set.external.pillars {
        // figure as written (lower case, spaces folded) → messages.
        let mut figures: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, review) in input.reviews.iter().enumerate() {
            for d in review.drift.iter().filter(|d| d.kind == DriftKind::FactMismatch) {
                let (Some(span), Some(p)) = (d.span, d.pillar.as_deref()) else {
                    continue;
                };
                if p != pillar.id {
                    continue;
                }
                let quote = span.quote(&input.set.internal[i].text);
                let figure = quote.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
                let at = figures.entry(figure).or_default();
                if at.last() != Some(&i) {
                    at.push(i);
                }
            }
        }
        if figures.len() < 2 {
            continue;
        }
        let said: Vec<String> = figures
            .iter()
            .map(|(figure, ms)| {
                format!(
                    "{} say{} \"{figure}\"",
                    input.ids(ms),
                    if ms.len() == 1 { "s" } else { "" }
                )
            })
            .collect();
        let mut messages: Vec<usize> = figures.into_values().flatten().collect();
        messages.sort_unstable();
        messages.dedup();
        let fact = pillar.facts.first().map_or(pillar.claim.as_str(), String::as_str);
        out.push(ProgrammeFinding {
            kind: FindingKind::FigureConflict,
            segment: None,
            pillar: Some(pillar.id.clone()),
            message: format!(
                "Messages give different figures for \"{fact}\": {}. Readers who see both stop \
                 trusting either: agree one figure.",
                said.join("; ")
            ),
            messages,
        });
    }
    out
}

/// Per pillar, messages that contradict it beside messages that support it.
pub fn contradictions(input: &Input) -> Vec<ProgrammeFinding> {
    let mut out = Vec::new();
    for pillar in &input.set.external.pillars {
        let against = |i: usize| {
            input.reviews[i]
                .drift
                .iter()
                .any(|d| d.kind == DriftKind::Contradiction && d.pillar.as_deref() == Some(pillar.id.as_str()))
        };
        let (mut contra, mut support) = (Vec::new(), Vec::new());
        for (i, r) in input.reviews.iter().enumerate() {
            if against(i) {
                contra.push(i);
            } else if r.alignment.pillars.contains(&pillar.id) {
                support.push(i);
            }
        }
        if contra.is_empty() || support.is_empty() {
            continue;
        }
        let message = format!(
            "{} contradict{} what {} say{} of \"{}\": staff hear both and believe neither.",
            input.ids(&contra),
            if contra.len() == 1 { "s" } else { "" },
            input.ids(&support),
            if support.len() == 1 { "s" } else { "" },
            pillar.claim
        );
        contra.extend(support);
        contra.sort_unstable();
        out.push(ProgrammeFinding {
            kind: FindingKind::Contradiction,
            segment: None,
            pillar: Some(pillar.id.clone()),
            message,
            messages: contra,
        });
    }
    out
}

/// Credit (messages of a credit kind) going mostly to one segment: the one
/// the text names, else the one it is for.
pub fn credit_to_one(input: &Input) -> Vec<ProgrammeFinding> {
    let segments = &input.set.segments;
    let mut credited: Vec<Vec<usize>> = vec![Vec::new(); segments.len()];
    let mut total = 0;
    for (i, m) in input.set.internal.iter().enumerate() {
        if !input.config.credit_kinds.iter().any(|k| k == m.kind()) {
            continue;
        }
        total += 1;
        let named: Vec<usize> = input.reviews[i]
            .segments
            .iter()
            .filter_map(|n| segments.iter().position(|s| s == n))
            .collect();
        let to = if named.is_empty() && input.reach[i].len() < segments.len() {
            input.reach[i].clone()
        } else {
            named
        };
        for s in to {
            credited[s].push(i);
        }
    }
    if total < input.config.min_messages || segments.len() < 2 {
        return Vec::new();
    }
    let Some((s, top)) = credited
        .iter()
        .enumerate()
        .max_by_key(|(s, c)| (c.len(), usize::MAX - s))
    else {
        return Vec::new();
    };
    let share = percent(top.len(), total);
    if share < usize::from(input.config.credit_share) {
        return Vec::new();
    }
    vec![ProgrammeFinding {
        kind: FindingKind::CreditToOne,
        segment: Some(segments[s].clone()),
        pillar: None,
        message: format!(
            "{} of {total} thank-you messages credit {} ({}): celebrating one part of the \
             business over the others tires everyone else.",
            top.len(),
            segments[s],
            input.ids(top)
        ),
        messages: top.clone(),
    }]
}

/// The share of messages that talk at people (a finding of one of the
/// lexicon's talking-at rules) above the set's threshold.
pub fn talking_at(input: &Input, threshold: u8) -> Vec<ProgrammeFinding> {
    let at: Vec<usize> = input
        .reviews
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            r.checklist
                .results
                .iter()
                .flat_map(|c| &c.findings)
                .any(|f| input.config.talking_at.contains(&f.rule))
        })
        .map(|(i, _)| i)
        .collect();
    let total = input.reviews.len();
    let share = percent(at.len(), total);
    if at.is_empty() || share <= usize::from(threshold) {
        return Vec::new();
    }
    vec![ProgrammeFinding {
        kind: FindingKind::TalkingAt,
        segment: None,
        pillar: None,
        message: format!(
            "{share}% of the messages talk at people ({} of {total}: {}), above the {threshold}% \
             the set allows: ask, invite and explain instead of telling.",
            at.len(),
            input.ids(&at)
        ),
        messages: at,
    }]
}
