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
pub fn print(status: i32, write: impl FnOnce(&mut BufWriter<Stdout>) -> io::Result<()>) -> i32 {
    let mut out = BufWriter::with_capacity(1 << 16, Stdout::new());
    let result = write(&mut out).and_then(|()| out.flush());
    // Dropping a writer whose flush failed would try again; once is enough.
    let (_, _) = out.into_parts();
    finish(status, result)
}

/// Standard output, written to unbuffered where the system allows: the
/// standard `Stdout` buffers by line, so every write scans for its last
/// line break (the whole 18 MB of a large JSON report), and `print`
/// buffers already.
pub enum Stdout {
    #[cfg(unix)]
    File(std::fs::File),
    Std(StdoutLock<'static>),
}

impl Stdout {
    fn new() -> Stdout {
        let std = io::stdout();
        #[cfg(unix)]
        {
            use std::os::fd::AsFd;
            // Whatever an earlier write left in the standard buffer goes first.
            if std.lock().flush().is_ok() {
                if let Ok(fd) = std.as_fd().try_clone_to_owned() {
                    return Stdout::File(std::fs::File::from(fd));
                }
            }
        }
        Stdout::Std(std.lock())
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            #[cfg(unix)]
            Stdout::File(f) => f.write(buf),
            Stdout::Std(s) => s.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            #[cfg(unix)]
            Stdout::File(f) => f.write_all(buf),
            Stdout::Std(s) => s.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            #[cfg(unix)]
            Stdout::File(f) => f.flush(),
            Stdout::Std(s) => s.flush(),
        }
    }
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
