//! The host's own standard input, shared by the processes that are given it.
//!
//! wasmtime-wasi's stdin closes for good at the first end of file. At a terminal, Ctrl-D ends
//! one program's input, not the shell's: here an end of file is handed to the one reader that
//! asked, and the next read asks the host again. As there, a helper thread reads only when a
//! process asks, so typed-ahead lines stay in the terminal for the shell; and a request
//! whose reader is gone (a program killed while it waited for a key) is withdrawn before
//! the shell reads the terminal itself, so the helper does not take the next line typed.

use bytes::{Bytes, BytesMut};
use std::io::{self, IsTerminal, Read};
use std::pin::Pin;
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock};
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, ReadBuf};
use tokio::sync::Notify;
use wasmtime_wasi::cli::StdinStream;
use wasmtime_wasi::p2::{InputStream, Pollable, StreamError, StreamResult};

const READ_SIZE: usize = 64 * 1024;

enum State {
    Idle,
    Requested,
    Data(Bytes),
    EndOfFile,
    Failed(io::Error),
}

struct HostStdin {
    state: Mutex<State>,
    requested: Condvar,
    completed: Notify,
    /// A pipe whose write end wakes the helper from its wait for input (`withdraw`).
    wake: [libc::c_int; 2],
}

fn host_stdin() -> &'static HostStdin {
    static STDIN: OnceLock<HostStdin> = OnceLock::new();
    STDIN.get_or_init(|| {
        std::thread::Builder::new()
            .name("wasmix-stdin".into())
            .spawn(read_when_asked)
            .expect("cannot start the stdin thread");
        let mut wake = [-1; 2];
        // SAFETY: pipe writes two descriptors into the array it is given. Should it fail,
        // both stay -1: poll ignores a negative descriptor, and nothing can be withdrawn.
        unsafe { libc::pipe(wake.as_mut_ptr()) };
        HostStdin {
            state: Mutex::new(State::Idle),
            requested: Condvar::new(),
            completed: Notify::new(),
            wake,
        }
    })
}

