//! Which words are words of English: the lower-case words of five letters
//! or more from SCOWL (the word list Debian ships as `wamerican`; its
//! licence is in `english-words.LICENSE`), compiled in. A typo is a slip of
//! the keys, so a word that is itself an English word ("barely", "planter")
//! is never read as a misspelling of a keyword ("barley", "planner").

use std::sync::LazyLock;

/// One word a line, sorted in byte order.
const WORDS: &str = include_str!("english-words.txt");

/// The words, built on the first look-up (only a typo candidate needs it).
static SORTED: LazyLock<Vec<&'static str>> = LazyLock::new(|| lines(WORDS));

/// `text.lines()`, cut by one pass over the bytes: `lines` searches for
/// each of the sixty thousand short lines in a call of its own, which cost
/// more than all the look-ups of a large check.
fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / 8);
    let mut start = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b == b'\n' {
            let line = &text[start..i];
            out.push(line.strip_suffix('\r').unwrap_or(line));
            start = i + 1;
        }
    }
    if start < text.len() {
        let line = &text[start..];
        out.push(line.strip_suffix('\r').unwrap_or(line));
    }
    out
}

/// Whether `w` (lower case) is an English word of five letters or more.
pub fn is_word(w: &str) -> bool {
    SORTED.binary_search(&w).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_cut_as_str_lines_cuts_them() {
        for t in ["", "a", "a\n", "a\nb", "a\r\nb\r\n", "\n\nx\n", "ü\nß\r\n", WORDS] {
            assert_eq!(lines(t), t.lines().collect::<Vec<_>>(), "{t:?}");
        }
    }

    #[test]
    fn real_words_are_words_and_slips_are_not() {
        for w in [
            "barely",
            "barley",
            "planter",
            "reading",
            "waiting",
            "delivered",
            "trail",
        ] {
            assert!(is_word(w), "{w}");
        }
        for w in ["expereinced", "certifed", "apointment", "deliverd", "barely!", "cliam"] {
            assert!(!is_word(w), "{w}");
        }
        assert!(
            WORDS.lines().zip(WORDS.lines().skip(1)).all(|(a, b)| a < b),
            "sorted, once each"
        );
    }
}
