//! Boasts: a sender crediting themselves in their own words, beyond the
//! fixed phrases of the lexicon ("proud of what I've achieved", "I said I'd
//! sort it out, and I have").

use crate::core::analysis::Analysis;

/// "Proud of what I've achieved", "delighted to share that I've been
/// named ...", "proud moment for me personally: the clinics I pushed for",
/// "proud to have carried it over the line": pride in the sender's own act.
/// Pride in what others did ("so proud of what you've built", "proud of
/// every one of you") is thanks. Returns the pride word and the act.
pub(super) fn proud_of_own_act(a: &Analysis) -> Option<(usize, usize)> {
    let w = &a.words;
    let at = |i: usize| w.get(i).map_or("", |x| x.lower.as_str());
    // A past or a participle: "set", "built", "pushed", "been".
    let done = |l: &str| {
        (l.len() > 4 && l.ends_with("ed") && !l.ends_with("eed"))
            || matches!(
                l,
                "set"
                    | "built"
                    | "made"
                    | "led"
                    | "won"
                    | "brought"
                    | "drove"
                    | "driven"
                    | "grew"
                    | "grown"
                    | "ran"
                    | "got"
                    | "took"
                    | "did"
                    | "done"
                    | "been"
                    | "kept"
                    | "sold"
                    | "landed"
                    | "put"
            )
    };
    (0..w.len()).find_map(|p| {
        if !matches!(
            at(p),
            "proud" | "delighted" | "thrilled" | "pleased" | "honoured" | "honored" | "chuffed"
        ) {
            return None;
        }
        let sentence = w[p].sentence;
        // "proud to have carried it over the line".
        if at(p + 1) == "to" && at(p + 2) == "have" && done(at(p + 3)) {
            return Some((p, p + 3));
        }
        // The act is what the pride is of, in its clause: "proud of what
        // I've achieved", "delighted that I've been named", "proud I am of
        // the strategy I set". Not a new clause ("so proud of you all, and
        // I'd like to thank ..."), nor an act beside it ("pleased to
        // confirm I have approved ...").
        let mut of = false;
        (p + 1..(p + 14).min(w.len()))
            .take_while(|&j| w[j].sentence == sentence)
            .find(|&j| {
                of |= matches!(at(j), "of" | "that");
                match at(j) {
                    "me" => at(j + 1) == "personally",
                    "myself" => true,
                    "i" if of && w[j].clause == w[p].clause => {
                        (matches!(at(j + 1), "'ve" | "have") && done(at(j + 2))) || done(at(j + 1))
                    }
                    _ => false,
                }
            })
            .map(|j| (p, j))
    })
}

/// "I said I'd sort this station out, and I have", "I promised we would
/// turn it round, and I did": the sender's promise told as kept by
/// themselves. Returns the promise and the "I have" that keeps it.
pub(super) fn promise_kept(a: &Analysis) -> Option<(usize, usize)> {
    let w = &a.words;
    let at = |i: usize| w.get(i).map_or("", |x| x.lower.as_str());
    (1..w.len()).find_map(|j| {
        // "... and I have." / "... and I did." closing its sentence.
        let closes = w
            .get(j + 1)
            .is_none_or(|n| n.sentence != w[j].sentence || n.kind == crate::core::text::tokens::Kind::Punct);
        if !(matches!(at(j), "have" | "did" | "'ve") && at(j - 1) == "i" && closes) {
            return None;
        }
        let start = a.sentence_start(j).max(j.saturating_sub(16));
        let said = (start..j).find(|&k| {
            k > 0 && at(k - 1) == "i" && matches!(at(k), "said" | "promised" | "told" | "swore" | "vowed")
        })?;
        (at(j - 2) == "and" || at(j - 2) == ",").then_some((said - 1, j))
    })
}
