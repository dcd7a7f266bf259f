//! Text analysis: tokens with character offsets, sentences and clauses,
//! negation scope, quantities, and forgiving word matching. A message is
//! analysed once; every rule reads the same `Analysis`.

pub mod language;
pub mod negation;
pub mod phrases;
pub mod quantity;
pub mod quotes;
pub mod stem;
pub mod tokens;

use crate::core::lexicon::{Lexicon, List};
use crate::core::review::Span;
use phrases::Hit;
use quantity::Quantity;
use tokens::Word;

/// Words that begin a new phrase rather than name the thing a word before
/// them describes: prepositions, conjunctions, helpers and pronouns.
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "with", "by", "into",
    "onto", "over", "under", "about", "after", "before", "since", "until", "than", "as", "if", "when", "while",
    "because", "so", "that", "which", "who", "is", "are", "was", "were", "be", "been", "will", "would", "can", "could",
    "should", "must", "may", "might", "do", "does", "did", "has", "have", "had", "it", "they", "we", "you", "he",
    "she", "this", "these", "those", "again", "anymore", "ever", "any", "more", "no", "not", "n't", "'s", "'ll",
    "there", "here", "then", "now", "today", "yet", "still",
];

/// A message's text, analysed once and read by every rule.
pub struct Analysis<'t> {
    pub text: &'t str,
    pub words: Vec<Word>,
    /// Lexicon hits, by list (`List as usize`); hits inside a "literal"
    /// phrase ("real-world", "net zero") are already removed.
    pub hits: Vec<Vec<Hit>>,
    /// For each word, the negator that turns it around, if any.
    pub negated_by: Vec<Option<usize>>,
    pub quantities: Vec<Quantity>,
    /// Hashed word forms, shared by every phrase index that searches the text.
    pub hashes: phrases::FormHashes,
    /// Where the set's segments are named (filled in by the reviewer, which
    /// knows the segments).
    pub segments: Vec<Hit>,
}

impl<'t> Analysis<'t> {
    pub fn new(text: &'t str, lexicon: &Lexicon) -> Analysis<'t> {
        let words = tokens::tokenize(text);
        let hashes = phrases::FormHashes::new(&words);
        let mut hits = lexicon.index().find(&words, &hashes);
        let literal = std::mem::take(&mut hits[List::Literal as usize]);
        if !literal.is_empty() {
            for list in [List::Hyperbole, List::Absolutes, List::Superlatives, List::Buzzwords] {
                hits[list as usize].retain(|h| !literal.iter().any(|l| l.first <= h.last && h.first <= l.last));
            }
        }
        hits[List::Literal as usize] = literal;
        let negated_by = negation::scope(
            &words,
            &hits[List::Negators as usize],
            &hits[List::NegatorsAfter as usize],
        );
        let mut quantities = quantity::find(&words);
        // A bound under negation turns round: "no patient waits more than
        // 10 minutes" is at most 10 minutes, "not less than 2%" at least 2%.
        for q in &mut quantities {
            if negated_by[q.first].is_some() {
                q.bound = match q.bound {
                    quantity::Bound::AtLeast => quantity::Bound::AtMost,
                    quantity::Bound::AtMost => quantity::Bound::AtLeast,
                    b => b,
                };
            }
        }
        Analysis {
            text,
            words,
            hits,
            negated_by,
            quantities,
            hashes,
            segments: Vec::new(),
        }
    }

    pub fn hits(&self, list: List) -> &[Hit] {
        &self.hits[list as usize]
    }

    /// The hits of `list` that start at a word in `from..to`. Hits are kept
    /// in text order, so a rule that looks near a word finds them by binary
    /// search, not by a scan of every hit.
    pub fn hits_in(&self, list: List, from: usize, to: usize) -> &[Hit] {
        let h = self.hits(list);
        let lo = h.partition_point(|x| x.first < from);
        let hi = h.partition_point(|x| x.first < to).max(lo);
        &h[lo..hi]
    }

    /// The character span of words `first..=last`.
    pub fn span(&self, first: usize, last: usize) -> Span {
        Span::new(self.words[first].start, self.words[last].end)
    }

    pub fn hit_span(&self, h: &Hit) -> Span {
        self.span(h.first, h.last)
    }

    /// The words of a span, as written.
    pub fn quote(&self, span: Span) -> &'t str {
        span.quote(self.text)
    }

    /// Is any word `first..=last` covered by a hit of `list`?
    pub fn covered_by(&self, list: List, first: usize, last: usize) -> bool {
        self.hits(list).iter().any(|h| h.first <= last && first <= h.last)
    }

    /// A fragment with no concrete what: fewer than two words that are
    /// neither grammar nor a date ("More soon!", "By May, 15%.", "Be epic.").
    pub fn no_content(&self) -> bool {
        // One pass over the date hits, one over the words.
        let mut dated = vec![false; self.words.len()];
        for l in [List::Deadlines, List::Calendar, List::EffectiveDates, List::Frequencies] {
            for h in self.hits(l) {
                dated[h.first..=h.last].iter_mut().for_each(|d| *d = true);
            }
        }
        let content = (0..self.words.len())
            .filter(|&i| {
                let w = &self.words[i];
                w.kind == tokens::Kind::Word && !FUNCTION_WORDS.contains(&w.lower.as_str()) && !dated[i]
            })
            .take(2)
            .count();
        content < 2
    }

    /// Does a hit of `list` end right before word `i` (within `gap` words, same clause)?
    pub fn preceded_by(&self, list: List, i: usize, gap: usize) -> Option<&Hit> {
        self.hits(list)
            .iter()
            .find(|h| h.last < i && i - h.last <= gap && self.words[h.last].clause == self.words[i].clause)
    }
}
