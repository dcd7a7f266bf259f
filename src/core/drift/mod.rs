//! Drift: where an internal message departs from the external story.
//! `off_story` (supports no pillar), `contradiction` (asserts a pillar's
//! opposite, or negates its keyword), `fact_mismatch` (a different figure
//! for the same thing), `avoided_term` (a word the brand avoids).
//! What each drift says and the alignment's points are lexicon data
//! (`drift:` and `alignment:` in `builtin.yaml`). It holds the story's
//! compiled matchers and its facts (`facts.rs`; figures are compared in
//! `mismatch.rs`), and imports the analysis,
//! the text layer, the lexicon, the model and the verdicts.

mod assertion;
mod facts;
mod mismatch;
mod orders;

use crate::core::analysis::Analysis;
use crate::core::lexicon::rule::fill;
use crate::core::lexicon::{AlignmentConfig, DriftConfig, DriftRule, Lexicon, List};
use crate::core::model::MessageSet;
use crate::core::text::cover::Cover;
use crate::core::text::phrases::{Hit, PhraseIndex};
use crate::core::text::quotes;
use crate::core::text::stem;
use crate::core::text::tokens::Kind;
use crate::core::verdict::{Alignment, Drift, DriftKind, Span, Tie};
use assertion::{asserted, contrary_negation, dismissed, zeroed};
use facts::Fact;
use std::collections::HashSet;

struct PillarLists {
    id: String,
    claim: String,
    keywords: usize,
    opposites: usize,
    /// Per keyword: its negation is good news ("never ... wait").
    negative_sense: Vec<bool>,
}

/// The story of one set, compiled for checking messages against it.
pub struct DriftEngine {
    index: PhraseIndex,
    pillars: Vec<PillarLists>,
    avoid: usize,
    facts: Vec<Fact>,
    /// What each drift says (by `DriftRule as usize`), and the alignment's points.
    words: Vec<DriftConfig>,
    alignment: AlignmentConfig,
}

impl DriftEngine {
    pub fn new(set: &MessageSet, lexicon: &Lexicon) -> DriftEngine {
        let mut index = PhraseIndex::new();
        let negative: Vec<Vec<String>> = lexicon
            .list(List::NegativeSense)
            .iter()
            .map(|w| stem::forms(&w.to_lowercase()))
            .collect();
        // Hashed once, so a story of many keywords costs a few lookups per keyword.
        let negative = stem::StrictSet::new(negative.iter().map(Vec::as_slice));
        let mut pillars = Vec::new();
        let mut facts = Vec::new();
        for (pi, p) in set.external.pillars.iter().enumerate() {
            let mut words: Vec<&str> = p.keywords.iter().map(String::as_str).collect();
            words.extend(lexicon.pillar_synonyms(&p.id));
            let keywords = index.add_list(&words, true);
            let opposites = index.add_list(&p.opposites, true);
            // One flag per entry of the keyword list (synonyms included).
            let opposite_forms: Vec<Vec<String>> = p.opposites.iter().map(|o| stem::forms(&o.to_lowercase())).collect();
            let opposite = stem::StrictSet::new(opposite_forms.iter().map(Vec::as_slice));
            let negative_sense = words
                .iter()
                .map(|k| {
                    let f = stem::forms(&k.to_lowercase());
                    negative.matches_any(&f) || opposite.matches_any(&f)
                })
                .collect();
            pillars.push(PillarLists {
                id: p.id.clone(),
                claim: p.claim.clone(),
                keywords,
                opposites,
                negative_sense,
            });
            facts.extend(p.facts.iter().map(|f| Fact::new(pi, f, lexicon)));
        }
        let avoid = index.add_list(&set.external.avoid, true);
        index.ready();
        DriftEngine {
            index,
            pillars,
            avoid,
            facts,
            words: DriftRule::ALL.iter().map(|r| lexicon.drift(*r).clone()).collect(),
            alignment: lexicon.alignment(),
        }
    }

    /// 0 when the message supports no pillar; else the base, the share of
    /// the story's pillars it supports, less the points of each drift that
    /// is not off_story.
    fn alignment_score(&self, supported: usize, drift: &[Drift]) -> u8 {
        let total = self.pillars.len();
        if supported == 0 || total == 0 {
            return 0;
        }
        let points = self.alignment;
        let mut s = points.base + points.pillars * supported as i32 / total as i32;
        s += points.drift * drift.iter().filter(|d| d.kind != DriftKind::OffStory).count() as i32;
        s.clamp(0, 100) as u8
    }

    /// A drift of `rule`, its words filled in from `vars`.
    fn drift(&self, rule: DriftRule, pillar: Option<&str>, span: Option<Span>, vars: &[(&str, &str)]) -> Drift {
        let words = &self.words[rule as usize];
        Drift {
            kind: rule.kind(),
            pillar: pillar.map(str::to_string),
            span,
            message: fill(&words.message, vars),
            suggestion: words.suggestion.as_deref().map(|s| fill(s, vars)),
        }
    }

