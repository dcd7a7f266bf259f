//! The list of internal messages, each with its verdict at a glance:
//! the four criteria S I A R (the letter when it passes, ✗ when it fails,
//! · when the message's kind is not asked to meet it)
//! and ≈ when the message drifts from the story.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::{pane, theme};
use crate::core::model::Criterion;
use crate::core::verdict::MessageReview;
use crate::workbench::glyphs;
use crate::workbench::layout;
use crate::workbench::state::{App, Focus};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Focus::List;
    let total = app.set.internal.len();
    let title = if app.filter.is_empty() {
        format!(" Messages {total} ")
    } else {
        format!(
            " Messages {}/{total} /{} ",
            app.visible.len(),
            glyphs::visible(&app.filter)
        )
    };
    let block = pane(title, theme::border(focused));
    let inner = layout::inner(area);
    frame.render_widget(block, area);
    if app.visible.is_empty() {
        let msg = if total == 0 {
            "No messages. Press a to add one."
        } else {
            "No message matches the filter. Esc clears it."
        };
        frame.render_widget(
            Paragraph::new(msg)
                .style(theme::dim())
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }
    let width = inner.width as usize;
    let lines: Vec<Line> = app
        .visible
        .iter()
        .skip(app.list_offset)
        .take(inner.height as usize)
        .map(|&i| row(app, i, width, focused))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn row(app: &App, i: usize, width: usize, focused: bool) -> Line<'static> {
    let m = &app.set.internal[i];
    let selected = app.selected == Some(i);
    let mut spans = vec![Span::raw(if selected { "▸" } else { " " })];
    match app.reviews.get(i) {
        Some(r) if r.pending => spans.push(Span::styled("  …  ", theme::label())),
        Some(r) => spans.extend(verdict(r)),
        None => {}
    }
    let label = m.title.as_deref().filter(|t| !t.trim().is_empty()).unwrap_or(&m.text);
    let used = 1 + 5 + 1;
    let rest = width.saturating_sub(used);
    // Ids get up to half the row on wide terminals (at least 12 columns).
    let id = glyphs::truncate(&m.id, (rest / 2).max(12).min(rest));
    let after_id = rest.saturating_sub(glyphs::width(&id) + 1);
    spans.push(Span::raw(" "));
    spans.push(Span::styled(id, theme::label()));
    spans.push(Span::raw(" "));
    // The label's first words on one line: read only as far as the row can
    // show (with room to spare for combining marks), not the whole message.
    let mut flat = String::new();
    for w in label.split_whitespace() {
        if !flat.is_empty() {
            flat.push(' ');
        }
        flat.push_str(w);
        if flat.len() > 4 * after_id + 8 {
            break;
        }
    }
    spans.push(Span::raw(glyphs::truncate(&flat, after_id)));
    let line = Line::from(spans);
    if selected {
        line.style(theme::selected_row(focused))
    } else {
        line
    }
}

/// S I A R and the drift mark, five cells.
pub fn verdict(r: &MessageReview) -> Vec<Span<'static>> {
    let mut out: Vec<Span<'static>> = Criterion::ALL
        .iter()
        .map(|&c| {
            let res = r.checklist.get(c);
            let letter = &c.as_str()[..1].to_uppercase();
            if r.language.is_some() {
                // Not read at all: not English.
                Span::styled("?", theme::waived())
            } else if !res.applies {
                // Not asked of this kind of message.
                Span::styled("·", theme::dim())
            } else if !res.pass {
                Span::styled("✗", theme::fail())
            } else if res.waived.is_some() {
                Span::styled(letter.clone(), theme::waived())
            } else {
                Span::styled(letter.clone(), theme::pass())
            }
        })
        .collect();
    out.push(if r.drift.is_empty() {
        Span::raw(" ")
    } else {
        Span::styled("≈", theme::fail())
    });
    out
}
