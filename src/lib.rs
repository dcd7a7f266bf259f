//! chorus: keep a company's internal brand messages specific, inclusive,
//! aspirational, realistic, and true to the external story.
//!
//! `core` knows message sets and depends on no terminal crate; `cli` is the
//! command line; `workbench` is the terminal UI, a thin shell over `core`.

pub mod cli;
pub mod core;
pub mod workbench;
