//! Where the commands' output goes: all of it through one buffered writer
//! whose errors are handled, flushed and checked at the end, so a full
//! disk is never mistaken for a report written. A closed pipe (`chorus
//! lexicon | head -1`) means the reader has what it wanted: the command
//! ends quietly with its own status. Any other write error is reported on
//! stderr and exits 2. Text taken from the file system or a file (paths,
//! errors quoting YAML) is shown with its control characters visible.

use std::io::{self, BufWriter, StdoutLock, Write};

use crate::core::report::escape::visible;

/// Write the command's output with `write`, then flush; returns `status`
/// when everything reached stdout (or the reader left), else 2.
pub fn print(status: i32, write: impl FnOnce(&mut BufWriter<StdoutLock<'static>>) -> io::Result<()>) -> i32 {
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let result = write(&mut out).and_then(|()| out.flush());
    // Dropping a writer whose flush failed would try again; once is enough.
    let (_, _) = out.into_parts();
    finish(status, result)
}

/// The exit status once the output was written with `result`.
pub fn finish(status: i32, result: io::Result<()>) -> i32 {
    match result {
        Ok(()) => status,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => status,
        Err(e) => {
            warn(&format!("cannot write the output: {e}"));
            2
        }
    }
}

/// `chorus: MESSAGE` on stderr, made visible. Never panics: with stderr
/// gone too there is no one left to tell.
pub fn warn(message: &str) {
    let _ = writeln!(io::stderr().lock(), "chorus: {}", visible(message, false));
}

/// `chorus: error: MESSAGE` on stderr: what every command says when it
/// stops on a problem, so a script or a reader sees one form whichever
/// command it ran.
pub fn error(message: &str) {
    warn(&format!("error: {message}"));
}

/// A path as it may be shown on a terminal.
pub fn path(p: &std::path::Path) -> String {
    visible(&p.display().to_string(), false).into_owned()
}
