//! Whether a sentence asserts what a pillar's words say or their opposite:
//! negation and what turns it back, mentions, acceptance, commands and plans.

use super::orders::{commanded, handed_on, just_order};
use crate::core::analysis::Analysis;
use crate::core::lexicon::List;
use crate::core::text::cover::Cover;
use crate::core::text::is_function_word;
use crate::core::text::phrases::Hit;
use crate::core::text::tokens::Kind;
use std::collections::HashSet;

/// A keyword under negation contradicts its pillar ("we don't bake fresh
/// anymore"), unless the keyword names something bad whose negation is the
/// promise ("never make a customer wait"), or a second negative word turns
/// it back ("never compromise on freshness", "so that no patient leaves
/// without a date", "no van leaves with a brake fault"), or the keyword
/// only describes the thing the negation is about ("we never reuse a
/// cooking oil drum": it is the reuse that is denied, not cooking).
/// Returns the negator.
pub(super) fn contrary_negation(a: &Analysis, h: &Hit, negative_sense: bool, opposed: &Cover) -> Option<usize> {
    let neg = a.negated_by[h.first]?;
    if negative_sense {
        return None;
    }
    // "guests who have never stayed with us": a description of someone,
    // not a claim about the company.
    let w = &a.words;
    // So is "anyone caught without a hard hat": who breaks the rule.
    // ("anyone found on the track without a lookout": where they are
    // found may come between.)
    if (neg.saturating_sub(6)..neg).any(|j| {
        w[j].clause == w[neg].clause
            && ((neg - j <= 3 && matches!(w[j].lower.as_str(), "who" | "which" | "that" | "whom")) || offender_at(a, j))
    }) {
        return None;
    }
    let (lo, hi) = (neg.min(h.first), neg.max(h.first));
    // Two negations turn the keyword back: a negative word or a second
    // negator between ("never send water the lab hasn't tested"), or a
    // negator itself under negation ("no shut-off goes ahead without
    // notice").
    // So does a pillar's opposite between ("no sailing leaves with an
    // untrained deckhand on board").
    let double = a.cover(List::NegativeSense).within(lo + 1, hi)
        || a.cover(List::Negators).within(lo + 1, hi)
        || opposed.within(lo + 1, hi)
        || a.negated_by[neg].is_some_and(|outer| outer < neg);
    // A negative word after the keyword, in its clause, is what is negated:
    // "no van leaves with a brake fault", "not one trained mechanic will
    // be late".
    let clause = w[h.first].clause;
    // "no passenger should be left stranded": so is a pillar's opposite.
    let negative_after = neg < h.first
        && ([List::NegativeSense, List::Negators].iter().any(|l| {
            a.hits_in(*l, h.last + 1, h.last + 7)
                .iter()
                .any(|n| w[n.first].clause == clause)
        }) || (h.last + 1..(h.last + 10).min(w.len())).any(|j| w[j].clause == clause && opposed.starts_at(j))
            || exceeded_after(a, neg, h));
    // "we never brew from extract", "never bake with frozen dough": with the
    // keyword itself the negated verb, the negation falls on how it is done,
    // which keeps the promise ("no longer offer a check with each service"
    // still takes the check away).
    // "no longer going to explain config errors": a negative word that is
    // the object of the keyword, an infinitive, is what the keyword acts
    // on; the negation still falls on the keyword.
    let infinitive = h.first > 0 && w[h.first - 1].lower == "to";
    let object_only = infinitive && {
        let negative = a.cover(List::NegativeSense);
        (h.last + 1..(h.last + 3).min(w.len()))
            .find(|&j| negative.starts_at(j))
            .is_some_and(|j| (h.last + 1..j).all(|k| w[k].kind == Kind::Word && !is_function_word(&w[k].lower)))
    };
    let negative_after = negative_after && !object_only;
    let verb_negated = neg < h.first
        && (neg + 1..h.first).all(|j| matches!(w[j].lower.as_str(), "will" | "'ll" | "be" | "longer" | "ever" | "do"));
    let manner = verb_negated
        && (h.last + 1..(h.last + 6).min(w.len()))
            .any(|j| w[j].clause == clause && matches!(w[j].lower.as_str(), "from" | "with" | "using"));
    let located = neg < h.first && placed(a, neg, h);
    // "so nobody has to choose between safety and the timetable": what is
    // denied is the choice, not the things chosen between.
    let choice = neg < h.first && (neg + 1..h.first).any(|j| w[j].lower == "between");
    let kept = double
        || negative_after
        || manner
        || located
        || choice
        || precondition(a, neg, h)
        || describes_object(a, neg, h);
    (!kept).then_some(neg)
}

