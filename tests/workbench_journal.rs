//! The journal of unsaved edits, through the real key map and update: what
//! the restore prompt offers on opening (r restore, d discard, Esc keep for
//! later), that a clean save or a discard removes the session's journal, and
//! that restored edits based on an older file still ask before overwriting.
//! Plus a snapshot of the restore prompt at 80×24.

mod workbench_common;

use std::path::{Path, PathBuf};

use chorus::core::model::MessageSet;
use chorus::core::store;
use chorus::workbench::files;
use chorus::workbench::journal::Journal;
use chorus::workbench::state::Prompt;
use chorus::workbench::unsaved::{Diff, Found};
use crossterm::event::KeyCode;
use workbench_common::*;

/// The workbench opened on the place's file, as `run` opens it: with a
/// journal, and the restore prompt if another session left edits.
fn open(p: &Place) -> Bench {
    let (set, disk) = files::load(&p.file).unwrap();
    let (app, _) = app_with(set.clone(), p.file.clone());
    let mut app = Bench::new(app);
    app.disk = disk;
    let journal = Journal::new(&p.state);
    let (found, problems) = journal.find(&p.file, &set);
    assert!(problems.is_empty(), "{problems:?}");
    app.rt.journal = Some(journal);
    if let Some(f) = found {
        app.prompt = Some(Prompt::Restore(Box::new(f)));
    }
    app
}

/// The journals in the state folder, not the `.live` markers a running
/// session keeps beside its own.
fn journals(p: &Place) -> Vec<PathBuf> {
    match std::fs::read_dir(p.state.join("journal")) {
        Ok(d) => d
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .collect(),
        Err(_) => vec![],
    }
}

/// A session that edits the second message's text and then "crashes":
/// its journal is written and it never cleans up.
fn crashed_session(p: &Place, typed: &str) {
    let mut app = open(p);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('e'));
    keys(&mut app, typed);
    press(&mut app, KeyCode::Esc);
    assert!(app.dirty);
    app.write_journal().unwrap().unwrap();
}

fn loaded(path: &Path) -> MessageSet {
    store::load(path).unwrap()
}

#[test]
fn no_journal_no_prompt() {
    let p = place();
    let app = open(&p);
    assert!(app.prompt.is_none());
}

#[test]
fn restore_brings_the_edits_back_unsaved_and_save_clears_the_journal() {
    let p = place();
    crashed_session(&p, " Fast.");
    let mut app = open(&p);
    let Some(Prompt::Restore(found)) = &app.prompt else {
        panic!("restore prompt expected");
    };
    assert_eq!(found.diff.changed, vec!["best".to_string()]);
    let old = found.file.clone();
    press(&mut app, KeyCode::Char('r'));
    assert!(app.prompt.is_none());
    assert!(app.dirty, "restored edits are unsaved");
    assert_eq!(app.set.internal[1].text, "We want to be the best. Fast.");
    assert_eq!(app.reviews.len(), app.set.internal.len());
    // The edits moved to this session's journal; the old one is gone.
    assert!(!old.exists());
    assert_eq!(journals(&p).len(), 1);
    ctrl(&mut app, 's');
    assert!(!app.dirty);
    assert_eq!(loaded(&p.file).internal[1].text, "We want to be the best. Fast.");
    assert!(journals(&p).is_empty(), "a clean save removes the journal");
    // Opening again: nothing to offer.
    assert!(open(&p).prompt.is_none());
}

#[test]
fn discard_removes_the_journal_and_keeps_the_file() {
    let p = place();
    crashed_session(&p, " Fast.");
    let before = std::fs::read(&p.file).unwrap();
    let mut app = open(&p);
    press(&mut app, KeyCode::Char('d'));
    assert!(app.prompt.is_none());
    assert!(!app.dirty);
    assert!(journals(&p).is_empty());
    assert_eq!(std::fs::read(&p.file).unwrap(), before);
    assert_eq!(app.set, loaded(&p.file));
}

#[test]
fn esc_keeps_the_journal_for_later() {
    let p = place();
    crashed_session(&p, " Fast.");
    let mut app = open(&p);
    press(&mut app, KeyCode::Esc);
    assert!(app.prompt.is_none());
    assert!(!app.dirty);
    assert_eq!(app.set, loaded(&p.file));
    // This session's own edits and save do not drop the kept journal.
    press(&mut app, KeyCode::Char('D'));
    app.write_journal().unwrap().unwrap();
    assert_eq!(journals(&p).len(), 2);
    ctrl(&mut app, 's');
    assert_eq!(journals(&p).len(), 1);
    let again = open(&p);
    assert!(matches!(again.prompt, Some(Prompt::Restore(_))));
}

#[test]
fn journaling_follows_edits_and_a_discarding_quit_clears_it() {
    let p = place();
    let mut app = open(&p);
    assert!(!app.journal_due());
    press(&mut app, KeyCode::Char('D'));
    assert!(app.journal_due());
    app.write_journal().unwrap().unwrap();
    assert!(!app.journal_due(), "nothing new since");
    press(&mut app, KeyCode::Char('u'));
    assert!(app.journal_due());
    assert_eq!(journals(&p).len(), 1);
    press(&mut app, KeyCode::Char('q'));
    press(&mut app, KeyCode::Char('d'));
    assert!(app.quit);
    assert!(journals(&p).is_empty());
}