fn read_when_asked() {
    let stdin = host_stdin();
    loop {
        {
            let state = stdin.lock();
            let _asked = stdin
                .requested
                .wait_while(state, |s| !matches!(s, State::Requested))
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        if !stdin.await_input() {
            continue;
        }
        let mut buffer = BytesMut::zeroed(READ_SIZE);
        let outcome = match io::stdin().lock().read(&mut buffer) {
            Ok(0) => State::EndOfFile,
            Ok(n) => {
                buffer.truncate(n);
                State::Data(buffer.freeze())
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => State::Requested,
            Err(e) => State::Failed(e),
        };
        *stdin.lock() = outcome;
        stdin.completed.notify_waiters();
    }
}

/// Called before the shell reads the terminal itself: a request still waiting for input
/// has lost its reader, and what is typed next is the shell's.
pub fn withdraw() {
    let stdin = host_stdin();
    let mut state = stdin.lock();
    if matches!(*state, State::Requested) {
        *state = State::Idle;
        // SAFETY: writes one byte from a valid buffer to the wake pipe.
        unsafe { libc::write(stdin.wake[1], [0u8].as_ptr().cast(), 1) };
    }
}

impl HostStdin {
    /// Waits until standard input has something to read (true) or the request was
    /// withdrawn (false).
    fn await_input(&self) -> bool {
        loop {
            let mut watched = [
                libc::pollfd {
                    fd: 0,
                    events: libc::POLLIN,
                    revents: 0,
                },
                libc::pollfd {
                    fd: self.wake[0],
                    events: libc::POLLIN,
                    revents: 0,
                },
            ];
            // SAFETY: poll reads and writes the two pollfd records it is given.
            let ready = unsafe { libc::poll(watched.as_mut_ptr(), 2, -1) };
            if ready < 0 {
                if io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                // Poll failing leaves the read to report what is wrong.
                return true;
            }
            if watched[1].revents != 0 {
                let mut drained = [0u8; 64];
                // SAFETY: reads into a valid buffer of the length given.
                unsafe { libc::read(self.wake[0], drained.as_mut_ptr().cast(), drained.len()) };
                if !matches!(*self.lock(), State::Requested) {
                    return false;
                }
            }
            if watched[0].revents != 0 {
                return true;
            }
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn take(&self, max: usize) -> StreamResult<Bytes> {
        let mut state = self.lock();
        match std::mem::replace(&mut *state, State::Idle) {
            State::Idle | State::Requested => {
                *state = State::Requested;
                self.requested.notify_one();
                Ok(Bytes::new())
            }
            State::Data(mut data) => {
                let taken = data.split_to(max.min(data.len()));
                if !data.is_empty() {
                    *state = State::Data(data);
                }
                Ok(taken)
            }
            State::EndOfFile => Err(StreamError::Closed),
            State::Failed(e) => Err(StreamError::LastOperationFailed(e.into())),
        }
    }

    async fn ready(&self) {
        let completed = {
            let mut state = self.lock();
            match *state {
                State::Idle => {
                    *state = State::Requested;
                    self.requested.notify_one();
                }
                State::Requested => {}
                _ => return,
            }
            // Created under the lock, so the helper's notification cannot slip past it.
            self.completed.notified()
        };
        completed.await
    }
}

/// The stdin factory for processes that read the host's standard input.
pub struct ConsoleStdin;

impl wasmtime_wasi::cli::IsTerminal for ConsoleStdin {
    fn is_terminal(&self) -> bool {
        IsTerminal::is_terminal(&io::stdin())
    }
}

impl StdinStream for ConsoleStdin {
    fn p2_stream(&self) -> Box<dyn InputStream> {
        Box::new(ConsoleReader::default())
    }

    fn async_stream(&self) -> Box<dyn AsyncRead + Send + Sync> {
        Box::new(ConsoleReader::default())
    }
}

/// Reads up to `max` bytes of the host's standard input for the shell itself (`read`);
/// None at end of file.
pub async fn read_console(max: usize) -> Option<Bytes> {
    loop {
        match host_stdin().take(max) {
            Ok(bytes) if bytes.is_empty() => host_stdin().ready().await,
            Ok(bytes) => return Some(bytes),
            Err(_) => return None,
        }
    }
}

/// A reader of the host's standard input, for /dev/tty.
pub fn terminal_input() -> Box<dyn InputStream> {
    Box::new(ConsoleReader::default())
}

/// One process's reader. Once it has seen the end of input it stays at the end, as a
/// WASI stream does, though the terminal may give the next reader more (after a Ctrl-D).
#[derive(Default)]
struct ConsoleReader {
    ended: bool,
}

#[wasmtime_wasi::async_trait]
impl Pollable for ConsoleReader {
    async fn ready(&mut self) {
        if !self.ended {
            host_stdin().ready().await
        }
    }
}

impl InputStream for ConsoleReader {
    fn read(&mut self, size: usize) -> StreamResult<Bytes> {
        if self.ended {
            return Err(StreamError::Closed);
        }
        let taken = host_stdin().take(size);
        self.ended = matches!(taken, Err(StreamError::Closed));
        taken
    }
}

impl AsyncRead for ConsoleReader {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match host_stdin().take(buf.remaining()) {
            Ok(bytes) if bytes.is_empty() => {
                // The helper thread wakes us through `completed`; poll again then.
                let waker = cx.waker().clone();
                tokio::spawn(async move {
                    host_stdin().ready().await;
                    waker.wake();
                });
                Poll::Pending
            }
            Ok(bytes) => {
                buf.put_slice(&bytes);
                Poll::Ready(Ok(()))
            }
            Err(StreamError::Closed) => Poll::Ready(Ok(())),
            Err(e) => Poll::Ready(Err(io::Error::other(e.to_string()))),
        }
    }
}
