//! The external story beside the message: the story with each pillar's
//! keywords in the pillar's colour (solid where the selected message uses
//! them), the pillars, avoided terms and segments, and at the foot what the
//! set as a whole leaves out.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::{more_marker, pane, rich_lines, rich_rows, theme};
use crate::workbench::glyphs;
use crate::workbench::layout;
use crate::workbench::marks::{self, Para, StoryMark, Ties};
use crate::workbench::state::{App, Focus};

fn lines(paras: &[Para<StoryMark>], width: usize) -> Vec<Line<'static>> {
    paras
        .iter()
        .flat_map(|p| {
            let styled: Vec<_> = p.marks.iter().map(|(s, m)| (*s, theme::story_mark(*m))).collect();
            rich_lines(&p.text, &styled, Style::new(), width)
        })
        .collect()
}

/// Rows `from..to` of the story, the selected message's ties marked: only
/// the paragraphs in sight are split into glyphs, marked and styled.
fn story_lines(app: &App, width: usize, from: usize, to: usize) -> Vec<Line<'static>> {
    let doc = app.story_layout(width);
    let ties = Ties::new(&app.set, app.current_review());
    let mut out = Vec::with_capacity(to.saturating_sub(from));
    for (i, rows) in doc.window(from, to) {
        let p = &doc.paras[i];
        let styled: Vec<_> = ties
            .apply(i, p)
            .into_iter()
            .map(|(s, m)| (s, theme::story_mark(m)))
            .collect();
        let layout = glyphs::Layout::new(&p.text, width);
        let rows = &layout.rows[rows.start.min(layout.rows.len())..rows.end.min(layout.rows.len())];
        out.extend(rich_rows(&layout.glyphs, rows, &styled, Style::new()));
    }
    out
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let inner = layout::inner(area);
    let room = inner.width.saturating_sub(10) as usize;
    let title = format!(" Story · {} ", glyphs::truncate(&app.set.brand, room));
    frame.render_widget(pane(title, theme::border(app.focus == Focus::Story)), area);
    let width = inner.width.max(1) as usize;
    let (total, shown) = app.story_rows_in(inner);
    // Clamped here too, in case the frame is not the size update last saw.
    let scroll = app.story_scroll.min(total.saturating_sub(shown));
    let body = story_lines(app, width, scroll, scroll + shown);
    more_marker(frame, area, scroll > 0, scroll + shown < total);
    frame.render_widget(
        Paragraph::new(body),
        Rect {
            height: shown as u16,
            ..inner
        },
    );
    let pinned = inner.height.saturating_sub(shown as u16);
    if pinned > 0 {
        let foot: Vec<Line> = lines(&marks::summary_doc(&app.summary), width)
            .into_iter()
            .take(pinned as usize)
            .collect();
        frame.render_widget(
            Paragraph::new(foot),
            Rect {
                y: inner.y + shown as u16,
                height: pinned,
                ..inner
            },
        );
    }
}
