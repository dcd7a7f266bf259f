//! Realistic: reachable with the means people have or are given. Fails on
//! hyperbole (world, planet or universe scale, "unprecedented") and on
//! absolutes (always, never, forever, zero, 100%, perfect, overnight).
//! Literal uses ("real-world", "net zero") are removed during analysis.
//! An absolute that states a rule people keep ("we never share a member's
//! address", "always wear gloves") is a value, not a claim about outcomes.

use super::common::distinct;
use super::tally::Tally;
use crate::core::analysis::Analysis;
use crate::core::lexicon::{List, Rule};
use crate::core::text::cover::Cover;
use crate::core::text::phrases::Hit;
use crate::core::text::tokens::Kind;

pub fn score(a: &Analysis, t: &mut Tally) {
    // "Be legendary!" is a slogan (aspirational says so), not a claim that
    // something will happen.
    let slogans = a.cover(List::Inspiration);
    // "Dignity. Always.": an absolute standing alone as a sentence is a
    // value, a slogan's word, not a claim about what will happen.
    // Not one after a comma: "every bag to every passenger, every single
    // time" ends a claim.
    let exempt = |first: usize, last: usize| {
        let sentence = a.words[first].sentence;
        let before = first == 0 || a.words[first - 1].sentence != sentence;
        let after = a
            .words
            .get(last + 1)
            .is_none_or(|x| x.sentence != sentence || matches!(x.lower.as_str(), "." | "!" | "?" | "…"));
        let standalone = before && after;
        slogans.overlaps(first, last)
            || standalone
            || literal_zero(a, first, last)
            || conduct_rule(a, first, last)
            || time_of_day(a, first, last)
            || kept_rule(a, first, last)
            || trailing_rule(a, first, last)
            || option(a, first, last)
    };
    // "world-class" is a buzzword (specific says so), not a claim at the
    // scale of the world.
    let inside_buzzword = |h: &Hit| {
        a.hits_in(List::Buzzwords, h.first.saturating_sub(4), h.last + 1)
            .iter()
            .any(|b| b.first <= h.last && h.first <= b.last && (b.first < h.first || b.last > h.last))
    };
    let found: Vec<_> = distinct(a, &[List::Hyperbole, List::Absolutes])
        .into_iter()
        .filter(|h| h.list != List::Hyperbole as usize || !inside_buzzword(h))
        .collect();
    for h in &found {
        let hyperbole = h.list == List::Hyperbole as usize;
        if exempt(h.first, h.last) || (!hyperbole && past_record(a, h.first)) {
            continue;
        }
        let rule = if hyperbole { Rule::Hyperbole } else { Rule::Absolute };
        t.hit(rule, a, h);
    }
    // "done in under 15 minutes, guaranteed, every time": "every time"
    // ending a claim promises it without exception; "every time you open
    // a ticket" is a condition, and a reason for specific.
    for h in a.hits(List::Reasons) {
        let phrase = (h.first..=h.last)
            .map(|i| a.words[i].lower.as_str())
            .collect::<Vec<_>>();
        let ends = a
            .words
            .get(h.last + 1)
            .is_none_or(|n| n.kind == Kind::Punct || n.sentence != a.words[h.last].sentence);
        if phrase == ["every", "time"] && ends && !exempt(h.first, h.last) {
            t.add(Rule::Absolute, Some(a.hit_span(h)), &[]);
        }
    }
    for (first, last) in never_once(a, &Cover::new(&found)) {
        if !exempt(first, last) {
            t.add(Rule::Absolute, Some(a.span(first, last)), &[]);
        }
    }
}

