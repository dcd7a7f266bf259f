//! Aspirational (not inspirational): a future state or an improvement
//! people can work toward. Fails when the message only describes the
//! present or the past, only gives an order or an instruction, announces a
//! plan done to people ("from March, riders will be signed as ..."), or is
//! a slogan with no destination ("Dream big!").

use super::common::{distinct, orders, passive_at, sanctions};
use super::context::RuleContext;
use super::headline::headline;
use super::instruction::{instruction, sentence_start};
use super::losses::{denied, loses, scheduled, Losses};
use super::tally::Tally;
use crate::core::analysis::Analysis;
use crate::core::lexicon::{Lexicon, List, Rule};
use crate::core::model::Message;
use crate::core::text::cover::Cover;
use crate::core::text::phrases::Hit;
use crate::core::text::tokens::Kind;

/// "let's make 2027 ours", "let's make it count", "let's make this our
/// most magical year yet": making a time someone's, or great, names no
/// state to reach; what follows "make" in its clause says nothing concrete.
/// "let's make every repair same-day" does.
fn empty_make(a: &Analysis, h: &Hit) -> bool {
    let w = &a.words;
    let empty = a.cover(List::Empty);
    let said = |j: usize| {
        let x = &w[j];
        let hollow = matches!(
            x.lower.as_str(),
            "count" | "special" | "legendary" | "unforgettable" | "memorable" | "happen"
        );
        !(hollow
            || empty.overlaps(j, j)
            || crate::core::text::is_function_word(&x.lower)
            || x.kind != Kind::Word
            || !x.lower.chars().any(char::is_alphanumeric))
    };
    let rest: Vec<usize> = (h.last + 1..(h.last + 9).min(w.len()))
        .take_while(|&j| w[j].clause == w[h.first].clause)
        .collect();
    w[h.first].lower == "make" && !rest.is_empty() && !rest.iter().any(|&j| said(j))
}

