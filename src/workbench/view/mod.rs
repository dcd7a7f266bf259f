//! The view: state in, frame out. Nothing here decides anything, it only
//! draws what `state` and `marks` say.
//!
//! Holds one file per pane (list, message, checklist, story), one per
//! overlay (help, explain, form, prompt), the status line and the theme.
//! May import the core's verdicts, the model (`state`), the key table
//! (`keymap`) and the workbench's plain-data and layout modules; never
//! `update`, `effects`, `journal`, `files` or `lock`.

mod checklist;
mod explain;
mod form;
mod help;
mod list;
mod message;
mod programme;
mod prompt;
mod pulse;
mod status;
mod story;
pub mod theme;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::glyphs;
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::state::{App, Mode};
use crate::core::verdict::Span;

/// Draw the whole workbench.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let Some(p) = layout::panes_with(area, app.status_text(usize::from(area.width)).rows()) else {
        too_small(frame, area);
        return;
    };
    list::draw(frame, app, p.list);
    message::draw(frame, app, &p);
    story::draw(frame, app, p.story);
    checklist::draw(frame, app, p.checklist);
    checklist::draw_findings(frame, app, p.findings);
    status::draw(frame, app, p.status);
    // The overlays keep the screen's last row for the status line; when a
    // long notice takes more rows, they end above all of them.
    let area = Rect {
        height: area.height - (p.status.height - 1),
        ..area
    };
    match &app.mode {
        Mode::Help { scroll } => help::draw(frame, app, area, *scroll),
        Mode::Explain { scroll } => explain::draw(frame, app, area, *scroll),
        Mode::Form(f) => form::draw(frame, app, f, area),
        Mode::Programme(v) => programme::draw(frame, app, v, area),
        Mode::Pulse { scroll } => {
            if let Some(p) = &app.pulse {
                let moved = app.pulse_before.as_deref().map(|b| (b, app.pulse_moved.as_slice()));
                pulse::draw(frame, p, moved, area, *scroll);
            }
        }
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
    let w = glyphs::width(label) as u16;
    if area.width < w + 4 || area.height < 2 {
        return;
    }
    let at = Rect::new(area.right() - w - 2, area.bottom() - 1, w, 1);
    frame.render_widget(Paragraph::new(label).style(theme::dim()), at);
}

/// `text` wrapped to `width` cells, each glyph styled by `base` patched with
/// every mark over it, in order. Returns the screen rows.
fn rich_lines(text: &str, marks: &[(Span, Style)], base: Style, width: usize) -> Vec<Line<'static>> {
    let layout = glyphs::Layout::new(text, width);
    rich_rows(&layout.glyphs, &layout.rows, marks, base)
}

/// The screen lines of `rows` (consecutive rows of a wrapped `glyphs`), each
/// glyph styled by `base` patched with every mark over it, in the marks'
/// order. Only these rows' glyphs are styled, by one sweep over the marks'
/// starts and ends: the cost is the rows shown plus the marks, never the
/// glyphs times the marks.
fn rich_rows(
    glyphs: &[glyphs::Glyph],
    rows: &[glyphs::Row],
    marks: &[(Span, Style)],
    base: Style,
) -> Vec<Line<'static>> {
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return vec![];
    };
    let shown = &glyphs[first.start..last.end];
    let (lo, hi) = match (shown.first(), shown.last()) {
        (Some(a), Some(b)) => (a.start, b.end),
        _ => (0, 0),
    };
    // The marks that reach the rows shown, by where they start and where they end.
    let mut starts: Vec<usize> = (0..marks.len())
        .filter(|&i| marks[i].0.start < hi && lo < marks[i].0.end)
        .collect();
    let mut ends = starts.clone();
    starts.sort_by_key(|&i| marks[i].0.start);
    ends.sort_by_key(|&i| marks[i].0.end);
    let (mut next_start, mut next_end) = (0usize, 0usize);
    // The marks over the current glyph, in their order, and the style they make.
    let mut active = std::collections::BTreeSet::new();
    let mut style = base;
    let mut style_at = |g: &glyphs::Glyph| {
        let mut changed = false;
        while let Some(&i) = starts.get(next_start) {
            if marks[i].0.start >= g.end {
                break;
            }
            if marks[i].0.end > g.start {
                changed |= active.insert(i);
            }
            next_start += 1;
        }
        while let Some(&i) = ends.get(next_end) {
            if marks[i].0.end > g.start {
                break;
            }
            changed |= active.remove(&i);
            next_end += 1;
        }
        if changed {
            style = active.iter().fold(base, |s, &i| s.patch(marks[i].1));
        }
        style
    };
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let mut spans: Vec<TextSpan<'static>> = Vec::new();
        let mut cur = String::new();
        let mut cur_style = base;
        for g in &glyphs[r.start..r.end] {
            if g.kind == glyphs::GlyphKind::Newline {
                continue;
            }
            let mut st = style_at(g);
            if g.kind == glyphs::GlyphKind::Escaped {
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
        out.push(Line::from(spans));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    /// The plain reading: each glyph patched with every mark over it.
    fn naive(text: &str, marks: &[(Span, Style)], width: usize) -> Vec<Vec<(String, Style)>> {
        let layout = glyphs::Layout::new(text, width);
        layout
            .rows
            .iter()
            .map(|r| {
                layout.glyphs[r.start..r.end]
                    .iter()
                    .filter(|g| g.kind != glyphs::GlyphKind::Newline)
                    .map(|g| {
                        let mut s = marks
                            .iter()
                            .filter(|(span, _)| span.start < g.end && g.start < span.end)
                            .fold(Style::new(), |s, (_, st)| s.patch(*st));
                        if g.kind == glyphs::GlyphKind::Escaped {
                            s = s.patch(theme::escaped());
                        }
                        (g.display.to_string(), s)
                    })
                    .collect()
            })
            .collect()
    }

    /// One entry per glyph of drawn lines, to compare whatever the spans' grouping.
    fn cells(lines: &[Line]) -> Vec<Vec<(String, Style)>> {
        lines
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .flat_map(|s| {
                        use unicode_segmentation::UnicodeSegmentation;
                        s.content
                            .graphemes(true)
                            .map(|g| (g.to_string(), s.style))
                            .collect::<Vec<_>>()
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_sweep_styles_every_glyph_as_patching_each_mark_over_it_would() {
        let text = "Fresh lemons,\nsqueezed\u{1b} daily by people who care about taste and 👩‍👩‍👧 families.";
        let red = Style::new().fg(Color::Red);
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let blue = Style::new().fg(Color::Blue);
        let marks = [
            (Span::new(6, 30), red),
            (Span::new(0, 5), bold),
            (Span::new(10, 12), blue),
            (Span::new(20, 20), blue),
            (Span::new(25, 60), bold),
            (Span::new(28, 29), red),
            (Span::new(70, 200), blue),
            (Span::new(67, 69), red),
        ];
        for width in [1, 5, 9, 17, 80] {
            let layout = glyphs::Layout::new(text, width);
            let want = naive(text, &marks, width);
            assert_eq!(
                cells(&rich_rows(&layout.glyphs, &layout.rows, &marks, Style::new())),
                want
            );
            // Any window of rows is styled as the same rows of the whole.
            for from in 0..layout.rows.len() {
                for to in from..=layout.rows.len().min(from + 3) {
                    let got = rich_rows(&layout.glyphs, &layout.rows[from..to], &marks, Style::new());
                    assert_eq!(cells(&got), want[from..to], "width {width}, rows {from}..{to}");
                }
            }
        }
    }
}
