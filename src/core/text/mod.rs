//! The text layer: tokens with character offsets, sentences and clauses,
//! negation scope, quantities, quotations, the language a text is in, and
//! forgiving word matching. It holds the pieces `analysis` puts together
//! for a message and imports nothing of the core: the lexicon sits above
//! it (it compiles its lists into a `phrases::PhraseIndex`).

pub mod cover;
pub mod english;
mod hashing;
pub mod language;
pub mod negation;
mod numbers;
pub mod phrases;
pub mod quantity;
pub mod quotes;
pub mod stem;
pub mod tokens;

/// Words that begin a new phrase rather than name the thing a word before
/// them describes: prepositions, conjunctions, helpers and pronouns.
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "with", "by", "into",
    "onto", "over", "under", "about", "after", "before", "since", "until", "than", "as", "if", "when", "while",
    "because", "so", "that", "which", "who", "is", "are", "was", "were", "be", "been", "will", "would", "can", "could",
    "should", "must", "may", "might", "do", "does", "did", "has", "have", "had", "it", "they", "we", "you", "he",
    "she", "this", "these", "those", "again", "anymore", "ever", "any", "more", "no", "not", "n't", "'s", "'ll",
    "there", "here", "then", "now", "today", "yet", "still", "even", "also", "just", "only", "too", "very",
];

/// Is `w` (lower case) one of `FUNCTION_WORDS`? A set built once: the
/// check runs for words of every message, so the set hashes with FNV (short
/// keys of a fixed list), not SipHash.
pub fn is_function_word(w: &str) -> bool {
    type Set = std::collections::HashSet<&'static str, hashing::FastHash>;
    static SET: std::sync::OnceLock<Set> = std::sync::OnceLock::new();
    SET.get_or_init(|| FUNCTION_WORDS.iter().copied().collect()).contains(w)
}