/// "no order took longer than a day", "not one call waited over 2
/// minutes": a negated subject whose verb goes past a bound denies the
/// excess, which sets a limit; the keyword itself is not denied.
/// The bound may come before the keyword too: "no order took longer than
/// a day to dispatch".
fn exceeded_after(a: &Analysis, neg: usize, h: &Hit) -> bool {
    let w = &a.words;
    // A negated subject: not "no longer", which denies the verb.
    let subject = matches!(w[neg].lower.as_str(), "no" | "not" | "nobody" | "none" | "noone")
        && w.get(neg + 1).is_none_or(|n| n.lower != "longer");
    if !subject {
        return false;
    }
    let clause = w[h.first].clause;
    let end = (h.last + 9).min(w.len());
    (neg + 1..end)
        .filter(|&j| j < h.first || j > h.last)
        .take_while(|&j| w[j].clause == clause && !matches!(w[j].lower.as_str(), "because" | "so" | "since" | "as"))
        .any(|j| {
            let next = |k: usize| w.get(j + k).map(|n| n.lower.as_str());
            match w[j].lower.as_str() {
                "more" | "longer" | "later" | "fewer" | "less" => next(1) == Some("than"),
                "over" | "beyond" | "past" | "under" => w.get(j + 1).is_some_and(|n| n.kind == Kind::Number),
                _ => false,
            }
        })
}

/// "never print a farm's name until the roastery has checked it", "don't
/// run a batch till Steve signs it off": held back until something is done
/// first, the act is ordered after it, not given up. Held back until a
/// time ("no fresh bread until March", "until further notice") it is.
fn precondition(a: &Analysis, neg: usize, h: &Hit) -> bool {
    let w = &a.words;
    // Only a rule for how to work holds an act back: "never", or "don't"
    // opening the sentence. "We won't do checks until the bench is
    // rebuilt" gives them up for now.
    let start = a.sentence_start(neg);
    // "No order is dispatched before it is checked": "no" opening the
    // sentence states a rule for every case.
    // ("No bikes will be checked until the bench is in" still puts the
    // checks off: a "no" rule holds an act back only "before" a deed.)
    let no_rule = matches!(w[neg].lower.as_str(), "no" | "nothing" | "nobody") && neg == start;
    let ordered = w[neg].lower == "never"
        || no_rule
        || (matches!(w[neg].lower.as_str(), "n't" | "not")
            && neg > start
            && w[neg - 1].lower == "do"
            && (neg - 1 == start || w[neg - 2].lower == "please"));
    if !ordered {
        return false;
    }
    let sentence = w[h.first].sentence;
    let Some(u) = (h.last + 1..(h.last + 9).min(w.len()))
        .take_while(|&j| w[j].sentence == sentence)
        .find(|&j| match w[j].lower.as_str() {
            "until" | "till" | "unless" => !no_rule || w[neg].lower == "never",
            "before" => true,
            _ => false,
        })
    else {
        return false;
    };
    let timed = [List::Calendar, List::Deadlines, List::Frequencies]
        .into_iter()
        .any(|l| a.cover(l).starts_within(u + 1, u + 3));
    let time_word = (u + 1..(u + 4).min(w.len())).any(|j| {
        w[j].kind == Kind::Number
            || matches!(
                w[j].lower.as_str(),
                "further" | "then" | "next" | "end" | "after" | "later" | "tomorrow" | "now"
            )
            // "until March", "till May": months that are verbs too.
            || (w[j].capital && matches!(w[j].lower.as_str(), "march" | "may"))
    });
    // Something is done: a verb follows within a few words ("the roastery
    // has checked", "Steve signs").
    let done = (u + 2..(u + 6).min(w.len())).any(|j| {
        w[j].sentence == sentence
            && (matches!(
                w[j].lower.as_str(),
                "has" | "have" | "is" | "are" | "'s" | "was" | "gets" | "get"
            ) || (w[j].lower.len() > 3
                && w[j].lower.ends_with('s')
                && !w[j].lower.ends_with("ss")
                && w[j - 1].capital)
                || (w[j].lower.len() > 4 && w[j].lower.ends_with("ed")))
    });
    !timed && !time_word && done
}

