//! Carrying out actions: `update(app, action)` changes the model and nothing
//! else. What must touch the world (saving, reloading, the journal, the last
//! path, quitting) it returns as effects for the event loop to carry out;
//! what came of them returns here as actions (`Saved`, `ChangedOnDisk`…).
//! Every path that could drop an edit asks first.
//!
//! Holds one file per mode: `browse` (the panes), `edit` (a message's text),
//! `form` (the field editor), `programme` (the programme screen), `overlay` (help, explain, filter) and `prompt`
//! (the questions, saving, and the outcomes of effects), plus `history`
//! (changes to the set and the one history `u` takes back). May import the
//! core and the workbench's model and plain-data modules; never `effects`,
//! `journal`, `files` or `lock`, which do I/O.

mod browse;
mod edit;
mod form;
mod history;
mod overlay;
mod programme;
mod prompt;

use super::action::{Action, Effect};
use super::state::{App, Focus, Mode, Notice};

/// Apply `action` to the app; returns what the event loop is to do.
#[must_use = "the effects must be carried out (effects::Runtime does)"]
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    // The journal caught up: nothing on screen changes. It also arrives
    // while chorus saves the edits after a bug, so it records the revision
    // and does nothing more (no layout, no scoring) that could fail again.
    if let Action::Journaled(revision) = action {
        app.journaled = revision;
        return vec![];
    }
    let mut fx = vec![];
    apply(app, action, &mut fx);
    // The selected message is on screen: score it now if a large set is
    // still being scored in the background.
    if let Some(i) = app.selected {
        app.ensure_scored(i);
    }
    fx
}

fn apply(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    match action {
        Action::Resize(w, h) => app.size = (w, h),
        Action::Tick => {
            if app.summary_stale {
                app.refresh_summary();
            }
        }
        // What came of an effect: no news is retired for it.
        action if action.is_outcome() => prompt::outcome(app, action, fx),
        action => {
            // A new action retires the last piece of news; errors stay until
            // replaced, so a failed save is not missed.
            if matches!(app.notice, Some(Notice { error: false, .. })) {
                app.notice = None;
            }
            if app.prompt.is_some() {
                prompt::answer(app, action, fx);
            } else if changes_the_set(app, &action) && app.refuse_if_read_only() {
                // Another session has the set: said in the status line.
            } else {
                match app.mode {
                    Mode::Normal => browse::action(app, action, fx),
                    Mode::Editing(_) => edit::action(app, action, fx),
                    Mode::Help { .. } | Mode::Explain { .. } | Mode::Pulse { .. } => {
                        overlay::scrolling(app, action, fx)
                    }
                    Mode::Filter { .. } => overlay::filter(app, action, fx),
                    Mode::Form(_) => form::action(app, action, fx),
                    Mode::Programme(_) => programme::action(app, action, fx),
                }
            }
        }
    }
    app.settle();
}

/// Whether `action`, in the current mode, would edit or save the set (what
/// a read-only session refuses; looking around, filtering and opening the
/// field editor to read stay possible).
fn changes_the_set(app: &App, action: &Action) -> bool {
    if matches!(action, Action::Save | Action::SaveAs) {
        return true;
    }
    match &app.mode {
        Mode::Normal => match action {
            Action::Edit => app.focus != Focus::Story,
            Action::Add | Action::Duplicate | Action::Delete | Action::Undo | Action::MoveDown | Action::MoveUp => true,
            _ => false,
        },
        // Not reachable read-only; should it be, Esc still leaves.
        Mode::Editing(_) => *action != Action::Cancel,
        Mode::Form(f) if f.input.is_some() => *action != Action::Cancel,
        Mode::Form(_) => matches!(action, Action::Edit | Action::Add | Action::Delete | Action::Undo),
        Mode::Help { .. } | Mode::Explain { .. } | Mode::Filter { .. } | Mode::Programme(_) | Mode::Pulse { .. } => {
            false
        }
    }
}
