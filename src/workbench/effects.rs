//! Carrying out effects: the only place the workbench touches the world on
//! the model's behalf. `Runtime` holds what the model must not (the journal,
//! the per-user folders, this session's lock on its set); the event loop
//! owns one, hands it each action, and it runs `update`, carries out the
//! effects returned, and feeds what came of each back to `update`.

use std::collections::VecDeque;
use std::io;
use std::path::{Path, PathBuf};

use crate::core::store;

use super::action::{Action, Effect};
use super::files::{self, Dirs};
use super::glyphs;
use super::journal::{self, Journal};
use super::lock::{self, Claim, Lock};
use super::state::{App, Prompt};
use super::update::update;

/// The session's handles on the world; none of them in tests unless given.
#[derive(Debug, Default)]
pub struct Runtime {
    /// Where unsaved edits are journaled.
    pub journal: Option<Journal>,
    /// Where to remember the last opened set.
    pub dirs: Option<Dirs>,
    /// This session's hold on the set (none when another session has it);
    /// released when the runtime is dropped.
    pub lock: Option<Lock>,
}

impl Runtime {
    /// Apply `action` to the app and carry out every effect that follows.
    pub fn apply(&mut self, app: &mut App, action: Action) {
        let effects = update(app, action);
        self.carry_out(app, effects);
    }