/// "a bag she said was stale", "a guest who complained the room was
/// cold": what someone outside said is reported, not asserted by us. "We
/// said we'd be late" still is, and so is what our own manager said.
fn reported(a: &Analysis, h: &Hit) -> bool {
    let w = &a.words;
    let start = a.sentence_start(h.first).max(h.first.saturating_sub(8));
    let outsiders = a.cover(List::Beneficiaries);
    (start..h.first).any(|j| {
        let speech = matches!(
            w[j].lower.as_str(),
            "said" | "says" | "told" | "reported" | "complained" | "claimed" | "reckoned" | "felt" | "thought"
        );
        // The speaker: a third person, or one of those we serve ("a
        // customer said", "a guest who complained").
        let third = j > 0 && matches!(w[j - 1].lower.as_str(), "she" | "he" | "they");
        let outsider = (j.saturating_sub(3)..j).any(|k| outsiders.overlaps(k, k));
        speech && (third || outsider)
    })
}

/// "please stop calling shoppers 'my lovely' at the till", "not one empty
/// seat at any of our events": a keyword that only says where the denied
/// act or thing is (after "at", "in", "on" and
/// the like, with a verb and its object between) is not itself denied.
fn placed(a: &Analysis, neg: usize, h: &Hit) -> bool {
    let w = &a.words;
    // "at the till", "at any of our events": back over what picks out
    // the place.
    let det = |j: usize| {
        matches!(
            w[j].lower.as_str(),
            "the"
                | "a"
                | "an"
                | "our"
                | "your"
                | "their"
                | "its"
                | "this"
                | "these"
                | "those"
                | "any"
                | "all"
                | "each"
                | "every"
                | "of"
        )
    };
    let Some(mut prep) = h.first.checked_sub(1) else {
        return false;
    };
    while prep > neg && h.first - prep <= 4 && det(prep) {
        prep -= 1;
    }
    prep > neg + 2
        && matches!(
            w[prep].lower.as_str(),
            "at" | "in" | "on" | "behind" | "near" | "beside" | "inside" | "outside" | "around" | "during"
        )
}

/// "never reuse a cooking oil drum": the keyword sits inside the object of
/// another verb (after a determiner, the verb between it and the negator)
/// and describes the noun after it. The negation falls on the verb, unless
/// the verb is one of having or giving ("won't need the training course",
/// "no longer offer a safety check"): denying those takes the thing away.
fn describes_object(a: &Analysis, neg: usize, h: &Hit) -> bool {
    let w = &a.words;
    if neg >= h.first || h.first - neg < 3 {
        return false;
    }
    let verb = (neg + 1..h.first).find(|&j| !matches!(w[j].lower.as_str(), "will" | "'ll" | "be" | "longer" | "more"));
    // "won't be using the local bakery": the -ing form of one is one.
    // The -ing form by the word's own forms: "using" (use), "getting" (get).
    let having = |v: usize| {
        HAVING.contains(&w[v].lower.as_str())
            || (w[v].lower.ends_with("ing") && w[v].forms.iter().any(|f| HAVING.contains(&f.as_str())))
    };
    // "we will never ask a family to pay", "never leave a carer to cope
    // alone": what is denied is the thing put on them, not the people.
    let imposing = verb.is_some_and(|v| {
        matches!(
            w[v].lower.as_str(),
            "ask" | "force" | "require" | "expect" | "pressure" | "push" | "rush" | "leave"
        )
    });
    let put_on = w.get(h.last + 1).is_some_and(|n| n.lower == "to")
        && w.get(h.last + 2)
            .is_some_and(|n| n.kind == Kind::Word && !is_function_word(&n.lower));
    if imposing && put_on {
        return true;
    }
    if verb.is_some_and(having) {
        return false;
    }
    let det = (h.first.saturating_sub(2)..h.first).any(|j| {
        j > neg + 1
            && matches!(
                w[j].lower.as_str(),
                "a" | "an" | "the" | "any" | "our" | "their" | "your" | "its" | "'s"
            )
    });
    // "never sell a member's details": a possessor describes what it owns.
    let head = h.last + 1 + usize::from(w.get(h.last + 1).is_some_and(|n| n.lower == "'s"));
    let head_after = w
        .get(head)
        .is_some_and(|n| n.kind == Kind::Word && n.clause == w[h.first].clause && !is_function_word(&n.lower));
    det && head_after
}

/// Verbs of having, needing and giving: negating one denies its object.
const HAVING: &[&str] = &[
    "need", "needs", "require", "requires", "offer", "offers", "provide", "provides", "include", "includes", "get",
    "gets", "have", "has", "give", "gives", "keep", "keeps", "use", "uses", "run", "runs", "hold", "holds", "do",
    "does", "want", "wants",
];

