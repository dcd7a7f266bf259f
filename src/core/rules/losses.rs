//! Losses: the sentences of a message that take something away ("we will
//! close the Millbrook office", "from 1 April the branch closes"), accept
//! falling short ("a few late deliveries are fine"), or arrange such a loss.
//! Their futures and dates are news, not a destination; aspirational reads
//! them once per message and asks this reading.

use crate::core::analysis::Analysis;
use crate::core::lexicon::List;
use crate::core::text::cover::Cover;
use crate::core::text::tokens::Kind;
use std::collections::HashSet;

/// What a message takes away, read once.
pub(super) struct Losses {
    /// Sentences that announce a loss, accept a shortfall, or arrange one.
    pub sentences: HashSet<usize>,
    /// Sentences whose futures are no goal: those that arrange a loss told
    /// just before them, or announce one from a date.
    pub aftermath: HashSet<usize>,
    /// Per sentence, where it first accepts falling short.
    accepted_from: std::collections::HashMap<usize, usize>,
    /// Where an effective date starts something ("from April").
    pub starts: Vec<usize>,
}

impl Losses {
    pub fn read(a: &Analysis) -> Self {
        let starts = effective_starts(a);
        let dated = dated_losses(a, &starts);
        let aftermath = aftermath(a, &dated);
        let denied_future = a.hits(List::Future).iter().filter(|h| {
            matches!(a.words[h.first].lower.as_str(), "will" | "'ll" | "shall" | "wo")
                && (denied(a, h.last) || loses(a, h.last))
        });
        let accepted = a
            .hits(List::Acceptance)
            .iter()
            .filter(|h| a.negated_by[h.first].is_none());
        let accepting: Vec<usize> = accepted.map(|h| h.first).collect();
        let mut sentences: HashSet<usize> = denied_future.map(|h| a.words[h.first].sentence).collect();
        sentences.extend(accepting.iter().map(|&i| a.words[i].sentence));
        sentences.extend(dated.iter().copied());
        sentences.extend(aftermath.iter().copied());
        // "from spring we're no longer offering free repairs - the workshop
        // will ...": what goes with a loss from a date is part of the news.
        let mut aftermath = aftermath;
        aftermath.extend(dated);
        // "late departures this month are fine, nobody's going to chase
        // you": so is what follows an accepted shortfall in its sentence
        // ("every works will hold a batch back, even if it means ..." keeps
        // its goal). The first acceptance of each sentence.
        let mut accepted_from = std::collections::HashMap::new();
        for i in accepting {
            accepted_from.entry(a.words[i].sentence).or_insert(i);
        }
        Self {
            sentences,
            aftermath,
            accepted_from,
            starts,
        }
    }
}

impl Losses {
    /// Is a future at word `i` part of the news of a loss, not a goal?
    pub fn tells(&self, a: &Analysis, i: usize) -> bool {
        let sentence = a.words[i].sentence;
        self.aftermath.contains(&sentence) || self.accepted_from.get(&sentence).is_some_and(|&from| from < i)
    }
}

/// A word that counts things: "two", "several", "both".
fn number_word(w: &str) -> bool {
    matches!(
        w,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "a"
            | "few"
            | "several"
            | "some"
            | "both"
            | "all"
            | "many"
            | "most"
    )
}

/// "won't open on Sundays", "will no longer take": a future denied (the modal
/// ending at `last`) is a loss or a restriction, not a state to work toward.
pub(super) fn denied(a: &Analysis, last: usize) -> bool {
    a.words
        .get(last + 1)
        .is_some_and(|n| matches!(n.lower.as_str(), "n't" | "not" | "no" | "never"))
}

