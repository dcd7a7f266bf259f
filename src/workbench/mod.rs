//! The workbench: the terminal UI (state, update, view) over the core.
//! (Until the workbench lands, opening a set prints its check instead.)

use std::path::PathBuf;

/// Open the workbench on `path` (or the built-in example); returns the exit status.
pub fn run(path: Option<PathBuf>) -> i32 {
    let path = path.unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/messages/lemonadly.yaml")));
    eprintln!(
        "The workbench is not built yet; here is the check of {}.",
        path.display()
    );
    crate::cli::check::run(&[path], crate::cli::check::Format::Text, false)
}
