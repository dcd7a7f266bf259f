//! The event loop: block until the terminal has an event, a stop signal
//! arrives or the terminal goes away (or, only while a deferred refresh or
//! a journal write is pending, until its deadline), update, and redraw only
//! when something changed. Nothing polls when idle.

use std::io::{self, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossterm::event;
use ratatui::DefaultTerminal;

use super::action::Action;
use super::effects::Runtime;
use super::engine::CoreEngine;
use super::files::{self, Dirs};
use super::glyphs;
#[cfg(test)]
use super::journal::Journal;
use super::keymap;
use super::keys;
use super::prefs;
use super::state::{App, Notice};
use super::terminal;
use super::view;
use super::view::theme;
use super::wake::{Waiter, Wake};
use crate::core::lexicon::Lexicon;

/// How long typing must pause before the set summary is refreshed.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// Messages scored per idle step of a large set: about 20 ms of work, short
/// enough that a key pressed meanwhile is handled without a felt delay.
const SCORE_CHUNK: usize = 1000;
/// How long crossterm may take to hand over input the terminal has ready,
/// or events it has already read and parsed (a burst of keys is read at
/// once). Its tty reader looks at those only while this time has not run
/// out, so it must be long enough never to run out before the first look,
/// even on a loaded machine; short enough that a stop signal arriving
/// meanwhile is still honoured at once. On a hung-up terminal it returns
/// within this time too, and the next wait reports the terminal gone.
const READ_READY: Duration = Duration::from_millis(50);

/// Unsaved edits reach the journal at most this long after they are made
/// (and no more often: writing a large set takes a moment).
const JOURNAL_EVERY: Duration = Duration::from_secs(2);

/// Open the workbench on `path` (or the last set, or the example) and run
/// it until the user quits. Returns the process exit code: 0 on a normal
/// quit, 2 when the set could not be loaded (reported on stderr before the
/// terminal is touched), 1 on a terminal error. `force`: edit even when
/// another session has the set open (else it opens read-only).
pub fn run(path: Option<PathBuf>, force: bool, look: super::Look, pulse: Vec<PathBuf>) -> i32 {
    let dirs = Dirs::for_user();
    let path = match files::start_path(path, dirs.as_ref()) {
        Ok(p) => p,
        Err(e) => {
            say(&format!("chorus: {e}"));
            return 2;
        }
    };
    // Load before raw mode: a broken file leaves the terminal as it was.
    let (set, disk, notices) = match files::load_noting(&path) {
        Ok(loaded) => loaded,
        Err(e) => {
            say(&e.to_string());
            return 2;
        }
    };
    if let Some(d) = &dirs {
        // Remembering is a convenience; failing to is no reason to stop.
        let _ = d.remember(&path);
    }
    let lexicon = match Lexicon::for_machine().and_then(|l| l.for_set(&set, &path)) {
        Ok(l) => l,
        Err(e) => {
            say(&e.to_string());
            return 2;
        }
    };
    // The user's keys and colours: a broken file is told in the status
    // line, and the defaults stay.
    let colorfgbg = std::env::var("COLORFGBG").ok();
    let prefs = prefs::load(
        prefs::config_dir().as_deref(),
        look.theme.as_deref(),
        look.no_mouse,
        colorfgbg.as_deref(),
    );
    if let Some(rows) = prefs.keymap.clone() {
        keymap::install(rows);
    }
    theme::set(prefs.palette);
    let engine = CoreEngine::new(&set, &lexicon);
    let mut app = App::new(set, path, disk, Box::new(engine));
    app.tell_load_notices(&notices);
    // The answers, read before the terminal is touched, like the set.
    // One round, or two to compare (oldest first), as `chorus pulse` reads them.
    let pulse = match (!pulse.is_empty()).then(|| app.read_pulse(&pulse)).transpose() {
        Ok(p) => p,
        Err(e) => {
            say(&e);
            return 2;
        }
    };
    if let Some(problem) = prefs.problems.first() {
        app.notice = Some(Notice {
            text: format!("{problem} (the defaults are used)"),
            error: true,
        });
    }
    // The set's lock, its journal, and unsaved edits a stopped session left
    // (offered before anything else); read-only when another session has it.
    let mut rt = Runtime::default();
    rt.attach(&mut app, dirs.as_ref().map(|d| d.state.as_path()), force);
    rt.dirs = dirs;
    if let Some(p) = pulse {
        rt.apply(&mut app, Action::PulseLoaded(Ok(Box::new(p))));
    }

    // SIGHUP (a closed terminal) and SIGTERM leave the loop the way a
    // terminal error does, journaling unsaved edits, instead of killing chorus.
    let mut waiter = match Waiter::for_terminal() {
        Ok(w) => w,
        Err(e) => {
            say(&format!("chorus: cannot use this terminal: {e}"));
            return 1;
        }
    };
    let mut session = match terminal::enter(prefs.mouse) {
        Ok(s) => s,
        Err(e) => {
            say(&format!("chorus: cannot use this terminal: {e}"));
            return 1;
        }
    };
    // A panic inside the loop is caught with the terminal still taken over,
    // so the edits are journaled before anything else happens.
    let result = terminal::guarded(|| event_loop(&mut session.terminal, &mut waiter, &mut app, &mut rt));
    let outcome = match result {
        Ok(Ok(())) => Outcome::Quit,
        Ok(Err(e)) => Outcome::TerminalError(e.to_string()),
        Err(panic) => Outcome::Panicked(panic),
    };
    finish(&mut app, &mut rt, outcome, || drop(session))
}

/// How the event loop ended.
#[derive(Debug)]
enum Outcome {
    Quit,
    TerminalError(String),
    Panicked(String),
}

/// After the loop: keep the unsaved edits (journal first, while the
/// terminal is still ours), give the terminal back with `restore`, then say
/// what happened. Returns the exit code.
fn finish(app: &mut App, rt: &mut Runtime, outcome: Outcome, restore: impl FnOnce()) -> i32 {
    let kept = match outcome {
        Outcome::Quit => None,
        // Even a bug in writing the journal must not keep the terminal.
        _ => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| recover(app, rt))).ok(),
    };
    // The journal kept for the next session is let go of before the
    // terminal is given back; a quit clears it (and its marker) below.
    if !matches!(outcome, Outcome::Quit) {
        if let Some(j) = rt.journal.as_mut() {
            j.release();
        }
    }
    restore();
    let code = match outcome {
        Outcome::Quit => {
            // Quitting with edits means the user chose to discard them.
            rt.clear_journal(app);
            0
        }
        Outcome::TerminalError(e) => {
            say(&format!("chorus: {e}"));
            1
        }
        Outcome::Panicked(msg) => {
            say(&format!("chorus: the workbench stopped on a bug: {msg}"));
            101
        }
    };
    if let Some(Some(msg)) = kept {
        say(&msg);
    }
    code
}