/// "we will close the Millbrook office", "will scrap the Friday run": a
/// future that takes something away (not "close the gap", "end the
/// delays": what is ended there is bad).
pub(super) fn loses(a: &Analysis, last: usize) -> bool {
    let w = &a.words;
    let Some(v) = w.get(last + 1) else { return false };
    // What is taken away is a thing that exists ("close the office", "end
    // our Friday run"); "close more deals" takes nothing away.
    // "close two of our branches", "shut both depots", "close Millbrook":
    // a share of what is ours, all of a known set, or a place by name.
    let mut at = last + 2;
    let mut counted = false;
    while w
        .get(at)
        .is_some_and(|x| x.kind == Kind::Number || number_word(&x.lower) || x.lower == "of")
    {
        counted |= w[at].lower != "of";
        at += 1;
    }
    let existing = w.get(at).is_some_and(|d| {
        let shared = at > last + 2 && w[at - 1].lower == "of";
        matches!(
            d.lower.as_str(),
            "the" | "our" | "its" | "their" | "this" | "that" | "these" | "those"
        ) && (!counted || shared)
            || (counted && matches!(w[last + 2].lower.as_str(), "both" | "all"))
            || (d.kind == Kind::Word && d.capital && !d.acronym && d.sentence == v.sentence)
    });
    // "we'll stop covering the villages", "will end offering": ceasing a
    // doing takes it away.
    let ceasing = matches!(v.lower.as_str(), "stop" | "end" | "cease" | "quit")
        && w.get(last + 2)
            .is_some_and(|n| n.lower.len() > 4 && n.lower.ends_with("ing"));
    let loss = ceasing
        || existing
            && matches!(
                v.lower.as_str(),
                "close" | "shut" | "scrap" | "axe" | "withdraw" | "discontinue" | "cancel" | "drop" | "end" | "stop"
            );
    loss && !a
        .hits_in(List::NegativeSense, last + 2, last + 7)
        .iter()
        .any(|n| w[n.first].sentence == v.sentence)
}

/// Where an effective date starts something ("from April", "from 1 April").
fn effective_starts(a: &Analysis) -> Vec<usize> {
    let w = &a.words;
    let calendar = a.cover(List::Calendar);
    let day_dated = (0..w.len().saturating_sub(2)).filter(|&i| {
        // "from 1 May": after a day, "may" and "march" are months.
        matches!(w[i].lower.as_str(), "from" | "starting")
            && w[i + 1].kind == Kind::Number
            && (calendar.starts_at(i + 2) || matches!(w[i + 2].lower.as_str(), "may" | "march"))
    });
    a.hits(List::EffectiveDates)
        .iter()
        .map(|h| h.first)
        .chain(day_dated)
        .collect()
}

/// "From October every first-year can borrow a laptop", "from February the
/// staff room gets a new kettle": the present tense after an effective
/// date schedules something new for people; with "can" or "gets" it is a
/// gain to look forward to, as "will" would say. Not in a loss.
pub(super) fn scheduled(a: &Analysis, losses: &Losses) -> Option<usize> {
    let w = &a.words;
    let who = [
        a.cover(List::GroupNouns),
        a.cover(List::Beneficiaries),
        &Cover::new(&a.segments),
    ];
    let sentences: HashSet<usize> = losses
        .starts
        .iter()
        .map(|&i| w[i].sentence)
        .filter(|s| !losses.sentences.contains(s))
        .collect();
    (0..w.len()).find(|&i| {
        sentences.contains(&w[i].sentence)
            && a.negated_by[i].is_none()
            && match w[i].lower.as_str() {
                // "every first-year can borrow": people are given
                // something; "complaints can take up to 10 days" says how
                // things may go, not what anyone gains.
                "can" => {
                    let people = (i.saturating_sub(4)..i).any(|j| {
                        w[j].sentence == w[i].sentence
                            && (matches!(
                                w[j].lower.as_str(),
                                "every" | "each" | "all" | "you" | "we" | "they" | "everyone" | "anyone"
                            ) || who.iter().any(|c| c.overlaps(j, j)))
                    });
                    people
                        && !w.get(i + 1).is_some_and(|n| {
                            matches!(
                                n.lower.as_str(),
                                "n't" | "not" | "no" | "never" | "only" | "take" | "be" | "last" | "cost"
                            )
                        })
                }
                "gets" | "get" | "receives" | "receive" => true,
                // "from January we're renting 30 spaces": a plan in the
                // present progressive.
                // Not a loss in the progressive: "we're saying goodbye to
                // cat grooming", "we're closing the Leeds branch".
                "'re" | "are" => {
                    i > 0
                        && matches!(w[i - 1].lower.as_str(), "we" | "you" | "they")
                        && w.get(i + 1).is_some_and(|n| {
                            n.lower.len() > 5
                                && n.lower.ends_with("ing")
                                && !matches!(
                                    n.lower.as_str(),
                                    "closing"
                                        | "cutting"
                                        | "dropping"
                                        | "ending"
                                        | "stopping"
                                        | "scrapping"
                                        | "axing"
                                        | "withdrawing"
                                        | "cancelling"
                                        | "canceling"
                                        | "losing"
                                        | "phasing"
                                        | "retiring"
                                        | "removing"
                                        | "reducing"
                                        | "shutting"
                                )
                                && !(n.lower == "saying" && w.get(i + 2).is_some_and(|g| g.lower == "goodbye"))
                        })
                }
                _ => false,
            }
    })
}

