//! `/dev/fd` for a command given process substitutions (`cat <(ls)`, `tee >(wc)`): each
//! name, a number as bash gives them (63, 62, ...), is one end of a pipe another command
//! holds the other end of. The shell mounts one in the namespace copy of that command only.

use super::{DirEntry, FileHandle, FileServer, FileType, FsError, FsResult, Metadata, OpenOptions};
use crate::pipe::{PipeReader, PipeWriter};
use std::sync::Arc;
use std::time::SystemTime;

/// The end of a pipe a `/dev/fd/N` is: read for `<(...)`, written for `>(...)`.
#[derive(Clone)]
pub enum PipeEnd {
    Read(PipeReader),
    Write(PipeWriter),
}

pub struct FdFs {
    pipes: Vec<(u32, PipeEnd)>,
}

impl FdFs {
    pub fn new(pipes: Vec<(u32, PipeEnd)>) -> FdFs {
        FdFs { pipes }
    }

    fn find(&self, path: &str) -> FsResult<(u32, &PipeEnd)> {
        self.pipes
            .iter()
            .find(|(fd, _)| fd.to_string() == path)
            .map(|(fd, end)| (*fd, end))
            .ok_or(FsError::NotFound)
    }
}

fn metadata(inode: u64, file_type: FileType, mode: u32) -> Metadata {
    Metadata::synthetic(file_type, inode, mode, SystemTime::UNIX_EPOCH)
}

impl FileServer for FdFs {
    fn describe(&self) -> String {
        "fdfs".into()
    }

    fn lstat(&self, path: &str) -> FsResult<Metadata> {
        if path.is_empty() {
            return Ok(metadata(1, FileType::Directory, 0o555));
        }
        let (fd, end) = self.find(path)?;
        Ok(metadata(
            u64::from(fd) + 2,
            FileType::CharDevice,
            mode_of(end),
        ))
    }

    fn open(&self, path: &str, options: OpenOptions) -> FsResult<Arc<dyn FileHandle>> {
        if path.is_empty() {
            return Err(FsError::IsDirectory);
        }
        let (fd, end) = self.find(path)?;
        let allowed = match end {
            PipeEnd::Read(_) => !options.mutates(),
            PipeEnd::Write(_) => !options.read,
        };
        if !allowed {
            return Err(FsError::Access);
        }
        Ok(Arc::new(PipeFile {
            inode: u64::from(fd) + 2,
            end: end.clone(),
        }))
    }

    fn read_dir(&self, path: &str) -> FsResult<Vec<DirEntry>> {
        if !path.is_empty() {
            return Err(match self.find(path) {
                Ok(_) => FsError::NotDirectory,
                Err(e) => e,
            });
        }
        Ok(self
            .pipes
            .iter()
            .map(|(fd, _)| DirEntry {
                name: fd.to_string(),
                file_type: FileType::CharDevice,
            })
            .collect())
    }
}

/// Readable or writable by its owner, as the end it is.
fn mode_of(end: &PipeEnd) -> u32 {
    match end {
        PipeEnd::Read(_) => 0o400,
        PipeEnd::Write(_) => 0o200,
    }
}

struct PipeFile {
    inode: u64,
    end: PipeEnd,
}

impl FileHandle for PipeFile {
    /// Reads and writes of a pipe wait for its other end: they go through its streams.
    /// A pipe has no offsets (`pread` and `pwrite` fail with ESPIPE, as on Linux).
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
        Ok(metadata(
            self.inode,
            FileType::CharDevice,
            mode_of(&self.end),
        ))
    }

    fn input_stream(&self) -> Option<Box<dyn wasmtime_wasi::p2::InputStream>> {
        match &self.end {
            PipeEnd::Read(reader) => Some(reader.clone().into_stream()),
            PipeEnd::Write(_) => None,
        }
    }

    fn pipe_reader(&self) -> Option<PipeReader> {
        match &self.end {
            PipeEnd::Read(reader) => Some(reader.clone()),
            PipeEnd::Write(_) => None,
        }
    }

    fn pipe_writer(&self) -> Option<PipeWriter> {
        match &self.end {
            PipeEnd::Read(_) => None,
            PipeEnd::Write(writer) => Some(writer.clone()),
        }
    }
}

/// One end of a pipe as a file: a process's standard stream opened by name (`/dev/stdin`).
pub(crate) fn pipe_file(end: PipeEnd) -> Arc<dyn FileHandle> {
    Arc::new(PipeFile { inode: 1, end })
}
