//! What a process's standard streams can be connected to: the host console, a kernel pipe,
//! a file, or nothing. The counted pipe handles stay here, outside the wasm `Store`, and are
//! dropped when the process ends, which is what closes the pipe for its peer.

use crate::console::ConsoleStdin;
use crate::console_out::ConsoleStdout;
use crate::fs::sizelimit::limit_file_size;
use crate::fs::{FileHandle, FsError, FsResult};
use crate::pipe::{PipeReader, PipeWriter};
use crate::wasi_fs::streams::{FileReader, FileWriter, WritePosition};
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use tokio::io::{AsyncRead, AsyncWrite};
use wasmtime_wasi::WasiCtxBuilder;
use wasmtime_wasi::cli::{IsTerminal, StdinStream, StdoutStream};
use wasmtime_wasi::p2::{InputStream, OutputStream, Pollable, StreamError, StreamResult};

pub enum Input {
    Console,
    Pipe(PipeReader),
    /// A file opened by a redirection, and how far it has been read: shared by every
    /// command given it, as a file descriptor's offset is (`{ read x; cat; } < file`).
    File(Arc<dyn FileHandle>, Arc<AtomicU64>),
    Null,
}

pub enum Output {
    ConsoleOut,
    ConsoleErr,
    Pipe(PipeWriter),
    /// A file opened by a redirection, and the offset it is written at, shared as a file
    /// descriptor's is (by `2>&1`, the commands of a group, and the reading side of `<>`).
    /// None: opened to append (`>>`), every write goes at the end.
    File(Arc<dyn FileHandle>, Option<Arc<AtomicU64>>),
    Null,
    /// Closed (`>&-`): every write fails with EBADF.
    Closed,
}

impl Input {
    /// Another hold on the same source, for the commands of a compound command.
    pub fn duplicate(&self) -> Input {
        match self {
            Input::Console => Input::Console,
            Input::Pipe(reader) => Input::Pipe(reader.clone()),
            Input::File(handle, offset) => Input::File(handle.clone(), offset.clone()),
            Input::Null => Input::Null,
        }
    }
}

impl Output {
    /// Another hold on the same destination, for `2>&1`.
    pub fn duplicate(&self) -> Output {
        match self {
            Output::ConsoleOut => Output::ConsoleOut,
            Output::ConsoleErr => Output::ConsoleErr,
            Output::Pipe(writer) => Output::Pipe(writer.clone()),
            Output::File(handle, offset) => Output::File(handle.clone(), offset.clone()),
            Output::Null => Output::Null,
            Output::Closed => Output::Closed,
        }
    }
}

/// Writes all of `bytes` into a redirection's file (`Output::File`): at its shared
/// offset, or at its end when it was opened to append.
pub fn write_to_file(
    handle: &dyn FileHandle,
    offset: Option<&AtomicU64>,
    bytes: &[u8],
) -> FsResult<()> {
    use crate::wasi_fs::streams::{append_all, write_at_shared_offset};
    match offset {
        Some(offset) => write_at_shared_offset(handle, offset, bytes),
        None => append_all(handle, bytes),
    }
}

/// A descriptor above 2, which only the shell's redirections use (`exec 3>file`,
/// `cmd >&3`): WASI programs see their three standard streams alone.
pub enum Stream {
    Read(Input),
    Write(Output),
    ReadWrite(Input, Output),
}

impl Stream {
    fn duplicate(&self) -> Stream {
        match self {
            Stream::Read(input) => Stream::Read(input.duplicate()),
            Stream::Write(output) => Stream::Write(output.duplicate()),
            Stream::ReadWrite(input, output) => {
                Stream::ReadWrite(input.duplicate(), output.duplicate())
            }
        }
    }
}

/// A process's three standard streams, and the shell's higher descriptors.
pub struct Stdio {
    pub stdin: Input,
    pub stdout: Output,
    pub stderr: Output,
    pub higher: Vec<(i32, Stream)>,
}

impl Stdio {
    pub fn new(stdin: Input, stdout: Output, stderr: Output) -> Stdio {
        Stdio {
            stdin,
            stdout,
            stderr,
            higher: Vec::new(),
        }
    }

    /// Other holds on the same streams.
    pub fn duplicate(&self) -> Stdio {
        Stdio {
            stdin: self.stdin.duplicate(),
            stdout: self.stdout.duplicate(),
            stderr: self.stderr.duplicate(),
            higher: self
                .higher
                .iter()
                .map(|(fd, stream)| (*fd, stream.duplicate()))
                .collect(),
        }
    }

    /// Standard stream `fd` (0, 1 or 2) as a file, for a process that opens it by name
    /// (`/dev/stdin`, `/dev/stdout`, `/dev/stderr`): what it reads or writes already.
    pub(crate) fn standard_file(&self, fd: u32) -> FsResult<Arc<dyn FileHandle>> {
        use crate::fs::{devfs, fdfs};
        let output = match fd {
            0 => {
                return Ok(match &self.stdin {
                    Input::Console => devfs::terminal_file(),
                    Input::Pipe(reader) => fdfs::pipe_file(fdfs::PipeEnd::Read(reader.clone())),
                    Input::File(handle, _) => handle.clone(),
                    Input::Null => devfs::null_file(),
                });
            }
            1 => &self.stdout,
            _ => &self.stderr,
        };
        Ok(match output {
            Output::ConsoleOut => devfs::terminal_file(),
            Output::ConsoleErr => devfs::console_error_file(),
            Output::Pipe(writer) => fdfs::pipe_file(fdfs::PipeEnd::Write(writer.clone())),
            Output::File(handle, _) => handle.clone(),
            Output::Null => devfs::null_file(),
            Output::Closed => return Err(FsError::BadDescriptor),
        })
    }