/// "the year no bus ever breaks down", "nobody will ever wait": "ever"
/// under a negation a few words before it claims a thing will not happen
/// once. Not told of the past ("no one had ever asked"), and not where a
/// listed absolute already covers it.
fn never_once(a: &Analysis, listed: &Cover) -> Vec<(usize, usize)> {
    let w = &a.words;
    let negators = a.cover(List::Negators);
    w.iter()
        .enumerate()
        .filter(|(i, x)| x.lower == "ever" && !listed.overlaps(*i, *i))
        .filter_map(|(i, x)| {
            let neg = (i.saturating_sub(4)..i).find(|&j| w[j].clause == x.clause && negators.starts_at(j))?;
            (!a.told_as_past(i) && !done_to_people(a, neg, i)).then_some((neg, i))
        })
        .collect()
}

/// "nobody is ever hurried out", "no family is ever asked to pay": a
/// passive of what we do to people, under "no one ... ever", is a rule of
/// conduct we keep. Not an outcome they meet ("no patient is ever left
/// waiting") nor one of a thing ("no parcel is ever lost").
fn done_to_people(a: &Analysis, neg: usize, ever: usize) -> bool {
    let w = &a.words;
    let person = matches!(w[neg].lower.as_str(), "nobody" | "noone")
        || (w[neg].lower == "no"
            && w.get(neg + 1).is_some_and(|n| {
                matches!(
                    n.lower.as_str(),
                    "one" | "person" | "people" | "colleague" | "employee" | "family" | "child"
                ) || a.cover(List::Beneficiaries).overlaps(neg + 1, neg + 1)
            }));
    let passive = ever > 0
        && matches!(w[ever - 1].lower.as_str(), "is" | "are" | "be" | "gets" | "get" | "'s")
        && w.get(ever + 1).is_some_and(|v| {
            v.lower.len() > 3
                && (v.lower.ends_with("ed") || v.lower.ends_with("en") || v.lower == "told" || v.lower == "made")
        });
    // "no child is ever injured": harm met is an outcome, not conduct.
    let harmed = w.get(ever + 1).is_some_and(|v| {
        matches!(
            v.lower.as_str(),
            "injured" | "hurt" | "harmed" | "killed" | "lost" | "forgotten" | "missed" | "stranded" | "left"
        )
    });
    let outcome = harmed || a.cover(List::NegativeSense).starts_within(ever + 1, ever + 4);
    person && passive && !outcome
}

/// "the overnight engineering checks", "an overnight stay": "overnight"
/// naming when something happens, between a determiner and what it
/// describes, is a time of day, not a claim that change comes at once.
fn time_of_day(a: &Analysis, first: usize, last: usize) -> bool {
    let w = &a.words;
    if first != last || w[first].lower != "overnight" || first == 0 {
        return false;
    }
    let determiner = matches!(
        w[first - 1].lower.as_str(),
        "the" | "an" | "our" | "this" | "that" | "every" | "each" | "tonight's" | "their" | "your"
            // "on overnight calls", "for overnight stays": a preposition
            // before a noun the word describes.
            | "on" | "for" | "of" | "with" | "during" | "at" | "extra" | "new"
    );
    let describes = w
        .get(first + 1)
        .is_some_and(|n| n.kind == Kind::Word && n.sentence == w[first].sentence);
    // "the branch closes overnight", "vans stay overnight": how long
    // something is open, shut or left, through the night.
    // ("waits will come down overnight" is change at once.)
    let changing = first >= 2
        && w[first - 2]
            .forms
            .iter()
            .any(|f| matches!(f.as_str(), "come" | "go" | "went" | "came"));
    let through = !changing
        && matches!(
            w[first - 1].lower.as_str(),
            "open"
            | "opens"
            | "close"
            | "closes"
            | "closed"
            | "shut"
            | "shuts"
            | "stay"
            | "stays"
            | "stayed"
            | "left"
            | "leave"
            | "parked"
            | "kept"
            | "charge"
            | "charged"
            | "charging"
            | "working"
            | "running"
            | "sleep"
            // "two nurses down overnight", "on call overnight": how a
            // team is staffed through the night.
            | "down"
            | "short"
            | "staffed"
            | "covered"
            | "call"
            | "available"
        );
    // "upgraded overnight on Saturday 13 March", "closed overnight this
    // Friday": a night on the calendar is a time, not a speed.
    // Not a date something starts from or is due by ("change overnight
    // from June" is still at once).
    let dated = [List::Calendar, List::Deadlines]
        .into_iter()
        .any(|l| a.cover(l).starts_within(first + 1, first + 3))
        && !w
            .get(first + 1)
            .is_some_and(|n| matches!(n.lower.as_str(), "from" | "by" | "starting" | "until" | "till" | "in"));
    // "charge the tablets overnight", "leave the vans overnight": what is
    // left through the night may be named between.
    // A verb, not a noun ("every store will change overnight").
    // Any form of the verb ("by keeping a stocked van at both halls
    // overnight"), with its object between.
    // Back over the object only: a verb before "so", "but" or a new subject
    // ("keep going and we'll fix every bike overnight") is another act.
    let left = (first.saturating_sub(9)..first.saturating_sub(1))
        .rev()
        .take_while(|&j| {
            !matches!(
                w[j + 1].lower.as_str(),
                "so" | "but" | "we" | "they" | "you" | "i" | "'ll" | "will"
            )
        })
        .any(|j| {
            w[j].clause == w[first].clause
                && (matches!(w[j].lower.as_str(), "left" | "kept")
                    || w[j]
                        .forms
                        .iter()
                        .any(|f| matches!(f.as_str(), "leave" | "park" | "keep" | "charge")))
                && !(j > 0
                    && matches!(
                        w[j - 1].lower.as_str(),
                        "the" | "a" | "an" | "every" | "each" | "our" | "your" | "their" | "this" | "that"
                    ))
        });
    (determiner && describes) || through || left || dated || a.told_as_past(first)
}