pub fn score(a: &Analysis, message: &Message, ctx: &RuleContext, t: &mut Tally) {
    let threats = Cover::new(&sanctions(a));
    let buzz = a.cover(List::Buzzwords);
    let losses = Losses::read(a);
    // "The board has agreed that from January we'll cover gaps with agency
    // carers": a future in a sentence that contradicts the story is a
    // decision against it, news rather than a destination. Not a remedy
    // after it: "repairs are slow at the moment, so we will train two
    // more mechanics".
    let against = |first: usize| {
        let w = &a.words;
        let sentence = w[first].sentence;
        // Only the contradictions of this sentence, found by binary search
        // in their text order; the look between is bounded, as a sentence
        // can be a whole text.
        let from = a.against_story.partition_point(|&c| c < a.sentence_start(first));
        a.against_story[from..]
            .iter()
            .take_while(|&&c| w[c].sentence == sentence)
            .any(|&c| {
                let remedy = c < first
                    && (c + 1..first.min(c + 40)).any(|j| {
                        matches!(w[j].lower.as_str(), "so" | "and" | "but" | "therefore") && w[j - 1].lower == ","
                    });
                !remedy
            })
    };
    let goal = a
        .hits(List::Future)
        .iter()
        .find(|h| {
            !threats.overlaps(h.first, h.last) && !losses.tells(a, h.first) && !against(h.first) && is_goal(a, h, ctx)
        })
        .or_else(|| {
            // "let's make", "let's become"; not "let's double down", a slogan.
            a.hits(List::ChangeVerbs).iter().find(|h| {
                let w = &a.words;
                let after_lets = (h.first.saturating_sub(3)..h.first)
                    .any(|j| w[j].lower == "'s" && j > 0 && w[j - 1].lower == "let");
                after_lets && !buzz.overlaps(h.first, h.last) && !against(h.first) && !empty_make(a, h)
            })
        });
    // "Our 2027 vision: ...", "summer goal: ...", "2027: the most punctual
    // buses", "2027 = our year": a headline that names the destination.
    let headed = if goal.is_none() { headline(a) } else { None };
    let headed = headed.filter(|&(i, _)| !against(i) && !losses.tells(a, i));
    let planned_headline = headed.map(|(i, _)| i);
    // A plan in the present after a date; not one against the story
    // ("from 1 July the first line of support will be a chatbot, so the
    // team can ...").
    let planned = if goal.is_none() {
        scheduled(a, &losses)
            .or_else(|| lets_measured(a))
            .filter(|&i| !against(i) && !losses.tells(a, i))
            .or(planned_headline)
    } else {
        None
    };
    if a.no_content() {
        t.add(Rule::NoContentGoal, None, &[]);
    }
    let mut heading = false;
    if let Some(h) = goal {
        t.hit(Rule::Future, a, h);
        heading = true;
    } else if let Some(i) = planned {
        t.add(Rule::Future, Some(a.span(i, i)), &[]);
        heading = true;
    }
    // A headline's own time dates its goal ("2027: zero missed bins").
    let headline_time = headed.and_then(|(_, time)| time).map(|(f, l)| a.span(f, l));
    if let Some(span) = deadline(a, &losses).or(headline_time) {
        t.add(Rule::FutureTimeframe, Some(span), &[]);
        heading = true;
    }
    // An order beside a goal ("by autumn every delivery will be on time; I
    // expect ...") talks at people (inclusive says so) but leaves the goal;
    // an order with only a date ("must finish it by Friday") is a task.
    if let Some(h) = orders(a).first().filter(|_| goal.is_none()) {
        t.hit(Rule::OrderOnly, a, h);
    }
    if let Some(i) = instruction(a, t.lexicon()) {
        t.add(Rule::InstructionOnly, Some(a.span(i, i)), &[]);
    }
    // A slogan beside a real goal ("by autumn every delivery will be on
    // time: make it happen") does not take the goal away.
    if goal.is_none() && planned.is_none() {
        for h in distinct(a, &[List::Inspiration]) {
            t.hit(Rule::InspirationOnly, a, &h);
        }
    }
    // "Last month crews reached leaks in 16 hours. Let's hold that: from
    // October each crew gets a standby van": where the goal has a
    // sentence of its own, the look back is its starting point.
    let goal_sentence = goal
        .map(|g| a.words[g.first].sentence)
        .or(planned.map(|i| a.words[i].sentence));
    let starting_point = |h: &Hit| goal_sentence.is_some_and(|s| s != a.words[h.first].sentence);
    if let Some(h) = distinct(a, &[List::LookingBack]).first().filter(|h| !starting_point(h)) {
        t.hit(Rule::LookingBack, a, h);
    }
    if !heading {
        t.add(Rule::NoDestination, None, &[]);
        // A practical note with no kind fails here as a story would; say
        // what it reads like, so the writer can say what it is for.
        // Not for a slogan ("Read. Dream. Become."): it is a story message
        // that has not found its destination yet.
        let slogan = !a.hits(List::Inspiration).is_empty() || a.no_content();
        if message.kind.is_none() && !slogan {
            if let Some(kind) = reads_like(a, t.lexicon()) {
                let about = t.lexicon().kind(kind).map(|k| k.about.clone()).unwrap_or_default();
                let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                };
                t.add(
                    Rule::KindSuggestion,
                    None,
                    &[("kind", kind), ("about", &about), ("article", article)],
                );
            }
        }
    }
}

