//! Negation scope: which words a "not", "no longer" or "never" turns around.
//! A negator reaches forward to the end of its clause ("we don't bake fresh"),
//! or to a subordinate clause it does not reach into ("no phones in the cab
//! while the dray is moving"); a trailing one ("... anymore") reaches back
//! to the clause's start.

use super::phrases::Hit;
use super::tokens::Word;

/// For each word, the index of the word that negates it, if any; the
/// first negator listed wins.
///
/// Each word is visited once per direction: the words a forward negator
/// reaches run to its clause's end, so a later negator's walk stops at the
/// first word already reached (all after it are reached too); a trailing
/// negator's walk, likewise, at the first word already reached backwards.
pub fn scope(words: &[Word], before: &[Hit], after: &[Hit]) -> Vec<Option<usize>> {
    let mut neg = vec![None; words.len()];
    for h in before {
        let clause = words[h.first].clause;
        // "no more than 8 pupils per teacher", "not later than 6 a.m.": the
        // negator turns the bound round and reaches no further than its
        // figure; the pupils and the teacher are not denied.
        let end = bound_end(words, h).unwrap_or(words.len());
        for (j, w) in words.iter().enumerate().take(end).skip(h.last + 1) {
            if w.clause != clause || neg[j].is_some() || subordinator(w) || purpose(words, j) {
                break;
            }
            neg[j] = Some(h.first);
        }
    }
    let mut back = vec![false; words.len()];
    for h in after {
        let clause = words[h.first].clause;
        // "checks will no longer be included": after an auxiliary the
        // negator reaches back over its own subject only, not over an
        // earlier verb's clause ("decisions will be centralised and branches
        // will no longer see them"). The search stops at the nearest other
        // auxiliary, so each word is passed at most once more.
        if let Some(lo) = own_subject(words, h.first) {
            for n in &mut neg[lo..h.first] {
                n.get_or_insert(h.first);
            }
            continue;
        }
        for j in (0..h.first).rev() {
            if words[j].clause != clause || back[j] {
                break;
            }
            back[j] = true;
            neg[j].get_or_insert(h.first);
        }
    }
    neg
}

/// For a negator that opens a comparative bound ("no more than",
/// "not fewer than"), the end (exclusive) of its reach: just past the
/// figure after "than", or "than" itself when no figure follows closely.
fn bound_end(words: &[Word], h: &Hit) -> Option<usize> {
    let comparative = |w: &Word| {
        matches!(
            w.lower.as_str(),
            "more" | "fewer" | "less" | "later" | "longer" | "sooner" | "earlier" | "over" | "under"
        )
    };
    let than = if comparative(&words[h.last]) {
        h.last + 1
    } else {
        words.get(h.last + 1).filter(|w| comparative(w))?;
        h.last + 2
    };
    if words.get(than)?.lower != "than" {
        return None;
    }
    let figure = (than + 1..(than + 3).min(words.len())).find(|&j| words[j].kind == super::tokens::Kind::Number);
    Some(figure.map_or(than + 1, |f| f + 1))
}

/// For a trailing negator at `n` right after an auxiliary, with another
/// auxiliary earlier in its clause: the first word of its own subject, after
/// the "and", "but" or "so" that opens it. None when the clause has one verb.
fn own_subject(words: &[Word], n: usize) -> Option<usize> {
    if n < 2 || !auxiliary(&words[n - 1]) {
        return None;
    }
    let clause = words[n].clause;
    let other = (0..n - 1)
        .rev()
        .take_while(|&j| words[j].clause == clause)
        .find(|&j| auxiliary(&words[j]))?;
    let opens = (other + 1..n - 1).find(|&j| matches!(words[j].lower.as_str(), "and" | "but" | "so" | "or" | "then"));
    Some(opens.map_or(other + 1, |c| c + 1))
}

/// A modal or auxiliary verb: a negator after it negates the verb that follows.
fn auxiliary(w: &Word) -> bool {
    matches!(
        w.lower.as_str(),
        "will"
            | "'ll"
            | "would"
            | "'d"
            | "can"
            | "could"
            | "shall"
            | "should"
            | "may"
            | "might"
            | "must"
            | "is"
            | "are"
            | "'re"
            | "am"
            | "'m"
            | "was"
            | "were"
            | "be"
            | "been"
            | "do"
            | "does"
            | "did"
            | "have"
            | "has"
            | "had"
            | "'ve"
    )
}