/// "From 1 April the Ashby branch closes overnight": a present tense that
/// takes something away from a date on is a loss announced.
fn dated_losses(a: &Analysis, starts: &[usize]) -> Vec<usize> {
    let w = &a.words;
    // One pass over the words, then one look per date.
    // "stays open until the last repair ends": a loss word in a clause of
    // time or condition says when, not what is taken away.
    let taking: HashSet<usize> = w
        .iter()
        .enumerate()
        .filter(|&(i, x)| {
            // "the night shifts finish for good": a plain verb of ending
            // takes away when it is for good.
            let for_good = w.get(i + 1).is_some_and(|n| n.lower == "permanently")
                || (w.get(i + 1).is_some_and(|n| n.lower == "for") && w.get(i + 2).is_some_and(|n| n.lower == "good"));
            let ending = matches!(
                x.lower.as_str(),
                "finish" | "finishes" | "end" | "close" | "stop" | "go" | "goes"
            );
            // "from spring we're no longer offering free repairs".
            let no_longer = x.lower == "longer" && i > 0 && w[i - 1].lower == "no";
            (matches!(
                x.lower.as_str(),
                "closes" | "shuts" | "ends" | "stops" | "closing" | "shutting" | "ending" | "stopping"
            ) || (ending && for_good)
                || no_longer)
                && !(i.saturating_sub(4)..i).any(|j| {
                    w[j].sentence == x.sentence
                        && matches!(
                            w[j].lower.as_str(),
                            "until" | "till" | "when" | "before" | "after" | "if" | "once"
                        )
                })
        })
        .map(|(_, x)| x.sentence)
        .collect();
    starts
        .iter()
        .map(|&i| w[i].sentence)
        .filter(|s| taking.contains(s))
        .collect()
}

/// "In April we will close the Plymouth office. HR will meet each of them
/// before February": the sentences after a loss that point back at it
/// ("them", "there", "its", "from then on") arrange the loss; their futures
/// and dates are part of the news, not a destination.
fn aftermath(a: &Analysis, dated: &[usize]) -> HashSet<usize> {
    let w = &a.words;
    // Only what takes something away ("close the office") has an
    // aftermath; a denied future is often a promise ("we will never ...").
    let mut set: HashSet<usize> = a
        .hits(List::Future)
        .iter()
        .filter(|h| matches!(w[h.first].lower.as_str(), "will" | "'ll" | "shall") && loses(a, h.last))
        .map(|h| w[h.first].sentence)
        .collect();
    set.extend(dated.iter().copied());
    let origins = set.clone();
    // One pass over the words: which sentences point back, which carry a
    // date of their own. The sentence right after a loss that points back
    // at it arranges it ("Its mechanics move to York"); one with its own
    // date ("By June the York team will ...") sets its own goal, and a
    // sentence after an arrangement is no longer about the loss.
    let own_date: HashSet<usize> = a
        .hits(List::Deadlines)
        .iter()
        .filter(|h| w[h.first].lower == "by")
        .map(|h| w[h.first].sentence)
        .collect();
    let pointing: HashSet<usize> = w
        .iter()
        .filter(|x| {
            matches!(
                x.lower.as_str(),
                "them" | "there" | "its" | "then" | "those" | "affected" | "instead"
            )
        })
        .map(|x| x.sentence)
        .collect();
    for &s in &pointing {
        if s > 0 && origins.contains(&(s - 1)) && !own_date.contains(&s) {
            set.insert(s);
        }
    }
    set.retain(|s| !origins.contains(s));
    // "side rooms will no longer be cleaned at weekends; the Monday team
    // will catch up": what a semicolon joins to a loss arranges it.
    let lost: HashSet<usize> = a
        .hits(List::Future)
        .iter()
        .filter(|h| {
            // "will no longer": a denied future that takes away ("we will
            // never cut corners" is a promise).
            matches!(w[h.first].lower.as_str(), "will" | "'ll" | "shall")
                && w.get(h.last + 1).is_some_and(|n| n.lower == "no")
                && w.get(h.last + 2).is_some_and(|n| n.lower == "longer")
        })
        .map(|h| w[h.first].sentence)
        .collect();
    for (i, x) in w.iter().enumerate().skip(1) {
        let joined = x.sentence != w[i - 1].sentence && w[i - 1].lower == ";";
        if joined && (origins.contains(&w[i - 1].sentence) || lost.contains(&w[i - 1].sentence)) {
            set.insert(x.sentence);
        }
    }
    set
}
