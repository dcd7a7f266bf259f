//! Orders that carry out a pillar's opposite: an imperative whose verb is
//! the opposite, "just" before a bare verb, and an order that passes the
//! opposite on to customers or keeps people in it.

use crate::core::analysis::Analysis;
use crate::core::lexicon::List;
use crate::core::text::phrases::Hit;

/// "Ignore the hold queue when the rush starts", "just rush it": an
/// imperative whose verb is the opposite tells people to do it.
pub(super) fn commanded(a: &Analysis, h: &Hit) -> bool {
    let w = &a.words;
    // From the start of its clause, so an address before it ("Planners:
    // please postpone ...") or a leading condition ("If it's busy, skip
    // ...") still leaves an imperative; at most a few softening words
    // before the verb.
    let start = a.clause_start(h.first);
    // "Missed bin reports will drop": a past form opening a clause
    // describes what follows; an imperative is the plain verb.
    let first = w[h.first].lower.as_str();
    let past = first.len() > 4 && first.ends_with("ed") && !first.ends_with("eed");
    let opens = h.first - start <= 4
        && (start..h.first).all(|j| {
            matches!(
                w[j].lower.as_str(),
                "please" | "just" | "simply" | "then" | "so" | "and"
            )
        });
    !past && opens
}

/// "if you're not sure which size they need just guess": "just" before the
/// bare verb marks the main clause's order, after a condition with no
/// comma. Not "it is just late", "a just cause", nor a past ("we just
/// guessed").
pub(super) fn just_order(a: &Analysis, h: &Hit) -> bool {
    let w = &a.words;
    if h.first < 2 || w[h.first - 1].lower != "just" || w[h.first - 1].clause != w[h.first].clause {
        return false;
    }
    let verb = w[h.first].lower.as_str();
    let third_person = verb.ends_with('s') && !verb.ends_with("ss");
    let plain = !(verb.ends_with("ed") || verb.ends_with("ing") || third_person);
    // After a condition ("if ...", "when ...") in the same clause, and not
    // what someone is let or made to do ("don't let customers just wait",
    // "instead of making them just wait").
    let start = a.clause_start(h.first).max(h.first.saturating_sub(14));
    let condition = (start..h.first).any(|j| matches!(w[j].lower.as_str(), "if" | "when" | "whenever" | "unless"));
    let made = (start..h.first).any(|j| {
        matches!(
            w[j].lower.as_str(),
            "let" | "letting" | "make" | "making" | "have" | "having" | "instead" | "rather" | "ok" | "okay"
        )
    });
    if !condition || made {
        return false;
    }
    let before = w[h.first - 2].lower.as_str();
    let describes = crate::core::text::is_function_word(before)
        || matches!(
            before,
            "'re" | "'m" | "i" | "we" | "they" | "he" | "she" | "was" | "were" | "am" | "never" | "n't" | "not"
        );
    plain && !describes
}

/// "just send the old stock", "use the imported malt this week": an
/// imperative that passes the opposite on to customers tells people to do
/// it. Not one that deals with it ("check the old stock", "report any late
/// van"): that keeps the promise.
pub(super) fn handed_on(a: &Analysis, h: &Hit) -> bool {
    let w = &a.words;
    let start = a.clause_start(h.first);
    let softener = |j: usize| {
        matches!(
            w[j].lower.as_str(),
            "please" | "just" | "simply" | "then" | "so" | "and"
        )
    };
    // The verb comes within the first few words of the clause, or right
    // after an "and" that joins a second order ("stick a film on and keep
    // everyone indoors").
    let opening = (start..h.first.min(start + 4))
        .find(|&j| !softener(j))
        .filter(|&v| v - start <= 3);
    let joined = (h.first.saturating_sub(4).max(start + 1)..h.first).find(|&j| w[j - 1].lower == "and");
    let passes_on = |v: usize| {
        matches!(
            w[v].lower.as_str(),
            "send" | "use" | "serve" | "sell" | "ship" | "give" | "offer" | "pour" | "stock" | "deliver" | "load"
        )
    };
    // "keep everyone indoors", "leave the customer waiting", "keep it
    // rushed": people, or the work, kept in the opposite state. Not "keep
    // delays short", which fights it.
    let kept_in = |v: usize| {
        let person = |j: usize| {
            matches!(
                w[j].lower.as_str(),
                "everyone" | "everybody" | "them" | "him" | "her" | "people" | "us" | "it" | "things"
            ) || a.cover(List::Beneficiaries).overlaps(j, j)
        };
        matches!(w[v].lower.as_str(), "keep" | "leave")
            && (v + 1..h.first).all(|j| person(j) || matches!(w[j].lower.as_str(), "the" | "our" | "your" | "a"))
            && (v + 1..h.first).any(person)
            && !w
                .get(h.last + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "down" | "short" | "low" | "to" | "minimal"))
    };
    // "leave the weeping joints unrepaired": a thing left in the opposite
    // state, the opposite following the thing as what it is left as. Not
    // "leave the old stock", where the opposite is the thing itself.
    let left_as = |v: usize| {
        matches!(w[v].lower.as_str(), "keep" | "leave")
            && h.first > v + 1
            && h.first - v <= 7
            && (v + 1..h.first).all(|j| w[j].clause == w[v].clause)
            && (v + 1..h.first).any(|j| !crate::core::text::is_function_word(&w[j].lower))
            // Nor "keep riders informed of delays": after a preposition
            // the opposite is what they hear about.
            && !matches!(
                w[h.first - 1].lower.as_str(),
                "the" | "a" | "an" | "any" | "our" | "your" | "some" | "of" | "about" | "on" | "for" | "with"
                    | "to" | "from" | "in" | "at" | "by"
            )
            && !w
                .get(h.last + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "down" | "short" | "low" | "to" | "minimal"))
    };
    let between = |v: usize| {
        (v + 1..h.first).all(|j| {
            matches!(
                w[j].lower.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "any"
                    | "some"
                    | "our"
                    | "your"
                    | "all"
                    | "that"
                    | "those"
                    | "this"
                    | "these"
                    | "out"
                    // "send them the workaround": to whom, then what.
                    | "them"
                    | "him"
                    | "her"
                    | "everyone"
                    | "everybody"
                    | "it"
            )
        })
    };
    [opening, joined]
        .into_iter()
        .flatten()
        .any(|v| (passes_on(v) && between(v)) || kept_in(v) || left_as(v))
}
