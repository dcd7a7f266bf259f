//! The status line: the file, whether it has unsaved changes, the latest
//! notice or error, and the keys that matter in the current mode. While
//! filtering it is the filter's input line.

use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::theme;
use ratatui_textarea::{Input, Key};

use crate::workbench::action::Action;
use crate::workbench::form::Target;
use crate::workbench::glyphs;
use crate::workbench::keymap::{self, Ask, Scope};
use crate::workbench::state::{App, Focus, Mode, Prompt};

/// A hint: the keys the table binds to `actions` where `scope` counts
/// (their first chords, written together: `↑↓`), then what they do here.
/// No actions: the words alone.
type Hint = (Scope, &'static [Action], &'static str);

const PROMPT: &[Hint] = &[
    (Scope::AnyPrompt, &[], "answer above"),
    (Scope::AnyPrompt, &[Action::Cancel], "cancel"),
];
const RESTORE: &[Hint] = &[
    (Scope::Prompt(Ask::Restore), &[Action::Choose('r')], "restore"),
    (Scope::Prompt(Ask::Restore), &[Action::Choose('d')], "discard"),
    (Scope::Prompt(Ask::Restore), &[Action::Cancel], "keep for later"),
];
const EDITING: &[Hint] = &[
    (Scope::Typing, &[Action::Cancel], "done"),
    (Scope::Editing, &[UNDO], "undo"),
    (Scope::Editing, &[REDO], "redo"),
    (Scope::Typing, &[Action::Save], "save"),
];
const OVERLAY: &[Hint] = &[
    (Scope::Overlay, &[Action::Up, Action::Down], "scroll"),
    (Scope::Overlay, &[Action::Cancel], "close"),
];
const FILTER: &[Hint] = &[
    (Scope::OneLine, &[Action::Confirm], "keep"),
    (Scope::Typing, &[Action::Cancel], "clear"),
];
const FIELD: &[Hint] = &[
    (Scope::OneLine, &[Action::Confirm], "apply"),
    (Scope::Typing, &[Action::Cancel], "cancel"),
    (Scope::Typing, &[Action::Save], "save"),
];
const STORY_FORM: &[Hint] = &[
    (Scope::Form, &[Action::Up, Action::Down], "field"),
    (Scope::Form, &[Action::Edit], "edit"),
    (Scope::Form, &[Action::Add], "add pillar"),
    (Scope::Form, &[Action::Delete], "delete pillar"),
    (Scope::Form, &[Action::Cancel], "close"),
];
const FORM: &[Hint] = &[
    (Scope::Form, &[Action::Up, Action::Down], "field"),
    (Scope::Form, &[Action::Edit], "edit"),
    (Scope::Form, &[Action::Cancel], "close"),
    (Scope::Form, &[Action::Save], "save"),
];
// Only reading is possible: offer no key that would be refused.
const READ_ONLY: &[Hint] = &[
    (Scope::Normal, &[], "read-only"),
    (Scope::Normal, &[Action::Help], "help"),
    (Scope::Normal, &[Action::Quit], "quit"),
    (Scope::Normal, &[Action::Up, Action::Down], "move"),
    (Scope::Normal, &[Action::FocusNext], "pane"),
    (Scope::Normal, &[Action::Filter], "filter"),
    (Scope::Normal, &[Action::Explain], "why"),
    (Scope::Normal, &[Action::EditStory], "story"),
];
/// What every pane starts with.
const PANE: [Hint; 4] = [
    (Scope::Normal, &[Action::Help], "help"),
    (Scope::Normal, &[Action::Edit], "edit"),
    (Scope::Normal, &[Action::Save], "save"),
    (Scope::Normal, &[Action::Quit], "quit"),
];
const LIST: &[Hint] = &[
    (Scope::Normal, &[Action::Up, Action::Down], "move"),
    (Scope::Normal, &[Action::FocusNext], "pane"),
    (Scope::Normal, &[Action::EditFields], "details"),
    (Scope::Normal, &[Action::EditStory], "story"),
    (Scope::Normal, &[Action::Filter], "filter"),
    (Scope::Normal, &[Action::NextProblem], "next problem"),
];
const SCROLLING: &[Hint] = &[
    (Scope::Normal, &[Action::Up, Action::Down], "scroll"),
    (Scope::Normal, &[Action::FocusNext], "pane"),
];
const FINDINGS: &[Hint] = &[
    (Scope::Normal, &[Action::Up, Action::Down], "finding"),
    (Scope::Normal, &[Action::FocusNext], "pane"),
];
const STORY_PANE: [Hint; 4] = [
    PANE[0],
    (Scope::Normal, &[Action::Edit], "edit story"),
    PANE[2],
    PANE[3],
];