/// What a message with no destination reads like, if not a story: a
/// question (it asks), a recognition (it thanks), or an update (it dates a
/// change, apologises, or tells people what to do).
fn reads_like(a: &Analysis, lexicon: &Lexicon) -> Option<&'static str> {
    let w = &a.words;
    let asks = w.iter().any(|x| x.kind == Kind::Punct && x.lower == "?");
    if asks {
        return Some("question");
    }
    if !a.hits(List::Gratitude).is_empty() {
        return Some("recognition");
    }
    let apology = !a.hits(List::Apologies).is_empty();
    let dated = !a.hits(List::EffectiveDates).is_empty();
    let told =
        instruction(a, lexicon).is_some() || !(a.hits(List::Orders).is_empty() && a.hits(List::Obligations).is_empty());
    // "Payslips will be sent on the 28th": a plan done to people, announced.
    let announced = a
        .hits(List::Future)
        .iter()
        .any(|h| matches!(a.words[h.first].lower.as_str(), "will" | "'ll") && passive_at(a, h.last + 1));
    (apology || dated || told || announced).then_some("update")
}

/// Does this future marker set a goal? Not when it describes someone or
/// something in a subordinate clause ("the mechanic who will fix it",
/// "when you will write back"), not in the passive ("riders will be
/// signed"), and not as the verb opening an instruction ("Aim to finish
/// each check-in ...").
fn is_goal(a: &Analysis, h: &Hit, ctx: &RuleContext) -> bool {
    let w = &a.words;
    let clause = w[h.first].clause;
    let subordinate = (h.first.saturating_sub(3)..h.first).any(|j| {
        w[j].clause == clause
            && matches!(
                w[j].lower.as_str(),
                "who" | "which" | "that" | "when" | "if" | "whether" | "what" | "where" | "how" | "whom"
            )
    });
    // "that's why not one of them will ever leak": a clause of "why"
    // explains, however long its subject.
    // "That's why we will ..." states the goal in its main clause.
    let explains = (h.first.saturating_sub(8).max(a.clause_start(h.first))..h.first)
        .any(|j| w[j].lower == "why" && !(j > 0 && matches!(w[j - 1].lower.as_str(), "is" | "'s" | "was")));
    // "we've become the most loved bookshop", "has been growing": a
    // change already made is looked back on.
    let changing = matches!(
        w[h.first].lower.as_str(),
        "become" | "becoming" | "growing" | "improving" | "building" | "work" | "working"
    );
    if changing && h.first > 0 && matches!(w[h.first - 1].lower.as_str(), "'ve" | "have" | "has" | "had" | "been") {
        return false;
    }
    // "it's one day", "for one day", "one day a week": a length, not
    // "some day"; "one day we'll ...", "we hope one day ..." look ahead.
    if w[h.first].lower == "one" {
        let length = h.first > 0
            && matches!(
                w[h.first - 1].lower.as_str(),
                "'s" | "is"
                    | "for"
                    | "in"
                    | "takes"
                    | "take"
                    | "just"
                    | "only"
                    | "a"
                    | "the"
                    | "per"
                    | "each"
                    | "every"
                    | "within"
                    | "than"
                    | "over"
            );
        let measured = w
            .get(h.last + 1)
            .is_some_and(|n| matches!(n.lower.as_str(), "of" | "a" | "per" | "'s" | "off"));
        if length || measured {
            return false;
        }
    }
    let modal = matches!(w[h.first].lower.as_str(), "will" | "'ll" | "shall" | "wo");
    // "you'll love it": a feeling foretold is no state to work toward.
    let feeling = a
        .words
        .get(h.last + 1)
        .is_some_and(|n| matches!(n.lower.as_str(), "love" | "like" | "enjoy" | "adore" | "appreciate"));
    if (subordinate || explains || feeling) && modal {
        return false;
    }
    // "we'll live with the backlog": a future that accepts falling short.
    // "we're not the cheapest and we never will be": a future denied
    // before its modal is no state to reach either.
    let never = h.first > 0 && matches!(w[h.first - 1].lower.as_str(), "never" | "not");
    if modal
        && (never || denied(a, h.last) || loses(a, h.last) || a.cover(List::Acceptance).overlaps(h.first, h.last + 1))
    {
        return false;
    }
    // "From June the rota will be published a week earlier": a change for
    // the better, whoever brings it, is something to work toward; other
    // passives make people the object of a plan.
    if modal && passive_at(a, h.last + 1) {
        return passive_improvement(a, h.last + 2) || provision(a, h.first, ctx);
    }
    if modal && (!people_act(a, h.first, ctx) || same_day_plan(a, h.last)) {
        return false;
    }
    // "I want to take a moment to reflect", "we'd like to thank": saying
    // something is done in the saying; it is not a state to reach.
    if !modal {
        let mut next = if a.words.get(h.last + 1).is_some_and(|n| n.lower == "to") {
            h.last + 2
        } else {
            h.last + 1
        };
        // "I want to personally say": an adverb between.
        while a
            .words
            .get(next)
            .is_some_and(|n| n.lower.len() > 4 && n.lower.ends_with("ly") && next < h.last + 4)
        {
            next += 1;
        }
        if a.cover(List::SpeechActs).starts_at(next) {
            return false;
        }
    }
    // "Aim to finish ..." opens an instruction; "We want ...", "Our goal
    // ...", "The target ...", "Target for 2027: ..." and "2027, here we
    // come" open a goal.
    !(sentence_start(a, h.first)
        && !modal
        && !matches!(
            w[h.first].lower.as_str(),
            "we" | "our" | "the" | "target" | "goal" | "here"
        ))
}

