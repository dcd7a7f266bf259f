//! The JSON report of `chorus check --format json`: the contract in
//! DESIGN.md. Fields may be added; the contract's fields are never renamed
//! or removed. Added here: `waived`, `breakdown`, `ties`, `suggestion`.

use serde_json::{json, Map, Value};

use super::{escape, FileReport};
use crate::core::model::Criterion;
use crate::core::review::{Contribution, CriterionResult, Drift, MessageReview, Span};

/// The whole report as JSON text.
pub fn render(files: &[FileReport]) -> String {
    let mut out_files = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        match f {
            FileReport::Reviewed { path, set, review } => {
                let messages: Vec<Value> = review
                    .messages
                    .iter()
                    .zip(&set.internal)
                    .map(|(r, m)| message(r, m.text.chars().count()))
                    .collect();
                out_files.push(json!({
                    "path": path.display().to_string(),
                    "brand": set.brand,
                    "messages": messages,
                    "set": {
                        "uncovered_pillars": review.set.uncovered_pillars,
                        "unaddressed_segments": review.set.unaddressed_segments,
                    },
                }));
            }
            FileReport::Failed(e) => errors.push(json!({
                "path": e.path.display().to_string(),
                "line": e.line,
                "column": e.column,
                "message": e.message,
            })),
        }
    }
    let doc = json!({ "files": out_files, "errors": errors });
    let text = serde_json::to_string_pretty(&doc).expect("JSON values always serialize");
    escape::json_controls(&text) + "\n"
}

fn message(r: &MessageReview, text_len: usize) -> Value {
    let mut checklist = Map::new();
    for c in Criterion::ALL {
        checklist.insert(c.as_str().into(), criterion(r.checklist.get(c)));
    }
    json!({
        "id": r.id,
        "checklist": checklist,
        "alignment": {
            "score": r.alignment.score,
            "pillars": r.alignment.pillars,
            "ties": r.alignment.ties.iter().map(|t| json!({
                "pillar": t.pillar, "keyword": t.keyword, "start": t.span.start, "end": t.span.end,
            })).collect::<Vec<_>>(),
        },
        "drift": r.drift.iter().map(|d| drift(d, text_len)).collect::<Vec<_>>(),
        "segments": r.segments,
    })
}

fn criterion(c: &CriterionResult) -> Value {
    let mut v = json!({
        "score": c.score,
        "pass": c.pass,
        "findings": c.findings.iter().map(|f| {
            let mut o = json!({"rule": f.rule, "start": f.span.start, "end": f.span.end, "message": f.message});
            if let Some(s) = &f.suggestion {
                o["suggestion"] = json!(s);
            }
            o
        }).collect::<Vec<_>>(),
        "breakdown": c.breakdown.iter().map(contribution).collect::<Vec<_>>(),
    });
    if let Some(reason) = &c.waived {
        v["waived"] = json!(reason);
    }
    v
}

fn contribution(c: &Contribution) -> Value {
    let mut v = json!({"rule": c.rule, "points": c.points, "label": c.label});
    if let Some(Span { start, end }) = c.span {
        v["start"] = json!(start);
        v["end"] = json!(end);
    }
    v
}

fn drift(d: &Drift, text_len: usize) -> Value {
    // off_story is about the whole message: its span is the whole text.
    let span = d.span.unwrap_or(Span::new(0, text_len));
    let mut v = json!({
        "kind": d.kind.as_str(),
        "pillar": d.pillar,
        "start": span.start,
        "end": span.end,
        "message": d.message,
    });
    if let Some(s) = &d.suggestion {
        v["suggestion"] = json!(s);
    }
    v
}
