//! The event loop: block until the terminal has an event (or, only while a
//! deferred refresh is pending, until its deadline), update, and redraw only
//! when something changed. Nothing polls when idle.

use std::io;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossterm::event;
use ratatui::DefaultTerminal;

use super::action::Action;
use super::engine::CoreEngine;
use super::files::{self, Dirs};
use super::keys;
use super::state::App;
use super::terminal;
use super::text;
use super::update::update;
use super::view;
use crate::core::lexicon::Lexicon;

/// How long typing must pause before the set summary is refreshed.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// Messages scored per idle step of a large set: about 20 ms of work, short
/// enough that a key pressed meanwhile is handled without a felt delay.
const SCORE_CHUNK: usize = 1000;

/// Open the workbench on `path` (or the last set, or the example) and run
/// it until the user quits. Returns the process exit code: 0 on a normal
/// quit, 2 when the set could not be loaded (reported on stderr before the
/// terminal is touched), 1 on a terminal error.
pub fn run(path: Option<PathBuf>) -> i32 {
    let dirs = Dirs::for_user();
    let path = match files::start_path(path, dirs.as_ref()) {
        Ok(p) => p,
        Err(e) => {
            say(&format!("chorus: {e}"));
            return 2;
        }
    };
    // Load before raw mode: a broken file leaves the terminal as it was.
    let (set, disk) = match files::load(&path) {
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
    // The machine's and the set's own words, or a clear error before the terminal is touched.
    let lexicon = match Lexicon::for_machine().and_then(|l| l.for_set(&set, &path)) {
        Ok(l) => l,
        Err(e) => {
            say(&e.to_string());
            return 2;
        }
    };
    let engine = CoreEngine::new(&set, &lexicon);
    let mut app = App::new(set, path, disk, Box::new(engine));
    app.dirs = dirs;

    let mut session = match terminal::enter() {
        Ok(s) => s,
        Err(e) => {
            say(&format!("chorus: cannot use this terminal: {e}"));
            return 1;
        }
    };
    // A panic inside the loop is caught so the edits can still be written
    // somewhere (the panic hook has already given the terminal back).
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&mut session.terminal, &mut app)
    }));
    drop(session);
    match result {
        Ok(Ok(())) => 0,
        Ok(Err(e)) => {
            say(&format!("chorus: {e}"));
            recover(&app);
            1
        }
        Err(_) => {
            recover(&app);
            101
        }
    }
}

/// A message on stderr, which is the user's terminal too: a file name or a
/// YAML error quoting the file may hold escape sequences, so show them.
fn say(msg: &str) {
    eprintln!("{}", text::visible(msg));
}

/// The workbench stopped without the user quitting (terminal error, bug):
/// nobody could be asked, so write unsaved edits next to the file instead
/// of over it, and say where.
fn recover(app: &App) {
    if !app.dirty {
        return;
    }
    match files::save_recovery(&app.path, &app.set) {
        Ok(p) => say(&format!("chorus: your unsaved changes were written to {}", p.display())),
        Err(e) => say(&format!("chorus: your unsaved changes could not be written: {e}")),
    }
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    let mut redraw = true;
    let mut deadline: Option<Instant> = None;
    loop {
        if redraw {
            terminal.draw(|f| view::draw(f, app))?;
            redraw = false;
        }
        if app.quit {
            return Ok(());
        }
        // A large set still being scored: score a chunk whenever no key is
        // waiting, so typing stays responsive while the verdicts fill in.
        if app.scoring && !event::poll(Duration::ZERO)? {
            app.score_pending(SCORE_CHUNK);
            redraw = true;
            continue;
        }
        // Wait for an event; with a refresh pending, only until it is due.
        let event = match deadline {
            None => Some(event::read()?),
            Some(at) => {
                let now = Instant::now();
                if now < at && event::poll(at - now)? {
                    Some(event::read()?)
                } else {
                    None
                }
            }
        };
        match event {
            Some(ev) => {
                if let Some(action) = keys::action_for(app, &ev) {
                    update(app, action);
                    redraw = true;
                }
            }
            None => {
                deadline = None;
                update(app, Action::Tick);
                redraw = true;
            }
        }
        if app.summary_stale && deadline.is_none() {
            deadline = Some(Instant::now() + DEBOUNCE);
        }
    }
}
