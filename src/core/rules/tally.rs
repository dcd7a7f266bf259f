//! Adding up one criterion: each rule that fires moves the score by the
//! points the lexicon gives it, leaves a line in the breakdown, and (when
//! the lexicon gives it a message) a finding tied to the words behind it.

use crate::core::analysis::Analysis;
use crate::core::lexicon::rule::fill;
use crate::core::lexicon::{Lexicon, Rule};
use crate::core::model::{Criterion, Message};
use crate::core::text::phrases::Hit;
use crate::core::verdict::{Contribution, CriterionResult, Finding, Span};

pub struct Tally<'a> {
    lexicon: &'a Lexicon,
    analysis: &'a Analysis<'a>,
    criterion: Criterion,
    score: i32,
    findings: Vec<Finding>,
    breakdown: Vec<Contribution>,
}

impl<'a> Tally<'a> {
    pub fn new(lexicon: &'a Lexicon, analysis: &'a Analysis<'a>, criterion: Criterion) -> Tally<'a> {
        let base = lexicon.criterion(criterion).base;
        Tally {
            lexicon,
            analysis,
            criterion,
            score: base,
            findings: Vec::new(),
            breakdown: vec![Contribution {
                rule: "base".into(),
                points: base,
                label: "starting score".into(),
                span: None,
                entry: None,
            }],
        }
    }

    /// Apply `rule` for the words in `span`; `vars` fill the message's
    /// `{name}` placeholders (`{quote}` is always the quoted words).
    pub fn add(&mut self, rule: Rule, span: Option<Span>, vars: &[(&str, &str)]) {
        let cfg = self.lexicon.rule(rule);
        let quote = span.map(|s| self.analysis.quote(s)).unwrap_or("");
        let mut all = vec![("quote", quote)];
        all.extend_from_slice(vars);
        self.score += cfg.points;
        // The label names the kind of evidence; the words are the span's.
        self.breakdown.push(Contribution {
            rule: rule.id().to_string(),
            points: cfg.points,
            label: cfg.label.clone(),
            span,
            entry: None,
        });
        if let Some(message) = &cfg.message {
            self.findings.push(Finding {
                rule: rule.id().to_string(),
                span: span.unwrap_or_else(|| Span::new(0, self.analysis.chars())),
                message: fill(message, &all),
                suggestion: cfg.suggestion.as_deref().map(|s| fill(s, &all)),
            });
        }
    }

    /// Apply `rule` for a lexicon hit, recording the entry that fired.
    pub fn hit(&mut self, rule: Rule, a: &Analysis, h: &Hit) {
        // The rule table says which lists make each rule fire; a hit from
        // any other is a table out of date (the rule fixtures run this).
        debug_assert!(
            rule.lists().iter().any(|l| *l as usize == h.list),
            "{rule} fired on a hit of list {}, which rule.rs does not give it",
            h.list
        );
        self.add(rule, Some(a.hit_span(h)), &[]);
        let entry = self.lexicon.index().phrase(h.list, h.phrase).text.clone();
        if let Some(last) = self.breakdown.last_mut() {
            last.entry = Some(entry);
        }
    }

    pub fn lexicon(&self) -> &'a Lexicon {
        self.lexicon
    }

    pub fn finish(self, message: &Message) -> CriterionResult {
        let score = self.score.clamp(0, 100);
        let waived = message.waiver(self.criterion).map(|w| w.reason.clone());
        let pass_mark = self.lexicon.criterion(self.criterion).pass;
        let pass = score >= pass_mark || waived.is_some();
        // The way to a pass: each kind of evidence this criterion rewards
        // that the message does not show yet. Only for a failure, so a
        // passing review stays small.
        let could_gain = if pass {
            Vec::new()
        } else {
            self.lexicon
                .rules()
                .filter(|(rule, r)| {
                    r.points > 0
                        && rule.criterion() == self.criterion
                        && !self.breakdown.iter().any(|b| b.rule == rule.id())
                })
                .map(|(rule, r)| Contribution {
                    rule: rule.id().to_string(),
                    points: r.points,
                    label: r.label.clone(),
                    span: None,
                    entry: None,
                })
                .collect::<Vec<_>>()
        };
        let mut could_gain = could_gain;
        could_gain.sort_by_key(|c| std::cmp::Reverse(c.points));
        CriterionResult {
            criterion: self.criterion,
            score: score as u8,
            pass,
            applies: true,
            pass_mark: pass_mark.clamp(0, 100) as u8,
            could_gain,
            waived,
            findings: self.findings,
            breakdown: self.breakdown,
        }
    }
}
