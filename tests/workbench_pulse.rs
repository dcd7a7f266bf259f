//! The pulse screen, through the real key map, update and effects: `p`
//! asks for a survey export and reads it, the screen keeps the anonymity
//! rules (no segment of 4, no quote from a group of 9), a bad file is said
//! in the status line, and no answer reaches the journal or the saved set.
//! Snapshots at 80×24 and 120×40.

mod workbench_common;

use chorus::workbench::journal::Journal;
use chorus::workbench::state::{Mode, Prompt};
use chorus::workbench::App;
use clap::Parser;
use crossterm::event::KeyCode;
use workbench_common::*;

/// Relative to the crate, as tests run there: the screen shows the path.
const ANSWERS: &str = "tests/fixtures/pulse/anonymity.csv";

fn open_pulse(app: &mut impl Drive, path: &str) {
    press(app, KeyCode::Char('v'));
    keys(app, path);
    press(app, KeyCode::Enter);
}

#[test]
fn p_asks_for_the_export_and_opens_the_pulse_screen() {
    let mut app = app();
    press(&mut app, KeyCode::Char('v'));
    assert!(matches!(app.prompt, Some(Prompt::PulsePath(_))));
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("pulse_prompt_{w}x{h}"), draw(&mut app, w, h).backend());
    }
    keys(&mut app, ANSWERS);
    press(&mut app, KeyCode::Enter);
    assert!(app.prompt.is_none());
    assert!(matches!(app.mode, Mode::Pulse { .. }));
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("pulse_screen_{w}x{h}"), draw(&mut app, w, h).backend());
    }
    // Esc closes it; p opens it again without asking.
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode, Mode::Normal));
    press(&mut app, KeyCode::Char('v'));
    assert!(app.prompt.is_none() && matches!(app.mode, Mode::Pulse { .. }));
}

fn whole_screen(app: &mut App) -> String {
    // Tall enough that nothing is scrolled away.
    screen(app, 160, 80)
}

#[test]
fn the_screen_keeps_people_anonymous() {
    let mut app = app();
    open_pulse(&mut app, ANSWERS);
    let s = whole_screen(&mut app);
    assert!(s.contains("other segments"), "{s}");
    assert!(s.contains("support"), "a group of 9 shows its figures");
    assert!(!s.contains("headset"), "no quote from a group of 9:\n{s}");
    assert!(!s.contains("Spreadsheet"), "no quote from a group of 4");
    let rows: Vec<&str> = s.lines().filter(|l| l.contains('%')).collect();
    assert!(
        !rows.iter().any(|l| l.contains("payroll ") && !l.contains("other")),
        "{s}"
    );
    assert!(s.contains("Certified repairers on job"), "a group of 11 is quoted");
}

#[test]
fn an_export_that_cannot_be_read_is_said_in_the_status_line() {
    let mut app = app();
    open_pulse(&mut app, "tests/fixtures/pulse/ragged.csv");
    assert!(matches!(app.mode, Mode::Normal));
    assert!(app.pulse.is_none());
    let notice = app.notice.clone().unwrap();
    assert!(notice.error);
    assert!(notice.text.contains("ragged.csv: row 4"), "{}", notice.text);
    // Esc on the prompt reads nothing.
    press(&mut app, KeyCode::Char('v'));
    press(&mut app, KeyCode::Esc);
    assert!(app.prompt.is_none() && app.pulse.is_none());
}

#[test]
fn no_answer_reaches_the_journal_or_the_saved_set() {
    let p = place();
    let (set, disk) = chorus::workbench::files::load(&p.file).unwrap();
    let (app, _) = app_with(set, p.file.clone());
    let mut app = Bench::new(app);
    app.disk = disk;
    app.rt.journal = Some(Journal::new(&p.state));
    let answers = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(ANSWERS);
    open_pulse(&mut app, answers.to_str().unwrap());
    assert!(app.pulse.is_some());
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('e'));
    keys(&mut app, " Fast.");
    press(&mut app, KeyCode::Esc);
    let journal = app.write_journal().unwrap().unwrap();
    let written = std::fs::read_to_string(&journal).unwrap();
    ctrl(&mut app, 's');
    let saved = std::fs::read_to_string(&p.file).unwrap();
    for text in [written, saved] {
        for m in [
            "Certified repairers on job",
            "Fast repairs for every stand",
            "headset",
            "laptop fleet",
        ] {
            assert!(!text.contains(m), "answer text \"{m}\" written:\n{text}");
        }
    }
}