    /// Carry out `effects` in order; what comes of each goes back through
    /// `update`, and the effects that returns are carried out after.
    pub fn carry_out(&mut self, app: &mut App, effects: Vec<Effect>) {
        let mut queue: VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            if let Some(outcome) = self.perform(app, effect) {
                queue.extend(update(app, outcome));
            }
        }
    }

    fn perform(&mut self, app: &mut App, effect: Effect) -> Option<Action> {
        match effect {
            Effect::Save {
                path,
                check_disk,
                overwrite,
            } => Some(self.save(app, path, check_disk, overwrite)),
            Effect::LoadPulse(csvs) => Some(Action::PulseLoaded(app.read_pulse(&csvs).map(Box::new))),
            Effect::Reload => Some(match files::load_noting(&app.path) {
                Ok((set, disk, notices)) => Action::Reloaded {
                    set: Box::new(set),
                    disk,
                    notices,
                },
                Err(e) => Action::ReloadFailed(format!("Could not reload: {e}")),
            }),
            Effect::DropJournal => {
                if let Some(j) = self.journal.as_mut() {
                    j.clear();
                }
                None
            }
            Effect::DiscardJournal(file) => {
                journal::remove(&file);
                // Another stopped session's edits wait behind the newest:
                // offer them now, not only at the next opening.
                let (found, _) = self.journal.as_ref()?.find(&app.path, &app.set);
                found.map(|f| Action::OfferRestore(Box::new(f)))
            }
            Effect::WriteJournal { replacing } => {
                if let (Some(Ok(_)), Some(old)) = (self.write_journal(app), replacing) {
                    journal::remove(&old);
                }
                None
            }
            Effect::RememberPath(path) => {
                if let Some(d) = &self.dirs {
                    // Remembering is a convenience; failing to is no reason to complain.
                    let _ = d.remember(&path);
                }
                None
            }
            Effect::Quit => {
                app.quit = true;
                None
            }
        }
    }

    /// Write the set to `path`. On failure every edit stays in memory and the
    /// user is offered another place to save.
    fn save(&mut self, app: &App, path: PathBuf, check_disk: bool, overwrite: bool) -> Action {
        if !overwrite && path.exists() {
            return Action::Exists(path);
        }
        if check_disk && files::changed_on_disk(&path, app.disk.as_ref()) {
            return Action::ChangedOnDisk;
        }
        // Saving as another set takes that set's lock: a set open in another
        // session is never written over from here.
        let mut taken = None;
        // The same file by another name ("./set.yaml") is this session's own.
        let elsewhere = journal::canonical(&path) != journal::canonical(&app.path);
        if let Some(state) = self.dirs.as_ref().map(|d| d.state.clone()).filter(|_| elsewhere) {
            match lock::claim(&state, &path) {
                Ok(Claim::Ours(l)) => taken = Some(l),
                Ok(Claim::Held(holder)) => {
                    return Action::SaveFailed(format!(
                        "Not saved: {} is open in another chorus ({})",
                        glyphs::visible(&path.display().to_string()),
                        glyphs::visible(&holder.describe())
                    ))
                }
                // Locking is not possible there: save as before locks existed.
                Err(_) => {}
            }
        }
        match files::save(&path, &app.set) {
            Ok(disk) => {
                if path != app.path {
                    if let Some(l) = taken {
                        self.lock = Some(l);
                    }
                }
                Action::Saved { path, disk }
            }
            // Someone changed the file while it was being saved: ask, as before a save.
            Err(e) if store::is_changed_on_disk(&e) => Action::ChangedOnDisk,
            Err(e) => Action::SaveFailed(save_failed(&path, &e)),
        }
    }

    /// Unsaved edits the journal does not hold yet (and there is a journal).
    pub fn journal_due(&self, app: &App) -> bool {
        self.journal.is_some() && app.journal_behind()
    }

    /// Write the unsaved edits to this session's journal. `None` when
    /// there is no journal (no state folder) or nothing unsaved.
    pub fn write_journal(&mut self, app: &mut App) -> Option<io::Result<PathBuf>> {
        if !app.dirty {
            return None;
        }
        let journal = self.journal.as_mut()?;
        let written = journal.write(&app.path, app.disk.as_ref(), &app.set);
        if written.is_ok() {
            self.apply(app, Action::Journaled(app.revision));
        }
        Some(written)
    }

    /// `write_journal` on a background thread (the event loop's periodic
    /// write). A failure of the previous background write is reported.
    pub fn write_journal_in_background(&mut self, app: &mut App) {
        if !app.dirty {
            return;
        }
        let Some(journal) = self.journal.as_mut() else {
            return;
        };
        let error = journal.write_in_background(&app.path, app.disk.clone(), app.set.clone());
        self.apply(app, Action::Journaled(app.revision));
        if let Some(e) = error {
            let msg = format!("Could not journal the unsaved edits: {e}");
            self.apply(app, Action::JournalFailed(msg));
        }
    }

    /// The edits were saved or discarded: this session's journal goes.
    pub fn clear_journal(&mut self, app: &mut App) {
        app.journaled = app.revision;
        self.carry_out(app, vec![Effect::DropJournal]);
    }

    /// Give `app` (just opened on its set) its place among the sessions:
    /// with the set's lock, its journal, and the unsaved edits a stopped
    /// session left (offered through the restore prompt). When another live
    /// session holds the set, the app is read-only and touches no journal,
    /// unless `force`: then it edits with a journal of its own but is offered
    /// none, since the live session's journal is not a stopped one. Without a
    /// state folder there is neither lock nor journal, as before.
    pub fn attach(&mut self, app: &mut App, state: Option<&Path>, force: bool) {
        let Some(state) = state else { return };
        let claim = lock::claim(state, &app.path);
        let held = match claim {
            Ok(Claim::Ours(lock)) => {
                self.lock = Some(lock);
                None
            }
            Ok(Claim::Held(holder)) => Some(holder),
            // Locking is not possible here: go on as before locks existed.
            Err(_) => None,
        };
        let name = glyphs::visible(&app.file_name());
        match held {
            None => {
                let journal = Journal::new(state);
                let (found, problems) = journal.find(&app.path, &app.set);
                self.journal = Some(journal);
                if let Some(found) = found {
                    app.prompt = Some(Prompt::Restore(Box::new(found)));
                } else if let Some(p) = problems.first() {
                    app.error(format!(
                        "A journal of unsaved edits could not be read: {}",
                        glyphs::visible(p)
                    ));
                }
            }
            Some(holder) if force => {
                self.journal = Some(Journal::new(state));
                app.error(format!(
                    "{name} is also open in another chorus ({}): a save there or here asks before overwriting the other",
                    glyphs::visible(&holder.describe())
                ));
            }
            Some(holder) => {
                app.read_only = Some(glyphs::visible(&holder.describe()));
                app.error(format!(
                    "Read-only: already open in another chorus ({}). Quit that one to edit here, or start with --force",
                    glyphs::visible(&holder.describe())
                ));
            }
        }
    }
}

/// What a failed save says: the file once, in full, and why. The store's
/// errors already open with "cannot save PATH: "; that is dropped rather
/// than said twice.
fn save_failed(path: &Path, e: &io::Error) -> String {
    let full = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let why = e.to_string();
    let why = [path, full.as_path()]
        .iter()
        .find_map(|p| why.strip_prefix(&format!("cannot save {}: ", p.display())))
        .unwrap_or(&why);
    glyphs::visible(&format!("Could not save {}: {why}", full.display()))
}
