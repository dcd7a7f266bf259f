//! The questions that take the keyboard (unsaved changes on quit, a file
//! changed on disk, a failed save, the save-as path, overwriting a file,
//! unsaved edits found on opening), saving, and what came of the effects
//! these ask for.

use std::path::{Path, PathBuf};

use crate::workbench::action::{Action, Effect, Rounds};
use crate::workbench::glyphs;
use crate::workbench::input::LineInput;
use crate::workbench::state::{AfterSave, App, Mode, Prompt};

/// Ask for the path to save as, offering the set's own in full, selected:
/// typing a path replaces it, an arrow or Backspace first edits it.
pub(super) fn open_save_as(app: &mut App) {
    let offer = full(app, &app.path).display().to_string();
    app.prompt = Some(Prompt::SaveAs(LineInput::offering(offer)));
}

/// `path` made absolute against the folder chorus started in (as given
/// when that is unknown).
fn full(app: &App, path: &Path) -> PathBuf {
    match &app.started_in {
        Some(folder) if path.is_relative() => folder.join(path),
        _ => path.to_path_buf(),
    }
}

/// Ask for the survey export to read for the pulse screen (on the pulse
/// screen: a later round to compare with the one shown).
pub(super) fn open_pulse_path(app: &mut App) {
    app.prompt = Some(Prompt::PulsePath(LineInput::new(String::new())));
}

/// A file's name, for saying which round is which.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Save to the set's file, unless someone else changed it since we read it
/// (the loop checks, and answers `ChangedOnDisk`).
pub(super) fn save(app: &mut App, fx: &mut Vec<Effect>) {
    fx.push(Effect::Save {
        path: app.path.clone(),
        check_disk: true,
        overwrite: true,
    });
}

/// Write the set to `path` whatever is there (the user said so).
fn write_to(fx: &mut Vec<Effect>, path: PathBuf) {
    fx.push(Effect::Save {
        path,
        check_disk: false,
        overwrite: true,
    });
}

/// A typed path, with `~/` for the home folder.
fn expand(path: &str, home: Option<&PathBuf>) -> PathBuf {
    let path = path.trim();
    if let (Some(rest), Some(home)) = (path.strip_prefix("~/"), home) {
        return home.join(rest);
    }
    PathBuf::from(path)
}

/// The user's answer to the prompt on screen.
pub(super) fn answer(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Some(p) = app.prompt.as_mut() else {
        return;
    };
    if let Prompt::Restore(_) = p {
        restore(app, action, fx);
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
                save(app, fx);
            }
            Action::Choose('d') => {
                app.journaled = app.revision;
                fx.extend([Effect::DropJournal, Effect::Quit]);
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
                fx.push(Effect::Reload);
            }
            Action::Choose('o') => write_to(fx, app.path.clone()),
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
                let target = expand(&input.text, app.home.as_ref());
                // A bare name ("copy.yaml") goes beside the set, wherever
                // chorus was started from.
                let target = match app.path.parent() {
                    Some(folder) if target.is_relative() && !target.as_os_str().is_empty() => folder.join(target),
                    _ => target,
                };
                if target.as_os_str().is_empty() {
                    app.error("Type a path to save to");
                } else if target == app.path || target == full(app, &app.path) {
                    app.prompt = None;
                    save(app, fx);
                } else {
                    // A file already there is asked about first (`Exists`).
                    fx.push(Effect::Save {
                        path: target,
                        check_disk: false,
                        overwrite: false,
                    });
                }
            }
            _ => {}
        },
        Prompt::PulsePath(input) => match action {
            Action::Type(k) => {
                input.input(k);
            }
            Action::Paste(s) => input.insert_str(&s),
            Action::Confirm => {
                let csv = expand(&input.text, app.home.as_ref());
                if csv.as_os_str().is_empty() {
                    app.error("Type the path of a survey export (CSV)");
                } else {
                    app.prompt = None;
                    // Asked for on the pulse screen: a later round, read
                    // with the one shown so the two compare.
                    let rounds = match (&app.mode, &app.pulse) {
                        (Mode::Pulse { .. }, Some(shown)) => vec![shown.source.clone(), csv],
                        _ => vec![csv],
                    };
                    fx.push(Effect::LoadPulse(rounds));
                }
            }
            _ => {}
        },
        Prompt::Overwrite(target) => match action {
            Action::Choose('y') | Action::Choose('o') => write_to(fx, target.clone()),
            Action::Choose('n') => {
                let typed = LineInput::offering(target.display().to_string());
                app.prompt = Some(Prompt::SaveAs(typed));
            }
            _ => {}
        },
    }
}

