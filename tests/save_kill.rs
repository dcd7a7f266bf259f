//! Saves are atomic: a process killed (SIGKILL) in the middle of saving a
//! large set leaves the file either wholly old or wholly new, never partial,
//! never empty, and the temporary files killed saves leave behind are
//! removed by the next save.
//!
//! The test re-runs its own binary with `CHORUS_SAVER` set, which turns the
//! `saver` test into a loop that saves two large sets, A and B (20,000
//! messages, about 5 MB), alternately to the same path; it is killed after
//! a random short delay, then the file must equal A or B byte for byte (and
//! load back to the same YAML).
//!
//! `store::save` renders the set, then calls `store::write_atomic`'s own
//! atomic replace. In a debug
//! build rendering 5 MB of YAML takes seconds and writing it milliseconds,
//! so by default the saver renders A and B once and loops on `write_atomic`:
//! the kills then land while the file is being written, flushed and renamed,
//! the part atomicity is about. `CHORUS_SAVE_KILL_FULL=1` makes it call
//! `store::save` on the sets instead (slow; for release builds or long runs).
//! 40 trials by default; `CHORUS_SAVE_KILL_TRIALS=500` for more.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use chorus::core::model::{Audience, Message, MessageSet, Status};
use chorus::core::store;

const SAVER: &str = "CHORUS_SAVER";
const FROM: &str = "CHORUS_SAVER_FROM";
const FULL: &str = "CHORUS_SAVE_KILL_FULL";
const MESSAGES: usize = 20_000;

/// A large set; `variant` changes every message, so A and B differ
/// everywhere and a file mixing them cannot pass for either.
fn big_set(variant: &str) -> MessageSet {
    let mut set = store::parse(store::TEMPLATE, Path::new("template.yaml")).unwrap();
    set.internal = (0..MESSAGES)
        .map(|i| Message {
            id: format!("m{i}"),
            title: Some(format!("Message {i} ({variant})")),
            audience: if i % 3 == 0 {
                Audience::All
            } else {
                Audience::Segments(vec![set.segments[i % set.segments.len()].clone()])
            },
            status: Some(Status::Draft),
            text: format!(
                "Variant {variant}: every stand we touch should be selling lemonade again within \
                 24 hours, and each of us can take time out of that promise; note {i}."
            ),
            ..Message::default()
        })
        .collect();
    set
}

/// Not a test on its own: with `CHORUS_SAVER=PATH` it saves A and B (read
/// from `CHORUS_SAVER_FROM` with extensions .a and .b) to PATH alternately
/// until it is killed.
#[test]
fn saver() {
    let Some(path) = std::env::var_os(SAVER) else {
        return;
    };
    let path = Path::new(&path);
    let from = std::env::var_os(FROM).unwrap();
    let variant = |ext: &str| Path::new(&from).with_extension(ext);
    if std::env::var_os(FULL).is_some() {
        let sets = [store::load(&variant("a")).unwrap(), store::load(&variant("b")).unwrap()];
        println!("chorus-saver-ready");
        loop {
            for s in &sets {
                store::save(path, s).unwrap();
            }
        }
    }
    let bytes = [
        std::fs::read(variant("a")).unwrap(),
        std::fs::read(variant("b")).unwrap(),
    ];
    println!("chorus-saver-ready");
    loop {
        for b in &bytes {
            store::write_atomic(path, b).unwrap();
        }
    }
}

/// A small xorshift generator: the delays need not be good, only varied.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".chorus-tmp"))
        .collect()
}

#[test]
fn killed_saves_leave_the_old_file_or_the_new_one() {
    if std::env::var_os(SAVER).is_some() {
        return;
    }
    let trials: usize = std::env::var("CHORUS_SAVE_KILL_TRIALS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(40);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.yaml");
    let (ya, yb) = (store::to_yaml(&big_set("A")), store::to_yaml(&big_set("B")));
    // The variants live in another folder: only the target's own temporary
    // files belong in its folder.
    let src = tempfile::tempdir().unwrap();
    let source = src.path().join("big.yaml");
    std::fs::write(source.with_extension("a"), &ya).unwrap();
    std::fs::write(source.with_extension("b"), &yb).unwrap();
    // How long one save takes here: the kills are spread over about two.
    let t = Instant::now();
    if std::env::var_os(FULL).is_some() {
        store::save(&path, &store::load(&source.with_extension("a")).unwrap()).unwrap();
    } else {
        store::write_atomic(&path, ya.as_bytes()).unwrap();
    }
    let save_ms = t.elapsed().as_millis().max(1) as u64;

    let seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut rng = Rng(seed);
    let (mut olds, mut news, mut mid_write, mut most_temps) = (0, 0, 0, 0);
    for trial in 0..trials {
        let before = std::fs::read(&path).unwrap();
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "saver", "--nocapture", "--test-threads=1"])
            .env(SAVER, &path)
            .env(FROM, &source)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let out = BufReader::new(child.stdout.take().unwrap());
        let ready = out
            .lines()
            .map_while(Result::ok)
            .any(|l| l.contains("chorus-saver-ready"));
        assert!(ready, "the saver never started");
        std::thread::sleep(Duration::from_millis(rng.below(2 * save_ms)));
        child.kill().unwrap();
        child.wait().unwrap();

        let temps = temp_files(dir.path());
        if !temps.is_empty() {
            mid_write += 1;
        }
        most_temps = most_temps.max(temps.len());
        let after = std::fs::read(&path).unwrap();
        assert!(!after.is_empty(), "trial {trial} (seed {seed}): the file is empty");
        assert!(
            after == ya.as_bytes() || after == yb.as_bytes(),
            "trial {trial} (seed {seed}): the file is neither A nor B ({} bytes)",
            after.len()
        );
        if after == before {
            olds += 1;
        } else {
            news += 1;
        }
        // Equal bytes load equally; parse in full once (slow in a debug build).
        if trial == 0 {
            let again = store::to_yaml(&store::load(&path).unwrap());
            assert!(again == ya || again == yb, "trial {trial}: loads to another set");
        }
    }
    eprintln!(
        "{trials} trials (seed {seed}, one save ≈ {save_ms} ms, {} bytes): {olds} left the old \
         file, {news} the new one; {mid_write} killed with a temporary file present, at most \
         {most_temps} at once",
        ya.len()
    );
    // The next save that succeeds removes what killed saves left behind.
    store::write_atomic(&path, yb.as_bytes()).unwrap();
    assert_eq!(temp_files(dir.path()), Vec::<String>::new());
    assert_eq!(store::to_yaml(&store::load(&path).unwrap()), yb);
}
