//! Two workbenches on one set: the first holds the set's lock, the second
//! opens read-only (refusing edits and saves), never sees the first one's
//! live journal as a stopped session's, and never removes it. Once the
//! first is gone (its lock dies with it), its journal is offered as before.
//! Driven through the real key map and update, as `run` opens a set.

mod workbench_common;

use std::path::{Path, PathBuf};

use chorus::core::store;
use chorus::workbench::files;
use chorus::workbench::state::{Mode, Prompt};
use crossterm::event::KeyCode;
use workbench_common::*;

/// A workbench opened on the place's set the way `run` opens it.
fn open(p: &Place, force: bool) -> Bench {
    let (set, disk) = files::load(&p.file).unwrap();
    let (app, _) = app_with(set, p.file.clone());
    let mut app = Bench::new(app);
    app.disk = disk;
    app.rt.attach(&mut app.app, Some(&p.state), force);
    app
}

fn journals(state: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(state.join("journal")) {
        Ok(d) => d
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect(),
        Err(_) => vec![],
    }
}

/// The first session types into the second message and journals it.
fn edit_and_journal(app: &mut Bench, typed: &str) {
    press(app, KeyCode::Down);
    press(app, KeyCode::Char('e'));
    keys(app, typed);
    press(app, KeyCode::Esc);
    app.write_journal().unwrap().unwrap();
}

#[test]
fn a_second_session_is_read_only_and_leaves_the_live_journal_alone() {
    let p = place();
    let on_disk = std::fs::read_to_string(&p.file).unwrap();
    let mut first = open(&p, false);
    assert!(first.rt.lock.is_some() && first.read_only.is_none());
    edit_and_journal(&mut first, " typed in the first");
    let live = journals(&p.state);
    assert_eq!(live.len(), 1);

    let mut second = open(&p, false);
    assert!(
        second.prompt.is_none(),
        "the live journal is not offered as a stopped session's"
    );
    assert!(second.rt.lock.is_none() && second.rt.journal.is_none());
    let holder = second.read_only.clone().expect("read-only");
    assert!(holder.contains(&format!("pid {}", std::process::id())), "{holder}");
    let shown = screen(&mut second, 100, 30);
    assert!(shown.contains("[read-only]"), "{shown}");
    assert!(shown.contains("already open in another chorus"), "{shown}");

    // Editing, adding, deleting, moving and saving are all refused.
    let before = second.set.clone();
    for k in ['e', 'a', 'y', 'D', 'J', 'u'] {
        press(&mut second, KeyCode::Char(k));
        keys(&mut second, "zz");
        press(&mut second, KeyCode::Esc);
    }
    ctrl(&mut second, 's');
    press(&mut second, KeyCode::Char('w'));
    assert_eq!(second.set, before);
    assert!(!second.dirty);
    assert!(second.prompt.is_none(), "no save-as prompt either");
    let notice = second.notice.clone().unwrap();
    assert!(notice.error && notice.text.starts_with("Read-only"), "{notice:?}");
    // The story's fields can be read, not changed.
    press(&mut second, KeyCode::Char('s'));
    assert!(matches!(&second.mode, Mode::Form(_)), "the story opens for reading");
    press(&mut second, KeyCode::Enter);
    assert!(
        matches!(&second.mode, Mode::Form(f) if f.input.is_none()),
        "no field opens for typing"
    );
    keys(&mut second, "x");
    press(&mut second, KeyCode::Enter);
    press(&mut second, KeyCode::Esc);
    assert_eq!(second.set, before);

    // Quitting the read-only session touches neither the file nor the journal.
    press(&mut second, KeyCode::Char('q'));
    assert!(second.quit);
    second.clear_journal();
    drop(second);
    assert_eq!(journals(&p.state), live);
    assert_eq!(std::fs::read_to_string(&p.file).unwrap(), on_disk);

    // The first session still holds the set and saves as usual.
    ctrl(&mut first, 's');
    assert!(!first.dirty, "{:?}", first.notice);
    assert!(journals(&p.state).is_empty());
}

