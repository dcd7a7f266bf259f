//! A role spoken of as a man (or a woman): "every skipper will take his
//! crew through the drill", "each nurse should update her notes". The role
//! is everyone who holds it, so the pronoun leaves some of them out, as
//! "guys" does.

use crate::core::analysis::Analysis;
use crate::core::lexicon::List;
use crate::core::text::tokens::Kind;
use crate::core::text::{english, is_function_word, quotes};

/// The words that make the noun after them everyone of its kind ("every
/// adviser").
const EVERY: [&str; 4] = ["every", "each", "any", "whichever"];
/// The words that are everyone already.
const EVERYONE: [&str; 6] = ["everyone", "everybody", "anyone", "anybody", "nobody", "whoever"];

/// Nouns of time, which "every" makes a frequency, not a role ("every
/// shift he ..."), and words that make it a phrase of time ("every so
/// often", "every now and then", "every other").
const TIMES: [&str; 20] = [
    "day",
    "week",
    "fortnight",
    "month",
    "quarter",
    "year",
    "term",
    "season",
    "time",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "hour",
    "minute",
    "shift",
    "so",
    "now",
    "other",
];

/// Nouns of one sex: beside them a pronoun of that sex is right ("every
/// new mum will have her own room", "each father can take his leave").
const SEXED: [&str; 22] = [
    "mum",
    "mums",
    "mother",
    "mothers",
    "maternity",
    "dad",
    "dads",
    "father",
    "fathers",
    "paternity",
    "woman",
    "women",
    "women's",
    "man",
    "men",
    "men's",
    "girl",
    "girls",
    "boy",
    "boys",
    "wife",
    "husband",
];

/// Month names, capitalised but no one's name ("By May every mechanic ...").
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn male(w: &str) -> bool {
    matches!(w, "he" | "him" | "his" | "himself")
}

/// Pronouns of one sex.
fn gendered(w: &str) -> bool {
    male(w) || matches!(w, "she" | "her" | "hers" | "herself")
}

/// The first generic "every <role> ... his" of the text: the quantifier
/// and the pronoun, in one sentence. Not when the text names someone
/// before the pronoun ("Sam retires on Friday, and everyone is invited to
/// his send-off"), whom it may mean; not when the pronoun opens a clause
/// about the quantified words ("every order she packs"); not in "his or
/// her", "s/he", which name both; not beside a noun of one sex; not in
/// quotes.
pub fn gendered_generic(a: &Analysis) -> Option<(usize, usize)> {
    let w = &a.words;
    let calendar = a.cover(List::Calendar);
    // A name: a capitalised word that is no acronym and no date, and,
    // opening its sentence, no word of English ("Sam is our new lead").
    let name = |i: usize| {
        let word = &w[i];
        word.kind == Kind::Word
            && word.capital
            && !word.acronym
            && word.lower != "i"
            && !calendar.overlaps(i, i)
            && !MONTHS.contains(&word.lower.as_str())
            && !EVERY.contains(&word.lower.as_str())
            && !EVERYONE.contains(&word.lower.as_str())
            && (i > a.sentence_start(i) || !(english::is_word(&word.lower) || is_function_word(&word.lower)))
    };
    let mut named = false;
    let mut sexed = false;
    let mut generic: Option<usize> = None;
    for (i, word) in w.iter().enumerate() {
        if i > 0 && w[i - 1].sentence != word.sentence {
            generic = None;
            sexed = false;
        }
        let l = word.lower.as_str();
        named |= name(i);
        sexed |= SEXED.contains(&l);
        // A role is one of a kind ("every adviser"), not many ("any
        // questions") nor a time ("every day he opens up").
        let role = EVERY.contains(&l)
            && w.get(i + 1).is_some_and(|n| {
                n.kind == Kind::Word
                    && n.sentence == word.sentence
                    && (n.lower.ends_with("ss") || !n.lower.ends_with('s'))
                    && !TIMES.contains(&n.lower.as_str())
                    && !matches!(n.lower.as_str(), "of" | "one" | "more")
            });
        if role || EVERYONE.contains(&l) {
            generic = generic.or(Some(i));
            continue;
        }
        let Some(g) = generic else { continue };
        // "HIS" is a system's name, not a pronoun.
        // A subject right after the quantified words starts a clause about
        // them: "everyone she trained", "every new bike he checks".
        let reach = if EVERYONE.contains(&w[g].lower.as_str()) { 1 } else { 3 };
        let clause_on_them = matches!(l, "he" | "she") && i <= g + reach;
        if gendered(l) && clause_on_them {
            // Someone the text knows already: the same pronoun later is them.
            generic = None;
            continue;
        }
        if !gendered(l) || word.acronym || named || sexed || quotes::inside(w, i) {
            continue;
        }
        // The other sex's pronoun near by names both: "his or her",
        // "he (or she)", "s/he".
        let near = i.saturating_sub(3)..(i + 4).min(w.len());
        let both = near
            .clone()
            .any(|j| gendered(&w[j].lower) && male(&w[j].lower) != male(l))
            || (i >= 2 && w[i - 1].lower == "/" && w[i - 2].lower == "s");
        if both {
            continue;
        }
        return Some((g, i));
    }
    None
}
