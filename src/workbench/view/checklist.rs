//! The checklist of the selected message: four scores as bars with numbers
//! and pass / FAIL / waived (with the reason), the alignment with the
//! story; and beside it the findings behind the scores, the selected one
//! explained with its suggestion.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use super::{pane, theme};
use crate::core::model::Criterion;
use crate::core::verdict::{CriterionResult, Span as TextSpan};
use crate::workbench::glyphs;
use crate::workbench::layout;
use crate::workbench::marks::Source;
use crate::workbench::state::{App, Focus};

fn title_case(c: Criterion) -> String {
    let s = c.as_str();
    s[..1].to_uppercase() + &s[1..]
}

/// A bar of `width` cells, `score`% filled.
fn bar(score: u8, width: usize, style: Style) -> Vec<Span<'static>> {
    // Clamped: a score over 100 would be a bug elsewhere, not a crash here.
    let filled = (score.min(100) as usize * width + 50) / 100;
    vec![
        Span::styled("█".repeat(filled), style),
        Span::styled("░".repeat(width - filled), theme::dim()),
    ]
}

/// A criterion the message's kind is not asked to meet: no bar, no score.
fn not_applying_line(label: &str, kind: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label:<12} "), theme::label()),
        Span::styled(format!("n/a for {}", article(kind)), theme::dim()),
    ])
}

/// "an update", "a question".
fn article(kind: &str) -> String {
    let vowel = kind.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {kind}", if vowel { "an" } else { "a" })
}

fn score_line(label: &str, score: u8, verdict: (&'static str, Style), width: usize) -> Line<'static> {
    // label 12, bar, score 3, verdict 6, with single spaces between.
    let bar_w = width.saturating_sub(12 + 1 + 1 + 3 + 1 + 6);
    let mut spans = vec![Span::styled(format!("{label:<12} "), theme::label())];
    if bar_w >= 3 {
        spans.extend(bar(score, bar_w, verdict.1));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::raw(format!("{score:>3} ")));
    spans.push(Span::styled(verdict.0, verdict.1));
    Line::from(spans)
}

fn verdict(r: &CriterionResult) -> (&'static str, Style) {
    if !r.pass {
        ("FAIL", theme::fail())
    } else if r.waived.is_some() {
        ("waived", theme::waived())
    } else {
        ("pass", theme::pass())
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    frame.render_widget(pane(" Checklist ".into(), theme::border(false)), area);
    let inner = layout::inner(area);
    let Some(review) = app.current_review() else {
        frame.render_widget(Paragraph::new("No message selected").style(theme::dim()), inner);
        return;
    };
    let width = inner.width as usize;
    if let Some(notice) = review.language_notice() {
        frame.render_widget(
            Paragraph::new(notice).style(theme::waived()).wrap(Wrap { trim: false }),
            inner,
        );
        return;
    }
    let mut lines: Vec<Line> = review
        .checklist
        .results
        .iter()
        .map(|r| match r.applies {
            true => score_line(&title_case(r.criterion), r.score, verdict(r), width),
            false => not_applying_line(&title_case(r.criterion), &glyphs::visible(&review.kind)),
        })
        .collect();
    let a = &review.alignment;
    let pillars = if a.pillars.is_empty() {
        "no pillar".to_string()
    } else {
        a.pillars.join(", ")
    };
    // The alignment has no pass mark; the pillars it carries say more, so
    // its bar is shorter to leave them room.
    let bar_w = width.saturating_sub(12 + 1 + 1 + 3 + 1 + 6) / 2;
    let mut align = vec![Span::styled(format!("{:<12} ", "Alignment"), theme::label())];
    if bar_w >= 3 {
        align.extend(bar(a.score, bar_w, theme::dim()));
        align.push(Span::raw(" "));
    }
    align.push(Span::raw(format!("{:>3} ", a.score)));
    let used: usize = align.iter().map(|s| s.width()).sum();
    align.push(Span::styled(
        glyphs::truncate(&pillars, width.saturating_sub(used)),
        if a.pillars.is_empty() {
            theme::waived()
        } else {
            theme::dim()
        },
    ));
    let align = Line::from(align);
    lines.push(align);
    let scores_h = (lines.len() as u16).min(inner.height);
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: scores_h,
            ..inner
        },
    );
    // Waivers with their reasons, wrapped: the reason is the point.
    let waivers: Vec<Line> = review
        .checklist
        .results
        .iter()
        .filter_map(|r| {
            let reason = r.waived.as_ref()?;
            Some(Line::from(vec![
                Span::styled(format!("{} waived: ", r.criterion), theme::waived()),
                Span::raw(glyphs::visible(reason)),
            ]))
        })
        .collect();
    let rest = Rect {
        y: inner.y + scores_h,
        height: inner.height - scores_h,
        ..inner
    };
    frame.render_widget(Paragraph::new(waivers).wrap(Wrap { trim: true }), rest);
}

fn quote(text_of: &str, span: Option<TextSpan>, max: usize) -> String {
    match span {
        Some(s) if s.end > s.start => format!("“{}”", glyphs::truncate(s.quote(text_of), max)),
        _ => "(whole message)".into(),
    }
}

pub fn draw_findings(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Focus::Findings;
    let items = app.findings();
    let title = format!(" Findings {} ", items.len());
    frame.render_widget(pane(title, theme::border(focused)), area);
    let need = items
        .get(app.finding)
        .map(|it| layout::detail_rows(it.message, it.suggestion, layout::inner(area).width))
        .unwrap_or(0);
    let (list, detail) = layout::findings_split(area, items.len(), need);
    let Some(m) = app.current_message() else {
        return;
    };
    if items.is_empty() {
        frame.render_widget(
            Paragraph::new("Nothing lowers this message's scores.")
                .style(theme::dim())
                .wrap(Wrap { trim: true }),
            layout::inner(area),
        );
        return;
    }
    let width = list.width as usize;
    let offset = layout::scroll_for(app.finding, list.height as usize);
    let rows: Vec<Line> = items
        .iter()
        .enumerate()
        .skip(offset)
        .take(list.height as usize)
        .map(|(k, it)| {
            let selected = k == app.finding;
            let (tag, style) = match it.source {
                Source::Criterion(c) => (c.as_str()[..1].to_uppercase(), theme::fail()),
                Source::Drift(_) => ("≈".to_string(), theme::fail()),
            };
            let rule = glyphs::truncate(it.rule, width.saturating_sub(4) / 2);
            let used = 2 + 2 + glyphs::width(&rule);
            let line = Line::from(vec![
                Span::raw(if selected { "▸" } else { " " }),
                Span::styled(tag, style),
                Span::raw(" "),
                Span::styled(rule, theme::label()),
                Span::raw(" "),
                Span::raw(quote(&m.text, it.span, width.saturating_sub(used + 3))),
            ]);
            if selected {
                line.style(theme::selected_row(focused))
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), list);

    let Some(it) = items.get(app.finding) else {
        return;
    };
    let mut body = vec![Line::from(glyphs::visible(it.message))];
    if let Some(s) = it.suggestion {
        body.push(Line::from(Span::styled(
            format!("→ {}", glyphs::visible(s)),
            theme::pass(),
        )));
    }
    frame.render_widget(Paragraph::new(body).wrap(Wrap { trim: true }), detail);
}
