//! Trust no file: `chorus check` and the workbench (`chorus FILE`) on
//! hostile files. Each must end with a clear error naming the file (and the
//! line and column where there is one) and exit 2 — never a panic, never a
//! hang (each run is killed after 20 s and the test fails), and never more
//! than 300 MB of memory (the child's peak, VmHWM, read from /proc while it
//! runs, on Linux).
//!
//! Memory stays bounded by design: files over 16 MiB are refused before
//! reading (a pipe or a device, whose size cannot be known, is not read at
//! all), alias expansion has a budget, nesting stops at 128 levels, and
//! a document with more than a million places a value can start, or a set
//! of more than 50,000 messages, is refused.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(20);
const MAX_KB: u64 = 300 * 1024;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    peak_kb: u64,
}

/// The peak resident memory of a running process, in kB (Linux only).
fn peak_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Run chorus with `args` (HOME in `home`), kill it past the time limit.
fn chorus(args: &[&Path], home: &Path) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let (out, err) = (dir.path().join("out"), dir.path().join("err"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut peak = 0;
    let status = loop {
        if let Some(kb) = peak_kb(child.id()) {
            peak = peak.max(kb);
        }
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chorus {args:?} still running after {LIMIT:?}: killed");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        code: status.code(),
        stdout: std::fs::read_to_string(out).unwrap_or_default(),
        stderr: String::from_utf8_lossy(&std::fs::read(err).unwrap()).into_owned(),
        peak_kb: peak,
    }
}

/// A hostile file and what its error must say.
struct Hostile {
    name: &'static str,
    bytes: Vec<u8>,
    /// `:line:column:` right after the path, when the error has a place.
    place: Option<(usize, usize)>,
    says: &'static str,
}

fn repeat(s: &str, n: usize) -> String {
    s.repeat(n)
}

fn hostile_files() -> Vec<Hostile> {
    let mut bomb = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let deep_block: String = (0..2000).map(|i| format!("{}- \n", "  ".repeat(i))).collect();
    // Bytes that are not UTF-8 anywhere, from a fixed generator.
    let mut x: u32 = 2463534242;
    let binary: Vec<u8> = (0..65536)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8 | 0x80
        })
        .collect();
    let many_messages: String = format!(
        "version: 1\nbrand: B\nexternal: {{story: S}}\nsegments: [a]\ninternal:\n{}",
        (0..50_001)
            .map(|i| format!("- {{id: m{i}, text: t}}\n"))
            .collect::<String>()
    );
    vec![
        Hostile {
            name: "alias-bomb.yaml",
            bytes: bomb.into_bytes(),
            place: Some((1, 33)),
            says: "too many values through aliases",
        },
        Hostile {
            name: "deep-flow.yaml",
            bytes: format!("version: 1\nbrand: {}{}\n", repeat("[", 100_000), repeat("]", 100_000)).into_bytes(),
            place: Some((2, 136)),
            says: "nested too deeply (more than 128 levels)",
        },
        Hostile {
            name: "deep-block.yaml",
            bytes: deep_block.into_bytes(),
            place: Some((129, 257)),
            says: "nested too deeply (more than 128 levels)",
        },
        Hostile {
            name: "huge-line.yaml",
            bytes: format!("version: 1\nbrand: \"{}\"\n", repeat("x", 12 << 20)).into_bytes(),
            place: Some((1, 1)),
            says: "missing `external`",
        },
        Hostile {
            name: "too-large.yaml",
            bytes: format!("# {}\n", repeat("y", 17 << 20)).into_bytes(),
            place: None,
            says: "the file is too large (17825795 bytes); chorus reads message set files of at most 16777216 bytes (16 MiB)",
        },
        Hostile {
            name: "too-many-values.yaml",
            bytes: format!("version: 1\nbrand: [{}0]\n", repeat("0,", 7 << 20)).into_bytes(),
            place: Some((2, 2_000_002)),
            says: "too many values",
        },
        Hostile {
            name: "too-many-messages.yaml",
            bytes: many_messages.into_bytes(),
            place: Some((50_006, 3)),
            says: "the set has 50001 messages; chorus reads sets of at most 50000 messages",
        },
        Hostile {
            name: "invalid-utf8.yaml",
            bytes: b"version: 1\nbrand: caf\xe9\n".to_vec(),
            place: Some((2, 11)),
            says: "not UTF-8 text: byte 0xE9",
        },
        Hostile {
            name: "binary.yaml",
            bytes: binary,
            place: Some((1, 1)),
            says: "not UTF-8 text",
        },
        Hostile {
            name: "control-characters.yaml",
            bytes: b"version: 1\x00\x01\x02brand: x\n".to_vec(),
            place: Some((1, 1)),
            says: "control characters are not allowed",
        },
        Hostile {
            name: "utf16.yaml",
            bytes: [0xFF, 0xFE, b'v', 0, b':', 0, b' ', 0, b'1', 0].to_vec(),
            place: Some((1, 1)),
            says: "UTF-16",
        },
        Hostile {
            name: "empty.yaml",
            bytes: vec![],
            place: Some((1, 1)),
            says: "the file is empty",
        },
        Hostile {
            name: "duplicate-ids.yaml",
            bytes: b"version: 1\nbrand: B\nexternal:\n  story: S\nsegments: [a]\ninternal:\n  - id: x\n    text: t\n  - id: x\n    text: u\n".to_vec(),
            place: Some((9, 9)),
            says: "duplicate message id `x` (first on line 7)",
        },
        Hostile {
            // Two million characters of the words rules look for, in one
            // message: refused by the stated limit, never left to run.
            name: "long-message.yaml",
            bytes: format!(
                "version: 1\nbrand: B\nexternal:\n  story: S\ninternal:\n  - id: long\n    text: \"{}\"\n",
                repeat("the best always zero 100% ", 80_000)
            )
            .into_bytes(),
            place: Some((7, 11)),
            says: "chorus checks at most 1000000 per message",
        },
        Hostile {
            name: "two-documents.yaml",
            bytes: b"version: 1\n---\nversion: 1\n".to_vec(),
            place: Some((2, 1)),
            says: "a second YAML document starts here",
        },
    ]
}