/// Is a pillar's opposite asserted, or only mentioned? "Late deliveries are
/// fine", "it's fine if a call is slow", "we are often late", "ignore the
/// queue" and "from March the range will be made overseas" assert it; "a
/// call about a late pallet", "fewer delays", "if an order is late" and
/// "never late" only mention it.
pub(super) fn asserted(a: &Analysis, h: &Hit, accepting: &HashSet<usize>) -> bool {
    let w = &a.words;
    // "Please don't write 'flying visit' in the notes", "if a rider says
    // it was 'slow'": an opposite quoted to ban it, or as someone else's
    // words, is mentioned, not said.
    if crate::core::text::quotes::mentioned(w, h.first, a.negated_by[h.first].is_some()) {
        return false;
    }
    // Before the negation check: "if you're not sure ... just guess" is an
    // order after a denied condition, not a denied guess.
    if just_order(a, h) {
        return true;
    }
    if a.negated_by[h.first].is_some() || zeroed(a, h) {
        return false;
    }
    // "Sorry to the subscribers whose papers were missed on Saturday": an
    // apology tells what went wrong; it does not assert it as the way.
    let sentence_start = a.sentence_start(h.first).max(h.first.saturating_sub(20));
    if (sentence_start..h.first).any(|j| {
        matches!(
            w[j].lower.as_str(),
            "sorry" | "apologies" | "apologise" | "apologize" | "apologising" | "apologizing"
        )
    }) {
        return false;
    }
    // "anyone caught being rough with a dog": who breaks the rule is
    // described, and the rule keeps the promise.
    if (h.first.saturating_sub(3)..h.first).any(|j| w[j].clause == w[h.first].clause && offender_at(a, j)) {
        return false;
    }
    if reported(a, h) {
        return false;
    }
    let clause = w[h.first].clause;
    let sentence = w[h.first].sentence;
    let accepted = accepting.contains(&sentence);
    // A mention is looked for near the opposite (a clause is short in what
    // people write; a bound window keeps a hostile text from costing hits
    // times hits).
    let mentioned = a
        .hits_in(List::Mention, h.first.saturating_sub(REACH), h.first)
        .iter()
        .any(|m| {
            if m.last >= h.first || w[m.first].clause != clause {
                return false;
            }
            match w[m.first].lower.as_str() {
                // "it is fine if a call is slow": what is accepted is the condition.
                "if" | "when" | "whenever" | "in" => !accepted,
                // A preposition speaks of the phrase right after it ("a call
                // about a late pallet"), not of the whole clause ("From March
                // the range will be made overseas").
                "about" | "from" | "against" | "without" | "instead" | "rather" | "reason" | "cause" | "causes" => {
                    h.first - m.last <= 3
                }
                // A determiner speaks of its own noun phrase ("report any
                // late van", "every time a job is late", "every rider whose
                // bike is late"), not of what is said of it ("every install
                // will be delayed").
                "any" | "each" | "every" => {
                    let between = m.last + 1..h.first;
                    w.get(m.last + 1).is_some_and(|n| n.lower == "time")
                        || between
                            .clone()
                            .any(|j| matches!(w[j].lower.as_str(), "whose" | "who" | "that" | "which" | "where"))
                        || (h.first - m.last <= 3 && between.clone().all(|j| !be_or_modal(&w[j].lower)))
                }
                _ => true,
            }
        });
    if mentioned {
        return false;
    }
    accepted
        || a.preceded_by(List::Assertion, h.first, 2)
        || commanded(a, h)
        || handed_on(a, h)
        || planned(a, h)
        || let_happen(a, h)
}

/// A form of "be" or a modal: what follows it is said of the subject.
fn be_or_modal(word: &str) -> bool {
    matches!(
        word,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "will"
            | "'ll"
            | "would"
            | "can"
            | "could"
            | "must"
            | "gets"
            | "get"
            | "got"
    )
}

/// "anyone caught ...", "any driver found ...": word `j` is "caught" or
/// "found" said of whoever breaks a rule, not of what "we found".
fn offender_at(a: &Analysis, j: usize) -> bool {
    let w = &a.words;
    matches!(w[j].lower.as_str(), "caught" | "found")
        && (j.saturating_sub(2)..j).any(|k| {
            matches!(
                w[k].lower.as_str(),
                "anyone" | "anybody" | "someone" | "somebody" | "who" | "any" | "whoever"
            )
        })
}

/// "zero missed drops", "zero late trains": zero right before the opposite
/// counts none of it, as "no" would.
pub(super) fn zeroed(a: &Analysis, h: &Hit) -> bool {
    h.first > 0 && a.words[h.first - 1].lower == "zero"
}

