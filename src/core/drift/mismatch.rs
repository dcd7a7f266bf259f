//! Fact mismatches: a figure in a message about the same thing as one of
//! the story's facts, with another value. Most of this file is about
//! "the same thing": which figures measure another act, another noun, a
//! period, a horizon or an offset, and so state nothing about the fact.

use super::facts::{self, Fact};
use super::DriftEngine;
use crate::core::analysis::Analysis;
use crate::core::lexicon::DriftRule;
use crate::core::text::phrases::Hit;
use crate::core::text::quantity::{Bound, Quantity, Unit};
use crate::core::text::tokens::Kind;
use crate::core::text::{is_function_word, stem};
use crate::core::verdict::Drift;

/// A fact a figure restates, with the figure's words.
pub(super) type Restated<'f> = (&'f Fact, (usize, usize));

impl DriftEngine {
    /// A figure in the message about the same thing as a fact of a pillar
    /// it talks about, with a different value. A target next to the
    /// correct current figure ("from 98% to 99%") is no mismatch.
    /// Also returns the facts a figure restates, with the fact's own words
    /// beside it: "we meet assisted passengers within 10 minutes" says what
    /// "passengers who book assistance are met within 10 minutes" says,
    /// and so carries its pillar.
    pub(super) fn fact_mismatches(
        &self,
        a: &Analysis,
        hits: &[Vec<Hit>],
        on_topic: &[bool],
    ) -> (Vec<Drift>, Vec<Restated<'_>>) {
        let mut out: Vec<Drift> = Vec::new();
        let mut restated = Vec::new();
        let mut stated: std::collections::HashMap<usize, bool> = std::collections::HashMap::new();
        for q in a.quantities.iter().filter(|q| q.explicit && !relative(a, q)) {
            let sentence = a.words[q.first].sentence;
            let mut best: Option<(usize, &Fact, &Quantity, usize)> = None;
            // "borrow a laptop for 48 hours" says how long a loan lasts,
            // not how soon anything is done.
            let lasts = facts::lasting(&a.words, q);
            // "check-ups move to 25-minute slots": a measure glued to its
            // noun is a length too, when the fact is one.
            let length = lasts || (a.words[q.last].glued && q.unit == Unit::Hours);
            let periodic = facts::periodic(&a.words, q);
            for f in &self.facts {
                let comparable = |(k, fq): &(usize, &Quantity)| {
                    fq.unit.same_dimension(&q.unit)
                        && periodic == f.periodic[*k]
                        // A bare length ("gets 90 mins outdoors a day") is
                        // how long, as a lasting fact is; "in 5 mins" is how
                        // soon.
                        && (lasts == f.lasting[*k]
                            || q.bound == fq.bound
                            || (f.lasting[*k] && (length || q.bound == Bound::Exact)))
                };
                for (_, fq) in f.quantities.iter().enumerate().filter(comparable) {
                    // What a figure is about is said close to it: "sold within
                    // 24 hours of baking", not anywhere in a long sentence.
                    let near =
                        |i: usize| a.words[i].sentence == sentence && i + WINDOW >= q.first && i <= q.last + WINDOW;
                    let matched: Vec<usize> = (0..f.context.len())
                        .filter(|&k| {
                            (q.first.saturating_sub(WINDOW)..(q.last + WINDOW + 1).min(a.words.len())).any(|i| {
                                // Strictly, or the singular of the fact's
                                // plural ("bike" for "bikes").
                                near(i)
                                    && (stem::matches(&a.words[i].forms, &f.context[k], false)
                                        || singular_of(&a.words[i].lower, &f.context[k][0])
                                        || same_verb(&a.words[i].forms, &f.context[k]))
                            })
                        })
                        .collect();
                    // The fact's verb counts only beside its other words: on
                    // its own it may be said of anything.
                    // A time of day belongs to one act ("orders placed by 3
                    // pm", "doors open at 8"): the verb is the evidence, and
                    // a pillar's keywords lend none ("parcels out of the door
                    // by 4 pm" is not the order cut-off).
                    let clock = q.unit == Unit::Clock;
                    let context = match matched.as_slice() {
                        [only] if Some(*only) == f.verb && !clock => 0,
                        m => m.len(),
                    };
                    // A pillar the message talks about lends its keywords as
                    // evidence; any other pillar's fact needs its own words
                    // near the figure ("repair stands within 2 days").
                    let keywords = &hits[self.pillars[f.pillar].keywords];
                    let from = keywords.partition_point(|h| h.first + WINDOW < q.first);
                    let keyword = keywords[from..]
                        .iter()
                        .take_while(|h| h.first <= q.last + WINDOW)
                        .any(|h| near(h.first));
                    // A figure that keeps the fact's bound ("answer every
                    // call within 30 seconds" under "no caller waits more
                    // than 2 minutes on hold") may well measure another
                    // step of the same work: only the fact's own words
                    // make it a misstatement of the fact.
                    let lends = on_topic[f.pillar] && !clock && !q.keeps_bound(fq) && !another_act(a, q);
                    let about = context + usize::from(lends && keyword);
                    if about > 0 && best.is_none_or(|(b, _, _, _)| about > b) {
                        best = Some((about, f, fq, context));
                    }
                }
            }
            let Some((_, fact, fq, context)) = best else { continue };
            let agrees = q.agrees_with(fq) && !edge_differs(a, q, fq);
            if agrees && context >= 2 {
                restated.push((fact, (q.first, q.last)));
            }
            // "last week the 07:10 left within 3 minutes of the timetable":
            // an event told in the past that kept the fact's bound, or that
            // is bounded otherwise ("went back within a day" beside "48
            // hours' notice"), reports what happened; it does not restate
            // the fact.
            if (q.keeps_bound(fq) || q.bound != fq.bound) && a.told_as_past(q.first) {
                continue;
            }
            // "under two minutes" is no misremembered "within 3 days": a
            // duration in another order of size measures something else.
            // Unless the fact's own words say it is the same thing ("every
            // bike is repaired within 60 days").
            if context == 0 && q.unit == crate::core::text::quantity::Unit::Hours && far_apart(q.value, fq.value) {
                continue;
            }
            // A stricter time of day inside the fact's ("on the doorstep
            // before 5am" against "by 7am") keeps it. Not a cut-off for what
            // customers do ("orders placed by 3 pm"): an earlier one there
            // takes time away from them.
            let cut_off = fact.text.split_whitespace().any(|t| {
                matches!(
                    t.to_ascii_lowercase().as_str(),
                    "placed" | "made" | "booked" | "ordered" | "submitted" | "logged" | "received" | "requested"
                )
            });
            let stricter = q.unit == Unit::Clock && !cut_off && q.keeps_bound(fq);
            if agrees
                || stricter
                || says_other(a, q, fact)
                || (context == 0 && {
                    let keywords = &hits[self.pillars[fact.pillar].keywords];
                    measures_other(a, q, fact, keywords) || share_of_other(a, q, fact, keywords)
                })
            {
                continue;
            }
            // The correct figure stated anywhere in the message makes the
            // other a target or a comparison ("within 24 hours today; by
            // autumn we want 8"). It must be the fact's own figure: "three
            // days before the van arrives" is inside an 8-week bound but
            // states nothing about it. Worked out once per fact figure.
            let current_beside = *stated.entry(fq as *const _ as usize).or_insert_with(|| {
                a.quantities
                    .iter()
                    .any(|o| o.explicit && o.unit.same_dimension(&fq.unit) && o.states(fq))
            });
            if current_beside || contrasted(a, q).is_some_and(|c| c.states(fq)) {
                continue;
            }
            let span = a.span(q.first, q.last);
            let pillar = &self.pillars[fact.pillar];
            let (figure, fact_figure) = (facts::describe(q), facts::describe(fq));
            let vars = [
                ("quote", a.quote(span)),
                ("figure", figure.as_str()),
                ("fact", fact.text.as_str()),
                ("fact_figure", fact_figure.as_str()),
            ];
            out.push(self.drift(DriftRule::FactMismatch, Some(&pillar.id), Some(span), &vars));
        }
        (out, restated)
    }
}

