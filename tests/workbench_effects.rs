//! `update` changes the model and nothing else: every action, in every mode
//! and at every prompt, run against an app whose set file and state folder
//! sit in a read-only folder, leaves the folder exactly as it was (names,
//! sizes, times, modes, contents), and asks for the effects expected of it.
//! Plus the one history: a pillar added or deleted in the story form is
//! taken back by `u` after the form is closed.

mod workbench_common;

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chorus::core::store;
use chorus::workbench::files;
use chorus::workbench::input::LineInput;
use chorus::workbench::keymap::Ask;
use chorus::workbench::state::{Focus, Mode, Prompt};
use chorus::workbench::unsaved::{Diff, Found};
use chorus::workbench::{update, Action, App, Effect};
use crossterm::event::{KeyCode, KeyModifiers};
use ratatui_textarea::{Input, Key};
use workbench_common::*;

/// What a file or folder under the scratch folder looks like.
#[derive(Debug, PartialEq)]
struct Entry {
    dir: bool,
    len: u64,
    modified: Option<SystemTime>,
    mode: u32,
    bytes: Vec<u8>,
}

/// Every entry under `root` (itself included), by path.
fn tree(root: &Path) -> BTreeMap<PathBuf, Entry> {
    let mut out = BTreeMap::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(p) = todo.pop() {
        let meta = std::fs::symlink_metadata(&p).unwrap();
        if meta.is_dir() {
            for e in std::fs::read_dir(&p).unwrap() {
                todo.push(e.unwrap().path());
            }
        }
        let bytes = if meta.is_file() {
            std::fs::read(&p).unwrap()
        } else {
            vec![]
        };
        out.insert(
            p,
            Entry {
                dir: meta.is_dir(),
                len: meta.len(),
                modified: meta.modified().ok(),
                mode: meta.permissions().mode(),
                bytes,
            },
        );
    }
    out
}

fn set_modes(root: &Path, dir: u32, file: u32) {
    for p in tree(root).keys() {
        let mode = if p.is_dir() { dir } else { file };
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    }
}

/// The scratch folder: the set file, and a state folder holding a journal a
/// stopped session left. Read-only while it lives; writable again when
/// dropped, so it can be removed.
struct Scratch {
    place: Place,
    journal: PathBuf,
}

impl Scratch {
    fn new() -> Scratch {
        let place = place();
        let folder = place.state.join("journal");
        std::fs::create_dir_all(&folder).unwrap();
        let journal = folder.join("lemonadly-0000000000000000-stopped.yaml");
        std::fs::write(&journal, store::to_yaml(&fixture())).unwrap();
        set_modes(place._dir.path(), 0o555, 0o444);
        Scratch { place, journal }
    }

    fn root(&self) -> &Path {
        self.place._dir.path()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        set_modes(self.place._dir.path(), 0o755, 0o644);
    }
}

const VARIANTS: usize = 48;

/// The number of `a`'s variant.
fn variant(a: &Action) -> usize {
    match a {
        Action::Up => 0,
        Action::Down => 1,
        Action::PageUp => 2,
        Action::PageDown => 3,
        Action::Top => 4,
        Action::Bottom => 5,
        Action::FocusNext => 6,
        Action::FocusPrev => 7,
        Action::Edit => 8,
        Action::EditFields => 9,
        Action::EditStory => 10,
        Action::Save => 11,
        Action::SaveAs => 12,
        Action::Quit => 13,
        Action::Help => 14,
        Action::Explain => 15,
        Action::Filter => 16,
        Action::NextProblem => 17,
        Action::PrevProblem => 18,
        Action::Add => 19,
        Action::Duplicate => 20,
        Action::Delete => 21,
        Action::Undo => 22,
        Action::MoveDown => 23,
        Action::MoveUp => 24,
        Action::Cancel => 25,
        Action::Confirm => 26,
        Action::Choose(_) => 27,
        Action::Type(_) => 28,
        Action::Paste(_) => 29,
        Action::Click { .. } => 30,
        Action::Scroll { .. } => 31,
        Action::Resize(..) => 32,
        Action::Tick => 33,
        Action::Saved { .. } => 34,
        Action::SaveFailed(_) => 35,
        Action::ChangedOnDisk => 36,
        Action::Exists(_) => 37,
        Action::Reloaded { .. } => 38,
        Action::ReloadFailed(_) => 39,
        Action::Journaled(_) => 40,
        Action::JournalFailed(_) => 41,
        Action::Programme => 42,
        Action::Left => 43,
        Action::Right => 44,
        Action::Pulse => 45,
        Action::PulseLoaded(_) => 46,
        Action::OfferRestore(_) => 47,
    }
}

