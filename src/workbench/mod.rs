//! The workbench: the terminal UI, a thin shell over the core in the Elm
//! style. `state` is the model, `keys` turns terminal events into `action`s,
//! `update` applies them, `view` draws the state; `run` is the event loop and
//! `terminal` takes over and restores the terminal.
//!
//! Layout at 80×24 and up: the message list on the left; the selected
//! message and the external story side by side; the checklist and its
//! findings below; a status line at the foot.

pub mod action;
pub mod engine;
pub mod files;
pub mod form;
pub mod input;
pub mod keys;
pub mod layout;
pub mod marks;
pub mod state;
pub mod text;
pub mod update;
pub mod view;

pub use action::Action;
pub use state::App;
pub use update::update;