    /// The alignment of one analysed message, and its drift.
    pub fn check(&self, a: &Analysis) -> (Alignment, Vec<Drift>) {
        self.check_hits(a, self.find_after(a, Vec::new(), 0))
    }

    /// The story's phrases in a message: its pillars' keywords and
    /// opposites, and the avoided terms (see `PhraseIndex::find_after`).
    pub fn find_after(&self, a: &Analysis, before: Vec<Vec<Hit>>, kept: usize) -> Vec<Vec<Hit>> {
        self.index.find_after(&a.words, &a.hashes, before, kept)
    }

    /// `check`, with the story's phrases found in the message already.
    pub fn check_hits(&self, a: &Analysis, hits: Vec<Vec<Hit>>) -> (Alignment, Vec<Drift>) {
        let mut ties = Vec::new();
        let mut drift = Vec::new();
        let mut supported = vec![false; self.pillars.len()];
        let mut engaged = vec![false; self.pillars.len()];
        // Pillars already contradicted, so a negated keyword is reported once.
        let mut contradicted: HashSet<&str> = HashSet::new();
        let mut asserted_at: HashSet<(usize, usize, usize)> = HashSet::new();
        // Sentences that accept something (not negated): an opposite there is asserted.
        let accepting: HashSet<usize> = a
            .hits(List::Acceptance)
            .iter()
            .filter(|m| a.negated_by[m.first].is_none())
            .map(|m| a.words[m.first].sentence)
            .collect();
        // Every pillar's opposites, so a negation of one reads as support.
        let opposed = Cover::new(
            &self
                .pillars
                .iter()
                .flat_map(|p| hits[p.opposites].iter().cloned())
                .collect::<Vec<Hit>>(),
        );
        for (pi, p) in self.pillars.iter().enumerate() {
            for h in &hits[p.keywords] {
                // "isn't part-baked": a keyword inside one of the pillars'
                // opposites is part of that opposite, not a word of its own.
                if until(a, h) || opposed.overlaps(h.first, h.last) {
                    continue;
                }
                let phrase = self.index.phrase(p.keywords, h.phrase);
                let span = a.hit_span(h);
                // "remortgage decisions can wait till Monday": the keyword set
                // aside is the pillar given up.
                if let Some(d) = dismissed(a, h) {
                    engaged[pi] = true;
                    if contradicted.insert(p.id.as_str()) {
                        let whole = Span::new(span.start, a.words[d].end);
                        let vars = [("quote", a.quote(whole)), ("claim", p.claim.as_str())];
                        drift.push(self.drift(DriftRule::SetAside, Some(&p.id), Some(whole), &vars));
                    }
                    continue;
                }
                if let Some(neg) = contrary_negation(a, h, p.negative_sense[h.phrase], &opposed) {
                    engaged[pi] = true;
                    if contradicted.insert(p.id.as_str()) {
                        // A trailing negator ("fresh no longer") comes after the keyword.
                        // "don't": quote the whole word, not "n't".
                        let neg_word = if neg > 0 && a.words[neg].lower == "n't" {
                            neg - 1
                        } else {
                            neg
                        };
                        let whole = Span::new(a.words[neg_word].start.min(span.start), a.words[neg].end.max(span.end));
                        let vars = [("quote", a.quote(whole)), ("claim", p.claim.as_str())];
                        drift.push(self.drift(DriftRule::NegatedKeyword, Some(&p.id), Some(whole), &vars));
                    }
                    continue;
                }
                supported[pi] = true;
                ties.push(Tie {
                    pillar: p.id.clone(),
                    span,
                    keyword: phrase.text.clone(),
                });
            }
            for h in &hits[p.opposites] {
                if !asserted(a, h, &accepting) {
                    // "no customer should come back to an unanswered
                    // ticket": an opposite denied keeps the promise, and
                    // ties the message to its pillar.
                    // Only a plain denial: not "not every delay", nor one
                    // itself denied ("can't promise no delay").
                    let plain = zeroed(a, h)
                        || a.negated_by[h.first].is_some_and(|n| {
                            matches!(
                                a.words[n].lower.as_str(),
                                "no" | "never" | "without" | "nobody" | "none" | "nothing"
                            ) && a.negated_by[n].is_none()
                        });
                    if plain {
                        supported[pi] = true;
                        ties.push(Tie {
                            pillar: p.id.clone(),
                            span: a.hit_span(h),
                            keyword: self.index.phrase(p.opposites, h.phrase).text.clone(),
                        });
                    }
                    continue;
                }
                engaged[pi] = true;
                contradicted.insert(p.id.as_str());
                // Two opposites may match the same words ("guess" and
                // "guessing" both match "guess"): say it once.
                if !asserted_at.insert((pi, h.first, h.last)) {
                    continue;
                }
                let span = a.hit_span(h);
                let vars = [("quote", a.quote(span)), ("claim", p.claim.as_str())];
                drift.push(self.drift(DriftRule::AssertedOpposite, Some(&p.id), Some(span), &vars));
            }
        }
        let mut on_topic: Vec<bool> = supported.iter().zip(&engaged).map(|(s, e)| *s || *e).collect();
        let (mismatches, restated) = self.fact_mismatches(a, &hits, &on_topic);
        for (fact, (first, last)) in restated {
            let p = &self.pillars[fact.pillar];
            on_topic[fact.pillar] = true;
            supported[fact.pillar] = true;
            ties.push(Tie {
                pillar: p.id.clone(),
                span: a.span(first, last),
                keyword: fact.text.clone(),
            });
        }
        // A wrong figure for a pillar's fact is about that pillar: wrong, not off story.
        for d in &mismatches {
            if let Some(i) = self.pillars.iter().position(|p| Some(&p.id) == d.pillar.as_ref()) {
                on_topic[i] = true;
            }
        }
        drift.extend(mismatches);
        // "we say 'nursery', not 'daycare'. Parents tell us 'daycare' sounds
        // cold": once a term is quoted to ban it, quoting it again discusses
        // the same word.
        let mut mentioned = HashSet::new();
        for h in &hits[self.avoid] {
            let term = &self.index.phrase(self.avoid, h.phrase).text;
            if another_sense(a, h, term) {
                continue;
            }
            if quotes::mentioned(&a.words, h.first, a.negated_by[h.first].is_some()) {
                mentioned.insert(h.phrase);
                continue;
            }
            if mentioned.contains(&h.phrase) && quotes::inside(&a.words, h.first) {
                continue;
            }
            let span = a.hit_span(h);
            let vars = [("quote", a.quote(span)), ("term", term.as_str())];
            drift.push(self.drift(DriftRule::AvoidedTerm, None, Some(span), &vars));
        }
        if !on_topic.iter().any(|x| *x) {
            let claims: Vec<&str> = self.pillars.iter().map(|p| p.claim.as_str()).collect();
            let rule = if claims.is_empty() {
                DriftRule::NoPillars
            } else {
                DriftRule::OffStory
            };
            drift.insert(0, self.drift(rule, None, None, &[("claims", &claims.join("; "))]));
        }
        let pillars: Vec<String> = self
            .pillars
            .iter()
            .zip(&supported)
            .filter(|(_, s)| **s)
            .map(|(p, _)| p.id.clone())
            .collect();
        let score = self.alignment_score(pillars.len(), &drift);
        (Alignment { score, pillars, ties }, drift)
    }
}

