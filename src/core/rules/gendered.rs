//! A role spoken of as a man (or a woman): "every skipper will take his
//! crew through the drill", "each nurse should update her notes". The role
//! is everyone who holds it, so the pronoun leaves some of them out, as
//! "guys" does.

use crate::core::analysis::Analysis;
use crate::core::text::quotes;
use crate::core::text::tokens::Kind;

/// The words that make a noun after them everyone of its kind ("every
/// adviser"), and the words that are everyone already ("everyone").
const EVERY: [&str; 4] = ["every", "each", "any", "whichever"];
const EVERYONE: [&str; 6] = ["everyone", "everybody", "anyone", "anybody", "nobody", "whoever"];

/// Nouns of time, which "every" makes a frequency, not a role.
const TIMES: [&str; 11] = [
    "day", "week", "month", "year", "time", "morning", "evening", "night", "weekend", "hour", "minute",
];

fn male(w: &str) -> bool {
    matches!(w, "he" | "him" | "his" | "himself")
}

/// Pronouns of one sex.
fn gendered(w: &str) -> bool {
    matches!(w, "he" | "him" | "his" | "himself" | "she" | "her" | "hers" | "herself")
}

/// The first generic "every <role> ... his" of the text: the quantifier
/// and the pronoun, in one sentence. Not when a name or a named person
/// ("Sam", "the new manager") comes between, whom the pronoun may mean;
/// not in "his or her", "he/she", which name both; not in quotes.
pub fn gendered_generic(a: &Analysis) -> Option<(usize, usize)> {
    let w = &a.words;
    let mut generic: Option<usize> = None;
    for (i, word) in w.iter().enumerate() {
        if i > 0 && w[i - 1].sentence != word.sentence {
            generic = None;
        }
        let l = word.lower.as_str();
        // A role is one of a kind ("every adviser"), not many ("any
        // questions") nor a time ("every day he opens up").
        let role = EVERY.contains(&l)
            && w.get(i + 1).is_some_and(|n| {
                n.kind == Kind::Word
                    && n.sentence == word.sentence
                    && (n.lower.ends_with("ss") || !n.lower.ends_with('s'))
                    && !TIMES.contains(&n.lower.as_str())
                    && !matches!(n.lower.as_str(), "other" | "of" | "one")
            });
        if role || EVERYONE.contains(&l) {
            generic = generic.or(Some(i));
            continue;
        }
        let Some(g) = generic else { continue };
        // Someone the pronoun may mean instead: a name or a title.
        let named = word.kind == Kind::Word && word.capital && !word.acronym && i > a.sentence_start(i) && l != "i";
        if named || matches!(l, "mr" | "mrs" | "ms" | "dr") {
            generic = None;
            continue;
        }
        // Right after the noun, the pronoun is someone else's act on it
        // ("every order she packed": she was named before).
        if !gendered(l) || quotes::inside(w, i) || i == g + 2 {
            continue;
        }
        let both = |j: usize| {
            w.get(j)
                .is_some_and(|n| gendered(&n.lower) && male(&n.lower) != male(l))
        };
        let paired = |j: Option<usize>, k: Option<usize>| {
            j.and_then(|j| w.get(j))
                .is_some_and(|m| matches!(m.lower.as_str(), "or" | "/" | "and"))
                && k.is_some_and(both)
        };
        if paired(Some(i + 1), Some(i + 2)) || paired(i.checked_sub(1), i.checked_sub(2)) {
            continue;
        }
        return Some((g, i));
    }
    None
}