/// Every action there is, with the data the places below need.
fn every_action(s: &Scratch) -> Vec<Action> {
    let typed = |key| {
        Action::Type(Input {
            key,
            ctrl: false,
            alt: false,
            shift: false,
        })
    };
    let mut all = vec![
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::FocusNext,
        Action::FocusPrev,
        Action::Edit,
        Action::EditFields,
        Action::EditStory,
        Action::Save,
        Action::SaveAs,
        Action::Quit,
        Action::Help,
        Action::Explain,
        Action::Filter,
        Action::NextProblem,
        Action::PrevProblem,
        Action::Add,
        Action::Duplicate,
        Action::Delete,
        Action::Undo,
        Action::MoveDown,
        Action::MoveUp,
        Action::Cancel,
        Action::Confirm,
        typed(Key::Char('z')),
        typed(Key::Backspace),
        typed(Key::Up),
        Action::Paste("pasted\r\ntext".into()),
        Action::Click { column: 5, row: 3 },
        Action::Click { column: 60, row: 20 },
        Action::Scroll {
            down: true,
            column: 5,
            row: 3,
        },
        Action::Resize(120, 40),
        Action::Tick,
        Action::Saved {
            path: s.place.file.clone(),
            disk: None,
        },
        Action::Saved {
            path: s.root().join("elsewhere.yaml"),
            disk: None,
        },
        Action::SaveFailed("Could not save: disk full".into()),
        Action::ChangedOnDisk,
        Action::Exists(s.root().join("taken.yaml")),
        Action::Reloaded {
            set: Box::new(fixture()),
            disk: None,
            notices: vec![],
        },
        Action::ReloadFailed("Could not reload: gone".into()),
        Action::Journaled(1),
        Action::JournalFailed("Could not journal the unsaved edits: no room".into()),
        Action::Programme,
        Action::Left,
        Action::Right,
        Action::Pulse,
        Action::PulseLoaded(Ok(Box::default())),
        Action::PulseLoaded(Err("answers.csv: row 4: this row has 1 fields".into())),
        Action::OfferRestore(Box::new(Found {
            file: s.journal.clone(),
            diff: Diff::default(),
            set: fixture(),
            base: None,
            modified: None,
            older: vec![],
        })),
    ];
    all.extend("sdcrowynxDq".chars().map(Action::Choose));
    // Every variant is there: numbered by a match with no catch-all, so a
    // new action does not compile until it is numbered (and then listed).
    let listed: std::collections::BTreeSet<usize> = all.iter().map(variant).collect();
    assert_eq!(listed, (0..VARIANTS).collect(), "an action is missing from the list");
    all
}

/// The places an app can be in when an action arrives.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Where {
    Normal,
    Editing,
    Details,
    Story,
    Typing,
    Help,
    Explain,
    Filter,
    Pulse,
    Asked(Ask),
}

const EVERYWHERE: [Where; 16] = [
    Where::Normal,
    Where::Editing,
    Where::Details,
    Where::Story,
    Where::Typing,
    Where::Help,
    Where::Explain,
    Where::Filter,
    Where::Pulse,
    Where::Asked(Ask::Unsaved),
    Where::Asked(Ask::Conflict),
    Where::Asked(Ask::Restore),
    Where::Asked(Ask::SaveFailed),
    Where::Asked(Ask::SaveAs),
    Where::Asked(Ask::Overwrite),
    Where::Asked(Ask::PulsePath),
];