    /// The console for all three, as for a command typed at the prompt.
    pub fn console() -> Stdio {
        Stdio::new(Input::Console, Output::ConsoleOut, Output::ConsoleErr)
    }

    /// Descriptor `fd` above 2, if open.
    pub fn higher(&self, fd: i32) -> Option<&Stream> {
        self.higher.iter().find(|(n, _)| *n == fd).map(|(_, s)| s)
    }

    /// Opens (or with None, closes) descriptor `fd` above 2.
    pub fn set_higher(&mut self, fd: i32, stream: Option<Stream>) {
        self.higher.retain(|(n, _)| *n != fd);
        if let Some(stream) = stream {
            self.higher.push((fd, stream));
        }
    }

    /// Gives the streams to a new process, whose writes to files stop at `file_size`.
    pub(crate) fn install(&self, builder: &mut WasiCtxBuilder, file_size: Option<u64>) {
        match &self.stdin {
            Input::Console => builder.stdin(ConsoleStdin),
            Input::Pipe(reader) => builder.stdin(reader.stdin()),
            Input::File(handle, offset) => builder.stdin(FileStdin {
                handle: handle.clone(),
                offset: offset.clone(),
            }),
            Input::Null => builder.stdin(tokio::io::empty()),
        };
        install_output(&self.stdout, file_size, |s| builder.stdout(s));
        install_output(&self.stderr, file_size, |s| builder.stderr(s));
    }
}

fn install_output<'b>(
    output: &Output,
    file_size: Option<u64>,
    set: impl FnOnce(Box<dyn StdoutStream + Sync>) -> &'b mut WasiCtxBuilder,
) {
    match output {
        Output::ConsoleOut => set(Box::new(ConsoleStdout)),
        Output::ConsoleErr => set(Box::new(std::io::stderr())),
        Output::Pipe(writer) => set(Box::new(writer.stdout())),
        Output::File(handle, offset) => set(Box::new(FileStdout {
            handle: limit_file_size(handle.clone(), file_size),
            offset: offset.clone(),
        })),
        Output::Null => set(Box::new(tokio::io::empty())),
        Output::Closed => set(Box::new(ClosedStdout)),
    };
}

/// A standard stream that was closed: writes fail as on a closed descriptor.
struct ClosedStdout;

impl IsTerminal for ClosedStdout {
    fn is_terminal(&self) -> bool {
        false
    }
}

impl StdoutStream for ClosedStdout {
    fn p2_stream(&self) -> Box<dyn OutputStream> {
        Box::new(ClosedStdout)
    }

    fn async_stream(&self) -> Box<dyn AsyncWrite + Send + Sync> {
        Box::new(ClosedStdout)
    }
}

fn bad_descriptor() -> StreamError {
    StreamError::LastOperationFailed(wasmtime::Error::new(FsError::BadDescriptor))
}

#[wasmtime_wasi::async_trait]
impl Pollable for ClosedStdout {
    async fn ready(&mut self) {}
}

impl OutputStream for ClosedStdout {
    fn write(&mut self, _: bytes::Bytes) -> StreamResult<()> {
        Err(bad_descriptor())
    }

    fn flush(&mut self) -> StreamResult<()> {
        Err(bad_descriptor())
    }

    fn check_write(&mut self) -> StreamResult<usize> {
        Err(bad_descriptor())
    }
}

impl AsyncWrite for ClosedStdout {
    fn poll_write(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
        _: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::task::Poll::Ready(Err(std::io::Error::from_raw_os_error(libc::EBADF)))
    }

    fn poll_flush(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn poll_shutdown(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(Ok(()))
    }
}

/// Stdin from a file: every view the program makes reads on from the same offset.
struct FileStdin {
    handle: Arc<dyn FileHandle>,
    offset: Arc<AtomicU64>,
}

struct FileStdout {
    handle: Arc<dyn FileHandle>,
    offset: Option<Arc<AtomicU64>>,
}

impl IsTerminal for FileStdin {
    fn is_terminal(&self) -> bool {
        false
    }
}

impl IsTerminal for FileStdout {
    fn is_terminal(&self) -> bool {
        false
    }
}

impl FileStdin {
    fn reader(&self) -> FileReader {
        FileReader {
            handle: self.handle.clone(),
            offset: self.offset.clone(),
        }
    }
}

impl StdinStream for FileStdin {
    fn p2_stream(&self) -> Box<dyn InputStream> {
        Box::new(self.reader())
    }

    fn async_stream(&self) -> Box<dyn AsyncRead + Send + Sync> {
        Box::new(self.reader())
    }
}

impl FileStdout {
    fn writer(&self) -> FileWriter {
        FileWriter {
            handle: self.handle.clone(),
            position: match &self.offset {
                Some(offset) => WritePosition::Shared(offset.clone()),
                None => WritePosition::Append,
            },
        }
    }
}

impl StdoutStream for FileStdout {
    fn p2_stream(&self) -> Box<dyn OutputStream> {
        Box::new(self.writer())
    }

    fn async_stream(&self) -> Box<dyn AsyncWrite + Send + Sync> {
        Box::new(self.writer())
    }
}
