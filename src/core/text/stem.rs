//! Forgiving word matching: inflections ("baked" for "bake", "cheapest" for
//! "cheap"), a few derivations ("expertise" for "expert") and typos.
//!
//! The typo threshold, documented because it decides what counts as support
//! for a pillar: two words of six letters or more that share their first
//! two letters match when one letter is dropped, doubled or added; words
//! of five letters or more also match with two neighbours swapped ("cliam"
//! for "claim"), which is a slip of the keys and not another word. Other
//! short words must match exactly after inflection, because one edit turns
//! "fresh" into "flesh" and "late" into "lane".

/// The word and the forms it may have had before inflection, so forms of
/// one word meet: "baked" → [baked, bak, bake], "tried" → [tried, try].
/// Plural agent nouns keep their "-er" ("bakers" → [bakers, baker]), so a
/// word for people does not count as the verb.
pub fn forms(w: &str) -> Vec<String> {
    // Room for the most forms a word gets (three), so no push reallocates.
    let mut out = Vec::with_capacity(3);
    out.push(w.to_string());
    if w.len() <= 3 || !w.is_ascii() {
        return out;
    }
    // Every ending below ends in one of these letters: most words end in
    // another and need no comparison.
    if !w.ends_with(['y', 's', 'g', 't', 'd', 'r']) {
        return out;
    }
    const SUFFIXES: [&str; 12] = [
        "ingly", "edly", "ings", "ing", "iest", "ies", "ied", "ier", "est", "ed", "er", "es",
    ];
    for suf in SUFFIXES {
        let Some(stem) = strip_ascii_suffix(w, suf) else {
            continue;
        };
        let y_form = matches!(suf, "ies" | "ied" | "iest" | "ier");
        if stem.len() < 2 || !(y_form || stem.chars().any(is_vowel_y)) {
            continue;
        }
        if suf == "ed" && stem.ends_with('e') {
            continue; // "speed", "need", "agreed" are not past tenses of "spe"
        }
        if suf == "es" && stem.ends_with('e') {
            continue; // "fees", "employees": a plural in -s, of "fee", not "fe"
        }
        if y_form {
            out.push([stem, "y"].concat());
            return out;
        }
        let b = stem.as_bytes();
        let doubled = b.len() >= 3
            && b[b.len() - 1] == b[b.len() - 2]
            && !is_vowel_y(b[b.len() - 1] as char)
            && !matches!(b[b.len() - 1], b'l' | b's' | b'z' | b'f');
        if doubled {
            out.push(stem[..stem.len() - 1].to_string()); // "stopped" → "stop"
        } else {
            out.push(stem.to_string());
            if !stem.ends_with('e') {
                out.push([stem, "e"].concat()); // "baked" → "bake"
            }
        }
        return out;
    }
    if let Some(stem) = w.strip_suffix('s').filter(|s| !s.ends_with(['s', 'u', 'i'])) {
        out.push(stem.to_string());
    }
    out
}

/// The bare verb of a common irregular past or participle ("met" →
/// "meet", "sent" → "send"), for comparing what two texts say was done.
/// Only forms that are no other word: not "left", "found", "felt", "saw".
pub fn irregular_base(w: &str) -> Option<&'static str> {
    const PAST: [(&str, &str); 40] = [
        ("bought", "buy"),
        ("brought", "bring"),
        ("built", "build"),
        ("caught", "catch"),
        ("chose", "choose"),
        ("chosen", "choose"),
        ("driven", "drive"),
        ("drove", "drive"),
        ("forgot", "forget"),
        ("forgotten", "forget"),
        ("gave", "give"),
        ("given", "give"),
        ("gone", "go"),
        ("got", "get"),
        ("grew", "grow"),
        ("grown", "grow"),
        ("held", "hold"),
        ("kept", "keep"),
        ("knew", "know"),
        ("known", "know"),
        ("made", "make"),
        ("met", "meet"),
        ("paid", "pay"),
        ("ran", "run"),
        ("sent", "send"),
        ("sold", "sell"),
        ("spent", "spend"),
        ("taken", "take"),
        ("taught", "teach"),
        ("thought", "think"),
        ("told", "tell"),
        ("took", "take"),
        ("went", "go"),
        ("woke", "wake"),
        ("won", "win"),
        ("wore", "wear"),
        ("worn", "wear"),
        ("written", "write"),
        ("wrote", "write"),
        ("understood", "understand"),
    ];
    PAST.iter().find(|(past, _)| *past == w).map(|(_, base)| *base)
}

