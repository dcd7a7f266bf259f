//! The pulse as an HTML section, for the report to include: the headline,
//! the grid (each cell classed good, fair or poor for the report's style
//! sheet) and the depth, under the same anonymity rules, every text escaped.

use super::cells;
use super::text::{tone, Tone};
use crate::core::pulse::summary::Pulse;
use crate::core::report::escape::visible;

/// Text safe in HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in visible(s, false).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// One `<section>` holding the pulse.
pub fn section(p: &Pulse) -> String {
    let mut out = format!(
        "<section class=\"chorus-pulse\">\n<h2>{} pulse</h2>\n",
        escape(&p.brand)
    );
    if p.too_few {
        for n in cells::notes(p) {
            out.push_str(&format!("<p>{}</p>\n", escape(&n)));
        }
        out.push_str("</section>\n");
        return out;
    }
    out.push_str(&format!("<p class=\"headline\">{}</p>\n", escape(&cells::headline(p))));
    out.push_str(&format!(
        "<p>{} answers, {} read against the story. {}</p>\n",
        p.overall.respondents,
        p.overall.read,
        escape(&cells::columns_said(p))
    ));
    let cols = cells::columns(p);
    out.push_str("<table>\n<tr><th>segment</th><th>answers</th>");
    for c in &cols {
        out.push_str(&format!("<th>{}</th>", escape(&c.title)));
    }
    out.push_str("</tr>\n");
    for r in cells::rows(p) {
        out.push_str(&format!("<tr><th>{}</th><td>{}</td>", escape(&r.name), r.respondents));
        for (cell, c) in r.cells.iter().zip(&cols) {
            match cell {
                Some(n) => {
                    let class = match tone(c.measure, *n) {
                        Tone::Good => "good",
                        Tone::Fair => "fair",
                        Tone::Poor => "poor",
                    };
                    out.push_str(&format!("<td class=\"{class}\">{n}%</td>"));
                }
                None => out.push_str("<td>-</td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n<ul>\n");
    for n in cells::notes(p) {
        out.push_str(&format!("<li>{}</li>\n", escape(&n)));
    }
    out.push_str("</ul>\n");
    let listed = |list: &[(String, usize)]| {
        list.iter()
            .map(|(w, n)| format!("{} ({n})", escape(w)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if p.words.iter().any(|w| !w.is_empty()) {
        out.push_str("<h3>Words employees use for each pillar</h3>\n<ul>\n");
        for (pl, words) in p.pillars.iter().zip(&p.words).filter(|(_, w)| !w.is_empty()) {
            out.push_str(&format!("<li><b>{}</b>: {}</li>\n", escape(&pl.id), listed(words)));
        }
        out.push_str("</ul>\n");
    }
    if !p.phrases.is_empty() {
        out.push_str(&format!(
            "<h3>What answers that echo no pillar say instead</h3>\n<p>{}</p>\n",
            listed(&p.phrases)
        ));
    }
    if !p.examples.is_empty() {
        out.push_str("<h3>Example answers</h3>\n<ul>\n");
        for e in &p.examples {
            out.push_str(&format!(
                "<li>{}: <q>{}</q></li>\n",
                escape(&e.finding),
                escape(&e.text)
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
    out
}