/// "will be published a week earlier", "will be emailed the same afternoon
/// instead of posted": a passive future (its participle at `participle`)
/// that changes something for the better. Not one that takes something
/// away ("will be closed", "will be cancelled").
fn passive_improvement(a: &Analysis, participle: usize) -> bool {
    let w = &a.words;
    let Some(p) = w.get(participle) else { return false };
    let taken = matches!(
        p.lower.as_str(),
        "closed"
            | "shut"
            | "cancelled"
            | "canceled"
            | "cut"
            | "withdrawn"
            | "stopped"
            | "scrapped"
            | "dropped"
            | "removed"
            | "suspended"
            | "ended"
            | "axed"
            | "discontinued"
            | "reduced"
            | "delayed"
            | "postponed"
    );
    let sentence = p.sentence;
    let better = (participle + 1..(participle + 16).min(w.len()))
        .take_while(|&j| w[j].sentence == sentence)
        .any(|j| {
            matches!(
                w[j].lower.as_str(),
                "earlier" | "sooner" | "faster" | "quicker" | "instead" | "rather" | "fewer"
            ) || a.cover(List::Improvements).starts_at(j)
        });
    // "every fault will be fixed", "the form will be simplified": the
    // participle itself may be the improvement.
    let improved = a.cover(List::Improvements).starts_at(participle);
    !taken && (better || improved)
}

/// "beginner classes will be offered at all four centres", "every parcel
/// will be packed": a passive future whose subject is a thing, said of
/// every site or of something new, is a service to be in place, which
/// people work toward. Not when people are the subject ("new riders will
/// be signed as contractors": a plan done to them), nor a single thing
/// announced ("payslips will be sent on the 28th").
fn provision(a: &Analysis, will: usize, ctx: &RuleContext) -> bool {
    let w = &a.words;
    let clause = w[will].clause;
    let start = a.clause_start(will);
    let groups = a.cover(List::GroupNouns);
    let segments = a.segment_cover();
    // "every lifeguard break will be covered": a word for people before
    // another noun of the subject only says which thing.
    let modifier =
        |j: usize| j + 1 < will && w[j + 1].kind == Kind::Word && !crate::core::text::is_function_word(&w[j + 1].lower);
    let people = (start..will).filter(|&j| !modifier(j)).any(|j| {
        matches!(
            w[j].lower.as_str(),
            "we" | "you" | "i" | "they" | "he" | "she" | "anyone" | "anybody" | "everyone" | "everybody" | "those"
        ) || groups.overlaps(j, j)
            || segments.overlaps(j, j)
            || ctx.is_segment_head(&w[j].lower)
            || a.cover(List::Beneficiaries).overlaps(j, j)
    });
    // In the subject ("every parcel will be packed") or where it will be
    // ("offered at all four centres"); not whom it goes to ("payslips will
    // be sent to all staff").
    let every = |j: usize| matches!(w[j].lower.as_str(), "every" | "each" | "all" | "new");
    let widespread = (start..will).any(every)
        || (will..(will + 16).min(w.len()))
            .take_while(|&j| w[j].clause == clause)
            .any(|j| every(j) && j > 0 && matches!(w[j - 1].lower.as_str(), "at" | "in" | "across" | "on"));
    !people && widespread
}