/// A later round of the same survey (spring, after the autumn export).
const SPRING: &str = "tests/fixtures/pulse/lemonadly-spring.csv";
const AUTUMN: &str = "messages/lemonadly-pulse.csv";

#[test]
fn a_on_the_pulse_screen_reads_a_later_round_and_shows_what_moved() {
    // The set the CLI reads below, so the two read the answers alike.
    let set = chorus::core::store::load(std::path::Path::new("messages/lemonadly.yaml")).unwrap();
    let (mut app, _) = app_with(set, "messages/lemonadly.yaml".into());
    open_pulse(&mut app, AUTUMN);
    assert!(app.pulse_before.is_none());
    let one = screen(&mut app, 120, 40);
    assert!(one.contains("a: compare a later round"), "{one}");
    press(&mut app, KeyCode::Char('a'));
    assert!(
        matches!(app.prompt, Some(Prompt::PulsePath(_))),
        "a asks for the later round"
    );
    keys(&mut app, SPRING);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Pulse { .. }));
    let before = app.pulse_before.as_ref().expect("the round before is kept");
    assert!(before.source.ends_with("lemonadly-pulse.csv"));
    assert!(app.pulse.as_ref().unwrap().source.ends_with("lemonadly-spring.csv"));
    // The same moves as `chorus pulse SET A.csv B.csv` prints.
    let home = tempfile::tempdir().unwrap();
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(["pulse", "messages/lemonadly.yaml", AUTUMN, SPRING])
        .env("NO_COLOR", "1")
        // No lexicon of this machine's user: the built-in words, as the app reads.
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .output()
        .unwrap();
    let cli = String::from_utf8(cli.stdout).unwrap();
    let cli_moves: Vec<&str> = cli
        .split("What moved:\n")
        .nth(1)
        .unwrap()
        .lines()
        .map(str::trim)
        .collect();
    let s = screen(&mut app, 160, 80);
    assert!(s.contains("What moved since lemonadly-pulse.csv"), "{s}");
    for m in &cli_moves {
        assert!(s.contains(m), "the CLI's move \"{m}\" is on the screen:\n{s}");
    }
    assert!(app.notice.as_ref().unwrap().text.contains("compared with"));
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("pulse_compared_{w}x{h}"), draw(&mut app, w, h).backend());
    }
}

#[test]
fn two_rounds_from_the_command_line_open_compared() {
    // As `run` reads `chorus SET --pulse A.csv B.csv`: both rounds at once.
    let cli = chorus::cli::Cli::try_parse_from(["chorus", "set.yaml", "--pulse", AUTUMN, SPRING]).unwrap();
    assert_eq!(cli.pulse, [std::path::PathBuf::from(AUTUMN), SPRING.into()]);
    let mut app = app();
    let rounds = app.read_pulse(&cli.pulse).unwrap();
    step(&mut app, chorus::workbench::Action::PulseLoaded(Ok(Box::new(rounds))));
    assert!(matches!(app.mode, Mode::Pulse { .. }));
    assert!(app.pulse_before.is_some() && !app.pulse_moved.is_empty());
    let s = screen(&mut app, 120, 40);
    assert!(
        s.contains("What moved since lemonadly-pulse.csv (61 answers), in lemonadly-spring.csv"),
        "{s}"
    );
    // One round opens as before, with nothing compared.
    let one = app.read_pulse(&cli.pulse[..1]).unwrap();
    step(&mut app, chorus::workbench::Action::PulseLoaded(Ok(Box::new(one))));
    assert!(app.pulse_before.is_none() && app.pulse_moved.is_empty());
}