#[test]
fn once_the_first_session_is_gone_its_journal_is_offered_and_the_lock_taken() {
    let p = place();
    let mut first = open(&p, false);
    edit_and_journal(&mut first, " left behind");
    // A crash: the journal stays, the lock goes with the process.
    drop(first);
    let mut next = open(&p, false);
    assert!(next.rt.lock.is_some() && next.read_only.is_none());
    assert!(matches!(next.prompt, Some(Prompt::Restore(_))));
    press(&mut next, KeyCode::Char('r'));
    assert!(next.set.internal[1].text.ends_with(" left behind"));
    // And a third session now finds the set held.
    assert!(open(&p, false).read_only.is_some());
}

#[test]
fn forced_second_session_edits_with_its_own_journal_and_is_offered_none() {
    let p = place();
    let mut first = open(&p, false);
    edit_and_journal(&mut first, " first");
    let mut forced = open(&p, true);
    assert!(forced.read_only.is_none() && forced.rt.lock.is_none());
    assert!(forced.prompt.is_none(), "the live journal is not offered");
    assert!(forced
        .notice
        .as_ref()
        .unwrap()
        .text
        .contains("also open in another chorus"));
    edit_and_journal(&mut forced, " forced");
    assert_eq!(journals(&p.state).len(), 2, "each session keeps its own journal");
}

#[test]
fn save_as_never_writes_over_a_set_open_in_another_session() {
    let p = place();
    let _first = open(&p, false);
    let other = p.file.with_file_name("other.yaml");
    store::save(&other, &fixture()).unwrap();
    let (set, disk) = files::load(&other).unwrap();
    let (second, _) = app_with(set, other.clone());
    let mut second = Bench::new(second);
    second.disk = disk;
    second.rt.dirs = Some(files::Dirs {
        data: p.state.with_file_name("data"),
        state: p.state.clone(),
    });
    second.rt.attach(&mut second.app, Some(&p.state), false);
    assert!(second.rt.lock.is_some(), "other.yaml is free");
    let before = std::fs::read_to_string(&p.file).unwrap();
    press(&mut second, KeyCode::Char('D'));
    press(&mut second, KeyCode::Char('w'));
    // Type the first session's file over the offered path.
    for _ in 0..other.as_os_str().len() {
        press(&mut second, KeyCode::Backspace);
    }
    keys(&mut second, p.file.to_str().unwrap());
    press(&mut second, KeyCode::Enter);
    if matches!(second.prompt, Some(Prompt::Overwrite(_))) {
        press(&mut second, KeyCode::Char('y'));
    }
    assert!(
        matches!(second.prompt, Some(Prompt::SaveFailed(_))),
        "{:?}",
        second.prompt
    );
    assert!(second.notice.as_ref().unwrap().text.contains("open in another chorus"));
    assert_eq!(std::fs::read_to_string(&p.file).unwrap(), before);
    assert_eq!(second.path, other);
    assert!(second.dirty);
}

#[test]
fn a_forced_session_still_running_is_no_stopped_session_to_the_next() {
    let p = place();
    let first = open(&p, false);
    let mut forced = open(&p, true);
    edit_and_journal(&mut forced, " forced and still open");
    // The lock holder quits; the forced session goes on editing.
    drop(first);
    let next = open(&p, false);
    assert!(next.rt.lock.is_some(), "the lock is free again");
    assert!(
        next.prompt.is_none(),
        "the forced session's live journal is not offered as a stopped one's"
    );
    assert_eq!(journals(&p.state).len(), 1, "and it is left alone");
    // Once the forced session has stopped too, its edits are offered.
    drop(forced);
    drop(next);
    let after = open(&p, false);
    assert!(matches!(after.prompt, Some(Prompt::Restore(_))));
}