/// "refunds paid within 48 hours": a figure right after a participle
/// measures that act. With nothing but the pillar's keywords to tie it to
/// a fact about another act ("dispatched within 24 hours"), it is not read
/// as that fact.
fn another_act(a: &Analysis, q: &Quantity) -> bool {
    let Some(p) = q.first.checked_sub(1).map(|i| &a.words[i]) else {
        return false;
    };
    let participle = (p.lower.len() > 4 && p.lower.ends_with("ed"))
        || matches!(
            p.lower.as_str(),
            "paid"
                | "sent"
                | "made"
                | "done"
                | "given"
                | "taken"
                | "seen"
                | "met"
                | "kept"
                | "sold"
                | "told"
                | "held"
                | "built"
                | "brought"
                | "found"
                | "shown"
                | "run"
        );
    p.kind == Kind::Word && p.sentence == a.words[q.first].sentence && participle
}

/// "bike" for the fact's "bikes", "delivery" for "deliveries"; not "call"
/// for "caller", which names someone else.
fn singular_of(word: &str, plural: &str) -> bool {
    plural.strip_suffix('s') == Some(word)
        || plural.strip_suffix("es") == Some(word)
        || plural
            .strip_suffix("ies")
            .is_some_and(|s| word.strip_suffix('y') == Some(s))
}

