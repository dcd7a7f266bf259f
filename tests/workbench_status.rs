//! The status line at 80×24 keeps long news readable: a failed save naming
//! a long path, the "already open in another chorus" notice, a journal that
//! could not be read when restore is offered, and an export that could not
//! be read wrap onto more rows (the panes give them room) instead of ending
//! mid-word, and a path too long even for that keeps its file name and the
//! reason. Driven through the real key map, update and effects; snapshots.

mod workbench_common;

use std::path::PathBuf;

use chorus::workbench::files;
use chorus::workbench::state::Prompt;
use crossterm::event::KeyCode;
use workbench_common::*;

/// The status line's rows at the foot of an 80×24 screen, joined, and the
/// whole screen.
fn status(app: &mut chorus::workbench::state::App) -> (String, String) {
    let shown = screen(app, 80, 24);
    let rows = app.status_rows() as usize;
    let foot: Vec<&str> = shown.lines().skip(24 - rows).collect();
    (foot.join("\n"), shown)
}

/// Every word of `said` on the screen's foot, in order (rows may break
/// between any two).
fn reads(foot: &str, said: &str) -> bool {
    let flat: String = foot.split_whitespace().collect::<Vec<_>>().join("");
    flat.contains(&said.split_whitespace().collect::<String>())
}

#[test]
fn a_failed_save_with_a_long_path_wraps_and_keeps_the_name_and_the_reason() {
    let long = "/nonexistent/chorus-test/shared/communications/internal/2026/second-half/drafts/lemonadly.yaml";
    let (app, _) = app_with(fixture(), PathBuf::from(long));
    let mut app = Bench::new(app);
    press(&mut app, KeyCode::Char('e'));
    keys(&mut app, "!");
    press(&mut app, KeyCode::Esc);
    ctrl(&mut app, 's');
    assert!(matches!(app.prompt, Some(Prompt::SaveFailed(_))), "{:?}", app.prompt);
    let (foot, shown) = status(&mut app);
    assert!(app.status_rows() > 1, "{shown}");
    assert!(reads(&foot, &format!("Could not save {long}:")), "{shown}");
    let reason = app.notice.clone().unwrap().text;
    let reason = reason.rsplit_once("lemonadly.yaml: ").unwrap().1;
    assert!(reads(&foot, reason), "the reason whole: {reason}\n{shown}");
    insta::assert_snapshot!("status_save_failed_80x24", shown);
}

#[test]
fn a_path_too_long_for_the_rows_keeps_its_file_name_and_the_reason() {
    let long = format!("/nonexistent/{}lemonadly.yaml", "a-long-folder-name/".repeat(12));
    let (app, _) = app_with(fixture(), PathBuf::from(&long));
    let mut app = Bench::new(app);
    press(&mut app, KeyCode::Char('e'));
    keys(&mut app, "!");
    press(&mut app, KeyCode::Esc);
    ctrl(&mut app, 's');
    let (foot, shown) = status(&mut app);
    assert!(reads(&foot, "Could not save …/"), "{shown}");
    assert!(reads(&foot, "/lemonadly.yaml:"), "{shown}");
    let reason = app.notice.clone().unwrap().text;
    let reason = reason.rsplit_once("lemonadly.yaml: ").unwrap().1;
    assert!(reads(&foot, reason), "the reason whole: {reason}\n{shown}");
}

#[test]
fn already_open_elsewhere_is_said_whole() {
    let p = place();
    let open = || {
        let (set, disk) = files::load(&p.file).unwrap();
        let (app, _) = app_with(set, p.file.clone());
        let mut app = Bench::new(app);
        app.disk = disk;
        app.rt.attach(&mut app.app, Some(&p.state), false);
        app
    };
    let first = open();
    assert!(first.rt.lock.is_some());
    // Who holds it, as a fixed holder would say it: the snapshot must not
    // depend on this process's number or the clock.
    let lock = chorus::workbench::lock::file_for(&p.state, &p.file);
    std::fs::write(&lock, r#"{"pid":4242,"host":"crew-laptop-07.lemonad.ly","since":0}"#).unwrap();
    let mut second = open();
    assert!(second.read_only.is_some());
    let (foot, shown) = status(&mut second);
    assert!(
        reads(
            &foot,
            "Read-only: already open in another chorus (pid 4242 on crew-laptop-07.lemonad.ly). \
             Quit that one to edit here, or start with --force"
        ),
        "{shown}"
    );
    insta::assert_snapshot!("status_already_open_80x24", shown);
    drop(first);
}

#[test]
fn an_unreadable_journal_beside_a_restore_offer_is_said_whole() {
    let p = place();
    let journal = p.state.join("journal");
    std::fs::create_dir_all(&journal).unwrap();
    // Named as a journal of this set (the lock's name, then the session's).
    let lock = chorus::workbench::lock::file_for(&p.state, &p.file);
    let stem = lock.file_stem().unwrap().to_string_lossy().into_owned();
    let file = journal.join(format!("{stem}-stopped.yaml"));
    std::fs::write(&file, "not: [a journal").unwrap();
    let (set, disk) = files::load(&p.file).unwrap();
    let (app, _) = app_with(set, p.file.clone());
    let mut app = Bench::new(app);
    app.disk = disk;
    app.rt.attach(&mut app.app, Some(&p.state), false);
    let text = app.notice.clone().map(|n| n.text).unwrap_or_default();
    assert!(
        text.starts_with("A journal of unsaved edits could not be read"),
        "{text}"
    );
    let (foot, shown) = status(&mut app);
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(reads(&foot, &name), "the journal's file name: {name}\n{shown}");
    let reason = text.rsplit_once(": ").unwrap().1;
    assert!(reads(&foot, reason), "the reason: {reason}\n{shown}");
}

#[test]
fn an_export_that_cannot_be_read_is_said_whole() {
    let mut app = app();
    press(&mut app, KeyCode::Char('v'));
    keys(&mut app, "tests/fixtures/pulse/ragged.csv");
    press(&mut app, KeyCode::Enter);
    let text = app.notice.clone().unwrap().text;
    let (foot, shown) = status(&mut app);
    assert!(reads(&foot, &text), "{text}\n{shown}");
    insta::assert_snapshot!("status_pulse_error_80x24", shown);
}
