//! Kernel pipes: a bounded queue of byte chunks between processes.
//!
//! The streams implement wasmtime-wasi's `InputStream`/`OutputStream` directly, with no
//! background task and no read-ahead: bytes leave the pipe only when the reader asks, and a
//! writer waits while the pipe is full. Chunks written by the guest are queued as they are
//! (`Bytes`), so the pipe itself copies nothing.
//!
//! Who holds an end is counted by [`PipeReader`]/[`PipeWriter`] handles, owned by the
//! processes (and the shell) outside of any wasm `Store`. The stream views given to wasi
//! hold the pipe but do not count, because a `WasiCtx` keeps its stdio factories alive until
//! its `Store` is dropped: closing is decided by the handles alone.

use bytes::Bytes;
use std::collections::VecDeque;
use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll, Waker};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use wasmtime_wasi::cli::{IsTerminal, StdinStream, StdoutStream};
use wasmtime_wasi::p2::{InputStream, OutputStream, Pollable, StreamError, StreamResult};

/// Bytes a pipe holds before its writer has to wait, as on Linux.
pub const PIPE_CAPACITY: usize = 64 * 1024;

struct State {
    chunks: VecDeque<Bytes>,
    buffered: usize,
    readers: usize,
    writers: usize,
    /// Whether a reader, and a writer, has ever held it. A named pipe starts with
    /// neither: until a writer comes, its readers wait rather than see end of file, and
    /// until a reader comes, its writers wait rather than fail (where Linux's `open`
    /// of a FIFO waits for the other end).
    reader_came: bool,
    writer_came: bool,
    /// Whether anything has been read from it: before that, the reader may not have
    /// started yet (a pipeline's later stage), and queued text must not wait for it.
    read_begun: bool,
    waiting_readers: Vec<Waker>,
    waiting_writers: Vec<Waker>,
}

struct Pipe {
    state: Mutex<State>,
}

/// Creates a pipe and returns its two ends.
pub fn pipe() -> (PipeReader, PipeWriter) {
    let pipe = Arc::new(Pipe::new(1, 1));
    (PipeReader(pipe.clone()), PipeWriter(pipe))
}

/// A pipe with no ends yet, for a named pipe (`fifo.rs`), which hands out ends as its
/// file is opened. The link itself holds neither end.
pub struct PipeLink(Arc<Pipe>);

impl Default for PipeLink {
    fn default() -> PipeLink {
        PipeLink(Arc::new(Pipe::new(0, 0)))
    }
}

impl PipeLink {
    pub fn reader(&self) -> PipeReader {
        let mut state = self.0.lock();
        state.readers += 1;
        state.reader_came = true;
        wake_all(&mut state.waiting_writers);
        PipeReader(self.0.clone())
    }

    pub fn writer(&self) -> PipeWriter {
        let mut state = self.0.lock();
        state.writers += 1;
        state.writer_came = true;
        wake_all(&mut state.waiting_readers);
        PipeWriter(self.0.clone())
    }

    /// Nobody holds an end and nothing waits in it: the next opener starts afresh. A
    /// writer that came and went before any reader is still owed one: on Linux its
    /// `open` would have waited for that reader, which then sees its end of file.
    pub fn is_idle(&self) -> bool {
        let state = self.0.lock();
        let unmet_writer = state.writer_came && !state.reader_came;
        state.readers == 0 && state.writers == 0 && state.buffered == 0 && !unmet_writer
    }
}

