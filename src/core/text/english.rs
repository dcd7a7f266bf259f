//! Which words are words of English: the lower-case words of five letters
//! or more from SCOWL (the word list Debian ships as `wamerican`; its
//! licence is in `english-words.LICENSE`), compiled in. A typo is a slip of
//! the keys, so a word that is itself an English word ("barely", "planter")
//! is never read as a misspelling of a keyword ("barley", "planner").

use std::sync::LazyLock;

/// One word a line, sorted in byte order.
const WORDS: &str = include_str!("english-words.txt");

/// The words, built on the first look-up (only a typo candidate needs it).
static SORTED: LazyLock<Vec<&'static str>> = LazyLock::new(|| WORDS.lines().collect());

/// Whether `w` (lower case) is an English word of five letters or more.
pub fn is_word(w: &str) -> bool {
    SORTED.binary_search(&w).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

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
