//! The field editor overlay: one row per field (label, value), the selected
//! one editable in a one-line input, with what may be typed and why a value
//! was refused underneath.

use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::{pane, theme};
use crate::workbench::form::{self, Target};
use crate::workbench::glyphs;
use crate::workbench::layout::{centered, inner, scroll_for};
use crate::workbench::state::{App, Form};

const LABEL_W: usize = 20;

pub fn draw(frame: &mut Frame, app: &App, f: &Form, area: Rect) {
    let fields = form::fields(&app.set, f.target);
    let title = match f.target {
        Target::Message(i) => format!(
            " Details of {} ",
            glyphs::truncate(app.set.internal.get(i).map(|m| m.id.as_str()).unwrap_or(""), 30)
        ),
        Target::Story => " Story, pillars and segments ".to_string(),
    };
    let box_ = centered(
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(2),
    );
    frame.render_widget(Clear, box_);
    frame.render_widget(pane(title, theme::border(true)), box_);
    let body = inner(box_);
    // Two rows at the foot: the hint for the selected field and any error.
    let rows_h = body.height.saturating_sub(3) as usize;
    let value_w = (body.width as usize).saturating_sub(LABEL_W + 2);
    let offset = scroll_for(f.selected, rows_h);
    let mut lines = Vec::new();
    for (k, field) in fields.iter().enumerate().skip(offset).take(rows_h) {
        let selected = k == f.selected;
        let label = format!("{}{:<w$}", if selected { "▸" } else { " " }, field.label, w = LABEL_W);
        let value = match (&f.input, selected) {
            (Some(input), true) => {
                // Show the part around the cursor.
                let chars: Vec<char> = input.text.chars().collect();
                let start = input.cursor.saturating_sub(value_w.saturating_sub(1));
                let shown: String = chars[start..].iter().collect();
                let x = glyphs::width(&chars[start..input.cursor].iter().collect::<String>());
                let y = body.y + (k - offset) as u16;
                let cx = body.x + (LABEL_W + 2 + x.min(value_w.saturating_sub(1))) as u16;
                frame.set_cursor_position(Position::new(cx, y));
                Span::styled(glyphs::truncate(&shown, value_w), theme::typed())
            }
            _ => Span::raw(glyphs::truncate(&field.value, value_w)),
        };
        let line = Line::from(vec![Span::styled(label, theme::label()), Span::raw(" "), value]);
        lines.push(if selected && f.input.is_none() {
            line.style(theme::selected_row(true))
        } else {
            line
        });
    }
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: rows_h as u16,
            ..body
        },
    );
    let foot = Rect {
        y: body.y + rows_h as u16,
        height: body.height.saturating_sub(rows_h as u16),
        ..body
    };
    let mut foot_lines = vec![Line::from("")];
    if let Some(field) = fields.get(f.selected) {
        foot_lines.push(Line::from(Span::styled(
            format!("{}: {}", field.label, field.hint),
            theme::dim(),
        )));
    }
    if let Some(e) = &f.error {
        foot_lines.push(Line::from(Span::styled(glyphs::visible(e), theme::fail())));
    }
    frame.render_widget(Paragraph::new(foot_lines).wrap(Wrap { trim: true }), foot);
}