const UNDO: Action = Action::Type(Input {
    key: Key::Char('z'),
    ctrl: true,
    alt: false,
    shift: false,
});
const REDO: Action = Action::Type(Input {
    key: Key::Char('y'),
    ctrl: true,
    alt: false,
    shift: false,
});

fn line(groups: &[&[Hint]]) -> String {
    groups
        .iter()
        .flat_map(|g| g.iter())
        .map(|(scope, actions, what)| {
            let keys: String = actions
                .iter()
                .filter_map(|a| keymap::chord_for(*scope, a))
                .map(|c| c.name())
                .collect();
            if keys.is_empty() {
                what.to_string()
            } else {
                format!("{keys} {what}")
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The keys worth showing now (every key is in the help).
pub fn hints(app: &App) -> String {
    if let Some(Prompt::Restore(_)) = app.prompt {
        return line(&[RESTORE]);
    }
    if app.prompt.is_some() {
        return line(&[PROMPT]);
    }
    line(&match &app.mode {
        Mode::Editing(_) => vec![EDITING],
        Mode::Help { .. } | Mode::Explain { .. } => vec![OVERLAY],
        Mode::Filter { .. } => vec![FILTER],
        Mode::Form(f) if f.input.is_some() => vec![FIELD],
        Mode::Form(f) if f.target == Target::Story => vec![STORY_FORM],
        Mode::Form(_) => vec![FORM],
        Mode::Normal if app.read_only.is_some() => vec![READ_ONLY],
        Mode::Normal => match app.focus {
            Focus::List => vec![&PANE, LIST],
            Focus::Message => vec![&PANE, SCROLLING],
            Focus::Findings => vec![&PANE, FINDINGS],
            Focus::Story => vec![&STORY_PANE, SCROLLING],
        },
    })
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let width = area.width as usize;
    let name = glyphs::truncate(&app.file_name(), (width / 3).max(8));
    let mut spans = vec![Span::styled(format!(" {name}"), theme::label())];
    if app.dirty {
        spans.push(Span::styled(" [+]", theme::waived()));
    }
    if app.read_only.is_some() {
        // Open in another session: said on every frame, not just once.
        spans.push(Span::styled(" [read-only]", theme::error()));
    }
    spans.push(Span::styled(" │ ", theme::dim()));
    let mut used: usize = spans.iter().map(|s| s.width()).sum();

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

    if let Some(n) = &app.notice {
        let style = if n.error { theme::error() } else { Style::new() };
        let t = glyphs::truncate(&n.text, width.saturating_sub(used));
        used += glyphs::width(&t);
        spans.push(Span::styled(t, style));
        spans.push(Span::raw("  "));
        used += 2;
    }
    let keys = glyphs::truncate(&hints(app), width.saturating_sub(used));
    spans.push(Span::styled(keys, theme::dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hints as the status line showed them before the key table: the
    /// table must give the same words.
    #[test]
    fn the_table_gives_every_hint_its_words() {
        let cases: [(&[&[Hint]], &str); 13] = [
            (&[RESTORE], "r restore · d discard · Esc keep for later"),
            (&[PROMPT], "answer above · Esc cancel"),
            (&[EDITING], "Esc done · ^Z undo · ^Y redo · ^S save"),
            (&[OVERLAY], "↑↓ scroll · Esc close"),
            (&[FILTER], "Enter keep · Esc clear"),
            (&[FIELD], "Enter apply · Esc cancel · ^S save"),
            (
                &[STORY_FORM],
                "↑↓ field · Enter edit · a add pillar · D delete pillar · Esc close",
            ),
            (&[FORM], "↑↓ field · Enter edit · Esc close · ^S save"),
            (
                &[READ_ONLY],
                "read-only · ? help · q quit · ↑↓ move · Tab pane · / filter · x why · s story",
            ),
            (
                &[&PANE, LIST],
                "? help · e edit · ^S save · q quit · ↑↓ move · Tab pane · f details · s story · / filter · n next problem",
            ),
            (&[&PANE, SCROLLING], "? help · e edit · ^S save · q quit · ↑↓ scroll · Tab pane"),
            (&[&PANE, FINDINGS], "? help · e edit · ^S save · q quit · ↑↓ finding · Tab pane"),
            (
                &[&STORY_PANE, SCROLLING],
                "? help · e edit story · ^S save · q quit · ↑↓ scroll · Tab pane",
            ),
        ];
        for (groups, shown) in cases {
            assert_eq!(line(groups), shown);
        }
    }
}
