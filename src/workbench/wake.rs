//! Waiting for the next thing the event loop must handle: terminal input,
//! a signal asking chorus to stop, a resize, or a deadline; and noticing
//! that the terminal has gone away.
//!
//! Why not simply block in crossterm: when the terminal closes (a window
//! shut, a tmux pane killed, an ssh connection dropped) the tty is hung up
//! and reads return end-of-file. crossterm takes that for "nothing yet" and
//! reads again, so a loop that only waits on crossterm spins at full CPU,
//! never sees SIGTERM and never writes the journal. Here one `poll(2)`
//! watches the tty for a hang-up as well as input, plus a self-pipe that
//! SIGHUP and SIGTERM write to, so a stop request wakes the loop at once.

use std::fs::File;
use std::io::{self, Read};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

use signal_hook::SigId;

/// What woke the event loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// The terminal has something to read: a key, a paste, a click.
    Input,
    /// The window changed size: crossterm has a resize event to hand over.
    Resize,
    /// SIGHUP or SIGTERM: stop, keeping the unsaved edits.
    Stop,
    /// The terminal hung up or is no longer readable.
    Gone,
    /// The deadline passed with nothing to do.
    Deadline,
}

/// Watches the terminal and the stop signals.
pub struct Waiter {
    tty: RawFd,
    /// Kept open while watching, when the tty had to be opened here.
    _tty_file: Option<File>,
    stop: UnixStream,
    /// The write end of `stop`, held so the pipe never reads as closed.
    _stop_tx: UnixStream,
    resize: UnixStream,
    ids: Vec<SigId>,
}

impl Waiter {
    /// Watch the terminal crossterm reads (standard input when it is a
    /// terminal, else `/dev/tty`), with SIGHUP and SIGTERM as stop signals.
    pub fn for_terminal() -> io::Result<Waiter> {
        // SAFETY: isatty only inspects the descriptor.
        let (tty, file) = if unsafe { libc::isatty(libc::STDIN_FILENO) } == 1 {
            (libc::STDIN_FILENO, None)
        } else {
            let f = File::open("/dev/tty")?;
            (f.as_raw_fd(), Some(f))
        };
        let mut w = Waiter::watching(tty, &[signal_hook::consts::SIGHUP, signal_hook::consts::SIGTERM])?;
        w._tty_file = file;
        Ok(w)
    }

    /// Watch `tty`, with `stop_signals` waking the loop as `Wake::Stop`.
    pub fn watching(tty: RawFd, stop_signals: &[libc::c_int]) -> io::Result<Waiter> {
        let (stop, stop_tx) = pair()?;
        let (resize, resize_tx) = pair()?;
        let mut ids = Vec::new();
        for &signal in stop_signals {
            ids.push(signal_hook::low_level::pipe::register(signal, stop_tx.try_clone()?)?);
        }
        ids.push(signal_hook::low_level::pipe::register(
            signal_hook::consts::SIGWINCH,
            resize_tx,
        )?);
        Ok(Waiter {
            tty,
            _tty_file: None,
            stop,
            _stop_tx: stop_tx,
            resize,
            ids,
        })
    }

    /// Block until something happens, or until `timeout` (`None`: no limit).
    /// A stop request wins over input, and a hung-up terminal over both
    /// input and the deadline, so neither can be starved by a stream of keys.
    pub fn wait(&mut self, timeout: Option<Duration>) -> io::Result<Wake> {
        let deadline = timeout.map(|t| Instant::now() + t);
        loop {
            let mut fds = [
                pollfd(self.tty),
                pollfd(self.stop.as_raw_fd()),
                pollfd(self.resize.as_raw_fd()),
            ];
            let ms = match deadline {
                None => -1,
                Some(at) => {
                    let left = at.saturating_duration_since(Instant::now());
                    // Round up, so a wait never returns before its deadline.
                    left.as_micros().div_ceil(1000).min(i32::MAX as u128) as i32
                }
            };
            // SAFETY: `fds` is a valid array of pollfd for its whole length.
            let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, ms) };
            if n < 0 {
                let e = io::Error::last_os_error();
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(e);
            }
            if fds[1].revents & libc::POLLIN != 0 {
                drain(&mut self.stop);
                return Ok(Wake::Stop);
            }
            if fds[0].revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                return Ok(Wake::Gone);
            }
            if fds[2].revents & libc::POLLIN != 0 {
                drain(&mut self.resize);
                return Ok(Wake::Resize);
            }
            if fds[0].revents & libc::POLLIN != 0 {
                return Ok(Wake::Input);
            }
            if n == 0 {
                return Ok(Wake::Deadline);
            }
        }
    }
}

