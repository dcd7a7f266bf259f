//! The checklist: is a message specific, inclusive, aspirational and
//! realistic? One file per criterion; the words each rule looks for and
//! what it says are in the lexicon.

mod aspirational;
mod inclusive;
mod realistic;
mod specific;
mod tally;

use crate::core::lexicon::{Lexicon, List};
use crate::core::model::{Criterion, Message, MessageSet};
use crate::core::review::Checklist;
use crate::core::text::phrases::{Hit, PhraseIndex};
use crate::core::text::Analysis;
use tally::Tally;

/// What the rules know about the set: its segments, indexed once.
pub struct RuleContext {
    pub segments: Vec<String>,
    segment_index: PhraseIndex,
    /// The brand's name as words ("lemonad.ly"), so "Lemonad.ly will ..." reads as the company acting.
    brand: Vec<String>,
}

impl RuleContext {
    pub fn new(set: &MessageSet, lexicon: &Lexicon) -> RuleContext {
        let mut segment_index = PhraseIndex::new();
        for s in &set.segments {
            // A segment is named by its name or by any alias the lexicon gives
            // it, and one of its people by the singular ("the dentist" for
            // "dentists"). Not by a look-alike: "planting" is not "planning".
            let mut names: Vec<String> = vec![s.clone()];
            names.extend(lexicon.segment_aliases(s).into_iter().map(String::from));
            let singulars: Vec<String> = names.iter().filter_map(|n| singular(n)).collect();
            names.extend(singulars);
            segment_index.add_list(&names, false);
        }
        RuleContext {
            segments: set.segments.clone(),
            segment_index,
            brand: crate::core::text::tokens::tokenize(&set.brand)
                .into_iter()
                .filter(|w| w.is_word() && w.lower.len() > 2)
                .map(|w| w.lower)
                .collect(),
        }
    }

    pub fn is_brand(&self, word: &str) -> bool {
        self.brand.iter().any(|b| b == word)
    }

    /// Segment mentions in a text: one hit per mention, `list` = segment index.
    pub fn segment_hits(&self, a: &Analysis) -> Vec<Hit> {
        self.segment_index
            .find(&a.words, &a.hashes)
            .into_iter()
            .flatten()
            .collect()
    }

    /// The segments a text names, in the set's order (from `a.segments`).
    pub fn segments_named(&self, a: &Analysis) -> Vec<String> {
        let mut idx: Vec<usize> = a.segments.iter().map(|h| h.list).collect();
        idx.sort_unstable();
        idx.dedup();
        idx.into_iter().map(|i| self.segments[i].clone()).collect()
    }
}

/// "dental nurses" → "dental nurse"; `None` when the last word is not a
/// plural of people or things in -s. A department named for its work
/// ("sales", "operations", "logistics") has no singular: "a sale" is not
/// the sales team.
fn singular(name: &str) -> Option<String> {
    let (head, last) = name.rsplit_once(' ').map_or(("", name), |(h, l)| (h, l));
    let lower = last.to_lowercase();
    if matches!(
        lower.as_str(),
        "sales" | "operations" | "logistics" | "communications" | "facilities" | "analytics"
    ) || lower.ends_with("ss")
    {
        return None;
    }
    let stem = lower.strip_suffix('s')?;
    let forms = crate::core::text::stem::forms(&lower);
    let one = forms.iter().skip(1).find(|f| f.as_str() == stem)?;
    Some(if head.is_empty() {
        one.clone()
    } else {
        format!("{head} {one}")
    })
}

/// Score one message on all four criteria.
pub fn score(a: &Analysis, message: &Message, ctx: &RuleContext, lex: &Lexicon) -> Checklist {
    let run = |c: Criterion| {
        let mut t = Tally::new(lex, a, c);
        match c {
            Criterion::Specific => specific::score(a, &mut t),
            Criterion::Inclusive => inclusive::score(a, message, ctx, &mut t),
            Criterion::Aspirational => aspirational::score(a, message, ctx, &mut t),
            Criterion::Realistic => realistic::score(a, &mut t),
        }
        t.finish(message)
    };
    Checklist {
        results: Criterion::ALL.map(run),
    }
}

/// Hits of the given lists with overlaps removed, the longer kept, in text order.
/// A hit overlaps a kept one exactly when one of its words is taken, so
/// each hit costs its own length, not the number kept.
fn distinct(a: &Analysis, lists: &[List]) -> Vec<Hit> {
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
fn orders(a: &Analysis) -> Vec<Hit> {
    distinct(a, &[List::Orders])
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
            let customer_subject = h.first > 0 && a.cover(List::Beneficiaries).ends_at(h.first - 1);
            !inclusive_subject && !lessened && !customer_subject && a.negated_by[h.first].is_none()
        })
        .collect()
}

/// Sanctions, which also mark a "will" as a threat rather than a goal.
fn sanctions(a: &Analysis) -> Vec<Hit> {
    distinct(a, &[List::Sanctions])
}

/// "will be signed", "will be driven": the passive makes people the object
/// of a plan, not its owners. `i` is the word after "will".
fn passive_at(a: &Analysis, i: usize) -> bool {
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

#[cfg(test)]
mod tests {
    use super::singular;

    #[test]
    fn a_segment_of_people_has_a_singular() {
        assert_eq!(singular("dental nurses").as_deref(), Some("dental nurse"));
        assert_eq!(singular("dentists").as_deref(), Some("dentist"));
        assert_eq!(singular("offices").as_deref(), Some("office"));
        assert_eq!(singular("sales"), None);
        assert_eq!(singular("IT"), None);
        assert_eq!(singular("front desk"), None);
    }
}