/// "library assistants must wear their lanyards at all times", "wear
/// gloves every time": an absolute on what people are told to do is a rule
/// anyone can keep, as "always wear gloves" is.
fn kept_rule(a: &Analysis, first: usize, last: usize) -> bool {
    let w = &a.words;
    let phrase = w[first..=last]
        .iter()
        .map(|x| x.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if !matches!(
        phrase.as_str(),
        "at all times" | "every time" | "every single time" | "without fail"
    ) {
        return false;
    }
    let start = a.clause_start(first);
    // Near the absolute only: an instruction is short, and a long clause
    // must cost no more than its length.
    let near = start.max(first.saturating_sub(12))..first;
    // What is asked must be a deed anyone can do every time ("wear",
    // "lock", "sign"), not an outcome ("fix every bike the same day") or a
    // state ("be perfect").
    let conduct = |j: usize| w.get(j).is_some_and(|v| conduct_verb(&v.lower));
    near.clone().any(|j| {
        (matches!(w[j].lower.as_str(), "must" | "please") && conduct(j + 1))
            || (matches!(w[j].lower.as_str(), "need" | "needs" | "have" | "has")
                && w.get(j + 1).is_some_and(|n| n.lower == "to")
                && conduct(j + 2))
    }) || ((start == 0 || w[start - 1].sentence != w[start].sentence) && conduct(start))
}

/// "Please wear gloves on the bench, every time.", "we check every bike
/// with care, always.": an absolute in a clause of its own after a deed
/// anyone can do every time closes a rule. Not after a figure or a
/// guarantee ("every pay run done in under 15 minutes, guaranteed, every
/// time"), nor after an outcome ("you'll get every bag to every passenger,
/// every single time").
fn trailing_rule(a: &Analysis, first: usize, last: usize) -> bool {
    let w = &a.words;
    let alone = a.clause_start(first) == first
        && w.get(last + 1)
            .is_none_or(|n| n.kind == Kind::Punct || n.clause != w[last].clause);
    if !alone {
        return false;
    }
    let start = a.sentence_start(first).max(first.saturating_sub(16));
    // Quantities are in text order: one ending in the span is found by
    // binary search, so many absolutes cost no scan of every figure each.
    let k = a.quantities.partition_point(|q| q.last < start);
    let claimed = a.quantities.get(k).is_some_and(|q| q.last < first)
        || (start..first).any(|j| matches!(w[j].lower.as_str(), "guaranteed" | "guarantee" | "promise" | "promised"));
    !claimed && (start..first).any(|j| w[j].forms.iter().any(|f| conduct_verb(f)))
}

/// Deeds anyone can do every time ("wear", "lock", "sign"), unlike an
/// outcome ("fix every bike the same day") or a state ("be perfect").
fn conduct_verb(l: &str) -> bool {
    matches!(
        l,
        "wear"
            | "lock"
            | "sign"
            | "check"
            | "carry"
            | "keep"
            | "log"
            | "wash"
            | "follow"
            | "use"
            | "knock"
            | "show"
            | "record"
            | "switch"
            | "close"
            | "label"
            | "store"
            | "report"
            | "clean"
            | "hold"
    )
}

/// "we never pass a tenant's details to marketers", "we will never cut
/// corners", "always lock the van": "never" or "always" on what people do,
/// spoken by them or to them, is a rule anyone can keep. Not when it is said
/// of a thing ("no parcel will ever", "the app never crashes"), of a state
/// ("we will always be the fastest") or of an outcome ("we never miss a
/// deadline", "never lose a parcel": negating a bad outcome is a
/// performance promise).
fn conduct_rule(a: &Analysis, first: usize, last: usize) -> bool {
    let w = &a.words;
    if first != last || !matches!(w[first].lower.as_str(), "never" | "always") {
        return false;
    }
    // Who does it: "we", "I", "you", "everyone", or nobody named (an
    // imperative: "Never leave ...", "please always ..."), with only helping
    // words between.
    let clause = w[first].clause;
    // "Clip your alarm on before you walk in and never take it off": after
    // "and", a plain verb shares the order before it; a thing's verb would
    // agree with the thing ("the app loads fast and never crashes").
    let plain_after = w.get(last + 1).is_some_and(|v| {
        let l = v.lower.as_str();
        v.kind == Kind::Word && !l.ends_with('s') && !l.ends_with("ed") && !l.ends_with("ing")
    });
    let mut j = first;
    let agent = loop {
        if j == 0 || w[j - 1].sentence != w[first].sentence {
            // An imperative opening the sentence.
            break true;
        }
        if w[j - 1].clause != clause || w[j - 1].kind != Kind::Word {
            // After a leading "when ...," clause, still an instruction;
            // after a noun and a comma ("our vans, always clean"), a claim.
            break opening_clause(a, j);
        }
        j -= 1;
        match w[j].lower.as_str() {
            "and" if plain_after && j + 1 == first => break true,
            "will" | "'ll" | "would" | "must" | "should" | "shall" | "can" | "do" | "does" | "still" | "please"
            | "and" | "so" => continue,
            "we" | "i" | "you" | "everyone" | "everybody" => break true,
            _ => break false,
        }
    };
    let Some(verb) = w.get(last + 1).filter(|v| v.clause == clause && v.kind == Kind::Word) else {
        return false;
    };
    let state = matches!(
        verb.lower.as_str(),
        "be" | "been" | "is" | "are" | "get" | "have" | "ever"
    );
    let outcome = a
        .hits_in(List::NegativeSense, (last + 1).saturating_sub(4), last + 2)
        .iter()
        .any(|h| h.first <= last + 1 && last < h.last + 1);
    agent && !state && !outcome
}

/// Does the clause before word `i` open its sentence with "when", "if",
/// "before" ...? ("When you lock up, always check the back door.")
fn opening_clause(a: &Analysis, i: usize) -> bool {
    let w = &a.words;
    // A leading clause is short; looking further back would cost a scan of
    // the sentence for every absolute.
    let start = (i.saturating_sub(30)..i)
        .rev()
        .take_while(|&j| w[j].sentence == w[i].sentence)
        .last()
        .unwrap_or(i);
    start < i
        && matches!(
            w[start].lower.as_str(),
            "when" | "if" | "before" | "after" | "whenever" | "once" | "each" | "every" | "until" | "till" | "while"
        )
}

/// "they can always bring them back", "riders could always ask the desk":
/// a choice always open to people is an option, not a promise. What a
/// thing or the sender can always do ("the app can always find it") is
/// still a claim.
fn option(a: &Analysis, first: usize, last: usize) -> bool {
    let w = &a.words;
    if first != last
        || w[first].lower != "always"
        || first < 2
        || !matches!(w[first - 1].lower.as_str(), "can" | "could")
    {
        return false;
    }
    // A choice people make ("ask", "bring it back"), not what they get
    // ("customers can always get their order within 4 hours").
    let chosen = w.get(last + 1).is_some_and(|v| {
        matches!(
            v.lower.as_str(),
            "ask"
                | "call"
                | "ring"
                | "bring"
                | "return"
                | "swap"
                | "talk"
                | "book"
                | "come"
                | "choose"
                | "pop"
                | "drop"
                | "email"
                | "message"
                | "change"
                | "cancel"
                | "try"
                | "go"
                | "speak"
                | "phone"
                | "text"
                | "send"
        )
    });
    let s = first - 2;
    let people = [a.cover(List::Beneficiaries), a.cover(List::GroupNouns)];
    // Segments are in text order: one look by binary search.
    let k = a.segments.partition_point(|h| h.last < s);
    let segment = a.segments.get(k).is_some_and(|h| h.last == s);
    chosen
        && (matches!(
            w[s].lower.as_str(),
            "you" | "they" | "he" | "she" | "someone" | "anyone" | "people"
        ) || people.iter().any(|c| c.overlaps(s, s))
            || segment)
}

/// "41 wagons loaded on Friday and not one went out short", "nobody
/// waited last night": an absolute told of what already happened is a
/// record, not a promise. Not in a sentence that also looks ahead ("last
/// year we were late, this year zero late trains"); and a boast stays a
/// boast ("the best in the world", "unprecedented": hyperbole, not here).
fn past_record(a: &Analysis, first: usize) -> bool {
    let sentence = a.words[first].sentence;
    let w = &a.words;
    // "not one order went out late this week": "this week" in the
    // record's own clause is the time it covers, not a time ahead.
    let clause = w[first].clause;
    let ahead = [List::Future, List::Deadlines, List::EffectiveDates]
        .into_iter()
        .flat_map(|l| a.hits_in(l, first.saturating_sub(12), first + 12))
        .any(|h| w[h.first].sentence == sentence && !(w[h.first].lower == "this" && w[h.first].clause == clause));
    // "We promised customers zero late deliveries": a promise told in the
    // past is still a promise.
    let near = first.saturating_sub(12)..(first + 12).min(w.len());
    let promised = near.clone().any(|j| {
        w[j].sentence == sentence
            && [
                "promise",
                "pledge",
                "commit",
                "goal",
                "target",
                "aim",
                "vow",
                "guarantee",
            ]
            .iter()
            .any(|p| w[j].lower.starts_with(p))
    });
    // The past is the absolute's own clause: "41 wagons loaded and not one
    // went out short".
    let own_past = near.filter(|&j| w[j].clause == clause && j != first).any(|j| {
        let x = w[j].lower.as_str();
        matches!(
            x,
            "was" | "were" | "went" | "came" | "got" | "had" | "did" | "made" | "took" | "left" | "kept" | "ran"
        ) || (x.len() > 4 && x.ends_with("ed"))
    });
    !ahead && !promised && own_past && a.told_as_past(first)
}

/// "zero-alcohol cocktails", "a zero balance": zero as a plain quantity
/// describing a thing, not a promise of perfection ("zero damage").
fn literal_zero(a: &Analysis, first: usize, last: usize) -> bool {
    let w = &a.words;
    if first != last || w[first].lower != "zero" {
        return false;
    }
    let compound = w.get(first + 1).is_some_and(|n| n.glued);
    let counted = first > 0 && matches!(w[first - 1].lower.as_str(), "a" | "an");
    compound || counted
}
