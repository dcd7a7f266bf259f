//! Specific: a concrete what, plus a figure, a timeframe, a named
//! beneficiary, or a means or reason. Vague superlatives and buzzwords
//! ("be the best", "excellence", "synergy") count against it.

use super::common::distinct;
use super::tally::Tally;
use crate::core::analysis::Analysis;
use crate::core::lexicon::{List, Rule};
use crate::core::text::cover::Cover;
use crate::core::text::quantity::Unit;
use crate::core::text::tokens::Kind;
use crate::core::verdict::Span;

pub fn score(a: &Analysis, t: &mut Tally) {
    // No content, no pass: a figure and a date are not a what.
    if a.no_content() {
        t.add(Rule::NoContent, None, &[]);
    }
    let mut cues = 0;
    let counted = a.quantities.iter().position(|q| figure(a, q));
    if let Some(q) = counted.map(|k| &a.quantities[k]) {
        t.add(Rule::Quantity, Some(a.span(q.first, q.last)), &[]);
        cues += 1;
    }
    let time = distinct(
        a,
        &[List::Deadlines, List::EffectiveDates, List::Calendar, List::Frequencies],
    )
    .first()
    .map(|h| a.hit_span(h))
    .or_else(|| {
        // A duration already counted as the figure is one cue, not two:
        // "within five years" is a quantity or a timeframe, as the rubric
        // puts them together.
        a.quantities
            .iter()
            .enumerate()
            .find(|(k, q)| matches!(q.unit, Unit::Hours | Unit::Clock) && Some(*k) != counted)
            .map(|(_, q)| a.span(q.first, q.last))
    });
    if let Some(span) = time {
        t.add(Rule::Timeframe, Some(span), &[]);
        cues += 1;
    }
    // Who gains: not a segment of the company itself ("riders" in a
    // riders' co-op), and not "this hospital", the sender's own place.
    let segments = Cover::new(&a.segments);
    let beneficiary = a.hits(List::Beneficiaries).iter().find(|h| {
        let own = h.first > 0 && a.words[h.first - 1].lower == "this";
        !own && !segments.overlaps(h.first, h.last)
    });
    if let Some(h) = beneficiary {
        t.hit(Rule::Beneficiary, a, h);
        cues += 1;
    }
    let means = || a.hits(List::Means).first().map(|h| a.hit_span(h));
    if let Some(span) = reason(a).or_else(means) {
        t.add(Rule::Reason, Some(span), &[]);
        cues += 1;
    }
    // Quoting is not saying: "stop calling it 'the cheap stuff'" mentions
    // the word it drops; scare quotes ("our 'world-class' bakers") still
    // say it.
    let buzz: Vec<_> = distinct(a, &[List::Buzzwords])
        .into_iter()
        .filter(|h| !crate::core::text::quotes::mentioned(&a.words, h.first, a.negated_by[h.first].is_some()))
        .collect();
    for h in &buzz {
        t.hit(Rule::Buzzword, a, h);
    }
    let buzz = Cover::new(&buzz);
    for h in a.hits(List::Superlatives) {
        if buzz.overlaps(h.first, h.last) || scoped(a, h.first, h.last) {
            continue;
        }
        t.hit(Rule::VagueSuperlative, a, h);
    }
    if let Some(i) = most_adjective(a).filter(|&i| !scoped(a, i, i + 1) && !buzz.overlaps(i, i + 1)) {
        t.add(Rule::VagueSuperlative, Some(a.span(i, i + 1)), &[]);
    }
    if cues == 0 {
        t.add(Rule::NoConcreteDetail, None, &[]);
    }
}

/// "we'll become the UK's most-loved insurer", "to be the most trusted
/// name in town", "become the calmest salon": being "most" and an
/// adjective, or an adjective in -est, is a superlative claim, as being
/// "best" is. Not "most people" or "most of the week", which count,
/// and not "the most requested repairs will be done while you wait", which
/// picks things out rather than claiming to be them.
fn most_adjective(a: &Analysis) -> Option<usize> {
    let w = &a.words;
    let claimed = |i: usize| {
        (i.saturating_sub(5)..i).any(|j| {
            w[j].sentence == w[i].sentence
                && matches!(
                    w[j].lower.as_str(),
                    "be" | "become" | "becoming" | "is" | "are" | "'re" | "being" | "remain" | "stay"
                )
        })
    };
    (1..w.len().saturating_sub(1)).find(|&i| {
        let adjective = |l: &str| {
            l.len() > 4
                && ["ed", "ful", "ive", "ous", "able", "ible", "ic", "ar", "ing"]
                    .iter()
                    .any(|e| l.ends_with(e))
                && !l.ends_with("eed")
        };
        let most = w[i].lower == "most"
            && w[i + 1].kind == Kind::Word
            && w[i + 1].sentence == w[i].sentence
            && adjective(&w[i + 1].lower);
        // "become the calmest grooming name", "be the friendliest depot":
        // the same claim in one word. Not a time or a place ("the latest
        // rota", "the nearest branch"), nor a noun in -est.
        let l = w[i].lower.as_str();
        let est = l.len() > 5
            && l.ends_with("est")
            && !matches!(
                l,
                "latest"
                    | "nearest"
                    | "earliest"
                    | "honest"
                    | "modest"
                    | "interest"
                    | "request"
                    | "contest"
                    | "harvest"
            )
            && w[i + 1].kind == Kind::Word
            && w[i + 1].sentence == w[i].sentence
            && !crate::core::text::is_function_word(&w[i + 1].lower);
        (most || est) && matches!(w[i - 1].lower.as_str(), "the" | "'s" | "our" | "its") && claimed(i)
    })
}

