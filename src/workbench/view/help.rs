//! The help overlay: every key, in two columns when they fit, else one
//! column that scrolls.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use super::{pane, theme};
use crate::workbench::layout::{centered, inner};
use crate::workbench::text;

/// (keys, what they do); `#` marks a heading, empty keys a continued line.
const LEFT: &[(&str, &str)] = &[
    ("#", "MOVE"),
    ("↑ ↓ k j", "move in the pane"),
    ("PgUp PgDn", "a page up / down"),
    ("Home End", "first / last (also g G)"),
    ("Tab S-Tab", "next / previous pane"),
    ("click", "select; focus a pane"),
    ("/", "filter by text or id"),
    ("n N", "next / previous problem"),
    ("x", "why these scores"),
    ("#", "EDIT"),
    ("Enter e", "edit the text in place"),
    ("", "(from the story: the story)"),
    ("Esc", "done / close / cancel"),
    ("^Z ^Y", "undo / redo while editing"),
    ("paste", "inserts the pasted text"),
    ("f", "audience, title, channel,"),
    ("", "messenger, status, waivers"),
    ("s", "story, pillars, segments"),
];

const RIGHT: &[(&str, &str)] = &[
    ("#", "MESSAGES"),
    ("a", "add a message"),
    ("y", "duplicate it"),
    ("D", "delete it"),
    ("u", "undo the last change"),
    ("J K", "move it down / up"),
    ("#", "FILE"),
    ("^S", "save (in any mode)"),
    ("w", "save as another file"),
    ("q ^C", "quit (asks if unsaved)"),
    ("? F1", "this help"),
    ("#", "THE LIST"),
    ("S I A R", "passes · ✗ fails"),
    ("≈", "drifts from the story"),
    ("#", "FORMS"),
    ("Enter", "edit a field; Enter applies"),
    ("a D u", "add / delete / undo pillar"),
];

fn lines(entries: &[(&str, &str)], width: usize) -> Vec<Line<'static>> {
    entries
        .iter()
        .map(|(k, d)| {
            if *k == "#" {
                Line::from(Span::styled(text::truncate(d, width), theme::label()))
            } else {
                let key = format!(" {k:<10}");
                let rest = width.saturating_sub(text::width(&key) + 1);
                Line::from(vec![
                    Span::styled(key, Style::new().fg(ratatui::style::Color::Cyan)),
                    Span::raw(" "),
                    Span::raw(text::truncate(d, rest)),
                ])
            }
        })
        .collect()
}

pub fn draw(frame: &mut Frame, area: Rect, scroll: usize) {
    let rows = LEFT.len().max(RIGHT.len()) as u16;
    let box_ = centered(area, 80, rows + 2);
    frame.render_widget(Clear, box_);
    frame.render_widget(pane(" Keys · Esc closes ".into(), theme::border(true)), box_);
    let body = inner(box_);
    let two_columns = body.width >= 72 && body.height >= rows;
    if two_columns {
        let half = body.width / 2;
        let left = Rect { width: half, ..body };
        let right = Rect {
            x: body.x + half,
            width: body.width - half,
            ..body
        };
        frame.render_widget(Paragraph::new(lines(LEFT, half as usize)), left);
        frame.render_widget(Paragraph::new(lines(RIGHT, right.width as usize)), right);
    } else {
        let all: Vec<_> = LEFT.iter().chain(RIGHT).copied().collect();
        let l = lines(&all, body.width as usize);
        let max = l.len().saturating_sub(body.height as usize);
        let shown: Vec<Line> = l.into_iter().skip(scroll.min(max)).collect();
        frame.render_widget(Paragraph::new(shown), body);
    }
}
