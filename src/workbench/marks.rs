//! What to highlight, decided apart from how it looks: the findings of a
//! review as one list the user can step through, and the marked ranges of
//! a message (ties, drift, the selected finding) and of the story (pillar
//! keywords). The view only maps these to colours.

use crate::core::model::{Criterion, MessageSet};
use crate::core::review::{DriftKind, MessageReview, SetSummary, Span};

/// Where a finding comes from: a checklist criterion or a drift check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Criterion(Criterion),
    Drift(DriftKind),
}

/// One entry of the findings pane.
#[derive(Debug, Clone, PartialEq)]
pub struct Item<'r> {
    pub source: Source,
    /// Rule id, or the drift kind.
    pub rule: &'r str,
    pub span: Option<Span>,
    pub message: &'r str,
    pub suggestion: Option<&'r str>,
    /// The drift's pillar, when it names one.
    pub pillar: Option<&'r str>,
}

/// Every finding of a review, checklist first (in criterion order), then drift.
pub fn items(review: &MessageReview) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    for r in &review.checklist.results {
        for f in &r.findings {
            out.push(Item {
                source: Source::Criterion(r.criterion),
                rule: &f.rule,
                span: Some(f.span),
                message: &f.message,
                suggestion: f.suggestion.as_deref(),
                pillar: None,
            });
        }
    }
    for d in &review.drift {
        out.push(Item {
            source: Source::Drift(d.kind),
            rule: d.kind.as_str(),
            span: d.span,
            message: &d.message,
            suggestion: d.suggestion.as_deref(),
            pillar: d.pillar.as_deref(),
        });
    }
    out
}

/// How a range of text is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Ties the message to the pillar with this index in the story.
    Tie(usize),
    /// Drifts from the story.
    Drift,
    /// The finding selected in the findings pane.
    Selected,
}

/// Marks over a message's text. Later marks win where they overlap
/// (the view paints them in order): ties, then drift, then the selection.
pub fn message_marks(set: &MessageSet, review: &MessageReview, selected: Option<Span>) -> Vec<(Span, Mark)> {
    let mut out = Vec::new();
    for t in &review.alignment.ties {
        if let Some(i) = pillar_index(set, &t.pillar) {
            out.push((t.span, Mark::Tie(i)));
        }
    }
    for d in &review.drift {
        if let Some(s) = d.span {
            out.push((s, Mark::Drift));
        }
    }
    if let Some(s) = selected {
        out.push((s, Mark::Selected));
    }
    out
}

pub fn pillar_index(set: &MessageSet, id: &str) -> Option<usize> {
    set.external.pillars.iter().position(|p| p.id == id)
}

/// Where the story's text uses a pillar's keywords: each keyword at the
/// start of a word, with up to a few more letters for inflections
/// ("fast" marks "fastest"), case-insensitive.
pub fn story_marks(set: &MessageSet) -> Vec<(Span, usize)> {
    keyword_marks(
        &set.external.story,
        set.external
            .pillars
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.keywords.iter().map(move |k| (k.as_str(), i))),
    )
}

/// Longest inflection accepted after a keyword ("-est", "-ing", "-ness").
const MAX_SUFFIX: usize = 4;

/// Occurrences of keywords in `text`, as char spans, each with its tag.
pub fn keyword_marks<'k, T: Clone>(text: &str, keywords: impl IntoIterator<Item = (&'k str, T)>) -> Vec<(Span, T)> {
    // One lowercase char per char, so offsets stay those of `text`.
    let lower: Vec<char> = text.chars().map(|c| c.to_lowercase().next().unwrap_or(c)).collect();
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '-';
    let mut out = Vec::new();
    for (kw, tag) in keywords {
        let kw: Vec<char> = kw
            .trim()
            .chars()
            .map(|c| c.to_lowercase().next().unwrap_or(c))
            .collect();
        if kw.is_empty() || kw.len() > lower.len() {
            continue;
        }
        for start in 0..=lower.len() - kw.len() {
            if start > 0 && is_word(lower[start - 1]) {
                continue;
            }
            if lower[start..start + kw.len()] != kw[..] {
                continue;
            }
            let mut end = start + kw.len();
            while end < lower.len() && lower[end].is_alphanumeric() {
                end += 1;
            }
            if end - (start + kw.len()) <= MAX_SUFFIX {
                out.push((Span::new(start, end), tag.clone()));
            }
        }
    }
    out.sort_by_key(|(s, _)| (s.start, s.end));
    out
}

/// How a range of the story pane is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryMark {
    /// A keyword of the pillar with this index.
    Keyword(usize),
    /// A keyword of this pillar that the selected message uses.
    Tied(usize),
    /// The name of this pillar.
    Pillar(usize),
    /// A label such as "keywords:".
    Label,
    /// Something the set leaves out.
    Warn,
}

/// A paragraph to wrap and draw, with marked ranges (char spans of `text`).
#[derive(Debug, Clone, PartialEq)]
pub struct Para<M> {
    pub text: String,
    pub marks: Vec<(Span, M)>,
}

