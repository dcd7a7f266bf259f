//! The file system side of the store: reading a set file safely (size limit,
//! folders, UTF-8 with the position of the first bad byte) and writing one
//! atomically, so a crash or a full disk never leaves a half-written set.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{LoadError, MAX_FILE_BYTES};

/// The text of the file at `path`, or why it cannot be a set file.
pub fn read_source(path: &Path) -> Result<String, LoadError> {
    let whole_file = |message: String| LoadError {
        path: path.to_path_buf(),
        line: 0,
        column: 0,
        message,
    };
    let meta = fs::metadata(path).map_err(|e| whole_file(read_failure(&e)))?;
    if meta.is_dir() {
        return Err(whole_file("this is a folder, not a message set file".to_string()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(whole_file(too_large(meta.len())));
    }
    // Read at most one byte past the limit: the size in the metadata can be
    // wrong (a file growing meanwhile, a device, a pipe).
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| whole_file(read_failure(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(whole_file(too_large(bytes.len() as u64)));
    }
    utf8(bytes).map_err(|(line, column, message)| LoadError {
        path: path.to_path_buf(),
        line,
        column,
        message,
    })
}

fn read_failure(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied: chorus cannot read this file".into(),
        _ => format!("cannot read the file: {e}"),
    }
}

fn too_large(size: u64) -> String {
    format!(
        "the file is too large ({size} bytes); chorus reads set files of at most {MAX_FILE_BYTES} \
         bytes ({} MiB)",
        MAX_FILE_BYTES / (1024 * 1024)
    )
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

/// The message of an I/O error during saving, naming the file.
fn naming(path: &Path) -> impl Fn(io::Error) -> io::Error + '_ {
    move |e| io::Error::new(e.kind(), format!("cannot save {}: {e}", path.display()))
}

/// Replace the file at `path` with `bytes`, atomically: write a temporary
/// file in the same folder, flush it to disk, then rename it over the
/// target. On failure the target is untouched and the temporary file gone.
/// An existing file keeps its permissions; a symbolic link stays a link and
/// its target is replaced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let named = naming(path);
    let target = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).map_err(&named)?,
        _ => path.to_path_buf(),
    };
    let permissions = match fs::metadata(&target) {
        Ok(m) if m.is_dir() => {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                format!("cannot save {}: it is a folder", path.display()),
            ))
        }
        Ok(m) if m.permissions().readonly() => {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!("cannot save {}: the file is read-only", path.display()),
            ))
        }
        Ok(m) => Some(m.permissions()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(named(e)),
    };
    let Some(name) = target.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("cannot save {}: not a file name", path.display()),
        ));
    };
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };

    // Keep the temporary name well under the usual 255-byte limit.
    let stem: String = name.to_string_lossy().chars().take(64).collect();
    let (temp, mut file) = create_temp(&folder, &stem).map_err(&named)?;
    let written = (|| {
        file.write_all(bytes)?;
        if let Some(p) = permissions {
            file.set_permissions(p)?;
        }
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, &target)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(named(e));
    }
    // Make the rename itself durable. Not every platform can open a folder
    // for this, and the file is already complete, so failure is not an error.
    if let Ok(dir) = File::open(&folder) {
        let _ = dir.sync_all();
    }
    remove_stale_temps(&folder, &stem);
    Ok(())
}

/// The temporary file names `create_temp` makes for `name`:
/// `.NAME.PID-N.chorus-tmp`.
fn temp_name(name: &str, pid: u32, n: usize) -> String {
    format!(".{name}.{pid}-{n}.chorus-tmp")
}

/// The process that made a temporary file for `name`, if `file` is one.
fn temp_owner(file: &str, name: &str) -> Option<u32> {
    let rest = file.strip_prefix('.')?.strip_prefix(name)?.strip_prefix('.')?;
    let rest = rest.strip_suffix(".chorus-tmp")?;
    let (pid, n) = rest.split_once('-')?;
    n.parse::<usize>().ok()?;
    pid.parse().ok()
}

/// A process killed while saving (power cut, kill -9) leaves its temporary
/// file behind; the target itself is whole. After a save succeeds, remove
/// the temporary files for the same target whose process is gone, so they
/// cannot pile up. A file of a process that may still be saving is left
/// alone: where that cannot be told (no /proc), only files older than a day.
fn remove_stale_temps(folder: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let me = std::process::id();
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = file.to_str().and_then(|f| temp_owner(f, name)) else {
            continue;
        };
        if pid != me && !maybe_running(pid, &entry.path()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn maybe_running(pid: u32, temp: &Path) -> bool {
    if cfg!(target_os = "linux") {
        return Path::new("/proc").join(pid.to_string()).exists();
    }
    let day = std::time::Duration::from_secs(24 * 60 * 60);
    fs::metadata(temp)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_none_or(|age| age < day)
}

/// A new, empty, hidden file next to the target; never one that exists.
fn create_temp(folder: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = folder.join(temp_name(name, std::process::id(), n));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1_000_000 => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Write `text` to a file that must not exist yet.
pub fn write_new(path: &Path, text: &str) -> io::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            if e.kind() == io::ErrorKind::AlreadyExists {
                io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!("{} already exists; chorus will not overwrite it", path.display()),
                )
            } else {
                io::Error::new(e.kind(), format!("cannot create {}: {e}", path.display()))
            }
        })?;
    if let Err(e) = file.write_all(text.as_bytes()).and_then(|_| file.sync_all()) {
        drop(file);
        let _ = fs::remove_file(path);
        return Err(io::Error::new(
            e.kind(),
            format!("cannot write {}: {e}", path.display()),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_recognised_exactly() {
        let t = temp_name("s.yaml", 42, 7);
        assert_eq!(t, ".s.yaml.42-7.chorus-tmp");
        assert_eq!(temp_owner(&t, "s.yaml"), Some(42));
        assert_eq!(temp_owner(&t, "s"), None);
        assert_eq!(temp_owner(".s.yaml.x.42-7.chorus-tmp", "s.yaml"), None);
        assert_eq!(temp_owner("s.yaml", "s.yaml"), None);
    }

    #[test]
    fn a_save_removes_temporary_files_of_dead_savers_only() {
        let t = tempfile::tempdir().unwrap();
        let target = t.path().join("s.yaml");
        // No process has this id (Linux's limit is 2^22).
        let dead = t.path().join(temp_name("s.yaml", 4_000_000_000, 0));
        let live = t.path().join(temp_name("s.yaml", std::process::id(), 999_999));
        let other = t.path().join(temp_name("o.yaml", 4_000_000_000, 0));
        for p in [&dead, &live, &other] {
            fs::write(p, "half").unwrap();
        }
        write_atomic(&target, b"whole").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"whole");
        assert_eq!(dead.exists(), !cfg!(target_os = "linux"));
        assert!(live.exists() && other.exists());
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
