//! The "why these scores" overlay (`x`): for the selected message, every
//! line of each criterion's breakdown — what raised or lowered the score,
//! the words behind it and the lexicon entry that matched — then its
//! alignment and drift. The same breakdown `chorus check --explain` prints.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::{pane, theme};
use crate::workbench::glyphs;
use crate::workbench::layout::{centered, inner};
use crate::workbench::state::App;

pub fn draw(frame: &mut Frame, app: &App, area: Rect, scroll: usize) {
    let (Some(m), Some(r)) = (app.current_message(), app.current_review()) else {
        return;
    };
    let mut lines: Vec<Line> = Vec::new();
    for c in &r.checklist.results {
        if !c.applies {
            lines.push(Line::from(vec![
                Span::styled(format!("{:<13}", title(c.criterion.as_str())), theme::label()),
                Span::styled(
                    format!("n/a: not asked of a message of kind {}", glyphs::visible(&r.kind)),
                    theme::dim(),
                ),
            ]));
            continue;
        }
        let verdict = match (&c.waived, c.pass) {
            (Some(_), _) => Span::styled("waived", theme::label()),
            (None, true) => Span::styled("pass", theme::pass()),
            (None, false) => Span::styled("FAIL", theme::fail()),
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:<13}{:>3} ", title(c.criterion.as_str()), c.score),
                theme::label(),
            ),
            verdict,
            Span::styled(format!("  (passes at {})", c.pass_mark), theme::dim()),
        ]));
        for b in &c.breakdown {
            let mut spans = vec![Span::raw(format!("  {:+4} {}", b.points, glyphs::visible(&b.label)))];
            if let Some(s) = b.span {
                let words = s.quote(&m.text);
                spans.push(Span::raw(format!(" “{}”", glyphs::visible(words))));
                if let Some(e) = b.entry.as_deref().filter(|e| !e.eq_ignore_ascii_case(words)) {
                    spans.push(Span::styled(format!(" [{}]", glyphs::visible(e)), theme::dim()));
                }
            }
            lines.push(Line::from(spans));
        }
        if let Some(reason) = &c.waived {
            lines.push(Line::from(format!("  waived: {}", glyphs::visible(reason))));
        } else if !c.pass {
            // The way to a pass, so a writer knows what to add, not only what is wrong.
            let short = c.pass_mark.saturating_sub(c.score);
            let ways: Vec<String> = c
                .could_gain
                .iter()
                .map(|g| format!("{:+} {}", g.points, glyphs::visible(&g.label)))
                .collect();
            let line = if ways.is_empty() {
                format!("  {short} short of a pass: remove what lowers it")
            } else {
                format!("  {short} short of a pass; would add: {}", ways.join(", "))
            };
            lines.push(Line::from(Span::styled(line, theme::waived())));
        }
    }
    lines.push(Line::from(Span::styled(
        format!(
            "Alignment    {:>3} {}",
            r.alignment.score,
            glyphs::visible(&r.alignment.pillars.join(", "))
        ),
        theme::label(),
    )));
    for t in &r.alignment.ties {
        lines.push(Line::from(format!(
            "  {} “{}” [{}]",
            glyphs::visible(&t.pillar),
            glyphs::visible(t.span.quote(&m.text)),
            glyphs::visible(&t.keyword)
        )));
    }
    for d in &r.drift {
        lines.push(Line::from(Span::styled(
            format!("  ≈ {}: {}", d.kind.as_str(), glyphs::visible(&d.message)),
            theme::fail(),
        )));
    }
    // Tall enough for wrapped lines too; long breakdowns scroll.
    let box_ = centered(
        area,
        90,
        (lines.len() as u16)
            .saturating_add(4)
            .min(area.height.saturating_sub(2)),
    );
    frame.render_widget(Clear, box_);
    let heading = format!(" Why these scores · {} · Esc closes ", glyphs::visible(&m.id));
    frame.render_widget(pane(heading, theme::border(true)), box_);
    let body = inner(box_);
    let max = lines.len().saturating_sub(body.height as usize);
    let shown: Vec<Line> = lines.into_iter().skip(scroll.min(max)).collect();
    frame.render_widget(Paragraph::new(shown).wrap(Wrap { trim: false }), body);
}

fn title(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
