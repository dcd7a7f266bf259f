//! Taking over the terminal and always giving it back: raw mode, alternate
//! screen, bracketed paste and mouse capture are undone on quit, on error
//! (the guard's `Drop`) and on panic (a hook that runs before the panic
//! message is printed, so the message is readable).
//!
//! A panic inside `guarded` (the event loop) is different: the hook only
//! keeps the message, so the caller can first journal the unsaved edits,
//! then give the terminal back, then print the message.

use std::io::{self, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};

use crossterm::cursor::Show;
use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;

/// Whether the terminal is currently taken over (so restoring twice is harmless).
static ACTIVE: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();
/// Inside `guarded`: a panic is caught by the caller, who restores.
static DEFER: AtomicBool = AtomicBool::new(false);
/// The message of a panic caught by `guarded`.
static PANIC: Mutex<Option<String>> = Mutex::new(None);

/// The terminal, taken over; dropping it gives the terminal back.
pub struct Session {
    pub terminal: DefaultTerminal,
}

/// Put every terminal mode we changed back, once.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        // Each step is tried even if one fails: a half-restored terminal is worse.
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste, Show);
        ratatui::restore();
    }
}

fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if DEFER.load(Ordering::SeqCst) {
                let trace = std::backtrace::Backtrace::capture();
                let msg = match trace.status() {
                    std::backtrace::BacktraceStatus::Captured => format!("{info}\n{trace}"),
                    _ => info.to_string(),
                };
                if let Ok(mut p) = PANIC.lock() {
                    *p = Some(msg);
                }
                return;
            }
            restore();
            previous(info);
        }));
    });
}

/// Take over the terminal; `mouse`: take its clicks and wheel too (else
/// the terminal keeps the mouse, to select text).
pub fn enter(mouse: bool) -> io::Result<Session> {
    // ratatui's init installs its own hook; ours, installed after it, runs
    // first and also turns off paste and mouse reporting.
    let terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            // Raw mode may be on even though the alternate screen failed.
            let _ = ratatui::try_restore();
            return Err(e);
        }
    };
    ACTIVE.store(true, Ordering::SeqCst);
    install_panic_hook();
    let taken = execute!(stdout(), EnableBracketedPaste).and_then(|()| {
        if mouse {
            execute!(stdout(), EnableMouseCapture)
        } else {
            Ok(())
        }
    });
    if let Err(e) = taken {
        restore();
        return Err(e);
    }
    Ok(Session { terminal })
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Run `f`, catching a panic: `Err` holds its message. While `f` runs the
/// panic hook leaves the terminal as it is and prints nothing, so the
/// caller can save what matters before restoring the terminal and showing
/// the message.
pub fn guarded<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    DEFER.store(true, Ordering::SeqCst);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    DEFER.store(false, Ordering::SeqCst);
    result.map_err(|payload| {
        let kept = PANIC.lock().ok().and_then(|mut p| p.take());
        kept.unwrap_or_else(|| {
            payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".into())
        })
    })
}
