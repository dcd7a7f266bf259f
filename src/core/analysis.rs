//! The analysis of one message: its text read once (tokens, lexicon hits,
//! negation, quantities, sentences and clauses) for every rule and for
//! drift. It sits above the text layer and the lexicon, which it joins.

use std::cell::OnceCell;

use crate::core::lexicon::{Lexicon, List};
use crate::core::text::cover::Cover;
use crate::core::text::phrases::{self, Hit};
use crate::core::text::quantity::{self, Quantity};
use crate::core::text::tokens::{self, Word};
use crate::core::text::{is_function_word, negation};
use crate::core::verdict::Span;

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
    /// The first words of what asserts the opposite of a pillar, in text
    /// order (filled in by the reviewer, which checks for drift first): a
    /// plan beside one is a decision against the story, not a destination.
    pub against_story: Vec<usize>,
    /// Byte offset of every character, and of the text's end: a span's
    /// words are sliced in O(1), not by walking the text from its start.
    bytes: Vec<u32>,
    /// The first word of each sentence and of each clause, by number.
    sentence_starts: Vec<usize>,
    clause_starts: Vec<usize>,
    /// Per list, where its hits lie (built on first use).
    covers: Vec<OnceCell<Cover>>,
    /// `no_content`, found on first use: three rules ask it.
    no_content: OnceCell<bool>,
    segment_cover: OnceCell<Cover>,
}

