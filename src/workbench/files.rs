//! The workbench's dealings with the file system beyond the store: which set
//! to open when none is named (the last one, else the built-in example), and
//! a fingerprint of a file on disk so saving never silently overwrites a
//! change someone else made.

use std::io;
use std::path::{Path, PathBuf};

use crate::core::model::MessageSet;
use crate::core::store;

use super::fingerprint::Fingerprint;
use super::private;

/// The built-in example, copied on first use so it can be edited and saved.
pub const EXAMPLE_YAML: &str = include_str!("../../messages/lemonadly.yaml");
pub const EXAMPLE_FILE: &str = "lemonadly.yaml";
const LAST_FILE: &str = "last-set";

/// The fingerprint of `path` now; `None` when there is no file there.
/// Read through the store's reader: never more than a set file may hold
/// (with headroom), never a pipe or a device.
pub fn fingerprint(path: &Path) -> io::Result<Option<Fingerprint>> {
    match store::read_bytes(path, store::MAX_WRITTEN_BYTES) {
        Ok(bytes) => {
            let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
            Ok(Some(Fingerprint::of_bytes(&bytes, modified)))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Whether the file at `path` changed since `seen` (what we loaded or last
/// saved). A file that is gone is no conflict: saving recreates it.
pub fn changed_on_disk(path: &Path, seen: Option<&Fingerprint>) -> bool {
    match (fingerprint(path), seen) {
        (Ok(Some(now)), Some(seen)) => !now.same_content(seen),
        // There was no file when we loaded (or it was unreadable) and now there is one.
        (Ok(Some(_)), None) => true,
        (Ok(None), _) => false,
        // Unreadable now: let the save itself report the problem.
        (Err(_), _) => false,
    }
}

/// A loaded set and the fingerprint of the file it came from.
pub fn load(path: &Path) -> Result<(MessageSet, Option<Fingerprint>), store::LoadError> {
    load_noting(path).map(|(set, seen, _)| (set, seen))
}

/// A set as the workbench opens it: the set, its file's fingerprint, and
/// the store's notices.
pub type Loaded = (MessageSet, Option<Fingerprint>, Vec<store::Notice>);

/// `load`, with what the store noticed in the file (keys that look misspelt).
pub fn load_noting(path: &Path) -> Result<Loaded, store::LoadError> {
    // Fingerprint first: if the file changes between the two reads, the
    // fingerprint is the older one and the next save asks before overwriting.
    let seen = fingerprint(path).ok().flatten();
    let (set, notices) = store::open_noting(path)?;
    Ok((set, seen, notices))
}

/// Save, then fingerprint what was written.
pub fn save(path: &Path, set: &MessageSet) -> io::Result<Option<Fingerprint>> {
    store::save(path, set)?;
    Ok(fingerprint(path).ok().flatten())
}

/// Write `set` beside `path` as `NAME.recovered.yaml` (numbered if taken),
/// never over the file itself; falls back to the temporary folder. The last
/// resort when the journal cannot be written (no home folder, or its
/// state folder is not writable).
pub fn save_recovery(path: &Path, set: &MessageSet) -> io::Result<PathBuf> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "set".into());
    let dirs = [
        path.parent().map(Path::to_path_buf).unwrap_or_default(),
        std::env::temp_dir(),
    ];
    let mut last = io::Error::other("nowhere to write");
    for dir in dirs {
        let free = (1..100)
            .map(|n| match n {
                1 => dir.join(format!("{stem}.recovered.yaml")),
                n => dir.join(format!("{stem}.recovered-{n}.yaml")),
            })
            .find(|p| !p.exists());
        if let Some(p) = free {
            // Created 0600 before the text goes in (the save keeps the mode
            // it finds): unsaved edits in a shared folder such as /tmp are
            // no one else's to read.
            // Only a file this call created is ever removed: one that
            // appeared since the check is someone else's.
            match private::options().write(true).create_new(true).open(&p) {
                Err(e) => last = e,
                Ok(_) => match store::save(&p, set) {
                    Ok(()) => return Ok(p),
                    Err(e) => {
                        let _ = std::fs::remove_file(&p);
                        last = e;
                    }
                },
            }
        }
    }
    Err(last)
}

/// The per-user folders chorus keeps things in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dirs {
    /// Where the editable copy of the example lives.
    pub data: PathBuf,
    /// Where the last opened set is remembered and unsaved edits are
    /// journaled (`journal/`).
    pub state: PathBuf,
}

impl Dirs {
    /// The platform's folders for chorus; `None` when there is no home folder.
    pub fn for_user() -> Option<Dirs> {
        let p = directories::ProjectDirs::from("", "", "chorus")?;
        Some(Dirs {
            data: p.data_dir().to_path_buf(),
            // Only Linux has a state folder; elsewhere the local data folder.
            state: p.state_dir().unwrap_or(p.data_local_dir()).to_path_buf(),
        })
    }

    /// The set opened last, if it still exists.
    pub fn last_opened(&self) -> Option<PathBuf> {
        // A path is at most a few KiB; anything larger (or a pipe) is not ours.
        let s = store::read_regular(&self.state.join(LAST_FILE), 64 * 1024).ok()?;
        let p = PathBuf::from(s.trim_end_matches(['\n', '\r']));
        (!p.as_os_str().is_empty() && p.is_file()).then_some(p)
    }

    /// Remember `path` as the set opened last.
    /// The state folder is the user's alone (0700, the file 0600): the
    /// path names a set others need not know of.
    pub fn remember(&self, path: &Path) -> io::Result<()> {
        let abs = std::path::absolute(path)?;
        private::folder(&self.state)?;
        let mut s = abs.to_string_lossy().into_owned();
        s.push('\n');
        private::write(&self.state.join(LAST_FILE), s.as_bytes())
    }

    /// The editable copy of the built-in example, written on first use, in
    /// a folder of the user's alone: the copy soon holds their own drafts.
    pub fn example(&self) -> io::Result<PathBuf> {
        let p = self.data.join(EXAMPLE_FILE);
        private::folder(&self.data)?;
        if p.exists() {
            private::tighten(&p, private::FILE_MODE)?;
        } else {
            use std::io::Write as _;
            let mut f = private::options().write(true).create_new(true).open(&p)?;
            f.write_all(EXAMPLE_YAML.as_bytes())?;
        }
        Ok(p)
    }
}

/// The file to open: the one named, else the last one opened, else the example.
pub fn start_path(arg: Option<PathBuf>, dirs: Option<&Dirs>) -> Result<PathBuf, String> {
    if let Some(p) = arg {
        return Ok(p);
    }
    let dirs = dirs.ok_or("no home folder to keep the example in; name a file: chorus FILE")?;
    if let Some(p) = dirs.last_opened() {
        return Ok(p);
    }
    dirs.example().map_err(|e| {
        format!(
            "could not copy the example to {}: {e}",
            dirs.data.join(EXAMPLE_FILE).display()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dirs(root: &Path) -> Dirs {
        Dirs {
            data: root.join("data"),
            state: root.join("state"),
        }
    }

    #[test]
    fn named_file_wins() {
        let t = tempfile::tempdir().unwrap();
        let p = start_path(Some("x.yaml".into()), Some(&dirs(t.path()))).unwrap();
        assert_eq!(p, PathBuf::from("x.yaml"));
    }

    #[test]
    fn example_is_copied_once_then_last_opened_wins() {
        let t = tempfile::tempdir().unwrap();
        let d = dirs(t.path());
        let p = start_path(None, Some(&d)).unwrap();
        assert_eq!(p, t.path().join("data").join(EXAMPLE_FILE));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), EXAMPLE_YAML);
        // An edit to the copy survives the next start.
        std::fs::write(&p, "edited").unwrap();
        assert_eq!(start_path(None, Some(&d)).unwrap(), p);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "edited");

        let other = t.path().join("other.yaml");
        std::fs::write(&other, "x").unwrap();
        d.remember(&other).unwrap();
        assert_eq!(start_path(None, Some(&d)).unwrap(), other);
        // A remembered file that is gone falls back to the example.
        std::fs::remove_file(&other).unwrap();
        assert_eq!(start_path(None, Some(&d)).unwrap(), p);
    }

    #[cfg(unix)]
    #[test]
    fn the_last_path_and_the_example_copy_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let t = tempfile::tempdir().unwrap();
        let d = dirs(t.path());
        let example = d.example().unwrap();
        assert_eq!(mode(&d.data), 0o700);
        assert_eq!(mode(&example), 0o600);
        d.remember(&example).unwrap();
        assert_eq!(mode(&d.state), 0o700);
        assert_eq!(mode(&d.state.join(LAST_FILE)), 0o600);
        // Left open by an older chorus: tightened on the next use.
        for (p, m) in [
            (&d.data, 0o755),
            (&d.state, 0o755),
            (&d.state.join(LAST_FILE), 0o644),
            (&example, 0o644),
        ] {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
        }
        d.example().unwrap();
        d.remember(&example).unwrap();
        assert_eq!(mode(&d.data), 0o700);
        assert_eq!(mode(&d.state), 0o700);
        assert_eq!(mode(&d.state.join(LAST_FILE)), 0o600);
        assert_eq!(mode(&example), 0o600);
        // A recovery copy holds unsaved edits: the user's alone too.
        let r = save_recovery(&example, &MessageSet::default()).unwrap();
        assert_eq!(mode(&r), 0o600);
    }

    #[test]
    fn recovery_never_overwrites() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("s.yaml");
        std::fs::write(&p, "mine").unwrap();
        let set = MessageSet::default();
        let a = save_recovery(&p, &set).unwrap();
        let b = save_recovery(&p, &set).unwrap();
        assert_eq!(a, t.path().join("s.recovered.yaml"));
        assert_eq!(b, t.path().join("s.recovered-2.yaml"));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "mine");
        // A vanished folder falls back to the temporary folder.
        let c = save_recovery(&t.path().join("gone/s.yaml"), &set).unwrap();
        assert!(c.starts_with(std::env::temp_dir()));
        std::fs::remove_file(c).unwrap();
    }

    #[test]
    fn fingerprint_sees_content_changes_not_touches() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("s.yaml");
        std::fs::write(&p, "a: 1\n").unwrap();
        let seen = fingerprint(&p).unwrap();
        assert!(!changed_on_disk(&p, seen.as_ref()));
        std::fs::write(&p, "a: 1\n").unwrap();
        assert!(!changed_on_disk(&p, seen.as_ref()));
        std::fs::write(&p, "a: 2\n").unwrap();
        assert!(changed_on_disk(&p, seen.as_ref()));
        std::fs::remove_file(&p).unwrap();
        assert!(!changed_on_disk(&p, seen.as_ref()));
    }
}
