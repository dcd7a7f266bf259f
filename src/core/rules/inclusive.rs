//! Inclusive: every employee in the audience can see their place in it.
//! Fails on exclusionary address ("guys", a role spoken of as one sex:
//! "every skipper ... his crew"), on talking at people (orders,
//! threats, a leader's self-congratulation), and, for an audience of all,
//! on a goal or credit given to one segment ("our sales team the best").

use super::boasts::{promise_kept, proud_of_own_act};
use super::common::{distinct, orders, passive_at, sanctions};
use super::context::RuleContext;
use super::instruction::instruction;
use super::penalties::{loses_entitlement, offender_pays};
use super::tally::Tally;
use crate::core::analysis::Analysis;
use crate::core::lexicon::{List, Rule};
use crate::core::model::Message;
use crate::core::text::cover::Cover;
use crate::core::text::phrases::Hit;
use crate::core::text::tokens::Kind;

pub fn score(a: &Analysis, message: &Message, ctx: &RuleContext, t: &mut Tally) {
    // A goal, or credit, belongs to one segment only in a message that sets
    // goals: an update saying what the technicians will do on the open day
    // is news, and a recognition may thank one team by name.
    let sets_goals = t
        .lexicon()
        .kind(message.kind())
        .is_none_or(|k| k.applies(crate::core::model::Criterion::Aspirational));
    // A phrase quoted to ban or discuss it is mentioned, not said; one
    // denied ("half our regulars aren't lads", "don't call anyone guys")
    // addresses nobody.
    for h in distinct(a, &[List::Exclusionary]) {
        if !crate::core::text::quotes::inside(&a.words, h.first) && a.negated_by[h.first].is_none() {
            t.hit(Rule::ExclusionaryAddress, a, &h);
        }
    }
    if let Some((first, last)) = super::gendered::gendered_generic(a) {
        t.add(Rule::GenderedGeneric, Some(a.span(first, last)), &[]);
    }
    // In a practical note, an obligation with its reason or its date is a
    // clear instruction ("everyone must finish the refresher by 12 May: it
    // keeps the building safe"); a harder order ("no exceptions") is not.
    let explained = !sets_goals && explained(a);
    let ordered: Vec<Hit> = orders(a)
        .into_iter()
        .filter(|h| !(explained && h.list == List::Obligations as usize))
        .collect();
    for h in &ordered {
        t.hit(Rule::Order, a, h);
    }
    // "Use the cheaper paint on every void." In a practical note (a kind
    // that sets no goals), an instruction with neither a reason nor a date,
    // and no "please", tells people what to do without saying why: it
    // talks at them. With a reason, a date or a please it is a request
    // ("please book rooms through the new calendar"). A story message
    // giving only an instruction fails aspirational instead; a question
    // asks ("share your ideas") and a recognition thanks, by their nature.
    let asks_or_thanks = matches!(message.kind(), "question" | "recognition");
    if ordered.is_empty() && !sets_goals && !asks_or_thanks {
        if let Some(i) = instruction(a, t.lexicon()) {
            if bare(a, i) {
                t.add(Rule::Order, Some(a.span(i, i)), &[]);
            }
        }
    }
    let threats = sanctions(a);
    for h in &threats {
        t.hit(Rule::Sanction, a, h);
    }
    if threats.is_empty() {
        if let Some((first, last)) = loses_entitlement(a).or_else(|| offender_pays(a)) {
            t.add(Rule::Sanction, Some(a.span(first, last)), &[]);
        }
    }
    let boasts = distinct(a, &[List::SelfCongratulation]);
    for h in &boasts {
        t.hit(Rule::SelfCongratulation, a, h);
    }
    if boasts.is_empty() {
        if let Some((p, j)) = proud_of_own_act(a).or_else(|| promise_kept(a)) {
            t.add(Rule::SelfCongratulation, Some(a.span(p, j)), &[]);
        }
    }
    // Credit to one group sets it apart; credit to everyone ("huge thanks
    // to everyone who ...") does not.
    let universal_at = a.cover(List::Universal);
    let universal_after = |h: &Hit| universal_at.starts_within(h.last + 1, h.last + 3);
    let singled: Vec<_> = distinct(a, &[List::SinglingOut])
        .into_iter()
        .filter(|h| !universal_after(h) && !given_a_part(a, h))
        .collect();
    // "everyone else" sets people apart; it does not invite them in.
    let singled_at = Cover::new(&singled);
    let universal = a
        .hits(List::Universal)
        .iter()
        .find(|u| !singled_at.overlaps(u.first, u.last) && !compound(a, u) && !onlooker(a, u));
    if let Some(h) = universal {
        t.hit(Rule::UniversalInvite, a, h);
    }
    if message.audience.is_all() {
        for h in &singled {
            t.hit(Rule::SingledOut, a, h);
        }
        if singled.is_empty() {
            if let Some((first, last)) = belittled(a) {
                t.add(Rule::SingledOut, Some(a.span(first, last)), &[]);
            }
        }
    }
    // In a story message for everyone, thanks to one group ("three cheers
    // for the workshop crew") hands it the credit; a declared segment is
    // judged below, as the owner of the credit.
    if message.audience.is_all() && sets_goals {
        let w = &a.words;
        for g in a.hits(List::Gratitude) {
            let sentence = w[g.last].sentence;
            let group = a
                .hits_in(List::GroupNouns, g.last + 1, g.last + 6)
                .iter()
                .any(|n| w[n.first].sentence == sentence);
            let segment = a.segments.iter().any(|s| s.first > g.last && s.first <= g.last + 5);
            if group && !segment && !universal_after(g) {
                t.hit(Rule::SingledOut, a, g);
                break;
            }
        }
    }
    if message.audience.is_all() && universal.is_none() && sets_goals {
        let hits = &a.segments;
        let mut named: Vec<usize> = hits.iter().map(|h| h.list).collect();
        named.sort_unstable();
        named.dedup();
        // "Desk, assistants and groomers will each get a guide": a segment
        // at the end of a list of groups shares the goal with the others.
        let w = &a.words;
        // Not "This quarter, sales will ...": the group before "and" is
        // named as people are, in the plural, in the same clause.
        let listed = |h: &Hit| {
            h.first >= 2
                && matches!(w[h.first - 1].lower.as_str(), "and" | "&" | "plus")
                && w[h.first - 2].kind == Kind::Word
                && w[h.first - 2].clause == w[h.first].clause
                && w[h.first - 2].lower.ends_with('s')
                && !w[h.first - 2].lower.ends_with("ss")
                && !crate::core::text::is_function_word(&w[h.first - 2].lower)
        };
        if named.len() == 1 {
            if let Some((h, end)) = hits
                .iter()
                .filter(|h| !listed(h))
                .find_map(|h| owner(a, h, ctx).map(|end| (h, end)))
            {
                let others: Vec<&str> = ctx
                    .segments
                    .iter()
                    .filter(|s| **s != ctx.segments[h.list])
                    .map(String::as_str)
                    .take(3)
                    .collect();
                t.add(
                    Rule::OneSegmentGoal,
                    Some(a.span(h.first, end)),
                    &[("segments", &others.join(", "))],
                );
            }
        }
    }
}

