//! The terminal, for full-screen programs (less, vi, stty), through the kernel's
//! `wasmix:terminal` interface (`kernel/wit/deps/wasmix-terminal.wit`): raw mode, the
//! window's size and its changes, and the keys typed, read from /dev/tty so that a pager
//! reading a pipe still hears its user.

mod bindings {
    wit_bindgen::generate!({
        path: "../../kernel/wit",
        world: "wasmix:terminal/userland",
        with: {
            "wasi:io/poll@0.2.12": wasip2::io::poll,
        },
    });
}

use bindings::wasmix::terminal::control as api;
use std::io;
use wasip2::filesystem::types::{Descriptor, DescriptorFlags, ErrorCode, OpenFlags, PathFlags};
use wasip2::io::poll::Pollable;
use wasip2::io::streams::{InputStream, StreamError};

/// The window's size in character cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub rows: usize,
    pub columns: usize,
}

/// The window's size as the terminal says, else `LINES` and `COLUMNS`, else 24 by 80.
pub fn size() -> Size {
    if let Some(size) = api::window_size() {
        return Size {
            rows: size.rows.into(),
            columns: size.columns.into(),
        };
    }
    let variable = |name: &str, default: usize| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .filter(|&n| n > 0)
            .unwrap_or(default)
    };
    Size {
        rows: variable("LINES", 24),
        columns: variable("COLUMNS", 80),
    }
}

/// The size only when the terminal itself says it.
pub fn reported_size() -> Option<Size> {
    api::window_size().map(|size| Size {
        rows: size.rows.into(),
        columns: size.columns.into(),
    })
}

/// Whether the terminal is raw; None when wasmix does not run on a terminal.
pub fn is_raw() -> Option<bool> {
    api::get_mode().map(|mode| mode == api::Mode::Raw)
}

/// Raw mode for as long as this lives; cooked again when it is dropped (and, should the
/// program be killed first, when the kernel sees it end).
pub struct RawMode(());

impl RawMode {
    pub fn enter() -> Result<RawMode, String> {
        api::set_mode(api::Mode::Raw)?;
        Ok(RawMode(()))
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = api::set_mode(api::Mode::Cooked);
    }
}

/// A key, decoded from what the terminal sends for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Char(char),
    /// Ctrl and a letter (Ctrl-C is `Ctrl('c')`).
    Ctrl(char),
    Enter,
    Tab,
    Backspace,
    Escape,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Delete,
}

/// What waiting at the terminal brings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Key(Key),
    Resized,
    /// The terminal is gone.
    End,
}

/// The keys typed at /dev/tty, and the window's changes of size.
pub struct Keys {
    // Declared before the descriptor it was opened from, so it is dropped first.
    stream: InputStream,
    _tty: Descriptor,
    resized: Pollable,
    pending: Vec<u8>,
}

impl Keys {
    pub fn open() -> io::Result<Keys> {
        let root = wasip2::filesystem::preopens::get_directories()
            .into_iter()
            .find(|(_, path)| path == "/")
            .map(|(descriptor, _)| descriptor)
            .ok_or_else(|| io::Error::other("no root directory was given to this program"))?;
        let failed = |what: &str, code: ErrorCode| {
            let why = match code {
                ErrorCode::NoSuchDevice => "No such device or address".to_string(),
                other => format!("{other:?}"),
            };
            io::Error::other(format!("{what}: {why}"))
        };
        let tty = root
            .open_at(
                PathFlags::SYMLINK_FOLLOW,
                "dev/tty",
                OpenFlags::empty(),
                DescriptorFlags::READ,
            )
            .map_err(|code| failed("/dev/tty", code))?;
        let stream = tty
            .read_via_stream(0)
            .map_err(|code| failed("/dev/tty", code))?;
        Ok(Keys {
            stream,
            _tty: tty,
            resized: api::subscribe_resize(),
            pending: Vec::new(),
        })
    }

    /// Waits for the next key or change of size.
    pub fn wait(&mut self) -> Event {
        loop {
            if let Some(event) = self.wait_at_most(None) {
                return event;
            }
        }
    }

