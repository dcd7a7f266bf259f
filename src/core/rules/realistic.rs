//! Realistic: reachable with the means people have or are given. Fails on
//! hyperbole (world, planet or universe scale, "unprecedented") and on
//! absolutes (always, never, forever, zero, 100%, perfect, overnight).
//! Literal uses ("real-world", "net zero") are removed during analysis.

use super::{distinct, Tally};
use crate::core::lexicon::List;
use crate::core::text::Analysis;

pub fn score(a: &Analysis, t: &mut Tally) {
    for h in distinct(a, &[List::Hyperbole, List::Absolutes]) {
        if literal_zero(a, h.first, h.last) {
            continue;
        }
        let id = if h.list == List::Hyperbole as usize {
            "hyperbole"
        } else {
            "absolute"
        };
        t.hit(id, a, &h);
    }
}

/// "zero-alcohol cocktails", "a zero balance": zero as a plain quantity
/// describing a thing, not a promise of perfection ("zero damage").
fn literal_zero(a: &Analysis, first: usize, last: usize) -> bool {
    let w = &a.words;
    if first != last || w[first].lower != "zero" {
        return false;
    }
    let compound = w.get(first + 1).is_some_and(|n| n.glued);
    let counted = first > 0 && matches!(w[first - 1].lower.as_str(), "a" | "an");
    compound || counted
}
