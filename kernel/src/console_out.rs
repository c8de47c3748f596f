//! The host's own standard output, for the processes that are given it.
//!
//! wasmtime-wasi writes it through Rust's `Stdout`, which is line-buffered: a program's
//! 64 KiB block that ends mid-line went out as the lines, and its tail waited to go out
//! alone before the next block, two `write(2)`s (and two wake-ups of the reader) per
//! block. Programs buffer their own output, so here each block is written as it comes,
//! after whatever the shell's builtins left in Rust's buffer, so the order holds.

use std::io::{self, IsTerminal, Write};
use std::os::fd::AsFd;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::io::AsyncWrite;
use wasmtime_wasi::cli::StdoutStream;
use wasmtime_wasi::p2::{OutputStream, Pollable, StreamError, StreamResult};

/// The host's stdout as a process's stdout.
pub struct ConsoleStdout;

impl wasmtime_wasi::cli::IsTerminal for ConsoleStdout {
    fn is_terminal(&self) -> bool {
        IsTerminal::is_terminal(&io::stdout())
    }
}

impl StdoutStream for ConsoleStdout {
    fn p2_stream(&self) -> Box<dyn OutputStream> {
        Box::new(ConsoleWriter)
    }

    fn async_stream(&self) -> Box<dyn AsyncWrite + Send + Sync> {
        Box::new(ConsoleWriter)
    }
}

struct ConsoleWriter;

/// Writes all of `bytes` to the host's stdout, after what Rust's buffer holds.
fn write_all(bytes: &[u8]) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.flush()?;
    let mut rest = bytes;
    while !rest.is_empty() {
        match rustix::io::write(stdout.as_fd(), rest) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => rest = &rest[n..],
            Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// A reader that has gone is the end of the stream, as in wasmtime-wasi.
fn failed(e: io::Error) -> StreamError {
    if e.kind() == io::ErrorKind::BrokenPipe {
        StreamError::Closed
    } else {
        StreamError::LastOperationFailed(e.into())
    }
}

#[wasmtime_wasi::async_trait]
impl Pollable for ConsoleWriter {
    async fn ready(&mut self) {}
}

impl OutputStream for ConsoleWriter {
    fn write(&mut self, bytes: bytes::Bytes) -> StreamResult<()> {
        write_all(&bytes).map_err(failed)
    }

    fn flush(&mut self) -> StreamResult<()> {
        io::stdout().flush().map_err(failed)
    }

    fn check_write(&mut self) -> StreamResult<usize> {
        Ok(64 * 1024)
    }
}

impl AsyncWrite for ConsoleWriter {
    fn poll_write(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        bytes: &[u8],
    ) -> Poll<io::Result<usize>> {
        Poll::Ready(write_all(bytes).map(|()| bytes.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(io::stdout().flush())
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}