impl Pipe {
    fn new(readers: usize, writers: usize) -> Pipe {
        Pipe {
            state: Mutex::new(State {
                chunks: VecDeque::new(),
                buffered: 0,
                readers,
                writers,
                reader_came: readers > 0,
                writer_came: writers > 0,
                read_begun: false,
                waiting_readers: Vec::new(),
                waiting_writers: Vec::new(),
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave the queue half-updated: every
        // update below is a push or pop followed by a counter change.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn poll_readable(&self, cx: &mut Context<'_>) -> Poll<()> {
        let mut state = self.lock();
        if state.buffered > 0 || state.writers_gone() {
            return Poll::Ready(());
        }
        remember(&mut state.waiting_readers, cx.waker());
        Poll::Pending
    }

    fn poll_writable(&self, cx: &mut Context<'_>) -> Poll<()> {
        let mut state = self.lock();
        if state.readers_gone() || (state.reader_came && state.buffered < PIPE_CAPACITY) {
            return Poll::Ready(());
        }
        remember(&mut state.waiting_writers, cx.waker());
        Poll::Pending
    }

    /// More than the capacity is queued, and no reader has read yet.
    fn full_before_first_read(&self) -> bool {
        let state = self.lock();
        !state.read_begun && !state.readers_gone() && state.buffered > PIPE_CAPACITY
    }

    /// Ready once no more than the capacity is queued, or the readers have gone, or
    /// none has read yet.
    fn poll_drained(&self, cx: &mut Context<'_>) -> Poll<()> {
        let mut state = self.lock();
        if state.readers_gone() || !state.read_begun || state.buffered <= PIPE_CAPACITY {
            return Poll::Ready(());
        }
        remember(&mut state.waiting_writers, cx.waker());
        Poll::Pending
    }

    /// Takes up to `max` bytes. Empty means "nothing yet"; `Closed` means end of file.
    fn take(&self, max: usize) -> StreamResult<Bytes> {
        let mut state = self.lock();
        state.read_begun = true;
        let writers_gone = state.writers_gone();
        let chunk = match state.chunks.front_mut() {
            None if writers_gone => return Err(StreamError::Closed),
            None => return Ok(Bytes::new()),
            Some(front) if front.len() > max => front.split_to(max),
            Some(_) => state.chunks.pop_front().unwrap_or_default(),
        };
        state.buffered -= chunk.len();
        wake_all(&mut state.waiting_writers);
        Ok(chunk)
    }

    fn room(&self) -> StreamResult<usize> {
        let state = self.lock();
        if state.readers_gone() {
            return Err(StreamError::Closed);
        }
        if !state.reader_came {
            return Ok(0);
        }
        Ok(PIPE_CAPACITY.saturating_sub(state.buffered))
    }

    fn put(&self, bytes: Bytes) -> StreamResult<()> {
        let mut state = self.lock();
        if state.readers_gone() {
            return Err(StreamError::Closed);
        }
        if bytes.is_empty() {
            return Ok(());
        }
        state.buffered += bytes.len();
        state.chunks.push_back(bytes);
        wake_all(&mut state.waiting_readers);
        Ok(())
    }
}

impl State {
    /// Every writer that came has gone: end of file.
    fn writers_gone(&self) -> bool {
        self.writers == 0 && self.writer_came
    }

    /// Every reader that came has gone: writing fails (EPIPE).
    fn readers_gone(&self) -> bool {
        self.readers == 0 && self.reader_came
    }
}

fn remember(wakers: &mut Vec<Waker>, waker: &Waker) {
    if !wakers.iter().any(|w| w.will_wake(waker)) {
        wakers.push(waker.clone());
    }
}

fn wake_all(wakers: &mut Vec<Waker>) {
    for waker in wakers.drain(..) {
        waker.wake();
    }
}

/// A counted hold on the read end. The pipe's readers are gone when the last one drops.
pub struct PipeReader(Arc<Pipe>);

/// A counted hold on the write end. The reader sees end of file when the last one drops.
pub struct PipeWriter(Arc<Pipe>);

impl Clone for PipeReader {
    fn clone(&self) -> PipeReader {
        self.0.lock().readers += 1;
        PipeReader(self.0.clone())
    }
}

impl Clone for PipeWriter {
    fn clone(&self) -> PipeWriter {
        self.0.lock().writers += 1;
        PipeWriter(self.0.clone())
    }
}

impl Drop for PipeReader {
    fn drop(&mut self) {
        let mut state = self.0.lock();
        state.readers -= 1;
        if state.readers == 0 {
            // Nobody will read what is queued: free it, and fail the writers now.
            state.chunks.clear();
            state.buffered = 0;
            wake_all(&mut state.waiting_writers);
        }
    }
}

impl Drop for PipeWriter {
    fn drop(&mut self) {
        let mut state = self.0.lock();
        state.writers -= 1;
        if state.writers == 0 {
            wake_all(&mut state.waiting_readers);
        }
    }
}

impl PipeReader {
    /// A stream for a process's stdin; it does not keep the read end open.
    pub fn stdin(&self) -> PipeStdin {
        PipeStdin(self.0.clone())
    }

    /// Reads up to `max` bytes as the host side of a pipe (the shell collecting output);
    /// None at end of file.
    pub async fn read(&self, max: usize) -> Option<Bytes> {
        loop {
            std::future::poll_fn(|cx| self.0.poll_readable(cx)).await;
            match self.0.take(max) {
                Ok(bytes) if bytes.is_empty() => continue,
                Ok(bytes) => return Some(bytes),
                Err(_) => return None,
            }
        }
    }
}

impl PipeWriter {
    /// A stream for a process's stdout or stderr; it does not keep the write end open.
    pub fn stdout(&self) -> PipeStdout {
        PipeStdout(self.0.clone())
    }

    /// Writes all of `bytes` as the host side of a pipe, waiting for room. Fails with
    /// `BrokenPipe` when the readers are gone.
    /// Queues text that is already in memory (a builtin's output) at once, past the
    /// capacity if need be: nothing is saved by waiting, and consecutive writes keep
    /// their order (a task per write would not), even before the reader has started.
    pub fn put_now(&self, bytes: Bytes) -> io::Result<()> {
        self.0
            .put(bytes)
            .map_err(|_| io::ErrorKind::BrokenPipe.into())
    }

    /// After `put_now`: waits while more than the capacity is queued for a reader that
    /// has begun reading, as a write into a full pipe waits, so that a loop of builtins
    /// keeps pace with its reader.
    pub async fn drained(&self) {
        // The reader may be a pipeline stage not started yet, maybe by this very task:
        // let it start rather than wait for it.
        if self.0.full_before_first_read() {
            tokio::task::yield_now().await;
            return;
        }
        std::future::poll_fn(|cx| self.0.poll_drained(cx)).await
    }

    pub async fn write_all(&self, mut bytes: Bytes) -> io::Result<()> {
        while !bytes.is_empty() {
            std::future::poll_fn(|cx| self.0.poll_writable(cx)).await;
            let room = self.0.room().map_err(|_| io::ErrorKind::BrokenPipe)?;
            let chunk = bytes.split_to(room.min(bytes.len()));
            self.0.put(chunk).map_err(|_| io::ErrorKind::BrokenPipe)?;
        }
        Ok(())
    }
}

impl PipeReader {
    /// The read end as a stream resource for a guest (a parent's end of a pipe from its
    /// child); the end stays open until the guest drops the stream.
    pub fn into_stream(self) -> Box<dyn InputStream> {
        Box::new(HeldRead {
            view: ReadView(self.0.clone()),
            _end: self,
        })
    }
}

impl PipeWriter {
    /// The write end as a stream resource for a guest, open until the guest drops it.
    pub fn into_stream(self) -> Box<dyn OutputStream> {
        Box::new(HeldWrite {
            view: WriteView(self.0.clone()),
            _end: self,
        })
    }
}

struct HeldRead {
    view: ReadView,
    _end: PipeReader,
}

struct HeldWrite {
    view: WriteView,
    _end: PipeWriter,
}

#[wasmtime_wasi::async_trait]
impl Pollable for HeldRead {
    async fn ready(&mut self) {
        self.view.ready().await
    }
}

impl InputStream for HeldRead {
    fn read(&mut self, size: usize) -> StreamResult<Bytes> {
        self.view.read(size)
    }
}

#[wasmtime_wasi::async_trait]
impl Pollable for HeldWrite {
    async fn ready(&mut self) {
        self.view.ready().await
    }
}

impl OutputStream for HeldWrite {
    fn write(&mut self, bytes: Bytes) -> StreamResult<()> {
        self.view.write(bytes)
    }

    fn flush(&mut self) -> StreamResult<()> {
        self.view.flush()
    }

    fn check_write(&mut self) -> StreamResult<usize> {
        self.view.check_write()
    }
}

/// The stdin factory handed to a `WasiCtx`: every `get-stdin` call gets a view of the pipe.
pub struct PipeStdin(Arc<Pipe>);

/// The stdout/stderr factory handed to a `WasiCtx`.
pub struct PipeStdout(Arc<Pipe>);

impl IsTerminal for PipeStdin {
    fn is_terminal(&self) -> bool {
        false
    }
}

impl IsTerminal for PipeStdout {
    fn is_terminal(&self) -> bool {
        false
    }
}

impl StdinStream for PipeStdin {
    fn p2_stream(&self) -> Box<dyn InputStream> {
        Box::new(ReadView(self.0.clone()))
    }

    fn async_stream(&self) -> Box<dyn AsyncRead + Send + Sync> {
        Box::new(ReadView(self.0.clone()))
    }
}

impl StdoutStream for PipeStdout {
    fn p2_stream(&self) -> Box<dyn OutputStream> {
        Box::new(WriteView(self.0.clone()))
    }

    fn async_stream(&self) -> Box<dyn AsyncWrite + Send + Sync> {
        Box::new(WriteView(self.0.clone()))
    }
}

struct ReadView(Arc<Pipe>);

struct WriteView(Arc<Pipe>);

#[wasmtime_wasi::async_trait]
impl Pollable for ReadView {
    async fn ready(&mut self) {
        std::future::poll_fn(|cx| self.0.poll_readable(cx)).await
    }
}

impl InputStream for ReadView {
    fn read(&mut self, size: usize) -> StreamResult<Bytes> {
        self.0.take(size)
    }
}

#[wasmtime_wasi::async_trait]
impl Pollable for WriteView {
    async fn ready(&mut self) {
        std::future::poll_fn(|cx| self.0.poll_writable(cx)).await
    }
}

impl OutputStream for WriteView {
    fn write(&mut self, bytes: Bytes) -> StreamResult<()> {
        self.0.put(bytes)
    }

    fn flush(&mut self) -> StreamResult<()> {
        // Written bytes are already visible to the reader.
        Ok(())
    }

    fn check_write(&mut self) -> StreamResult<usize> {
        self.0.room()
    }
}

impl AsyncRead for ReadView {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        loop {
            if self.0.poll_readable(cx).is_pending() {
                return Poll::Pending;
            }
            match self.0.take(buf.remaining()) {
                Ok(bytes) if bytes.is_empty() => continue,
                Ok(bytes) => {
                    buf.put_slice(&bytes);
                    return Poll::Ready(Ok(()));
                }
                Err(_) => return Poll::Ready(Ok(())),
            }
        }
    }
}

impl AsyncWrite for WriteView {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.0.poll_writable(cx).is_pending() {
            return Poll::Pending;
        }
        let broken = |_| io::Error::from(io::ErrorKind::BrokenPipe);
        let room = self.0.room().map_err(broken)?;
        let n = room.min(buf.len());
        self.0
            .put(Bytes::copy_from_slice(&buf[..n]))
            .map_err(broken)?;
        Poll::Ready(Ok(n))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn data_flows_then_end_of_file() {
        let (reader, writer) = pipe();
        writer
            .write_all(Bytes::from_static(b"hello"))
            .await
            .unwrap();
        drop(writer);
        assert_eq!(reader.read(100).await.unwrap(), "hello");
        assert!(reader.read(100).await.is_none());
    }

    #[tokio::test]
    async fn full_pipe_makes_the_writer_wait() {
        let (reader, writer) = pipe();
        let mut view = writer.stdout().p2_stream();
        view.write(Bytes::from(vec![0; PIPE_CAPACITY])).unwrap();
        assert_eq!(view.check_write().unwrap(), 0);
        let waiting = tokio::spawn(async move { view.write_ready().await.unwrap() });
        tokio::task::yield_now().await;
        assert!(!waiting.is_finished());
        reader.read(1000).await.unwrap();
        assert_eq!(waiting.await.unwrap(), 1000);
    }

    #[tokio::test]
    async fn writer_without_reader_gets_closed() {
        let (reader, writer) = pipe();
        let mut view = writer.stdout().p2_stream();
        drop(reader);
        assert!(matches!(view.check_write(), Err(StreamError::Closed)));
        assert!(writer.write_all(Bytes::from_static(b"x")).await.is_err());
    }

    #[tokio::test]
    async fn views_do_not_keep_the_pipe_open() {
        let (reader, writer) = pipe();
        let stdout = writer.stdout();
        let _view = stdout.p2_stream();
        drop(writer);
        assert!(reader.read(10).await.is_none());
    }
}