/// An app on the scratch set file, with an unsaved edit, put `at` a place
/// the way a user gets there (a prompt is set directly).
fn app_at(s: &Scratch, at: Where) -> App<'static> {
    let (set, disk) = files::load(&s.place.file).unwrap();
    let (mut app, _) = app_with(set, s.place.file.clone());
    app.disk = disk;
    press(&mut app, KeyCode::Char('D'));
    assert!(app.dirty);
    let other = s.root().join("other.yaml");
    let keys: &[KeyCode] = match at {
        Where::Editing => &[KeyCode::Char('e')],
        Where::Details => &[KeyCode::Char('f')],
        Where::Story => &[KeyCode::Char('s')],
        Where::Typing => &[KeyCode::Char('s'), KeyCode::Enter],
        Where::Help => &[KeyCode::Char('?')],
        Where::Explain => &[KeyCode::Char('x')],
        Where::Filter => &[KeyCode::Char('/')],
        Where::Pulse => {
            app.pulse = Some(Box::default());
            &[KeyCode::Char('p')]
        }
        Where::Normal | Where::Asked(_) => &[],
    };
    for k in keys {
        press(&mut app, *k);
    }
    let Where::Asked(ask) = at else {
        return app;
    };
    app.prompt = Some(match ask {
        Ask::Unsaved => Prompt::Unsaved,
        Ask::Conflict => Prompt::Conflict,
        Ask::Restore => {
            let mut theirs = fixture();
            theirs.internal[0].text.push_str(" Journaled.");
            Prompt::Restore(Box::new(Found {
                file: s.journal.clone(),
                diff: Diff::between(&app.set, &theirs),
                set: theirs,
                base: app.disk.clone(),
                modified: None,
                older: vec![],
            }))
        }
        Ask::SaveFailed => Prompt::SaveFailed("Could not save: disk full".into()),
        Ask::SaveAs => Prompt::SaveAs(LineInput::new(other.display().to_string())),
        Ask::Overwrite => Prompt::Overwrite(other),
        Ask::PulsePath => Prompt::PulsePath(LineInput::new(s.root().join("answers.csv").display().to_string())),
    });
    app
}

fn save(path: &Path, check_disk: bool, overwrite: bool) -> Effect {
    Effect::Save {
        path: path.to_path_buf(),
        check_disk,
        overwrite,
    }
}

/// The effects `action` must ask for `at` a place (the app has unsaved edits).
fn expected(s: &Scratch, at: Where, action: &Action) -> Vec<Effect> {
    let file = &s.place.file;
    let other = s.root().join("other.yaml");
    match (at, action) {
        // What came of an effect, wherever it arrives.
        (_, Action::Saved { path, .. }) if path != file => {
            vec![Effect::RememberPath(path.clone()), Effect::DropJournal]
        }
        (_, Action::Saved { .. } | Action::Reloaded { .. }) => vec![Effect::DropJournal],
        // A save below any prompt checks the file on disk first.
        (
            Where::Normal
            | Where::Editing
            | Where::Details
            | Where::Story
            | Where::Typing
            | Where::Help
            | Where::Explain
            | Where::Filter
            | Where::Pulse,
            Action::Save,
        ) => vec![save(file, true, true)],
        (Where::Asked(Ask::Unsaved), Action::Save | Action::Choose('s')) => vec![save(file, true, true)],
        (Where::Asked(Ask::Unsaved), Action::Choose('d')) => vec![Effect::DropJournal, Effect::Quit],
        (Where::Asked(Ask::Conflict), Action::Choose('r')) => vec![Effect::Reload],
        (Where::Asked(Ask::Conflict), Action::Choose('o')) => vec![save(file, false, true)],
        (Where::Asked(Ask::Restore), Action::Choose('r')) => vec![Effect::WriteJournal {
            replacing: Some(s.journal.clone()),
        }],
        (Where::Asked(Ask::Restore), Action::Choose('d')) => vec![Effect::DiscardJournal(s.journal.clone())],
        (Where::Asked(Ask::SaveAs), Action::Confirm | Action::Save) => vec![save(&other, false, false)],
        (Where::Asked(Ask::Overwrite), Action::Choose('y' | 'o')) => vec![save(&other, false, true)],
        (Where::Asked(Ask::PulsePath), Action::Confirm) => vec![Effect::LoadPulse(vec![s.root().join("answers.csv")])],
        _ => vec![],
    }
}

