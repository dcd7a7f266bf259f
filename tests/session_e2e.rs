//! Two real `chorus` workbenches, each in its own pseudo-terminal, on the
//! same set with the same home: the second says the set is already open
//! (by the first one's pid), opens read-only and refuses an edit; the first
//! one's journal of unsaved edits is not offered to it. After the first is
//! killed with SIGKILL, a new session takes the set and is offered the
//! edits.

mod pty_common;

use pty_common::*;
use std::time::{Duration, Instant};

#[cfg(unix)]
#[test]
fn a_second_workbench_opens_read_only_and_a_dead_ones_edits_come_back() {
    let (_dir, file, home) = scratch(SET);
    let journal = home.join("state").join("chorus").join("journal");
    let journals = || -> usize {
        std::fs::read_dir(&journal)
            .map(|d| {
                d.flatten()
                    .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
                    .count()
            })
            .unwrap_or(0)
    };

    let mut first = Session::start(&file, &home);
    first.wait_for("the workbench", |sc| sc.contents().contains("Checklist"));
    first.send("e");
    first.wait_for("the editor", |sc| sc.contents().contains("Editing L01"));
    first.send(" Zebra");
    let deadline = Instant::now() + WAIT;
    while journals() == 0 {
        assert!(
            Instant::now() < deadline,
            "no journal written; screen:\n{}",
            first.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    // What the real binary wrote in the state folder is the user's alone.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let state = home.join("state").join("chorus");
        assert_eq!(mode(&state), 0o700);
        assert_eq!(mode(&journal), 0o700);
        assert_eq!(mode(&state.join("last-set")), 0o600);
        for e in std::fs::read_dir(&journal).unwrap().flatten() {
            assert_eq!(mode(&e.path()), 0o600, "{}", e.path().display());
        }
    }

    let pid = first.child.process_id().expect("a pid");
    let mut second = Session::start(&file, &home);
    // Wait for the whole notice, the holder's pid included: the screen may
    // be read between two writes of one frame.
    let holder = format!("pid {pid}");
    second.wait_for("the read-only notice", |sc| {
        let c = sc.contents();
        c.contains("[read-only]") && c.contains("already open") && c.contains(&holder)
    });
    assert!(second.screen().contains(&format!("pid {pid}")), "{}", second.screen());
    assert!(!second.screen().contains("Unsaved edits found"), "{}", second.screen());
    // An edit is refused: no editor opens, so the next key is a command
    // (help), not a character typed into the text.
    second.send("e");
    second.send("?");
    second.wait_for("the help screen", |sc| sc.contents().contains("MESSAGES"));
    assert!(!second.screen().contains("Editing L01"), "{}", second.screen());
    // Esc alone: Esc and q sent together read as Alt-q.
    second.send("\x1b");
    second.wait_for("the help to close", |sc| !sc.contents().contains("MESSAGES"));
    second.send("q");
    assert!(second.wait_exit().success());
    assert_eq!(journals(), 1, "the live journal is left alone");

    // The first dies without saving: its lock goes with it.
    first.child.kill().unwrap();
    first.wait_exit();
    let mut third = Session::start(&file, &home);
    third.wait_for("the restore prompt", |sc| sc.contents().contains("Unsaved edits found"));
    assert!(!third.screen().contains("[read-only]"));
    third.send("r");
    third.wait_for("the restored edit", |sc| sc.contents().contains("Zebra"));
    third.send("\x13");
    third.wait_for("the save", |sc| sc.contents().contains("Saved"));
    third.send("q");
    assert!(third.wait_exit().success());
    assert!(std::fs::read_to_string(&file).unwrap().contains("Zebra"));
}