fn write_all(dir: &Path) -> Vec<(Hostile, PathBuf)> {
    hostile_files()
        .into_iter()
        .map(|h| {
            let p = dir.join(h.name);
            std::fs::write(&p, &h.bytes).unwrap();
            (h, p)
        })
        .collect()
}

fn assert_clear_error(what: &str, h: &Hostile, path: &Path, run: &Run) {
    let shown = path.display().to_string();
    // `check` reports on stdout (errors among the results); the workbench on stderr.
    let said = format!("{}{}", run.stdout, run.stderr);
    assert_eq!(run.code, Some(2), "{what} {}: exit {:?}\n{said}", h.name, run.code);
    assert!(!said.contains("panicked"), "{what} {}: {said}", h.name);
    let expected = match h.place {
        Some((line, column)) => format!("{shown}:{line}:{column}: "),
        None => format!("{shown}: "),
    };
    assert!(
        said.contains(&expected),
        "{what} {}: no `{expected}` in\n{said}",
        h.name
    );
    assert!(said.contains(h.says), "{what} {}: no `{}` in\n{said}", h.name, h.says);
    if run.peak_kb > 0 {
        assert!(run.peak_kb < MAX_KB, "{what} {}: peak {} kB", h.name, run.peak_kb);
    }
    eprintln!(
        "{what} {}: exit 2, peak {} MB: {}",
        h.name,
        run.peak_kb / 1024,
        said.lines().next().unwrap_or_default()
    );
}

#[test]
fn check_refuses_hostile_files_clearly() {
    let dir = tempfile::tempdir().unwrap();
    for (h, p) in write_all(dir.path()) {
        let run = chorus(&[Path::new("check"), &p], dir.path());
        assert_clear_error("check", &h, &p, &run);
    }
}

#[test]
fn the_workbench_refuses_hostile_files_before_touching_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    for (h, p) in write_all(dir.path()) {
        let run = chorus(&[&p], dir.path());
        assert_clear_error("workbench", &h, &p, &run);
        // Not one escape sequence: the terminal was never taken over.
        assert!(run.stdout.is_empty(), "workbench {}: wrote {:?}", h.name, run.stdout);
    }
}

// ---- not regular files, deep and looping folders ---------------------------

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("messages/lemonadly.yaml")
}

#[cfg(unix)]
#[test]
fn pipes_and_devices_are_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.yaml");
    mkfifo(&fifo);
    let says = |p: &Path, what: &str| {
        format!(
            "{}: this is {what}, not a message set file: chorus reads only regular files",
            p.display()
        )
    };
    for (path, what) in [
        (fifo.as_path(), "a named pipe (FIFO)"),
        (Path::new("/dev/zero"), "a device"),
        (Path::new("/dev/urandom"), "a device"),
    ] {
        for args in [vec![Path::new("check"), path], vec![path]] {
            let run = chorus(&args, dir.path());
            let said = format!("{}{}", run.stdout, run.stderr);
            assert_eq!(run.code, Some(2), "{args:?}: {said}");
            assert!(said.contains(&says(path, what)), "{args:?}: {said}");
        }
    }
    // In a folder, beside a good set: the pipe is named, the set still checked.
    let folder = dir.path().join("sets");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(example(), folder.join("good.yaml")).unwrap();
    mkfifo(&folder.join("ci.yaml"));
    let run = chorus(
        &[Path::new("check"), Path::new("--format"), Path::new("json"), &folder],
        dir.path(),
    );
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("ci.yaml") && run.stdout.contains("named pipe (FIFO)"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("good.yaml"), "{}", run.stdout);
}

#[cfg(unix)]
#[test]
fn a_pipe_as_the_machine_lexicon_is_refused_without_hanging() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/chorus");
    std::fs::create_dir_all(&config).unwrap();
    let lexicon = config.join("lexicon.yaml");
    mkfifo(&lexicon);
    let run = chorus(&[Path::new("check"), &example()], home.path());
    let said = format!("{}{}", run.stdout, run.stderr);
    assert_eq!(run.code, Some(2), "{said}");
    assert!(
        said.contains(&format!(
            "{}: cannot read the lexicon file: this is a named pipe (FIFO), not a file",
            lexicon.display()
        )),
        "{said}"
    );
}

#[cfg(unix)]
#[test]
fn check_searches_folders_as_deep_as_they_go_and_survives_loops() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    let mut deep = root.clone();
    for i in 0..20 {
        deep = deep.join(format!("d{i}"));
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::copy(example(), deep.join("deep.yaml")).unwrap();
    std::fs::copy(example(), root.join("top.yaml")).unwrap();
    // A link from deep inside back to the top, and one to itself.
    std::os::unix::fs::symlink(&root, deep.join("back")).unwrap();
    std::os::unix::fs::symlink(root.join("d0/self"), root.join("d0/self")).unwrap();
    let run = chorus(
        &[Path::new("check"), Path::new("--format"), Path::new("json"), &root],
        dir.path(),
    );
    assert_ne!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let files: Vec<String> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(files.len(), 2, "each set once: {files:?}");
    assert!(files.iter().any(|f| f.ends_with("d19/deep.yaml")), "{files:?}");
    assert!(run.stderr.contains("not searched again"), "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("{}", deep.join("back").display())),
        "{}",
        run.stderr
    );
}