#[test]
fn update_touches_no_file_and_asks_for_the_effects_expected() {
    let s = Scratch::new();
    // Root writes through a mode of 0555: then the folder's snapshot alone
    // proves nothing was written.
    if unsafe { libc::geteuid() } == 0 {
        eprintln!("running as root: read-only modes are not enforced; comparing the folder's snapshot only");
    } else {
        assert!(
            std::fs::write(s.root().join("probe"), "x").is_err(),
            "the scratch folder is read-only"
        );
    }
    let before = tree(s.root());
    let mut runs = 0;
    for at in EVERYWHERE {
        for action in every_action(&s) {
            let mut app = app_at(&s, at);
            let effects = update(&mut app, action.clone());
            assert_eq!(effects, expected(&s, at, &action), "{action:?} at {at:?}");
            runs += 1;
        }
    }
    assert_eq!(runs, EVERYWHERE.len() * every_action(&s).len());
    assert_eq!(tree(s.root()), before, "update changed something on disk");
}

#[test]
fn quitting_asks_first_and_only_an_answer_quits() {
    let s = Scratch::new();
    let before = tree(s.root());
    // With unsaved edits: the question, no quit.
    let mut app = app_at(&s, Where::Normal);
    assert!(update(&mut app, Action::Quit).is_empty());
    assert_eq!(app.prompt, Some(Prompt::Unsaved));
    // Esc keeps working; asked again, d discards and quits.
    assert!(update(&mut app, Action::Cancel).is_empty());
    assert!(app.prompt.is_none());
    assert!(update(&mut app, Action::Quit).is_empty());
    assert_eq!(
        update(&mut app, Action::Choose('d')),
        [Effect::DropJournal, Effect::Quit]
    );
    assert!(!app.quit, "update only asks; the loop quits");
    // s saves first, and quits once the save is done.
    let mut app = app_at(&s, Where::Asked(Ask::Unsaved));
    assert_eq!(update(&mut app, Action::Choose('s')), [save(&s.place.file, true, true)]);
    let saved = Action::Saved {
        path: s.place.file.clone(),
        disk: app.disk.clone(),
    };
    assert_eq!(update(&mut app, saved), [Effect::DropJournal, Effect::Quit]);
    assert!(!app.dirty && app.prompt.is_none());
    // A failed save keeps the session and offers another file.
    let mut app = app_at(&s, Where::Asked(Ask::Unsaved));
    let _ = update(&mut app, Action::Choose('s'));
    assert!(update(&mut app, Action::SaveFailed("Could not save: disk full".into())).is_empty());
    assert!(matches!(app.prompt, Some(Prompt::SaveFailed(_))));
    assert!(app.dirty);
    // Nothing unsaved: quit at once.
    let (set, _) = files::load(&s.place.file).unwrap();
    let (mut clean, _) = app_with(set, s.place.file.clone());
    assert_eq!(update(&mut clean, Action::Quit), [Effect::Quit]);
    assert_eq!(tree(s.root()), before);
}

#[test]
fn a_save_that_finds_a_change_on_disk_asks_and_reloads_on_r() {
    let s = Scratch::new();
    let mut app = app_at(&s, Where::Normal);
    assert_eq!(update(&mut app, Action::Save), [save(&s.place.file, true, true)]);
    assert!(update(&mut app, Action::ChangedOnDisk).is_empty());
    assert_eq!(app.prompt, Some(Prompt::Conflict));
    assert_eq!(update(&mut app, Action::Choose('r')), [Effect::Reload]);
    let reloaded = Action::Reloaded {
        set: Box::new(fixture()),
        disk: None,
        notices: vec![],
    };
    assert_eq!(update(&mut app, reloaded), [Effect::DropJournal]);
    assert!(!app.dirty);
    assert_eq!(app.set.internal.len(), fixture().internal.len());
    assert!(app.notice.as_ref().unwrap().text.starts_with("Reloaded"));
}

/// Open the story form, do `what` there, close it, and return the pillar ids.
fn in_the_story_form(app: &mut App, what: KeyCode) -> Vec<String> {
    press(app, KeyCode::Char('s'));
    assert!(matches!(&app.mode, Mode::Form(_)));
    // The first pillar's first field, for a delete.
    for _ in 0..4 {
        press(app, KeyCode::Down);
    }
    press(app, what);
    press(app, KeyCode::Esc);
    assert!(matches!(app.mode, Mode::Normal));
    pillar_ids(app)
}

fn pillar_ids(app: &App) -> Vec<String> {
    app.set.external.pillars.iter().map(|p| p.id.clone()).collect()
}

