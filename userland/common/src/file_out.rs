//! Writing files by offset. wasi-libc reports every failed stream write as EIO, so a
//! full disk would read "I/O error"; a positioned write (`pwrite`, the descriptor's own
//! `write`) returns the filesystem's error code, and GNU's "No space left on device".

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;

/// `pwrite` of wasi-libc (linked into every program), which answers with the
/// descriptor's own error code; std's `FileExt` for WASI is not stable yet.
#[cfg(target_os = "wasi")]
fn write_at(file: &File, buf: &[u8], offset: u64) -> io::Result<usize> {
    use std::os::fd::AsRawFd;
    unsafe extern "C" {
        fn pwrite(fd: i32, buf: *const u8, count: usize, offset: i64) -> isize;
    }
    let offset = i64::try_from(offset).map_err(|_| io::Error::from(io::ErrorKind::InvalidInput))?;
    // SAFETY: the buffer is valid for `buf.len()` bytes and the descriptor is open.
    let written = unsafe { pwrite(file.as_raw_fd(), buf.as_ptr(), buf.len(), offset) };
    if written < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(written as usize)
    }
}

#[cfg(not(target_os = "wasi"))]
fn write_at(file: &File, buf: &[u8], offset: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::write_at(file, buf, offset)
}

/// A file written from its start, by offset; a FIFO, which has none, as a stream.
pub struct FileOut {
    file: File,
    /// None once the file turned out to be a pipe.
    offset: Option<u64>,
}

impl FileOut {
    pub fn new(file: File) -> FileOut {
        FileOut {
            file,
            offset: Some(0),
        }
    }

    /// `File::create`: made empty, or new.
    pub fn create(path: impl AsRef<Path>) -> io::Result<FileOut> {
        File::create(path).map(FileOut::new)
    }
}

impl Write for FileOut {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let Some(offset) = self.offset else {
            return self.file.write(buf);
        };
        match write_at(&self.file, buf, offset) {
            Ok(n) => {
                self.offset = Some(offset + n as u64);
                Ok(n)
            }
            Err(e) if e.kind() == io::ErrorKind::NotSeekable => {
                self.offset = None;
                self.file.write(buf)
            }
            Err(e) => Err(e),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// `fs::copy`: the contents and permissions of `source` into `target`.
pub fn copy_file(source: &Path, target: &Path) -> io::Result<u64> {
    let mut from = File::open(source)?;
    let permissions = from.metadata()?.permissions();
    let mut to = FileOut::create(target)?;
    let mut buffer = vec![0; 64 * 1024];
    let mut copied = 0;
    loop {
        let n = match from.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        to.write_all(&buffer[..n])?;
        copied += n as u64;
    }
    // Permissions are kept where the filesystem keeps them; WASI has no call for it.
    let _ = std::fs::set_permissions(target, permissions);
    Ok(copied)
}
