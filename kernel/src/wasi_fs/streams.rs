//! Streams over an open file, for `read-via-stream`, `write-via-stream` and
//! `append-via-stream`. A file is always ready, so the streams never wait.

use crate::fs::{FileHandle, FsError};
use bytes::Bytes;
use std::sync::Arc;
use wasmtime_wasi::p2::{InputStream, OutputStream, Pollable, StreamError, StreamResult};

/// The most one call moves; wasi-libc asks for at most this much anyway.
const CHUNK: usize = 64 * 1024;

fn failed(e: FsError) -> StreamError {
    StreamError::LastOperationFailed(wasmtime::Error::new(e))
}

pub struct FileReader {
    pub handle: Arc<dyn FileHandle>,
    pub offset: u64,
}

#[wasmtime_wasi::async_trait]
impl Pollable for FileReader {
    async fn ready(&mut self) {}
}

impl InputStream for FileReader {
    fn read(&mut self, size: usize) -> StreamResult<Bytes> {
        let mut buffer = vec![0; size.min(CHUNK)];
        let n = self
            .handle
            .read_at(&mut buffer, self.offset)
            .map_err(failed)?;
        if n == 0 && size > 0 {
            return Err(StreamError::Closed);
        }
        buffer.truncate(n);
        self.offset += n as u64;
        Ok(Bytes::from(buffer))
    }
}

pub enum WritePosition {
    At(u64),
    Append,
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
            WritePosition::Append => {
                self.handle.append(&bytes).map_err(failed)?;
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
