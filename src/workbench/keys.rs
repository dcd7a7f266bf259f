//! The key map: which terminal event means which action, in each mode.
//! The help screen lists the same keys (see `view::help`).

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui_textarea::Input;

use super::action::Action;
use super::state::{App, Mode, Prompt};

/// The action for `event` in the app's current mode, if any.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => key_action(app, *k),
        Event::Paste(s) => Some(Action::Paste(s.clone())),
        Event::Mouse(m) => mouse_action(*m),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

fn mouse_action(m: MouseEvent) -> Option<Action> {
    let (column, row) = (m.column, m.row);
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        MouseEventKind::ScrollDown => Some(Action::Scroll {
            down: true,
            column,
            row,
        }),
        MouseEventKind::ScrollUp => Some(Action::Scroll {
            down: false,
            column,
            row,
        }),
        _ => None,
    }
}

fn ctrl(k: &KeyEvent, c: char) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char(c)
}

/// Keys while typing text: Esc and Enter (for one-line inputs) and Ctrl-S
/// are ours, the rest goes to the input.
fn typing(k: KeyEvent, one_line: bool) -> Action {
    if ctrl(&k, 's') {
        return Action::Save;
    }
    match k.code {
        KeyCode::Esc => Action::Cancel,
        KeyCode::Enter if one_line => Action::Confirm,
        _ => Action::Type(Input::from(k)),
    }
}

fn key_action(app: &App, k: KeyEvent) -> Option<Action> {
    if let Some(p) = &app.prompt {
        return Some(match p {
            Prompt::SaveAs(_) => typing(k, true),
            _ => match k.code {
                KeyCode::Esc => Action::Cancel,
                KeyCode::Char(c) if !k.modifiers.contains(KeyModifiers::CONTROL) => {
                    Action::Choose(c.to_ascii_lowercase())
                }
                _ if ctrl(&k, 's') => Action::Save,
                _ => return None,
            },
        });
    }
    match &app.mode {
        Mode::Editing(_) => Some(typing(k, false)),
        Mode::Filter { .. } => Some(typing(k, true)),
        Mode::Form(f) if f.input.is_some() => Some(typing(k, true)),
        Mode::Form(_) => form_key(k),
        Mode::Help { .. } | Mode::Explain { .. } => help_key(k),
        Mode::Normal => normal_key(k),
    }
}

fn moves(k: &KeyEvent) -> Option<Action> {
    Some(match k.code {
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Action::Top,
        KeyCode::End | KeyCode::Char('G') => Action::Bottom,
        _ => return None,
    })
}

fn normal_key(k: KeyEvent) -> Option<Action> {
    if ctrl(&k, 's') {
        return Some(Action::Save);
    }
    if ctrl(&k, 'c') {
        return Some(Action::Quit);
    }
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        return None;
    }
    if let Some(a) = moves(&k) {
        return Some(a);
    }
    Some(match k.code {
        KeyCode::Tab => Action::FocusNext,
        KeyCode::BackTab => Action::FocusPrev,
        KeyCode::Enter | KeyCode::Char('e') => Action::Edit,
        KeyCode::Esc => Action::Cancel,
        KeyCode::Char('f') => Action::EditFields,
        KeyCode::Char('s') => Action::EditStory,
        KeyCode::Char('w') => Action::SaveAs,
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Char('?') | KeyCode::F(1) => Action::Help,
        KeyCode::Char('x') => Action::Explain,
        KeyCode::Char('/') => Action::Filter,
        KeyCode::Char('n') => Action::NextProblem,
        KeyCode::Char('N') => Action::PrevProblem,
        KeyCode::Char('a') => Action::Add,
        KeyCode::Char('y') => Action::Duplicate,
        KeyCode::Char('D') | KeyCode::Delete => Action::Delete,
        KeyCode::Char('u') => Action::Undo,
        KeyCode::Char('J') => Action::MoveDown,
        KeyCode::Char('K') => Action::MoveUp,
        _ => return None,
    })
}

fn form_key(k: KeyEvent) -> Option<Action> {
    if ctrl(&k, 's') {
        return Some(Action::Save);
    }
    if let Some(a) = moves(&k) {
        return Some(a);
    }
    Some(match k.code {
        KeyCode::Tab => Action::Down,
        KeyCode::BackTab => Action::Up,
        KeyCode::Enter | KeyCode::Char('e') => Action::Edit,
        KeyCode::Esc | KeyCode::Char('q') => Action::Cancel,
        KeyCode::Char('a') => Action::Add,
        KeyCode::Char('D') => Action::Delete,
        KeyCode::Char('u') => Action::Undo,
        _ => return None,
    })
}

fn help_key(k: KeyEvent) -> Option<Action> {
    if ctrl(&k, 's') {
        return Some(Action::Save);
    }
    if let Some(a) = moves(&k) {
        return Some(a);
    }
    match k.code {
        KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('?') | KeyCode::Char('x') | KeyCode::Enter => {
            Some(Action::Cancel)
        }
        _ => None,
    }
}
