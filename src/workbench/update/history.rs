//! Changes to the set's messages, and the one history `u` takes back: every
//! undoable change (a message added, duplicated, deleted, moved or edited,
//! the story, a pillar added or deleted in the story form) is pushed as a
//! `Change` and taken back by `undo`.

use super::browse::select;
use crate::core::model::{Audience, Message, MessageSet, Status};
use crate::workbench::glyphs;
use crate::workbench::state::{App, Change};

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

pub(super) fn add(app: &mut App) {
    let at = app.selected.map(|i| i + 1).unwrap_or(app.set.internal.len());
    let message = Message {
        id: unique_id(app, "new"),
        audience: Audience::All,
        status: Some(Status::Draft),
        ..Message::default()
    };
    insert(app, at, message);
}

pub(super) fn duplicate(app: &mut App) {
    let Some(i) = app.selected else { return };
    let mut copy = app.set.internal[i].clone();
    copy.id = unique_id(app, &format!("{}-copy", copy.id));
    let id = copy.id.clone();
    insert(app, i + 1, copy);
    app.info(format!("Duplicated as {}", glyphs::visible(&id)));
}

pub(super) fn delete(app: &mut App) {
    let Some(i) = app.selected else { return };
    let message = remove(app, i);
    let id = message.id.clone();
    app.undo.push(Change::Removed { index: i, message });
    app.info(format!("Deleted {} (u undoes)", glyphs::visible(&id)));
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
pub(super) fn undo(app: &mut App) {
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
            app.info(format!("Undid the edit of {}", glyphs::visible(&id)));
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
            app.info(format!("Took back {}", glyphs::visible(&m.id)));
        }
        Change::Removed { index, message } => {
            let id = message.id.clone();
            place(app, index, message);
            app.info(format!("Restored {}", glyphs::visible(&id)));
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
pub(super) fn move_message(app: &mut App, down: bool) {
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

/// The set as it is now without its messages, for a `Change::Story`: a
/// story change leaves the messages be, so they are not cloned.
pub(super) fn story_before(set: &mut MessageSet) -> Change {
    let internal = std::mem::take(&mut set.internal);
    let before = Box::new(set.clone());
    set.internal = internal;
    Change::Story { before }
}
