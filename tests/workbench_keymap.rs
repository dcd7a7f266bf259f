//! A keymap file's remap, end to end through the workbench: the new key
//! does the action, the old one no longer does, and the help screen and
//! the status line name the new key. In a test binary of its own, because
//! the key table in force is set once per process, as the workbench sets
//! it at start.

mod workbench_common;

use chorus::workbench::keymap::{self, Chord};
use chorus::workbench::prefs;
use chorus::workbench::Action;
use crossterm::event::KeyCode;
use workbench_common::*;

#[test]
fn save_remapped_to_another_key_saves_there_and_the_help_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(prefs::KEYS_FILE), "save: ctrl+w\n").unwrap();
    let p = prefs::load(Some(dir.path()), None, false, None);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert!(keymap::install(p.keymap.expect("the file remaps a key")));
    assert_eq!(
        keymap::chord_named(&[keymap::Scope::Normal], "Save"),
        Some(Chord::Ctrl('w'))
    );

    let file = dir.path().join("set.yaml");
    let (app, _) = app_with(fixture(), file.clone());
    let mut b = Bench::new(app);
    press(&mut b, KeyCode::Char('D'));
    assert!(b.app.dirty, "deleting a message leaves the set unsaved");

    // The old key means nothing in the panes any more.
    ctrl(&mut b, 's');
    assert!(b.app.dirty);
    assert!(!file.exists(), "^S saved nothing");

    // The new one saves.
    ctrl(&mut b, 'w');
    assert!(!b.app.dirty, "^W saved");
    let saved = chorus::core::store::load(&file).unwrap();
    assert_eq!(saved.internal.len(), fixture().internal.len() - 1, "the set as edited");

    // The status line and the help screen name the new key.
    press(&mut b, KeyCode::Char('D'));
    let status = screen(&mut b.app, 120, 40);
    assert!(status.contains("^W save"), "{status}");
    assert!(!status.contains("^S"), "{status}");
    press(&mut b, KeyCode::Char('?'));
    let help = screen(&mut b.app, 120, 40);
    let row = help
        .lines()
        .find(|l| l.contains("save (in any mode)"))
        .expect("the help lists save");
    assert!(row.contains("^W") && !row.contains("^S"), "{row}");
    step(&mut b, Action::Cancel);
}