/// Does the message give the instruction at word `i` with nothing that
/// makes it a request: no "please" or thanks, no reason, no date, time or
/// figure, no condition ("if you need one")?
fn bare(a: &Analysis, i: usize) -> bool {
    let w = &a.words;
    let polite = w.iter().any(|x| {
        matches!(
            x.lower.as_str(),
            "please" | "thanks" | "thank" | "if" | "unless" | "when"
        )
    });
    w[i].kind == Kind::Word && !polite && !explained(a)
}

/// Does the message give a reason or a date for what it asks?
fn explained(a: &Analysis) -> bool {
    super::specific::reason(a).is_some()
        || a.quantities.iter().any(|q| {
            matches!(
                q.unit,
                crate::core::text::quantity::Unit::Hours | crate::core::text::quantity::Unit::Clock
            )
        })
        || [
            List::Deadlines,
            List::EffectiveDates,
            List::Calendar,
            List::Frequencies,
            List::Gratitude,
        ]
        .into_iter()
        .any(|l| !a.hits(l).is_empty())
}

/// "the rest of us will collect what guests say", "everyone else can help
/// by ...": the others are given a part of their own, which includes them
/// ("the rest of us just keep the lights on" does not).
fn given_a_part(a: &Analysis, h: &Hit) -> bool {
    let w = &a.words;
    let others = matches!(w[h.first].lower.as_str(), "the" | "everyone" | "everybody")
        && w[h.first..=h.last]
            .iter()
            .any(|x| matches!(x.lower.as_str(), "rest" | "else"));
    let next = |k: usize| w.get(h.last + k).filter(|n| n.clause == w[h.last].clause);
    let modal = next(1)
        .is_some_and(|n| matches!(n.lower.as_str(), "will" | "'ll" | "can" | "could" | "should" | "shall"))
        && !next(2).is_some_and(|n| matches!(n.lower.as_str(), "just" | "only" | "merely" | "simply"));
    others && modal
}

