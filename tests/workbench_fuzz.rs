//! The workbench fed random sequences of keys, pastes and resizes, through
//! the real key map, update and view (on a TestBackend) with the real core
//! engine, on a copy of messages/lemonadly.yaml in a temporary folder (so
//! Ctrl-S really saves). After every step: no panic, the selection is a
//! visible message, one review per message, every span inside its text,
//! every score 0–100; after every save the file holds exactly the set in
//! memory and loads back to it.
//!
//! 64 sequences of up to 60 steps by default; a longer run:
//! `PROPTEST_CASES=5000 cargo test --release --test workbench_fuzz`.

mod workbench_common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chorus::core::lexicon::Lexicon;
use chorus::core::store;
use chorus::core::verdict::Span;
use chorus::workbench::engine::CoreEngine;
use chorus::workbench::{files, keys, Action, App};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use workbench_common::Drive;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::builtin)
}

#[derive(Debug, Clone)]
enum Step {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    Resize(u16, u16),
    Tick,
}

fn key() -> impl Strategy<Value = Step> {
    let plain = |c: char| Step::Key(KeyCode::Char(c), KeyModifiers::NONE);
    let shift = |c: char| Step::Key(KeyCode::Char(c), KeyModifiers::SHIFT);
    let ctrl = |c: char| Step::Key(KeyCode::Char(c), KeyModifiers::CONTROL);
    let code = |k: KeyCode| Step::Key(k, KeyModifiers::NONE);
    let map: Vec<Step> = vec![
        code(KeyCode::Enter),
        code(KeyCode::Esc),
        code(KeyCode::Tab),
        Step::Key(KeyCode::BackTab, KeyModifiers::SHIFT),
        code(KeyCode::Up),
        code(KeyCode::Down),
        code(KeyCode::Left),
        code(KeyCode::Right),
        code(KeyCode::PageUp),
        code(KeyCode::PageDown),
        code(KeyCode::Home),
        code(KeyCode::End),
        code(KeyCode::Backspace),
        code(KeyCode::Delete),
        code(KeyCode::F(1)),
        plain('e'),
        plain('a'),
        plain('y'),
        shift('D'),
        plain('u'),
        shift('J'),
        shift('K'),
        plain('f'),
        plain('s'),
        plain('?'),
        plain('/'),
        plain('n'),
        shift('N'),
        plain('w'),
        plain('q'),
        plain('j'),
        plain('k'),
        plain('g'),
        shift('G'),
        // Prompt answers.
        plain('r'),
        plain('d'),
        plain('o'),
        plain('c'),
        ctrl('s'),
        ctrl('s'),
        ctrl('z'),
        ctrl('y'),
        ctrl('c'),
    ];
    prop_oneof![
        6 => prop::sample::select(map),
        2 => any::<char>().prop_map(move |c| Step::Key(KeyCode::Char(c), KeyModifiers::NONE)),
        1 => prop::sample::select(vec!['x', ' ', 'é', '字', '\u{301}', '👍', 'Q'])
            .prop_map(move |c| Step::Key(KeyCode::Char(c), KeyModifiers::NONE)),
        1 => (0u16..=200, 0u16..=60).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => prop::sample::select(vec![
            "fast repairs within 24 hours\r\nfor everyone".to_string(),
            "\u{1b}[31mred\u{7}".to_string(),
            "best cheap world domination".to_string(),
            String::new(),
        ])
        .prop_map(Step::Paste),
        1 => Just(Step::Tick),
    ]
}

fn check_span(s: Span, len: usize, what: &str) {
    assert!(s.start <= s.end && s.end <= len, "{what} span {s:?} outside 0..{len}");
}

