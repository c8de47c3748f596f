//! `/dev/fd` for a command given process substitutions (`cat <(ls)`): each name, a number
//! as bash gives them (63, 62, ...), is the read end of a pipe another command writes. The
//! shell mounts one in the namespace copy of that command only.

use super::{DirEntry, FileHandle, FileServer, FileType, FsError, FsResult, Metadata, OpenOptions};
use crate::pipe::PipeReader;
use std::sync::Arc;
use std::time::SystemTime;

pub struct FdFs {
    pipes: Vec<(u32, PipeReader)>,
}

impl FdFs {
    pub fn new(pipes: Vec<(u32, PipeReader)>) -> FdFs {
        FdFs { pipes }
    }

    fn find(&self, path: &str) -> FsResult<(u32, &PipeReader)> {
        self.pipes
            .iter()
            .find(|(fd, _)| fd.to_string() == path)
            .map(|(fd, reader)| (*fd, reader))
            .ok_or(FsError::NotFound)
    }
}

fn metadata(inode: u64, file_type: FileType) -> Metadata {
    let mode = if file_type == FileType::Directory {
        0o555
    } else {
        0o400
    };
    Metadata::synthetic(file_type, inode, mode, SystemTime::UNIX_EPOCH)
}

impl FileServer for FdFs {
    fn describe(&self) -> String {
        "fdfs".into()
    }

    fn lstat(&self, path: &str) -> FsResult<Metadata> {
        if path.is_empty() {
            return Ok(metadata(1, FileType::Directory));
        }
        let (fd, _) = self.find(path)?;
        Ok(metadata(u64::from(fd) + 2, FileType::CharDevice))
    }

    fn open(&self, path: &str, options: OpenOptions) -> FsResult<Arc<dyn FileHandle>> {
        if path.is_empty() {
            return Err(FsError::IsDirectory);
        }
        let (fd, reader) = self.find(path)?;
        if options.mutates() {
            return Err(FsError::Access);
        }
        Ok(Arc::new(PipeFile {
            inode: u64::from(fd) + 2,
            reader: reader.clone(),
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

struct PipeFile {
    inode: u64,
    reader: PipeReader,
}

impl FileHandle for PipeFile {
    /// Reads of a pipe wait for its writer: they go through `input_stream`.
    fn read_at(&self, _buf: &mut [u8], _offset: u64) -> FsResult<usize> {
        Err(FsError::Unsupported)
    }

    fn metadata(&self) -> FsResult<Metadata> {
        Ok(metadata(self.inode, FileType::CharDevice))
    }

    fn input_stream(&self) -> Option<Box<dyn wasmtime_wasi::p2::InputStream>> {
        Some(self.reader.clone().into_stream())
    }

    fn pipe_reader(&self) -> Option<PipeReader> {
        Some(self.reader.clone())
    }
}
