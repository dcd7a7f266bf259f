//! The pulse as JSON for scripts: the same figures as the text, counts
//! and shares, under the same anonymity rules (serde_json escapes every
//! text).

use serde_json::{json, Map, Value};

use crate::core::pulse::summary::{share, Figures, Pulse};

fn figures(p: &Pulse, f: &Figures) -> Value {
    let mut echo = Map::new();
    for (pl, n) in p.pillars.iter().zip(&f.echo) {
        echo.insert(pl.id.clone(), json!({"count": n, "share": share(*n, f.read)}));
    }
    let scales: Vec<Value> = p
        .columns
        .scales
        .iter()
        .zip(&f.scales)
        .map(|((h, points), t)| {
            json!({"column": h, "points": points, "answered": t.answered, "agree": t.agree,
                   "agree_share": share(t.agree, t.answered),
                   "mean": if t.answered > 0 { Some(t.sum as f64 / t.answered as f64) } else { None }})
        })
        .collect();
    let count = |n: usize| json!({"count": n, "share": share(n, f.read)});
    json!({
        "respondents": f.respondents,
        "read": f.read,
        "echo": echo,
        "any_pillar": count(f.any),
        "no_pillar": count(f.none),
        "contradiction": count(f.contradict),
        "fact_mismatch": count(f.misremember),
        "avoided_term": count(f.avoided),
        "scales": scales,
    })
}

/// One round as a JSON value.
pub fn to_json(p: &Pulse) -> Value {
    if p.too_few {
        return json!({"path": p.source.display().to_string(), "brand": p.brand, "too_few": true, "notices": p.notices});
    }
    let gap = p.gap().map(|(say, know)| json!({"say": say, "know": know}));
    let list = |l: &[(String, usize)]| {
        l.iter()
            .map(|(w, n)| json!({"text": w, "answers": n}))
            .collect::<Vec<_>>()
    };
    let words: Map<String, Value> = p
        .pillars
        .iter()
        .zip(&p.words)
        .map(|(pl, w)| (pl.id.clone(), Value::Array(list(w))))
        .collect();
    json!({
        "path": p.source.display().to_string(),
        "brand": p.brand,
        "too_few": false,
        "columns": {
            "text": p.columns.text,
            "segment": p.columns.segment,
            "scales": p.columns.scales.iter().map(|(h, n)| json!({"column": h, "points": n})).collect::<Vec<_>>(),
            "guessed": p.columns.guessed,
        },
        "gap": gap,
        "overall": figures(p, &p.overall),
        "segments": p.groups.iter().map(|g| {
            let mut v = figures(p, &g.figures);
            v["name"] = json!(g.name);
            v
        }).collect::<Vec<_>>(),
        "other_segments": p.other.as_ref().map(|o| {
            let mut v = figures(p, &o.figures);
            v["folded"] = json!(o.names);
            v
        }),
        "unmatched_segments": p.unmatched,
        "not_english": p.foreign.iter().map(|(l, n, row)| json!({"language": l, "answers": n, "first_row": row})).collect::<Vec<_>>(),
        "empty": p.blank,
        "words": words,
        "off_story_phrases": list(&p.phrases),
        "examples": p.examples.iter().map(|e| json!({"finding": e.finding, "text": e.text})).collect::<Vec<_>>(),
        "notices": p.notices,
    })
}
