//! The workbench: the terminal UI, a thin shell over the core in the Elm
//! style. `state` is the model, `keys` turns terminal events into `action`s
//! by the key table (`keymap`), `update` applies them to the model and
//! returns effects, `view` draws the model; `run` is the event loop, which
//! alone carries effects out (`effects`), and `terminal` takes over and
//! restores the terminal.
//!
//! Layout at 80×24 and up: the message list on the left; the selected
//! message and the external story side by side; the checklist and its
//! findings below; a status line at the foot.
//!
//! What it holds, by layer: plain data (`action`, `fingerprint`, `unsaved`,
//! `keymap`, `input`, `form`, `marks`, `glyphs`, `layout`); the model
//! (`state`, with `engine` reviewing through the core); `update`; the view;
//! and the world (`effects`, `run`, `files`, `journal`, `lock`, `prefs`,
//! `private`, `terminal`, `wake`). The workbench may import the core; the core never
//! imports the workbench. The model, `update` and the view import nothing
//! of the world.

pub mod action;
pub mod effects;
pub mod engine;
pub mod files;
pub mod filter;
pub mod fingerprint;
pub mod form;
pub mod glyphs;
pub mod input;
pub mod journal;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod lock;
pub mod marks;
pub mod prefs;
pub mod private;
mod run;
#[cfg(test)]
mod scratch;
pub mod state;
pub mod terminal;

pub mod unsaved;
pub mod update;
pub mod view;
pub mod wake;

pub use action::{Action, Effect};
pub use state::App;
pub use update::update;

use std::path::PathBuf;

/// Open the workbench on `path`, or with no path on the last set opened
/// (else the built-in example), and run it until the user quits.
/// Returns the exit code: 0 after a normal quit, 2 when the set cannot be
/// loaded (the error, `file:line:column: message`, is on stderr and the
/// terminal was never touched), 1 when the terminal cannot be used.
/// When another workbench has the set open, it opens read-only unless
/// `force`. With `pulse`, a survey export (CSV), it opens on the pulse
/// screen; with two, oldest first, the screen shows what moved between them
/// (an export that cannot be read is reported like a set: exit 2).
pub fn run(path: Option<PathBuf>, force: bool, look: Look, pulse: Vec<PathBuf>) -> i32 {
    run::run(path, force, look, pulse)
}

/// How the user asked the workbench to look and listen, on the command line.
#[derive(Debug, Clone, Default)]
pub struct Look {
    /// `--theme`: `dark`, `light`, or a theme file.
    pub theme: Option<String>,
    /// `--no-mouse`: leave the mouse to the terminal (to select text).
    pub no_mouse: bool,
}
