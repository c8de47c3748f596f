//! Buffered standard output, written straight to the WASI output stream in large chunks.
//!
//! Rust's own stdout flushes at every newline, and wasi-libc hands the host at most 4 KiB
//! per call; a pipe can take 64 KiB at once. Here a 64 KiB buffer goes out in as few calls
//! as the reader has room for, and a reader that went away shows as `BrokenPipe`.
//! As C's stdio does, output to a terminal goes out a line at a time, and `stdbuf`'s
//! `_STDBUF_O` (`L`, `0` or a size) overrides the choice.

use std::cell::{OnceCell, RefCell};
use std::io::{self, BufWriter, Write};

const BUFFER_SIZE: usize = 64 * 1024;

thread_local! {
    /// The buffer lives here rather than in `Output` so that a diagnostic can flush it
    /// first (see `flush_before_diagnostic`).
    static BUFFER: RefCell<Option<BufWriter<RawStdout>>> = const { RefCell::new(None) };
}

/// The program's stdout. There is one; `Program::run` makes it.
pub struct Output {
    /// A write has failed: what went wrong was the output, not the input being copied.
    failed: bool,
    /// Asked of the kernel the first time it matters.
    terminal: OnceCell<bool>,
    /// Decided at the first write.
    buffering: OnceCell<Buffering>,
}

/// When buffered output goes out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Buffering {
    /// When the buffer is full (a pipe or a file).
    Block,
    /// At the end of every line (a terminal, `stdbuf -oL`, `grep --line-buffered`).
    Line,
    /// At every write (`stdbuf -o0`).
    Unbuffered,
}

/// The variable `stdbuf -o` sets for the command it runs, as GNU's stdbuf does.
pub const STDBUF_OUTPUT: &str = "_STDBUF_O";

/// Writes out what stdout holds so far, before a message on stderr, as gnulib's `error`
/// does: with both streams in one pipe or file (`2>&1`), the lines come in the order
/// they were made. A failure here is reported when the output is finished.
pub fn flush_before_diagnostic() {
    BUFFER.with(|buffer| {
        if let Ok(mut buffer) = buffer.try_borrow_mut()
            && let Some(writer) = buffer.as_mut()
        {
            let _ = writer.flush();
        }
    });
}

/// A buffer of `size` bytes for stdout, or the default one with GNU's message when that
/// much memory cannot be had.
fn with_capacity(size: u64) {
    let Some(size) = usize::try_from(size)
        .ok()
        .filter(|&size| Vec::<u8>::new().try_reserve_exact(size).is_ok())
    else {
        crate::to_stderr(format_args!(
            "failed to allocate a {size} byte stdio buffer"
        ));
        return;
    };
    BUFFER.set(Some(BufWriter::with_capacity(size, RawStdout::new())));
}

fn with_buffer<T>(
    action: impl FnOnce(&mut BufWriter<RawStdout>) -> io::Result<T>,
) -> io::Result<T> {
    BUFFER.with_borrow_mut(|buffer| match buffer.as_mut() {
        Some(writer) => action(writer),
        None => Err(io::Error::other("stdout is not open")),
    })
}

impl Output {
    pub(crate) fn stdout() -> Output {
        BUFFER.set(Some(BufWriter::with_capacity(
            BUFFER_SIZE,
            RawStdout::new(),
        )));
        Output {
            failed: false,
            terminal: OnceCell::new(),
            buffering: OnceCell::new(),
        }
    }

    /// Sends out each line as it is finished, whatever stdout is (`--line-buffered`).
    pub fn line_buffered(&mut self) {
        let _ = self.buffering.set(Buffering::Line);
    }

    fn buffering(&self) -> Buffering {
        *self
            .buffering
            .get_or_init(|| match std::env::var(STDBUF_OUTPUT).as_deref() {
                Ok("L") => Buffering::Line,
                Ok("0") => Buffering::Unbuffered,
                Ok(size) => {
                    if let Ok(size) = size.parse() {
                        with_capacity(size);
                    }
                    Buffering::Block
                }
                Err(_) if self.is_terminal() => Buffering::Line,
                Err(_) => Buffering::Block,
            })
    }

