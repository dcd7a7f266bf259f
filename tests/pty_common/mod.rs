//! The real `chorus` binary in a real pseudo-terminal (100×30), its output
//! read through a vt100 parser: the harness the end-to-end tests share.
//! Every wait polls the screen against a deadline, and the child is killed
//! if the test fails.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, PtySize};

pub const ROWS: u16 = 30;
pub const COLS: u16 = 100;
pub const WAIT: Duration = Duration::from_secs(20);

/// The running workbench and what it has drawn so far.
pub struct Session {
    pub child: Box<dyn Child + Send + Sync>,
    pub writer: Option<Box<dyn Write + Send>>,
    pub output: Receiver<Vec<u8>>,
    pub parser: vt100::Parser,
    // Kept open for the child's lifetime, unless the test closes the terminal.
    pub master: Option<Box<dyn portable_pty::MasterPty + Send>>,
    /// The thread that reads the output; it holds the master side open too.
    reading: Option<(Arc<AtomicBool>, JoinHandle<()>)>,
}

impl Session {
    pub fn start(file: &Path, home: &Path) -> Session {
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
        let fd = pty.master.as_raw_fd().expect("a unix pseudo-terminal");
        let writer = pty.master.take_writer().unwrap();
        let (tx, output) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Wait in short steps, so `close_terminal` can end the thread and
            // with it the last open copy of the master side.
            while !stopping.load(Ordering::SeqCst) {
                let mut p = libc::pollfd {
                    fd,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd.
                if unsafe { libc::poll(&mut p, 1, 50) } <= 0 {
                    continue;
                }
                // Ends when the child has exited and the terminal is closed.
                match reader.read(&mut buf) {
                    Ok(n) if n > 0 && tx.send(buf[..n].to_vec()).is_ok() => {}
                    _ => break,
                }
            }
        });
        Session {
            child,
            writer: Some(writer),
            output,
            parser: vt100::Parser::new(ROWS.try_into().unwrap(), COLS.try_into().unwrap(), 0),
            master: Some(pty.master),
            reading: Some((stop, thread)),
        }
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Read output until `done` holds for the screen, or fail after `WAIT`.
    pub fn wait_for(&mut self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
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

    pub fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
    }

    /// Close the terminal under the workbench, as closing its window or
    /// killing its tmux pane does: the pseudo-terminal's master side goes.
    pub fn close_terminal(&mut self) {
        if let Some((stop, thread)) = self.reading.take() {
            stop.store(true, Ordering::SeqCst);
            let _ = thread.join();
        }
        // The pty library's writer "types" a newline and the EOF character
        // when dropped, to end a shell politely. A window being closed types
        // nothing (and the newline would be a key in the editor), so the
        // EOF character is switched off first.
        if let Some(fd) = self.master.as_ref().and_then(|m| m.as_raw_fd()) {
            // SAFETY: termios is plain data, and fd is the open master.
            unsafe {
                let mut t: libc::termios = std::mem::zeroed();
                if libc::tcgetattr(fd, &mut t) == 0 {
                    t.c_cc[libc::VEOF] = 0;
                    libc::tcsetattr(fd, libc::TCSANOW, &t);
                }
            }
        }
        self.writer = None;
        self.master = None;
    }

    /// Wait for the child to exit, draining its output.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
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

/// A temporary folder holding a set file with `text` and an empty home for
/// the workbench's per-user folders: (folder, set file, home).
pub fn scratch(text: &str) -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lemonadly.yaml");
    std::fs::write(&file, text).unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    (dir, file, home)
}

/// A small set the end-to-end tests open: two messages, one pillar.
pub const SET: &str = r#"version: 1
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
