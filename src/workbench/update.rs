//! Carrying out actions: `update(app, action)` changes the state and
//! nothing else, apart from the file system when the user saves or reloads.
//! Every path that could drop an edit asks first.

use std::path::PathBuf;

use ratatui::layout::Position;
use ratatui_textarea::{CursorMove, Input, Key, TextArea};

use crate::core::model::{Audience, Message, MessageSet, Status};
use crate::core::store;

use super::action::Action;
use super::files;
use super::form::{self, Changed, Target};
use super::input::LineInput;
use super::layout;
use super::lock::{self, Claim};
use super::state::{AfterSave, App, Change, Editor, Focus, Form, Mode, Notice, Prompt};
use super::text;

/// Apply `action` to the app.
pub fn update(app: &mut App, action: Action) {
    apply(app, action);
    // The selected message is on screen: score it now if a large set is
    // still being scored in the background.
    if let Some(i) = app.selected {
        app.ensure_scored(i);
    }
}

fn apply(app: &mut App, action: Action) {
    match action {
        Action::Resize(w, h) => app.size = (w, h),
        Action::Tick => {
            if app.summary_stale {
                app.refresh_summary();
            }
        }
        action => {
            // A new action retires the last piece of news; errors stay until
            // replaced, so a failed save is not missed.
            if matches!(app.notice, Some(Notice { error: false, .. })) {
                app.notice = None;
            }
            if app.prompt.is_some() {
                prompt(app, action);
            } else if changes_the_set(app, &action) && app.refuse_if_read_only() {
                // Another session has the set: said in the status line.
            } else {
                match app.mode {
                    Mode::Normal => normal(app, action),
                    Mode::Editing(_) => editing(app, action),
                    Mode::Help { .. } | Mode::Explain { .. } => help(app, action),
                    Mode::Filter { .. } => filter(app, action),
                    Mode::Form(_) => form_action(app, action),
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
        Mode::Help { .. } | Mode::Explain { .. } | Mode::Filter { .. } => false,
    }
}

// --- normal mode ---------------------------------------------------------

fn normal(app: &mut App, action: Action) {
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
        Action::Save => save(app),
        Action::SaveAs => open_save_as(app),
        Action::Quit => {
            if app.dirty {
                app.prompt = Some(Prompt::Unsaved);
            } else {
                app.quit = true;
            }
        }
        Action::Help => app.mode = Mode::Help { scroll: 0 },
        Action::Explain if app.current_message().is_some() => app.mode = Mode::Explain { scroll: 0 },
        Action::Filter => {
            app.mode = Mode::Filter {
                input: LineInput::new(app.filter.clone()),
                before: app.filter.clone(),
            }
        }
        Action::NextProblem => next_problem(app, true),
        Action::PrevProblem => next_problem(app, false),
        Action::Add => add(app),
        Action::Duplicate => duplicate(app),
        Action::Delete => delete(app),
        Action::Undo => undo(app),
        Action::MoveDown => move_message(app, true),
        Action::MoveUp => move_message(app, false),
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
fn select(app: &mut App, i: usize) {
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

/// An id not yet used in the set: `base`, else `base-2`, `base-3`…
fn unique_id(app: &App, base: &str) -> String {
    let taken = |id: &str| app.set.internal.iter().any(|m| m.id == id);
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_default()
}

/// Put `message` at `at` in the set (undoably) and select it.
fn insert(app: &mut App, at: usize, message: Message) {
    let at = at.min(app.set.internal.len());
    app.undo.push(Change::Inserted { index: at });
    place(app, at, message);
}

/// Put `message` at `at` in the set with its review, and select it (the
/// filter is dropped if it would hide it).
fn place(app: &mut App, at: usize, message: Message) {
    let at = at.min(app.set.internal.len());
    let review = app.review_of(&message);
    app.set.internal.insert(at, message);
    app.reviews.insert(at, review);
    app.mark_dirty();
    app.refilter();
    if !app.visible.contains(&at) {
        app.filter.clear();
        app.refilter();
    }
    app.selected = None;
    select(app, at);
    app.refresh_summary();
}

fn add(app: &mut App) {
    let at = app.selected.map(|i| i + 1).unwrap_or(app.set.internal.len());
    let message = Message {
        id: unique_id(app, "new"),
        audience: Audience::All,
        status: Some(Status::Draft),
        ..Message::default()
    };
    insert(app, at, message);
    // A new message is there to be written.
    start_editing(app);
}

fn duplicate(app: &mut App) {
    let Some(i) = app.selected else { return };
    let mut copy = app.set.internal[i].clone();
    copy.id = unique_id(app, &format!("{}-copy", copy.id));
    let id = copy.id.clone();
    insert(app, i + 1, copy);
    app.info(format!("Duplicated as {}", text::visible(&id)));
}

fn delete(app: &mut App) {
    let Some(i) = app.selected else { return };
    let message = remove(app, i);
    let id = message.id.clone();
    app.undo.push(Change::Removed { index: i, message });
    app.info(format!("Deleted {} (u undoes)", text::visible(&id)));
}

/// Take message `i` out of the set and select what took its place.
fn remove(app: &mut App, i: usize) -> Message {
    let pos = app.visible_pos().unwrap_or(0);
    let message = app.set.internal.remove(i);
    app.reviews.remove(i);
    app.mark_dirty();
    app.selected = None;
    app.refilter();
    // Select what took its place in the list, else the one before it.
    let next = app.visible.get(pos).or_else(|| app.visible.last()).copied();
    app.selected = next;
    app.finding = 0;
    app.text_scroll = 0;
    app.refresh_summary();
    message
}

/// Take back the last change: an edit, a story change, an added, deleted
/// or moved message.
fn undo(app: &mut App) {
    let Some(change) = app.undo.pop() else {
        app.info("Nothing to undo");
        return;
    };
    app.mark_dirty();
    match change {
        Change::Edited { index, before } if index < app.set.internal.len() => {
            let id = before.id.clone();
            app.set.internal[index] = before;
            app.rescore(index);
            app.refresh_summary();
            app.refilter();
            select(app, index);
            app.info(format!("Undid the edit of {}", text::visible(&id)));
        }
        Change::Story { before } => {
            let internal = std::mem::take(&mut app.set.internal);
            app.set = *before;
            app.set.internal = internal;
            app.rebuild();
            app.info("Undid the story change");
        }
        Change::Inserted { index } if index < app.set.internal.len() => {
            let m = remove(app, index);
            app.info(format!("Took back {}", text::visible(&m.id)));
        }
        Change::Removed { index, message } => {
            let id = message.id.clone();
            place(app, index, message);
            app.info(format!("Restored {}", text::visible(&id)));
        }
        Change::Moved { from, to } if to < app.set.internal.len() => {
            let m = app.set.internal.remove(to);
            let r = app.reviews.remove(to);
            let from = from.min(app.set.internal.len());
            app.set.internal.insert(from, m);
            app.reviews.insert(from, r);
            app.refilter();
            select(app, from);
            app.info("Undid the move");
        }
        _ => app.info("Nothing to undo"),
    }
}

/// Move the selected message past its neighbour in the (filtered) list.
fn move_message(app: &mut App, down: bool) {
    let (Some(i), Some(pos)) = (app.selected, app.visible_pos()) else {
        return;
    };
    let npos = if down {
        pos + 1
    } else {
        match pos.checked_sub(1) {
            Some(p) => p,
            None => return,
        }
    };
    let Some(&j) = app.visible.get(npos) else {
        return;
    };
    let m = app.set.internal.remove(i);
    let r = app.reviews.remove(i);
    app.set.internal.insert(j, m);
    app.reviews.insert(j, r);
    app.undo.push(Change::Moved { from: i, to: j });
    app.mark_dirty();
    app.refilter();
    app.selected = Some(j);
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

// --- editing text in place -------------------------------------------------

fn start_editing(app: &mut App) {
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

fn editing(app: &mut App, action: Action) {
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
            save(app);
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
        app.rescore(i);
        app.mark_dirty();
    }
}

/// Up and Down move between wrapped rows as drawn, not between lines of
/// the text (a message is often one long line).
fn move_vertically(e: &mut Editor, width: usize, down: bool) {
    let text = e.text();
    let glyphs = text::glyphs(&text);
    let rows = text::wrap(&glyphs, width);
    let (row, col) = text::locate(&glyphs, &rows, e.cursor_offset(), width + 1);
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
    let offset = text::offset_at(&glyphs, &rows, target, col);
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

// --- help and filter -------------------------------------------------------

fn help(app: &mut App, action: Action) {
    let (Mode::Help { scroll } | Mode::Explain { scroll }) = &mut app.mode else {
        return;
    };
    match action {
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll += 1,
        Action::PageUp => *scroll = scroll.saturating_sub(10),
        Action::PageDown => *scroll += 10,
        Action::Top => *scroll = 0,
        Action::Save => save(app),
        Action::Cancel => app.mode = Mode::Normal,
        _ => {}
    }
}

fn filter(app: &mut App, action: Action) {
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
            save(app);
            return;
        }
        _ => return,
    }
    // The list follows every key typed.
    app.filter = input.text.clone();
    app.refilter();
}

// --- the field editor ------------------------------------------------------

fn open_form(app: &mut App, target: Target) {
    app.mode = Mode::Form(Form::new(target));
}

fn form_action(app: &mut App, action: Action) {
    let Mode::Form(f) = &mut app.mode else {
        return;
    };
    let fields = form::fields(&app.set, f.target);
    if let Some(input) = &mut f.input {
        match action {
            Action::Type(k) => {
                input.input(k);
            }
            Action::Paste(s) => input.insert_str(&s),
            Action::Cancel => {
                f.input = None;
                f.error = None;
            }
            Action::Confirm => commit_field(app),
            Action::Save => {
                // Keep what was typed: apply it, then save.
                commit_field(app);
                if matches!(&app.mode, Mode::Form(f) if f.error.is_none()) {
                    save(app);
                }
            }
            _ => {}
        }
        return;
    }
    let last = fields.len().saturating_sub(1);
    match action {
        Action::Up => f.selected = f.selected.saturating_sub(1),
        Action::Down => f.selected = (f.selected + 1).min(last),
        Action::PageUp => f.selected = f.selected.saturating_sub(5),
        Action::PageDown => f.selected = (f.selected + 5).min(last),
        Action::Top => f.selected = 0,
        Action::Bottom => f.selected = last,
        Action::Edit => {
            if let Some(field) = fields.get(f.selected) {
                f.input = Some(LineInput::new(field.value.clone()));
                f.error = None;
            }
        }
        Action::Cancel => {
            app.mode = Mode::Normal;
        }
        Action::Save => save(app),
        Action::Add if f.target == Target::Story => {
            let p = form::new_pillar(&app.set);
            app.set.external.pillars.push(p);
            let n = app.set.external.pillars.len() - 1;
            let new_fields = form::fields(&app.set, Target::Story);
            f.selected = new_fields
                .iter()
                .position(|x| x.key == form::FieldKey::PillarId(n))
                .unwrap_or(0);
            f.error = None;
            app.mark_dirty();
            app.rebuild();
        }
        Action::Delete if f.target == Target::Story => {
            let Some(i) = fields.get(f.selected).and_then(|x| x.key.pillar()) else {
                f.error = Some("Select a field of the pillar to delete".into());
                return;
            };
            let p = app.set.external.pillars.remove(i);
            f.error = Some(format!("Deleted pillar {} (u undoes)", text::visible(&p.id)));
            f.removed_pillars.push((i, p));
            app.mark_dirty();
            app.rebuild();
        }
        Action::Undo if f.target == Target::Story => {
            if let Some((i, p)) = f.removed_pillars.pop() {
                let i = i.min(app.set.external.pillars.len());
                app.set.external.pillars.insert(i, p);
                f.error = None;
                app.mark_dirty();
                app.rebuild();
            }
        }
        _ => {}
    }
    if let Mode::Form(f) = &mut app.mode {
        let n = form::fields(&app.set, f.target).len();
        f.selected = f.selected.min(n.saturating_sub(1));
    }
}

/// Apply the typed value of the selected field; a refused value keeps the
/// input open with the reason shown.
fn commit_field(app: &mut App) {
    let kinds = app.kinds();
    let Mode::Form(f) = &mut app.mode else {
        return;
    };
    let fields = form::fields(&app.set, f.target);
    let (Some(field), Some(input)) = (fields.get(f.selected), &f.input) else {
        return;
    };
    if input.text == field.value {
        f.input = None;
        f.error = None;
        return;
    }
    let before = match f.target {
        Target::Message(i) => app
            .set
            .internal
            .get(i)
            .cloned()
            .map(|before| Change::Edited { index: i, before }),
        Target::Story => Some(Change::Story {
            // Cloned without the messages: a story change leaves them be.
            before: Box::new(MessageSet {
                version: app.set.version,
                brand: app.set.brand.clone(),
                external: app.set.external.clone(),
                segments: app.set.segments.clone(),
                internal: Vec::new(),
                extra: app.set.extra.clone(),
            }),
        }),
    };
    match form::apply(&mut app.set, f.target, field.key, &input.text, &kinds) {
        Ok(changed) => {
            f.input = None;
            f.error = None;
            app.mark_dirty();
            app.undo.extend(before);
            match changed {
                Changed::Message(i) => {
                    app.rescore(i);
                    app.refresh_summary();
                    app.refilter();
                }
                Changed::Story => app.rebuild(),
            }
        }
        Err(e) => f.error = Some(e),
    }
}

// --- saving, and the questions around it -------------------------------------

fn open_save_as(app: &mut App) {
    app.prompt = Some(Prompt::SaveAs(LineInput::new(app.path.display().to_string())));
}

/// Save to the set's file, unless someone else changed it since we read it.
fn save(app: &mut App) {
    if files::changed_on_disk(&app.path, app.disk.as_ref()) {
        app.prompt = Some(Prompt::Conflict);
        return;
    }
    let path = app.path.clone();
    write_to(app, path);
}

/// Write the set to `path`. On failure every edit stays in memory and the
/// user is offered another place to save.
fn write_to(app: &mut App, path: PathBuf) {
    // Saving as another set takes that set's lock: a set open in another
    // session is never written over from here.
    let mut taken = None;
    // The same file by another name ("./set.yaml") is this session's own.
    let elsewhere = super::journal::canonical(&path) != super::journal::canonical(&app.path);
    if elsewhere {
        if let Some(state) = app.dirs.as_ref().map(|d| d.state.clone()) {
            match lock::claim(&state, &path) {
                Ok(Claim::Ours(l)) => taken = Some(l),
                Ok(Claim::Held(holder)) => {
                    let msg = format!(
                        "Not saved: {} is open in another chorus ({})",
                        text::visible(&path.display().to_string()),
                        text::visible(&holder.describe())
                    );
                    app.error(msg.clone());
                    app.prompt = Some(Prompt::SaveFailed(msg));
                    return;
                }
                // Locking is not possible there: save as before locks existed.
                Err(_) => {}
            }
        }
    }
    match files::save(&path, &app.set) {
        Ok(fp) => {
            if path != app.path {
                if let Some(l) = taken {
                    app.lock = Some(l);
                }
                app.path = path;
                if let Some(d) = &app.dirs {
                    // Remembering is a convenience; failing to is no reason to complain.
                    let _ = d.remember(&app.path);
                }
            }
            app.disk = fp;
            app.dirty = false;
            app.clear_journal();
            app.prompt = None;
            let name = text::visible(&app.file_name());
            app.info(format!("Saved {name}"));
            if app.after_save == AfterSave::Quit {
                app.quit = true;
            }
            app.after_save = AfterSave::Nothing;
        }
        // Someone changed the file while it was being saved: ask, as before a save.
        Err(e) if store::is_changed_on_disk(&e) => {
            app.prompt = Some(Prompt::Conflict);
        }
        Err(e) => {
            let msg = format!("Could not save {}: {e}", text::visible(&path.display().to_string()));
            app.error(msg.clone());
            app.prompt = Some(Prompt::SaveFailed(msg));
        }
    }
}

fn expand(path: &str) -> PathBuf {
    let path = path.trim();
    if let (Some(rest), Some(home)) = (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        return PathBuf::from(home).join(rest);
    }
    PathBuf::from(path)
}

fn prompt(app: &mut App, action: Action) {
    let Some(p) = app.prompt.as_mut() else {
        return;
    };
    if let Prompt::Restore(_) = p {
        restore_prompt(app, action);
        return;
    }
    if action == Action::Cancel {
        app.prompt = None;
        app.after_save = AfterSave::Nothing;
        return;
    }
    match p {
        Prompt::Unsaved => match action {
            Action::Choose('s') | Action::Save => {
                app.prompt = None;
                app.after_save = AfterSave::Quit;
                save(app);
            }
            Action::Choose('d') => {
                app.clear_journal();
                app.quit = true;
            }
            Action::Choose('c') => {
                app.prompt = None;
                app.after_save = AfterSave::Nothing;
            }
            _ => {}
        },
        Prompt::Conflict => match action {
            Action::Choose('r') => {
                app.prompt = None;
                app.after_save = AfterSave::Nothing;
                match files::load(&app.path) {
                    Ok((set, disk)) => {
                        app.mode = Mode::Normal;
                        app.replace_set(set, disk);
                        app.clear_journal();
                        let name = text::visible(&app.file_name());
                        app.info(format!("Reloaded {name} from disk"));
                    }
                    Err(e) => app.error(format!("Could not reload: {e}")),
                }
            }
            Action::Choose('o') => {
                let path = app.path.clone();
                write_to(app, path);
            }
            Action::Choose('w') => open_save_as(app),
            _ => {}
        },
        Prompt::Restore(_) => {}
        Prompt::SaveFailed(_) => {
            if action == Action::Choose('w') {
                open_save_as(app);
            }
        }
        Prompt::SaveAs(input) => match action {
            Action::Type(k) => {
                input.input(k);
            }
            Action::Paste(s) => input.insert_str(&s),
            Action::Confirm | Action::Save => {
                let target = expand(&input.text);
                if target.as_os_str().is_empty() {
                    app.error("Type a path to save to");
                } else if target == app.path {
                    app.prompt = None;
                    save(app);
                } else if target.exists() {
                    app.prompt = Some(Prompt::Overwrite(target));
                } else {
                    write_to(app, target);
                }
            }
            _ => {}
        },
        Prompt::Overwrite(target) => match action {
            Action::Choose('y') | Action::Choose('o') => {
                let target = target.clone();
                write_to(app, target);
            }
            Action::Choose('n') => {
                let typed = LineInput::new(target.display().to_string());
                app.prompt = Some(Prompt::SaveAs(typed));
            }
            _ => {}
        },
    }
}

/// The answer to the restore prompt shown on opening a set that has a
/// journal: `r` restores the journaled edits (unsaved, so a save still
/// asks before overwriting a file that changed since they began), `d`
/// discards them, Esc opens the file as it is and keeps the journal, which
/// is offered again next time.
fn restore_prompt(app: &mut App, action: Action) {
    let Some(Prompt::Restore(found)) = app.prompt.as_ref() else {
        return;
    };
    let journal = found.file.clone();
    match action {
        Action::Choose('r') => {
            let Some(Prompt::Restore(found)) = app.prompt.take() else {
                return;
            };
            let found = *found;
            // Based on the file as it is now: saving is plain. Based on an
            // older file: saving finds the change and asks first.
            let disk = match (&app.disk, &found.base) {
                (Some(now), Some(base)) if now.same_content(base) => Some(now.clone()),
                _ => found.base.clone(),
            };
            app.mode = Mode::Normal;
            app.replace_set(found.set, disk);
            app.mark_dirty();
            // The edits are this session's now: journal them as ours before
            // letting the old journal go, so no moment holds them nowhere.
            if let Some(Ok(_)) = app.write_journal() {
                let _ = std::fs::remove_file(&found.file);
            }
            app.info("Restored the unsaved edits: ^S saves them, q then d drops them");
        }
        Action::Choose('d') => {
            let _ = std::fs::remove_file(&journal);
            app.prompt = None;
            app.info("Discarded the unsaved edits");
        }
        Action::Cancel => {
            app.prompt = None;
            app.info("The unsaved edits are kept for later: they are offered again when this set is opened");
        }
        _ => {}
    }
}
