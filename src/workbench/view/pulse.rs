//! The pulse screen: what employees said back, read against the story. The
//! say/know gap first, then a grid of shares per segment (the scale
//! questions first, so they stay in sight on a narrow terminal), coloured
//! as the terminal report colours them, then the notes and the depth. Only
//! what the core's anonymity rules let through is on it.

use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::{pane, theme};
use crate::core::pulse::render::cells::{self, Measure};
use crate::core::pulse::render::text::{self, cut, Tone};
use crate::core::pulse::Pulse;
use crate::workbench::glyphs;
use crate::workbench::layout::inner;

/// Widest a column title of the grid is shown.
const TITLE: usize = 8;

fn styled(measure: Measure, v: u32) -> Style {
    match text::tone(measure, v) {
        Tone::Good => theme::pass(),
        Tone::Fair => theme::waived(),
        Tone::Poor => theme::fail(),
    }
}

/// The grid in `room` columns: as many figures as fit, the rest said.
fn grid(p: &Pulse, room: usize) -> Vec<Line<'static>> {
    let cols = cells::columns(p);
    // Scale questions first, then the pillars and the drift.
    let mut order: Vec<usize> = (0..cols.len()).filter(|&i| cols[i].measure == Measure::Scale).collect();
    order.extend((0..cols.len()).filter(|&i| cols[i].measure != Measure::Scale));
    let rows = cells::rows(p);
    let name_w = rows
        .iter()
        .map(|r| glyphs::width(&r.name))
        .max()
        .unwrap_or(8)
        .clamp(8, 16);
    let width = |i: usize| glyphs::width(&cut(&cols[i].title, TITLE)).max(4);
    let mut used = name_w + 8;
    let all = order.len();
    order.retain(|&i| {
        used += width(i) + 1;
        used <= room
    });
    let left_out = all - order.len();
    let mut head = vec![Span::styled(
        format!("{:<name_w$} {:>7}", "segment", "answers"),
        theme::label(),
    )];
    for &i in &order {
        let w = width(i);
        let title = glyphs::visible(&cut(&cols[i].title, TITLE));
        head.push(Span::styled(format!(" {title:>w$}"), theme::label()));
    }
    let mut out = vec![Line::from(head)];
    for r in rows {
        let name = glyphs::truncate(&glyphs::visible(&r.name), name_w);
        let mut spans = vec![Span::raw(format!("{name:<name_w$} {:>7}", r.respondents))];
        for &i in &order {
            let w = width(i);
            spans.push(match r.cells[i] {
                Some(v) => Span::styled(format!(" {:>w$}", format!("{v}%")), styled(cols[i].measure, v)),
                None => Span::styled(format!(" {:>w$}", "-"), theme::dim()),
            });
        }
        out.push(Line::from(spans));
    }
    if left_out > 0 {
        out.push(Line::from(Span::styled(
            format!("{left_out} more column(s) on a wider terminal"),
            theme::dim(),
        )));
    }
    out
}

/// The screen's lines, before wrapping, for a body `room` columns wide.
pub fn lines(p: &Pulse, room: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if !p.too_few {
        out.push(Line::from(Span::styled(
            cells::headline(p),
            Style::new().add_modifier(Modifier::BOLD),
        )));
        out.push(Line::from(format!(
            "{} answers in {}, {} read against the story.",
            p.overall.respondents,
            glyphs::visible(&p.source.display().to_string()),
            p.overall.read
        )));
        out.push(Line::from(""));
        out.extend(grid(p, room));
        out.push(Line::from(""));
    }
    for n in cells::notes(p) {
        out.push(Line::from(Span::styled(glyphs::visible(&n), theme::dim())));
    }
    if !p.too_few {
        for l in text::depth(p).lines() {
            out.push(Line::from(glyphs::visible(l)));
        }
    }
    out
}

pub fn draw(frame: &mut Frame, p: &Pulse, area: Rect, scroll: usize) {
    let box_ = Rect {
        x: area.x,
        y: area.y,
        width: area.width,
        height: area.height.saturating_sub(1),
    };
    frame.render_widget(Clear, box_);
    let title = format!(" Pulse · {} · Esc closes ", glyphs::visible(&p.brand));
    frame.render_widget(pane(title, theme::border(true)), box_);
    let body = inner(box_);
    let all = lines(p, body.width as usize);
    let max = all.len().saturating_sub(body.height as usize);
    let shown: Vec<Line> = all.into_iter().skip(scroll.min(max)).collect();
    frame.render_widget(Paragraph::new(shown).wrap(Wrap { trim: false }), body);
}