#[test]
fn u_takes_back_a_pillar_added_in_the_story_form_after_it_is_closed() {
    let mut app = app();
    let before = pillar_ids(&app);
    let added = in_the_story_form(&mut app, KeyCode::Char('a'));
    assert_eq!(added.len(), before.len() + 1);
    assert_eq!(app.focus, Focus::List);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(pillar_ids(&app), before);
    assert!(app.notice.as_ref().unwrap().text.contains("Undid the story change"));
}

#[test]
fn u_takes_back_a_pillar_deleted_in_the_story_form_after_it_is_closed() {
    let mut app = app();
    let before = pillar_ids(&app);
    let left = in_the_story_form(&mut app, KeyCode::Char('D'));
    assert_eq!(left.len(), before.len() - 1, "{left:?}");
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(pillar_ids(&app), before);
    // The reviews follow the story back: a message tied to the restored
    // pillar is tied again.
    assert!(app
        .reviews
        .iter()
        .any(|r| r.alignment.pillars.iter().any(|p| !left.contains(p))));
}

#[test]
fn a_pillar_added_then_an_edit_are_taken_back_newest_first() {
    let mut app = app();
    let pillars = pillar_ids(&app);
    let text = app.set.internal[0].text.clone();
    in_the_story_form(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Char('e'));
    keys(&mut app, " More.");
    press(&mut app, KeyCode::Esc);
    send(&mut app, key_event(KeyCode::Char('u'), KeyModifiers::NONE));
    assert_eq!(app.set.internal[0].text, text);
    assert_eq!(pillar_ids(&app).len(), pillars.len() + 1);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(pillar_ids(&app), pillars);
}

#[test]
fn a_save_as_path_under_home_is_expanded_without_looking_at_the_environment() {
    let mut app = app();
    app.home = Some(PathBuf::from("/home/writer"));
    app.prompt = Some(Prompt::SaveAs(LineInput::new("  ~/drafts/set.yaml ")));
    assert_eq!(
        update(&mut app, Action::Confirm),
        [save(Path::new("/home/writer/drafts/set.yaml"), false, false)]
    );
    // With no home folder the path is taken as typed: a relative one,
    // beside the set.
    app.home = None;
    app.prompt = Some(Prompt::SaveAs(LineInput::new("~/set.yaml")));
    let beside = app.path.parent().unwrap().join("~/set.yaml");
    assert_eq!(update(&mut app, Action::Confirm), [save(&beside, false, false)]);
}

/// The loop's side: a save as another file, carried out by the runtime,
/// writes it, makes it the set's file, remembers it as the one to open
/// next time, and drops this session's journal.
#[test]
fn the_runtime_carries_out_a_save_as_and_what_follows() {
    use chorus::workbench::effects::Runtime;
    use chorus::workbench::journal::Journal;
    let p = place();
    let (set, disk) = files::load(&p.file).unwrap();
    let (app, _) = app_with(set, p.file.clone());
    let mut bench = Bench::new(app);
    bench.disk = disk;
    let dirs = files::Dirs {
        data: p.state.with_file_name("data"),
        state: p.state.clone(),
    };
    bench.rt = Runtime {
        journal: Some(Journal::new(&p.state)),
        dirs: Some(dirs.clone()),
        lock: None,
    };
    press(&mut bench, KeyCode::Char('D'));
    bench.write_journal().unwrap().unwrap();
    // The journal itself, beside its session's live marker and lock files.
    let journals = || {
        std::fs::read_dir(p.state.join("journal"))
            .unwrap()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
            .count()
    };
    assert_eq!(journals(), 1);
    let copy = p.file.with_file_name("copy.yaml");
    bench.prompt = Some(Prompt::SaveAs(LineInput::new(copy.display().to_string())));
    step(&mut bench, Action::Confirm);
    assert_eq!(bench.path, copy);
    assert!(!bench.dirty && bench.prompt.is_none());
    assert_eq!(store::load(&copy).unwrap().internal.len(), fixture().internal.len() - 1);
    assert_eq!(dirs.last_opened(), Some(std::path::absolute(&copy).unwrap()));
    // The saved-as set's lock is this session's now, and the journal is gone
    // (only lock files are left in its folder).
    assert!(bench.rt.lock.is_some());
    let left: Vec<_> = std::fs::read_dir(p.state.join("journal"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
