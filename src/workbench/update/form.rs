//! The field editor over a message's details or the story: moving between
//! fields, typing a value (applied on Enter, refused with a reason), and the
//! story form's pillars added and deleted. Every change goes into the one
//! history, so `u` takes it back in the form or after it is closed.

use super::history;
use super::prompt::save;
use crate::workbench::action::{Action, Effect};
use crate::workbench::form::{self, Changed, Target};
use crate::workbench::glyphs;
use crate::workbench::input::LineInput;
use crate::workbench::state::{App, Change, Form, Mode};

/// Open the field editor over `target`.
pub(super) fn open_form(app: &mut App, target: Target) {
    app.mode = Mode::Form(Form::new(target));
}

/// An action in the field editor.
pub(super) fn action(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
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
                    save(app, fx);
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
        Action::Save => save(app, fx),
        Action::Add if f.target == Target::Story => {
            let p = form::new_pillar(&app.set);
            app.undo.push(history::story_before(&mut app.set));
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
            app.undo.push(history::story_before(&mut app.set));
            let p = app.set.external.pillars.remove(i);
            f.error = Some(format!("Deleted pillar {} (u undoes)", glyphs::visible(&p.id)));
            app.mark_dirty();
            app.rebuild();
        }
        // The one history: the pillar just added or deleted, or any
        // change before the form was opened.
        Action::Undo if f.target == Target::Story => {
            f.error = None;
            history::undo(app);
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
        Target::Story => Some(history::story_before(&mut app.set)),
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