impl<'t> Analysis<'t> {
    pub fn new(text: &'t str, lexicon: &Lexicon) -> Analysis<'t> {
        Analysis::with_words(text, tokens::tokenize(text), lexicon)
    }

    /// The analysis of `text` from its words, as `tokens::tokenize` gives them.
    pub fn with_words(text: &'t str, words: Vec<Word>, lexicon: &Lexicon) -> Analysis<'t> {
        let hashes = phrases::FormHashes::new(&words);
        let hits = lexicon.index().find(&words, &hashes);
        Analysis::with_hits(text, words, hashes, hits)
    }

    /// The analysis of `text` from its words, their hashes and the lexicon
    /// index's hits in them (as `PhraseIndex::find` or, after an edit,
    /// `find_after` gives them).
    pub fn with_hits(
        text: &'t str,
        words: Vec<Word>,
        hashes: phrases::FormHashes,
        mut hits: Vec<Vec<Hit>>,
    ) -> Analysis<'t> {
        let literal = std::mem::take(&mut hits[List::Literal as usize]);
        if !literal.is_empty() {
            let cover = Cover::new(&literal);
            for list in [List::Hyperbole, List::Absolutes, List::Superlatives, List::Buzzwords] {
                hits[list as usize].retain(|h| !cover.overlaps(h.first, h.last));
            }
        }
        hits[List::Literal as usize] = literal;
        // "stop" turns round only what it stops ("stop greeting", "we
        // stopped baking", "stop the checks"); "the stop on line 4 will have
        // a raised kerb" and "the library stop will lend tablets" deny
        // nothing.
        hits[List::Negators as usize].retain(|h| {
            let verb =
                h.first == h.last && matches!(words[h.first].lower.as_str(), "stop" | "stops" | "stopped" | "quit");
            // "it isn't only maintenance", "not just the kitchen": a
            // negation that adds ("not only ... but") denies nothing.
            let adds = words
                .get(h.last + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "only" | "just" | "merely" | "solely"));
            // What it stops: a doing, or a thing ("stop the safety checks").
            !adds
                && (!verb
                    || words.get(h.last + 1).is_some_and(|n| {
                        (n.lower.len() > 4 && n.lower.ends_with("ing"))
                            || matches!(
                                n.lower.as_str(),
                                "the" | "our" | "all" | "any" | "their" | "your" | "its" | "this" | "these" | "those"
                            )
                    }))
        });
        // "ok here's the plan", "Okay, from Monday ...", "Alright team":
        // a word of acceptance opening its sentence, with nothing it
        // accepts after it ("fine if ...", "ok to ..."), is an interjection.
        hits[List::Acceptance as usize].retain(|h| {
            let opens = h.first == 0 || words[h.first - 1].sentence != words[h.first].sentence;
            let interjection = h.first == h.last
                && matches!(words[h.first].lower.as_str(), "ok" | "okay" | "alright" | "fine")
                && !words
                    .get(h.last + 1)
                    .is_some_and(|n| matches!(n.lower.as_str(), "if" | "to" | "that" | "for" | "with" | "by" | "as"));
            !(opens && interjection)
        });
        // "Thank you, Jan", "Jun from finance": a short month name alone
        // may be a name; it is a date beside a number ("2 Feb", "Feb 2")
        // or after a word of time ("in Jan", "since Sept").
        hits[List::Calendar as usize].retain(|h| {
            let short = h.first == h.last
                && matches!(
                    words[h.first].lower.as_str(),
                    "jan" | "feb" | "apr" | "jun" | "jul" | "aug" | "sept" | "oct" | "nov" | "dec"
                );
            let number = |i: usize| words.get(i).is_some_and(|x| x.kind == tokens::Kind::Number);
            let timed = h.first > 0
                && matches!(
                    words[h.first - 1].lower.as_str(),
                    "in" | "by"
                        | "from"
                        | "since"
                        | "until"
                        | "till"
                        | "of"
                        | "on"
                        | "end"
                        | "early"
                        | "late"
                        | "mid"
                        | "before"
                        | "after"
                        | "next"
                        | "last"
                        | "this"
                );
            !short || timed || number(h.last + 1) || (h.first > 0 && number(h.first - 1))
        });
        let negated_by = negation::scope(
            &words,
            &hits[List::Negators as usize],
            &hits[List::NegatorsAfter as usize],
        );
        let mut quantities = quantity::find(&words);
        // A bound under negation turns round: "no patient waits more than
        // 10 minutes" is at most 10 minutes, "not less than 2%" at least 2%.
        for q in &mut quantities {
            // "in 16 minutes on average": a figure measured, not a bound.
            let average = words.get(q.last + 1).is_some_and(|w| w.lower == "on")
                && words.get(q.last + 2).is_some_and(|w| w.lower == "average");
            if average {
                q.bound = quantity::Bound::Exact;
                continue;
            }
            if negated_by[q.first].is_some() {
                q.bound = match q.bound {
                    quantity::Bound::AtLeast => quantity::Bound::AtMost,
                    quantity::Bound::AtMost => quantity::Bound::AtLeast,
                    b => b,
                };
            }
        }
        // Texts are limited far below 4 GiB (see `store`), so a u32 holds any offset.
        let bytes = text
            .char_indices()
            .map(|(i, _)| i as u32)
            .chain([text.len() as u32])
            .collect();
        let covers = (0..hits.len()).map(|_| OnceCell::new()).collect();
        let (mut sentence_starts, mut clause_starts) = (Vec::new(), Vec::new());
        for (i, w) in words.iter().enumerate() {
            while sentence_starts.len() <= w.sentence {
                sentence_starts.push(i);
            }
            while clause_starts.len() <= w.clause {
                clause_starts.push(i);
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
            against_story: Vec::new(),
            bytes,
            sentence_starts,
            clause_starts,
            covers,
            no_content: OnceCell::new(),
            segment_cover: OnceCell::new(),
        }
    }

    /// The first word of word `i`'s clause.
    pub fn clause_start(&self, i: usize) -> usize {
        self.clause_starts[self.words[i].clause]
    }

    /// The first word of word `i`'s sentence.
    pub fn sentence_start(&self, i: usize) -> usize {
        self.sentence_starts[self.words[i].sentence]
    }

    /// Where the hits of `list` lie.
    pub fn cover(&self, list: List) -> &Cover {
        self.covers[list as usize].get_or_init(|| Cover::new(self.hits(list)))
    }

    /// Where the set's segments are named, to ask of a word in a binary
    /// search. Asked once the reviewer has filled in `segments`.
    pub fn segment_cover(&self) -> &Cover {
        self.segment_cover.get_or_init(|| Cover::new(&self.segments))
    }

    /// The number of characters of the text.
    pub fn chars(&self) -> usize {
        self.bytes.len() - 1
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
        let at = |c: usize| self.bytes.get(c).map_or(self.text.len(), |&b| b as usize);
        let from = at(span.start);
        &self.text[from..at(span.end).max(from)]
    }

    /// Is any word `first..=last` covered by a hit of `list`?
    pub fn covered_by(&self, list: List, first: usize, last: usize) -> bool {
        self.cover(list).overlaps(first, last)
    }

    /// A fragment with no concrete what: fewer than two words that are
    /// neither grammar, nor a date, nor a slogan or teaser, nor hype or a
    /// vague noun (the `empty` list) ("More soon!", "Thanks guys, smashed it",
    /// "By May, 15%.", "Be epic.", "Porters. Next year. Watch this space!").
    /// Asked once the reviewer has filled in `segments`, as the rules do;
    /// the answer is kept, since several rules ask it of the same text.
    pub fn no_content(&self) -> bool {
        *self.no_content.get_or_init(|| self.find_no_content())
    }

    fn find_no_content(&self) -> bool {
        // One pass over the date hits, one over the words.
        let mut dated = vec![false; self.words.len()];
        for l in [
            List::Deadlines,
            List::Calendar,
            List::EffectiveDates,
            List::Frequencies,
            List::Inspiration,
            // Words that say nothing checkable either: hype, vague nouns,
            // thanks, a form of address, an absolute or a boast.
            List::Empty,
            List::Gratitude,
            List::Exclusionary,
            List::Absolutes,
            List::Hyperbole,
        ] {
            for h in self.hits(l) {
                dated[h.first..=h.last].iter_mut().for_each(|d| *d = true);
            }
        }
        let content: Vec<usize> = (0..self.words.len())
            .filter(|&i| {
                let w = &self.words[i];
                // An emoji is a word to the tokenizer, and says nothing.
                w.kind == tokens::Kind::Word
                    && !is_function_word(&w.lower)
                    && !dated[i]
                    && w.lower.chars().any(char::is_alphanumeric)
                    && !self.lone_comparative(i)
            })
            .take(2)
            .collect();
        match content.as_slice() {
            [] => true,
            // "New rota next week.", "Team huddle at 9.": one concrete
            // thing and when is a notice. Not news of news ("Pricing news
            // next week", "Timetable news Friday"), not a teaser ("...
            // Stay tuned"), and not a team addressed ("Showroom team, this
            // season's yours").
            [only] => {
                let when = [List::Deadlines, List::Calendar, List::EffectiveDates, List::Frequencies]
                    .into_iter()
                    .any(|l| !self.hits(l).is_empty())
                    || self.quantities.iter().any(|q| q.explicit);
                let news = self
                    .words
                    .get(only + 1)
                    .is_some_and(|n| matches!(n.lower.as_str(), "news" | "update" | "updates" | "details" | "info"));
                let teaser = !self.hits(List::Inspiration).is_empty();
                let addressed = self.segments.iter().any(|h| (h.first..=h.last).contains(only));
                !(when && !news && !teaser && !addressed)
            }
            _ => false,
        }
    }

    /// "Next year. Bigger. Better.", "2027. Tidier.": a comparative that is a
    /// sentence on its own says better than what, not what.
    fn lone_comparative(&self, i: usize) -> bool {
        let w = &self.words;
        let alone = |j: usize| {
            w.get(j)
                .is_none_or(|x| x.sentence != w[i].sentence || x.kind == tokens::Kind::Punct)
        };
        let l = w[i].lower.as_str();
        let comparative = matches!(l, "better" | "worse" | "further")
            || (l.len() > 4 && l.ends_with("er") && w[i].forms.len() > 1 && !l.ends_with("eer"));
        comparative && alone(i + 1) && (i == 0 || w[i - 1].sentence != w[i].sentence)
    }

    /// The word that starts at character `start`, if any.
    pub fn word_at(&self, start: usize) -> Option<usize> {
        let i = self.words.partition_point(|w| w.start < start);
        self.words.get(i).filter(|w| w.start == start).map(|_| i)
    }

    /// Is the sentence around word `i` told in the past ("kept 210,000 homes
    /// in water overnight", "last week the 07:10 left within 3 minutes")? Near
    /// the word only, so a long text costs no more than its length.
    pub fn told_as_past(&self, i: usize) -> bool {
        let w = &self.words;
        // A verb after "is", "gets" or "will be" is a passive, not a past.
        // A word in -ed counts only with its subject before it ("we
        // rerouted", "who arrived"): alone it may describe a noun ("the
        // upgraded app", "faults attended within 4 hours"). A time gone by
        // ("last week", "yesterday", "two years ago") says so outright.
        (i.saturating_sub(12)..(i + 12).min(w.len())).any(|j| {
            let x = &w[j];
            let before = j.checked_sub(1).map(|p| w[p].lower.as_str());
            // "is ever kept waiting": an adverb between is passed over.
            let helper = match before {
                Some("ever" | "never" | "always" | "not" | "n't" | "still" | "often") => {
                    j.checked_sub(2).map(|p| w[p].lower.as_str())
                }
                other => other,
            };
            let auxiliary = matches!(
                helper,
                Some("be" | "been" | "being" | "get" | "gets" | "got" | "will" | "is" | "are" | "am" | "'re")
            );
            let subject = matches!(before, Some("i" | "we" | "you" | "they" | "he" | "she" | "it" | "who"));
            let irregular = matches!(
                x.lower.as_str(),
                "kept" | "was" | "were" | "did" | "had" | "ran" | "made" | "took" | "got" | "went" | "came" | "left"
            );
            let gone_by = matches!(x.lower.as_str(), "yesterday" | "ago")
                || (x.lower == "last"
                    && w.get(j + 1).is_some_and(|n| {
                        matches!(
                            n.lower.as_str(),
                            "week"
                                | "month"
                                | "year"
                                | "night"
                                | "winter"
                                | "summer"
                                | "spring"
                                | "autumn"
                                | "quarter"
                                | "monday"
                                | "tuesday"
                                | "wednesday"
                                | "thursday"
                                | "friday"
                                | "saturday"
                                | "sunday"
                        )
                    }));
            let regular = x.lower.len() > 4 && x.lower.ends_with("ed") && subject;
            x.sentence == w[i].sentence && j != i && (gone_by || ((irregular || regular) && !auxiliary))
        })
    }

    /// Does a hit of `list` end right before word `i` (within `gap` words, same clause)?
    pub fn preceded_by(&self, list: List, i: usize, gap: usize) -> bool {
        let cover = self.cover(list);
        (i.saturating_sub(gap)..i).any(|j| cover.ends_at(j) && self.words[j].clause == self.words[i].clause)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_as_a_span_does() {
        let text = "İİ's café — naïve 🍋 test";
        let lexicon = Lexicon::builtin();
        let a = Analysis::new(text, &lexicon);
        let n = text.chars().count();
        assert_eq!(a.chars(), n);
        for start in 0..=n + 1 {
            for end in 0..=n + 1 {
                let s = Span::new(start, end);
                assert_eq!(a.quote(s), s.quote(text), "{start}..{end}");
            }
        }
    }
}
