//! Reading the files chorus reads (sets, the lexicon, the workbench's own
//! files) safely: regular files only, within a size limit, as UTF-8 with the
//! position of the first bad byte.

use std::fs::{self, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

use super::limits::MAX_FILE_BYTES;
use super::problem::LoadError;

/// The UTF-8 byte-order mark some editors (Notepad) write before the text.
pub const BOM: &str = "\u{feff}";

/// The text of the set file at `path`, or why it cannot be a set file.
pub fn read_source(path: &Path) -> Result<String, LoadError> {
    read_text(path, MAX_FILE_BYTES, "message set file")
}

/// The text of the file at `path`, for every file chorus reads (sets, the
/// lexicon, the workbench's own files): only a regular file (or a link to
/// one) is read — a pipe, device, socket or folder is refused without being
/// opened for reading, as reading one could block forever or never end —
/// and at most `limit` bytes plus one, so a file growing meanwhile cannot
/// take the memory. A leading byte-order mark is dropped.
pub fn read_regular(path: &Path, limit: u64) -> Result<String, LoadError> {
    read_text(path, limit, "file")
}

/// `read_regular` for a file with a part to play (`what`: "config file",
/// "baseline"): a problem with the whole file says which file it was
/// meant to be; one inside it keeps its line and column.
pub fn read_named(path: &Path, limit: u64, what: &str) -> Result<String, LoadError> {
    read_regular(path, limit).map_err(|e| match e.line {
        0 => LoadError {
            message: format!("cannot read the {what}: {}", e.message),
            ..e
        },
        _ => e,
    })
}

fn read_text(path: &Path, limit: u64, noun: &str) -> Result<String, LoadError> {
    let bytes = read_limited(path, limit, noun).map_err(|e| LoadError {
        path: path.to_path_buf(),
        line: 0,
        column: 0,
        message: e.to_string(),
    })?;
    let mut text = utf8(bytes).map_err(|(line, column, message)| LoadError {
        path: path.to_path_buf(),
        line,
        column,
        message,
    })?;
    if text.starts_with(BOM) {
        text.drain(..BOM.len());
    }
    Ok(text)
}

/// The text of a stream (standard input) read as the file `name`: at most
/// `limit` bytes plus one are read, so a stream that never ends cannot take
/// the memory; UTF-8 problems are placed as for a file.
pub fn read_stream(input: &mut dyn Read, name: &Path, limit: u64) -> Result<String, LoadError> {
    let at = |line, column, message| LoadError {
        path: name.to_path_buf(),
        line,
        column,
        message,
    };
    let mut bytes = Vec::new();
    input
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| at(0, 0, format!("cannot read standard input: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(at(
            0,
            0,
            format!("the input is too large: chorus reads sets of at most {limit} bytes"),
        ));
    }
    let mut text = utf8(bytes).map_err(|(line, column, message)| at(line, column, message))?;
    if text.starts_with(BOM) {
        text.drain(..BOM.len());
    }
    Ok(text)
}

/// The bytes of the regular file at `path` (see `read_regular`), at most
/// `limit`. Errors keep their kind (`NotFound` for a missing file) and say
/// in plain words what is wrong, without naming the file.
pub fn read_bytes(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    read_limited(path, limit, "file")
}

fn read_limited(path: &Path, limit: u64, noun: &str) -> io::Result<Vec<u8>> {
    let failed = |e: io::Error| io::Error::new(e.kind(), read_failure(&e));
    let meta = fs::metadata(path).map_err(failed)?;
    not_regular(&meta, noun)?;
    if meta.len() > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            too_large(meta.len(), limit, noun),
        ));
    }
    // The file may have been swapped for a pipe since the check: opening
    // without blocking, then asking the open file, closes that gap.
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(failed)?;
    not_regular(&file.metadata().map_err(failed)?, noun)?;
    // Read at most one byte past the limit: the size in the metadata can be
    // wrong (a file growing meanwhile).
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(failed)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            too_large(bytes.len() as u64, limit, noun),
        ));
    }
    Ok(bytes)
}

