//! The temporary files of an atomic save: their names, their creation with
//! the target's mode, and the clean-up of those a killed session left.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The temporary file names `create_temp` makes for `name`:
/// `.NAME.PID-N.chorus-tmp`.
pub(super) fn temp_name(name: &str, pid: u32, n: usize) -> String {
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
pub(super) fn remove_stale_temps(folder: &Path) {
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
pub(super) fn temp_pid(file: &str) -> Option<u32> {
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
pub(super) fn create_temp(folder: &Path, name: &str, mode: u32) -> io::Result<(PathBuf, File)> {
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
}
