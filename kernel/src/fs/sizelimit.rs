//! A regular file written under a file-size limit (`ulimit -f`): as Linux's RLIMIT_FSIZE,
//! a write that would cross the limit is cut short at it, and a write starting at or past
//! it fails with EFBIG, which kills a process with SIGXFSZ (the process's own writes
//! trap with [`FileSizeLimitExceeded`]; the shell's writes only fail).

use super::{FileHandle, FileType, FsError, FsResult, Metadata};
use std::sync::Arc;
use std::time::SystemTime;

/// `handle` as a process under `limit` bytes may write it: only regular files are limited.
pub fn limit_file_size(handle: Arc<dyn FileHandle>, limit: Option<u64>) -> Arc<dyn FileHandle> {
    match limit {
        Some(limit)
            if handle
                .metadata()
                .is_ok_and(|m| m.file_type == FileType::File) =>
        {
            Arc::new(SizeLimited {
                inner: handle,
                limit,
            })
        }
        _ => handle,
    }
}

/// A process wrote past its file-size limit: it ends as killed by SIGXFSZ.
#[derive(Debug)]
pub struct FileSizeLimitExceeded;

impl std::fmt::Display for FileSizeLimitExceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("file size limit exceeded")
    }
}

impl std::error::Error for FileSizeLimitExceeded {}

struct SizeLimited {
    inner: Arc<dyn FileHandle>,
    limit: u64,
}

impl SizeLimited {
    /// The part of `data` that may be written at `offset`.
    fn allowed<'a>(&self, data: &'a [u8], offset: u64) -> FsResult<&'a [u8]> {
        if data.is_empty() {
            return Ok(data);
        }
        let room = self.limit.saturating_sub(offset);
        if room == 0 {
            return Err(FsError::FileSizeLimit);
        }
        Ok(&data[..data.len().min(usize::try_from(room).unwrap_or(usize::MAX))])
    }
}

impl FileHandle for SizeLimited {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> FsResult<usize> {
        self.inner.read_at(buf, offset)
    }

    fn read_vec(&self, max: usize, offset: u64) -> FsResult<Vec<u8>> {
        self.inner.read_vec(max, offset)
    }

    fn write_at(&self, data: &[u8], offset: u64) -> FsResult<usize> {
        self.inner.write_at(self.allowed(data, offset)?, offset)
    }

    fn append(&self, data: &[u8]) -> FsResult<usize> {
        let end = self.inner.metadata()?.size;
        self.inner.append(self.allowed(data, end)?)
    }

    fn set_len(&self, len: u64) -> FsResult<()> {
        if len > self.limit {
            return Err(FsError::FileSizeLimit);
        }
        self.inner.set_len(len)
    }

    fn metadata(&self) -> FsResult<Metadata> {
        self.inner.metadata()
    }

    fn set_times(
        &self,
        accessed: Option<SystemTime>,
        modified: Option<SystemTime>,
    ) -> FsResult<()> {
        self.inner.set_times(accessed, modified)
    }

    fn sync(&self) -> FsResult<()> {
        self.inner.sync()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::ramfs::RamFs;
    use crate::fs::{FileServer, OpenOptions};

    #[test]
    fn writes_stop_at_the_limit() {
        let fs = RamFs::default();
        let options = OpenOptions {
            write: true,
            create: true,
            ..OpenOptions::default()
        };
        let file = limit_file_size(fs.open("f", options).unwrap(), Some(10));
        assert_eq!(file.write_at(b"0123456", 0).unwrap(), 7);
        assert_eq!(file.append(b"789abc").unwrap(), 3);
        assert!(matches!(file.append(b"d"), Err(FsError::FileSizeLimit)));
        assert!(matches!(file.set_len(11), Err(FsError::FileSizeLimit)));
        assert_eq!(file.metadata().unwrap().size, 10);
    }
}
