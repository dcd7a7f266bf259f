//! The overlays: help, explain and the pulse (scrolled, closed with Esc;
//! on the pulse screen `a` reads a later round to compare) and the filter
//! being typed (the list follows every key; Esc puts back the one before).

use super::prompt::save;
use crate::workbench::action::{Action, Effect};
use crate::workbench::state::{App, Mode};

/// An action in help or explain: scroll, save, or close.
pub(super) fn scrolling(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let (Mode::Help { scroll } | Mode::Explain { scroll } | Mode::Pulse { scroll }) = &mut app.mode else {
        return;
    };
    match action {
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll += 1,
        Action::PageUp => *scroll = scroll.saturating_sub(10),
        Action::PageDown => *scroll += 10,
        Action::Top => *scroll = 0,
        Action::Save => save(app, fx),
        Action::Cancel => app.mode = Mode::Normal,
        // On the pulse screen: ask for a later round to compare.
        Action::Add if matches!(app.mode, Mode::Pulse { .. }) => super::prompt::open_pulse_path(app),
        _ => {}
    }
}

/// An action while the filter is typed.
pub(super) fn filter(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Mode::Filter { input, before } = &mut app.mode else {
        return;
    };
    match action {
        Action::Type(k) => {
            input.input(k);
        }
        Action::Paste(s) => input.insert_str(&s),
        Action::Confirm => {
            app.mode = Mode::Normal;
            if !app.filter.is_empty() {
                let msg = format!(
                    "{} of {} messages match (Esc clears)",
                    app.visible.len(),
                    app.set.internal.len()
                );
                app.info(msg);
            }
            return;
        }
        Action::Cancel => {
            app.filter = std::mem::take(before);
            app.mode = Mode::Normal;
            app.refilter();
            return;
        }
        Action::Save => {
            save(app, fx);
            return;
        }
        _ => return,
    }
    // The list follows every key typed.
    app.filter = input.text.clone();
    app.refilter();
}
