//! Files only their owner may read: the journal of unsaved edits, the lock
//! of a live session, the last opened set and the copy of the example. They
//! can hold text a user has not shared yet, so folders are made 0700 and
//! files 0600 from the moment they exist (never created open, then
//! tightened), and folders and files an older chorus left open are
//! tightened when they are next used.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Mode of the folders chorus keeps per-user state in.
pub const FOLDER_MODE: u32 = 0o700;
/// Mode of the files in them.
pub const FILE_MODE: u32 = 0o600;

/// Create `dir` (and any missing parent) as 0700; an existing `dir` that
/// others may read or enter is tightened to 0700.
pub fn folder(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(FOLDER_MODE);
    }
    builder.create(dir)?;
    tighten(dir, FOLDER_MODE)
}

/// Take group and other permissions away from `path` (when it has any).
pub fn tighten(path: &Path, mode: u32) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = fs::symlink_metadata(path)?;
        // A symlink is not ours to change; what it points to may be shared.
        if !meta.file_type().is_symlink() && meta.permissions().mode() & 0o077 != 0 {
            fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
        }
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}

/// Open options that create a file as 0600.
pub fn options() -> OpenOptions {
    let mut o = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(FILE_MODE);
    }
    o
}

/// Write `bytes` to `path` (replacing it), created 0600; an existing file is
/// tightened first, so the new text is never readable by others.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    match tighten(path, FILE_MODE) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    let mut f = options().write(true).create(true).truncate(true).open(path)?;
    f.write_all(bytes)?;
    f.flush()
}

/// Write `bytes` to `path` atomically: a 0600 temporary file in the same
/// folder, flushed to disk, then renamed over `path`. A reader sees the old
/// file or the new one, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = temp_name(path);
    let result = (|| {
        let mut f: File = options().write(true).create_new(true).open(&temp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// `.NAME.PID.tmp` beside `path`: hidden, and telling which process left it.
fn temp_name(path: &Path) -> std::path::PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    path.with_file_name(format!(".{name}.{}-{nanos:08x}.tmp", std::process::id()))
}

/// Remove the temporary files a killed process left in `dir` (those of
/// processes no longer running, by the pid in their name).
pub fn clean_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        let Some(rest) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
            continue;
        };
        let pid = rest
            .rsplit('.')
            .next()
            .and_then(|p| p.split('-').next())
            .and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|p| p != std::process::id() && !super::lock::alive(p)) {
            let _ = fs::remove_file(e.path());
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn folders_and_files_are_private_from_the_start_and_old_ones_are_tightened() {
        let t = tempfile::tempdir().unwrap();
        let dir = t.path().join("a/b");
        folder(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&t.path().join("a")), 0o700);
        let f = dir.join("f");
        write_atomic(&f, b"x").unwrap();
        assert_eq!(mode(&f), 0o600);
        assert_eq!(fs::read(&f).unwrap(), b"x");

        let open = t.path().join("open");
        fs::create_dir(&open).unwrap();
        fs::set_permissions(&open, fs::Permissions::from_mode(0o755)).unwrap();
        folder(&open).unwrap();
        assert_eq!(mode(&open), 0o700);
        let g = open.join("g");
        fs::write(&g, "old").unwrap();
        fs::set_permissions(&g, fs::Permissions::from_mode(0o644)).unwrap();
        write(&g, b"new").unwrap();
        assert_eq!(mode(&g), 0o600);
        assert_eq!(fs::read(&g).unwrap(), b"new");
    }

    #[test]
    fn temporary_files_of_dead_processes_are_removed() {
        let t = tempfile::tempdir().unwrap();
        // No process has pid 0x7fff_fff0 on Linux (pid_max is at most 2^22).
        let dead = t.path().join(".s.yaml.2147483632-00000000.tmp");
        let mine = t.path().join(format!(".s.yaml.{}-00000000.tmp", std::process::id()));
        let other = t.path().join("s.yaml");
        for p in [&dead, &mine, &other] {
            fs::write(p, "x").unwrap();
        }
        clean_temps(t.path());
        assert!(!dead.exists());
        assert!(mine.exists() && other.exists());
    }
}
