//! Moving bytes for preview 1: `fd_read`, `fd_write` and their positioned forms, over
//! the standard streams and the kernel's open files.

use super::bindings::types::{self, Errno};
use super::errors::stream_error;
use super::fds::{Fd, borrow};
use crate::proc::ProcessCtx;
use crate::wasi_fs::bindings::types::HostDescriptor;
use crate::wasi_fs::{Descriptor, WasiFsView};
use bytes::Bytes;
use wasmtime_wasi::p2::{DynInputStream, StreamError};
use wiggle::GuestMemory;

type Result<T> = std::result::Result<T, types::Error>;

/// The most one call moves, whatever the buffers add up to.
const MAX_TRANSFER: usize = 16 << 20;

/// Where a write goes.
#[derive(Clone, Copy)]
pub enum At {
    Position,
    Offset(u64),
}

/// The bytes of all the buffers, in order, up to `MAX_TRANSFER` (a partial write).
pub fn gather(memory: &GuestMemory<'_>, buffers: types::CiovecArray) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    for buffer in buffers.iter() {
        let room = MAX_TRANSFER - bytes.len();
        if room == 0 {
            break;
        }
        let buffer = memory.read(buffer?)?;
        let length = buffer.buf_len.min(u32::try_from(room).unwrap_or(u32::MAX));
        bytes.extend_from_slice(&memory.as_cow(buffer.buf.as_array(length))?);
    }
    Ok(bytes)
}

/// Copies `bytes` into the buffers in order; returns how many went.
pub fn scatter(
    memory: &mut GuestMemory<'_>,
    buffers: &[types::Iovec],
    mut bytes: &[u8],
) -> Result<types::Size> {
    let total = bytes.len();
    for buffer in buffers {
        if bytes.is_empty() {
            break;
        }
        let n = bytes.len().min(buffer.buf_len as usize);
        let target = buffer.buf.as_array(u32::try_from(n)?);
        memory.copy_from_slice(&bytes[..n], target)?;
        bytes = &bytes[n..];
    }
    Ok(u32::try_from(total)?)
}

/// The buffers to read into, as many as one call fills: the host never holds more than
/// `MAX_TRANSFER` of them, however long a list the program passes.
pub fn buffers(memory: &GuestMemory<'_>, iovs: types::IovecArray) -> Result<Vec<types::Iovec>> {
    let mut buffers = Vec::new();
    let mut total = 0usize;
    for iov in iovs.iter() {
        let buffer = memory.read(iov?)?;
        total += buffer.buf_len as usize;
        buffers.push(buffer);
        if total >= MAX_TRANSFER {
            break;
        }
    }
    Ok(buffers)
}

fn capacity(buffers: &[types::Iovec]) -> usize {
    let total: u64 = buffers.iter().map(|b| u64::from(b.buf_len)).sum();
    (total as usize).min(MAX_TRANSFER)
}

/// Waits for input on a stream; an empty answer is its end.
async fn read_stream(
    ctx: &mut ProcessCtx,
    stream: &wasmtime::component::Resource<DynInputStream>,
    length: usize,
) -> Result<Vec<u8>> {
    if length == 0 {
        return Ok(Vec::new());
    }
    let stream = ctx.table.get_mut(stream)?;
    match stream.blocking_read(length).await {
        Ok(bytes) => Ok(bytes.to_vec()),
        Err(StreamError::Closed) => Ok(Vec::new()),
        Err(e) => Err(stream_error(e)),
    }
}

