//! The virtual filesystem, in the Plan 9 way: every file server (the root image, ramfs,
//! the overlay, host directories, /proc, /dev) implements [`FileServer`], and a process's
//! [`Namespace`](namespace::Namespace) only routes paths to them.
//!
//! A server sees paths relative to its own root, already normalised by the namespace:
//! components joined by `/`, never `.`, `..` or empty, and `""` for the root itself.
//! Symbolic links are the namespace's business too, so a link on a host directory can
//! only ever point into the process's own namespace, never back into the host.

pub mod bytenames;
pub mod devfs;
pub mod fdfs;
pub mod hostfs;
pub mod image;
pub mod namespace;
pub mod overlay;
pub mod permission;
pub mod procfs;
pub mod ramfs;
pub mod sizelimit;

use std::fmt;
use std::sync::Arc;
use std::time::SystemTime;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileType {
    File,
    Directory,
    Symlink,
    CharDevice,
    /// A named pipe: the server keeps its name and mode, `fifo.rs` its pipe.
    Fifo,
}

#[derive(Clone, Debug)]
pub struct Metadata {
    pub file_type: FileType,
    pub size: u64,
    /// Stable identity within the server (an inode number).
    pub inode: u64,
    /// Which server: filled in by the namespace, so (device, inode) names one file.
    pub device: u64,
    pub links: u64,
    pub modified: SystemTime,
    pub accessed: SystemTime,
    /// The status-change time (ctime).
    pub changed: SystemTime,
    /// The permission bits, `0o7777`.
    pub mode: u32,
}

/// The umask a process has unless its shell sets another.
pub const DEFAULT_UMASK: u32 = 0o022;

/// The modes a server gives a new file, directory and symlink: `0o666` and `0o777` under
/// the default umask (WASI's calls to create a file carry no mode). The namespace sets
/// another when a process's umask differs (`Namespace::apply_umask`).
pub const NEW_FILE_MODE: u32 = 0o666 & !DEFAULT_UMASK;
pub const NEW_DIR_MODE: u32 = 0o777 & !DEFAULT_UMASK;
pub const SYMLINK_MODE: u32 = 0o777;

impl Metadata {
    pub fn is_dir(&self) -> bool {
        self.file_type == FileType::Directory
    }

    /// What a server that makes its files up (/dev, /proc) says of one: no size, one
    /// link, all times `time`.
    pub fn synthetic(file_type: FileType, inode: u64, mode: u32, time: SystemTime) -> Metadata {
        Metadata {
            file_type,
            size: 0,
            inode,
            device: 0,
            links: 1,
            modified: time,
            accessed: time,
            changed: time,
            mode,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirEntry {
    pub name: String,
    pub file_type: FileType,
}

/// Why a filesystem call failed, in the terms of POSIX errno.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FsError {
    NotFound,
    Exists,
    NotDirectory,
    IsDirectory,
    NotEmpty,
    ReadOnly,
    Access,
    BadDescriptor,
    Invalid,
    NameTooLong,
    Loop,
    CrossDevice,
    NoSpace,
    QuotaExceeded,
    FileTooLarge,
    /// A write past the process's own file-size limit (`ulimit -f`): EFBIG, and the
    /// process is killed by SIGXFSZ as on Linux.
    FileSizeLimit,
    NotPermitted,
    /// A socket or device node that cannot be opened as a file (ENXIO).
    NoSuchDevice,
    /// A pipe has no offsets to read or write at (ESPIPE).
    InvalidSeek,
    /// The process has as many files open as its limit allows (EMFILE).
    TooManyOpenFiles,
    Unsupported,
    Io(String),
}

pub type FsResult<T> = Result<T, FsError>;

impl fmt::Display for FsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FsError::NotFound => "No such file or directory",
            FsError::Exists => "File exists",
            FsError::NotDirectory => "Not a directory",
            FsError::IsDirectory => "Is a directory",
            FsError::NotEmpty => "Directory not empty",
            FsError::ReadOnly => "Read-only file system",
            FsError::Access => "Permission denied",
            FsError::BadDescriptor => "Bad file descriptor",
            FsError::Invalid => "Invalid argument",
            FsError::NameTooLong => "File name too long",
            FsError::Loop => "Too many levels of symbolic links",
            FsError::CrossDevice => "Invalid cross-device link",
            FsError::NoSpace => "No space left on device",
            FsError::QuotaExceeded => "Disk quota exceeded",
            FsError::FileTooLarge | FsError::FileSizeLimit => "File too large",
            FsError::NotPermitted => "Operation not permitted",
            FsError::NoSuchDevice => "No such device or address",
            FsError::InvalidSeek => "Illegal seek",
            FsError::TooManyOpenFiles => "Too many open files",
            FsError::Unsupported => "Operation not supported",
            FsError::Io(why) => why,
        })
    }
}

