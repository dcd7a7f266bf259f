//! Quoting is not saying: words between quotation marks are mentioned, not
//! said ("please stop signing off with 'cheers, lads'"), so a rule about how
//! a message addresses people leaves them alone, and a term quoted to ban
//! it is not used.

use super::tokens::{Kind, Word};

/// How far a quotation is looked for around a word: quoted phrases are
/// short, and a bounded look keeps the cost linear in the text.
const REACH: usize = 12;

/// Is word `i` inside a pair of quotation marks in its sentence? A mark
/// opens a quotation when it sits against the word after it ("'cheers"),
/// and closes one when it sits against the word before it ("lads'"); so
/// an apostrophe of a plural possessive ("the drivers' rota") closes
/// nothing that was opened, and counts for nothing.
pub fn inside(words: &[Word], i: usize) -> bool {
    let sentence = words[i].sentence;
    let is_mark = |w: &Word| w.kind == Kind::Punct && matches!(w.lower.as_str(), "\"" | "“" | "”" | "‘" | "’" | "'");
    // Touching a word, not punctuation: "'morning ladies'." closes before
    // the full stop.
    let touches_next = |j: usize| {
        words
            .get(j + 1)
            .is_some_and(|n| n.start == words[j].end && n.kind != Kind::Punct)
    };
    let touches_prev = |j: usize| j > 0 && words[j - 1].end == words[j].start && words[j - 1].kind != Kind::Punct;
    let opens = |j: usize| {
        let w = &words[j];
        is_mark(w) && (matches!(w.lower.as_str(), "“" | "‘") || (touches_next(j) && !touches_prev(j)))
    };
    // "drop 'morning girls!' from the chat": a mark against the quotation's
    // own end mark closes it, in the sentence that mark ended.
    let after_mark = |j: usize| {
        j > 1
            && words[j - 1].end == words[j].start
            && words[j - 1].kind == Kind::Punct
            && matches!(words[j - 1].lower.as_str(), "!" | "?" | "." | ",")
            && words[j - 2].end == words[j - 1].start
            && words[j - 2].kind != Kind::Punct
            && words[j - 2].sentence == sentence
    };
    let closes = |j: usize| {
        let w = &words[j];
        is_mark(w) && (matches!(w.lower.as_str(), "”") || ((touches_prev(j) || after_mark(j)) && !touches_next(j)))
    };
    let same = |j: &usize| words[*j].sentence == sentence || after_mark(*j);
    // The nearest mark before the word must open a quotation ...
    let before = (i.saturating_sub(REACH)..i)
        .rev()
        .filter(same)
        .find(|&j| opens(j) || closes(j));
    // ... and the nearest one after it close it.
    let after = (i + 1..(i + 1 + REACH).min(words.len()))
        .filter(same)
        .find(|&j| opens(j) || closes(j));
    before.is_some_and(opens) && after.is_some_and(closes)
}

/// "please don't call the guest beers a 'gimmick'", "stop calling the
/// team 'skivvies'", "if a customer says 'hosepipe ban'": is the word at
/// `i` quoted in order to ban it, or as someone else's words? Then it is
/// mentioned, not used. `denied`: the word is under a negation.
pub fn mentioned(w: &[Word], i: usize, denied: bool) -> bool {
    let sentence = w[i].sentence;
    // A ban or a speaker comes before the term, in its sentence; a short
    // look back keeps a long text from costing hits times words.
    let before = || {
        (i.saturating_sub(REPORT_REACH)..i)
            .rev()
            .take_while(|&j| w[j].sentence == sentence)
    };
    // A ban on saying it: a denial and a verb of saying ("don't call them",
    // "stop calling", "avoid describing"), not any "not" before ("don't
    // miss our 'cheap' tune-ups" uses the term).
    let ban = || {
        before().any(|j| {
            matches!(
                w[j].lower.as_str(),
                "stop" | "avoid" | "ban" | "banned" | "quit" | "n't" | "not" | "never"
            )
        }) && before().any(|j| {
            matches!(
                w[j].lower.as_str(),
                "call"
                    | "calling"
                    | "say"
                    | "saying"
                    | "describe"
                    | "describing"
                    | "use"
                    | "using"
                    | "write"
                    | "writing"
                    | "refer"
                    | "referring"
                    | "name"
                    | "tell"
                    | "telling"
                    | "word"
            )
        })
    };
    // Said by someone other than the writer: "a customer says", "they call
    // it", "parents tell us". Not an order to say it ("Tell customers the
    // 'cheap' loaf is back"): a speaker is named before the verb.
    let reported = || {
        before().take(6).any(|j| {
            let speaker = j > 0
                && w[j - 1].kind == Kind::Word
                && !matches!(w[j - 1].lower.as_str(), "we" | "i" | "please" | "to" | "and" | "just")
                && w[j - 1].sentence == sentence;
            match w[j].lower.as_str() {
                "says" | "said" | "asks" | "asked" | "calls" | "called" | "writes" | "wrote" | "told" => {
                    !(j > 0 && matches!(w[j - 1].lower.as_str(), "we" | "i"))
                }
                "tell" | "tells" => speaker,
                _ => false,
            }
        })
    };
    // "can we drop 'bums on seats' from planning meetings?", "retire 'goes
    // viral'": a verb of dropping right before the quotation bans it.
    let dropped = || {
        before().take(4).any(|j| {
            matches!(
                w[j].lower.as_str(),
                "drop" | "dropping" | "retire" | "retiring" | "ditch" | "ditching" | "scrap" | "lose" | "bin" | "ban"
            )
        })
    };
    inside(w, i) && (denied || ban() || reported() || dropped())
}

/// How far before a quoted term a ban or a speaker is looked for.
const REPORT_REACH: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::tokens::tokenize;

    fn quoted(text: &str, word: &str) -> bool {
        let w = tokenize(text);
        let i = w.iter().position(|x| x.lower == word).unwrap();
        inside(&w, i)
    }

    #[test]
    fn words_in_quotation_marks_are_quoted() {
        assert!(quoted(
            "Please stop signing off with 'cheers, lads' on the radio.",
            "lads"
        ));
        assert!(quoted("Don't open a call with \"right, lads\" or \"love\".", "lads"));
        assert!(quoted("Drop “guys” from the rota emails.", "guys"));
        assert!(quoted(
            "Please stop opening emails with 'hi guys' or 'morning ladies'.",
            "ladies"
        ));
    }

    #[test]
    fn words_outside_them_are_said() {
        assert!(quoted("Can we drop 'morning girls!' from the chats?", "girls"));
        assert!(!quoted("Morning, lads: the yard opens at six.", "lads"));
        assert!(!quoted("We said \"thanks\" to the lads on the night shift.", "lads"));
        // An apostrophe inside a word opens nothing, and a plural
        // possessive closes nothing.
        assert!(!quoted("Don't worry, lads, it's sorted.", "lads"));
        assert!(!quoted("The drivers' rota is up, lads: have a look.", "lads"));
        assert!(!quoted(
            "Ask 'Is it safe?' first, lads, then the drivers' rota.",
            "lads"
        ));
    }
}
