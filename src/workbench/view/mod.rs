//! The view: state in, frame out. One file per pane; nothing here decides
//! anything, it only draws what `state` and `marks` say.

mod checklist;
mod explain;
mod form;
mod help;
mod list;
mod message;
mod prompt;
mod status;
mod story;
pub mod theme;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::state::{App, Mode};
use super::text;
use crate::core::review::Span;

/// Draw the whole workbench.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let Some(p) = layout::panes(area) else {
        too_small(frame, area);
        return;
    };
    list::draw(frame, app, p.list);
    message::draw(frame, app, &p);
    story::draw(frame, app, p.story);
    checklist::draw(frame, app, p.checklist);
    checklist::draw_findings(frame, app, p.findings);
    status::draw(frame, app, p.status);
    match &app.mode {
        Mode::Help { scroll } => help::draw(frame, area, *scroll),
        Mode::Explain { scroll } => explain::draw(frame, app, area, *scroll),
        Mode::Form(f) => form::draw(frame, app, f, area),
        _ => {}
    }
    if let Some(pr) = &app.prompt {
        prompt::draw(frame, app, pr, area);
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let msg = format!(
        "Terminal too small ({}×{}); chorus needs {MIN_WIDTH}×{MIN_HEIGHT}.",
        area.width, area.height
    );
    frame.render_widget(Paragraph::new(msg), area);
}

/// A bordered pane with a title.
fn pane<'a>(title: String, border: Style) -> Block<'a> {
    Block::new().borders(Borders::ALL).border_style(border).title(title)
}

/// On the bottom border of a pane, say there is more to scroll to.
fn more_marker(frame: &mut Frame, area: Rect, above: bool, below: bool) {
    let label = match (above, below) {
        (false, false) => return,
        (true, false) => " ↑ more ",
        (false, true) => " ↓ more ",
        (true, true) => " ↑↓ more ",
    };
    let w = text::width(label) as u16;
    if area.width < w + 4 || area.height < 2 {
        return;
    }
    let at = Rect::new(area.right() - w - 2, area.bottom() - 1, w, 1);
    frame.render_widget(Paragraph::new(label).style(theme::dim()), at);
}

/// `text` wrapped to `width` cells, each glyph styled by `base` patched with
/// every mark over it, in order. Returns the screen rows.
fn rich_lines(text: &str, marks: &[(Span, Style)], base: Style, width: usize) -> Vec<Line<'static>> {
    let glyphs = text::glyphs(text);
    let rows = text::wrap(&glyphs, width);
    let style_at = |g: &text::Glyph| {
        let mut s = base;
        for (span, st) in marks {
            if span.start < g.end && g.start < span.end {
                s = s.patch(*st);
            }
        }
        s
    };
    rows.iter()
        .map(|r| {
            let mut spans: Vec<TextSpan<'static>> = Vec::new();
            let mut cur = String::new();
            let mut cur_style = base;
            for g in &glyphs[r.start..r.end] {
                if g.kind == text::GlyphKind::Newline {
                    continue;
                }
                let mut st = style_at(g);
                if g.kind == text::GlyphKind::Escaped {
                    st = st.patch(theme::escaped());
                }
                if st != cur_style && !cur.is_empty() {
                    spans.push(TextSpan::styled(std::mem::take(&mut cur), cur_style));
                }
                cur_style = st;
                cur.push_str(&g.display);
            }
            if !cur.is_empty() {
                spans.push(TextSpan::styled(cur, cur_style));
            }
            Line::from(spans)
        })
        .collect()
}
