//! What to highlight, decided apart from how it looks: the findings of a
//! review as one list the user can step through, and the marked ranges of
//! a message (ties, drift, the selected finding) and of the story (pillar
//! keywords). The view only maps these to colours.

use std::collections::{HashMap, HashSet};

use crate::core::model::{Criterion, MessageSet};
use crate::core::verdict::{DriftKind, MessageReview, SetSummary, Span};

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
///
/// Keywords are looked up by hash at each word start, once per distinct
/// keyword length, so the cost is the text's length times the number of
/// distinct lengths (a few dozen at most), plus the keywords' own size:
/// a story with a thousand pillars of a thousand keywords stays linear.
pub fn keyword_marks<'k, T: Clone>(text: &str, keywords: impl IntoIterator<Item = (&'k str, T)>) -> Vec<(Span, T)> {
    use std::collections::BTreeSet;
    // One lowercase char per char, so char offsets stay those of `text`.
    let lower_char = |c: char| c.to_lowercase().next().unwrap_or(c);
    let lower: String = text.chars().map(lower_char).collect();
    // Byte offset of each char of `lower`, and one past the end.
    let mut at: Vec<usize> = lower.char_indices().map(|(b, _)| b).collect();
    let n = at.len();
    at.push(lower.len());
    let chars: Vec<char> = lower.chars().collect();
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '-';
    // Keyword (lowercased) -> its tags, each with its place in the input so
    // equal spans keep the input's order (later marks paint over earlier).
    let mut index: HashMap<String, Vec<(usize, T)>> = HashMap::new();
    let mut lengths = BTreeSet::new();
    for (order, (kw, tag)) in keywords.into_iter().enumerate() {
        let kw: String = kw.trim().chars().map(lower_char).collect();
        let len = kw.chars().count();
        if len == 0 || len > n {
            continue;
        }
        lengths.insert(len);
        index.entry(kw).or_default().push((order, tag));
    }
    let mut found: Vec<(Span, usize, T)> = Vec::new();
    for start in 0..n {
        if start > 0 && is_word(chars[start - 1]) {
            continue;
        }
        for &len in &lengths {
            if start + len > n {
                break;
            }
            let Some(tags) = index.get(&lower[at[start]..at[start + len]]) else {
                continue;
            };
            let mut end = start + len;
            while end < n && end - (start + len) <= MAX_SUFFIX && chars[end].is_alphanumeric() {
                end += 1;
            }
            if end - (start + len) <= MAX_SUFFIX {
                for (order, tag) in tags {
                    found.push((Span::new(start, end), *order, tag.clone()));
                }
            }
        }
    }
    found.sort_by_key(|(s, order, _)| (s.start, s.end, *order));
    found.into_iter().map(|(s, _, t)| (s, t)).collect()
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
    /// Chars in `text`, kept so appending does not recount the paragraph.
    chars: usize,
}

impl<M> Default for Para<M> {
    fn default() -> Para<M> {
        Para::plain("")
    }
}

impl<M> Para<M> {
    fn plain(text: impl Into<String>) -> Para<M> {
        let text = text.into();
        Para {
            chars: text.chars().count(),
            text,
            marks: vec![],
        }
    }

    /// Append `s`, marked with `mark` when given.
    fn push(&mut self, s: &str, mark: Option<M>) {
        let start = self.chars;
        self.chars += s.chars().count();
        self.text.push_str(s);
        if let Some(m) = mark {
            self.marks.push((Span::new(start, self.chars), m));
        }
    }
}

/// Which pillar keywords the selected message uses, gathered once from its
/// ties so marking each keyword is a hash lookup, not a scan of the ties.
#[derive(Debug, Default)]
pub struct Ties {
    /// Pillars (by index) one of whose keywords the message uses.
    pillars: Vec<bool>,
    /// (pillar index, keyword in ASCII lowercase) the message uses.
    keywords: HashSet<(usize, String)>,
}