impl std::error::Error for FsError {}

impl From<std::io::Error> for FsError {
    fn from(e: std::io::Error) -> FsError {
        use std::io::ErrorKind::*;
        match e.kind() {
            NotFound => FsError::NotFound,
            AlreadyExists => FsError::Exists,
            NotADirectory => FsError::NotDirectory,
            IsADirectory => FsError::IsDirectory,
            DirectoryNotEmpty => FsError::NotEmpty,
            ReadOnlyFilesystem => FsError::ReadOnly,
            PermissionDenied => FsError::Access,
            InvalidInput => FsError::Invalid,
            InvalidFilename => FsError::NameTooLong,
            CrossesDevices => FsError::CrossDevice,
            StorageFull => FsError::NoSpace,
            QuotaExceeded => FsError::QuotaExceeded,
            FileTooLarge => FsError::FileTooLarge,
            Unsupported => FsError::Unsupported,
            _ => match e.raw_os_error() {
                Some(libc::ELOOP) => FsError::Loop,
                Some(libc::EPERM) => FsError::NotPermitted,
                Some(libc::ENXIO) => FsError::NoSuchDevice,
                Some(libc::EMFILE | libc::ENFILE) => FsError::TooManyOpenFiles,
                Some(libc::EOPNOTSUPP) => FsError::Unsupported,
                _ => FsError::Io(e.to_string()),
            },
        }
    }
}

#[derive(Clone, Copy, Debug, Default)]
pub struct OpenOptions {
    pub read: bool,
    pub write: bool,
    pub create: bool,
    pub exclusive: bool,
    pub truncate: bool,
}

impl OpenOptions {
    pub fn read_only() -> OpenOptions {
        OpenOptions {
            read: true,
            ..OpenOptions::default()
        }
    }

    pub fn mutates(&self) -> bool {
        self.write || self.create || self.truncate
    }
}

/// A file server. Mutating calls default to "read-only file system".
pub trait FileServer: Send + Sync {
    /// What `/proc/mounts` and `ns` call this server.
    fn describe(&self) -> String;

    /// Metadata of the entry itself (a symlink is not followed).
    fn lstat(&self, path: &str) -> FsResult<Metadata>;

    /// Opens a regular file (or device). Directories are not opened through here.
    fn open(&self, path: &str, options: OpenOptions) -> FsResult<Arc<dyn FileHandle>>;

    fn read_dir(&self, path: &str) -> FsResult<Vec<DirEntry>>;

    fn readlink(&self, _path: &str) -> FsResult<String> {
        Err(FsError::Invalid)
    }

    fn create_dir(&self, _path: &str) -> FsResult<()> {
        Err(FsError::ReadOnly)
    }

    fn remove_dir(&self, _path: &str) -> FsResult<()> {
        Err(FsError::ReadOnly)
    }

    fn unlink(&self, _path: &str) -> FsResult<()> {
        Err(FsError::ReadOnly)
    }

    /// Renames within this server; the namespace refuses renames across servers.
    fn rename(&self, _from: &str, _to: &str) -> FsResult<()> {
        Err(FsError::ReadOnly)
    }

