//! The file system side of the store: reading a set file safely (size limit,
//! folders, UTF-8 with the position of the first bad byte) and writing one
//! atomically, so a crash or a full disk never leaves a half-written set.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{LoadError, MAX_FILE_BYTES};

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

/// The message of an I/O error during saving, naming the file.
fn naming(path: &Path) -> impl Fn(io::Error) -> io::Error + '_ {
    move |e| io::Error::new(e.kind(), format!("cannot save {}: {e}", path.display()))
}

/// Replace the file at `path` with `bytes`, atomically: write a temporary
/// file in the same folder, flush it to disk, then rename it over the
/// target. On failure the target is untouched and the temporary file gone.
/// An existing file keeps its permissions and, where the system allows, its
/// owner; a symbolic link stays a link and its target is replaced. A file
/// the user may not write (by its permission bits) is refused even when its
/// folder would allow replacing it. A new file gets the usual mode (0666
/// less the umask).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace(path, bytes, 0o666, None)
}

/// `write_atomic`, but a new file is created with `mode` (0600 for files
/// only the user may read). An existing file keeps its own mode.
pub fn write_atomic_with_mode(path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    replace(path, bytes, mode, None)
}

/// The file at `path` changed on disk while it was being saved: the save
/// was refused so that change is not overwritten.
#[derive(Debug)]
pub struct ChangedOnDisk(pub PathBuf);

impl std::fmt::Display for ChangedOnDisk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "cannot save {}: it changed on disk while saving; nothing was overwritten",
            self.0.display()
        )
    }
}

impl std::error::Error for ChangedOnDisk {}

/// Whether a save failed because the file changed on disk meanwhile.
pub fn is_changed_on_disk(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<ChangedOnDisk>())
}

/// What the target held when the save began: its bytes, or `None` when
/// there was no file. Right before the rename the target must still hold
/// exactly that, or the save is refused with `ChangedOnDisk`.
pub(super) type Expected<'a> = Option<Option<&'a [u8]>>;

