//! The journal: unsaved edits kept in the per-user state folder, so a crash,
//! a `kill -9` or a closed terminal never loses a marketer's work.
//!
//! While the set has unsaved edits the event loop writes a journal at most
//! every couple of seconds, and at once when the workbench stops without
//! being asked (a bug, a terminal error). A journal is the whole set as YAML
//! (`store::to_yaml`) after two comment lines, so it is itself a readable
//! set file:
//!
//! ```text
//! # chorus journal 2: unsaved edits; open the set file to restore them
//! # {"path":"/abs/path/set.yaml","len":1234,"hash":"89ab…","body_len":5678,"body_hash":"01cd…"}
//! version: 1
//! …
//! ```
//!
//! The JSON line names the set file and the fingerprint of that file when
//! the edits began (what the edits are based on), and the length and hash
//! of the YAML after it: a journal cut short (a full disk, a copy that
//! stopped) can still parse as a smaller set, and restoring that would
//! delete messages, so a journal whose body does not match is reported and
//! never offered. Journals live in `STATE/journal/` (0700, files 0600: they
//! hold text not yet shared), named `STEM-HASH-SESSION.yaml`: HASH is a
//! stable hash of the set file's canonical path, SESSION tells apart two
//! workbenches on the same set, so neither overwrites the other's journal.
//! Each is written atomically.
//!
//! The event loop writes on a background thread (rendering and flushing a
//! large set takes a moment, and typing must not wait for it); a save,
//! a discard or the next write waits for it first, so a journal never
//! outlives the save that made it stale.
//!
//! On opening a set, the newest journal for its path whose set differs from
//! the file is offered (newest by the time in its header: file times are
//! too coarse to order two journals written close together), saying when
//! it was written and how many older ones wait: restore, discard, or keep
//! for later. The older ones are offered in turn on later openings. Journals that
//! hold just what the file holds are removed. A clean save or a discard
//! removes the session's own journal.

use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::core::model::MessageSet;
use crate::core::store;

use super::fingerprint::{stable_hash, Fingerprint};
use super::private;
use super::unsaved::{Diff, Found};

/// The text of the regular file at `file`, reading at most `limit` bytes
/// through the store's one reader: a FIFO or a device put where a journal
/// should be is refused, not read.
fn read_limited(file: &Path, limit: u64) -> io::Result<String> {
    let bytes = store::read_bytes(file, limit)?;
    String::from_utf8(bytes).map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8 text"))
}

const MAGIC: &str = "# chorus journal 2: unsaved edits; open the set file to restore them";
/// What journals written before they carried a checksum begin with.
const MAGIC_1: &str = "# chorus journal 1: unsaved edits; open the set file to restore them";
pub(crate) const FOLDER: &str = "journal";
/// Room for the two header lines on top of the set's own limit: a journal
/// holds a set as chorus writes it, so its limit follows what the store
/// may write (a set grown past the load limit while being edited is still
/// journaled, and read back).
const HEADER_ROOM: u64 = 64 * 1024;

/// The most a journal may hold, in bytes.
pub fn limit() -> u64 {
    store::MAX_WRITTEN_BYTES + HEADER_ROOM
}

/// The set file's path as the journal knows it: canonical when it exists,
/// else absolute.
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// The start of every journal name for the set at `path` (`STEM-HASH-`).
pub(crate) fn prefix(path: &Path) -> String {
    let canon = canonical(path);
    let stem: String = canon
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '_' { c } else { '_' })
        .take(40)
        .collect();
    let hash = stable_hash(canon.as_os_str().as_encoded_bytes());
    format!("{stem}-{hash:016x}-")
}

/// A session's journal: where its journals go, and which file it wrote last.
#[derive(Debug)]
pub struct Journal {
    /// `STATE/journal`.
    pub folder: PathBuf,
    /// Tells this session's journals apart from another's on the same set.
    pub session: String,
    /// The journal this session wrote last (removed on save or discard).
    pub written: Option<PathBuf>,
    /// A write in progress on another thread.
    pending: Option<std::thread::JoinHandle<io::Result<PathBuf>>>,
    /// Held locked while this session runs, beside its journal: another
    /// session (one opened with --force, or the next after the lock holder
    /// quit) then knows the journal is live and never offers or removes it.
    live: Option<(PathBuf, std::fs::File)>,
}