#[test]
fn restored_edits_on_a_file_changed_since_ask_before_overwriting() {
    let p = place();
    crashed_session(&p, " Fast.");
    // Someone else changes the file after the crash.
    let mut theirs = fixture();
    theirs.internal[0].text = "Their change.".into();
    store::save(&p.file, &theirs).unwrap();
    let mut app = open(&p);
    let Some(Prompt::Restore(found)) = &app.prompt else {
        panic!("restore prompt expected");
    };
    // Compared with the file as it is now, theirs shows as changed too.
    assert_eq!(
        found.diff.changed,
        vec!["all-hands-speed".to_string(), "best".to_string()]
    );
    press(&mut app, KeyCode::Char('r'));
    ctrl(&mut app, 's');
    assert_eq!(app.prompt, Some(Prompt::Conflict));
    assert_eq!(
        store::to_yaml(&loaded(&p.file)),
        store::to_yaml(&theirs),
        "nothing overwritten without asking"
    );
}

#[test]
fn restore_prompt_snapshot() {
    let p = place();
    let mut app = open(&p);
    let mut journal_set = app.set.clone();
    journal_set.internal[1].text.push_str(" Fast.");
    journal_set.internal.remove(3);
    journal_set.internal.push(message("fresh", "A new one."));
    journal_set.internal.push(message("fresher", "Another new one."));
    journal_set.internal.push(message("freshest-of-all", "And another."));
    journal_set.internal.push(message("brand-new-message", "And one more."));
    journal_set.external.story.push_str(" Since 1999.");
    let diff = Diff::between(&app.set, &journal_set);
    app.prompt = Some(Prompt::Restore(Box::new(Found {
        file: p.state.join("journal/x.yaml"),
        set: journal_set,
        base: app.disk.clone(),
        modified: None,
        older: vec![],
        diff,
    })));
    let t = draw(&mut app, 80, 24);
    insta::assert_snapshot!("restore_prompt_80x24", t.backend());
}

#[test]
fn a_journal_one_second_old_is_one_second_not_one_seconds() {
    let p = place();
    let mut app = open(&p);
    let mut journal_set = app.set.clone();
    journal_set.internal[1].text.push_str(" Fast.");
    let diff = Diff::between(&app.set, &journal_set);
    // Half a second of slack so a slow draw still reads as one second.
    let modified = std::time::SystemTime::now() - std::time::Duration::from_millis(1500);
    app.prompt = Some(Prompt::Restore(Box::new(Found {
        file: p.state.join("journal/x.yaml"),
        set: journal_set,
        base: app.disk.clone(),
        modified: Some(modified),
        older: vec![],
        diff,
    })));
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("journaled 1 second ago by"), "{s}");
}

/// `crashed_session`, as the session named `session` (which orders the
/// journal's file name among others).
fn crashed_session_as(p: &Place, session: &str, typed: &str) {
    let mut app = open(p);
    app.rt.journal.as_mut().unwrap().session = session.into();
    if app.prompt.is_some() {
        // Another stopped session's edits: kept for later.
        press(&mut app, KeyCode::Esc);
    }
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('e'));
    keys(&mut app, typed);
    press(&mut app, KeyCode::Esc);
    app.write_journal().unwrap().unwrap();
}

#[test]
fn of_two_stopped_sessions_the_newest_edits_are_offered_then_the_older_said_older() {
    let p = place();
    // The older session's journal sorts last by name, the newer's first.
    crashed_session_as(&p, "zzzzzzzz", " Old.");
    std::thread::sleep(std::time::Duration::from_millis(5));
    crashed_session_as(&p, "aaaaaaaa", " New.");
    // The kernel's file clock is coarse: two journals written a moment
    // apart carry the same modification time.
    let same = std::time::SystemTime::now();
    for j in journals(&p) {
        let f = std::fs::File::options().write(true).open(&j).unwrap();
        f.set_modified(same).unwrap();
    }
    assert_eq!(journals(&p).len(), 2);

    let mut app = open(&p);
    let Some(Prompt::Restore(found)) = &app.prompt else {
        panic!("restore prompt expected");
    };
    assert_eq!(found.set.internal[1].text, "We want to be the best. New.");
    assert_eq!(found.older.len(), 1, "the older journal is counted");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("These are the newest. 1 older journal"), "{shown}");
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.set.internal[1].text, "We want to be the best. New.");
    ctrl(&mut app, 's');
    assert_eq!(loaded(&p.file).internal[1].text, "We want to be the best. New.");

    // The next opening offers the older edits, said to be older than the
    // file, so they are not taken for the latest.
    let mut next = open(&p);
    let Some(Prompt::Restore(found)) = &next.prompt else {
        panic!("the older journal is offered in turn");
    };
    assert_eq!(found.set.internal[1].text, "We want to be the best. Old.");
    assert!(found.older.is_empty());
    let shown = screen(&mut next, 80, 24);
    let flat = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("These edits are older than the file, saved"), "{shown}");
}

#[test]
fn discarding_the_newest_edits_offers_the_older_at_once() {
    let p = place();
    crashed_session_as(&p, "zzzzzzzz", " Old.");
    std::thread::sleep(std::time::Duration::from_millis(5));
    crashed_session_as(&p, "aaaaaaaa", " New.");
    assert_eq!(journals(&p).len(), 2);

    let mut app = open(&p);
    let Some(Prompt::Restore(found)) = &app.prompt else {
        panic!("restore prompt expected");
    };
    assert_eq!(found.set.internal[1].text, "We want to be the best. New.");
    press(&mut app, KeyCode::Char('d'));
    // The older session's edits come next, without reopening the set.
    let Some(Prompt::Restore(found)) = &app.prompt else {
        panic!("the older journal is offered at once: {:?}", app.prompt);
    };
    assert_eq!(found.set.internal[1].text, "We want to be the best. Old.");
    assert_eq!(journals(&p).len(), 1, "the newest journal is gone");
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.set.internal[1].text, "We want to be the best. Old.");
    assert!(app.dirty);
}