pub(super) fn replace(path: &Path, bytes: &[u8], new_mode: u32, expected: Expected<'_>) -> io::Result<()> {
    let named = naming(path);
    let target = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).map_err(&named)?,
        _ => path.to_path_buf(),
    };
    let existing = match fs::metadata(&target) {
        Ok(m) if m.is_dir() => {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                format!("cannot save {}: it is a folder", path.display()),
            ))
        }
        Ok(m) if !writable_by_me(&m) => {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!("cannot save {}: the file is read-only", path.display()),
            ))
        }
        Ok(m) => Some(m),
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
    let mode = existing.as_ref().map_or(new_mode, mode_of);
    let (temp, mut file) = create_temp(&folder, &stem, mode).map_err(&named)?;
    let written = (|| {
        file.write_all(bytes)?;
        if let Some(m) = &existing {
            keep_owner(&file, m);
            // The umask may have taken bits the file had; give them back
            // (the temporary file was never more open than the target).
            file.set_permissions(m.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        #[cfg(test)]
        hook::before_rename(&target);
        if let Some(expected) = expected {
            if !still_holds(&target, expected) {
                return Err(io::Error::other(ChangedOnDisk(path.to_path_buf())));
            }
        }
        fs::rename(&temp, &target)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        remove_stale_temps(&folder);
        return Err(if is_changed_on_disk(&e) { e } else { named(e) });
    }
    // Make the rename itself durable. Not every platform can open a folder
    // for this, and the file is already complete, so failure is not an error.
    if let Ok(dir) = File::open(&folder) {
        let _ = dir.sync_all();
    }
    remove_stale_temps(&folder);
    Ok(())
}

/// Whether `target` holds what it held when the save began. A file that
/// cannot be read now counts as changed: better a refused save than an
/// overwritten edit.
fn still_holds(target: &Path, expected: Option<&[u8]>) -> bool {
    match (fs::metadata(target), expected) {
        (Err(e), None) => e.kind() == io::ErrorKind::NotFound,
        (Ok(_), None) | (Err(_), Some(_)) => false,
        (Ok(m), Some(old)) => {
            m.len() == old.len() as u64 && read_bytes(target, old.len() as u64).is_ok_and(|now| now == old)
        }
    }
}

/// Whether the file's permission bits let this user write it: the owner's
/// bits for the owner, the group's for a member, else the others'. Root is
/// held to the same bits, so a file marked read-only stays so for everyone.
#[cfg(unix)]
fn writable_by_me(m: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    let mode = m.mode();
    // SAFETY: these calls only read the process's own ids.
    let (uid, gid) = unsafe { (libc::geteuid(), libc::getegid()) };
    if m.uid() == uid {
        return mode & 0o200 != 0;
    }
    if m.gid() == gid || in_group(m.gid()) {
        return mode & 0o020 != 0;
    }
    mode & 0o002 != 0
}

#[cfg(unix)]
fn in_group(gid: libc::gid_t) -> bool {
    let mut groups: Vec<libc::gid_t> = vec![0; 256];
    // SAFETY: the buffer holds `groups.len()` ids; the call writes at most that many.
    let n = unsafe { libc::getgroups(groups.len() as libc::c_int, groups.as_mut_ptr()) };
    n > 0 && groups[..n as usize].contains(&gid)
}

#[cfg(not(unix))]
fn writable_by_me(m: &fs::Metadata) -> bool {
    !m.permissions().readonly()
}

#[cfg(unix)]
fn mode_of(m: &fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    m.permissions().mode() & 0o7777
}

#[cfg(not(unix))]
fn mode_of(_: &fs::Metadata) -> u32 {
    0o666
}

/// Give the new file the old one's owner and group. Only root may give a
/// file away, and a user may only pick a group they are in: where the
/// system refuses, the file is the saver's, as any new file would be.
#[cfg(unix)]
fn keep_owner(file: &File, m: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    if std::os::unix::fs::fchown(file, Some(m.uid()), Some(m.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(file, None, Some(m.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_: &File, _: &fs::Metadata) {}

/// A seam for tests: something to do between writing the temporary file
/// and renaming it, as another program might.
#[cfg(test)]
pub(super) mod hook {
    use std::cell::RefCell;
    use std::path::Path;

    type Hook = Box<dyn FnMut(&Path)>;

    thread_local! {
        static BEFORE_RENAME: RefCell<Option<Hook>> = RefCell::new(None);
    }

    pub fn set(f: impl FnMut(&Path) + 'static) {
        BEFORE_RENAME.with(|h| *h.borrow_mut() = Some(Box::new(f)));
    }

    pub fn before_rename(target: &Path) {
        BEFORE_RENAME.with(|h| {
            if let Some(f) = h.borrow_mut().as_mut() {
                f(target);
            }
        });
    }
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
/// file behind; the target itself is whole. After every save, whether it
/// succeeded or not, remove the temporary files in the folder — for any
/// target — whose process is gone, so they cannot pile up. A file of a
/// process that may still be saving is left alone: where that cannot be
/// told (no /proc), only files older than a day go.
fn remove_stale_temps(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let me = std::process::id();
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = file.to_str().and_then(temp_pid) else {
            continue;
        };
        if pid != me && !maybe_running(pid, &entry.path()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The process that made a temporary file of any name, if `file` is one.
fn temp_pid(file: &str) -> Option<u32> {
    let rest = file.strip_prefix('.')?.strip_suffix(".chorus-tmp")?;
    let (name, _) = rest.rsplit_once('.')?;
    temp_owner(file, name)
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
/// It is created with `mode` (less the umask) from the start, so it is never
/// more open than the file it replaces, not even for an instant.
fn create_temp(folder: &Path, name: &str, mode: u32) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = folder.join(temp_name(name, std::process::id(), n));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(mode & 0o777);
        }
        #[cfg(not(unix))]
        let _ = mode;
        match options.open(&temp) {
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
        // A killed session's file for another set in the same folder goes
        // too: that set may never be saved again.
        let other = t.path().join(temp_name("o.yaml", 4_000_000_000, 0));
        let live_other = t.path().join(temp_name("o.yaml", std::process::id(), 999_998));
        let stranger = t.path().join(".o.yaml.notes");
        for p in [&dead, &live, &other, &live_other, &stranger] {
            fs::write(p, "half").unwrap();
        }
        write_atomic(&target, b"whole").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"whole");
        assert_eq!(dead.exists(), !cfg!(target_os = "linux"));
        assert_eq!(other.exists(), !cfg!(target_os = "linux"));
        assert!(live.exists() && live_other.exists() && stranger.exists());
        assert_eq!(temp_pid(&temp_name("a.b.yaml", 7, 3)), Some(7));
        assert_eq!(temp_pid(".a.yaml.chorus-tmp"), None);
    }

    #[test]
    fn a_failed_save_cleans_up_too() {
        let t = tempfile::tempdir().unwrap();
        let dead = t.path().join(temp_name("o.yaml", 4_000_000_000, 0));
        fs::write(&dead, "half").unwrap();
        let target = t.path().join("s.yaml");
        fs::write(&target, "old").unwrap();
        let e = replace(&target, b"new", 0o666, Some(Some(b"other"))).unwrap_err();
        assert!(is_changed_on_disk(&e), "{e}");
        assert_eq!(dead.exists(), !cfg!(target_os = "linux"));
        assert_eq!(fs::read(&target).unwrap(), b"old");
        let left: Vec<_> = fs::read_dir(t.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert!(left.iter().all(|n| !n
            .to_string_lossy()
            .ends_with(&format!("{}-0.chorus-tmp", std::process::id()))));
    }

    #[test]
    fn a_change_made_during_a_save_is_not_overwritten() {
        let t = tempfile::tempdir().unwrap();
        let target = t.path().join("s.yaml");
        fs::write(&target, "as loaded\n").unwrap();
        // Another program writes the file after chorus read it, while the
        // temporary file is being written.
        hook::set(|p| fs::write(p, "their change\n").unwrap());
        let e = replace(&target, b"ours\n", 0o666, Some(Some(b"as loaded\n"))).unwrap_err();
        hook::set(|_| {});
        assert!(is_changed_on_disk(&e), "{e}");
        assert_eq!(
            e.to_string(),
            format!(
                "cannot save {}: it changed on disk while saving; nothing was overwritten",
                target.display()
            )
        );
        assert_eq!(fs::read(&target).unwrap(), b"their change\n");
        let names: Vec<_> = fs::read_dir(t.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(
            names,
            vec![std::ffi::OsString::from("s.yaml")],
            "no temporary file left"
        );
        // A file that appeared during the save of a new one counts too.
        let fresh = t.path().join("new.yaml");
        hook::set(|p| fs::write(p, "theirs").unwrap());
        let e = replace(&fresh, b"ours", 0o666, Some(None)).unwrap_err();
        hook::set(|_| {});
        assert!(is_changed_on_disk(&e));
        assert_eq!(fs::read(&fresh).unwrap(), b"theirs");
        // Touched but the same content: no conflict.
        hook::set(|p| fs::write(p, "as loaded\n").unwrap());
        fs::write(&target, "as loaded\n").unwrap();
        replace(&target, b"ours\n", 0o666, Some(Some(b"as loaded\n"))).unwrap();
        hook::set(|_| {});
        assert_eq!(fs::read(&target).unwrap(), b"ours\n");
    }

    #[cfg(unix)]
    #[test]
    fn the_temporary_file_has_the_targets_mode_from_the_start() {
        use std::os::unix::fs::PermissionsExt;
        let t = tempfile::tempdir().unwrap();
        let target = t.path().join("s.yaml");
        fs::write(&target, "old").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
        let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let log = seen.clone();
        let folder = t.path().to_path_buf();
        hook::set(move |_| {
            for e in fs::read_dir(&folder).unwrap().flatten() {
                if e.file_name().to_string_lossy().ends_with(".chorus-tmp") {
                    log.borrow_mut()
                        .push(e.metadata().unwrap().permissions().mode() & 0o7777);
                }
            }
        });
        write_atomic(&target, b"new").unwrap();
        hook::set(|_| {});
        assert_eq!(*seen.borrow(), vec![0o600]);
        assert_eq!(fs::metadata(&target).unwrap().permissions().mode() & 0o7777, 0o600);
        // The mode is given at creation (umask aside), not set afterwards:
        // a file made with the target's mode is never more open than it.
        let (temp, _f) = create_temp(t.path(), "x.yaml", 0o600).unwrap();
        assert_eq!(fs::metadata(&temp).unwrap().permissions().mode() & 0o777, 0o600);
        // A new file's mode is the caller's choice.
        let private = t.path().join("journal");
        write_atomic_with_mode(&private, b"j", 0o600).unwrap();
        assert_eq!(fs::metadata(&private).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_the_user_may_not_write_is_refused_even_in_a_writable_folder() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let t = tempfile::tempdir().unwrap();
        let target = t.path().join("s.yaml");
        fs::write(&target, "old").unwrap();
        // By the permission bits, so the same holds for root.
        fs::set_permissions(&target, fs::Permissions::from_mode(0o444)).unwrap();
        let e = write_atomic(&target, b"new").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);
        assert!(e.to_string().ends_with("the file is read-only"), "{e}");
        assert_eq!(fs::read(&target).unwrap(), b"old");
        // Writable by the group or others only: not for its owner either.
        fs::set_permissions(&target, fs::Permissions::from_mode(0o466)).unwrap();
        assert!(write_atomic(&target, b"new").is_err());
        fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
        let before = fs::metadata(&target).unwrap();
        write_atomic(&target, b"new").unwrap();
        let after = fs::metadata(&target).unwrap();
        assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
        assert_ne!(after.ino(), before.ino(), "replaced, not written in place");
        // The bits are read as the owner, the group or others, by who asks.
        let me = unsafe { libc::geteuid() };
        assert!(writable_by_me(&after));
        if me == 0 {
            // Root can give the file away: the owner must survive a save.
            std::os::unix::fs::chown(&target, Some(4242), Some(4343)).unwrap();
            fs::set_permissions(&target, fs::Permissions::from_mode(0o646)).unwrap();
            write_atomic(&target, b"again").unwrap();
            let m = fs::metadata(&target).unwrap();
            assert_eq!((m.uid(), m.gid()), (4242, 4343));
            assert_eq!(m.permissions().mode() & 0o7777, 0o646);
            // Not the owner, not in the group: the others' bit decides.
            fs::set_permissions(&target, fs::Permissions::from_mode(0o664)).unwrap();
            assert!(write_atomic(&target, b"no").is_err());
        }
    }

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
