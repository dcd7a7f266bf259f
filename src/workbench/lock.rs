//! One workbench per set: a live session holds an advisory lock (flock) on
//! `STATE/journal/STEM-HASH.lock`, keyed like the set's journals. The lock
//! dies with the process, however it ends (`kill -9` included), so a stale
//! lock needs no clean-up: the next session simply takes it. The file says
//! who holds it (pid, host, since when) so a second session can tell the
//! user where the set is open. Lock files are never removed: removing one
//! while another process waits on it would let two sessions lock two
//! different files of the same name.

use std::fs::File;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use super::journal;
use super::private;

/// Who holds the lock on a set, as its lock file says.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    /// Seconds since the Unix epoch when the session opened the set.
    pub since: u64,
}

impl Holder {
    fn me() -> Holder {
        Holder {
            pid: std::process::id(),
            host: host(),
            since: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0),
        }
    }

    /// "pid 1234 on laptop, since 14:05 UTC", or less when the file said less.
    pub fn describe(&self) -> String {
        let mut s = if self.pid == 0 {
            "another process".to_string()
        } else {
            format!("pid {}", self.pid)
        };
        if !self.host.is_empty() {
            s.push_str(&format!(" on {}", self.host));
        }
        if self.since > 0 {
            let day = self.since % 86_400;
            let age = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs().saturating_sub(self.since))
                .unwrap_or(0);
            // The clock time reads best today; an older lock gets its age in days.
            if age < 86_400 {
                s.push_str(&format!(", since {:02}:{:02} UTC", day / 3600, day % 3600 / 60));
            } else {
                s.push_str(&format!(", for {} days", age / 86_400));
            }
        }
        s
    }
}

/// The lock this session holds on its set; released when dropped.
#[derive(Debug)]
pub struct Lock {
    // Held open: closing the file releases the lock.
    _file: File,
    pub path: PathBuf,
}

/// What trying to lock a set found.
#[derive(Debug)]
pub enum Claim {
    /// This session holds the set.
    Ours(Lock),
    /// A live session holds it.
    Held(Holder),
}

/// The lock file of the set at `path`, in `state`.
pub fn file_for(state: &Path, path: &Path) -> PathBuf {
    let prefix = journal::prefix(path);
    state
        .join(journal::FOLDER)
        .join(format!("{}.lock", prefix.trim_end_matches('-')))
}

/// Try to lock the set at `path`. A lock whose holder is gone is free and
/// taken silently. An error means locking is not possible here (a folder
/// that cannot be written, a file system without locks).
pub fn claim(state: &Path, path: &Path) -> io::Result<Claim> {
    let lock = file_for(state, path);
    if let Some(dir) = lock.parent() {
        private::folder(dir)?;
    }
    // Never truncated on opening: the holder's details must survive a look.
    let mut file = private::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock)?;
    private::tighten(&lock, private::FILE_MODE)?;
    match file.try_lock() {
        Ok(()) => {
            let text = serde_json::to_string(&Holder::me()).unwrap_or_default();
            file.set_len(0)?;
            file.rewind()?;
            file.write_all(text.as_bytes())?;
            file.write_all(b"\n")?;
            file.flush()?;
            Ok(Claim::Ours(Lock {
                _file: file,
                path: lock,
            }))
        }
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut text = String::new();
            // The holder may be writing its details this very moment; an
            // unreadable file still means the set is held.
            let _ = file.take(4096).read_to_string(&mut text);
            Ok(Claim::Held(serde_json::from_str(text.trim()).unwrap_or_default()))
        }
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

/// Whether a process with this pid is running (on Linux, by /proc; where
/// that cannot be told, it is assumed to be).
pub fn alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return true;
    }
    proc.join(pid.to_string()).exists()
}

/// This machine's name, for telling the user where the set is open.
fn host() -> String {
    for f in ["/proc/sys/kernel/hostname", "/etc/hostname"] {
        if let Ok(s) = std::fs::read_to_string(f) {
            let s = s.trim();
            if !s.is_empty() {
                return s.chars().take(64).collect();
            }
        }
    }
    std::env::var("HOSTNAME").unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbench::scratch::set_file;

    #[test]
    fn a_second_claim_sees_the_first_until_it_is_dropped() {
        let (t, set) = set_file("x");
        let state = t.path().join("state");
        let Claim::Ours(first) = claim(&state, &set).unwrap() else {
            panic!("the first session gets the lock");
        };
        match claim(&state, &set).unwrap() {
            Claim::Held(h) => {
                assert_eq!(h.pid, std::process::id());
                assert!(h.since > 0);
                assert!(h.describe().starts_with(&format!("pid {}", h.pid)), "{}", h.describe());
            }
            Claim::Ours(_) => panic!("the set is already held"),
        }
        // Another set is not held.
        let other = t.path().join("o.yaml");
        assert!(matches!(claim(&state, &other).unwrap(), Claim::Ours(_)));
        // A lock whose holder is gone is taken over, and the file stays.
        drop(first);
        assert!(matches!(claim(&state, &set).unwrap(), Claim::Ours(_)));
        assert!(file_for(&state, &set).exists());
    }

    #[test]
    fn an_unreadable_holder_still_holds() {
        let h: Holder = serde_json::from_str("").unwrap_or_default();
        assert_eq!(h.describe(), "another process");
    }
}
