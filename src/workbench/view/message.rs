//! The selected internal message: its details, its text with the words
//! that tie it to a pillar highlighted in the pillar's colour, drifting
//! words marked, the selected finding shown, and the pillars it supports.
//! While editing, the same text with the cursor.

use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::{more_marker, pane, rich_lines, rich_rows, theme};
use crate::workbench::glyphs;
use crate::workbench::layout::{self, Panes};
use crate::workbench::marks;
use crate::workbench::state::{App, Focus};

pub fn draw(frame: &mut Frame, app: &App, p: &Panes) {
    let area = p.message;
    let editor = app.editor();
    let (Some(m), Some(review)) = (app.current_message(), app.current_review()) else {
        frame.render_widget(pane(" Message ".into(), theme::border(false)), area);
        return;
    };
    let inner = layout::inner(area);
    // Room in the top border for " id title ", the id getting at most half.
    let room = area.width.saturating_sub(4) as usize;
    let title = if editor.is_some() {
        format!(" Editing {} ", glyphs::truncate(&m.id, room.saturating_sub(8)))
    } else {
        let id = glyphs::truncate(&m.id, room / 2);
        match m.title.as_deref().filter(|t| !t.trim().is_empty()) {
            Some(t) => {
                let t = glyphs::truncate(t, room.saturating_sub(glyphs::width(&id) + 1));
                format!(" {id} {t} ")
            }
            None => format!(" {id} "),
        }
    };
    let border = if editor.is_some() {
        theme::editing_border()
    } else {
        theme::border(app.focus == Focus::Message)
    };
    frame.render_widget(pane(title, border), area);

    // Details: who it is for, where and by whom it goes out, how far along it is.
    let mut details = vec![format!("for {}", m.audience)];
    details.extend(m.channel.clone());
    details.extend(m.messenger.as_ref().map(|s| format!("by {s}")));
    details.extend(m.status.map(|s| s.as_str().to_string()));
    let details = glyphs::truncate(&details.join(" · "), inner.width as usize);
    frame.render_widget(Paragraph::new(details).style(theme::dim()), Rect { height: 1, ..inner });

    let body = p.message_text();
    let width = p.text_width();
    if m.text.is_empty() && editor.is_none() {
        frame.render_widget(Paragraph::new("(no text yet: e writes it)").style(theme::dim()), body);
    } else {
        let styled: Vec<_> = marks::message_marks(&app.set, review, app.selected_span())
            .into_iter()
            .map(|(s, mk)| (s, theme::mark(mk)))
            .collect();
        // Only the rows in sight are styled and drawn.
        let layout = app.text_layout.get(&m.text, width);
        let total = layout.rows.len();
        let from = app.text_scroll.min(total);
        let to = (from + body.height as usize).min(total);
        let lines: Vec<Line> = rich_rows(&layout.glyphs, &layout.rows[from..to], &styled, Style::new());
        frame.render_widget(Paragraph::new(lines), body);
        let below = app.text_scroll + (body.height as usize) < total;
        more_marker(frame, area, app.text_scroll > 0, below);
    }

    if let Some(e) = editor {
        let (row, col) = app.text_layout.get(&m.text, width).locate(e.cursor_offset(), width + 1);
        if row >= app.text_scroll && row < app.text_scroll + body.height as usize {
            let y = body.y + (row - app.text_scroll) as u16;
            frame.set_cursor_position(Position::new(body.x + col as u16, y));
        }
    }

    // The pillars it supports, or that it supports none.
    let support = marks::support_para(&app.set, review);
    let styled: Vec<_> = support
        .marks
        .iter()
        .map(|(s, mk)| (*s, theme::story_mark(*mk)))
        .collect();
    let foot = rich_lines(&support.text, &styled, Style::new(), usize::MAX / 2);
    let y = inner.y + inner.height.saturating_sub(1);
    if inner.height >= 3 {
        frame.render_widget(Paragraph::new(foot), Rect { y, height: 1, ..inner });
    }
}
