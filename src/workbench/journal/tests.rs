//! The journal's own tests: writing, reading back, refusing damaged or
//! foreign journals, and finding the one to offer.

use super::*;
use crate::workbench::scratch::{set_file, template as set};

/// A journal folder beside a set file, and the path of a file named
/// like a journal of that set (`NAME` after the prefix) in it.
fn beside(name: &str) -> (tempfile::TempDir, PathBuf, Journal, PathBuf) {
    let (t, file) = set_file("x");
    let j = Journal::new(&t.path().join("state"));
    std::fs::create_dir_all(&j.folder).unwrap();
    let planted = j.folder.join(format!("{}{name}.yaml", prefix(&file)));
    (t, file, j, planted)
}

#[test]
fn a_journal_reads_back_as_written() {
    let (t, file) = set_file("x");
    let mut j = Journal::new(&t.path().join("state"));
    let fp = Fingerprint::of_bytes(b"x", None);
    let mut s = set();
    s.internal[0].text = "changed".into();
    let written = j.write(&file, Some(&fp), &s).unwrap();
    let (p, base, back) = parse(&written).unwrap();
    assert_eq!(p, canonical(&file));
    assert_eq!(base, Some(fp));
    assert_eq!(back, s);
    // The journal is itself a set file.
    assert_eq!(store::load(&written).unwrap(), s);
    // While its session runs, no other session sees it ...
    let other = Journal::new(&t.path().join("state"));
    assert!(other.find(&file, &set()).0.is_none());
    assert!(live_elsewhere(&written));
    // ... and once it has stopped (its marker unlocked), another session
    // finds it; its own session does not offer it.
    j.live = None;
    let (found, problems) = other.find(&file, &set());
    assert!(problems.is_empty());
    let found = found.unwrap();
    assert_eq!(found.file, written);
    assert_eq!(found.diff.changed, vec![s.internal[0].id.clone()]);
    assert!(j.find(&file, &set()).0.is_none());
    j.clear();
    assert!(!written.exists());
}

#[test]
fn background_writes_finish_before_a_clear_or_a_find() {
    let (t, file) = set_file("x");
    let mut j = Journal::new(&t.path().join("state"));
    let mut s = set();
    s.brand = "Edited".into();
    assert!(j.write_in_background(&file, None, s.clone()).is_none());
    assert!(j.write_in_background(&file, None, s.clone()).is_none());
    assert!(j.settle().is_none());
    let written = j.written.clone().unwrap();
    assert_eq!(parse(&written).unwrap().2, s);
    // A clear right after a background write leaves nothing behind.
    assert!(j.write_in_background(&file, None, s).is_none());
    j.clear();
    assert!(!written.exists());
    assert_eq!(std::fs::read_dir(&j.folder).unwrap().count(), 0);
}

#[test]
fn a_journal_equal_to_the_file_is_stale_and_removed() {
    let (t, file) = set_file("x");
    let mut j = Journal::new(&t.path().join("state"));
    let written = j.write(&file, None, &set()).unwrap();
    j.live = None;
    let other = Journal::new(&t.path().join("state"));
    assert!(other.find(&file, &set()).0.is_none());
    assert!(!written.exists());
    assert!(!live_marker(&written).exists(), "the marker goes with it");
}

#[test]
fn unreadable_journals_are_reported_and_kept() {
    let (t, file, _, junk) = beside("junk");
    std::fs::write(&junk, b"\xff\xfe junk").unwrap();
    let (found, problems) = Journal::new(&t.path().join("state")).find(&file, &set());
    assert!(found.is_none());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(junk.exists());
}

#[test]
fn a_truncated_or_altered_journal_is_reported_and_never_offered() {
    let (t, file) = set_file("x");
    let state = t.path().join("state");
    let mut j = Journal::new(&state);
    let mut s = set();
    s.internal[0].text = "changed".into();
    let written = j.write(&file, None, &s).unwrap();
    j.release();
    let whole = std::fs::read(&written).unwrap();
    let header = whole.iter().take_while(|b| **b != b'\n').count() + 1;
    let header = header + whole[header..].iter().take_while(|b| **b != b'\n').count() + 1;
    // Cut inside the first line, the header, at the start of the set,
    // between messages, and one byte short of the end.
    let cuts = [
        0,
        10,
        header - 5,
        header,
        header + (whole.len() - header) / 2,
        whole.len() - 1,
    ];
    for cut in cuts {
        std::fs::write(&written, &whole[..cut]).unwrap();
        let (found, problems) = Journal::new(&state).find(&file, &set());
        assert!(found.is_none(), "cut at {cut} of {} was offered", whole.len());
        assert_eq!(problems.len(), 1, "cut at {cut}: {problems:?}");
        assert!(written.exists(), "a damaged journal is kept, not removed");
    }
    // One byte changed, same length: the checksum catches it.
    let mut altered = whole.clone();
    let at = altered.len() - 3;
    altered[at] ^= 0x01;
    std::fs::write(&written, &altered).unwrap();
    let (found, problems) = Journal::new(&state).find(&file, &set());
    assert!(found.is_none());
    assert!(problems[0].contains("checksum"), "{problems:?}");
    // The whole journal is offered again.
    std::fs::write(&written, &whole).unwrap();
    assert!(Journal::new(&state).find(&file, &set()).0.is_some());
}

#[test]
fn a_journal_from_before_checksums_is_reported_not_offered() {
    let (_t, file, j, old) = beside("old");
    let header = serde_json::json!({"path": canonical(&file), "len": null, "hash": null});
    std::fs::write(&old, format!("{MAGIC_1}\n# {header}\n{}", store::to_yaml(&set()))).unwrap();
    let (found, problems) = j.find(&file, &MessageSet::default());
    assert!(found.is_none());
    assert!(problems[0].contains("older chorus"), "{problems:?}");
}

#[test]
fn a_journal_too_large_or_not_a_file_is_refused_unread() {
    let t = tempfile::tempdir().unwrap();
    let big = t.path().join("big.yaml");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(limit() + 1).unwrap();
    let e = parse(&big).unwrap_err();
    assert!(e.contains("too large"), "{e}");
    let e = parse(t.path()).unwrap_err();
    assert!(e.contains("not a file"), "{e}");
}

#[cfg(unix)]
#[test]
fn journals_and_their_folder_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let (t, file) = set_file("x");
    let state = t.path().join("state");
    let mut j = Journal::new(&state);
    let written = j.write(&file, None, &set()).unwrap();
    assert_eq!(mode(&state), 0o700);
    assert_eq!(mode(&j.folder), 0o700);
    assert_eq!(mode(&written), 0o600);
    // What an older chorus left open is tightened when next looked at.
    std::fs::set_permissions(&j.folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&written, std::fs::Permissions::from_mode(0o644)).unwrap();
    let _ = Journal::new(&state).find(&file, &set());
    assert_eq!(mode(&j.folder), 0o700);
    let mut s = set();
    s.brand = "Other".into();
    let again = j.write(&file, None, &s).unwrap();
    assert_eq!(mode(&again), 0o600);
}
