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
    format!("## {} pulse\n\n{}", escape(&p.brand), body(p))
}

/// The pulse without a heading of its own, for a page that gives it one
/// (the report).
pub fn body(p: &Pulse) -> String {
    let mut out = String::new();
    if p.too_few {
        cells::notes(p)
            .iter()
            .for_each(|n| out.push_str(&format!("{}\n", escape(n))));
        return out;
    }
    let said = escape(&cells::columns_said(p));
    out.push_str(&format!(
        "**{}**\n\n{} {said}\n\n",
        escape(&cells::headline(p)),
        cells::counts(p)
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
    let d = cells::depth(p, escape);
    if !d.words.is_empty() {
        out.push_str(&format!("\n### {}\n\n", cells::WORDS_TITLE));
        d.words
            .iter()
            .for_each(|(id, w)| out.push_str(&format!("- **{id}**: {w}\n")));
    }
    if !d.phrases.is_empty() {
        out.push_str(&format!("\n### {}\n\n{}\n", cells::PHRASES_TITLE, d.phrases));
    }
    if !d.examples.is_empty() {
        out.push_str(&format!("\n### {}\n\n", cells::EXAMPLES_TITLE));
        d.examples
            .iter()
            // The answer as a block quote inside the list item: a `>`
            // after text on the same line is only a literal `>`.
            .for_each(|(f, t)| out.push_str(&format!("- {f}:\n\n  > {t}\n\n")));
    }
    out
}
