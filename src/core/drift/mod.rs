//! Drift: where an internal message departs from the external story.
//! `off_story` (supports no pillar), `contradiction` (asserts a pillar's
//! opposite, or negates its keyword), `fact_mismatch` (a different figure
//! for the same thing), `avoided_term` (a word the brand avoids).
//! What each drift says and the alignment's points are lexicon data
//! (`drift:` and `alignment:` in `builtin.yaml`). It holds the story's
//! compiled matchers and its facts (`facts.rs`), and imports the analysis,
//! the text layer, the lexicon, the model and the verdicts.

mod assertion;
mod facts;

use crate::core::analysis::Analysis;
use crate::core::lexicon::rule::fill;
use crate::core::lexicon::{AlignmentConfig, DriftConfig, DriftRule, Lexicon, List};
use crate::core::model::MessageSet;
use crate::core::text::cover::Cover;
use crate::core::text::phrases::{Hit, PhraseIndex};
use crate::core::text::quantity::Quantity;
use crate::core::text::tokens::Kind;
use crate::core::text::{is_function_word, stem};
use crate::core::verdict::{Alignment, Drift, DriftKind, Span, Tie};
use assertion::{asserted, contrary_negation, dismissed};
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
        let hits = self.index.find(&a.words, &a.hashes);
        let mut ties = Vec::new();
        let mut drift = Vec::new();
        let mut supported = vec![false; self.pillars.len()];
        let mut engaged = vec![false; self.pillars.len()];
        // Pillars already contradicted, so a negated keyword is reported once.
        let mut contradicted: HashSet<&str> = HashSet::new();
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
                    let plain = a.negated_by[h.first].is_some_and(|n| {
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
                let span = a.hit_span(h);
                let vars = [("quote", a.quote(span)), ("claim", p.claim.as_str())];
                drift.push(self.drift(DriftRule::AssertedOpposite, Some(&p.id), Some(span), &vars));
            }
        }
        let mut on_topic: Vec<bool> = supported.iter().zip(&engaged).map(|(s, e)| *s || *e).collect();
        let mismatches = self.fact_mismatches(a, &hits, &on_topic);
        // A wrong figure for a pillar's fact is about that pillar: wrong, not off story.
        for d in &mismatches {
            if let Some(i) = self.pillars.iter().position(|p| Some(&p.id) == d.pillar.as_ref()) {
                on_topic[i] = true;
            }
        }
        drift.extend(mismatches);
        for h in &hits[self.avoid] {
            let term = &self.index.phrase(self.avoid, h.phrase).text;
            if another_sense(a, h, term) || banned(a, h) {
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

    /// A figure in the message about the same thing as a fact of a pillar
    /// it talks about, with a different value. A target next to the
    /// correct current figure ("from 98% to 99%") is no mismatch.
    fn fact_mismatches(&self, a: &Analysis, hits: &[Vec<Hit>], on_topic: &[bool]) -> Vec<Drift> {
        let mut out: Vec<Drift> = Vec::new();
        let mut stated: std::collections::HashMap<usize, bool> = std::collections::HashMap::new();
        for q in a.quantities.iter().filter(|q| q.explicit && !relative(a, q)) {
            let sentence = a.words[q.first].sentence;
            let mut best: Option<(usize, &Fact, &Quantity, usize)> = None;
            // "borrow a laptop for 48 hours" says how long a loan lasts,
            // not how soon anything is done.
            let lasts = facts::lasting(&a.words, q);
            for f in &self.facts {
                let comparable = |(k, fq): &(usize, &Quantity)| {
                    fq.unit.same_dimension(&q.unit) && (lasts == f.lasting[*k] || q.bound == fq.bound)
                };
                for (_, fq) in f.quantities.iter().enumerate().filter(comparable) {
                    // What a figure is about is said close to it: "sold within
                    // 24 hours of baking", not anywhere in a long sentence.
                    let near =
                        |i: usize| a.words[i].sentence == sentence && i + WINDOW >= q.first && i <= q.last + WINDOW;
                    let matched: Vec<usize> = (0..f.context.len())
                        .filter(|&k| {
                            (q.first.saturating_sub(WINDOW)..(q.last + WINDOW + 1).min(a.words.len())).any(|i| {
                                // Strictly, or the singular of the fact's
                                // plural ("bike" for "bikes").
                                near(i)
                                    && (stem::matches(&a.words[i].forms, &f.context[k], false)
                                        || singular_of(&a.words[i].lower, &f.context[k][0]))
                            })
                        })
                        .collect();
                    // The fact's verb counts only beside its other words: on
                    // its own it may be said of anything.
                    let context = match matched.as_slice() {
                        [only] if Some(*only) == f.verb => 0,
                        m => m.len(),
                    };
                    // A pillar the message talks about lends its keywords as
                    // evidence; any other pillar's fact needs its own words
                    // near the figure ("repair stands within 2 days").
                    let keywords = &hits[self.pillars[f.pillar].keywords];
                    let from = keywords.partition_point(|h| h.first + WINDOW < q.first);
                    let keyword = keywords[from..]
                        .iter()
                        .take_while(|h| h.first <= q.last + WINDOW)
                        .any(|h| near(h.first));
                    // A figure that keeps the fact's bound ("answer every
                    // call within 30 seconds" under "no caller waits more
                    // than 2 minutes on hold") may well measure another
                    // step of the same work: only the fact's own words
                    // make it a misstatement of the fact.
                    let lends = on_topic[f.pillar] && !q.keeps_bound(fq) && !another_act(a, q);
                    let about = context + usize::from(lends && keyword);
                    if about > 0 && best.is_none_or(|(b, _, _, _)| about > b) {
                        best = Some((about, f, fq, context));
                    }
                }
            }
            let Some((_, fact, fq, context)) = best else { continue };
            // "last week the 07:10 left within 3 minutes of the timetable":
            // an event told in the past that kept the fact's bound, or that
            // is bounded otherwise ("went back within a day" beside "48
            // hours' notice"), reports what happened; it does not restate
            // the fact.
            if (q.keeps_bound(fq) || q.bound != fq.bound) && a.told_as_past(q.first) {
                continue;
            }
            // "under two minutes" is no misremembered "within 3 days": a
            // duration in another order of size measures something else.
            // Unless the fact's own words say it is the same thing ("every
            // bike is repaired within 60 days").
            if context == 0 && q.unit == crate::core::text::quantity::Unit::Hours && far_apart(q.value, fq.value) {
                continue;
            }
            if q.agrees_with(fq)
                || (context == 0 && measures_other(a, q, fact, &hits[self.pillars[fact.pillar].keywords]))
            {
                continue;
            }
            // The correct figure stated anywhere in the message makes the
            // other a target or a comparison ("within 24 hours today; by
            // autumn we want 8"). It must be the fact's own figure: "three
            // days before the van arrives" is inside an 8-week bound but
            // states nothing about it. Worked out once per fact figure.
            let current_beside = *stated.entry(fq as *const _ as usize).or_insert_with(|| {
                a.quantities
                    .iter()
                    .any(|o| o.explicit && o.unit.same_dimension(&fq.unit) && o.states(fq))
            });
            if current_beside {
                continue;
            }
            let span = a.span(q.first, q.last);
            let pillar = &self.pillars[fact.pillar];
            let (figure, fact_figure) = (facts::describe(q), facts::describe(fq));
            let vars = [
                ("quote", a.quote(span)),
                ("figure", figure.as_str()),
                ("fact", fact.text.as_str()),
                ("fact_figure", fact_figure.as_str()),
            ];
            out.push(self.drift(DriftRule::FactMismatch, Some(&pillar.id), Some(span), &vars));
        }
        out
    }
}

/// "please don't call the guest beers a 'gimmick'", "stop calling the
/// team 'skivvies'", "if a customer says 'hosepipe ban'": a term quoted in
/// order to ban it, or as someone else's words, is mentioned, not used.
fn banned(a: &Analysis, h: &Hit) -> bool {
    let w = &a.words;
    let sentence = w[h.first].sentence;
    // A ban or a speaker comes before the term, in its sentence; a short
    // look back keeps a long text from costing hits times words.
    let before = || {
        (h.first.saturating_sub(REPORT_REACH)..h.first)
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
    // Said by someone other than the writer: "a customer says", "they call it".
    let reported = || {
        before().take(6).any(|j| {
            matches!(
                w[j].lower.as_str(),
                "says" | "said" | "asks" | "asked" | "calls" | "called" | "writes" | "wrote"
            ) && !(j > 0 && matches!(w[j - 1].lower.as_str(), "we" | "i"))
        })
    };
    crate::core::text::quotes::inside(w, h.first) && (a.negated_by[h.first].is_some() || ban() || reported())
}

/// How far before a quoted term a ban or a speaker is looked for.
const REPORT_REACH: usize = 16;

/// "refunds paid within 48 hours": a figure right after a participle
/// measures that act. With nothing but the pillar's keywords to tie it to
/// a fact about another act ("dispatched within 24 hours"), it is not read
/// as that fact.
fn another_act(a: &Analysis, q: &Quantity) -> bool {
    let Some(p) = q.first.checked_sub(1).map(|i| &a.words[i]) else {
        return false;
    };
    let participle = (p.lower.len() > 4 && p.lower.ends_with("ed"))
        || matches!(
            p.lower.as_str(),
            "paid"
                | "sent"
                | "made"
                | "done"
                | "given"
                | "taken"
                | "seen"
                | "met"
                | "kept"
                | "sold"
                | "told"
                | "held"
                | "built"
                | "brought"
                | "found"
                | "shown"
                | "run"
        );
    p.kind == Kind::Word && p.sentence == a.words[q.first].sentence && participle
}

/// "bike" for the fact's "bikes", "delivery" for "deliveries"; not "call"
/// for "caller", which names someone else.
fn singular_of(word: &str, plural: &str) -> bool {
    plural.strip_suffix('s') == Some(word)
        || plural.strip_suffix("es") == Some(word)
        || plural
            .strip_suffix("ies")
            .is_some_and(|s| word.strip_suffix('y') == Some(s))
}

/// "the other thirteen hotels", "another 5 stores", "20 more riders",
/// "15 minutes longer", "an hour earlier": an amount relative to something
/// else, not a statement of the total. "Twenty years ago" dates an event;
/// it measures nothing the story promises.
fn relative(a: &Analysis, q: &Quantity) -> bool {
    let before = q.first.checked_sub(1).map(|i| a.words[i].lower.as_str());
    let after = a.words.get(q.last + 1).map(|w| w.lower.as_str());
    matches!(before, Some("other" | "another" | "extra" | "additional"))
        || matches!(
            after,
            Some(
                "more"
                    | "extra"
                    | "additional"
                    | "longer"
                    | "shorter"
                    | "earlier"
                    | "later"
                    | "sooner"
                    | "less"
                    | "fewer"
                    | "ago"
            )
        )
}

/// "callers will be offered a 5-minute survey": a measure glued before a
/// noun measures that noun. When neither the noun nor the word after it is
/// one of the fact's words or its pillar's keywords, the figure is about
/// something else, whatever stands nearby ("our 48-hour reply promise"
/// still measures the reply).
fn measures_other(a: &Analysis, q: &Quantity, fact: &Fact, keywords: &[Hit]) -> bool {
    use crate::core::text::quantity::Unit;
    let w = &a.words;
    // "100% of the menu", "100% recycling": a share is of the noun after it.
    let share = q.unit == Unit::Percent;
    let attributive = w[q.last].glued && q.unit == Unit::Hours;
    if !attributive && !share {
        return false;
    }
    let mut start = q.last + 1;
    if share && w.get(start).is_some_and(|x| x.lower == "of") {
        start += 1;
        while w.get(start).is_some_and(|x| {
            matches!(
                x.lower.as_str(),
                "the" | "our" | "your" | "their" | "its" | "all" | "this"
            )
        }) {
            start += 1;
        }
    }
    // The noun phrase the measure heads, up to its noun: "a 24-hour
    // turnaround", "the one-hour fear-free handling session".
    let clause = w[q.last].clause;
    let phrase: Vec<usize> = (start..(start + 4).min(w.len()))
        .take_while(|&i| w[i].clause == clause && w[i].kind == Kind::Word && !is_function_word(&w[i].lower))
        .collect();
    let Some(&noun) = phrase.last() else {
        return false;
    };
    // Either way round: "repair" is a form of the fact's "repaired".
    let of_fact = phrase.iter().any(|&i| {
        fact.context
            .iter()
            .any(|c| stem::matches(&w[i].forms, c, false) || w[i].forms.iter().any(|f| c.contains(f)))
    });
    // A share's noun must be the fact's own: a pillar keyword ("100%
    // recycling") is not the emissions the fact counts.
    if share {
        return !of_fact;
    }
    // A pillar keyword says what is measured only as the noun itself: the
    // session is not the consultation for being fear-free.
    // Hits are in text order: only those starting near the noun can hold it.
    let from = keywords.partition_point(|h| h.first + MAX_PHRASE < noun);
    let keyword_noun = keywords[from..]
        .iter()
        .take_while(|h| h.first <= noun)
        .any(|h| (h.first..=h.last).contains(&noun));
    !of_fact && !keyword_noun
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

/// Durations more than a day's worth of hours apart (minutes against
/// days, days against years): a misremembered figure is off by a little or
/// a few times, not by a unit of time.
fn far_apart(a: f64, b: f64) -> bool {
    let (lo, hi) = (a.min(b), a.max(b));
    lo > 0.0 && hi / lo > 24.0
}

/// The longest keyword phrase, in words, looked back over for a noun.
const MAX_PHRASE: usize = 8;

/// How many words either side of a figure may say what it is about.
const WINDOW: usize = 6;
