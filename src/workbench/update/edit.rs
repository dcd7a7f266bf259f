//! Editing the selected message's text in place: typing, pasting, the
//! text area's own undo (^Z ^Y), and Up/Down by wrapped rows as drawn. One
//! editing session is one change in the history.

use ratatui_textarea::{CursorMove, Input, Key, TextArea};

use super::prompt::save;
use crate::workbench::action::{Action, Effect};
use crate::workbench::glyphs;
use crate::workbench::state::{App, Change, Editor, Focus, Mode};

/// Edit the selected message's text, the cursor after its last word.
pub(super) fn start_editing(app: &mut App) {
    let Some(i) = app.selected else {
        app.info("No message selected: a adds one");
        return;
    };
    let lines: Vec<String> = app.set.internal[i].text.split('\n').map(String::from).collect();
    let mut textarea = TextArea::new(lines);
    // Start where a writer usually continues: after the last word.
    textarea.move_cursor(CursorMove::Bottom);
    textarea.move_cursor(CursorMove::End);
    textarea.set_max_histories(200);
    let before = app.set.internal[i].clone();
    app.mode = Mode::Editing(Box::new(Editor {
        before,
        index: i,
        textarea,
        return_focus: app.focus,
    }));
    app.focus = Focus::Message;
}

/// Leave the editor: its whole session goes into the history as one change.
fn stop_editing(app: &mut App) {
    if let Mode::Editing(e) = std::mem::replace(&mut app.mode, Mode::Normal) {
        app.focus = e.return_focus;
        // One editing session is one change for `u`.
        if app.set.internal.get(e.index).is_some_and(|m| m.text != e.before.text) {
            app.undo.push(Change::Edited {
                index: e.index,
                before: e.before,
            });
        }
    }
    if app.summary_stale {
        app.refresh_summary();
    }
}

/// An action while the text is being edited.
pub(super) fn action(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let width = app.panes().map(|p| p.text_width()).unwrap_or(40);
    let Mode::Editing(e) = &mut app.mode else {
        return;
    };
    let modified = match action {
        Action::Cancel => {
            stop_editing(app);
            return;
        }
        Action::Save => {
            save(app, fx);
            return;
        }
        Action::Paste(s) => {
            // Terminals send line breaks in pastes as \r or \r\n.
            let s = s.replace("\r\n", "\n").replace('\r', "\n");
            e.textarea.insert_str(s)
        }
        Action::Type(input) => match input {
            Input {
                key: Key::Char('z'),
                ctrl: true,
                ..
            } => e.textarea.undo(),
            Input {
                key: Key::Char('y'),
                ctrl: true,
                ..
            } => e.textarea.redo(),
            Input {
                key: Key::Up,
                ctrl: false,
                alt: false,
                ..
            } => {
                move_vertically(e, width, false);
                false
            }
            Input {
                key: Key::Down,
                ctrl: false,
                alt: false,
                ..
            } => {
                move_vertically(e, width, true);
                false
            }
            // Tabs would only show as → in a message; keep Tab harmless.
            Input { key: Key::Tab, .. } => false,
            input => e.textarea.input(input),
        },
        _ => false,
    };
    if modified {
        let i = e.index;
        let text = e.text();
        app.set.internal[i].text = text;
        app.rescore_edit(i);
        app.mark_dirty();
    }
}

/// Up and Down move between wrapped rows as drawn, not between lines of
/// the text (a message is often one long line).
fn move_vertically(e: &mut Editor, width: usize, down: bool) {
    let text = e.text();
    let glyphs = glyphs::glyphs(&text);
    let rows = glyphs::wrap(&glyphs, width);
    let (row, col) = glyphs::locate(&glyphs, &rows, e.cursor_offset(), width + 1);
    let target = if down {
        if row + 1 >= rows.len() {
            e.textarea.move_cursor(CursorMove::Bottom);
            e.textarea.move_cursor(CursorMove::End);
            return;
        }
        row + 1
    } else {
        if row == 0 {
            e.textarea.move_cursor(CursorMove::Top);
            e.textarea.move_cursor(CursorMove::Head);
            return;
        }
        row - 1
    };
    let offset = glyphs::offset_at(&glyphs, &rows, target, col);
    // Char offset to (line, column) of the textarea.
    let mut rest = offset;
    for (line, l) in e.textarea.lines().iter().enumerate() {
        let n = l.chars().count();
        if rest <= n {
            let line = u16::try_from(line).unwrap_or(u16::MAX);
            let col = u16::try_from(rest).unwrap_or(u16::MAX);
            e.textarea.move_cursor(CursorMove::Jump(line, col));
            return;
        }
        rest -= n + 1;
    }
}
