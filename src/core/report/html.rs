//! The report as one self-contained HTML file: no script, no font or
//! image fetched, styles inline, charts as inline SVG, a print style sheet.
//! At a glance first (story, pillars, how many pass, coverage grid, channel
//! mix, top findings), then every message in depth. Every text from a set
//! is escaped (`escape::html`). Void elements are closed (`<meta/>`), so
//! the page is well-formed XML too and any XML tool can read it back.

use std::fmt::Write as _;
use std::path::Path;

use super::digest::{self, Mark, Section};
use super::escape::html;
use super::{svg, FileReport};
use crate::core::model::{Message, MessageSet};
use crate::core::programme::Programme;
use crate::core::verdict::{MessageReview, SetReview};

/// What marks a file as a report chorus wrote (so `-o` may replace it).
pub const GENERATOR: &str = r#"<meta name="generator" content="chorus report"/>"#;

const STYLE: &str = r#"
:root { --ink: #1d2430; --muted: #5b6575; --line: #d8dde5; --good: #1b7a4b; --thin: #b7791f; --none: #b83232; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); margin: 0 auto; max-width: 1000px; padding: 24px 32px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 16px; margin: 20px 0 8px; }
.summary { font-size: 18px; margin: 4px 0 16px; }
.summary strong { font-size: 26px; }
.muted { color: var(--muted); }
.glance { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 32px; }
.glance > .wide { grid-column: 1 / -1; }
blockquote.story { margin: 0; padding: 8px 14px; border-left: 4px solid var(--ink); background: #f4f6f9; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
table.grid td { text-align: center; min-width: 64px; font-weight: 600; color: #fff; }
td.none { background: var(--none); } td.thin { background: var(--thin); } td.good { background: var(--good); }
table.pulse td.good, table.pulse td.fair, table.pulse td.poor { color: #fff; font-weight: 600; text-align: center; }
td.fair { background: var(--thin); } td.poor { background: var(--none); }
.findings li { margin-bottom: 4px; }
article { border-top: 1px solid var(--line); padding: 8px 0 12px; break-inside: avoid; }
dl.details { display: flex; flex-wrap: wrap; gap: 2px 18px; margin: 4px 0; }
dl.details div { display: flex; gap: 6px; } dt { color: var(--muted); } dd { margin: 0; }
.verdicts span { display: inline-block; margin-right: 12px; }
.pass { color: var(--good); } .fail { color: var(--none); font-weight: 600; } .waived, .na { color: var(--muted); }
blockquote.text { margin: 6px 0; padding: 6px 12px; border-left: 3px solid var(--line); white-space: pre-wrap; }
mark.tie { background: #d5efdf; } mark.finding { background: #fde8c4; } mark.drift { background: #f7d0d0; text-decoration: underline wavy var(--none); }
ul.problems { margin: 4px 0; } .suggestion { color: var(--muted); }
.legend mark { padding: 0 4px; }
.errors { color: var(--none); }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; } .glance { break-after: page; }
  td.none, td.thin, td.good, td.fair, td.poor, mark, svg rect { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The whole report: each set read, the files that could not be, then `extra`.
pub fn render(files: &[FileReport], extra: &[Section]) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let title = match files.iter().find_map(FileReport::reviewed) {
        Some((_, set, ..)) => format!("{} — internal messages", set.brand),
        None => "chorus report".to_string(),
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n{GENERATOR}\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>{}</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n",
        html(&title)
    );
    for f in files {
        if let Some((path, set, review, programme)) = f.reviewed() {
            set_report(&mut out, path, set, review, programme);
        }
    }
    let errors: Vec<String> = files
        .iter()
        .filter_map(|f| match f {
            FileReport::Failed(e) => Some(e.to_string()),
            _ => None,
        })
        .collect();
    if !errors.is_empty() {
        out.push_str("<section class=\"errors\">\n<h2>Sets that could not be read</h2>\n<ul>\n");
        for e in errors {
            let _ = writeln!(out, "<li>{}</li>", html(&e));
        }
        out.push_str("</ul>\n</section>\n");
    }
    for s in extra {
        let _ = writeln!(out, "<section>\n<h2>{}</h2>\n{}\n</section>", html(&s.title), s.html);
    }
    out.push_str("<footer class=\"muted\"><p>Made by chorus.</p></footer>\n</body>\n</html>\n");
    out
}

fn set_report(out: &mut String, path: &Path, set: &MessageSet, review: &SetReview, p: &Programme) {
    let (count, rest) = digest::headline(set, review);
    let _ = write!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"muted\">{} · as of {}</p>\n\
         <p class=\"summary\"><strong>{count}</strong> {rest}.</p>\n</header>\n",
        html(&set.brand),
        html(&path.display().to_string()),
        p.today,
    );
    out.push_str("<section class=\"glance\">\n<h2 class=\"wide\">At a glance</h2>\n<div>\n<h3>The story</h3>\n");
    let _ = writeln!(
        out,
        "<blockquote class=\"story\">{}</blockquote>",
        html(&set.external.story)
    );
    out.push_str("<ul class=\"pillars\">\n");
    for pillar in &set.external.pillars {
        let _ = writeln!(
            out,
            "<li><strong>{}</strong>: {}</li>",
            html(&pillar.id),
            html(&pillar.claim)
        );
    }
    out.push_str("</ul>\n</div>\n<div>\n<h3>Top findings</h3>\n<ol class=\"findings\">\n");
    let top = digest::top_findings(review, p);
    if top.is_empty() {
        out.push_str("<li>Nothing to look at: every message passes and the programme is balanced.</li>\n");
    }
    for f in top {
        let _ = writeln!(out, "<li>{}</li>", html(&f));
    }
    out.push_str("</ol>\n</div>\n<div>\n<h3>Coverage: messages per segment and pillar</h3>\n");
    coverage(out, p);
    out.push_str("</div>\n<div>\n<h3>Channel mix</h3>\n");
    out.push_str(&svg::channel_mix(p));
    out.push_str("\n</div>\n</section>\n<section class=\"depth\">\n<h2>In depth</h2>\n");
    out.push_str(
        "<p class=\"legend muted\">Marked words: <mark class=\"tie\">tie to a pillar</mark> \
         <mark class=\"finding\">a checklist finding</mark> <mark class=\"drift\">drift from the story</mark></p>\n",
    );
    for (r, m) in review.messages.iter().zip(&set.internal) {
        message(out, r, m);
    }
    out.push_str("</section>\n");
}

fn coverage(out: &mut String, p: &Programme) {
    if p.segments.is_empty() || p.pillars.is_empty() {
        out.push_str("<p class=\"muted\">The set names no segments or no pillars.</p>\n");
        return;
    }
    out.push_str("<table class=\"grid\">\n<tr><th>segment</th>");
    for id in &p.pillars {
        let _ = write!(out, "<th>{}</th>", html(id));
    }
    out.push_str("</tr>\n");
    for (segment, row) in p.segments.iter().zip(&p.coverage) {
        let _ = write!(out, "<tr><th>{}</th>", html(segment));
        for cell in row {
            let class = match cell.len() {
                0 => "none",
                1 => "thin",
                _ => "good",
            };
            let _ = write!(out, "<td class=\"{class}\">{}</td>", cell.len());
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

fn message(out: &mut String, r: &MessageReview, m: &Message) {
    let verdict = if r.is_clean() { "pass" } else { "needs work" };
    let _ = write!(
        out,
        "<article id=\"m-{}\">\n<h3>{} <span class=\"{}\">· {verdict}</span></h3>\n<dl class=\"details\">",
        html(&m.id),
        html(&digest::heading(m)),
        if r.is_clean() { "pass" } else { "fail" }
    );
    for (label, value) in digest::details(m) {
        let _ = write!(out, "<div><dt>{label}</dt><dd>{}</dd></div>", html(&value));
    }
    out.push_str("</dl>\n<p class=\"verdicts\">");
    for (criterion, score, v) in digest::verdicts(r) {
        let class = if v == digest::Verdict::NotApplicable {
            "na"
        } else {
            v.as_str()
        };
        let _ = write!(out, "<span class=\"{class}\">{criterion} {score} {}</span>", v.as_str());
    }
    if !r.alignment.pillars.is_empty() {
        let _ = write!(out, "<span>on story: {}</span>", html(&r.alignment.pillars.join(", ")));
    }
    out.push_str("</p>\n<blockquote class=\"text\">");
    for (run, mark) in digest::runs(r, m) {
        match mark {
            Some(mark) => {
                let _ = write!(out, "<mark class=\"{}\">{}</mark>", mark_class(mark), html(&run));
            }
            None => out.push_str(&html(&run)),
        }
    }
    out.push_str("</blockquote>\n");
    let problems = digest::problems(r, m);
    if !problems.is_empty() {
        out.push_str("<ul class=\"problems\">\n");
        for p in problems {
            let quote = p.quote.map(|q| format!(" “{}”", html(&q))).unwrap_or_default();
            let _ = write!(
                out,
                "<li><strong>{}</strong>{quote}: {}",
                html(&p.about),
                html(&p.message)
            );
            if let Some(s) = p.suggestion {
                let _ = write!(out, " <span class=\"suggestion\">→ {}</span>", html(&s));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</article>\n");
}

fn mark_class(mark: Mark) -> &'static str {
    mark.as_str()
}