/// A message on stderr, which is the user's terminal too: a file name or a
/// YAML error quoting the file may hold escape sequences, so show them.
/// The terminal may be gone (that may be why chorus stops): a failed write
/// is no reason to panic once the edits are safe.
fn say(msg: &str) {
    let _ = writeln!(io::stderr(), "{}", glyphs::visible(msg));
}

/// The workbench stopped without the user quitting (terminal error, bug):
/// nobody could be asked, so journal the unsaved edits (offered again when
/// the set is opened); without a journal, write them next to the file
/// instead of over it. Returns what to tell the user.
fn recover(app: &mut App, rt: &mut Runtime) -> Option<String> {
    if !app.dirty {
        return None;
    }
    let name = app.path.display().to_string();
    let journal_error = match rt.write_journal(app) {
        Some(Ok(_)) => {
            return Some(format!(
                "chorus: your unsaved changes are kept: open {name} again to restore them"
            ))
        }
        Some(Err(e)) => Some(e),
        None => None,
    };
    Some(match files::save_recovery(&app.path, &app.set) {
        Ok(p) => format!("chorus: your unsaved changes were written to {}", p.display()),
        Err(e) => match journal_error {
            Some(j) => format!("chorus: your unsaved changes could not be written: {j}; {e}"),
            None => format!("chorus: your unsaved changes could not be written: {e}"),
        },
    })
}