/// "We'll be herding passengers into two lines tonight": a plan for the
/// same day (the modal ending at `last`, then "be" and a verb in -ing) is a
/// schedule, not a state to work toward.
fn same_day_plan(a: &Analysis, last: usize) -> bool {
    let w = &a.words;
    let progressive = w.get(last + 1).is_some_and(|b| b.lower == "be")
        && w.get(last + 2)
            .is_some_and(|v| v.lower.len() > 4 && v.lower.ends_with("ing"));
    if !progressive {
        return false;
    }
    // Near the plan only, so a long text costs no more than its length.
    let sentence = w[last].sentence;
    let sentences = sentence.saturating_sub(1)..=sentence;
    let near = last.saturating_sub(SAME_DAY_REACH)..(last + SAME_DAY_REACH).min(w.len());
    let same_day = near.clone().zip(&w[near]).any(|(j, x)| {
        sentences.contains(&x.sentence)
            && (matches!(x.lower.as_str(), "tonight" | "today")
                || (x.lower == "this"
                    && w.get(j + 1)
                        .is_some_and(|n| matches!(n.lower.as_str(), "morning" | "afternoon" | "evening"))))
    });
    same_day
}

/// How far from a plan its "tonight" or "this morning" is looked for.
const SAME_DAY_REACH: usize = 30;

/// "let's have zero slips this winter", "let's see 90% of calls answered
/// first time": what "let's" sets out to reach is a goal when it is a
/// measured outcome, whatever the verb; a time ("let's keep the buffet
/// stocked until eleven", "let's take 10 minutes") dates or sizes a task.
/// Returns the verb.
fn lets_measured(a: &Analysis) -> Option<usize> {
    let w = &a.words;
    (2..w.len()).find(|&v| {
        if !(w[v - 1].lower == "'s" && w[v - 2].lower == "let" && w[v].kind == Kind::Word) {
            return false;
        }
        // The quantities after the verb, in its clause, found by binary
        // search: a text of many "let's" costs no more than its length.
        let from = a.quantities.partition_point(|q| q.first <= v);
        a.quantities[from..]
            .iter()
            .take_while(|q| w[q.first].clause == w[v].clause)
            .any(|q| {
                // An outcome to reach: a share or none of something ("9 in
                // 10", "90%", "zero slips"), not a length of time ("let's
                // take 10 minutes") or people counted ("thank the 4 riders").
                let ratio = |j: usize| {
                    w.get(j).is_some_and(|x| x.lower == "in") && w.get(j + 1).is_some_and(|x| x.kind == Kind::Number)
                };
                q.explicit
                    && (q.unit == crate::core::text::quantity::Unit::Percent
                        || q.value == 0.0
                        || ratio(q.first + 1)
                        || ratio(q.last + 1))
            })
    })
}

