//! Realistic: reachable with the means people have or are given. Fails on
//! hyperbole (world, planet or universe scale, "unprecedented") and on
//! absolutes (always, never, forever, zero, 100%, perfect, overnight).
//! Literal uses ("real-world", "net zero") are removed during analysis.

use super::{distinct, Tally};
use crate::core::lexicon::List;
use crate::core::text::Analysis;

pub fn score(a: &Analysis, t: &mut Tally) {
    for h in distinct(a, &[List::Hyperbole, List::Absolutes]) {
        let id = if h.list == List::Hyperbole as usize {
            "hyperbole"
        } else {
            "absolute"
        };
        t.add(id, Some(a.hit_span(&h)), &[]);
    }
}
