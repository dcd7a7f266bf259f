//! Normal mode: moving about the panes, selecting with keys and the mouse,
//! and the keys that open the other modes or change the set (those changes
//! are made in `history`).

use ratatui::layout::Position;

use super::edit::start_editing;
use super::form::open_form;
use super::history;
use super::prompt::{open_save_as, save};
use crate::workbench::action::{Action, Effect};
use crate::workbench::form::Target;
use crate::workbench::input::LineInput;
use crate::workbench::layout;
use crate::workbench::state::{App, Focus, Mode, Prompt};

/// An action in normal mode.
pub(super) fn action(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    match action {
        Action::Up => step(app, -1),
        Action::Down => step(app, 1),
        Action::PageUp => step(app, -page(app)),
        Action::PageDown => step(app, page(app)),
        Action::Top => step(app, -(isize::MAX / 2)),
        Action::Bottom => step(app, isize::MAX / 2),
        Action::FocusNext => app.focus = app.focus.next(),
        Action::FocusPrev => app.focus = app.focus.prev(),
        Action::Edit if app.focus == Focus::Story => open_form(app, Target::Story),
        Action::Edit => start_editing(app),
        Action::EditFields => match app.selected {
            Some(i) => open_form(app, Target::Message(i)),
            None => app.info("No message selected: a adds one"),
        },
        Action::EditStory => open_form(app, Target::Story),
        Action::Save => save(app, fx),
        Action::SaveAs => open_save_as(app),
        Action::Quit => {
            if app.dirty {
                app.prompt = Some(Prompt::Unsaved);
            } else {
                fx.push(Effect::Quit);
            }
        }
        Action::Help => app.mode = Mode::Help { scroll: 0 },
        Action::Pulse if app.pulse.is_some() => app.mode = Mode::Pulse { scroll: 0 },
        Action::Pulse => super::prompt::open_pulse_path(app),
        Action::Explain if app.current_message().is_some() => app.mode = Mode::Explain { scroll: 0 },
        Action::Programme => super::programme::open(app),
        Action::Filter => {
            app.mode = Mode::Filter {
                input: LineInput::new(app.filter.clone()),
                before: app.filter.clone(),
            }
        }
        Action::NextProblem => next_problem(app, true),
        Action::PrevProblem => next_problem(app, false),
        Action::Add => {
            history::add(app);
            // A new message is there to be written.
            start_editing(app);
        }
        Action::Duplicate => history::duplicate(app),
        Action::Delete => history::delete(app),
        Action::Undo => history::undo(app),
        Action::MoveDown => history::move_message(app, true),
        Action::MoveUp => history::move_message(app, false),
        Action::Cancel => {
            if !app.filter.is_empty() {
                app.filter.clear();
                app.refilter();
                app.info("Filter cleared");
            } else {
                app.notice = None;
            }
        }
        Action::Click { column, row } => click(app, column, row),
        Action::Scroll { down, column, row } => {
            if let Some(f) = pane_at(app, column, row) {
                let old = app.focus;
                app.focus = f;
                step(app, if down { 1 } else { -1 });
                app.focus = old;
            }
        }
        _ => {}
    }
}

fn page(app: &App) -> isize {
    app.panes()
        .map(|p| p.list_rows().saturating_sub(1).max(1) as isize)
        .unwrap_or(10)
}

/// Move within the focused pane.
fn step(app: &mut App, by: isize) {
    match app.focus {
        Focus::List => {
            let Some(pos) = app.visible_pos() else {
                return;
            };
            let last = app.visible.len() as isize - 1;
            let to = (pos as isize).saturating_add(by).clamp(0, last.max(0)) as usize;
            select(app, app.visible[to]);
        }
        Focus::Message => app.text_scroll = add(app.text_scroll, by),
        Focus::Findings => app.finding = add(app.finding, by),
        Focus::Story => app.story_scroll = add(app.story_scroll, by),
    }

    fn add(v: usize, by: isize) -> usize {
        (v as isize).saturating_add(by).max(0) as usize
    }
}

/// Select message `i` of the set, starting its text and findings at the top.
pub(super) fn select(app: &mut App, i: usize) {
    // A message the filter hides stays unselected (an undo under a filter
    // that matches nothing): the selection is always one the list shows.
    if !app.visible.contains(&i) {
        return;
    }
    if app.selected != Some(i) {
        app.selected = Some(i);
        app.finding = 0;
        app.text_scroll = 0;
    }
}

fn next_problem(app: &mut App, forward: bool) {
    // Finding the next problem needs every verdict.
    app.score_pending(usize::MAX);
    let n = app.visible.len();
    if n == 0 {
        return;
    }
    let start = app.visible_pos().unwrap_or(if forward { n - 1 } else { 0 });
    for k in 1..=n {
        let pos = if forward { (start + k) % n } else { (start + n - k) % n };
        let i = app.visible[pos];
        if !app.reviews[i].is_clean() {
            select(app, i);
            return;
        }
    }
    app.info("Every message passes the checklist and stays on story");
}

/// Which pane a screen position falls in.
fn pane_at(app: &App, column: u16, row: u16) -> Option<Focus> {
    let p = app.panes()?;
    let at = Position::new(column, row);
    [
        (p.list, Focus::List),
        (p.message, Focus::Message),
        (p.checklist, Focus::Findings),
        (p.findings, Focus::Findings),
        (p.story, Focus::Story),
    ]
    .into_iter()
    .find(|(r, _)| r.contains(at))
    .map(|(_, f)| f)
}

fn click(app: &mut App, column: u16, row: u16) {
    let Some(focus) = pane_at(app, column, row) else {
        return;
    };
    app.focus = focus;
    let Some(p) = app.panes() else { return };
    if focus == Focus::List {
        let inner = layout::inner(p.list);
        if row >= inner.y && row < inner.y + inner.height {
            let pos = app.list_offset + (row - inner.y) as usize;
            if let Some(&i) = app.visible.get(pos) {
                select(app, i);
            }
        }
    } else if p.findings.contains(Position::new(column, row)) {
        let items = app.findings();
        let need = items
            .get(app.finding)
            .map(|it| layout::detail_rows(it.message, it.suggestion, layout::inner(p.findings).width))
            .unwrap_or(0);
        let (list, _) = layout::findings_split(p.findings, items.len(), need);
        if row >= list.y && row < list.y + list.height {
            let offset = layout::scroll_for(app.finding, list.height as usize);
            let k = offset + (row - list.y) as usize;
            if k < app.findings().len() {
                app.finding = k;
            }
        }
    }
}