    fn symlink(&self, _target: &str, _path: &str) -> FsResult<()> {
        Err(FsError::ReadOnly)
    }

    /// Makes a named pipe (mode `NEW_FILE_MODE`). Fails if `path` exists.
    fn make_fifo(&self, _path: &str) -> FsResult<()> {
        Err(FsError::ReadOnly)
    }

    /// A hard link: `new` names the file `existing` names. Fails if `new` exists.
    fn link(&self, _existing: &str, _new: &str) -> FsResult<()> {
        Err(FsError::ReadOnly)
    }

    fn set_times(
        &self,
        _path: &str,
        _accessed: Option<SystemTime>,
        _modified: Option<SystemTime>,
    ) -> FsResult<()> {
        Err(FsError::ReadOnly)
    }

    /// Sets the permission bits (`0o7777`) of a file or directory (never a symlink: the
    /// namespace resolves links first, and Linux has no mode for a link).
    fn set_mode(&self, _path: &str, _mode: u32) -> FsResult<()> {
        Err(FsError::ReadOnly)
    }
}

/// A program embedded in the binary (see `FileHandle::built_in`).
pub struct BuiltIn {
    pub bytes: &'static [u8],
    /// In hex, as `program.rs` keys programs.
    pub sha256: &'static str,
}

/// An open file: reads and writes at offsets, so one handle serves any number of streams.
pub trait FileHandle: Send + Sync {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> FsResult<usize>;

    /// Up to `max` bytes from `offset` in a new buffer, for a stream's read. A server
    /// that can fill one without zeroing it first does: that pass over memory is as long
    /// as the read itself.
    fn read_vec(&self, max: usize, offset: u64) -> FsResult<Vec<u8>> {
        let mut buffer = vec![0; max];
        let n = self.read_at(&mut buffer, offset)?;
        buffer.truncate(n);
        Ok(buffer)
    }

    fn write_at(&self, _data: &[u8], _offset: u64) -> FsResult<usize> {
        Err(FsError::BadDescriptor)
    }

    /// Writes at the end as one step, for files opened to append.
    fn append(&self, data: &[u8]) -> FsResult<usize> {
        let end = self.metadata()?.size;
        self.write_at(data, end)
    }

    fn set_len(&self, _len: u64) -> FsResult<()> {
        Err(FsError::BadDescriptor)
    }

    fn metadata(&self) -> FsResult<Metadata>;

    /// Sets the open file's times (None leaves one as it is): the file itself, whatever it
    /// is named now. Unsupported where a handle cannot, and the caller goes by path.
    fn set_times(
        &self,
        _accessed: Option<SystemTime>,
        _modified: Option<SystemTime>,
    ) -> FsResult<()> {
        Err(FsError::Unsupported)
    }

    fn sync(&self) -> FsResult<()> {
        Ok(())
    }

    /// A program of the image: its bytes as the binary holds them, and their SHA-256, so
    /// that running it neither copies nor hashes them.
    fn built_in(&self) -> Option<BuiltIn> {
        None
    }

    /// A stream for devices whose reads wait for input (the terminal), in place of reads
    /// at offsets.
    fn input_stream(&self) -> Option<Box<dyn wasmtime_wasi::p2::InputStream>> {
        None
    }

    /// The pipe it reads, when it is one (a process substitution's `/dev/fd/N`, a FIFO).
    fn pipe_reader(&self) -> Option<crate::pipe::PipeReader> {
        None
    }

    /// The pipe it writes, when it is one (a FIFO opened for writing).
    fn pipe_writer(&self) -> Option<crate::pipe::PipeWriter> {
        None
    }
}

/// Splits a normalised server path into its parent and last component.
pub fn split_last(path: &str) -> (&str, &str) {
    match path.rfind('/') {
        Some(at) => (&path[..at], &path[at + 1..]),
        None => ("", path),
    }
}

/// Joins a normalised server path and a name.
pub fn join(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent}/{name}")
    }
}