impl<M> Default for Para<M> {
    fn default() -> Para<M> {
        Para::plain("")
    }
}

impl<M> Para<M> {
    fn plain(text: impl Into<String>) -> Para<M> {
        Para {
            text: text.into(),
            marks: vec![],
        }
    }

    /// Append `s`, marked with `mark` when given.
    fn push(&mut self, s: &str, mark: Option<M>) {
        let start = self.text.chars().count();
        self.text.push_str(s);
        if let Some(m) = mark {
            self.marks.push((Span::new(start, start + s.chars().count()), m));
        }
    }
}

fn tied(review: Option<&MessageReview>, pillar: &str, keyword: &str) -> bool {
    review.is_some_and(|r| {
        r.alignment
            .ties
            .iter()
            .any(|t| t.pillar == pillar && t.keyword.eq_ignore_ascii_case(keyword))
    })
}

/// The story pane: the story with its pillars' keywords marked (those the
/// selected message uses marked more strongly), then each pillar, the
/// avoided terms and the segments.
pub fn story_doc(set: &MessageSet, review: Option<&MessageReview>) -> Vec<Para<StoryMark>> {
    let ext = &set.external;
    let mut out = Vec::new();
    let tied_pillars: Vec<bool> = ext
        .pillars
        .iter()
        .map(|p| p.keywords.iter().any(|k| tied(review, &p.id, k)))
        .collect();
    let mut story = Para::plain(ext.story.clone());
    story.marks = story_marks(set)
        .into_iter()
        .map(|(span, i)| {
            let m = if tied_pillars[i] {
                StoryMark::Tied(i)
            } else {
                StoryMark::Keyword(i)
            };
            (span, m)
        })
        .collect();
    out.push(story);
    for (i, p) in ext.pillars.iter().enumerate() {
        out.push(Para::plain(""));
        let mut head = Para::default();
        head.push(&format!("■ {}", p.id), Some(StoryMark::Pillar(i)));
        head.push(&format!(" {}", p.claim), None);
        out.push(head);
        let mut kw = Para::default();
        kw.push("keywords:", Some(StoryMark::Label));
        for (n, k) in p.keywords.iter().enumerate() {
            kw.push(if n == 0 { " " } else { ", " }, None);
            let m = if tied(review, &p.id, k) {
                StoryMark::Tied(i)
            } else {
                StoryMark::Keyword(i)
            };
            kw.push(k, Some(m));
        }
        out.push(kw);
        for (label, items, sep) in [("facts:", &p.facts, "; "), ("opposites:", &p.opposites, ", ")] {
            if !items.is_empty() {
                let mut para = Para::default();
                para.push(label, Some(StoryMark::Label));
                para.push(&format!(" {}", items.join(sep)), None);
                out.push(para);
            }
        }
    }
    for (label, items) in [("avoid:", &ext.avoid), ("segments:", &set.segments)] {
        if !items.is_empty() {
            out.push(Para::plain(""));
            let mut para = Para::default();
            para.push(label, Some(StoryMark::Label));
            para.push(&format!(" {}", items.join(", ")), None);
            out.push(para);
        }
    }
    out
}

/// What the set as a whole leaves out, kept in sight at the foot of the story.
pub fn summary_doc(summary: &SetSummary) -> Vec<Para<StoryMark>> {
    let mut out = Vec::new();
    for (label, items) in [
        ("No message supports:", &summary.uncovered_pillars),
        ("No message of their own:", &summary.unaddressed_segments),
    ] {
        if !items.is_empty() {
            let mut p = Para::default();
            p.push(label, Some(StoryMark::Warn));
            p.push(&format!(" {}", items.join(", ")), None);
            out.push(p);
        }
    }
    out
}

/// The pillars a message supports, each marked with its pillar, or a plain
/// statement that it supports none.
pub fn support_para(set: &MessageSet, review: &MessageReview) -> Para<StoryMark> {
    let mut p = Para::default();
    if review.alignment.pillars.is_empty() {
        p.push("Supports no story pillar", Some(StoryMark::Warn));
        return p;
    }
    p.push("Supports:", Some(StoryMark::Label));
    for id in &review.alignment.pillars {
        p.push(" ", None);
        match pillar_index(set, id) {
            Some(i) => p.push(&format!("■ {id}"), Some(StoryMark::Pillar(i))),
            None => p.push(id, None),
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_match_inflections_at_word_starts() {
        let m = keyword_marks(
            "The fastest, most experienced breakfast",
            [("fast", 0), ("experienced", 1)],
        );
        assert_eq!(
            m,
            vec![(Span::new(4, 11), 0), (Span::new(18, 29), 1)],
            "breakfast is not a use of fast"
        );
    }

    #[test]
    fn keyword_offsets_count_chars() {
        let m = keyword_marks("Éé fast", [("fast", 0)]);
        assert_eq!(m, vec![(Span::new(3, 7), 0)]);
    }
}