/// "in 4 working days instead of 5", "45 minutes rather than 60", "3%,
/// down from 5": the bare number set against a figure is in the figure's
/// unit. It names the figure being replaced, so a fact's own figure there
/// makes the other a target.
fn contrasted(a: &Analysis, q: &Quantity) -> Option<Quantity> {
    let w = &a.words;
    let at = |i: usize| w.get(i).map(|x| x.lower.as_str());
    let number = match (at(q.last + 1), at(q.last + 2)) {
        (Some("instead" | "down" | "up"), Some("of" | "from"))
        | (Some("rather" | "compared"), Some("than" | "with" | "to")) => q.last + 3,
        (Some("not" | "versus" | "vs" | "against"), _) => q.last + 2,
        _ => return None,
    };
    let bare = w.get(number).filter(|x| x.kind == Kind::Number)?;
    // The written number of the figure gives its scale: 4 working days is
    // 96 hours, so the 5 beside it is 120.
    let written = (q.first..=q.last).find(|&i| w[i].kind == Kind::Number)?;
    let parse = |s: &str| s.replace(',', "").parse::<f64>().ok();
    let (value, figure) = (parse(&bare.lower)?, parse(&w[written].lower)?);
    if figure == 0.0 || q.high.is_some() {
        return None;
    }
    Some(Quantity {
        value: value * q.value / figure,
        ..q.clone()
    })
}

/// "over the next six months", "in the coming 12 weeks", "across the
/// past two years": the span a plan or a report covers, not a measure of
/// any promise in it.
fn horizon(a: &Analysis, q: &Quantity) -> bool {
    let w = &a.words;
    let at = |k: usize| q.first.checked_sub(k).map(|i| w[i].lower.as_str());
    q.unit == Unit::Hours
        && matches!(at(1), Some("next" | "coming" | "past" | "last"))
        && at(2) == Some("the")
        && matches!(
            at(3),
            Some("over" | "in" | "during" | "across" | "through" | "throughout")
        )
}

/// "took 1,400 calls in four days", "fitted 30 boilers over two weeks":
/// the span over which a count was reached is a rate, not a deadline.
/// "Quiet hours now begin at 11 pm" against "from 10 pm to 8 am": a time
/// given as a span's start or end is that end of the span, not a time
/// inside it ("back in bed by 1 am" is).
fn edge_differs(a: &Analysis, q: &Quantity, fq: &Quantity) -> bool {
    let (Unit::Clock, Some(high), None) = (&q.unit, fq.high, q.high) else {
        return false;
    };
    let w = &a.words;
    let cue = (q.first.saturating_sub(3)..q.first)
        .rev()
        .find_map(|j| match w[j].lower.as_str() {
            "begin" | "begins" | "start" | "starts" | "open" | "opens" | "from" => Some(fq.value),
            "end" | "ends" | "finish" | "finishes" | "close" | "closes" | "until" | "till" => Some(high),
            _ => None,
        });
    cue.is_some_and(|edge| (edge - q.value).abs() > 1e-9)
}

fn period_of_count(a: &Analysis, q: &Quantity) -> bool {
    let w = &a.words;
    let Some(p) = q
        .first
        .checked_sub(1)
        .filter(|&p| matches!(w[p].lower.as_str(), "in" | "over" | "across"))
    else {
        return q.unit == Unit::Hours && w[q.first].lower == "in" && counted_before(a, q.first);
    };
    q.unit == Unit::Hours && counted_before(a, p)
}

/// A count of things ("1,400 calls") a few words before word `i`, in its clause.
fn counted_before(a: &Analysis, i: usize) -> bool {
    let clause = a.words[i].clause;
    before(a, i, 5)
        .iter()
        .any(|c| matches!(&c.unit, Unit::Count(f) if !f.is_empty()) && c.explicit && a.words[c.last].clause == clause)
}

/// The quantities that end within `reach` words before word `i`: found by
/// binary search in the text-ordered list, so a long text of figures costs
/// no more than its length.
fn before<'a>(a: &'a Analysis, i: usize, reach: usize) -> &'a [Quantity] {
    let from = a.quantities.partition_point(|c| c.last + reach < i);
    let to = a.quantities.partition_point(|c| c.last < i);
    &a.quantities[from..to.max(from)]
}

