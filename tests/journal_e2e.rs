//! After a kill -9, the unsaved edits come back: the real `chorus` binary in
//! a pseudo-terminal edits a message, and once the journal is written (at
//! most two seconds after the edit) the process is killed with SIGKILL.
//! The set file is untouched; opening it again offers the edits (naming
//! the changed message), `r` restores them, Ctrl-S saves them, and the
//! journal is gone.

mod pty_common;

use pty_common::*;
use std::path::Path;
use std::time::{Duration, Instant};

fn journals(home: &Path) -> Vec<std::path::PathBuf> {
    match std::fs::read_dir(home.join("state").join("chorus").join("journal")) {
        // Whole journals only, not the temporary file of one being written.
        Ok(d) => d
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .collect(),
        Err(_) => vec![],
    }
}

#[cfg(unix)]
#[test]
fn edits_survive_kill_9_and_are_offered_back() {
    let (_dir, file, home) = scratch(SET);

    let mut s = Session::start(&file, &home);
    s.wait_for("the workbench", |sc| sc.contents().contains("Checklist"));
    s.send("j");
    s.send("e");
    s.wait_for("the editor", |sc| sc.contents().contains("Editing L02"));
    s.send(" Zebra turnaround");
    s.wait_for("the typed words", |sc| sc.contents().contains("Zebra"));
    // The journal follows within seconds, with no other key pressed.
    let deadline = Instant::now() + WAIT;
    while journals(&home).is_empty() {
        assert!(Instant::now() < deadline, "no journal written; screen:\n{}", s.screen());
        std::thread::sleep(Duration::from_millis(50));
    }
    let pid = s.child.process_id().expect("a process id");
    let killed = std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    s.wait_exit();
    drop(s);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), SET, "the file is untouched");

    let mut s = Session::start(&file, &home);
    s.wait_for("the restore prompt", |sc| sc.contents().contains("Unsaved edits found"));
    s.wait_for("what the edits change", |sc| sc.contents().contains("changed (1): L02"));
    s.send("r");
    s.wait_for("the restore", |sc| sc.contents().contains("Restored the unsaved edits"));
    s.send("j");
    s.wait_for("the restored edits", |sc| sc.contents().contains("Zebra"));
    s.send("\x13"); // Ctrl-S
    s.wait_for("the save", |sc| sc.contents().contains("Saved"));
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    let set = chorus::core::store::load(&file).unwrap();
    assert_eq!(set.internal[1].text, "We want to be the best. Zebra turnaround");
    assert!(journals(&home).is_empty(), "a clean save removes the journal");
}

/// Start the workbench on the example, type into L01, and return the
/// session with the words on screen but not yet journaled.
fn typed(file: &Path, home: &Path, words: &str) -> Session {
    let mut s = Session::start(file, home);
    s.wait_for("the workbench", |sc| sc.contents().contains("Checklist"));
    s.send("e");
    s.wait_for("the editor", |sc| sc.contents().contains("Editing L01"));
    s.send(words);
    s.wait_for("the typed words", |sc| sc.contents().contains(words.trim()));
    s
}

/// The one journal the session left, read back as the set it is.
fn journaled_text(home: &Path) -> String {
    let journal = journals(home);
    assert_eq!(journal.len(), 1, "the edits were journaled on the way out");
    chorus::core::store::load(&journal[0]).unwrap().internal[0].text.clone()
}

#[cfg(unix)]
#[test]
fn closing_the_terminal_ends_the_workbench_with_the_edits_journaled() {
    let (_dir, file, home) = scratch(SET);
    let mut s = typed(&file, &home, " Window closed");
    // The window goes, as when a tmux pane is killed or ssh drops: the
    // workbench must notice the dead terminal, not spin reading it.
    // wait_exit fails the test if chorus is still running after its
    // deadline: a workbench spinning on the dead terminal never exits.
    s.close_terminal();
    s.wait_exit();
    drop(s);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), SET, "the file is untouched");
    let kept = journaled_text(&home);
    assert!(
        kept.ends_with("Window closed"),
        "{kept:?}\n{}",
        std::fs::read_to_string(&journals(&home)[0]).unwrap()
    );
}

#[cfg(unix)]
#[test]
fn sigterm_ends_the_workbench_with_the_edits_journaled() {
    let (_dir, file, home) = scratch(SET);
    let mut s = typed(&file, &home, " Asked to stop");
    let pid = s.child.process_id().expect("a process id");
    let term = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    s.wait_exit();
    drop(s);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), SET, "the file is untouched");
    let kept = journaled_text(&home);
    assert!(kept.ends_with("Asked to stop"), "{kept:?}");
}

#[cfg(unix)]
#[test]
fn a_closed_terminal_journals_the_latest_edits_at_once() {
    let (_dir, file, home) = scratch(SET);

    let mut s = Session::start(&file, &home);
    s.wait_for("the workbench", |sc| sc.contents().contains("Checklist"));
    s.send("e");
    s.wait_for("the editor", |sc| sc.contents().contains("Editing L01"));
    s.send(" Hangup words");
    s.wait_for("the typed words", |sc| sc.contents().contains("Hangup words"));
    // SIGHUP, as when the terminal window is closed, before the journal's
    // regular two-second write.
    let pid = s.child.process_id().expect("a process id");
    let hup = std::process::Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()
        .unwrap();
    assert!(hup.success());
    s.wait_exit();
    drop(s);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), SET, "the file is untouched");
    let journal = journals(&home);
    assert_eq!(journal.len(), 1, "the edits were journaled on the way out");
    // A journal is itself a set file.
    let kept = chorus::core::store::load(&journal[0]).unwrap();
    assert!(
        kept.internal[0].text.ends_with("Hangup words"),
        "{:?}",
        kept.internal[0].text
    );
}