/// Is this segment mention the owner of the goal or the credit? It is when
/// the segment is addressed ("Bakers, ..."), acts ("counter staff will
/// greet", "the crews need to"), is named as a team ("our sales team"), is
/// thanked ("thank you to the Leeds packers") or is to be made the best
/// ("make our couriers the friendliest crew in town").
/// Returns the last word of the owning phrase.
fn owner(a: &Analysis, h: &Hit, ctx: &RuleContext) -> Option<usize> {
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
    // "every carer will get a half-day of training": a team that receives
    // something is given to, it does not own the goal.
    let receives = |i: usize| {
        w.get(i)
            .is_some_and(|n| matches!(n.lower.as_str(), "get" | "receive" | "have"))
    };
    // "every piece that leaves the workshop will be flawless": a team
    // inside a relative clause is what the clause's verb reaches, and the
    // verb after it belongs to the thing described.
    let related = (h.first.saturating_sub(4)..h.first).any(|j| {
        matches!(w[j].lower.as_str(), "that" | "who" | "which")
            && w[j].clause == w[h.first].clause
            && w.get(j + 1).is_some_and(|n| {
                n.kind == Kind::Word
                    && !matches!(n.lower.as_str(), "the" | "our" | "your" | "a" | "an" | "their" | "its")
            })
            && j + 1 < h.first
    });
    // "By December we want 95%, and team leaders will add a Monday shift
    // to get there": a team's part in a goal we set is a means, not the
    // goal.
    let means = our_goal_before(a, h.first);
    // "store assistants will no longer be asked to ...", "the mobile
    // library will stop visiting ...": a team whose future is denied or
    // taken away is told news about itself, not handed a goal.
    let acts = !related
        && !means
        && at(a.hits(List::SegmentVerbs), end + 1)
            .iter()
            .any(|v| !passive_at(a, v.last + 1) && !receives(v.last + 1) && !told_news(a, v.last));
    // "a brew day with the brewhouse team": a team others join is company
    // in the goal, not its owner; "good news for the warehouse team": one
    // that news is for receives it.
    // ("it is up to our front desk team" still hands them the goal.)
    let handed = h.first > 2 && matches!(w[h.first - 3].lower.as_str(), "up" | "down");
    let beside = h.first > 1
        && matches!(
            w[h.first - 2].lower.as_str(),
            "with" | "alongside" | "beside" | "for" | "to"
        )
        && !handed;
    // "we're printing a guide, and the home team will hand it over": a
    // named team doing its part of our plan is a means too.
    let part_of_ours = means && !at(a.hits(List::SegmentVerbs), end + 1).is_empty();
    let named_team = group.is_some()
        && !part_of_ours
        && h.first > 0
        && matches!(w[h.first - 1].lower.as_str(), "our" | "the" | "your" | "my")
        && !beside;
    let sentence = w[h.first].sentence;
    let thanked = a
        .hits_in(List::Gratitude, h.first.saturating_sub(8), h.first)
        .iter()
        .any(|g| g.last < h.first && h.first - g.last <= 4 && w[g.last].sentence == sentence);
    // "the online team IS Tarnside now", "drivers, you are Tarnside": one
    // team made the whole company.
    let (mut j, mut k) = (end + 1, 0);
    while k < 2
        && w.get(j)
            .is_some_and(|x| matches!(x.lower.as_str(), "," | "you" | "they"))
    {
        j += 1;
        k += 1;
    }
    let is_the_brand = w
        .get(j)
        .is_some_and(|x| matches!(x.lower.as_str(), "is" | "are" | "'re"))
        && w.get(j + 1).is_some_and(|x| ctx.is_brand(&x.lower));
    (vocative
        || acts
        || named_team
        || thanked
        || is_the_brand
        || cleft(a, h.first, end)
        || credited(a, h.first, end)
        || made_best(a, end))
    .then_some(end)
}

/// "will no longer be asked to ...", "won't be running the late shift",
/// "will stop collecting ...": a team told that it will not, or will cease
/// to, do something hears news about itself. "Won't rest until every
/// laptop is fixed" and "will stop the password resets" still hand it a goal.
fn told_news(a: &Analysis, last: usize) -> bool {
    let w = &a.words;
    let next = |k: usize| w.get(last + k).map_or("", |x| x.lower.as_str());
    let until = (last + 1..w.len())
        .take_while(|&j| w[j].clause == w[last].clause)
        .any(|j| matches!(w[j].lower.as_str(), "until" | "unless"));
    let denied = super::losses::denied(a, last) && (next(2) == "longer" || next(2) == "be" && !until);
    let ceasing = matches!(next(1), "stop" | "cease" | "quit") && next(2).len() > 4 && next(2).ends_with("ing");
    denied || ceasing
}

