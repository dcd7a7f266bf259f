//! Every command's output, through the real binary: a full disk (stdout
//! on /dev/full) is reported on stderr with exit 2, never a panic and never
//! the normal status; a closed pipe ends the command quietly with its own
//! status; and file names holding escape sequences are shown visibly.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_chorus"));
    c.env_remove("NO_COLOR");
    c
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cli")
        .join(name)
}

/// A home of its own, so the machine lexicon is none.
fn homed(c: &mut Command, home: &Path) {
    c.env("HOME", home).env("XDG_CONFIG_HOME", home.join("config"));
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_a_write_error_with_exit_2() {
    let t = tempfile::tempdir().unwrap();
    let clean = fixture("clean.yaml");
    let new = t.path().join("new.yaml");
    let cases: Vec<Vec<std::ffi::OsString>> = vec![
        vec!["lexicon".into()],
        vec!["lexicon".into(), clean.clone().into()],
        vec!["new".into(), new.into()],
        vec!["check".into(), clean.clone().into()],
        vec!["check".into(), "--format".into(), "json".into(), clean.into()],
        vec!["--help".into()],
    ];
    for args in cases {
        let mut c = bin();
        homed(&mut c, t.path());
        let out = c
            .args(&args)
            .stdout(File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("cannot write the output"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_quietly_with_the_commands_status() {
    let t = tempfile::tempdir().unwrap();
    for (args, status) in [
        (vec!["lexicon"], 0),
        (vec!["check", fixture("clean.yaml").to_str().unwrap()], 0),
        (vec!["check", fixture("controls.yaml").to_str().unwrap()], 1),
    ] {
        let mut c = bin();
        homed(&mut c, t.path());
        let mut child = c
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before the first byte is written.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(status), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn escape_sequences_in_file_names_are_shown_visibly() {
    let t = tempfile::tempdir().unwrap();
    let file = t.path().join("a\u{1b}[31mb.yaml");
    let out = bin().arg("new").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(!said.contains('\u{1b}'), "{said:?}");
    assert!(said.contains("a␛[31mb.yaml"), "{said:?}");
    // Refusing to overwrite it names it visibly too.
    let out = bin().arg("new").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains('\u{1b}') && err.contains("a␛[31mb.yaml"), "{err:?}");

    // The machine lexicon's place, in a config folder with an escape.
    let mut c = bin();
    c.env("HOME", t.path())
        .env("XDG_CONFIG_HOME", t.path().join("c\u{1b}]0;x\u{7}"));
    let out = c.arg("lexicon").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let said = String::from_utf8(out.stdout).unwrap();
    let first = said.lines().next().unwrap();
    assert!(first.contains("c␛]0;x␇"), "{first:?}");
    assert!(!said.contains('\u{1b}') && !said.contains('\u{7}'), "{first:?}");
}