/// Refuse anything but a regular file, saying what it is instead.
fn not_regular(meta: &fs::Metadata, noun: &str) -> io::Result<()> {
    let t = meta.file_type();
    if t.is_file() {
        return Ok(());
    }
    let what = if t.is_dir() { "a folder" } else { special_kind(&t) };
    let message = if t.is_dir() {
        format!("this is a folder, not a {noun}")
    } else {
        format!("this is {what}, not a {noun}: chorus reads only regular files")
    };
    Err(io::Error::new(io::ErrorKind::InvalidInput, message))
}

#[cfg(unix)]
fn special_kind(t: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a named pipe (FIFO)"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &fs::FileType) -> &'static str {
    "not a regular file"
}

fn read_failure(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied: chorus cannot read this file".into(),
        _ => format!("cannot read the file: {e}"),
    }
}

fn too_large(size: u64, limit: u64, noun: &str) -> String {
    let mib = limit / (1024 * 1024);
    let round = if mib > 0 {
        format!(" ({mib} MiB)")
    } else {
        String::new()
    };
    format!("the file is too large ({size} bytes); chorus reads {noun}s of at most {limit} bytes{round}")
}

/// The bytes as text, or the 1-based line and column (in characters) of the
/// first byte that is not UTF-8, with a message.
fn utf8(bytes: Vec<u8>) -> Result<String, (usize, usize, String)> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err((
            1,
            1,
            "the file is UTF-16 text; chorus reads UTF-8: save it as UTF-8".into(),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let before = std::str::from_utf8(&bytes[..good]).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (
            line,
            column,
            format!(
                "the file is not UTF-8 text: byte 0x{:02X} cannot be read here; \
                 save the file as UTF-8",
                bytes[good]
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read() {
        let t = tempfile::tempdir().unwrap();
        let fifo = t.path().join("pipe.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let link = t.path().join("link.yaml");
        std::os::unix::fs::symlink(&fifo, &link).unwrap();
        let cases = [
            (
                fifo.as_path(),
                "this is a named pipe (FIFO), not a file: chorus reads only regular files",
            ),
            (
                link.as_path(),
                "this is a named pipe (FIFO), not a file: chorus reads only regular files",
            ),
            (
                Path::new("/dev/zero"),
                "this is a device, not a file: chorus reads only regular files",
            ),
            (
                Path::new("/dev/urandom"),
                "this is a device, not a file: chorus reads only regular files",
            ),
            (t.path(), "this is a folder, not a file"),
        ];
        for (path, says) in cases {
            // A read that opened the pipe would block here forever.
            let e = read_regular(path, 1024).unwrap_err();
            assert_eq!((e.line, e.column), (0, 0));
            assert_eq!(e.to_string(), format!("{}: {says}", path.display()));
        }
        let e = read_source(&fifo).unwrap_err();
        assert!(
            e.message
                .ends_with("not a message set file: chorus reads only regular files"),
            "{e}"
        );
        // A link to a regular file is read.
        let real = t.path().join("real.yaml");
        fs::write(&real, "\u{feff}a: 1\n").unwrap();
        let to_real = t.path().join("to-real.yaml");
        std::os::unix::fs::symlink(&real, &to_real).unwrap();
        assert_eq!(
            read_regular(&to_real, 1024).unwrap(),
            "a: 1\n",
            "the byte-order mark is dropped"
        );
        // At most the limit: one byte more is refused.
        fs::write(&real, "x".repeat(11)).unwrap();
        assert_eq!(read_regular(&real, 11).unwrap().len(), 11);
        let e = read_regular(&real, 10).unwrap_err();
        assert_eq!(
            e.message,
            "the file is too large (11 bytes); chorus reads files of at most 10 bytes"
        );
        assert_eq!(
            read_bytes(&t.path().join("none"), 10).unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
    }

    #[test]
    fn utf8_errors_point_at_the_first_bad_byte() {
        let (line, column, message) = utf8(b"a: 1\nb: caf\xE9\n".to_vec()).unwrap_err();
        assert_eq!((line, column), (2, 7));
        assert_eq!(
            message,
            "the file is not UTF-8 text: byte 0xE9 cannot be read here; save the file as UTF-8"
        );
        let (line, column, _) = utf8("é: \u{fc}\n".bytes().chain([0xFF]).collect()).unwrap_err();
        assert_eq!((line, column), (2, 1));
        assert!(utf8(vec![0xFF, 0xFE, b'a', 0]).unwrap_err().2.contains("UTF-16"));
        assert_eq!(utf8(b"ok".to_vec()).unwrap(), "ok");
    }
}
