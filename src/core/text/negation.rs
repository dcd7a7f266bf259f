//! Negation scope: which words a "not", "no longer" or "never" turns around.
//! A negator reaches forward to the end of its clause ("we don't bake fresh");
//! a trailing one ("... anymore") reaches back to the clause's start.

use super::phrases::Hit;
use super::tokens::Word;

/// For each word, the index of the word that negates it, if any.
pub fn scope(words: &[Word], before: &[Hit], after: &[Hit]) -> Vec<Option<usize>> {
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