/// "open till 10", "till Monday", "till then": "till" before a time is
/// "until", not the checkout a keyword means.
fn until(a: &Analysis, h: &Hit) -> bool {
    let w = &a.words;
    let next = w.get(h.last + 1);
    // Not the till itself: "count the till the same way", "Till 3 at
    // reception is broken".
    let noun = h.first == 0
        || w[h.first - 1].sentence != w[h.first].sentence
        || matches!(
            w[h.first - 1].lower.as_str(),
            "the" | "a" | "an" | "each" | "every" | "your" | "our" | "this" | "that" | "one"
        );
    h.first == h.last
        && !noun
        && matches!(w[h.first].lower.as_str(), "till" | "til")
        && next.is_some_and(|n| {
            n.kind == Kind::Number
                || matches!(
                    n.lower.as_str(),
                    "then"
                        | "now"
                        | "late"
                        | "later"
                        | "close"
                        | "closing"
                        | "midnight"
                        | "noon"
                        | "further"
                        | "the"
                        | "next"
                )
                // A day or a month: the calendar list already names them.
                || a.cover(List::Calendar).starts_at(h.last + 1)
        })
}

/// "the new scanners are fine", "it's fine to": an avoided plural noun
/// ("fines") met by its singular right after a verb of being is that
/// word's other sense, an adjective, and not the term.
fn another_sense(a: &Analysis, h: &Hit, term: &str) -> bool {
    let w = &a.words;
    let word = w[h.first].lower.as_str();
    let term = term.to_lowercase();
    let singular = h.first == h.last
        && term.len() > 3
        && (term.strip_suffix('s') == Some(word) || term.strip_suffix("es") == Some(word));
    singular
        && h.first > 0
        && matches!(
            w[h.first - 1].lower.as_str(),
            "is" | "are"
                | "'s"
                | "'re"
                | "was"
                | "were"
                | "be"
                | "been"
                | "seems"
                | "seem"
                | "looks"
                | "look"
                | "feel"
                | "feels"
        )
}