/// The answer to the restore prompt shown on opening a set that has a
/// journal: `r` restores the journaled edits (unsaved, so a save still
/// asks before overwriting a file that changed since they began), `d`
/// discards them (and offers the next older journal, if one waits), Esc
/// opens the file as it is and keeps the journal, which
/// is offered again next time.
fn restore(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
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
            fx.push(Effect::WriteJournal {
                replacing: Some(found.file),
            });
            app.info("Restored the unsaved edits: ^S saves them, q then d drops them");
        }
        Action::Choose('d') => {
            if let Some(Prompt::Restore(found)) = app.prompt.take() {
                fx.push(Effect::DiscardJournal(found.file));
            }
            app.info("Discarded the unsaved edits");
        }
        Action::Cancel => {
            app.prompt = None;
            app.info("The unsaved edits are kept for later: they are offered again when this set is opened");
        }
        _ => {}
    }
}

/// What came of an effect.
pub(super) fn outcome(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    match action {
        Action::Saved { path, disk } => {
            if path != app.path {
                app.path = path;
                fx.push(Effect::RememberPath(app.path.clone()));
            }
            app.disk = disk;
            app.dirty = false;
            app.journaled = app.revision;
            fx.push(Effect::DropJournal);
            app.prompt = None;
            let name = glyphs::visible(&app.file_name());
            app.info(format!("Saved {name}"));
            if app.after_save == AfterSave::Quit {
                fx.push(Effect::Quit);
            }
            app.after_save = AfterSave::Nothing;
        }
        Action::SaveFailed(msg) => {
            app.error(msg.clone());
            app.prompt = Some(Prompt::SaveFailed(msg));
        }
        Action::ChangedOnDisk => app.prompt = Some(Prompt::Conflict),
        Action::PulseLoaded(Ok(rounds)) => {
            let Rounds { latest, before } = *rounds;
            app.pulse_moved = match &before {
                Some(b) => crate::core::pulse::compare::compare(b, &latest),
                None => Vec::new(),
            };
            match &before {
                Some(b) => app.info(format!(
                    "Pulse: {} answers read, compared with {} ({} answers)",
                    latest.overall.respondents,
                    glyphs::visible(&file_name(&b.source)),
                    b.overall.respondents
                )),
                None => app.info(format!("Pulse: {} answers read", latest.overall.respondents)),
            }
            app.pulse = Some(Box::new(latest));
            app.pulse_before = before.map(Box::new);
            app.mode = Mode::Pulse { scroll: 0 };
        }
        Action::PulseLoaded(Err(e)) => app.error(e),
        Action::OfferRestore(found) => {
            app.prompt = Some(Prompt::Restore(found));
            app.info("Discarded those edits; an older session's are offered next");
        }
        Action::Exists(target) => app.prompt = Some(Prompt::Overwrite(target)),
        Action::Reloaded { set, disk, notices } => {
            app.mode = Mode::Normal;
            app.replace_set(*set, disk);
            app.journaled = app.revision;
            fx.push(Effect::DropJournal);
            let name = glyphs::visible(&app.file_name());
            app.info(format!("Reloaded {name} from disk"));
            // A key the other editor misspelt outranks the news.
            app.tell_load_notices(&notices);
        }
        Action::ReloadFailed(msg) => app.error(msg),
        Action::JournalFailed(msg) => app.error(msg),
        _ => {}
    }
}