/// "It's our optometrists who make the test thorough", "it is the night
/// crew that keeps us open": the team set in focus is the one given the
/// credit.
fn cleft(a: &Analysis, first: usize, end: usize) -> bool {
    let w = &a.words;
    let at = |i: Option<usize>| i.and_then(|i| w.get(i)).map_or("", |x| x.lower.as_str());
    let mut j = first.checked_sub(1);
    if matches!(at(j), "the" | "our" | "your") {
        j = j.and_then(|j| j.checked_sub(1));
    }
    let it = j.and_then(|j| j.checked_sub(1));
    matches!(at(j), "'s" | "is" | "was") && at(it) == "it" && matches!(at(Some(end + 1)), "who" | "that")
}

/// "this quarter belongs to the claims handlers", "this spring is all
/// about our bakers", "this is the café team's year": a time or a result
/// handed to one team.
fn credited(a: &Analysis, first: usize, end: usize) -> bool {
    let w = &a.words;
    let at = |i: Option<usize>| i.and_then(|i| w.get(i)).map_or("", |x| x.lower.as_str());
    let mut j = first.checked_sub(1);
    if matches!(at(j), "the" | "our" | "your") {
        j = j.and_then(|j| j.checked_sub(1));
    }
    let verb = j.and_then(|j| j.checked_sub(1));
    let before = (at(verb), at(j));
    // What is handed over is a time or a result, the subject right before
    // the verb: "this quarter belongs to", "this spring is all about", not
    // "the blue van belongs to".
    let mut subject = verb.and_then(|v| v.checked_sub(1));
    if matches!(at(subject), "is" | "'s" | "was" | "will" | "be") {
        subject = subject.and_then(|s| s.checked_sub(1));
    }
    let given = matches!(
        at(subject),
        "year"
            | "quarter"
            | "season"
            | "month"
            | "week"
            | "term"
            | "spring"
            | "summer"
            | "autumn"
            | "winter"
            | "result"
            | "results"
            | "win"
            | "record"
            | "score"
            | "success"
            | "credit"
            | "award"
    );
    let handed = given && matches!(before, ("belongs" | "belong" | "belonged", "to") | ("all", "about"));
    let owns_time = at(Some(end + 1)) == "'s"
        && matches!(
            at(Some(end + 2)),
            "year" | "quarter" | "season" | "month" | "week" | "summer" | "winter" | "spring" | "autumn" | "moment"
        );
    handed || owns_time
}

/// "and everyone will know exactly who did it", "everyone will see the
/// difference": everyone watching is not everyone taking part.
fn onlooker(a: &Analysis, u: &Hit) -> bool {
    let w = &a.words;
    let mut j = u.last + 1;
    while w
        .get(j)
        .is_some_and(|x| matches!(x.lower.as_str(), "will" | "'ll" | "can" | "should" | "would"))
    {
        j += 1;
    }
    j > u.last + 1
        && w.get(j).is_some_and(|v| {
            matches!(
                v.lower.as_str(),
                "know" | "see" | "hear" | "notice" | "remember" | "recognise" | "recognize" | "realise" | "realize"
            )
        })
}

/// "cameras on in every team call", "each department budget": a group
/// word heading a compound names the thing, not the people in it. The
/// group itself acts ("every team will", "every team gets") or is named
/// whole ("every team, every shift").
fn compound(a: &Analysis, u: &Hit) -> bool {
    let w = &a.words;
    let group = matches!(w[u.last].lower.as_str(), "team" | "department");
    group
        && w.get(u.last + 1).is_some_and(|n| {
            n.kind == Kind::Word
                && n.sentence == w[u.last].sentence
                && n.lower.len() > 2
                && !n.lower.ends_with('s')
                && !n.lower.ends_with("ed")
                && !crate::core::text::is_function_word(&n.lower)
                && !matches!(
                    n.lower.as_str(),
                    "will" | "can" | "should" | "must" | "may" | "might" | "could" | "would"
                )
                // "every team member", "each team leader": people still.
                && !matches!(
                    n.lower.as_str(),
                    "member" | "leader" | "lead" | "head" | "mate" | "manager" | "captain" | "rep" | "player" | "worker"
                )
        })
}

