//! Writing a set file atomically, so a crash or a full disk never leaves a
//! half-written set, a change made meanwhile is never overwritten, and the
//! file keeps its mode and owner.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::read::read_bytes;
use super::temp::{create_temp, remove_stale_temps};

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
    use crate::core::store::temp::{create_temp, temp_name, temp_pid};

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
}
