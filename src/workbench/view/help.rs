//! The help overlay: every key of the key table, in two columns when they
//! fit, else one column that scrolls.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use super::{pane, theme};
use crate::workbench::glyphs;
use crate::workbench::keymap::{self, Column};
use crate::workbench::layout::{centered, inner};
use crate::workbench::state::App;

/// The help screen's rows of one column, from the key table: (keys, what
/// they do); `#` marks a heading, empty keys a continued line.
fn column(c: Column) -> Vec<(&'static str, &'static str)> {
    let mut out = vec![];
    let mut section = "";
    for (s, key) in keymap::help_rows(c) {
        if s != section {
            out.push(("#", s));
            section = s;
        }
        for (n, part) in key.label.split('\n').enumerate() {
            out.push((if n == 0 { key.keys.as_ref() } else { "" }, part));
        }
    }
    out
}

fn lines(entries: &[(&str, &str)], width: usize) -> Vec<Line<'static>> {
    entries
        .iter()
        .map(|(k, d)| {
            if *k == "#" {
                Line::from(Span::styled(glyphs::truncate(d, width), theme::label()))
            } else {
                let key = format!(" {k:<10}");
                let rest = width.saturating_sub(glyphs::width(&key) + 1);
                Line::from(vec![
                    Span::styled(key, theme::key()),
                    Span::raw(" "),
                    Span::raw(glyphs::truncate(d, rest)),
                ])
            }
        })
        .collect()
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, scroll: usize) {
    let (left, right) = (column(Column::Left), column(Column::Right));
    let rows = left.len().max(right.len()) as u16;
    let box_ = centered(area, 80, rows + 2);
    frame.render_widget(Clear, box_);
    // The open set's path, so a user can find the file (the built-in
    // example's copy too).
    let title = format!(
        " Keys · {} · Esc closes ",
        glyphs::visible(&app.path.display().to_string())
    );
    let title = glyphs::truncate(&title, box_.width.saturating_sub(2) as usize);
    frame.render_widget(pane(title, theme::border(true)), box_);
    let body = inner(box_);
    let two_columns = body.width >= 72 && body.height >= rows;
    if two_columns {
        let half = body.width / 2;
        let left_area = Rect { width: half, ..body };
        let right_area = Rect {
            x: body.x + half,
            width: body.width - half,
            ..body
        };
        frame.render_widget(Paragraph::new(lines(&left, half as usize)), left_area);
        frame.render_widget(Paragraph::new(lines(&right, right_area.width as usize)), right_area);
    } else {
        let all: Vec<_> = left.into_iter().chain(right).collect();
        let l = lines(&all, body.width as usize);
        let max = l.len().saturating_sub(body.height as usize);
        let shown: Vec<Line> = l.into_iter().skip(scroll.min(max)).collect();
        frame.render_widget(Paragraph::new(shown), body);
    }
}