/// "the other thirteen hotels", "another 5 stores", "20 more riders",
/// "15 minutes longer", "an hour earlier": an amount relative to something
/// else, not a statement of the total. "Twenty years ago" dates an event;
/// it measures nothing the story promises.
fn relative(a: &Analysis, q: &Quantity) -> bool {
    let before = q.first.checked_sub(1).map(|i| a.words[i].lower.as_str());
    let after = a.words.get(q.last + 1).map(|w| w.lower.as_str());
    // "open 15 minutes before departure": an offset from an event, not a
    // bound on how soon it happens.
    let offset = q.bound == crate::core::text::quantity::Bound::Exact
        && matches!(after, Some("before" | "after" | "ahead" | "prior" | "beforehand"));
    // "each write one staff pick", "two each", "one per person": a count
    // per head is not the total a fact counts.
    let w = &a.words;
    let counted = matches!(&q.unit, Unit::Count(f) if !f.is_empty());
    // ("each pool has 3 lifeguards" counts per pool, as the fact does.)
    let each_acting = q.first >= 2
        && w[q.first - 2].lower == "each"
        && w[q.first - 2].clause == w[q.first].clause
        && q.first >= 3
        && matches!(w[q.first - 3].kind, Kind::Word)
        && !matches!(
            w[q.first - 3].lower.as_str(),
            "the" | "a" | "an" | "of" | "in" | "on" | "at" | "to" | "for" | "by" | "from" | "with" | "and" | "or"
        );
    let per_head =
        counted && (before == Some("each") || each_acting || matches!(after, Some("each" | "apiece" | "per")));
    per_head
        || offset
        || horizon(a, q)
        || period_of_count(a, q)
        || matches!(before, Some("other" | "another" | "extra" | "additional"))
        || matches!(
            after,
            Some(
                "more"
                    | "extra"
                    | "additional"
                    | "longer"
                    | "shorter"
                    | "earlier"
                    | "later"
                    | "sooner"
                    | "less"
                    | "fewer"
                    | "ago"
            )
        )
}

/// "pick up 80% of chats within 45 seconds": a time given for a share of
/// something measures that something. Chats are not the calls of the fact.
fn share_of_other(a: &Analysis, q: &Quantity, fact: &Fact, keywords: &[Hit]) -> bool {
    let clause = a.words[q.first].clause;
    q.unit == Unit::Hours
        && before(a, q.first, 5).iter().any(|p| {
            p.unit == Unit::Percent
                && a.words[p.last].clause == clause
                && a.words.get(p.last + 1).is_some_and(|w| w.lower == "of")
                && measures_other(a, p, fact, keywords)
        })
}

/// "callers will be offered a 5-minute survey": a measure glued before a
/// noun measures that noun. When neither the noun nor the word after it is
/// one of the fact's words or its pillar's keywords, the figure is about
/// something else, whatever stands nearby ("our 48-hour reply promise"
/// still measures the reply).
fn measures_other(a: &Analysis, q: &Quantity, fact: &Fact, keywords: &[Hit]) -> bool {
    use crate::core::text::quantity::Unit;
    let w = &a.words;
    // "100% of the menu", "100% recycling": a share is of the noun after it.
    let share = q.unit == Unit::Percent;
    let attributive = w[q.last].glued && q.unit == Unit::Hours;
    if !attributive && !share {
        return false;
    }
    let phrase = headed(a, q);
    let Some(&noun) = phrase.last() else {
        return false;
    };
    // Either way round: "repair" is a form of the fact's "repaired".
    let of_fact = phrase.iter().any(|&i| {
        fact.context
            .iter()
            .any(|c| stem::matches(&w[i].forms, c, false) || w[i].forms.iter().any(|f| c.contains(f)))
    });
    // A share's noun must be the fact's own: a pillar keyword ("100%
    // recycling") is not the emissions the fact counts.
    if share {
        return !of_fact;
    }
    // A pillar keyword says what is measured only as the noun itself: the
    // session is not the consultation for being fear-free.
    // Hits are in text order: only those starting near the noun can hold it.
    let from = keywords.partition_point(|h| h.first + MAX_PHRASE < noun);
    let keyword_noun = keywords[from..]
        .iter()
        .take_while(|h| h.first <= noun)
        .any(|h| (h.first..=h.last).contains(&noun));
    !of_fact && !keyword_noun
}

