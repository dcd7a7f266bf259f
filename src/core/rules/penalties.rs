//! Penalties in any words: a sanction laid on whoever breaks a rule
//! ("anyone who leaves a van unlocked pays the excess themselves") or the
//! loss of what people have earned ("loses its quarterly bonus"). Inclusive
//! reads them as threats, beside the listed sanctions.

use crate::core::analysis::Analysis;
use crate::core::text::tokens::Kind;

/// "anyone who leaves a van unlocked pays the excess themselves", "anyone
/// caught without a helmet loses the shift": a penalty laid on whoever
/// breaks a rule is a threat of a sanction, in any words.
pub(super) fn offender_pays(a: &Analysis) -> Option<(usize, usize)> {
    let w = &a.words;
    let at = |i: usize| w.get(i).map_or("", |x| x.lower.as_str());
    (0..w.len()).find_map(|i| {
        // "anyone who ...", "any apprentice caught ...", "whoever ...".
        let after = if at(i) == "any" && w.get(i + 1).is_some_and(|n| n.kind == Kind::Word) {
            i + 2
        } else {
            i + 1
        };
        let offender = matches!(at(i), "anyone" | "anybody" | "whoever" | "any")
            && (at(i) == "whoever" || matches!(at(after), "who" | "caught" | "found" | "seen"));
        if !offender {
            return None;
        }
        (i + 2..(i + 16).min(w.len()))
            .take_while(|&j| w[j].sentence == w[i].sentence)
            .find(|&j| {
                // What is paid is a cost: "pays the excess themselves", "will
                // pay for the damage"; not "anyone who pays by card".
                let cost = || {
                    (j + 1..(j + 5).min(w.len())).any(|k| {
                        matches!(
                            at(k),
                            "excess"
                                | "fine"
                                | "fines"
                                | "cost"
                                | "costs"
                                | "damage"
                                | "damages"
                                | "bill"
                                | "themselves"
                        )
                    })
                };
                let penalty = match at(j) {
                    "pays" | "foots" => cost(),
                    "pay" => matches!(at(j - 1), "will" | "'ll" | "to" | "must") && cost(),
                    // "goes home unpaid", "works the shift unpaid".
                    "unpaid" => true,
                    _ => false,
                };
                penalty && !crate::core::text::quotes::inside(w, j)
            })
            .map(|j| (i, j))
    })
}

/// "any store that misses it loses its quarterly bonus", "will lose their
/// Saturday shift": losing what one has earned is a sanction. Losing one's
/// keys, or power, is not.
pub(super) fn loses_entitlement(a: &Analysis) -> Option<(usize, usize)> {
    let w = &a.words;
    let at = |i: usize| w.get(i).map_or("", |x| x.lower.as_str());
    (0..w.len()).find_map(|i| {
        if !matches!(at(i), "lose" | "loses" | "forfeit" | "forfeits")
            || !matches!(at(i + 1), "its" | "their" | "your" | "the" | "his" | "her")
        {
            return None;
        }
        (i + 2..(i + 5).min(w.len()))
            .take_while(|&j| w[j].clause == w[i].clause)
            .find(|&j| {
                matches!(
                    at(j),
                    "bonus"
                        | "bonuses"
                        | "pay"
                        | "leave"
                        | "allowance"
                        | "shift"
                        | "shifts"
                        | "overtime"
                        | "commission"
                )
            })
            .map(|j| (i, j))
    })
}