impl Drop for Waiter {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

fn pollfd(fd: RawFd) -> libc::pollfd {
    libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    }
}

/// A non-blocking socket pair: (the end polled here, the end signals write to).
fn pair() -> io::Result<(UnixStream, UnixStream)> {
    let (rx, tx) = UnixStream::pair()?;
    rx.set_nonblocking(true)?;
    tx.set_nonblocking(true)?;
    Ok((rx, tx))
}

/// Empty a self-pipe, so one signal wakes the loop once.
fn drain(rx: &mut UnixStream) {
    let mut buf = [0u8; 64];
    while matches!(rx.read(&mut buf), Ok(n) if n > 0) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::{FromRawFd, OwnedFd};

    /// A pseudo-terminal pair: (master, slave).
    fn pty() -> (OwnedFd, OwnedFd) {
        let (mut master, mut slave) = (0, 0);
        // SAFETY: openpty writes two descriptors; the null pointers ask for no name,
        // termios or window size.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(rc, 0, "openpty: {}", io::Error::last_os_error());
        // SAFETY: both descriptors were just opened and are owned by nobody else.
        unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
    }

    #[test]
    fn a_quiet_terminal_waits_for_the_deadline() {
        let (_master, slave) = pty();
        let mut w = Waiter::watching(slave.as_raw_fd(), &[]).unwrap();
        let start = Instant::now();
        assert_eq!(w.wait(Some(Duration::from_millis(30))).unwrap(), Wake::Deadline);
        assert!(start.elapsed() >= Duration::from_millis(30));
    }

    /// A terminal watched by a waiter, with `keys` typed into it: (the
    /// typing end, the terminal, the waiter).
    fn typed(keys: &[u8]) -> (File, OwnedFd, Waiter) {
        let (master, slave) = pty();
        let w = Waiter::watching(slave.as_raw_fd(), &[]).unwrap();
        let mut m = File::from(master);
        io::Write::write_all(&mut m, keys).unwrap();
        (m, slave, w)
    }

    #[test]
    fn typing_wakes_the_loop_as_input() {
        // A fresh pty is in line mode: a line is readable once it ends.
        let (_m, _slave, mut w) = typed(b"x\n");
        assert_eq!(w.wait(Some(Duration::from_secs(5))).unwrap(), Wake::Input);
    }

    #[test]
    fn a_closed_terminal_is_gone_not_input() {
        // Keys typed just before the window closed do not hide the hang-up.
        let (m, _slave, mut w) = typed(b"abc");
        drop(m);
        assert_eq!(w.wait(None).unwrap(), Wake::Gone);
        // And it stays gone: the loop can never spin on it.
        assert_eq!(w.wait(Some(Duration::ZERO)).unwrap(), Wake::Gone);
    }

    #[test]
    fn a_stop_signal_wakes_the_loop_at_once() {
        let (_master, slave) = pty();
        let mut w = Waiter::watching(slave.as_raw_fd(), &[signal_hook::consts::SIGUSR2]).unwrap();
        signal_hook::low_level::raise(signal_hook::consts::SIGUSR2).unwrap();
        assert_eq!(w.wait(None).unwrap(), Wake::Stop);
        // One signal, one wake.
        assert_eq!(w.wait(Some(Duration::ZERO)).unwrap(), Wake::Deadline);
    }
}