impl Ties {
    pub fn new(set: &MessageSet, review: Option<&MessageReview>) -> Ties {
        let pillars = &set.external.pillars;
        let mut out = Ties {
            pillars: vec![false; pillars.len()],
            keywords: HashSet::new(),
        };
        let Some(review) = review else { return out };
        let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, p) in pillars.iter().enumerate() {
            by_id.entry(p.id.as_str()).or_default().push(i);
        }
        for t in &review.alignment.ties {
            for &i in by_id.get(t.pillar.as_str()).map(Vec::as_slice).unwrap_or_default() {
                let kw = t.keyword.to_ascii_lowercase();
                if pillars[i].keywords.iter().any(|k| k.eq_ignore_ascii_case(&kw)) {
                    out.pillars[i] = true;
                }
                out.keywords.insert((i, kw));
            }
        }
        out
    }

    /// Whether the message uses this keyword of pillar `i`.
    pub fn keyword(&self, i: usize, keyword: &str) -> bool {
        !self.keywords.is_empty() && self.keywords.contains(&(i, keyword.to_ascii_lowercase()))
    }

    /// Whether the message uses any keyword of pillar `i`.
    pub fn pillar(&self, i: usize) -> bool {
        self.pillars.get(i).copied().unwrap_or(false)
    }

    /// Paragraph `para` of `story_doc_plain` marked for this message: a
    /// keyword it uses becomes `Tied`. In the story (paragraph 0) a keyword is
    /// tied when its pillar is; in a pillar's keyword list, when that very
    /// keyword is.
    pub fn apply(&self, para: usize, p: &Para<StoryMark>) -> Vec<(Span, StoryMark)> {
        let mut chars: Option<Vec<usize>> = None;
        p.marks
            .iter()
            .map(|&(span, m)| {
                let StoryMark::Keyword(i) = m else {
                    return (span, m);
                };
                let tied = if para == 0 {
                    self.pillar(i)
                } else {
                    // Byte offsets of the paragraph's chars, made once and only
                    // for a paragraph that has keywords to look up.
                    let at = chars
                        .get_or_insert_with(|| p.text.char_indices().map(|(b, _)| b).chain([p.text.len()]).collect());
                    let text = p
                        .text
                        .get(at[span.start.min(at.len() - 1)]..at[span.end.min(at.len() - 1)]);
                    text.is_some_and(|k| self.keyword(i, k))
                };
                (span, if tied { StoryMark::Tied(i) } else { m })
            })
            .collect()
    }
}

/// The story pane: the story with its pillars' keywords marked (those the
/// selected message uses marked more strongly), then each pillar, the
/// avoided terms and the segments.
pub fn story_doc(set: &MessageSet, review: Option<&MessageReview>) -> Vec<Para<StoryMark>> {
    let ties = Ties::new(set, review);
    let mut doc = story_doc_plain(set);
    for (i, p) in doc.iter_mut().enumerate() {
        p.marks = ties.apply(i, p);
    }
    doc
}

/// The story pane as `story_doc` makes it, before any message's ties are
/// marked: it depends on the set's story alone, so it can be kept until the
/// story changes, and `Ties::apply` marks the paragraphs in sight.
pub fn story_doc_plain(set: &MessageSet) -> Vec<Para<StoryMark>> {
    let ext = &set.external;
    let mut out = Vec::new();
    let mut story = Para::plain(ext.story.clone());
    story.marks = story_marks(set)
        .into_iter()
        .map(|(span, i)| (span, StoryMark::Keyword(i)))
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
            kw.push(k, Some(StoryMark::Keyword(i)));
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

    /// The plain reading of the rule: every keyword tried at every place.
    fn naive(text: &str, keywords: &[(&str, usize)]) -> Vec<(Span, usize)> {
        let low = |c: char| c.to_lowercase().next().unwrap_or(c);
        let lower: Vec<char> = text.chars().map(low).collect();
        let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '-';
        let mut out = Vec::new();
        for &(kw, tag) in keywords {
            let kw: Vec<char> = kw.trim().chars().map(low).collect();
            if kw.is_empty() || kw.len() > lower.len() {
                continue;
            }
            for start in 0..=lower.len() - kw.len() {
                if (start > 0 && is_word(lower[start - 1])) || lower[start..start + kw.len()] != kw[..] {
                    continue;
                }
                let mut end = start + kw.len();
                while end < lower.len() && lower[end].is_alphanumeric() {
                    end += 1;
                }
                if end - (start + kw.len()) <= MAX_SUFFIX {
                    out.push((Span::new(start, end), tag));
                }
            }
        }
        out.sort_by_key(|(s, _)| (s.start, s.end));
        out
    }

    #[test]
    fn keyword_lookup_agrees_with_trying_every_keyword_everywhere() {
        let keywords = [
            ("fast", 0),
            ("Fast", 1),
            ("on time", 2),
            ("time", 3),
            ("real-time", 4),
            ("É", 5),
            (" fast ", 6),
            ("", 7),
            ("fastest", 8),
            ("a", 9),
        ];
        for text in [
            "The fastest, most experienced breakfast",
            "On time, every time: real-time updates, ÉTÉ été. fasting fastened",
            "fast",
            "",
            "a a-a 'a aaaaa aaaaaa",
            "FAST fast Fast fAsT on TIME",
        ] {
            assert_eq!(keyword_marks(text, keywords), naive(text, &keywords), "{text:?}");
        }
    }

    #[test]
    fn paragraph_marks_count_chars_across_pushes() {
        let mut p: Para<u8> = Para::plain("Éé");
        p.push(" ü", None);
        p.push("日本", Some(1));
        p.push("x", Some(2));
        assert_eq!(p.marks, vec![(Span::new(4, 6), 1), (Span::new(6, 7), 2)]);
        assert_eq!(p.text, "Éé ü日本x");
    }

    #[test]
    fn keyword_offsets_count_chars() {
        let m = keyword_marks("Éé fast", [("fast", 0)]);
        assert_eq!(m, vec![(Span::new(3, 7), 0)]);
    }
}