fn event_loop(terminal: &mut DefaultTerminal, waiter: &mut Waiter, app: &mut App, rt: &mut Runtime) -> io::Result<()> {
    let size = terminal.size()?;
    rt.apply(app, Action::Resize(size.width, size.height));
    let mut redraw = true;
    // When the set summary is to be refreshed, and the journal written.
    let mut refresh: Option<Instant> = None;
    let mut journal: Option<Instant> = None;
    // crossterm may hold keys it has read but not yet handed over (a paste
    // arrives as many at once): after each key, ask it again before waiting.
    let mut more_keys = false;
    loop {
        if redraw {
            terminal.draw(|f| view::draw(f, app))?;
            redraw = false;
        }
        if app.quit {
            return Ok(());
        }
        // Wait for an event; with something pending, only until it is due;
        // while keys may be queued or a large set is still being scored, not at all.
        let deadline = match (refresh, journal) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let timeout = if more_keys || app.scoring {
            Some(Duration::ZERO)
        } else {
            deadline.map(|at| at.saturating_duration_since(Instant::now()))
        };
        let wake = waiter.wait(timeout)?;
        let event = match wake {
            Wake::Stop => {
                // SIGHUP or SIGTERM: end as on a terminal error, so the unsaved
                // edits are journaled.
                return Err(io::Error::other("stopped by a signal (was the terminal closed?)"));
            }
            Wake::Gone => return Err(io::Error::other("the terminal was closed")),
            Wake::Input | Wake::Resize => next_event()?,
            Wake::Deadline if more_keys => next_event()?,
            Wake::Deadline => None,
        };
        more_keys = event.is_some();
        match event {
            Some(ev) => {
                if let Some(action) = keys::action_for(app, &ev) {
                    rt.apply(app, action);
                    redraw = true;
                }
            }
            // A large set still being scored: score a chunk whenever no key is
            // waiting, so typing stays responsive while the verdicts fill in.
            None if app.scoring => {
                app.score_pending(SCORE_CHUNK);
                redraw = true;
            }
            None => {
                let now = Instant::now();
                if refresh.is_some_and(|at| at <= now) {
                    refresh = None;
                    rt.apply(app, Action::Tick);
                    redraw = true;
                }
                if journal.is_some_and(|at| at <= now) {
                    journal = None;
                    // A failure shows with the next write (or the save).
                    rt.write_journal_in_background(app);
                    redraw = true;
                }
            }
        }
        if app.summary_stale && refresh.is_none() {
            refresh = Some(Instant::now() + DEBOUNCE);
        }
        if rt.journal_due(app) && journal.is_none() {
            journal = Some(Instant::now() + JOURNAL_EVERY);
        }
        if !app.dirty {
            journal = None;
        }
    }
}

/// The next event crossterm has ready, if any.
fn next_event() -> io::Result<Option<event::Event>> {
    if event::poll(READ_READY)? {
        Ok(Some(event::read()?))
    } else {
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::MessageSet;
    use crate::core::store;
    use crate::workbench::scratch::set_file;

    /// A session on the template in a fresh folder, journaling into the
    /// folder's `state`.
    struct Session<'l> {
        dir: tempfile::TempDir,
        file: PathBuf,
        app: App<'l>,
        rt: Runtime,
        set: MessageSet,
    }

    fn session(lexicon: &Lexicon) -> Session<'_> {
        let (dir, file) = set_file(store::TEMPLATE);
        let (set, disk) = files::load(&file).unwrap();
        let engine = CoreEngine::new(&set, lexicon);
        let app = App::new(set.clone(), file.clone(), disk, Box::new(engine));
        let rt = Runtime {
            journal: Some(Journal::new(&dir.path().join("state"))),
            ..Runtime::default()
        };
        Session {
            dir,
            file,
            app,
            rt,
            set,
        }
    }

    #[test]
    fn a_panic_is_journaled_before_the_terminal_is_restored() {
        let lexicon = Lexicon::builtin();
        let Session {
            dir,
            file,
            mut app,
            mut rt,
            set,
        } = session(&lexicon);
        let state = dir.path().join("state");
        let panic = terminal::guarded(|| {
            app.set.internal[0].text = "typed just before the bug".into();
            app.mark_dirty();
            panic!("boom");
        })
        .unwrap_err();
        assert!(panic.contains("boom"), "{panic}");
        let folder = state.join("journal");
        let mut journaled_first = false;
        let code = finish(&mut app, &mut rt, Outcome::Panicked(panic), || {
            journaled_first = std::fs::read_dir(&folder).map(|d| d.count() == 1).unwrap_or(false);
        });
        assert_eq!(code, 101);
        assert!(
            journaled_first,
            "the journal is written before the terminal is restored"
        );
        let (found, _) = Journal::new(&state).find(&file, &set);
        let found = found.expect("the next session is offered the edits");
        assert_eq!(found.set.internal[0].text, "typed just before the bug");
        // The file itself is untouched.
        assert_eq!(std::fs::read_to_string(&file).unwrap(), store::TEMPLATE);
    }

    #[test]
    fn a_clean_quit_leaves_no_journal() {
        let lexicon = Lexicon::builtin();
        let Session {
            dir, mut app, mut rt, ..
        } = session(&lexicon);
        let state = dir.path().join("state");
        app.mark_dirty();
        rt.write_journal(&mut app).unwrap().unwrap();
        // The journal and the marker that says its session is running.
        assert_eq!(std::fs::read_dir(state.join("journal")).unwrap().count(), 2);
        // q then d: the user discarded the edits.
        assert_eq!(finish(&mut app, &mut rt, Outcome::Quit, || {}), 0);
        assert_eq!(std::fs::read_dir(state.join("journal")).unwrap().count(), 0);
    }
}
