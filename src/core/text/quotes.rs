//! Quoting is not saying: words between quotation marks are mentioned, not
//! said ("please stop signing off with 'cheers, lads'"), so a rule about how
//! a message addresses people leaves them alone.

use super::tokens::{Kind, Word};

/// How far a quotation is looked for around a word: quoted phrases are
/// short, and a bounded look keeps the cost linear in the text.
const REACH: usize = 12;

/// Is word `i` inside a pair of quotation marks in its sentence?
pub fn inside(words: &[Word], i: usize) -> bool {
    let sentence = words[i].sentence;
    let is_quote = |w: &Word| w.kind == Kind::Punct && matches!(w.lower.as_str(), "\"" | "“" | "”" | "‘" | "’" | "'");
    let before = (i.saturating_sub(REACH)..i)
        .filter(|&j| words[j].sentence == sentence && is_quote(&words[j]))
        .count();
    let after = (i + 1..(i + 1 + REACH).min(words.len()))
        .filter(|&j| words[j].sentence == sentence && is_quote(&words[j]))
        .count();
    // An odd number of marks before it in reach opens a quotation that one
    // after it closes.
    before % 2 == 1 && after > 0
}

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
    }

    #[test]
    fn words_outside_them_are_said() {
        assert!(!quoted("Morning, lads: the yard opens at six.", "lads"));
        assert!(!quoted("We said \"thanks\" to the lads on the night shift.", "lads"));
        // An apostrophe inside a word opens nothing.
        assert!(!quoted("Don't worry, lads, it's sorted.", "lads"));
    }
}
