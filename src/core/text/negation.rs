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
        for (j, w) in words.iter().enumerate().skip(h.last + 1) {
            if w.clause != clause || neg[j].is_some() || subordinator(w) {
                break;
            }
            neg[j] = Some(h.first);
        }
    }
    let mut back = vec![false; words.len()];
    for h in after {
        let clause = words[h.first].clause;
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

/// A word that opens a clause of time, condition or cause: what follows is
/// said of the negated act, not negated with it ("no bike leaves before it
/// is checked" denies leaving, not the check).
fn subordinator(w: &Word) -> bool {
    matches!(
        w.lower.as_str(),
        "while"
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
                if w.clause != clause || subordinator(w) {
                    break;
                }
                neg[j].get_or_insert(h.first);
            }
        }
        for h in after {
            let clause = words[h.first].clause;
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
    fn a_subordinate_clause_is_not_negated_with_the_act() {
        let words = tokenize("no phones in the cab while the dray is moving");
        let neg = scope(&words, &[Hit::words(0, 0)], &[]);
        assert_eq!(neg[4], Some(0), "the cab is in the denied act");
        assert_eq!(neg[7], None, "the dray is when, not what is denied");
        let words = tokenize("we never leave a bike unchecked");
        assert_eq!(scope(&words, &[Hit::words(1, 1)], &[])[5], Some(1));
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