/// A goal is something people work toward: "we'll", "every team will",
/// "counter staff will", "Lemonad.ly will". When a thing is the subject
/// ("the new rota will start on Monday") the sentence announces, it does
/// not aspire.
fn people_act(a: &Analysis, will: usize, ctx: &RuleContext) -> bool {
    let w = &a.words;
    let sentence = w[will].sentence;
    // "will cut", "should save": an improvement, whoever brings it.
    let improves = a.cover(List::Improvements).starts_at(will + 1);
    let groups = a.cover(List::GroupNouns);
    let segments = Cover::new(&a.segments);
    improves
        || (will.saturating_sub(12)..will)
            .rev()
            .take_while(|&j| w[j].sentence == sentence)
            .any(|j| {
                matches!(
                    w[j].lower.as_str(),
                    "we" | "us"
                        | "our"
                        | "you"
                        | "i"
                        | "they"
                        | "everyone"
                        | "everybody"
                        | "each"
                        | "every"
                        | "all"
                        | "together"
                ) || groups.overlaps(j, j)
                    || segments.overlaps(j, j)
                    || ctx.is_brand(&w[j].lower)
                    || (j > 0 && matches!(w[j - 1].lower.as_str(), "the" | "our") && ctx.is_segment_head(&w[j].lower))
            })
}

/// A date to work toward: "by June", "this year", "by the June release";
/// not a date a rule applies from ("from next month"), nor how long a state
/// lasts ("on leave until May", "use the side gate until Friday").
fn deadline(a: &Analysis, losses: &Losses) -> Option<crate::core::verdict::Span> {
    let effective = a.cover(List::EffectiveDates);
    let losses = &losses.sentences;
    // "tonight" dates a task for the same day: a timeframe, not a horizon
    // ("from tonight" starts something that lasts).
    let same_day = |h: &&Hit| {
        h.first == h.last
            && matches!(a.words[h.first].lower.as_str(), "tonight" | "today")
            && !(h.first > 0 && matches!(a.words[h.first - 1].lower.as_str(), "from" | "starting" | "of"))
    };
    let hit = a
        .hits(List::Deadlines)
        .iter()
        .find(|h| !effective.overlaps(h.first, h.last) && !losses.contains(&a.words[h.first].sentence) && !same_day(h));
    if let Some(h) = hit.filter(|h| !looks_back(a, h.first)) {
        return Some(a.hit_span(h));
    }
    a.hits(List::Calendar).iter().find_map(|h| {
        let w = &a.words;
        if losses.contains(&w[h.first].sentence) {
            return None;
        }
        let by = (h.first.saturating_sub(2)..h.first).find(|&j| matches!(w[j].lower.as_str(), "by" | "before"))?;
        Some(a.span(by, h.last))
    })
}

/// "has kept this service alive this year": a perfect or past tense in the
/// clause makes "this year" a period looked back on ("will have spent" still
/// looks ahead).
fn looks_back(a: &Analysis, i: usize) -> bool {
    let w = &a.words;
    let clause = w[i].clause;
    w.iter().enumerate().filter(|(_, x)| x.clause == clause).any(|(j, x)| {
        let perfect = matches!(x.lower.as_str(), "has" | "have" | "had" | "'ve")
            && !(j > 0 && matches!(w[j - 1].lower.as_str(), "will" | "'ll"))
            && w.get(j + 1).is_some_and(|p| {
                p.lower.ends_with("ed")
                    || matches!(
                        p.lower.as_str(),
                        "kept"
                            | "been"
                            | "done"
                            | "made"
                            | "grown"
                            | "seen"
                            | "won"
                            | "had"
                            | "built"
                            | "given"
                            | "taken"
                            | "brought"
                    )
            });
        // "what I achieved this year", "we delivered": a simple past with
        // its subject.
        let subject = j > 0 && matches!(w[j - 1].lower.as_str(), "i" | "we" | "you" | "they" | "he" | "she");
        let past = x.lower.len() > 4 && x.lower.ends_with("ed")
            || matches!(
                x.lower.as_str(),
                "made" | "built" | "won" | "kept" | "grew" | "took" | "gave" | "brought" | "ran" | "led" | "got"
            );
        perfect || matches!(x.lower.as_str(), "was" | "were" | "did") || (subject && past)
    })
}
