//! The status line: the file, whether it has unsaved changes, the latest
//! notice or error, and the keys that matter in the current mode. While
//! filtering it is the filter's input line.

use std::sync::OnceLock;

use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::theme;
use crate::workbench::form::Target;
use crate::workbench::glyphs;
use crate::workbench::keymap::{self, Ask, Scope};
use crate::workbench::state::status::Part;
use crate::workbench::state::{App, Focus, Mode, Prompt};

/// A status line's hints: `{X}` stands for the key the table binds, where
/// the scopes count, to the action `X` (as `Debug` writes it), or for the
/// key `X` itself once the table is seen to bind it there; the rest is
/// said as written. Worked out once, on first use.
struct Hints {
    scopes: &'static [Scope],
    text: &'static str,
    said: OnceLock<String>,
}

static RESTORE: Hints = Hints::new(
    &[Scope::Prompt(Ask::Restore)],
    "{Choose('r')} restore · {Choose('d')} discard · {Cancel} keep for later",
);
static PROMPT: Hints = Hints::new(&[Scope::AnyPrompt], "answer above · {Cancel} cancel");
static EDITING: Hints = Hints::new(
    &[Scope::Typing, Scope::Editing],
    "{Cancel} done · {^Z} undo · {^Y} redo · {Save} save",
);
static OVERLAY: Hints = Hints::new(&[Scope::Overlay], "{Up}{Down} scroll · {Cancel} close");
static PULSE: Hints = Hints::new(&[Scope::Overlay], "{Add} compare");
static PROGRAMME: Hints = Hints::new(
    &[Scope::Programme],
    "{Up}{Down}{Left}{Right} cell · {Confirm} its messages · {Cancel} close",
);
static PROGRAMME_LIST: Hints = Hints::new(
    &[Scope::Programme],
    "{Up}{Down} message · {Confirm} open it · {Cancel} back",
);
static FILTER: Hints = Hints::new(&[Scope::Typing, Scope::OneLine], "{Confirm} keep · {Cancel} clear");
static FIELD: Hints = Hints::new(
    &[Scope::Typing, Scope::OneLine],
    "{Confirm} apply · {Cancel} cancel · {Save} save",
);
static STORY_FORM: Hints = Hints::new(
    &[Scope::Form],
    "{Up}{Down} field · {Edit} edit · {Add} add pillar · {Delete} delete pillar · {Cancel} close",
);
static FORM: Hints = Hints::new(
    &[Scope::Form],
    "{Up}{Down} field · {Edit} edit · {Cancel} close · {Save} save",
);
// Only reading is possible: offer no key that would be refused.
static READ_ONLY: Hints = Hints::new(
    &[Scope::Normal],
    "read-only · {Help} help · {Quit} quit · {Up}{Down} move · {FocusNext} pane · {Filter} filter · {Explain} why · {EditStory} story",
);
/// What the panes start with.
static PANE: Hints = Hints::new(
    &[Scope::Normal],
    "{Help} help · {Edit} edit · {Save} save · {Quit} quit",
);
static STORY_PANE: Hints = Hints::new(
    &[Scope::Normal],
    "{Help} help · {Edit} edit story · {Save} save · {Quit} quit",
);
static LIST: Hints = Hints::new(
    &[Scope::Normal],
    "{Up}{Down} move · {FocusNext} pane · {EditFields} details · {EditStory} story · {Filter} filter · {NextProblem} next problem",
);
static SCROLLING: Hints = Hints::new(&[Scope::Normal], "{Up}{Down} scroll · {FocusNext} pane");
static FINDINGS: Hints = Hints::new(&[Scope::Normal], "{Up}{Down} finding · {FocusNext} pane");

impl Hints {
    const fn new(scopes: &'static [Scope], text: &'static str) -> Hints {
        Hints {
            scopes,
            text,
            said: OnceLock::new(),
        }
    }

    fn said(&self) -> &str {
        self.said.get_or_init(|| self.resolve())
    }

    fn resolve(&self) -> String {
        let mut out = String::new();
        let mut rest = self.text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
            let name = &rest[open + 1..close];
            match keymap::chord_named(self.scopes, name) {
                Some(chord) => out.push_str(&chord.name()),
                None => out.push_str(name),
            }
            rest = rest.get(close + 1..).unwrap_or("");
        }
        out.push_str(rest);
        out
    }
}

fn line(groups: &[&Hints]) -> String {
    groups.iter().map(|h| h.said()).collect::<Vec<_>>().join(" · ")
}