/// A figure that makes a message checkable: digits, or a number word that
/// counts something ("two mechanics"). A number word alone is too often a
/// pronoun ("no one", "one day") or part of a slogan ("number one").
fn figure(a: &Analysis, q: &crate::core::text::quantity::Quantity) -> bool {
    let digits = (q.first..=q.last).any(|i| a.words[i].kind == Kind::Number);
    let counts = !matches!(&q.unit, Unit::Count(f) if f.is_empty());
    q.explicit
        && (digits || counts)
        && !a.covered_by(List::Superlatives, q.first, q.last)
        && !a.covered_by(List::Universal, q.first, q.last)
}

/// A means or reason: a phrase from the list, or "so" starting a clause of
/// consequence ("..., so a slow visit is fine") rather than an intensifier
/// ("so proud").
pub(super) fn reason(a: &Analysis) -> Option<Span> {
    // "until further notice", "until then": a condition with nothing in it.
    let empty = |h: &&crate::core::text::phrases::Hit| {
        a.words
            .get(h.last + 1)
            .is_some_and(|n| matches!(n.lower.as_str(), "further" | "then" | "later" | "now"))
    };
    // "big thanks to all the team": thanks with a word of size or warmth
    // before it is gratitude, not the "because of" of "thanks to the new
    // scanner, ...".
    let thanked = |h: &&crate::core::text::phrases::Hit| {
        a.words[h.first].lower == "thanks"
            && h.first > 0
            && a.words[h.first - 1].sentence == a.words[h.first].sentence
            && matches!(
                a.words[h.first - 1].lower.as_str(),
                "big"
                    | "huge"
                    | "massive"
                    | "special"
                    | "many"
                    | "heartfelt"
                    | "sincere"
                    | "warm"
                    | "warmest"
                    | "a"
                    | "our"
                    | "my"
                    | "great"
                    | "enormous"
                    | "extra"
                    | "sincerest"
                    | "biggest"
                    | "grateful"
            )
    };
    if let Some(h) = a.hits(List::Reasons).iter().find(|h| !empty(h) && !thanked(h)) {
        return Some(a.hit_span(h));
    }
    // "ideas for making the new mop system work": "for" and a gerund say
    // what the thing is for. Not a noun spelt like one: "thanks for
    // everything", "for spring", "for this morning".
    let calendar = a.cover(List::Calendar);
    let purpose = a.words.windows(2).enumerate().position(|(i, p)| {
        let noun = p[1].lower.ends_with("thing")
            || matches!(p[1].lower.as_str(), "morning" | "evening")
            || calendar.starts_at(i + 1);
        p[0].lower == "for"
            && p[1].clause == p[0].clause
            && p[1].lower.len() > 5
            && p[1].lower.ends_with("ing")
            && !noun
    });
    if let Some(i) = purpose {
        return Some(a.span(i, i + 1));
    }
    let intensified = a.cover(List::SoIntensified);
    a.words.iter().enumerate().find_map(|(i, w)| {
        let next = a.words.get(i + 1)?;
        (w.lower == "so" && next.kind != Kind::Punct && next.sentence == w.sentence && !intensified.starts_at(i + 1))
            .then(|| a.span(i, i + 1))
    })
}

/// "best in Texas", "best at repairs", "the best three ideas", "our best":
/// a superlative with a scope, a count, or an effort ("do our best") is not
/// the vague claim the rubric means.
fn scoped(a: &Analysis, first: usize, last: usize) -> bool {
    let w = &a.words;
    let before = first.checked_sub(1).map(|i| w[i].lower.as_str());
    if matches!(before, Some("our" | "your" | "their" | "my" | "his" | "her")) {
        return true;
    }
    if first >= 2 && w[first - 2].lower == "all" && before == Some("the") {
        return true; // "all the best"
    }
    if let Some(n) = w.get(last + 1).filter(|n| n.clause == w[last].clause) {
        // "the best ones", "the best of them": the pick of a set named.
        if matches!(n.lower.as_str(), "ones" | "one")
            || (n.lower == "of"
                && w.get(last + 2)
                    .is_some_and(|m| matches!(m.lower.as_str(), "them" | "these" | "those" | "the")))
        {
            return true;
        }
        if n.kind == Kind::Number || !crate::core::text::quantity::find(std::slice::from_ref(n)).is_empty() {
            return true;
        }
        // "best answer gets a bacon roll", "the best idea wins": a prize
        // for the pick of what people send in.
        if w.get(last + 2)
            .is_some_and(|v| matches!(v.lower.as_str(), "gets" | "wins" | "get" | "win"))
        {
            return true;
        }
    }
    // "the best-loved grocer in the world": a scope as wide as the world
    // narrows nothing.
    let boundless = a.cover(List::Hyperbole);
    (last + 1..(last + 5).min(w.len()))
        .take_while(|&j| w[j].clause == w[last].clause)
        .any(|j| matches!(w[j].lower.as_str(), "in" | "at" | "for" | "among" | "across") && !boundless.starts_at(j + 1))
}