/// The noun phrase a measure heads, up to its noun: "a 24-hour
/// turnaround", "the one-hour fear-free handling session", "100% of the
/// menu".
fn headed(a: &Analysis, q: &Quantity) -> Vec<usize> {
    let w = &a.words;
    let mut start = q.last + 1;
    if q.unit == Unit::Percent && w.get(start).is_some_and(|x| x.lower == "of") {
        start += 1;
        while w.get(start).is_some_and(|x| {
            matches!(
                x.lower.as_str(),
                "the" | "our" | "your" | "their" | "its" | "all" | "this"
            )
        }) {
            start += 1;
        }
    }
    let clause = w[q.last].clause;
    (start..(start + 4).min(w.len()))
        .take_while(|&i| w[i].clause == clause && w[i].kind == Kind::Word && !is_function_word(&w[i].lower))
        .collect()
}

/// "97% of repairs are done the same day" against "less than 2% of repairs
/// come back": the same noun, said to do something else. What follows the
/// share's noun, in its clause, names what is counted; when it has words
/// of its own and none of them is the fact's, the share counts another
/// thing. With nothing after the noun ("96% of repairs within 2 days"),
/// the noun decides.
fn says_other(a: &Analysis, q: &Quantity, fact: &Fact) -> bool {
    let w = &a.words;
    if q.unit != Unit::Percent || w.get(q.last + 1).is_none_or(|x| x.lower != "of") {
        return false;
    }
    let Some(&noun) = headed(a, q).first() else {
        return false;
    };
    let clause = w[noun].clause;
    // "60% of calls are picked up within 20 seconds": the fact's other
    // figure in the clause says the share is of the same thing, in other
    // words.
    let from = a.quantities.partition_point(|o| o.first <= q.last);
    let restated = a.quantities[from..]
        .iter()
        .take_while(|o| w[o.first].clause == clause)
        .any(|o| {
            fact.quantities
                .iter()
                .any(|fq| o.unit.same_dimension(&fq.unit) && o.states(fq))
        });
    if restated {
        return false;
    }
    // Quantities are in text order and do not overlap: the one that could
    // hold word `i` is the last to start at or before it.
    let figure = |i: usize| {
        let k = a.quantities.partition_point(|o| o.first <= i);
        k > 0 && a.quantities[k - 1].last >= i
    };
    let said: Vec<usize> = (noun + 1..(noun + 8).min(w.len()))
        .take_while(|&i| w[i].clause == clause && w[i].kind != Kind::Punct && !figure(i))
        .filter(|&i| {
            w[i].kind == Kind::Word
                && !is_function_word(&w[i].lower)
                && !matches!(
                    w[i].lower.as_str(),
                    "now" | "still" | "already" | "get" | "gets" | "got"
                )
        })
        .take(3)
        .collect();
    !said.is_empty()
        && !said.iter().any(|&i| {
            fact.context
                .iter()
                .any(|c| stem::matches(&w[i].forms, c, false) || w[i].forms.iter().any(|f| c.contains(f)))
        })
}

/// Durations more than a day's worth of hours apart (minutes against
/// days, days against years): a misremembered figure is off by a little or
/// a few times, not by a unit of time.
fn far_apart(a: f64, b: f64) -> bool {
    let (lo, hi) = (a.min(b), a.max(b));
    lo > 0.0 && hi / lo > 24.0
}

/// The longest keyword phrase, in words, looked back over for a noun.
const MAX_PHRASE: usize = 8;

/// How many words either side of a figure may say what it is about.
const WINDOW: usize = 6;

/// "we meet passengers" and "passengers are met": one verb, whichever of
/// the two is the irregular past.
fn same_verb(word: &[String], fact: &[String]) -> bool {
    fn base(forms: &[String]) -> &str {
        let w = forms[0].as_str();
        stem::irregular_base(w).unwrap_or(forms.get(1).map_or(w, String::as_str))
    }
    !word.is_empty()
        && !fact.is_empty()
        && (stem::irregular_base(&word[0]).is_some() || stem::irregular_base(&fact[0]).is_some())
        && base(word) == base(fact)
}

#[cfg(test)]
mod tests {
    use super::same_verb;
    use crate::core::text::stem::forms;

    #[test]
    fn an_irregular_past_is_its_verb() {
        assert!(same_verb(&forms("meet"), &forms("met")));
        assert!(same_verb(&forms("met"), &forms("meets")));
        assert!(same_verb(&forms("sending"), &forms("sent")));
        // Regular forms are compared elsewhere; other verbs differ.
        assert!(!same_verb(&forms("meet"), &forms("meets")));
        assert!(!same_verb(&forms("met"), &forms("send")));
        // A word that is also another word is left alone.
        assert!(!same_verb(&forms("left"), &forms("leave")));
    }
}