/// The keys worth showing now (every key is in the help).
pub fn hints(app: &App) -> String {
    if let Some(Prompt::Restore(_)) = app.prompt {
        return line(&[&RESTORE]);
    }
    if app.prompt.is_some() {
        return line(&[&PROMPT]);
    }
    line(&match &app.mode {
        Mode::Editing(_) => vec![&EDITING],
        Mode::Help { .. } | Mode::Explain { .. } => vec![&OVERLAY],
        Mode::Pulse { .. } => vec![&OVERLAY, &PULSE],
        Mode::Programme(v) if v.listing.is_some() => vec![&PROGRAMME_LIST],
        Mode::Programme(_) => vec![&PROGRAMME],
        Mode::Filter { .. } => vec![&FILTER],
        Mode::Form(f) if f.input.is_some() => vec![&FIELD],
        Mode::Form(f) if f.target == Target::Story => vec![&STORY_FORM],
        Mode::Form(_) => vec![&FORM],
        Mode::Normal if app.read_only.is_some() => vec![&READ_ONLY],
        Mode::Normal => match app.focus {
            Focus::List => vec![&PANE, &LIST],
            Focus::Message => vec![&PANE, &SCROLLING],
            Focus::Findings => vec![&PANE, &FINDINGS],
            Focus::Story => vec![&STORY_PANE, &SCROLLING],
        },
    })
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let width = area.width as usize;
    let said = app.status_text(width);
    let mut spans: Vec<Span> = said
        .parts
        .iter()
        .map(|p| match p {
            Part::Name(s) => Span::styled(s.clone(), theme::label()),
            Part::Dirty => Span::styled(p.text().to_string(), theme::waived()),
            // Open in another session: said on every frame, not just once.
            Part::ReadOnly => Span::styled(p.text().to_string(), theme::error()),
            Part::Separator => Span::styled(p.text().to_string(), theme::dim()),
            Part::Filter(s) => Span::styled(s.clone(), theme::label()),
        })
        .collect();
    let mut used = said.used();

    if let Mode::Filter { input, .. } = &app.mode {
        let shown = glyphs::visible(&input.text);
        spans.push(Span::raw("/"));
        spans.push(Span::raw(glyphs::truncate(&shown, width.saturating_sub(used + 2))));
        let before: String = input.text.chars().take(input.cursor).collect();
        let x = (used + 1 + glyphs::width(&before)).min(width.saturating_sub(1));
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        frame.set_cursor_position(Position::new(area.x + x as u16, area.y));
        return;
    }

    // The notice, on as many rows as the layout gave it; the keys follow
    // on its last row, in whatever room is left.
    let style = match &app.notice {
        Some(n) if n.error => theme::error(),
        _ => Style::new(),
    };
    let mut lines = Vec::with_capacity(said.notice.len().max(1));
    for (i, row) in said.notice.iter().enumerate() {
        if i > 0 {
            lines.push(Line::from(std::mem::take(&mut spans)));
            spans.push(Span::raw(" "));
            used = 1;
        }
        spans.push(Span::styled(row.clone(), style));
        used += glyphs::width(row);
    }
    if !said.notice.is_empty() {
        spans.push(Span::raw("  "));
        used += 2;
    }
    let keys = glyphs::truncate(&hints(app), width.saturating_sub(used));
    spans.push(Span::styled(keys, theme::dim()));
    lines.push(Line::from(spans));
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hints as the status line showed them before the key table: the
    /// table must give the same words.
    #[test]
    fn the_table_gives_every_hint_its_words() {
        let cases: [(&[&Hints], &str); 13] = [
            (&[&RESTORE], "r restore · d discard · Esc keep for later"),
            (&[&PROMPT], "answer above · Esc cancel"),
            (&[&EDITING], "Esc done · ^Z undo · ^Y redo · ^S save"),
            (&[&OVERLAY], "↑↓ scroll · Esc close"),
            (&[&FILTER], "Enter keep · Esc clear"),
            (&[&FIELD], "Enter apply · Esc cancel · ^S save"),
            (
                &[&STORY_FORM],
                "↑↓ field · Enter edit · a add pillar · D delete pillar · Esc close",
            ),
            (&[&FORM], "↑↓ field · Enter edit · Esc close · ^S save"),
            (
                &[&READ_ONLY],
                "read-only · ? help · q quit · ↑↓ move · Tab pane · / filter · x why · s story",
            ),
            (
                &[&PANE, &LIST],
                "? help · e edit · ^S save · q quit · ↑↓ move · Tab pane · f details · s story · / filter · n next problem",
            ),
            (&[&PANE, &SCROLLING], "? help · e edit · ^S save · q quit · ↑↓ scroll · Tab pane"),
            (&[&PANE, &FINDINGS], "? help · e edit · ^S save · q quit · ↑↓ finding · Tab pane"),
            (
                &[&STORY_PANE, &SCROLLING],
                "? help · e edit story · ^S save · q quit · ↑↓ scroll · Tab pane",
            ),
        ];
        for (groups, shown) in cases {
            assert_eq!(line(groups), shown);
        }
    }
}
