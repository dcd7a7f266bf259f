//! After a kill -9, the unsaved edits come back: the real `chorus` binary in
//! a pseudo-terminal edits a message, and once the journal is written (at
//! most two seconds after the edit) the process is killed with SIGKILL.
//! The set file is untouched; opening it again offers the edits (naming
//! the changed message), `r` restores them, Ctrl-S saves them, and the
//! journal is gone.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, PtySize};

const ROWS: u16 = 30;
const COLS: u16 = 100;
const WAIT: Duration = Duration::from_secs(20);

/// The running workbench and what it has drawn so far.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    // Kept open for the child's lifetime.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn start(file: &Path, home: &Path) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_chorus"));
        cmd.arg(file);
        // Keep the per-user folders (last opened set) out of the real home.
        cmd.env("HOME", home);
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_STATE_HOME", home.join("state"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("TERM", "xterm-256color");
        cmd.cwd(home);
        let child = pty.slave.spawn_command(cmd).expect("chorus starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Ends when the child has exited and the terminal is closed.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            child,
            writer,
            output,
            parser: vt100::Parser::new(ROWS.try_into().unwrap(), COLS.try_into().unwrap(), 0),
            _master: pty.master,
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Read output until `done` holds for the screen, or fail after `WAIT`.
    fn wait_for(&mut self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + WAIT;
        loop {
            if done(self.parser.screen()) {
                return;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                panic!("timed out waiting for {what}; screen:\n{}", self.screen());
            }
            if let Ok(bytes) = self.output.recv_timeout(left.min(Duration::from_millis(100))) {
                self.parser.process(&bytes);
            }
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Wait for the child to exit, draining its output.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + WAIT;
        loop {
            while let Ok(bytes) = self.output.try_recv() {
                self.parser.process(&bytes);
            }
            if let Some(status) = self.child.try_wait().unwrap() {
                // Take what was written just before exiting.
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
                    self.parser.process(&bytes);
                }
                return status;
            }
            if Instant::now() > deadline {
                panic!("chorus did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Never leave a workbench running behind a failed test.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

const SET: &str = r#"version: 1
brand: Lemonad.ly
external:
  story: Lemonad.ly is the fastest lemonade stand repair company.
  pillars:
    - id: speed
      claim: The fastest lemonade stand repairs
      keywords: [fast, quick, turnaround, hours]
segments: [sales, IT]
internal:
  - id: L01
    audience: all
    text: Every stand we touch should be selling lemonade again within 24 hours.
  - id: L02
    audience: all
    text: We want to be the best.
"#;

fn journals(home: &Path) -> Vec<std::path::PathBuf> {
    match std::fs::read_dir(home.join("state").join("chorus").join("journal")) {
        // Whole journals only, not the temporary file of one being written.
        Ok(d) => d
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .collect(),
        Err(_) => vec![],
    }
}

#[cfg(unix)]
#[test]
fn edits_survive_kill_9_and_are_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lemonadly.yaml");
    std::fs::write(&file, SET).unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();

    let mut s = Session::start(&file, &home);
    s.wait_for("the workbench", |sc| sc.contents().contains("Checklist"));
    s.send("j");
    s.send("e");
    s.wait_for("the editor", |sc| sc.contents().contains("Editing L02"));
    s.send(" Zebra turnaround");
    s.wait_for("the typed words", |sc| sc.contents().contains("Zebra"));
    // The journal follows within seconds, with no other key pressed.
    let deadline = Instant::now() + WAIT;
    while journals(&home).is_empty() {
        assert!(Instant::now() < deadline, "no journal written; screen:\n{}", s.screen());
        std::thread::sleep(Duration::from_millis(50));
    }
    let pid = s.child.process_id().expect("a process id");
    let killed = std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    s.wait_exit();
    drop(s);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), SET, "the file is untouched");

    let mut s = Session::start(&file, &home);
    s.wait_for("the restore prompt", |sc| sc.contents().contains("Unsaved edits found"));
    s.wait_for("what the edits change", |sc| sc.contents().contains("changed (1): L02"));
    s.send("r");
    s.wait_for("the restore", |sc| sc.contents().contains("Restored the unsaved edits"));
    s.send("j");
    s.wait_for("the restored edits", |sc| sc.contents().contains("Zebra"));
    s.send("\x13"); // Ctrl-S
    s.wait_for("the save", |sc| sc.contents().contains("Saved"));
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    let set = chorus::core::store::load(&file).unwrap();
    assert_eq!(set.internal[1].text, "We want to be the best. Zebra turnaround");
    assert!(journals(&home).is_empty(), "a clean save removes the journal");
}