/// `w.strip_suffix(suf)` for an ASCII `w`, compared from the last byte:
/// most endings differ there, and a short loop beats a call to memcmp.
fn strip_ascii_suffix<'a>(w: &'a str, suf: &str) -> Option<&'a str> {
    let (wb, sb) = (w.as_bytes(), suf.as_bytes());
    let at = wb.len().checked_sub(sb.len())?;
    wb[at..].iter().rev().eq(sb.iter().rev()).then(|| &w[..at])
}

fn is_vowel_y(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Derivational endings accepted after a whole keyword ("expert" →
/// "expertise", "fresh" → "freshness"). Endings that reverse the meaning
/// ("-less") are deliberately absent.
pub const DERIVATIONS: [&str; 13] = [
    "ise", "ize", "ness", "ment", "ments", "ity", "ful", "fully", "ship", "al", "ly", "ous", "ously",
];

/// Adverbs in -ly that no longer mean their adjective: "nearly" (almost),
/// "hardly" (scarcely), "lately" (recently), "shortly" (soon).
const ADVERBS_OF_ANOTHER_SENSE: [&str; 13] = [
    "nearly",
    "hardly",
    "lately",
    "shortly",
    "barely",
    "merely",
    "scarcely",
    "largely",
    "highly",
    "presently",
    "really",
    "mostly",
    "overly",
];

/// Does a text word count as a keyword (part)? Both are given as their
/// forms (`forms(..)`, the written word first). They meet when the word is
/// an inflection of the keyword, or when both are inflected from a shared
/// form of four letters or more ("baking" and "baked" share "bake"; "cars"
/// and "caring" share only "car", which is too short to trust).
///
/// With `loose` (pillar keywords, segments, avoided terms), they also meet
/// when the keyword is an inflection of the word ("waiting" lists "wait"),
/// when the word is the keyword plus a derivational ending ("expertise"),
/// or when they are one typo apart. Lexicon phrases are strict, so the
/// phrase "finest" does not find "fine".
pub fn matches(word: &[String], kw: &[String], loose: bool) -> bool {
    let (Some(w), Some(k)) = (word.first(), kw.first()) else {
        return false;
    };
    if w == k {
        return true;
    }
    if word.contains(k) {
        // "muster" is no comparative of "must": a grammar word takes no
        // -er or -est.
        let compared = w
            .strip_prefix(k.as_str())
            .is_some_and(|e| matches!(e, "er" | "ers" | "est"));
        return !(compared && super::is_function_word(k));
    }
    // "reading" and "reader" share "read", but one is the verb and the other
    // the person who does it: a different word, not an inflection.
    if agent_noun(w) == agent_noun(k) && word[1..].iter().any(|f| f.len() >= 4 && kw[1..].contains(f)) {
        return true;
    }
    if !loose {
        return false;
    }
    // "can" is no stem of "canned": a grammar word is never the bare form
    // of a keyword.
    // Nor is "care" a form of "carer": a keyword for the people who do
    // something does not list the bare verb.
    if kw.contains(w) {
        return !super::is_function_word(w) && (!agent_noun(k) || agent_noun(w));
    }
    if k.len() >= 4 {
        // "luxurious" from "luxury", "speedily" from "speedy": a final y
        // turns to i before the ending.
        let derived = |rest: Option<&str>| rest.is_some_and(|rest| DERIVATIONS.contains(&rest));
        // ("business" is not "busy": only the endings of manner and kind.)
        let turned = k
            .strip_suffix('y')
            .and_then(|base| w.strip_prefix(base))
            .and_then(|rest| rest.strip_prefix('i'))
            .filter(|rest| matches!(*rest, "ous" | "ously" | "ly"));
        // "nearly" is not "near", nor "lately" "late": an adverb whose
        // sense has left its adjective is another word.
        let departed = ADVERBS_OF_ANOTHER_SENSE.contains(&w.as_str());
        if (derived(w.strip_prefix(k.as_str())) || derived(turned)) && !departed {
            return true;
        }
    }
    // A slip in an inflected word ("pushbaks" for "pushbacks"): its stem
    // against the keyword. A word of English is no slip: "barely" is not
    // "barley" mistyped.
    // ("guaranteed" is still "guarantee" with its ending.)
    let ending = w
        .strip_prefix(k.as_str())
        .is_some_and(|e| matches!(e, "s" | "d" | "es" | "ed"));
    // A stem is set against the keyword's own stems when it has them:
    // "patronis(ing)" is one letter from "patrons" but nothing like "patron".
    let targets = if kw.len() > 1 { &kw[1..] } else { kw };
    (ending || !super::english::is_word(w))
        && (typo(w, k) || word[1..].iter().any(|f| targets.iter().any(|t| typo(f, t))))
}

/// A noun for the one who does something or to whom it is done ("reader",
/// "planners", "attendees").
fn agent_noun(w: &str) -> bool {
    w.len() > 4 && (w.ends_with("er") || w.ends_with("ers") || w.ends_with("ee") || w.ends_with("ees"))
}

/// A slip of the keys: same first two letters ("writing" is one edit from
/// "waiting", but nobody mistypes the second letter of a word and keeps the
/// rest), and one letter dropped, doubled or added ("certifed",
/// "apointment") in words of six letters or more, or two neighbours swapped
/// ("expereinced", "cliam") in words of five or more. One letter put for
/// another is not taken for a slip: that is how a different word looks
/// ("planter" is not "planner").
pub fn typo(w: &str, k: &str) -> bool {
    let (lw, lk) = (w.chars().count(), k.chars().count());
    let shortest = if lw == lk { 5 } else { 6 };
    if lw < shortest || lk < shortest || lw.abs_diff(lk) > 1 || w.chars().take(2).ne(k.chars().take(2)) {
        return false;
    }
    if lw != lk {
        return strsim::osa_distance(w, k) <= 1;
    }
    // Same length: a swap of two neighbouring letters, or one vowel for
    // another in a longer word ("passangers", "seperate"), the slip people
    // make by ear.
    let (a, b): (Vec<char>, Vec<char>) = (w.chars().collect(), k.chars().collect());
    let diff: Vec<usize> = (0..lw).filter(|&i| a[i] != b[i]).collect();
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let swapped = diff.len() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]];
    let misheard = diff.len() == 1 && lw >= 7 && vowel(a[diff[0]]) && vowel(b[diff[0]]);
    swapped || misheard
}

