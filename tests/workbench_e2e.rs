//! End to end: the real `chorus` binary in a real pseudo-terminal (100×30),
//! its output read through a vt100 parser. Open a copy of a set, move down,
//! edit the message, type, leave the editor, save, quit; then the words are
//! in the file and the terminal is given back as it was. Every wait polls
//! the screen against a deadline, and the child is killed if the test fails.

mod pty_common;

use pty_common::*;

const SET: &str = r#"version: 1
brand: Lemonad.ly
external:
  story: >-
    Lemonad.ly is the fastest, most experienced and most qualified lemonade
    stand repair company.
  pillars:
    - id: speed
      claim: The fastest lemonade stand repairs
      keywords: [fast, quick, turnaround, hours]
      facts: ["Stands are repaired within 24 hours"]
      opposites: [slow, delay]
    - id: expertise
      claim: The most experienced and most qualified repairers
      keywords: [experienced, qualified, certified, trained]
  avoid: [cheap, discount]
segments: [repair crews, sales, support, payroll, IT]
internal:
  - id: L01
    audience: all
    text: >-
      Every stand we touch should be selling lemonade again within 24 hours.
  - id: L02
    audience: all
    text: We want to be the best.
  - id: L03
    audience: [sales]
    text: When you quote a repair, name the certified repairer who will arrive.
"#;

fn selected_row(screen: &vt100::Screen) -> String {
    screen
        .contents()
        .lines()
        .find(|l| l.contains('▸'))
        .unwrap_or_default()
        .to_string()
}

fn alignment_line(screen: &vt100::Screen) -> String {
    screen
        .contents()
        .lines()
        .find(|l| l.contains("Alignment"))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn edit_save_and_quit_in_a_real_terminal() {
    // Its own small set (schema v1), so the test does not follow the example's edits.
    let (_dir, file, home) = scratch(SET);

    let mut s = Session::start(&file, &home);
    s.wait_for("the workbench", |sc| {
        sc.contents().contains("Messages") && sc.contents().contains("Checklist")
    });
    assert!(s.parser.screen().alternate_screen());
    assert!(s.parser.screen().bracketed_paste());
    assert!(selected_row(s.parser.screen()).contains("L01"));

    s.send("j");
    s.wait_for("the second message selected", |sc| selected_row(sc).contains("L02"));

    // "We want to be the best." ties to no pillar: alignment 0, drifting.
    s.wait_for("L02's alignment", |sc| alignment_line(sc).contains(" 0 no pillar"));
    assert!(selected_row(s.parser.screen()).contains('≈'), "L02 drifts");

    s.send("e");
    s.wait_for("the editor", |sc| sc.contents().contains("Editing L02"));

    s.send(" Quick turnaround, zebra words");
    s.wait_for("the typed words", |sc| sc.contents().contains("zebra"));
    // The scores follow the typing: "quick" and "turnaround" tie it to speed.
    s.wait_for("the alignment to move", |sc| alignment_line(sc).contains("speed"));
    assert!(!selected_row(s.parser.screen()).contains('≈'), "L02 no longer drifts");

    s.send("\x1b");
    s.wait_for("the editor to close", |sc| !sc.contents().contains("Editing"));

    s.send("\x13"); // Ctrl-S
    s.wait_for("the save", |sc| sc.contents().contains("Saved"));

    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");

    // The terminal is given back.
    let sc = s.parser.screen();
    assert!(!sc.alternate_screen(), "left the alternate screen");
    assert!(!sc.bracketed_paste(), "bracketed paste off");
    assert_eq!(
        sc.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse capture off"
    );

    // The words are in the file.
    let raw = std::fs::read_to_string(&file).unwrap();
    for w in ["Quick", "turnaround,", "zebra", "words"] {
        assert!(raw.contains(w), "{w} missing from\n{raw}");
    }
    let set = chorus::core::store::load(&file).unwrap();
    let l02 = set.internal.iter().find(|m| m.id == "L02").unwrap();
    assert_eq!(l02.text, "We want to be the best. Quick turnaround, zebra words");
}

#[test]
fn a_file_that_cannot_be_loaded_is_reported_before_the_terminal_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.yaml");
    std::fs::write(&file, "version: 1\ninternal: [\n").unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let mut s = Session::start(&file, &home);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 2);
    let sc = s.parser.screen();
    assert!(!sc.alternate_screen());
    assert_eq!(sc.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    // file:line:column: message
    let shown = sc.contents();
    let prefix = format!("{}:", file.display());
    assert!(shown.contains(&prefix), "{shown}");
}

#[test]
fn load_errors_show_escape_sequences_in_file_names_visibly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("evil\u{1b}]0;pwned\u{7}.yaml");
    std::fs::write(&file, "version: 1\ninternal: [\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_chorus"))
        .arg(&file)
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("XDG_STATE_HOME", dir.path().join("state"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("evil␛]0;pwned␇.yaml"), "{err:?}");
}
