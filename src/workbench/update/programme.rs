//! The programme screen: opening it reads the set as a comms plan (from
//! the reviews the workbench already holds); the arrows move over the
//! coverage grid; Enter lists the messages behind a cell, and Enter again
//! opens the selected one in the list (clearing a filter that hides it).

use super::prompt::save;
use crate::workbench::action::{Action, Effect};
use crate::workbench::state::{App, Focus, Mode, ProgrammeView};

/// `p`: read the programme as of the workbench's day and show it.
pub(super) fn open(app: &mut App) {
    let programme = app.programme();
    app.mode = Mode::Programme(Box::new(ProgrammeView {
        programme,
        row: 0,
        col: 0,
        listing: None,
    }));
}

pub(super) fn action(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Mode::Programme(view) = &mut app.mode else { return };
    let rows = view.programme.segments.len();
    let cols = view.programme.pillars.len();
    match (action, view.listing) {
        (Action::Save, _) => save(app, fx),
        (Action::Cancel, Some(_)) => view.listing = None,
        (Action::Cancel, None) => app.mode = Mode::Normal,
        (Action::Up, Some(i)) => view.listing = Some(i.saturating_sub(1)),
        (Action::Down, Some(i)) => view.listing = Some((i + 1).min(view.cell().len().saturating_sub(1))),
        (Action::Up, None) => view.row = view.row.saturating_sub(1),
        (Action::Down, None) => view.row = (view.row + 1).min(rows.saturating_sub(1)),
        (Action::Left, None) => view.col = view.col.saturating_sub(1),
        (Action::Right, None) => view.col = (view.col + 1).min(cols.saturating_sub(1)),
        (Action::Top, None) => view.row = 0,
        (Action::Bottom, None) => view.row = rows.saturating_sub(1),
        (Action::Confirm, None) if !view.cell().is_empty() => view.listing = Some(0),
        (Action::Confirm, Some(i)) => {
            let Some(&message) = view.cell().get(i) else { return };
            jump(app, message);
        }
        _ => {}
    }
}

/// Select message `index` in the list, with the list's keyboard.
fn jump(app: &mut App, index: usize) {
    app.mode = Mode::Normal;
    if !app.visible.contains(&index) {
        app.filter.clear();
        app.refilter();
    }
    app.selected = Some(index);
    app.focus = Focus::List;
    app.finding = 0;
    app.text_scroll = 0;
}
