//! Which terminal event means which action, in each mode: the keys as
//! `keymap` declares them, the mouse, pastes and resizes.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui_textarea::Input;

use super::action::Action;
use super::keymap::{self, Scope};
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

/// Keys while typing text: Esc and Enter (for one-line inputs) and Ctrl-S
/// are ours, the rest goes to the input.
fn typing(k: KeyEvent, one_line: bool) -> Action {
    let scopes: &[Scope] = if one_line {
        &[Scope::Typing, Scope::OneLine]
    } else {
        &[Scope::Typing]
    };
    keymap::lookup(scopes, &k, true).unwrap_or_else(|| Action::Type(Input::from(k)))
}

fn key_action(app: &App, k: KeyEvent) -> Option<Action> {
    if let Some(p) = &app.prompt {
        if let Prompt::SaveAs(_) | Prompt::PulsePath(_) = p {
            return Some(typing(k, true));
        }
        // Any letter answers; the prompt lists the ones that mean something.
        return keymap::lookup(&[Scope::AnyPrompt], &k, true).or(match k.code {
            KeyCode::Char(c) if !k.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Action::Choose(c.to_ascii_lowercase()))
            }
            _ => None,
        });
    }
    match &app.mode {
        Mode::Editing(_) => Some(typing(k, false)),
        Mode::Filter { .. } => Some(typing(k, true)),
        Mode::Form(f) if f.input.is_some() => Some(typing(k, true)),
        Mode::Form(_) => keymap::lookup(&[Scope::Form], &k, true),
        Mode::Help { .. } | Mode::Explain { .. } | Mode::Pulse { .. } => keymap::lookup(&[Scope::Overlay], &k, true),
        Mode::Programme(_) => keymap::lookup(&[Scope::Programme], &k, true),
        // Ctrl with any other key means nothing here.
        Mode::Normal => keymap::lookup(&[Scope::Normal], &k, false),
    }
}