/// Many words, asked "does this word match (strictly) any of them?" in a
/// few hash lookups instead of one comparison per word: the same answer as
/// `matches(word, kw, false)` for some `kw`, which holds when the word has
/// the entry itself among its forms, or shares an inflected form of four
/// letters or more with it.
#[derive(Debug, Clone, Default)]
pub struct StrictSet {
    words: std::collections::HashSet<String>,
    inflected: std::collections::HashSet<String>,
}

impl StrictSet {
    pub fn new<'a>(entries: impl IntoIterator<Item = &'a [String]>) -> StrictSet {
        let mut set = StrictSet::default();
        for kw in entries {
            let Some(first) = kw.first() else { continue };
            set.words.insert(first.clone());
            set.inflected.extend(kw[1..].iter().cloned());
        }
        set
    }

    /// Does `word` (its forms) match any entry strictly?
    pub fn matches_any(&self, word: &[String]) -> bool {
        !word.is_empty()
            && (word.iter().any(|f| self.words.contains(f))
                || word[1..].iter().any(|f| f.len() >= 4 && self.inflected.contains(f)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(w: &str, k: &str) -> bool {
        matches(&forms(w), &forms(k), true)
    }

    #[test]
    fn inflections_meet() {
        for (w, k) in [
            ("baked", "bake"),
            ("baking", "baked"),
            ("faster", "fast"),
            ("fastest", "fast"),
            ("cheapest", "cheap"),
            ("waiting", "wait"),
            ("greeted", "greet"),
            ("regulars", "regular"),
            ("experienced", "experience"),
            ("speeding", "speed"),
            ("routes", "route"),
            ("tried", "try"),
            ("stopped", "stop"),
            ("deliveries", "delivery"),
            ("attendee", "attendees"),
            ("employees", "employee"),
            ("fees", "fee"),
            ("trainees", "trainee"),
            ("shoes", "shoe"),
        ] {
            assert!(m(w, k), "{w} should match {k}");
        }
    }

    #[test]
    fn strict_matching_only_inflects_the_phrase() {
        let strict = |w: &str, k: &str| matches(&forms(w), &forms(k), false);
        assert!(strict("dominating", "dominate"));
        assert!(strict("shoppers", "shopper"));
        assert!(!strict("fine", "finest"));
        assert!(!strict("shop", "shopper"));
        assert!(!strict("expertise", "expert"));
        assert!(!strict("years", "yearly"), "-ly is a derivation, not an inflection");
        assert!(m("freshly", "fresh"));
        let loose = |w: &str, k: &str| matches(&forms(w), &forms(k), true);
        assert!(loose("quickly", "quick") && loose("clearly", "clear"));
        assert!(!loose("nearly", "near") && !loose("lately", "late") && !loose("shortly", "short"));
    }

    #[test]
    fn derivations_and_typos() {
        assert!(m("expertise", "expert"));
        assert!(m("freshness", "fresh"));
        assert!(m("luxurious", "luxury"));
        assert!(
            !m("luxuries", "luxurious"),
            "the ending is on the word, not the keyword"
        );
        assert!(m("certifed", "certified"));
        assert!(m("experiecne", "experience"));
        assert!(m("quikcly", "quickly"));
        assert!(m("cliam", "claim"), "two neighbours swapped in a short word");
        assert!(m("passangers", "passengers"), "one vowel for another in a long word");
        assert!(
            !m("baker", "biker") && !m("sailors", "sailers"),
            "short, or a word of its own"
        );
        // A keyword with an ending the stems miss is still the keyword.
        assert!(m("guaranteed", "guarantee"));
    }

    #[test]
    fn near_misses_do_not_match() {
        for (w, k) in [
            ("flesh", "fresh"),
            ("trail", "trial"),
            ("form", "from"),
            ("lane", "late"),
            ("bakers", "baked"),
            ("bakery", "baked"),
            ("careless", "care"),
            ("speed", "spend"),
            ("drained", "trained"),
            ("writing", "waiting"),
            ("experiment", "experience"),
            ("quantified", "qualified"),
            ("vocal", "local"),
            ("it", "its"),
            ("cars", "care"),
            ("cars", "caring"),
            // Look-alikes: another real word, not a slip of the keys.
            ("planter", "planner"),
            ("reading", "reader"),
            ("planning", "planners"),
            ("attended", "attendees"),
            ("muster", "must"),
            ("can", "canned"),
            ("business", "busy"),
            ("trained", "trainee"),
            ("care", "carer"),
            ("patronising", "patrons"),
            ("read", "readers"),
            // One swap from a keyword, but a word of English in its own right.
            ("barely", "barley"),
            ("untied", "united"),
        ] {
            assert!(!m(w, k), "{w} should not match {k}");
        }
    }

    #[test]
    fn a_strict_set_answers_as_matching_each_entry_would() {
        let entries: Vec<Vec<String>> = ["wait", "delays", "baked", "late", "queue", "stopped", "tries"]
            .iter()
            .map(|w| forms(w))
            .collect();
        let set = StrictSet::new(entries.iter().map(Vec::as_slice));
        for w in [
            "wait", "waiting", "waited", "delay", "delayed", "bake", "baking", "lately", "late", "queues", "stop",
            "stopping", "try", "tried", "trial", "fresh", "",
        ] {
            let f = forms(w);
            let each = entries.iter().any(|k| matches(&f, k, false));
            assert_eq!(set.matches_any(&f), each, "{w}");
        }
    }
}
