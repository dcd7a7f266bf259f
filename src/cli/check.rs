//! `chorus check PATH...`: score sets without the UI, for scripts and CI.
//! Exit 0 when every message passes and nothing drifts, 1 when anything
//! fails or drifts, 2 when an input could not be read (the others are still
//! checked and reported).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::core::lexicon::Lexicon;
use crate::core::report::{self, FileReport};
use crate::core::review::review_set;
use crate::core::store::{self, LoadError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
}

/// Run the check and print the report; returns the exit status.
pub fn run(paths: &[PathBuf], format: Format, explain: bool) -> i32 {
    // A broken machine lexicon is reported (exit 2), never silently ignored;
    // the sets are still checked with the built-in words.
    let (lexicon, machine_error) = match Lexicon::for_machine() {
        Ok(l) => (l, None),
        Err(e) => (Lexicon::builtin(), Some(FileReport::Failed(e))),
    };
    let mut reports = check_paths(paths, &lexicon);
    reports.extend(machine_error);
    let status = reports.iter().map(FileReport::status).max().unwrap_or(0);
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    // A full disk or a closed stdout is an error (exit 2): a CI job must
    // not take a report that was never written for a pass.
    let status = super::out::print(status, |out| match format {
        Format::Json => report::json::write(&reports, out),
        Format::Text => {
            out.write_all(report::plain::render(&reports, report::plain::Style { color, explain }).as_bytes())
        }
    });
    // The process ends now: freeing ten thousand reviews one by one would
    // cost more than the check itself.
    std::mem::forget(reports);
    status
}

/// Load and review every set under `paths` (files, or folders searched
/// for *.yaml and *.yml), in a stable order.
pub fn check_paths(paths: &[PathBuf], lexicon: &Lexicon) -> Vec<FileReport> {
    let mut files = Vec::new();
    let mut reports = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            let mut unreadable = Vec::new();
            collect(p, &mut found, &mut unreadable);
            reports.extend(unreadable.into_iter().map(FileReport::Failed));
            found.sort();
            if found.is_empty() {
                reports.push(FileReport::Failed(whole_file(
                    p,
                    "no set files (*.yaml, *.yml) in this folder",
                )));
            }
            files.extend(found);
        } else {
            files.push(p.clone());
        }
    }
    for path in files {
        reports.push(match store::load(&path) {
            Ok(set) => match lexicon.for_set(&set, &path) {
                Err(e) => FileReport::Failed(e),
                Ok(lexicon) => {
                    let review = review_set(&set, &lexicon);
                    FileReport::Reviewed {
                        path,
                        set: Box::new(set),
                        review,
                    }
                }
            },
            Err(e) => FileReport::Failed(e),
        });
    }
    reports
}

fn whole_file(path: &Path, e: impl ToString) -> LoadError {
    LoadError {
        path: path.to_path_buf(),
        line: 0,
        column: 0,
        message: e.to_string(),
    }
}

/// Search `root` for set files (*.yaml, *.yml), as deep as the tree goes,
/// skipping hidden folders (.git). Linked folders are followed, but each
/// folder is searched once (by device and inode), so a link back to a
/// parent cannot make the walk endless; a folder reached again is named on
/// stderr, never skipped silently. A folder that cannot be read is an
/// error for that folder; the rest is still searched. The walk keeps its
/// own list of folders to visit, so no depth can overflow the stack.
/// Every matching name is kept whatever it is: the store refuses a pipe
/// or a device by name, without blocking on it.
fn collect(root: &Path, out: &mut Vec<PathBuf>, unreadable: &mut Vec<LoadError>) {
    let mut seen = std::collections::HashSet::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(dir) = todo.pop() {
        if let Some(id) = folder_id(&dir) {
            if !seen.insert(id) {
                // Shown visibly and without panicking on a closed stderr.
                super::out::warn(&format!(
                    "{}: not searched again (it is a folder already searched, reached through a link)",
                    dir.display()
                ));
                continue;
            }
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                unreadable.push(whole_file(&dir, format!("cannot read this folder: {e}")));
                continue;
            }
        };
        for entry in entries {
            let path = match entry {
                Ok(entry) => entry.path(),
                Err(e) => {
                    unreadable.push(whole_file(&dir, format!("cannot read this folder: {e}")));
                    break;
                }
            };
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                out.push(path);
            }
        }
    }
}

/// What tells one folder from another, even under two names.
#[cfg(unix)]
fn folder_id(dir: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn folder_id(dir: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(dir).ok()
}
