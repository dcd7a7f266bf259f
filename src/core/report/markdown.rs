//! The report as Markdown, for a wiki or a pull request: the same reading
//! as the HTML (`digest`), with the charts as tables. Every text from a
//! set is escaped (`escape::markdown`), so it renders as the words it is.

use std::fmt::Write as _;

use super::digest::{self, Mark, Section};
use super::escape::markdown as md;
use super::FileReport;
use crate::core::model::{Message, MessageSet};
use crate::core::programme::Programme;
use crate::core::verdict::{MessageReview, SetReview};

/// The first line of every Markdown report chorus writes (so `-o` may replace it).
pub const GENERATOR: &str = "<!-- chorus report -->";

/// The whole report: each set read, the files that could not be, then `extra`.
pub fn render(files: &[FileReport], extra: &[Section]) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = writeln!(out, "{GENERATOR}");
    for f in files {
        if let Some((path, set, review, programme)) = f.reviewed() {
            set_report(&mut out, &path.display().to_string(), set, review, programme);
        }
    }
    let mut errors = files.iter().filter_map(|f| match f {
        FileReport::Failed(e) => Some(e.to_string()),
        _ => None,
    });
    if let Some(first) = errors.next() {
        out.push_str("\n## Sets that could not be read\n\n");
        for e in std::iter::once(first).chain(errors) {
            let _ = writeln!(out, "- {}", md(&e));
        }
    }
    for s in extra {
        let _ = write!(out, "\n## {}\n\n{}\n", md(&s.title), s.markdown.trim_end());
    }
    out
}

fn set_report(out: &mut String, path: &str, set: &MessageSet, review: &SetReview, p: &Programme) {
    let _ = write!(
        out,
        "\n# {}\n\n{} · as of {}\n\n**{}.**\n\n## At a glance\n\n### The story\n\n> {}\n\n",
        md(&set.brand),
        md(path),
        p.today,
        md(&digest::summary(set, review)),
        md(&set.external.story)
    );
    for pillar in &set.external.pillars {
        let _ = writeln!(out, "- **{}**: {}", md(&pillar.id), md(&pillar.claim));
    }
    out.push_str("\n### Top findings\n\n");
    let top = digest::top_findings(review, p);
    if top.is_empty() {
        out.push_str("Nothing to look at: every message passes and the programme is balanced.\n");
    }
    for (i, f) in top.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", i + 1, md(f));
    }
    out.push_str("\n### Coverage: messages per segment and pillar\n\n");
    coverage(out, p);
    out.push_str("\n### Channel mix\n\n| segment | face to face | digital | no channel |\n|---|---:|---:|---:|\n");
    for (segment, mix) in p.segments.iter().zip(&p.channels) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            md(segment),
            mix.face_to_face,
            mix.digital,
            mix.unnamed
        );
    }
    out.push_str(
        "\n## In depth\n\nMarked words: **bold** ties to a pillar, _italic_ is a checklist finding, \
         ~~struck~~ drifts from the story.\n",
    );
    for (r, m) in review.messages.iter().zip(&set.internal) {
        message(out, r, m);
    }
}

fn coverage(out: &mut String, p: &Programme) {
    if p.segments.is_empty() || p.pillars.is_empty() {
        out.push_str("The set names no segments or no pillars.\n");
        return;
    }
    out.push_str("| segment |");
    for id in &p.pillars {
        let _ = write!(out, " {} |", md(id));
    }
    out.push_str("\n|---|");
    out.push_str(&"---:|".repeat(p.pillars.len()));
    out.push('\n');
    for (segment, row) in p.segments.iter().zip(&p.coverage) {
        let _ = write!(out, "| {} |", md(segment));
        for cell in row {
            let _ = write!(out, " {} |", cell.len());
        }
        out.push('\n');
    }
}

fn message(out: &mut String, r: &MessageReview, m: &Message) {
    let verdict = if r.is_clean() { "pass" } else { "needs work" };
    let _ = write!(out, "\n### {} · {verdict}\n\n", md(&digest::heading(m)));
    let details: Vec<String> = digest::details(m)
        .into_iter()
        .map(|(label, value)| format!("{label}: {}", md(&value)))
        .collect();
    let _ = writeln!(out, "{}\n", details.join(" · "));
    let verdicts: Vec<String> = digest::verdicts(r)
        .into_iter()
        .map(|(c, score, v)| format!("{c} {score} {}", v.as_str()))
        .collect();
    let _ = write!(out, "{}", verdicts.join(" · "));
    if !r.alignment.pillars.is_empty() {
        let _ = write!(out, " · on story: {}", md(&r.alignment.pillars.join(", ")));
    }
    out.push_str("\n\n> ");
    for (run, mark) in digest::runs(r, m) {
        let text = md(&run);
        // Markup must hug the words: spaces stay outside the marks.
        let (lead, body, trail) = split_spaces(&text);
        match mark {
            Some(_) if body.is_empty() => out.push_str(&text),
            Some(Mark::Tie) => {
                let _ = write!(out, "{lead}**{body}**{trail}");
            }
            Some(Mark::Finding) => {
                let _ = write!(out, "{lead}_{body}_{trail}");
            }
            Some(Mark::Drift) => {
                let _ = write!(out, "{lead}~~{body}~~{trail}");
            }
            None => out.push_str(&text),
        }
    }
    out.push('\n');
    let problems = digest::problems(r, m);
    if !problems.is_empty() {
        out.push('\n');
    }
    for p in problems {
        let quote = p.quote.map(|q| format!(" “{}”", md(&q))).unwrap_or_default();
        let _ = write!(out, "- **{}**{quote}: {}", md(&p.about), md(&p.message));
        if let Some(s) = p.suggestion {
            let _ = write!(out, " → {}", md(&s));
        }
        out.push('\n');
    }
}

fn split_spaces(s: &str) -> (&str, &str, &str) {
    let body = s.trim();
    let lead = &s[..s.len() - s.trim_start().len()];
    let trail = &s[s.trim_end().len()..];
    (lead, body, trail)
}
