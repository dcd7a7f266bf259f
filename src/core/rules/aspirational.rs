//! Aspirational (not inspirational): a future state or an improvement
//! people can work toward. Fails when the message only describes the
//! present or the past, only gives an order, or is a slogan with no
//! destination ("Dream big!").

use super::{distinct, orders, Tally};
use crate::core::lexicon::List;
use crate::core::text::Analysis;

pub fn score(a: &Analysis, t: &mut Tally) {
    let w = &a.words;
    let future = a.hits(List::Future).iter().find(|h| {
        // "the repairer who will arrive" describes someone; it sets no goal.
        let relative = h.first > 0 && matches!(w[h.first - 1].lower.as_str(), "who" | "which" | "that");
        !relative
    });
    let lets = a
        .hits(List::ChangeVerbs)
        .iter()
        .find(|h| (h.first.saturating_sub(3)..h.first).any(|j| w[j].lower == "'s" && j > 0 && w[j - 1].lower == "let"));
    let mut heading = false;
    if let Some(h) = future.or(lets) {
        t.add("future", Some(a.hit_span(h)), &[]);
        heading = true;
    }
    if let Some(h) = a.hits(List::Deadlines).first() {
        t.add("future-timeframe", Some(a.hit_span(h)), &[]);
        heading = true;
    }
    if let Some(h) = orders(a).first() {
        t.add("order-only", Some(a.hit_span(h)), &[]);
    }
    for h in distinct(a, &[List::Inspiration]) {
        t.add("inspiration-only", Some(a.hit_span(&h)), &[]);
    }
    if let Some(h) = distinct(a, &[List::LookingBack]).first() {
        t.add("looking-back", Some(a.hit_span(h)), &[]);
    }
    if !heading {
        t.add("no-destination", None, &[]);
    }
}
