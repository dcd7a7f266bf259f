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
    format!(
        "<section class=\"chorus-pulse\">\n<h2>{} pulse</h2>\n{}</section>\n",
        escape(&p.brand),
        body(p)
    )
}

/// The pulse without a heading of its own, for a page that gives it one
/// (the report).
pub fn body(p: &Pulse) -> String {
    let mut out = String::new();
    if p.too_few {
        cells::notes(p)
            .iter()
            .for_each(|n| out.push_str(&format!("<p>{}</p>\n", escape(n))));
        return out;
    }
    let said = escape(&cells::columns_said(p));
    let headline = escape(&cells::headline(p));
    out.push_str(&format!(
        "<p class=\"headline\">{headline}</p>\n<p>{} {said}</p>\n",
        cells::counts(p)
    ));
    let cols = cells::columns(p);
    out.push_str("<table class=\"pulse\">\n<tr><th>segment</th><th>answers</th>");
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
    let d = cells::depth(p, escape);
    if !d.words.is_empty() {
        out.push_str(&format!("<h3>{}</h3>\n<ul>\n", cells::WORDS_TITLE));
        d.words
            .iter()
            .for_each(|(id, w)| out.push_str(&format!("<li><b>{id}</b>: {w}</li>\n")));
        out.push_str("</ul>\n");
    }
    if !d.phrases.is_empty() {
        out.push_str(&format!("<h3>{}</h3>\n<p>{}</p>\n", cells::PHRASES_TITLE, d.phrases));
    }
    if !d.examples.is_empty() {
        out.push_str(&format!("<h3>{}</h3>\n<ul>\n", cells::EXAMPLES_TITLE));
        d.examples
            .iter()
            .for_each(|(f, t)| out.push_str(&format!("<li>{f}: <q>{t}</q></li>\n")));
        out.push_str("</ul>\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::pulse::summary::{Example, Figures, PillarName};

    fn pulse() -> Pulse {
        Pulse {
            brand: "A&B <Co>".into(),
            pillars: vec![PillarName {
                id: "speed".into(),
                claim: "Fast".into(),
            }],
            overall: Figures {
                respondents: 12,
                read: 12,
                echo: vec![6],
                any: 6,
                ..Figures::default()
            },
            words: vec![vec![("<i>fast</i>".into(), 4)]],
            examples: vec![Example {
                finding: "echoes speed".into(),
                text: "We are fast <script>alert(1)</script> \"always\"\u{1b}[31m".into(),
            }],
            ..Pulse::default()
        }
    }

    #[test]
    fn every_text_is_escaped() {
        let html = section(&pulse());
        assert!(
            html.starts_with("<section class=\"chorus-pulse\">\n<h2>A&amp;B &lt;Co&gt; pulse</h2>"),
            "{html}"
        );
        assert!(
            html.contains("<q>We are fast &lt;script&gt;alert(1)&lt;/script&gt; &quot;always&quot;␛[31m</q>"),
            "{html}"
        );
        assert!(html.contains("&lt;i&gt;fast&lt;/i&gt; (4)"));
        assert!(html.contains("<td class=\"fair\">50%</td>"), "{html}");
        assert!(!html.contains("<script>") && !html.contains('\u{1b}'));
    }

    #[test]
    fn markdown_escapes_too() {
        let md = super::super::markdown::render(&pulse());
        assert!(md.contains("\\<script\\>"), "{md}");
        assert!(md.contains("\\<i\\>fast\\</i\\> (4)"), "{md}");
        assert!(!md.contains('\u{1b}'));
    }

    #[test]
    fn too_few_answers_show_nothing_but_the_notice() {
        let mut p = pulse();
        p.too_few = true;
        p.notices
            .push("fewer than 5 answers: chorus shows nothing of so few".into());
        let html = section(&p);
        assert!(!html.contains("We are fast") && !html.contains("<table"), "{html}");
        assert!(html.contains("fewer than 5 answers"));
    }
}
