//! Programs on a pseudo-terminal of a given size, driven by keys (through rexpect).

use rexpect::session::PtySession;
use std::os::fd::AsRawFd;

/// Starts `command` on a new pseudo-terminal of `rows` by `columns`.
pub fn spawn(command: std::process::Command, rows: u16, columns: u16) -> PtySession {
    let session = rexpect::session::spawn_command(command, Some(20_000)).unwrap();
    resize(&session, rows, columns);
    session
}

/// Changes the terminal's size, as a window does (the program gets SIGWINCH).
pub fn resize(session: &PtySession, rows: u16, columns: u16) {
    let master = session.process().get_file_handle().unwrap();
    let size = libc::winsize {
        ws_row: rows,
        ws_col: columns,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCSWINSZ reads a winsize through a valid pointer to one.
    assert_eq!(
        unsafe { libc::ioctl(master.as_raw_fd(), libc::TIOCSWINSZ, &size) },
        0
    );
}

/// Types keys (rexpect keeps what is sent until a flush).
pub fn press(session: &mut PtySession, keys: &str) {
    session.send(keys).unwrap();
    session.flush().unwrap();
}