/// The marker beside a journal that its session holds locked while it runs.
fn live_marker(journal: &Path) -> PathBuf {
    let mut name = journal.as_os_str().to_owned();
    name.push(".live");
    PathBuf::from(name)
}

/// Is the session that wrote `journal` still running? Its marker is locked.
/// A marker that cannot be opened says nothing: the journal is offered as
/// before markers existed.
pub fn live_elsewhere(journal: &Path) -> bool {
    // Only a regular file is a marker: opening a FIFO put there would block.
    let marker = live_marker(journal);
    if !std::fs::symlink_metadata(&marker).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let Ok(file) = std::fs::File::open(marker) else {
        return false;
    };
    matches!(file.try_lock_shared(), Err(std::fs::TryLockError::WouldBlock))
}

/// Remove markers whose session died before its journal was written (or
/// after it was removed): nothing beside them, and nobody holds them.
fn clean_markers(folder: &Path) {
    for e in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let path = e.path();
        let journal = path.to_str().and_then(|p| p.strip_suffix(".live")).map(Path::new);
        if journal.is_some_and(|j| !j.exists() && e.file_type().is_ok_and(|t| t.is_file()) && !live_elsewhere(j)) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Remove a journal another session left, with its marker.
pub fn remove(journal: &Path) {
    let _ = std::fs::remove_file(journal);
    let _ = std::fs::remove_file(live_marker(journal));
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Header {
    path: PathBuf,
    len: Option<u64>,
    hash: Option<String>,
    /// Bytes of the YAML after the header, and their `stable_hash`.
    #[serde(default)]
    body_len: Option<u64>,
    #[serde(default)]
    body_hash: Option<String>,
    /// When the journal was written, in nanoseconds since the Unix epoch:
    /// which of two sessions' edits are newer. A file's modification time
    /// cannot tell: the kernel's file clock is coarse, and two journals
    /// written a moment apart carry the same time.
    #[serde(default)]
    at: Option<u64>,
}

/// The journal's text: the header, then the set.
pub fn render(path: &Path, base: Option<&Fingerprint>, set: &MessageSet) -> String {
    let body = store::to_yaml(set);
    let header = Header {
        path: canonical(path),
        len: base.map(|f| f.len),
        hash: base.map(|f| format!("{:016x}", f.hash)),
        body_len: Some(body.len() as u64),
        body_hash: Some(format!("{:016x}", stable_hash(body.as_bytes()))),
        at: SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .ok()
            .and_then(|d| u64::try_from(d.as_nanos()).ok()),
    };
    let json = serde_json::to_string(&header).unwrap_or_else(|_| "{}".into());
    format!("{MAGIC}\n# {json}\n{body}")
}

/// Write `text` to the journal `file` atomically, private to the user; a
/// journal this session wrote under another name (`old`: the set was saved
/// as another file) goes.
fn write_file(folder: &Path, file: &Path, old: Option<&Path>, text: &str) -> io::Result<()> {
    // Whatever is journaled must read back: refuse, and say so, rather than
    // write a journal the next session would reject.
    if text.len() as u64 > limit() {
        return Err(io::Error::other(format!(
            "the set is too large to journal (over {} MB)",
            limit() / 1_000_000
        )));
    }
    private::folder(folder)?;
    private::write_atomic(file, text.as_bytes())?;
    if let Some(old) = old.filter(|o| *o != file) {
        let _ = std::fs::remove_file(old);
    }
    Ok(())
}

/// Read the journal at `file`: the set file it belongs to, the fingerprint
/// its edits were based on, and the set.
pub fn parse(file: &Path) -> Result<(PathBuf, Option<Fingerprint>, MessageSet), String> {
    parse_timed(file).map(|(path, base, set, _)| (path, base, set))
}

/// A journal as `parse` reads it, and when it was written (from its
/// header; `None` for a journal written before the header said).
type Timed = (PathBuf, Option<Fingerprint>, MessageSet, Option<SystemTime>);

/// `parse`, with when the journal was written.
pub fn parse_timed(file: &Path) -> Result<Timed, String> {
    let text = read_limited(file, limit()).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut lines = text.splitn(3, '\n');
    match lines.next() {
        Some(MAGIC) => {}
        Some(MAGIC_1) => {
            return Err(format!(
                "{}: written by an older chorus without a checksum, so it cannot be told \
                 complete; it is not restored (it is a set file: open it to look)",
                file.display()
            ))
        }
        _ => return Err(format!("{}: not a chorus journal", file.display())),
    }
    let header: Header = lines
        .next()
        .and_then(|l| l.strip_prefix("# "))
        .and_then(|j| serde_json::from_str(j).ok())
        .ok_or_else(|| format!("{}: the journal's header cannot be read", file.display()))?;
    let body = lines.next().unwrap_or("");
    let expected = header
        .body_hash
        .as_deref()
        .and_then(|h| u64::from_str_radix(h, 16).ok());
    match (header.body_len, expected) {
        (Some(len), Some(hash)) if len == body.len() as u64 && hash == stable_hash(body.as_bytes()) => {}
        (Some(len), Some(_)) if len != body.len() as u64 => {
            return Err(format!(
                "{}: the journal is incomplete or damaged ({} of {len} bytes); it is not restored",
                file.display(),
                body.len()
            ))
        }
        _ => {
            return Err(format!(
                "{}: the journal is damaged (its checksum does not match); it is not restored",
                file.display()
            ))
        }
    }
    let base = match (header.len, header.hash.and_then(|h| u64::from_str_radix(&h, 16).ok())) {
        (Some(len), Some(hash)) => Some(Fingerprint {
            modified: None,
            len,
            hash,
        }),
        _ => None,
    };
    let set = store::parse(&text, file).map_err(|e| e.to_string())?;
    let at = header
        .at
        .map(|n| SystemTime::UNIX_EPOCH + std::time::Duration::from_nanos(n));
    Ok((header.path, base, set, at))
}

impl Journal {
    /// The journal of a new session, kept in `state/journal`.
    pub fn new(state: &Path) -> Journal {
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        Journal {
            folder: state.join(FOLDER),
            session: format!("{}{:08x}", std::process::id(), nanos),
            written: None,
            pending: None,
            live: None,
        }
    }

    /// Mark this session's journal for `path` live before it is first
    /// written. Failing to is no reason to stop journaling.
    fn mark_live(&mut self, path: &Path) {
        let marker = live_marker(&self.file_for(path));
        match &self.live {
            Some((m, _)) if *m == marker => return,
            // Saved under another name: the old marker goes with its journal.
            Some((m, _)) => {
                let _ = std::fs::remove_file(m);
            }
            None => {}
        }
        if private::folder(&self.folder).is_err() {
            return;
        }
        // Never open something else put in the marker's place (a FIFO would block).
        if std::fs::symlink_metadata(&marker).is_ok_and(|m| !m.is_file()) {
            return;
        }
        let opened = private::options()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&marker);
        if let Ok(file) = opened {
            if file.try_lock().is_ok() {
                self.live = Some((marker, file));
            }
        }
    }

    /// This session's journal file for the set at `path`.
    pub fn file_for(&self, path: &Path) -> PathBuf {
        self.folder.join(format!("{}{}.yaml", prefix(path), self.session))
    }

    /// Write the set as this session's journal for `path`, atomically;
    /// returns the journal's path.
    pub fn write(&mut self, path: &Path, base: Option<&Fingerprint>, set: &MessageSet) -> io::Result<PathBuf> {
        let _ = self.settle();
        self.mark_live(path);
        let file = self.file_for(path);
        write_file(&self.folder, &file, self.written.as_deref(), &render(path, base, set))?;
        self.written = Some(file.clone());
        Ok(file)
    }

    /// `write`, on another thread; the set is the caller's copy. Returns
    /// the error of the previous background write, if it failed.
    pub fn write_in_background(
        &mut self,
        path: &Path,
        base: Option<Fingerprint>,
        set: MessageSet,
    ) -> Option<io::Error> {
        let previous = self.settle();
        self.mark_live(path);
        let (folder, file, old) = (self.folder.clone(), self.file_for(path), self.written.clone());
        let canon = path.to_path_buf();
        self.pending = Some(std::thread::spawn(move || {
            let text = render(&canon, base.as_ref(), &set);
            write_file(&folder, &file, old.as_deref(), &text)?;
            Ok(file)
        }));
        previous
    }

    /// Wait for a background write to finish; its error, if it failed.
    pub fn settle(&mut self) -> Option<io::Error> {
        match self.pending.take()?.join() {
            Ok(Ok(file)) => {
                self.written = Some(file);
                None
            }
            Ok(Err(e)) => Some(e),
            Err(_) => Some(io::Error::other("the journal writer stopped on a bug")),
        }
    }

    /// The session is over and its journal stays for the next one: let go
    /// of the marker, so the next session offers the edits even while this
    /// process is still printing its last words.
    pub fn release(&mut self) {
        let _ = self.settle();
        if let Some((marker, _file)) = self.live.take() {
            let _ = std::fs::remove_file(marker);
        }
    }

    /// Remove this session's journal (after a clean save or a discard).
    pub fn clear(&mut self) {
        let _ = self.settle();
        if let Some(f) = self.written.take() {
            let _ = std::fs::remove_file(f);
        }
        self.release();
    }

    /// The journals other sessions left for the set at `path`, newest first.
    pub fn others_for(&self, path: &Path) -> Vec<PathBuf> {
        let prefix = prefix(path);
        // An older chorus made the folder and its files readable by all.
        let _ = private::tighten(&self.folder, private::FOLDER_MODE);
        private::clean_temps(&self.folder);
        clean_markers(&self.folder);
        let Ok(entries) = std::fs::read_dir(&self.folder) else {
            return vec![];
        };
        let mut found: Vec<(Option<SystemTime>, PathBuf)> = entries
            .flatten()
            .filter(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name.starts_with(&prefix)
                    && name.ends_with(".yaml")
                    && Some(e.path()) != self.written
                    && !live_elsewhere(&e.path())
            })
            .map(|e| {
                let _ = private::tighten(&e.path(), private::FILE_MODE);
                (e.metadata().and_then(|m| m.modified()).ok(), e.path())
            })
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| b.1.cmp(&a.1)));
        found.into_iter().map(|(_, p)| p).collect()
    }

    /// The newest journal for `path` whose set differs from `set` (the
    /// file as just loaded), with when the older ones were written. Newest
    /// by the time each journal says it was written, else by its file's.
    /// Journals that hold the same set are stale and removed; those that
    /// cannot be read are left alone and reported.
    pub fn find(&self, path: &Path, set: &MessageSet) -> (Option<Found>, Vec<String>) {
        let canon = canonical(path);
        let mut problems = vec![];
        let mut candidates = vec![];
        for file in self.others_for(path) {
            match parse_timed(&file) {
                // A hash collision or a renamed folder: not this set's journal.
                Ok((p, ..)) if p != canon => {}
                Ok((_, _, j, _)) if j == *set => remove(&file),
                Ok((_, base, j, at)) => {
                    let when = at.or_else(|| std::fs::metadata(&file).and_then(|m| m.modified()).ok());
                    candidates.push((when, file, base, j));
                }
                Err(e) => problems.push(e),
            }
        }
        // Stable: journals of the same time keep the folder's order.
        candidates.sort_by_key(|c| std::cmp::Reverse(c.0));
        let mut candidates = candidates.into_iter();
        let Some((modified, file, base, j)) = candidates.next() else {
            return (None, problems);
        };
        let found = Found {
            diff: Diff::between(set, &j),
            file,
            set: j,
            base,
            modified,
            older: candidates.map(|(when, ..)| when).collect(),
        };
        (Some(found), problems)
    }
}

#[cfg(test)]
mod tests;
