//! The terminal wasmix runs on, as full-screen programs need it (`wasmix:terminal`): its
//! mode, its window's size and when that changes.
//!
//! A program that makes the terminal raw becomes its owner; the terminal's cooked settings,
//! as they were before, are kept until it goes back. When the owner ends, however it ends,
//! the kernel restores them (`release`), so a killed editor cannot leave the shell typing
//! blind. The bindings are in `bindings.rs`, the interface in `host.rs`.

pub mod bindings;
mod host;

use crate::proc::Pid;
use std::io;
use std::sync::{Mutex, OnceLock};
use tokio::sync::watch;
use wasmtime::component::{HasData, Linker, ResourceTable};
use wasmtime_wasi::p2::Pollable;

/// The descriptor of the host's terminal: standard input, where the keys come from.
const TERMINAL_FD: libc::c_int = 0;

/// Whose raw mode the terminal is in, and the settings to give back.
struct Raw {
    owner: Pid,
    cooked: libc::termios,
}

static RAW: Mutex<Option<Raw>> = Mutex::new(None);

fn raw_state() -> std::sync::MutexGuard<'static, Option<Raw>> {
    RAW.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn attributes() -> io::Result<libc::termios> {
    // SAFETY: tcgetattr writes a termios through a valid pointer to one.
    unsafe {
        let mut attributes = std::mem::zeroed::<libc::termios>();
        if libc::tcgetattr(TERMINAL_FD, &mut attributes) != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(attributes)
    }
}

fn set_attributes(attributes: &libc::termios) -> io::Result<()> {
    // TCSADRAIN: what was written goes out first, and what was typed ahead is kept.
    // SAFETY: tcsetattr reads a termios through a valid pointer to one.
    if unsafe { libc::tcsetattr(TERMINAL_FD, libc::TCSADRAIN, attributes) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// The cooked settings made raw as a full-screen program wants them (as cfmakeraw does):
/// keys one at a time, no echo, no signals from keys, no flow control, output as written.
fn made_raw(cooked: &libc::termios) -> libc::termios {
    let mut raw = *cooked;
    raw.c_iflag &= !(libc::IGNBRK
        | libc::BRKINT
        | libc::PARMRK
        | libc::ISTRIP
        | libc::INLCR
        | libc::IGNCR
        | libc::ICRNL
        | libc::IXON);
    raw.c_oflag &= !libc::OPOST;
    raw.c_lflag &= !(libc::ECHO | libc::ECHONL | libc::ICANON | libc::ISIG | libc::IEXTEN);
    raw.c_cflag = (raw.c_cflag & !(libc::CSIZE | libc::PARENB)) | libc::CS8;
    raw.c_cc[libc::VMIN] = 1;
    raw.c_cc[libc::VTIME] = 0;
    raw
}

/// Makes the terminal raw for process `pid`, or gives back its cooked settings.
pub fn set_raw(pid: Pid, raw: bool) -> io::Result<()> {
    let mut state = raw_state();
    if raw {
        let cooked = match state.as_ref() {
            Some(held) => held.cooked,
            None => attributes()?,
        };
        set_attributes(&made_raw(&cooked))?;
        // The latest program to ask owns it: its end is the one that restores.
        *state = Some(Raw { owner: pid, cooked });
    } else if let Some(held) = state.take() {
        set_attributes(&held.cooked)?;
    } else {
        attributes()?;
    }
    Ok(())
}

/// Whether the terminal is raw now; None when wasmix does not run on a terminal.
pub fn is_raw() -> Option<bool> {
    attributes()
        .ok()
        .map(|attributes| attributes.c_lflag & libc::ICANON == 0)
}

/// Restores the terminal if process `pid` left it raw: called when every process ends.
pub fn release(pid: Pid) {
    let mut state = raw_state();
    if state.as_ref().is_some_and(|held| held.owner == pid)
        && let Some(held) = state.take()
    {
        // The terminal may be gone (a closed window); there is nothing left to restore.
        let _ = set_attributes(&held.cooked);
    }
}

/// (rows, columns) of the terminal's window, if it says.
pub fn window_size() -> Option<(u16, u16)> {
    [TERMINAL_FD, 1].into_iter().find_map(|fd| {
        // SAFETY: TIOCGWINSZ writes a winsize through a valid pointer to one.
        let size = unsafe {
            let mut size = std::mem::zeroed::<libc::winsize>();
            (libc::ioctl(fd, libc::TIOCGWINSZ, &mut size) == 0).then_some(size)
        }?;
        (size.ws_row > 0 && size.ws_col > 0).then_some((size.ws_row, size.ws_col))
    })
}

/// Counts the host's SIGWINCH signals, from the first time a program asks to be told.
fn resizes() -> &'static watch::Sender<u64> {
    static RESIZES: OnceLock<watch::Sender<u64>> = OnceLock::new();
    RESIZES.get_or_init(|| {
        let (sender, _) = watch::channel(0);
        let listening =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::window_change());
        if let (Ok(mut signals), Ok(runtime)) = (listening, tokio::runtime::Handle::try_current()) {
            runtime.spawn(async move {
                while signals.recv().await.is_some() {
                    resizes().send_modify(|count| *count += 1);
                }
            });
        }
        sender
    })
}

/// What `subscribe-resize` waits on: the next change after it was made.
pub struct Resized(watch::Receiver<u64>);

impl Resized {
    fn watch() -> Resized {
        Resized(resizes().subscribe())
    }
}

#[wasmtime_wasi::async_trait]
impl Pollable for Resized {
    async fn ready(&mut self) {
        if self.0.changed().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

/// What the host needs of a process: its resources and who it is.
pub struct TerminalView<'a> {
    pub table: &'a mut ResourceTable,
    pub pid: Pid,
}

/// Implemented by the `Store` data of a process.
pub trait TerminalApi: Send {
    fn terminal(&mut self) -> TerminalView<'_>;
}

struct HostTerminal;

impl HasData for HostTerminal {
    type Data<'a> = TerminalView<'a>;
}

pub fn add_to_linker<T: TerminalApi + 'static>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    bindings::control::add_to_linker::<T, HostTerminal>(linker, T::terminal)
}
