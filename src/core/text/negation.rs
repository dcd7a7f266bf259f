//! Negation scope: which words a "not", "no longer" or "never" turns around.
//! A negator reaches forward to the end of its clause ("we don't bake fresh");
//! a trailing one ("... anymore") reaches back to the clause's start.

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
            if w.clause != clause || neg[j].is_some() {
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
                if w.clause != clause {
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
