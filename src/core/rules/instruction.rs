//! An instruction: a sentence that opens with a bare imperative verb
//! ("Keep telling ...", "Use the ..."), after an optional address
//! ("Drivers: ...") or a leading "when/if/each ..." clause. Aspirational
//! reads it as a task rather than a destination; inclusive as an order
//! when it gives neither a reason nor a date.

use crate::core::analysis::Analysis;
use crate::core::lexicon::{Lexicon, List};
use crate::core::text::tokens::Kind;

/// The first word of an instruction: a sentence that opens with a bare
/// imperative verb ("Keep telling ...", "Aim to ..."), after an optional
/// address ("Drivers: ...") or a leading "when/if/each ..." clause.
pub fn instruction(a: &Analysis, lexicon: &Lexicon) -> Option<usize> {
    let w = &a.words;
    // Only the bare verb as listed: "Starting tomorrow" is not "start".
    let starts = a.cover(List::Imperatives);
    // "Email's playing up again": a verb's spelling with a contracted
    // "is" or "will" after it is the subject of a statement ("let's"
    // opens a proposal, which aspirational reads).
    let imperative = |i: usize| {
        starts.starts_at(i)
            && lexicon.imperative_head(&w[i].lower)
            && !w
                .get(i + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "'s" | "'re" | "'ll" | "'ve" | "'d"))
    };
    // Where the word stands is asked first: few words open a sentence or
    // follow a comma, and those checks cost a comparison or two, while the
    // verb checks look words up (all are pure, so the order changes nothing).
    (0..w.len()).find(|&i| {
        w[i].kind == Kind::Word
            && (sentence_start(a, i) || after_opening_clause(a, i) || after_a_statement(a, i))
            && (imperative(i) || verbless(a, i))
    })
}

/// "Phones away on the floor, people.", "All bikes out of the stairwells.",
/// "Cameras on in every call.": a thing and where it must go, with no verb,
/// is an order. Not a headline with a verb after it ("Days off in lieu are
/// booked in the app"), and not "up" or "down", which report ("Sales up
/// 5%").
fn verbless(a: &Analysis, i: usize) -> bool {
    let w = &a.words;
    let at = |k: usize| w.get(k).map_or("", |x| x.lower.as_str());
    let noun = if matches!(at(i), "all" | "your" | "the") {
        i + 1
    } else {
        i
    };
    let thing = w.get(noun).is_some_and(|x| {
        x.kind == Kind::Word
            && x.sentence == w[i].sentence
            && !crate::core::text::is_function_word(&x.lower)
            && x.lower.chars().all(|c| c.is_alphabetic())
    });
    // Things people can move: a plural, or "all" or "your" before it
    // ("Heating off in the east workshop" and "Lift out of order" report).
    let movable = noun > i || (at(noun).ends_with('s') && !at(noun).ends_with("ss"));
    let particle = matches!(at(noun + 1), "away" | "out" | "off" | "on" | "back")
        && !(at(noun + 2) == "of" && matches!(at(noun + 3), "order" | "action" | "service" | "stock" | "use" | "date"));
    let then = w.get(noun + 2).is_none_or(|x| {
        x.sentence != w[i].sentence
            || x.kind == Kind::Punct
            || matches!(
                x.lower.as_str(),
                "of" | "on"
                    | "in"
                    | "at"
                    | "from"
                    | "to"
                    | "by"
                    | "during"
                    | "before"
                    | "after"
                    | "until"
                    | "for"
                    | "now"
                    | "please"
            )
    });
    // A verb later in the sentence makes it a statement.
    let verb = (noun + 2..(noun + 12).min(w.len()))
        .take_while(|&k| w[k].sentence == w[i].sentence)
        .any(|k| {
            matches!(
                at(k),
                "is" | "are" | "was" | "were" | "'s" | "'re" | "will" | "'ll" | "can" | "have" | "has" | "go" | "goes"
            )
        });
    thing && movable && particle && then && !verb
}

/// The word right after a comma that closes a statement of how things
/// are: "the new scripts are on the drive, have a look before Thursday".
fn after_a_statement(a: &Analysis, i: usize) -> bool {
    let w = &a.words;
    if i < 3 || w[i - 1].lower != "," {
        return false;
    }
    let start = a.sentence_start(i);
    w[start..i - 1]
        .iter()
        .any(|x| matches!(x.lower.as_str(), "is" | "are" | "'s" | "'re" | "was" | "were"))
}

pub fn sentence_start(a: &Analysis, i: usize) -> bool {
    let w = &a.words;
    i == 0
        || w[i - 1].sentence != w[i].sentence
        || matches!(w[i - 1].lower.as_str(), ":" | "," if i >= 2 && vocative(a, i - 1))
}

/// "Drivers:" or "Team," opening a sentence: at most three words before
/// the mark, so only those are looked at, however long the sentence.
fn vocative(a: &Analysis, punct: usize) -> bool {
    let w = &a.words;
    let sentence = w[punct].sentence;
    if punct >= 4 && w[punct - 4].sentence == sentence {
        return false;
    }
    let start = (punct.saturating_sub(3)..punct)
        .find(|&j| w[j].sentence == sentence)
        .unwrap_or(punct);
    w[start..punct].iter().all(|x| x.kind == Kind::Word)
}

/// The word right after a leading subordinate clause: "When you quote a
/// repair, promise ...", "Each month, show ...".
fn after_opening_clause(a: &Analysis, i: usize) -> bool {
    let w = &a.words;
    if i < 2 || w[i - 1].lower != "," {
        return false;
    }
    let start = a.sentence_start(i);
    matches!(
        w[start].lower.as_str(),
        "when" | "if" | "each" | "every" | "before" | "after" | "whenever" | "once" | "in" | "for"
    )
}
