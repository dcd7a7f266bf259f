//! Readings of a message that rules of more than one criterion share:
//! hits without overlaps, orders, sanctions, and the passive "will be done".

use crate::core::analysis::Analysis;
use crate::core::lexicon::List;
use crate::core::text::phrases::Hit;

/// Hits of the given lists with overlaps removed, the longer kept, in text order.
/// A hit overlaps a kept one exactly when one of its words is taken, so
/// each hit costs its own length, not the number kept.
pub fn distinct(a: &Analysis, lists: &[List]) -> Vec<Hit> {
    let mut all: Vec<Hit> = lists.iter().flat_map(|l| a.hits(*l).iter().copied()).collect();
    all.sort_by_key(|h| (std::cmp::Reverse(h.last - h.first), h.first));
    let mut taken = vec![false; a.words.len()];
    let mut kept: Vec<Hit> = Vec::new();
    for h in all {
        if !taken[h.first..=h.last].iter().any(|t| *t) {
            taken[h.first..=h.last].iter_mut().for_each(|t| *t = true);
            kept.push(h);
        }
    }
    kept.sort_by_key(|h| h.first);
    kept
}

/// Orders that talk at people: not those spoken as one of the group
/// ("we need to", "let's"), not negated ("you don't have to"), and not
/// the needs of customers ("fewer patients have to drive").
pub fn orders(a: &Analysis) -> Vec<Hit> {
    distinct(a, &[List::Orders, List::Obligations])
        .into_iter()
        .filter(|h| {
            let w = &a.words;
            let clause = w[h.first].clause;
            let inclusive_subject = (h.first.saturating_sub(3)..h.first)
                .any(|j| w[j].clause == clause && matches!(w[j].lower.as_str(), "we" | "us" | "'s" | "together"));
            // "so fewer people need to ring in": a need made smaller, not an order.
            let lessened = (h.first.saturating_sub(3)..h.first).any(|j| {
                w[j].clause == clause && matches!(w[j].lower.as_str(), "fewer" | "less" | "nobody" | "no one")
            });
            // "those homeowners will have to arrange repairs": back over a
            // modal to whoever the need falls on.
            let mut k = h.first;
            while k > 0
                && matches!(
                    w[k - 1].lower.as_str(),
                    "will" | "'ll" | "would" | "may" | "might" | "still" | "also" | "then"
                )
            {
                k -= 1;
            }
            let customer_subject = k > 0 && a.cover(List::Beneficiaries).ends_at(k - 1);
            // "skip the check if you need to", "unless you have to": a
            // need left to the reader's judgement, not an order.
            let conditional = (h.first.saturating_sub(4)..h.first)
                .any(|j| w[j].clause == clause && matches!(w[j].lower.as_str(), "if" | "unless" | "whenever"));
            !inclusive_subject && !lessened && !customer_subject && !conditional && a.negated_by[h.first].is_none()
        })
        .collect()
}

/// Sanctions, which also mark a "will" as a threat rather than a goal.
pub fn sanctions(a: &Analysis) -> Vec<Hit> {
    distinct(a, &[List::Sanctions])
        .into_iter()
        .filter(|h| !reported_thing(a, h))
        .collect()
}

/// "progress will be reported monthly", "the old signs will be removed":
/// a passive of telling or moving said of a thing, with no one it goes to,
/// reports or tidies; "lateness will be reported to HR", "anyone caught
/// will be reported" threaten.
fn reported_thing(a: &Analysis, h: &Hit) -> bool {
    let w = &a.words;
    let moving = (h.first..=h.last).any(|j| {
        matches!(
            w[j].lower.as_str(),
            "reported" | "escalated" | "removed" | "named" | "taken"
        )
    });
    // "anyone who leaves the keys out will be suspended": only people are
    // suspended as a sanction; "the 7:10 service will be suspended from
    // Monday" is news of a thing.
    let suspended = (h.first..=h.last).any(|j| w[j].lower == "suspended");
    if !(moving || suspended) || !matches!(w[h.first].lower.as_str(), "will" | "be") {
        return false;
    }
    // "will be taken off the rota", "will be removed from": the hit may
    // end in its own "off" or "from".
    let toward = |j: usize| {
        w.get(j)
            .is_some_and(|n| matches!(n.lower.as_str(), "to" | "off" | "from"))
    };
    let to_someone = !suspended && (toward(h.last + 1) || toward(h.last));
    let people = a.cover(List::Beneficiaries);
    let groups = a.cover(List::GroupNouns);
    let segments = a.segment_cover();
    let someone = (a.clause_start(h.first)..h.first).any(|j| {
        matches!(
            w[j].lower.as_str(),
            "you"
                | "your"
                | "anyone"
                | "anybody"
                | "those"
                | "they"
                | "he"
                | "she"
                | "whoever"
                | "staff"
                | "people"
                | "who"
                | "colleague"
                | "colleagues"
                | "employee"
                | "employees"
        ) || people.overlaps(j, j)
            || groups.overlaps(j, j)
            || segments.overlaps(j, j)
    });
    !to_someone && !someone
}

/// "will be signed", "will be driven": the passive makes people the object
/// of a plan, not its owners. `i` is the word after "will".
pub fn passive_at(a: &Analysis, i: usize) -> bool {
    let w = &a.words;
    let Some(be) = w.get(i) else { return false };
    if be.lower != "be" {
        return false;
    }
    w.get(i + 1).is_some_and(|p| {
        let l = p.lower.as_str();
        (l.ends_with("ed") || l.ends_with("en")) && l.len() > 3
            || matches!(
                l,
                "done"
                    | "made"
                    | "paid"
                    | "sent"
                    | "held"
                    | "told"
                    | "kept"
                    | "built"
                    | "brought"
                    | "bought"
                    | "put"
                    | "set"
                    | "run"
                    | "shut"
                    | "cut"
                    | "met"
                    | "left"
                    | "lost"
                    | "sold"
                    | "led"
                    | "read"
                    | "fed"
            )
    })
}