fn check_invariants(app: &App) {
    let n = app.set.internal.len();
    assert_eq!(app.reviews.len(), n, "one review per message");
    if let Some(s) = app.selected {
        assert!(s < n, "selection {s} of {n}");
        assert!(app.visible.contains(&s), "the selection is visible");
    }
    assert!(app.visible.iter().all(|&i| i < n));
    for (m, r) in app.set.internal.iter().zip(&app.reviews) {
        let len = m.text.chars().count();
        for c in &r.checklist.results {
            assert!(c.score <= 100, "score {}", c.score);
            for f in &c.findings {
                check_span(f.span, len, &f.rule);
            }
            for b in &c.breakdown {
                if let Some(s) = b.span {
                    check_span(s, len, &b.rule);
                }
            }
        }
        for d in &r.drift {
            if let Some(s) = d.span {
                check_span(s, len, d.kind.as_str());
            }
        }
        for t in &r.alignment.ties {
            check_span(t.span, len, "tie");
        }
        assert!(r.alignment.score <= 100);
    }
}

/// After a save: the file reads back as exactly the set in memory (unless
/// the set itself breaks a rule, which the load then reports). Saving keeps
/// the file's own text where nothing changed, so the bytes are not compared.
fn check_saved(app: &App) {
    match store::load(&app.path) {
        // Compared as canonical YAML: a new message's record of its key
        // order is empty in memory and filled in once read from a file.
        Ok(back) => assert_eq!(
            store::to_yaml(&back),
            store::to_yaml(&app.set),
            "the saved file reloads to the same set"
        ),
        Err(e) => assert!(
            store::validate(&app.set).is_err(),
            "a valid set saved, but its file does not load: {e}"
        ),
    }
}

/// A copy of the example set, deep in a temporary folder: a save-as path
/// edited by random keys stays inside it or names a folder that does not
/// exist.
fn copy_of_example(dir: &Path) -> PathBuf {
    let deep = dir.join("a-folder-deep-enough/that-sixty-keys/cannot-leave-it/by-backspace");
    std::fs::create_dir_all(&deep).unwrap();
    let path = deep.join("lemonadly.yaml");
    std::fs::write(&path, files::EXAMPLE_YAML).unwrap();
    path
}

fn run(steps: &[Step]) {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_example(dir.path());
    let (set, disk) = files::load(&path).unwrap();
    let engine = CoreEngine::new(&set, lexicon());
    let mut app = App::new(set, path, disk, Box::new(engine));
    app.step(Action::Resize(80, 24));
    let mut size = (80u16, 24u16);
    for step in steps {
        if app.quit {
            break;
        }
        let event = match step {
            Step::Key(code, modifiers) => Some(Event::Key(KeyEvent {
                code: *code,
                modifiers: *modifiers,
                kind: KeyEventKind::Press,
                state: KeyEventState::NONE,
            })),
            Step::Paste(s) => Some(Event::Paste(s.clone())),
            Step::Resize(w, h) => {
                size = (*w, *h);
                Some(Event::Resize(*w, *h))
            }
            Step::Tick => {
                app.step(Action::Tick);
                None
            }
        };
        if let Some(ev) = event {
            if let Some(action) = keys::action_for(&app, &ev) {
                app.step(action);
            }
        }
        check_invariants(&app);
        if app.notice.as_ref().is_some_and(|n| n.text.starts_with("Saved ")) {
            check_saved(&app);
        }
        let mut t = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
        t.draw(|f| chorus::workbench::view::draw(f, &app)).unwrap();
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_and_resizes_keep_the_workbench_sound(steps in prop::collection::vec(key(), 0..60)) {
        run(&steps);
    }
}

/// A fixed sequence that surely edits, saves and saves as, so the save
/// checks above run in every build, whatever the random cases do.
#[test]
fn a_known_sequence_saves_and_reloads() {
    let mut steps = vec![Step::Key(KeyCode::Char('e'), KeyModifiers::NONE)];
    steps.extend(
        " Quick fixes."
            .chars()
            .map(|c| Step::Key(KeyCode::Char(c), KeyModifiers::NONE)),
    );
    steps.push(Step::Key(KeyCode::Char('s'), KeyModifiers::CONTROL));
    steps.push(Step::Key(KeyCode::Esc, KeyModifiers::NONE));
    steps.push(Step::Key(KeyCode::Char('D'), KeyModifiers::SHIFT));
    steps.push(Step::Key(KeyCode::Char('s'), KeyModifiers::CONTROL));
    steps.push(Step::Resize(0, 0));
    steps.push(Step::Resize(200, 60));
    run(&steps);
}
