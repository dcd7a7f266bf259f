//! The pulse screen: what employees said back, read against the story. The
//! say/know gap first, then a grid of shares per segment (the scale
//! questions first, so they stay in sight on a narrow terminal), coloured
//! as the terminal report colours them, then the notes and the depth; with
//! a second round, what moved since the one before comes first. Only what the
//! core's anonymity rules let through is on it.

use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::{pane, theme};
use crate::core::pulse::compare::Move;
use crate::core::pulse::render::cells::{self, Measure};
use crate::core::pulse::render::compare;
use crate::core::pulse::render::text::{self, cut, Tone};
use crate::core::pulse::Pulse;
use crate::workbench::glyphs;
use crate::workbench::keymap::{self, Scope};
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

/// What moved since `before`, as `chorus pulse SET A.csv B.csv` says it.
fn moved(p: &Pulse, before: &Pulse, moves: &[Move]) -> Vec<Line<'static>> {
    let name = |q: &Pulse| {
        let n = q.source.file_name().map(|n| n.to_string_lossy().into_owned());
        glyphs::visible(&n.unwrap_or_else(|| q.source.display().to_string()))
    };
    let mut out = vec![Line::from(Span::styled(
        format!(
            "What moved since {} ({} answers), in {} ({} answers):",
            name(before),
            before.overall.respondents,
            name(p),
            p.overall.respondents
        ),
        Style::new().add_modifier(Modifier::BOLD),
    ))];
    if before.too_few || p.too_few {
        out.push(Line::from(Span::styled(
            "  A round with too few answers to show is not compared.",
            theme::dim(),
        )));
    } else {
        for (line, m) in compare::lines(moves)
            .into_iter()
            .zip(moves.iter().map(Some).chain(std::iter::repeat(None)))
        {
            let style = match m.map(Move::points) {
                Some(n) if n > 0 => theme::pass(),
                Some(n) if n < 0 => theme::fail(),
                _ => theme::dim(),
            };
            out.push(Line::from(Span::styled(format!("  {}", glyphs::visible(&line)), style)));
        }
    }
    out.push(Line::from(""));
    out
}

/// The screen's lines, before wrapping, for a body `room` columns wide;
/// with the round before and what moved since, when two are compared.
pub fn lines(p: &Pulse, before: Option<(&Pulse, &[Move])>, room: usize) -> Vec<Line<'static>> {
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
    }
    // What moved comes first when two rounds are compared: it is what
    // reading a second round is for.
    if let Some((b, moves)) = before {
        out.extend(moved(p, b, moves));
    }
    if !p.too_few {
        out.extend(grid(p, room));
        out.push(Line::from(""));
    }
    match before {
        Some(_) => {}
        None => {
            // The key as the key table binds it.
            let key = keymap::chord_named(&[Scope::Overlay], "Add").map_or("a".into(), |c| c.name());
            out.push(Line::from(Span::styled(
                format!("{key}: compare a later round (another survey export) with this one"),
                theme::dim(),
            )));
        }
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

pub fn draw(frame: &mut Frame, p: &Pulse, before: Option<(&Pulse, &[Move])>, area: Rect, scroll: usize) {
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
    let all = lines(p, before, body.width as usize);
    let max = all.len().saturating_sub(body.height as usize);
    let shown: Vec<Line> = all.into_iter().skip(scroll.min(max)).collect();
    frame.render_widget(Paragraph::new(shown).wrap(Wrap { trim: false }), body);
}
