//! The pulse as Markdown, for a page or a wiki: the headline, the grid as
//! a table and the depth, under the same anonymity rules. Every text is
//! escaped so an answer cannot become markup.

use super::cells;
use crate::core::pulse::summary::Pulse;
use crate::core::report::escape::visible;

/// Text safe inside Markdown (and a table cell).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in visible(s, false).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn render(p: &Pulse) -> String {
    let mut out = format!("## {} pulse\n\n", escape(&p.brand));
    if p.too_few {
        for n in cells::notes(p) {
            out.push_str(&format!("{}\n", escape(&n)));
        }
        return out;
    }
    out.push_str(&format!("**{}**\n\n", escape(&cells::headline(p))));
    out.push_str(&format!(
        "{} answers, {} read against the story. {}\n\n",
        p.overall.respondents,
        p.overall.read,
        escape(&cells::columns_said(p))
    ));
    let cols = cells::columns(p);
    out.push_str("| segment | answers |");
    for c in &cols {
        out.push_str(&format!(" {} |", escape(&c.title)));
    }
    out.push_str("\n|---|---:|");
    out.push_str(&"---:|".repeat(cols.len()));
    out.push('\n');
    for r in cells::rows(p) {
        out.push_str(&format!("| {} | {} |", escape(&r.name), r.respondents));
        for c in &r.cells {
            out.push_str(&c.map_or(" - |".to_string(), |n| format!(" {n}% |")));
        }
        out.push('\n');
    }
    out.push('\n');
    for n in cells::notes(p) {
        out.push_str(&format!("- {}\n", escape(&n)));
    }
    let listed = |list: &[(String, usize)]| {
        list.iter()
            .map(|(w, n)| format!("{} ({n})", escape(w)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if p.words.iter().any(|w| !w.is_empty()) {
        out.push_str("\n### Words employees use for each pillar\n\n");
        for (pl, words) in p.pillars.iter().zip(&p.words).filter(|(_, w)| !w.is_empty()) {
            out.push_str(&format!("- **{}**: {}\n", escape(&pl.id), listed(words)));
        }
    }
    if !p.phrases.is_empty() {
        out.push_str(&format!(
            "\n### What answers that echo no pillar say instead\n\n{}\n",
            listed(&p.phrases)
        ));
    }
    if !p.examples.is_empty() {
        out.push_str("\n### Example answers\n\n");
        for e in &p.examples {
            out.push_str(&format!("- {}: > {}\n", escape(&e.finding), escape(&e.text)));
        }
    }
    out
}