    /// Waits for the next key or change of size, or for `timeout` to pass (None then).
    pub fn wait_at_most(&mut self, timeout: Option<std::time::Duration>) -> Option<Event> {
        let deadline = timeout.map(|t| {
            let nanos = u64::try_from(t.as_nanos()).unwrap_or(u64::MAX);
            wasip2::clocks::monotonic_clock::subscribe_duration(nanos)
        });
        loop {
            if let Some((key, used)) = decode(&self.pending) {
                self.pending.drain(..used);
                return Some(Event::Key(key));
            }
            let typed = self.stream.subscribe();
            let mut waiting = vec![&self.resized, &typed];
            waiting.extend(deadline.as_ref());
            let ready = wasip2::io::poll::poll(&waiting);
            if ready.contains(&0) {
                self.resized = api::subscribe_resize();
                return Some(Event::Resized);
            }
            if !ready.contains(&1) {
                return None;
            }
            match self.stream.read(64) {
                Ok(bytes) => self.pending.extend_from_slice(&bytes),
                Err(StreamError::Closed) | Err(StreamError::LastOperationFailed(_)) => {
                    return Some(Event::End);
                }
            }
        }
    }
}

/// The first key in `bytes` and how many bytes it took, as xterm and the Linux console
/// send keys. An Escape alone in what was read is the Escape key: a terminal sends each
/// sequence whole.
fn decode(bytes: &[u8]) -> Option<(Key, usize)> {
    let &first = bytes.first()?;
    let key = match first {
        b'\r' | b'\n' => Key::Enter,
        b'\t' => Key::Tab,
        0x7f | 0x08 => Key::Backspace,
        0x1b => return Some(escape(bytes)),
        1..=26 => Key::Ctrl((b'a' + first - 1) as char),
        0..=0x7f => Key::Char(first as char),
        _ => {
            let width = match first {
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            let text = bytes.get(..width)?;
            return Some(match std::str::from_utf8(text) {
                Ok(text) => (Key::Char(text.chars().next()?), width),
                Err(_) => (Key::Char(char::REPLACEMENT_CHARACTER), 1),
            });
        }
    };
    Some((key, 1))
}

fn escape(bytes: &[u8]) -> (Key, usize) {
    // SS3 (`ESC O x`) carries one final letter; CSI (`ESC [`) digits and `;` before its
    // final byte. Anything else after an Escape is keys typed after it.
    let (parameters, last, used) = match bytes.get(1) {
        Some(b'O') => match bytes.get(2) {
            Some(&last @ (b'A' | b'B' | b'C' | b'D' | b'H' | b'F')) => (&bytes[..0], last, 3),
            _ => return (Key::Escape, 1),
        },
        Some(b'[') => {
            let digits = bytes[2..]
                .iter()
                .take_while(|b| b.is_ascii_digit() || **b == b';')
                .count();
            match bytes.get(2 + digits) {
                Some(&last) if (0x40..=0x7e).contains(&last) => {
                    (&bytes[2..2 + digits], last, 3 + digits)
                }
                _ => return (Key::Escape, 1),
            }
        }
        _ => return (Key::Escape, 1),
    };
    let key = match (last, parameters) {
        (b'A', _) => Key::Up,
        (b'B', _) => Key::Down,
        (b'C', _) => Key::Right,
        (b'D', _) => Key::Left,
        (b'H', _) | (b'~', b"1" | b"7") => Key::Home,
        (b'F', _) | (b'~', b"4" | b"8") => Key::End,
        (b'~', b"3") => Key::Delete,
        (b'~', b"5") => Key::PageUp,
        (b'~', b"6") => Key::PageDown,
        _ => Key::Escape,
    };
    (key, used)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_decode_as_xterm_sends_them() {
        assert_eq!(decode(b"q"), Some((Key::Char('q'), 1)));
        assert_eq!(decode(b"\x03"), Some((Key::Ctrl('c'), 1)));
        assert_eq!(decode(b"\x1b[A"), Some((Key::Up, 3)));
        assert_eq!(decode(b"\x1b[6~x"), Some((Key::PageDown, 4)));
        assert_eq!(decode(b"\x1b"), Some((Key::Escape, 1)));
        assert_eq!(decode(b"\x1bx"), Some((Key::Escape, 1)));
        assert_eq!(decode(b"\x1bOx"), Some((Key::Escape, 1)));
        assert_eq!(decode(b"\x1bOA"), Some((Key::Up, 3)));
        assert_eq!(decode("é".as_bytes()), Some((Key::Char('é'), 2)));
        assert_eq!(decode(b"\r"), Some((Key::Enter, 1)));
    }
}