/// "Front desk, you just passed the tickets along": a team told its part
/// was only a small one, beside the team given the credit. A segment
/// addressed, then "you just / only / merely" and a past deed.
fn belittled(a: &Analysis) -> Option<(usize, usize)> {
    let w = &a.words;
    let at = |i: usize| w.get(i).map_or("", |x| x.lower.as_str());
    a.segments.iter().find_map(|h| {
        let mut j = h.last + 1;
        if matches!(at(j), "," | ":") {
            j += 1;
        }
        // ("you only need to": a need is no past deed.)
        let past = |l: &str| {
            (l.len() > 4 && l.ends_with("ed") && !l.ends_with("eed"))
                || matches!(
                    l,
                    "did" | "sat" | "kept" | "made" | "came" | "went" | "got" | "ran" | "held"
                )
        };
        (at(j) == "you" && matches!(at(j + 1), "just" | "only" | "merely") && past(at(j + 2)))
            .then_some((h.first, j + 2))
    })
}

/// Is a goal of ours set before word `i` ("we want", "we'd like", "we
/// will", "let's", "our goal")?
fn our_goal_before(a: &Analysis, i: usize) -> bool {
    let w = &a.words;
    // In the team's own sentence: a goal set earlier does not make a later
    // "the mechanics will own this target" a means; a task does ("We will
    // test every street. From June, crews will carry sample kits").
    let owned = (i..(i + 20).min(w.len()))
        .take_while(|&j| w[j].clause == w[i].clause)
        .any(|j| {
            matches!(
                w[j].lower.as_str(),
                "own" | "owns" | "target" | "goal" | "credit" | "yours" | "lead" | "win"
            )
        });
    // A plan a few sentences back still counts; a bounded look keeps many
    // team names in a long text from each walking back to its start.
    let start = if owned {
        a.sentence_start(i)
    } else {
        i.saturating_sub(60)
    };
    // "Let's make it 9 in 10 by next winter: the call centre will ...".
    let lets = (start.max(i.saturating_sub(30))..i).any(|j| j > 0 && w[j].lower == "'s" && w[j - 1].lower == "let");
    // "this autumn we're printing a guide, and the ward desk will hand it
    // over": a plan of ours in the present.
    let planning = (start.max(1)..i).any(|j| {
        matches!(w[j].lower.as_str(), "'re" | "are")
            && w[j - 1].lower == "we"
            && w.get(j + 1)
                .is_some_and(|n| n.lower.len() > 4 && n.lower.ends_with("ing"))
    });
    // "every outage text will give the time, and the contact centre will
    // check a sample": a goal for every one of a thing is no team's own.
    let everywhere = |f: &Hit| {
        let from = a.clause_start(f.first).max(f.first.saturating_sub(20));
        (from..f.first).any(|j| matches!(w[j].lower.as_str(), "every" | "each" | "all"))
            && !(from < f.first && a.segment_cover().overlaps(from, f.first - 1))
    };
    lets || planning
        || a.hits_in(List::Future, start, i)
            .iter()
            .filter(|f| f.last < i)
            .any(|f| {
                let first = w[f.first].lower.as_str();
                let before = f.first.checked_sub(1).map(|p| w[p].lower.as_str());
                matches!(first, "we" | "our")
                    || matches!(before, Some("we" | "'s" | "us"))
                    || (w[f.first].clause != w[i].clause && everywhere(f))
            })
}

/// "our couriers the friendliest, quickest crew": right after the segment, a
/// superlative of a team ("the", a superlative, then a group noun).
fn made_best(a: &Analysis, end: usize) -> bool {
    let w = &a.words;
    let clause = w[end].clause;
    let Some(the) = (end + 1..(end + 3).min(w.len())).find(|&j| w[j].lower == "the") else {
        return false;
    };
    let superlative = |j: usize| {
        let l = w[j].lower.as_str();
        a.covered_by(List::Superlatives, j, j) || (l.len() > 5 && l.ends_with("est"))
    };
    let Some(team) = a
        .hits_in(List::GroupNouns, the + 1, the + 6)
        .iter()
        .find(|g| w[g.first].sentence == w[end].sentence)
    else {
        return false;
    };
    (the + 1..team.first).any(superlative) && w[team.first].clause >= clause
}

/// The hits that start at word `i`, from hits in text order.
fn at(hits: &[Hit], i: usize) -> &[Hit] {
    let from = hits.partition_point(|h| h.first < i);
    let to = hits.partition_point(|h| h.first <= i);
    &hits[from..to]
}
