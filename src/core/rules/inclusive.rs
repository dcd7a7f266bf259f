//! Inclusive: every employee in the audience can see their place in it.
//! Fails on exclusionary address ("guys"), on talking at people (orders,
//! threats, a leader's self-congratulation), and, for an audience of all,
//! on a goal or credit given to one segment ("our sales team the best").

use super::{distinct, orders, passive_at, sanctions, RuleContext, Tally};
use crate::core::lexicon::List;
use crate::core::model::Message;
use crate::core::text::cover::Cover;
use crate::core::text::phrases::Hit;
use crate::core::text::tokens::Kind;
use crate::core::text::Analysis;

pub fn score(a: &Analysis, message: &Message, ctx: &RuleContext, t: &mut Tally) {
    for h in distinct(a, &[List::Exclusionary]) {
        t.hit("exclusionary-address", a, &h);
    }
    for h in orders(a) {
        t.hit("order", a, &h);
    }
    for h in sanctions(a) {
        t.hit("sanction", a, &h);
    }
    for h in distinct(a, &[List::SelfCongratulation]) {
        t.hit("self-congratulation", a, &h);
    }
    // Credit to one group sets it apart; credit to everyone ("huge thanks
    // to everyone who ...") does not.
    let universal_at = a.cover(List::Universal);
    let universal_after = |h: &Hit| universal_at.starts_within(h.last + 1, h.last + 3);
    let singled: Vec<_> = distinct(a, &[List::SinglingOut])
        .into_iter()
        .filter(|h| !universal_after(h))
        .collect();
    // "everyone else" sets people apart; it does not invite them in.
    let singled_at = Cover::new(&singled);
    let universal = a
        .hits(List::Universal)
        .iter()
        .find(|u| !singled_at.overlaps(u.first, u.last));
    if let Some(h) = universal {
        t.hit("universal-invite", a, h);
    }
    if message.audience.is_all() {
        for h in &singled {
            t.hit("singled-out", a, h);
        }
    }
    if message.audience.is_all() && universal.is_none() {
        let hits = &a.segments;
        let mut named: Vec<usize> = hits.iter().map(|h| h.list).collect();
        named.sort_unstable();
        named.dedup();
        if named.len() == 1 {
            if let Some((h, end)) = hits.iter().find_map(|h| owner(a, h).map(|end| (h, end))) {
                let others: Vec<&str> = ctx
                    .segments
                    .iter()
                    .filter(|s| **s != ctx.segments[h.list])
                    .map(String::as_str)
                    .take(3)
                    .collect();
                t.add(
                    "one-segment-goal",
                    Some(a.span(h.first, end)),
                    &[("segments", &others.join(", "))],
                );
            }
        }
    }
}

/// Is this segment mention the owner of the goal or the credit? It is when
/// the segment is addressed ("Bakers, ..."), acts ("counter staff will
/// greet", "the crews need to"), or is named as a team ("our sales team").
/// Returns the last word of the owning phrase.
fn owner(a: &Analysis, h: &Hit) -> Option<usize> {
    let w = &a.words;
    let mut end = h.last;
    let group = at(a.hits(List::GroupNouns), end + 1).first();
    if let Some(g) = group {
        end = g.last;
    }
    let next = w.get(end + 1).filter(|n| n.sentence == w[h.first].sentence);
    let starts_sentence =
        h.first == 0 || w[h.first - 1].sentence != w[h.first].sentence || w[h.first - 1].kind == Kind::Punct;
    let vocative = starts_sentence && next.is_some_and(|n| matches!(n.lower.as_str(), "," | ":" | "!"));
    let acts = at(a.hits(List::SegmentVerbs), end + 1)
        .iter()
        .any(|v| !passive_at(a, v.last + 1));
    let named_team =
        group.is_some() && h.first > 0 && matches!(w[h.first - 1].lower.as_str(), "our" | "the" | "your" | "my");
    (vocative || acts || named_team).then_some(end)
}

/// The hits that start at word `i`, from hits in text order.
fn at(hits: &[Hit], i: usize) -> &[Hit] {
    let from = hits.partition_point(|h| h.first < i);
    let to = hits.partition_point(|h| h.first <= i);
    &hits[from..to]
}