/// A word that opens a clause of time, condition or cause: what follows is
/// said of the negated act, not negated with it ("no bike leaves before it
/// is checked" denies leaving, not the check).
/// "no one needs a library card to use our computers": "to" and a verb
/// after a thing named ("a", "the" ... then a noun) says what it is for;
/// the negation falls on the thing, not on what it is for. ("don't want
/// to close": after a verb, "to" goes on with the denied act.)
fn purpose(words: &[Word], j: usize) -> bool {
    let function = |w: &Word| w.kind != super::tokens::Kind::Word || super::is_function_word(&w.lower);
    // Only after having or needing: "we no longer send a mechanic to
    // inspect" still denies the inspection.
    let needing = (j.saturating_sub(5)..j).any(|k| {
        matches!(
            words[k].lower.as_str(),
            "need" | "needs" | "require" | "requires" | "have" | "has" | "get" | "gets"
        )
    });
    words[j].lower == "to"
        && needing
        && j >= 2
        && words.get(j + 1).is_some_and(|n| !function(n))
        && !function(&words[j - 1])
        && (j.saturating_sub(4)..j - 1).any(|k| {
            matches!(
                words[k].lower.as_str(),
                "a" | "an" | "the" | "our" | "your" | "their" | "any" | "his" | "her" | "its"
            )
        })
}

fn subordinator(w: &Word) -> bool {
    matches!(
        w.lower.as_str(),
        "what"
            | "whatever"
            | "while"
            | "whilst"
            | "when"
            | "whenever"
            | "if"
            | "unless"
            | "because"
            | "before"
            | "after"
            | "until"
            | "till"
            | "once"
            | "although"
            | "though"
            | "whereas"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::tokens::tokenize;

    /// The rule as first written: every negator walks its whole reach.
    fn walk_all(words: &[Word], before: &[Hit], after: &[Hit]) -> Vec<Option<usize>> {
        let mut neg = vec![None; words.len()];
        for h in before {
            let clause = words[h.first].clause;
            for (j, w) in words.iter().enumerate().skip(h.last + 1) {
                if w.clause != clause || subordinator(w) || purpose(words, j) {
                    break;
                }
                neg[j].get_or_insert(h.first);
            }
        }
        for h in after {
            let clause = words[h.first].clause;
            if let Some(lo) = own_subject(words, h.first) {
                for x in &mut neg[lo..h.first] {
                    x.get_or_insert(h.first);
                }
                continue;
            }
            for j in (0..h.first).rev() {
                if words[j].clause != clause {
                    break;
                }
                neg[j].get_or_insert(h.first);
            }
        }
        neg
    }

    #[test]
    fn a_trailing_negator_after_an_auxiliary_reaches_back_over_its_subject_only() {
        let words = tokenize("decisions will be centralised and branches will no longer see them");
        let neg = scope(&words, &[], &[Hit::words(7, 8)]);
        assert_eq!(neg[3], None, "another verb, before the negator");
        assert_eq!(neg[5], Some(7), "its own subject");
        let words = tokenize("safety checks will no longer be included");
        assert_eq!(scope(&words, &[], &[Hit::words(3, 4)])[1], Some(3));
        let words = tokenize("we bake fresh no longer");
        assert_eq!(scope(&words, &[], &[Hit::words(3, 4)])[1], Some(3));
    }

    #[test]
    fn a_subordinate_clause_is_not_negated_with_the_act() {
        let words = tokenize("no phones in the cab while the dray is moving");
        let neg = scope(&words, &[Hit::words(0, 0)], &[]);
        assert_eq!(neg[4], Some(0), "the cab is in the denied act");
        assert_eq!(neg[7], None, "the dray is when, not what is denied");
        let words = tokenize("we never leave a bike unchecked");
        assert_eq!(scope(&words, &[Hit::words(1, 1)], &[])[5], Some(1));
        let words = tokenize("we never keep a record of what a member borrowed");
        assert_eq!(scope(&words, &[Hit::words(1, 1)], &[])[4], Some(1));
        assert_eq!(
            scope(&words, &[Hit::words(1, 1)], &[])[9],
            None,
            "what was borrowed is not denied"
        );
        let words = tokenize("no one needs a library card to use the computers");
        let neg = scope(&words, &[Hit::words(0, 0)], &[]);
        assert_eq!(neg[5], Some(0), "the card is what is denied");
        assert_eq!(neg[9], None, "what it is for is not");
        let words = tokenize("we don't want to close the branch");
        assert_eq!(
            scope(&words, &[Hit::words(2, 2)], &[])[5],
            Some(2),
            "after a verb, 'to' goes on"
        );
    }

    #[test]
    fn stopping_early_reaches_the_same_words() {
        let words = tokenize("we do not bake, never fry and never boil it, not now anymore or ever anymore");
        let n = words.len();
        let sets: [&[Hit]; 4] = [
            &[Hit::words(1, 2), Hit::words(6, 6), Hit::words(9, 9)],
            &[Hit::words(9, 9), Hit::words(6, 6), Hit::words(2, 2), Hit::words(13, 13)],
            &[Hit::words(15, 15), Hit::words(18, 18)],
            &[Hit::words(18, 18), Hit::words(15, 15), Hit::words(3, 3)],
        ];
        for before in sets {
            for after in sets {
                let ok = |hs: &[Hit]| hs.iter().all(|h| h.last < n);
                if ok(before) && ok(after) {
                    assert_eq!(scope(&words, before, after), walk_all(&words, before, after));
                }
            }
        }
    }
}