/// "let the straightforward claims stall till Monday", "we'll let the
/// turnarounds go late", "allow the backlog to build": letting the opposite
/// happen asserts it. Not "let's", which proposes ("let's cut the delays"),
/// and not a let under negation ("don't let the queue go unanswered"),
/// which `asserted` has already set aside.
fn let_happen(a: &Analysis, h: &Hit) -> bool {
    let w = &a.words;
    // "let the slow punctures sit", "allow the late riders to park": an
    // opposite right after a determiner describes what is let, and is
    // only mentioned.
    let describes = h.first > 0
        && matches!(
            w[h.first - 1].lower.as_str(),
            "the" | "a" | "an" | "any" | "our" | "your" | "their" | "those" | "these" | "them"
        );
    !describes
        && before_aside(a, h.first, 7).any(|j| {
            matches!(w[j].lower.as_str(), "let" | "letting" | "allow" | "allowing")
            && w.get(j + 1).is_some_and(|n| n.lower != "'s" && n.lower != "us")
            // What is let happen is the thing right after, not a reason
            // further on ("let them know it is late").
            && !(j + 1..h.first).any(|k| {
                matches!(w[k].lower.as_str(), "know" | "see" | "hear" | "tell" | "that" | "if" | "when")
            })
        })
}

/// Up to `n` words of word `i`'s clause before it, nearest first, passing
/// over a bracketed aside: in "letting the slow lines (grout, odd lintels)
/// go out of stock" what is let go runs on past the brackets.
fn before_aside<'a>(a: &'a Analysis<'_>, i: usize, n: usize) -> impl Iterator<Item = usize> + 'a {
    let w = &a.words;
    let clause = w[i].clause;
    let mut j = i;
    let mut depth = 0usize;
    // An aside is short; one left open is no aside.
    let mut budget = 40usize;
    std::iter::from_fn(move || loop {
        j = j.checked_sub(1)?;
        budget = budget.checked_sub(1)?;
        match w[j].lower.as_str() {
            ")" => depth += 1,
            "(" if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            _ if w[j].clause != clause && !(j + 1 < w.len() && w[j + 1].lower == "(") => {
                // Left the clause, unless only by the aside's brackets.
                let closed = w[j + 1..i].iter().any(|x| x.lower == ")");
                if !closed || w[j].kind != crate::core::text::tokens::Kind::Word {
                    return None;
                }
                return Some(j);
            }
            _ => return Some(j),
        }
    })
    .take(n)
}

/// A dismissal right after a keyword, in its clause and not itself negated
/// ("decisions can wait"; not "decisions can't wait"): its last word.
pub(super) fn dismissed(a: &Analysis, h: &Hit) -> Option<usize> {
    let w = &a.words;
    // The keyword may head a longer subject: "assistance requests at the
    // gates can wait".
    a.hits_in(List::Dismissal, h.last + 1, h.last + 8)
        .iter()
        .find(|d| w[d.first].clause == w[h.last].clause && a.negated_by[d.first].is_none())
        .map(|d| d.last)
}

/// How far before an opposite a mention of it is looked for.
const REACH: usize = 16;

/// "the range will be made overseas", "we'll move to subscription-only",
/// "we have decided to outsource": the opposite is what a plan or a
/// decision brings about.
fn planned(a: &Analysis, h: &Hit) -> bool {
    let w = &a.words;
    let clause = w[h.first].clause;
    // "from September we sell it flat-pack": we, after a date things start
    // from, in the present tense, is a plan.
    let sentence = w[h.first].sentence;
    let dated = (h.first.saturating_sub(12)..h.first)
        .any(|j| w[j].sentence == sentence && a.cover(List::EffectiveDates).starts_at(j));
    let we = (h.first.saturating_sub(8)..h.first)
        .any(|j| w[j].clause == clause && matches!(w[j].lower.as_str(), "we" | "they"));
    if dated && we {
        return true;
    }
    (h.first.saturating_sub(6)..h.first).any(|j| {
        w[j].clause == clause
            && (matches!(
                w[j].lower.as_str(),
                "will" | "'ll" | "shall" | "decided" | "plan" | "plans" | "planning"
                    // A change made: "moving enquiries online-only", "we
                    // switched the range to imported malt".
                    | "move" | "moving" | "moved" | "switch" | "switching" | "switched"
                    // A change back: "check-in goes back to the standard
                    // script", "we revert to paper forms".
                    | "revert" | "reverts" | "reverting"
            ) || (w[j].lower == "going" && w.get(j + 1).is_some_and(|n| n.lower == "to"))
                // "goes back to the standard script", not "get back to".
                || (w[j].lower == "back"
                    && j > 0
                    && matches!(w[j - 1].lower.as_str(), "go" | "goes" | "going" | "went" | "gone")
                    && w.get(j + 1).is_some_and(|n| n.lower == "to")))
    })
}
