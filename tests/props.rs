//! Hostile text never breaks the scorer: whatever a message holds (emoji,
//! combining marks, right-to-left scripts, control characters, words the
//! rules look for, in any order), reviewing it does not panic, every span
//! lies within the text on character boundaries, and every score is 0–100.

use chorus::core::lexicon::Lexicon;
use chorus::core::model::{Audience, Message, MessageSet, Pillar};
use chorus::core::review::Reviewer;
use chorus::core::verdict::Span;
use proptest::prelude::*;

fn set() -> MessageSet {
    let mut s = MessageSet {
        version: 1,
        brand: "Prop".into(),
        segments: vec!["sales".into(), "IT".into(), "repair crews".into()],
        ..Default::default()
    };
    s.external.pillars.push(Pillar {
        id: "speed".into(),
        claim: "Fast".into(),
        keywords: vec!["fast".into(), "hours".into(), "same-day".into(), "waiting".into()],
        facts: vec![
            "Repaired within 24 hours".into(),
            "Less than 1% come back".into(),
            "Rated 4.9 by riders".into(),
            "200 certified repairers".into(),
        ],
        opposites: vec!["slow".into(), "late".into()],
        ..Default::default()
    });
    s.external.avoid = vec!["cheap".into()];
    s
}

/// Pieces that make the rules work hard: their own words and the
/// characters that break naive text code.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<char>().prop_map(String::from),
        prop::sample::select(vec![
            "best",
            "will",
            "within",
            "24",
            "hours",
            "48-hour",
            "%",
            "3.5",
            "1,000",
            "don't",
            "n't",
            "never",
            "late",
            "fine",
            "-",
            "'",
            "’",
            ".",
            ",",
            ";",
            ":",
            "!",
            "let's",
            "sales",
            "team",
            "IT",
            "guys",
            "must",
            "world",
            "the",
            "by",
            "June",
            "so",
            "every",
            "single",
            "time",
            "from",
            "to",
            "between",
            "and",
            "two",
            "days",
            "\u{1b}[31m",
            "\u{0}",
            "\u{7f}",
            "\u{85}",
            "\u{202e}",
            "e\u{301}",
            "🍋",
            "👩‍👩‍👧",
            "עברית",
            "العربية",
            "中文",
            "İ's",
            "İİ",
            "no longer",
            "anymore",
            "fast",
            "half",
            "quarter",
            "of",
            "working",
            "\t",
            "\n",
            " ",
            "  ",
            "$",
            "€",
            "a",
            "an",
            "hour",
        ])
        .prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.join(" "))
}

fn check_span(s: Span, len: usize, what: &str) {
    assert!(s.start <= s.end && s.end <= len, "{what} span {s:?} outside 0..{len}");
}

proptest! {
    // 256 cases by default; a longer run: PROPTEST_CASES=100000 cargo test --release --test props

    #[test]
    fn any_text_reviews_without_panic_and_with_sound_spans(text in text(), segment_audience in any::<bool>()) {
        let set = set();
        let lexicon = Lexicon::builtin();
        let reviewer = Reviewer::new(&set, &lexicon);
        let message = Message {
            id: "p".into(),
            text: text.clone(),
            audience: if segment_audience { Audience::Segments(vec!["sales".into()]) } else { Audience::All },
            ..Default::default()
        };
        let r = reviewer.review(&message);
        let len = text.chars().count();
        for c in &r.checklist.results {
            prop_assert!(c.score <= 100);
            for f in &c.findings {
                check_span(f.span, len, &f.rule);
                // Quoting a span gives exactly its characters.
                prop_assert_eq!(f.span.quote(&text).chars().count(), f.span.end - f.span.start);
            }
            for b in &c.breakdown {
                if let Some(s) = b.span {
                    check_span(s, len, &b.rule);
                }
            }
        }
        for d in &r.drift {
            if let Some(s) = d.span {
                check_span(s, len, d.kind.as_str());
                prop_assert_eq!(s.quote(&text).chars().count(), s.end - s.start);
            }
        }
        for t in &r.alignment.ties {
            check_span(t.span, len, "tie");
        }
        prop_assert!(r.alignment.score <= 100);
    }
}
