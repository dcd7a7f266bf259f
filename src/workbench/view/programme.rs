//! The programme screen: the coverage grid (segments × pillars, the
//! selected cell marked), each segment's channel mix and when it last heard
//! from us and what is planned, who sends the messages, and the findings
//! across messages; with a cell's messages listed once Enter asks for them.

use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::{pane, theme};
use crate::workbench::glyphs;
use crate::workbench::layout::inner;
use crate::workbench::state::{App, ProgrammeView};

pub fn draw(frame: &mut Frame, app: &App, view: &ProgrammeView, area: Rect) {
    // Everything but the status line, which keeps saying the keys.
    let area = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    let p = &view.programme;
    // A large set is still being scored when the screen may first open:
    // say the counts were read before every message was.
    let partial = if app.scoring { " · read while scoring" } else { "" };
    let title = format!(
        " Programme · {} · as of {}{partial} · Esc closes ",
        glyphs::visible(&app.path.display().to_string()),
        p.today
    );
    frame.render_widget(Clear, area);
    frame.render_widget(
        pane(glyphs::truncate(&title, area.width as usize - 2), theme::border(true)),
        area,
    );
    let body = inner(area);
    let width = body.width as usize;
    let seg_w = p
        .segments
        .iter()
        .map(|s| glyphs::width(s))
        .max()
        .unwrap_or(7)
        .clamp(7, 16);
    let mut lines: Vec<Line> = Vec::new();
    let heading = |s: &str| Line::from(Span::styled(s.to_string(), theme::label()));

    lines.push(heading("COVERAGE  messages for each segment on each pillar"));
    if p.segments.is_empty() || p.pillars.is_empty() {
        lines.push(Line::styled("  The set names no segments or no pillars.", theme::dim()));
    } else {
        let col_w: Vec<usize> = p.pillars.iter().map(|id| glyphs::width(id).clamp(5, 12)).collect();
        let mut head = vec![Span::raw(format!("  {:seg_w$}", ""))];
        for (id, w) in p.pillars.iter().zip(&col_w) {
            head.push(Span::styled(
                format!(" {:>w$}", glyphs::truncate(&glyphs::visible(id), *w)),
                theme::dim(),
            ));
        }
        lines.push(Line::from(head));
        for (r, (segment, row)) in p.segments.iter().zip(&p.coverage).enumerate() {
            let name = glyphs::truncate(&glyphs::visible(segment), seg_w);
            let mut spans = vec![Span::raw(format!("  {name:seg_w$}"))];
            for (c, (cell, w)) in row.iter().zip(&col_w).enumerate() {
                let mut style = match cell.len() {
                    0 => theme::fail(),
                    1 => theme::waived(),
                    _ => theme::pass(),
                };
                if (r, c) == (view.row, view.col) {
                    style = style.add_modifier(Modifier::REVERSED);
                }
                spans.push(Span::raw(" "));
                spans.push(Span::styled(format!("{:>w$}", cell.len()), style));
            }
            lines.push(Line::from(spans));
        }
    }

    match view.listing {
        Some(selected) => cell_messages(&mut lines, app, view, selected, width),
        None => plan(&mut lines, view, seg_w, width),
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
}

/// Channels, timeline, messengers and findings.
fn plan(lines: &mut Vec<Line>, view: &ProgrammeView, seg_w: usize, width: usize) {
    let p = &view.programme;
    lines.push(Line::from(Span::styled(
        "CHANNELS · LAST HEARD · PLANNED".to_string(),
        theme::label(),
    )));
    for ((segment, mix), heard) in p.segments.iter().zip(&p.channels).zip(&p.timeline) {
        let last = heard.last.map_or("never".to_string(), |(d, _)| d.to_string());
        let next = heard.next.map_or("nothing".to_string(), |(d, _)| {
            format!("{d} ({} planned)", heard.planned)
        });
        let style = if mix.face_to_face == 0 && mix.digital > 0 {
            theme::fail()
        } else {
            Style::new()
        };
        let text = format!(
            "  {:seg_w$} face to face {} · digital {} · last {last} · next {next}",
            glyphs::truncate(&glyphs::visible(segment), seg_w),
            mix.face_to_face,
            mix.digital
        );
        lines.push(Line::styled(glyphs::truncate(&text, width), style));
    }
    let who: Vec<String> = p
        .messengers
        .iter()
        .map(|l| format!("{} {}", glyphs::visible(&l.messenger), l.total))
        .collect();
    let who = if who.is_empty() {
        "no message names its messenger".to_string()
    } else {
        who.join(" · ")
    };
    lines.push(Line::from(vec![
        Span::styled("MESSENGERS ".to_string(), theme::label()),
        Span::raw(glyphs::truncate(&who, width.saturating_sub(11))),
    ]));
    lines.push(Line::from(Span::styled(
        format!("FINDINGS ({})", p.findings.len()),
        theme::label(),
    )));
    if p.findings.is_empty() {
        lines.push(Line::styled("  Nothing across messages to look at.", theme::dim()));
    }
    for f in &p.findings {
        lines.push(Line::from(vec![
            Span::styled("  ! ".to_string(), theme::fail()),
            Span::raw(glyphs::visible(&f.message)),
        ]));
    }
}

/// The messages behind the selected cell, one of them selected.
fn cell_messages(lines: &mut Vec<Line>, app: &App, view: &ProgrammeView, selected: usize, width: usize) {
    let p = &view.programme;
    let (segment, pillar) = (&p.segments[view.row], &p.pillars[view.col]);
    lines.push(Line::from(Span::styled(
        glyphs::truncate(
            &glyphs::visible(&format!("MESSAGES for {segment} on {pillar} · Enter opens one")),
            width,
        ),
        theme::label(),
    )));
    for (k, &i) in view.cell().iter().enumerate() {
        let m = &app.set.internal[i];
        let title = m.title.as_deref().unwrap_or(&m.text);
        let text = format!(
            "{} {} · {}",
            if k == selected { "▸" } else { " " },
            glyphs::visible(&m.id),
            glyphs::visible(title)
        );
        let style = if k == selected {
            theme::selected_row(true)
        } else {
            Style::new()
        };
        lines.push(Line::styled(glyphs::truncate(&text, width), style));
    }
}
