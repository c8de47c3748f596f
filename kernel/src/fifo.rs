//! Named pipes (`mkfifo`). A file server only keeps a FIFO's name, mode and kind; what
//! flows through it is a kernel pipe, found here by the file's identity (its server and
//! inode), so every server can hold FIFOs alike, a host directory included: a FIFO on the
//! host is never opened on the host, and connects only wasmix's own processes.
//!
//! Opening one never waits: the pipe does the waiting, as Linux's `open` would (a reader
//! waits for a first writer rather than see end of file, a writer for a first reader).

use crate::fs::{FileHandle, FsError, FsResult, Metadata, OpenOptions};
use crate::pipe::{PipeLink, PipeReader, PipeWriter};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The pipes of the FIFOs open now, by (device, inode).
fn pipes() -> &'static Mutex<HashMap<(u64, u64), PipeLink>> {
    static PIPES: OnceLock<Mutex<HashMap<(u64, u64), PipeLink>>> = OnceLock::new();
    PIPES.get_or_init(Default::default)
}

/// Opens the FIFO `meta` describes (as the namespace found it: its device is set).
pub fn open(meta: Metadata, options: OpenOptions) -> FsResult<Arc<dyn FileHandle>> {
    if !options.read && !options.write {
        return Err(FsError::Invalid);
    }
    let mut pipes = pipes().lock().unwrap_or_else(|e| e.into_inner());
    // A pipe nobody holds any more is forgotten: its FIFO starts afresh, as on Linux.
    pipes.retain(|_, link| !link.is_idle());
    let link = pipes.entry((meta.device, meta.inode)).or_default();
    Ok(Arc::new(FifoFile {
        reader: options.read.then(|| link.reader()),
        writer: options.write.then(|| link.writer()),
        meta,
    }))
}

/// An open FIFO: its ends, held for as long as the file is open.
struct FifoFile {
    meta: Metadata,
    reader: Option<PipeReader>,
    writer: Option<PipeWriter>,
}

impl FileHandle for FifoFile {
    /// Reads and writes wait for the other end: they go through the pipe's streams. A
    /// pipe has no offsets (`pread` and `pwrite` fail with ESPIPE, as on Linux).
    fn read_at(&self, _buf: &mut [u8], _offset: u64) -> FsResult<usize> {
        Err(FsError::InvalidSeek)
    }

    fn write_at(&self, _data: &[u8], _offset: u64) -> FsResult<usize> {
        Err(FsError::InvalidSeek)
    }

    fn append(&self, _data: &[u8]) -> FsResult<usize> {
        Err(FsError::InvalidSeek)
    }

    fn metadata(&self) -> FsResult<Metadata> {
        Ok(self.meta.clone())
    }

    fn input_stream(&self) -> Option<Box<dyn wasmtime_wasi::p2::InputStream>> {
        self.reader.clone().map(PipeReader::into_stream)
    }

    fn pipe_reader(&self) -> Option<PipeReader> {
        self.reader.clone()
    }

    fn pipe_writer(&self) -> Option<PipeWriter> {
        self.writer.clone()
    }
}