    /// Writes `buf` into the buffer, and out of it as the buffering asks.
    fn buffered(&mut self, buf: &[u8], whole: bool) -> io::Result<usize> {
        let buffering = self.buffering();
        let result = with_buffer(|writer| {
            let written = if whole {
                writer.write_all(buf).map(|()| buf.len())?
            } else {
                writer.write(buf)?
            };
            let due = match buffering {
                Buffering::Block => false,
                Buffering::Line => buf[..written].contains(&b'\n'),
                Buffering::Unbuffered => true,
            };
            if due {
                writer.flush()?;
            }
            Ok(written)
        });
        self.noting(result)
    }

    pub fn is_terminal(&self) -> bool {
        *self.terminal.get_or_init(RawStdout::is_terminal)
    }

    /// Forgets what is buffered, unwritten: its reader has gone and the program goes on
    /// without it (`tee -p`), so nothing is left to fail when the output is finished.
    pub fn abandon(&mut self) {
        BUFFER.with_borrow_mut(|buffer| {
            if let Some(writer) = buffer.take() {
                let (mut raw, _) = writer.into_parts();
                // What was written but not yet flushed is forgotten too: flushing it
                // would fail as the write that brought the reader's end to light did.
                raw.forget_unflushed();
                *buffer = Some(BufWriter::with_capacity(BUFFER_SIZE, raw));
            }
        });
    }

    /// Whether writing has failed (the error is reported when the output is finished).
    pub fn write_failed(&self) -> bool {
        self.failed
    }

    fn noting<T>(&mut self, result: io::Result<T>) -> io::Result<T> {
        self.failed |= result.is_err();
        result
    }

    /// Flushes what is left. Err carries the exit status when that fails.
    pub(crate) fn finish(&mut self, name: &str) -> Result<(), u8> {
        match with_buffer(BufWriter::flush) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(crate::BROKEN_PIPE_STATUS),
            Err(e) => {
                let reason = crate::describe_io_error(&e);
                crate::to_stderr(format_args!("{name}: write error: {reason}"));
                Err(1)
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.buffered(buf, false)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.buffered(buf, true).map(drop)
    }

    fn flush(&mut self) -> io::Result<()> {
        let result = with_buffer(BufWriter::flush);
        self.noting(result)
    }
}

#[cfg(target_os = "wasi")]
struct RawStdout {
    stream: wasip2::io::streams::OutputStream,
    /// Written since the last flush. A program that wrote nothing has nothing to flush,
    /// and must not fail (as with SIGPIPE) because its reader has gone.
    unflushed: bool,
}

#[cfg(target_os = "wasi")]
impl RawStdout {
    fn new() -> RawStdout {
        RawStdout {
            stream: wasip2::cli::stdout::get_stdout(),
            unflushed: false,
        }
    }

    fn is_terminal() -> bool {
        wasip2::cli::terminal_stdout::get_terminal_stdout().is_some()
    }

    fn forget_unflushed(&mut self) {
        self.unflushed = false;
    }
}

#[cfg(target_os = "wasi")]
fn stream_error(e: wasip2::io::streams::StreamError) -> io::Error {
    match e {
        wasip2::io::streams::StreamError::Closed => io::ErrorKind::BrokenPipe.into(),
        wasip2::io::streams::StreamError::LastOperationFailed(e) => {
            io::Error::other(e.to_debug_string())
        }
    }
}

#[cfg(target_os = "wasi")]
impl Write for RawStdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        loop {
            match self.stream.check_write().map_err(stream_error)? {
                0 => self.stream.subscribe().block(),
                room => {
                    let n = buf.len().min(usize::try_from(room).unwrap_or(usize::MAX));
                    self.stream.write(&buf[..n]).map_err(stream_error)?;
                    self.unflushed = true;
                    return Ok(n);
                }
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if !std::mem::take(&mut self.unflushed) {
            return Ok(());
        }
        self.stream.blocking_flush().map_err(stream_error)
    }
}

/// Outside WASI (the host build used by unit tests), plain stdout.
#[cfg(not(target_os = "wasi"))]
struct RawStdout(io::Stdout);

#[cfg(not(target_os = "wasi"))]
impl RawStdout {
    fn new() -> RawStdout {
        RawStdout(io::stdout())
    }

    fn is_terminal() -> bool {
        io::IsTerminal::is_terminal(&io::stdout())
    }

    fn forget_unflushed(&mut self) {}
}

#[cfg(not(target_os = "wasi"))]
impl Write for RawStdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}
