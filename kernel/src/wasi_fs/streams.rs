//! Streams over an open file, for `read-via-stream`, `write-via-stream` and
//! `append-via-stream`. A file is always ready, so the streams never wait.

use crate::fs::sizelimit::FileSizeLimitExceeded;
use crate::fs::{FileHandle, FsError};
use bytes::Bytes;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use wasmtime_wasi::p2::{InputStream, OutputStream, Pollable, StreamError, StreamResult};

/// The most one read returns: as on Linux, a read of a file or a device gets all it
/// asks for in one call (`dd bs=1M` counts a full record), up to a cap that bounds the
/// memory one call holds.
const CHUNK: usize = 16 * 1024 * 1024;

fn failed(e: FsError) -> StreamError {
    if let FsError::FileSizeLimit = e {
        return StreamError::Trap(FileSizeLimitExceeded.into());
    }
    StreamError::LastOperationFailed(wasmtime::Error::new(e))
}

/// Writes all of `bytes` at the end of the file.
pub fn append_all(handle: &dyn FileHandle, bytes: &[u8]) -> Result<(), FsError> {
    let mut written = 0;
    while written < bytes.len() {
        written += handle.append(&bytes[written..])?;
    }
    Ok(())
}

/// Writes all of `bytes` at a shared offset and moves it past them. The offset is taken
/// before writing, so that writers sharing it never write over each other.
pub fn write_at_shared_offset(
    handle: &dyn FileHandle,
    offset: &AtomicU64,
    bytes: &[u8],
) -> Result<(), FsError> {
    let mut at = offset.fetch_add(bytes.len() as u64, Ordering::Relaxed);
    let mut written = 0;
    while written < bytes.len() {
        match handle.write_at(&bytes[written..], at) {
            Ok(n) => {
                written += n;
                at += n as u64;
            }
            Err(e) => {
                // What was not written does not move the offset.
                offset.fetch_sub((bytes.len() - written) as u64, Ordering::Relaxed);
                return Err(e);
            }
        }
    }
    Ok(())
}

/// Reads a file from an offset; streams made for one stdin share the offset.
pub struct FileReader {
    pub handle: Arc<dyn FileHandle>,
    pub offset: Arc<AtomicU64>,
}

#[wasmtime_wasi::async_trait]
impl Pollable for FileReader {
    async fn ready(&mut self) {}
}

impl InputStream for FileReader {
    fn read(&mut self, size: usize) -> StreamResult<Bytes> {
        let offset = self.offset.load(Ordering::Relaxed);
        let buffer = self
            .handle
            .read_vec(size.min(CHUNK), offset)
            .map_err(failed)?;
        if buffer.is_empty() && size > 0 {
            return Err(StreamError::Closed);
        }
        self.offset
            .fetch_add(buffer.len() as u64, Ordering::Relaxed);
        Ok(Bytes::from(buffer))
    }
}

pub enum WritePosition {
    At(u64),
    Append,
    /// A descriptor's offset that other streams share (a redirection's file, which
    /// `2>&1` and the commands of a group write through, and `<>` reads through too).
    Shared(Arc<AtomicU64>),
}

pub struct FileWriter {
    pub handle: Arc<dyn FileHandle>,
    pub position: WritePosition,
}

#[wasmtime_wasi::async_trait]
impl Pollable for FileWriter {
    async fn ready(&mut self) {}
}

impl OutputStream for FileWriter {
    fn write(&mut self, bytes: Bytes) -> StreamResult<()> {
        match &mut self.position {
            WritePosition::At(offset) => {
                let mut written = 0;
                while written < bytes.len() {
                    let n = self
                        .handle
                        .write_at(&bytes[written..], *offset)
                        .map_err(failed)?;
                    written += n;
                    *offset += n as u64;
                }
            }
            WritePosition::Append => append_all(&*self.handle, &bytes).map_err(failed)?,
            WritePosition::Shared(offset) => {
                write_at_shared_offset(&*self.handle, offset, &bytes).map_err(failed)?
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> StreamResult<()> {
        Ok(())
    }

    fn check_write(&mut self) -> StreamResult<usize> {
        Ok(CHUNK)
    }
}

impl AsyncRead for FileReader {
    fn poll_read(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let offset = self.offset.load(Ordering::Relaxed);
        let n = self
            .handle
            .read_at(buf.initialize_unfilled(), offset)
            .map_err(io::Error::other)?;
        buf.advance(n);
        self.offset.fetch_add(n as u64, Ordering::Relaxed);
        Poll::Ready(Ok(()))
    }
}

impl AsyncWrite for FileWriter {
    fn poll_write(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let written = OutputStream::write(&mut *self, Bytes::copy_from_slice(buf));
        Poll::Ready(written.map(|()| buf.len()).map_err(io::Error::other))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}
