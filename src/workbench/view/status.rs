//! The status line: the file, whether it has unsaved changes, the latest
//! notice or error, and the keys that matter in the current mode. While
//! filtering it is the filter's input line.

use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::theme;
use crate::workbench::form::Target;
use crate::workbench::state::{App, Focus, Mode, Prompt};
use crate::workbench::text;

/// The keys worth showing now (every key is in the help).
pub fn hints(app: &App) -> &'static str {
    if let Some(Prompt::Restore(_)) = app.prompt {
        return "r restore · d discard · Esc keep for later";
    }
    if app.prompt.is_some() {
        return "answer above · Esc cancel";
    }
    match &app.mode {
        Mode::Editing(_) => "Esc done · ^Z undo · ^Y redo · ^S save",
        Mode::Help { .. } | Mode::Explain { .. } => "↑↓ scroll · Esc close",
        Mode::Filter { .. } => "Enter keep · Esc clear",
        Mode::Form(f) if f.input.is_some() => "Enter apply · Esc cancel · ^S save",
        Mode::Form(f) if f.target == Target::Story => {
            "↑↓ field · Enter edit · a add pillar · D delete pillar · Esc close"
        }
        Mode::Form(_) => "↑↓ field · Enter edit · Esc close · ^S save",
        // Only reading is possible: offer no key that would be refused.
        Mode::Normal if app.read_only.is_some() => {
            "read-only · ? help · q quit · ↑↓ move · Tab pane · / filter · x why · s story"
        }
        Mode::Normal => match app.focus {
            Focus::List => {
                "? help · e edit · ^S save · q quit · ↑↓ move · Tab pane · f details · s story · / filter · n next problem"
            }
            Focus::Message => "? help · e edit · ^S save · q quit · ↑↓ scroll · Tab pane",
            Focus::Findings => "? help · e edit · ^S save · q quit · ↑↓ finding · Tab pane",
            Focus::Story => "? help · e edit story · ^S save · q quit · ↑↓ scroll · Tab pane",
        },
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let width = area.width as usize;
    let name = text::truncate(&app.file_name(), (width / 3).max(8));
    let mut spans = vec![Span::styled(format!(" {name}"), theme::label())];
    if app.dirty {
        spans.push(Span::styled(" [+]", theme::waived()));
    }
    if app.read_only.is_some() {
        // Open in another session: said on every frame, not just once.
        spans.push(Span::styled(" [read-only]", theme::error()));
    }
    spans.push(Span::styled(" │ ", theme::dim()));
    let mut used: usize = spans.iter().map(|s| s.width()).sum();

    if let Mode::Filter { input, .. } = &app.mode {
        let shown = text::visible(&input.text);
        spans.push(Span::raw("/"));
        spans.push(Span::raw(text::truncate(&shown, width.saturating_sub(used + 2))));
        let before: String = input.text.chars().take(input.cursor).collect();
        let x = (used + 1 + text::width(&before)).min(width.saturating_sub(1));
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        frame.set_cursor_position(Position::new(area.x + x as u16, area.y));
        return;
    }

    if let Some(n) = &app.notice {
        let style = if n.error { theme::error() } else { Style::new() };
        let t = text::truncate(&n.text, width.saturating_sub(used));
        used += text::width(&t);
        spans.push(Span::styled(t, style));
        spans.push(Span::raw("  "));
        used += 2;
    }
    let keys = text::truncate(hints(app), width.saturating_sub(used));
    spans.push(Span::styled(keys, theme::dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