impl ProcessCtx {
    pub(super) async fn read_fd(
        &mut self,
        memory: &mut GuestMemory<'_>,
        fd: types::Fd,
        offset: Option<u64>,
        buffers: &[types::Iovec],
    ) -> Result<types::Size> {
        let length = capacity(buffers);
        let bytes = match self.fd(fd)? {
            Fd::Stdin { stream, .. } => {
                if offset.is_some() {
                    return Err(Errno::Spipe.into());
                }
                let stream = borrow(stream);
                read_stream(self, &stream, length).await?
            }
            Fd::File(file) => {
                let descriptor = borrow(&file.descriptor);
                let position = file.position;
                let terminal = match self.table.get(&descriptor)? {
                    Descriptor::File { handle, read, .. } => {
                        if !read {
                            return Err(Errno::Badf.into());
                        }
                        handle.input_stream()
                    }
                    Descriptor::Directory { .. } => return Err(Errno::Isdir.into()),
                };
                match terminal {
                    Some(stream) => {
                        if offset.is_some() {
                            return Err(Errno::Spipe.into());
                        }
                        let file = self.file(fd)?;
                        let stream = match &file.input {
                            Some(existing) => borrow(existing),
                            None => {
                                let made = self.table.push(stream)?;
                                let handle = borrow(&made);
                                self.file(fd)?.input = Some(made);
                                handle
                            }
                        };
                        read_stream(self, &stream, length).await?
                    }
                    None => {
                        let at = offset.unwrap_or(position);
                        let (bytes, _) = self.fs().read(descriptor, length as u64, at)?;
                        if offset.is_none() {
                            self.file(fd)?.position = position + bytes.len() as u64;
                        }
                        bytes
                    }
                }
            }
            Fd::Output { .. } | Fd::Directory { .. } => return Err(Errno::Badf.into()),
        };
        scatter(memory, buffers, &bytes)
    }

    pub(super) async fn write_fd(
        &mut self,
        fd: types::Fd,
        at: At,
        bytes: Vec<u8>,
    ) -> Result<types::Size> {
        let written = bytes.len();
        match self.fd(fd)? {
            Fd::Output { stream, .. } => {
                if let At::Offset(_) = at {
                    return Err(Errno::Spipe.into());
                }
                let stream = borrow(stream);
                let stream = self.table.get_mut(&stream)?;
                stream
                    .blocking_write_and_flush(Bytes::from(bytes))
                    .await
                    .map_err(stream_error)?;
            }
            Fd::File(file) => {
                let descriptor = borrow(&file.descriptor);
                let (position, append) = (file.position, file.append);
                // A FIFO is written as the pipe it is, waiting for room and a reader. A file
                // not open for writing refuses even an empty write, as under wasmtime.
                let pipe = match self.table.get(&descriptor)? {
                    Descriptor::File {
                        handle,
                        write: true,
                        ..
                    } => handle.pipe_writer(),
                    _ => return Err(Errno::Badf.into()),
                };
                if let Some(writer) = pipe {
                    if let At::Offset(_) = at {
                        return Err(Errno::Spipe.into());
                    }
                    writer
                        .into_stream()
                        .blocking_write_and_flush(Bytes::from(bytes))
                        .await
                        .map_err(stream_error)?;
                } else if append {
                    // As on Linux, a file opened to append takes every write at its end,
                    // positioned or not.
                    let Descriptor::File { handle, .. } = self.table.get(&descriptor)? else {
                        return Err(Errno::Badf.into());
                    };
                    let handle = handle.clone();
                    let mut done = 0;
                    while done < bytes.len() {
                        done += handle.append(&bytes[done..])?;
                    }
                    if let At::Position = at {
                        self.file(fd)?.position = handle.metadata()?.size;
                    }
                } else {
                    let offset = match at {
                        At::Position => position,
                        At::Offset(offset) => offset,
                    };
                    let mut done = 0;
                    while done < bytes.len() {
                        let n = self.fs().write(
                            borrow(&descriptor),
                            bytes[done..].to_vec(),
                            offset + done as u64,
                        )?;
                        if n == 0 {
                            return Err(Errno::Io.into());
                        }
                        done += n as usize;
                    }
                    if let At::Position = at {
                        self.file(fd)?.position = position + done as u64;
                    }
                }
            }
            Fd::Stdin { .. } | Fd::Directory { .. } => return Err(Errno::Badf.into()),
        }
        Ok(u32::try_from(written)?)
    }
}
