//! What Rust's std cannot yet ask of WASI on stable (`std::os::wasi` is unstable): making
//! symbolic links, a file's identity and link count, and a directory listing without a
//! lookup per entry; and what WASI cannot say at all, a file's permission bits (the
//! kernel's `wasmix:filesystem/modes`). Asked here through the raw `wasi:filesystem`
//! calls, relative to the root preopen the kernel gives every process.

use std::io;
use std::path::Path;

/// Inode number and link count, as `stat` and `ls -l` show them.
pub struct Identity {
    pub inode: u64,
    pub links: u64,
    /// The status-change time (ctime), where the filesystem reports one.
    pub changed: Option<std::time::SystemTime>,
}

/// What `Directory::stat` tells of an entry.
pub struct EntryStat {
    pub size: u64,
    pub kind: EntryKind,
    pub links: u64,
}

/// The bytes a file of `size` takes on disk, as GNU's `du` and `ls -s` count its blocks
/// on Linux's usual filesystem (ext4, 4096-byte blocks): WASI reports sizes, not blocks.
/// A symbolic link takes none (its target is kept in the inode); a sparse file is
/// counted whole.
pub fn allocated(size: u64, kind: EntryKind) -> u64 {
    if kind == EntryKind::Symlink {
        0
    } else {
        size.div_ceil(4096) * 4096
    }
}

/// What a directory listing says an entry is, without a lookup of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    Directory,
    Symlink,
    File,
    /// A named pipe.
    Fifo,
    /// A device or socket.
    Other,
}

impl EntryKind {
    /// What `symlink_metadata` says a file is. (std on WASI cannot tell a FIFO from a
    /// device: `wasi_fs::kind` can.)
    pub fn of(meta: &std::fs::Metadata) -> EntryKind {
        match meta.file_type() {
            t if t.is_dir() => EntryKind::Directory,
            t if t.is_symlink() => EntryKind::Symlink,
            t if t.is_file() => EntryKind::File,
            #[cfg(not(target_os = "wasi"))]
            t if std::os::unix::fs::FileTypeExt::is_fifo(&t) => EntryKind::Fifo,
            _ => EntryKind::Other,
        }
    }

    /// `of`, with a FIFO told apart: what the file at `path`, whose metadata is `meta`, is.
    pub fn at(path: &std::path::Path, meta: &std::fs::Metadata) -> EntryKind {
        match EntryKind::of(meta) {
            // `meta` is no symlink's here, so following one at `path` changes nothing.
            EntryKind::Other => kind(path, true).unwrap_or(EntryKind::Other),
            known => known,
        }
    }
}

#[cfg(target_os = "wasi")]
mod bindings {
    wit_bindgen::generate!({
        path: "../../kernel/wit",
        world: "wasmix:filesystem/userland",
        with: {
            "wasi:filesystem/types@0.2.12": wasip2::filesystem::types,
            "wasi:io/streams@0.2.12": wasip2::io::streams,
            "wasi:io/error@0.2.12": wasip2::io::error,
            "wasi:io/poll@0.2.12": wasip2::io::poll,
            "wasi:clocks/wall-clock@0.2.12": wasip2::clocks::wall_clock,
        },
    });
}

#[cfg(target_os = "wasi")]
mod imp {
    use super::bindings::wasmix::filesystem::modes;
    use super::{EntryKind, EntryStat, Identity};
    use std::io;
    use std::path::Path;
    use wasip2::filesystem::types::{Descriptor, ErrorCode, PathFlags};

    fn path_flags(follow: bool) -> PathFlags {
        if follow {
            PathFlags::SYMLINK_FOLLOW
        } else {
            PathFlags::empty()
        }
    }

    pub fn mode(path: &Path, follow: bool) -> io::Result<u32> {
        modes::mode_at(&root()?, path_flags(follow), &from_root(path)?).map_err(error)
    }

    pub fn set_mode(path: &Path, follow: bool, mode: u32) -> io::Result<()> {
        modes::set_mode_at(&root()?, path_flags(follow), &from_root(path)?, mode).map_err(error)
    }

    pub fn umask() -> u32 {
        modes::umask()
    }

    pub fn set_times(
        path: &Path,
        follow: bool,
        accessed: Option<std::time::SystemTime>,
        modified: Option<std::time::SystemTime>,
    ) -> io::Result<()> {
        use wasip2::clocks::wall_clock::Datetime;
        use wasip2::filesystem::types::NewTimestamp;
        let stamp = |time: Option<std::time::SystemTime>| match time {
            Some(time) => {
                let since = time
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap_or_default();
                NewTimestamp::Timestamp(Datetime {
                    seconds: since.as_secs(),
                    nanoseconds: since.subsec_nanos(),
                })
            }
            None => NewTimestamp::NoChange,
        };
        root()?
            .set_times_at(
                path_flags(follow),
                &from_root(path)?,
                stamp(accessed),
                stamp(modified),
            )
            .map_err(error)
    }

    pub fn make_fifo(path: &Path, mode: u32) -> io::Result<()> {
        modes::make_fifo_at(&root()?, &from_root(path)?, mode).map_err(error)
    }

    pub fn kind(path: &Path, follow: bool) -> io::Result<EntryKind> {
        let stat = root()?
            .stat_at(path_flags(follow), &from_root(path)?)
            .map_err(error)?;
        Ok(entry_kind(stat.type_))
    }

    fn entry_kind(kind: wasip2::filesystem::types::DescriptorType) -> EntryKind {
        use wasip2::filesystem::types::DescriptorType;
        match kind {
            DescriptorType::Directory => EntryKind::Directory,
            DescriptorType::SymbolicLink => EntryKind::Symlink,
            DescriptorType::RegularFile => EntryKind::File,
            DescriptorType::Fifo => EntryKind::Fifo,
            _ => EntryKind::Other,
        }
    }

    fn root() -> io::Result<Descriptor> {
        wasip2::filesystem::preopens::get_directories()
            .into_iter()
            .find(|(_, path)| path == "/")
            .map(|(descriptor, _)| descriptor)
            .ok_or_else(|| io::Error::other("no root directory was given to this program"))
    }

    /// The path relative to `/`, as the root descriptor takes it.
    fn from_root(path: &Path) -> io::Result<String> {
        let absolute = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir()?.join(path)
        };
        Ok(absolute
            .to_string_lossy()
            .trim_start_matches('/')
            .to_string())
    }

    /// The error as an `io::Error` whose message is strerror's (glibc's) wording.
    pub(super) fn error(code: ErrorCode) -> io::Error {
        use io::ErrorKind::*;
        let (kind, text) = match code {
            ErrorCode::NoEntry => (NotFound, "No such file or directory"),
            ErrorCode::Exist => (AlreadyExists, "File exists"),
            ErrorCode::NotDirectory => (NotADirectory, "Not a directory"),
            ErrorCode::IsDirectory => (IsADirectory, "Is a directory"),
            ErrorCode::ReadOnly => (ReadOnlyFilesystem, "Read-only file system"),
            ErrorCode::Access => (PermissionDenied, "Permission denied"),
            ErrorCode::NotPermitted => (PermissionDenied, "Operation not permitted"),
            ErrorCode::NameTooLong => (InvalidFilename, "File name too long"),
            ErrorCode::Unsupported => (Unsupported, "Operation not supported"),
            ErrorCode::InsufficientSpace => (StorageFull, "No space left on device"),
            ErrorCode::Loop => (Other, "Too many levels of symbolic links"),
            ErrorCode::CrossDevice => (CrossesDevices, "Invalid cross-device link"),
            other => return io::Error::other(format!("{other:?}")),
        };
        io::Error::new(kind, text)
    }

    pub fn symlink(target: &Path, at: &Path) -> io::Result<()> {
        root()?
            .symlink_at(&target.to_string_lossy(), &from_root(at)?)
            .map_err(error)
    }

    pub fn list_dir(path: &Path) -> io::Result<Vec<(String, EntryKind)>> {
        Directory::open(path)?.entries()
    }

    pub struct Directory(Descriptor);

    impl Directory {
        pub fn open(path: &Path) -> io::Result<Directory> {
            use wasip2::filesystem::types::{DescriptorFlags, OpenFlags};
            let relative = from_root(path)?;
            let relative = if relative.is_empty() { "." } else { &relative };
            let dir = root()?
                .open_at(
                    PathFlags::SYMLINK_FOLLOW,
                    relative,
                    OpenFlags::DIRECTORY,
                    DescriptorFlags::READ,
                )
                .map_err(error)?;
            Ok(Directory(dir))
        }

        pub fn entries(&self) -> io::Result<Vec<(String, EntryKind)>> {
            let stream = self.0.read_directory().map_err(error)?;
            let mut entries = Vec::new();
            while let Some(entry) = stream.read_directory_entry().map_err(error)? {
                entries.push((entry.name, entry_kind(entry.type_)));
            }
            Ok(entries)
        }

        pub fn stat(&self, name: &str, follow: bool) -> io::Result<EntryStat> {
            let stat = self.0.stat_at(path_flags(follow), name).map_err(error)?;
            Ok(EntryStat {
                size: stat.size,
                kind: entry_kind(stat.type_),
                links: stat.link_count,
            })
        }

        pub fn inode(&self, name: &str, follow: bool) -> io::Result<u64> {
            let hash = self.0.metadata_hash_at(path_flags(follow), name);
            Ok(hash.map_err(error)?.lower)
        }
    }

    /// A regular file's WASI input stream, with its descriptor (which must outlive it);
    /// None for anything else, or a file that cannot be looked up.
    pub fn file_stream(path: &Path) -> Option<super::FileStream> {
        use wasip2::filesystem::types::{DescriptorFlags, DescriptorType, OpenFlags};
        let root = root().ok()?;
        let relative = from_root(path).ok()?;
        // Looked up before it is opened: opening a FIFO would wait for a writer.
        let stat = root.stat_at(PathFlags::SYMLINK_FOLLOW, &relative).ok()?;
        if stat.type_ != DescriptorType::RegularFile {
            return None;
        }
        let file = root
            .open_at(
                PathFlags::SYMLINK_FOLLOW,
                &relative,
                OpenFlags::empty(),
                DescriptorFlags::READ,
            )
            .ok()?;
        Some(super::FileStream { file, offset: 0 })
    }

    pub fn identity(path: &Path, follow: bool) -> io::Result<Identity> {
        let root = root()?;
        let flags = path_flags(follow);
        let relative = from_root(path)?;
        let stat = root.stat_at(flags, &relative).map_err(error)?;
        let hash = root.metadata_hash_at(flags, &relative).map_err(error)?;
        let changed = stat.status_change_timestamp.map(|t| {
            std::time::SystemTime::UNIX_EPOCH + std::time::Duration::new(t.seconds, t.nanoseconds)
        });
        Ok(Identity {
            inode: hash.lower,
            links: stat.link_count,
            changed,
        })
    }
}

#[cfg(not(target_os = "wasi"))]
mod imp {
    use super::{EntryKind, EntryStat, Identity};
    use std::io;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    use std::path::Path;

    pub fn mode(path: &Path, follow: bool) -> io::Result<u32> {
        let meta = if follow {
            std::fs::metadata(path)?
        } else {
            std::fs::symlink_metadata(path)?
        };
        Ok(meta.mode() & 0o7777)
    }

    pub fn set_mode(path: &Path, follow: bool, mode: u32) -> io::Result<()> {
        if !follow && std::fs::symlink_metadata(path)?.is_symlink() {
            return Err(io::ErrorKind::Unsupported.into());
        }
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
    }

    /// Outside wasmix (the unit tests), the usual mask.
    pub fn umask() -> u32 {
        0o022
    }

    /// Outside wasmix std sets times through a file it opens, so only what a link
    /// points to.
    pub fn set_times(
        path: &Path,
        follow: bool,
        accessed: Option<std::time::SystemTime>,
        modified: Option<std::time::SystemTime>,
    ) -> io::Result<()> {
        if !follow && std::fs::symlink_metadata(path)?.is_symlink() {
            return Err(io::ErrorKind::Unsupported.into());
        }
        let mut times = std::fs::FileTimes::new();
        if let Some(accessed) = accessed {
            times = times.set_accessed(accessed);
        }
        if let Some(modified) = modified {
            times = times.set_modified(modified);
        }
        std::fs::File::open(path)?.set_times(times)
    }

    /// Outside wasmix there is no call for it in std.
    pub fn make_fifo(_path: &Path, _mode: u32) -> io::Result<()> {
        Err(io::ErrorKind::Unsupported.into())
    }

    pub fn kind(path: &Path, follow: bool) -> io::Result<EntryKind> {
        let meta = if follow {
            std::fs::metadata(path)?
        } else {
            std::fs::symlink_metadata(path)?
        };
        Ok(EntryKind::of(&meta))
    }

    pub fn symlink(target: &Path, at: &Path) -> io::Result<()> {
        std::os::unix::fs::symlink(target, at)
    }

    pub fn list_dir(path: &Path) -> io::Result<Vec<(String, EntryKind)>> {
        Directory::open(path)?.entries()
    }

    pub struct Directory(std::path::PathBuf);

    impl Directory {
        pub fn open(path: &Path) -> io::Result<Directory> {
            if !std::fs::metadata(path)?.is_dir() {
                return Err(io::ErrorKind::NotADirectory.into());
            }
            Ok(Directory(path.to_path_buf()))
        }

        pub fn entries(&self) -> io::Result<Vec<(String, EntryKind)>> {
            let mut entries = Vec::new();
            for entry in std::fs::read_dir(&self.0)? {
                let entry = entry?;
                let kind = EntryKind::of(&entry.metadata()?);
                entries.push((entry.file_name().to_string_lossy().into_owned(), kind));
            }
            Ok(entries)
        }

        fn metadata(&self, name: &str, follow: bool) -> io::Result<std::fs::Metadata> {
            if follow {
                std::fs::metadata(self.0.join(name))
            } else {
                std::fs::symlink_metadata(self.0.join(name))
            }
        }

        pub fn stat(&self, name: &str, follow: bool) -> io::Result<EntryStat> {
            let meta = self.metadata(name, follow)?;
            Ok(EntryStat {
                size: meta.len(),
                kind: EntryKind::of(&meta),
                links: meta.nlink(),
            })
        }

        pub fn inode(&self, name: &str, follow: bool) -> io::Result<u64> {
            Ok(self.metadata(name, follow)?.ino())
        }
    }

    pub fn identity(path: &Path, follow: bool) -> io::Result<Identity> {
        let meta = if follow {
            std::fs::metadata(path)?
        } else {
            std::fs::symlink_metadata(path)?
        };
        let changed = std::time::SystemTime::UNIX_EPOCH
            + std::time::Duration::new(meta.ctime() as u64, meta.ctime_nsec() as u32);
        Ok(Identity {
            inode: meta.ino(),
            links: meta.nlink(),
            changed: Some(changed),
        })
    }
}

/// A regular file read chunk by chunk with `descriptor.read`, which hands each chunk over
/// in memory of its own (the kernel reads the file straight into it), where libc's `read`
/// (and so std's) copies the chunk once more into the caller's buffer: for a program that
/// only looks at each chunk once (`wc`, checksums), reading a large file costs one copy
/// the less.
#[cfg(target_os = "wasi")]
pub struct FileStream {
    file: wasip2::filesystem::types::Descriptor,
    offset: u64,
}

#[cfg(target_os = "wasi")]
impl FileStream {
    /// The file at `path` if it is a regular file (None otherwise, or if it cannot be
    /// opened: the caller opens it the usual way and reports what fails).
    pub fn open(path: &Path) -> Option<FileStream> {
        imp::file_stream(path)
    }

    /// Calls `f` with each chunk as the kernel hands it over, until end of file.
    pub fn each_chunk(&mut self, mut f: impl FnMut(&[u8]) -> io::Result<()>) -> io::Result<()> {
        loop {
            let (chunk, end) = self
                .file
                .read(256 * 1024, self.offset)
                .map_err(imp::error)?;
            if chunk.is_empty() && end {
                return Ok(());
            }
            self.offset += chunk.len() as u64;
            f(&chunk)?;
        }
    }

    /// The rest of the file. Asked for in one call of the size the file has, the bytes the
    /// kernel reads into the program's memory are the vector returned, copied nowhere else.
    pub fn read_to_end(mut self) -> io::Result<Vec<u8>> {
        let size = self.file.stat().map_err(imp::error)?.size;
        let mut data: Vec<u8> = Vec::new();
        loop {
            let wanted = size.saturating_sub(self.offset).max(256 * 1024);
            let (chunk, end) = self.file.read(wanted, self.offset).map_err(imp::error)?;
            if chunk.is_empty() && end {
                return Ok(data);
            }
            self.offset += chunk.len() as u64;
            if data.is_empty() {
                data = chunk;
            } else {
                data.extend_from_slice(&chunk);
            }
        }
    }
}

/// Makes a symbolic link at `at` that points to `target`.
pub fn symlink(target: &Path, at: &Path) -> io::Result<()> {
    imp::symlink(target, at)
}

/// The names in a directory (without `.` and `..`) and what each is, from the directory
/// stream alone: std's `read_dir` asks wasi for each entry's inode too, a lookup per entry.
pub fn list_dir(path: &Path) -> io::Result<Vec<(String, EntryKind)>> {
    imp::list_dir(path)
}

/// A directory held open, so that what is in it is looked up by name alone: the kernel
/// walks one name, not the whole path again (`openat` and `fstatat` in C).
pub struct Directory(imp::Directory);

impl Directory {
    pub fn open(path: &Path) -> io::Result<Directory> {
        imp::Directory::open(path).map(Directory)
    }

    /// `list_dir` of it.
    pub fn entries(&self) -> io::Result<Vec<(String, EntryKind)>> {
        self.0.entries()
    }

    /// The size, kind and link count of an entry (`follow`: of what a symlink points to).
    pub fn stat(&self, name: &str, follow: bool) -> io::Result<EntryStat> {
        self.0.stat(name, follow)
    }

    /// An entry's inode number, asked only where it matters: it is a lookup of its own.
    pub fn inode(&self, name: &str, follow: bool) -> io::Result<u64> {
        self.0.inode(name, follow)
    }
}

/// A file's identity and link count (`follow`: of what a symlink points to).
pub fn identity(path: &Path, follow: bool) -> io::Result<Identity> {
    imp::identity(path, follow)
}

/// A file's permission bits, `0o7777` (`follow`: of what a symlink points to).
pub fn mode(path: &Path, follow: bool) -> io::Result<u32> {
    imp::mode(path, follow)
}

/// Sets them; a symlink itself has none (an error unless `follow`).
pub fn set_mode(path: &Path, follow: bool, mode: u32) -> io::Result<()> {
    imp::set_mode(path, follow, mode)
}

/// Sets a file's access and modification times (`None` leaves one as it is); `follow`:
/// of what a symlink points to, else of the link itself.
pub fn set_times(
    path: &Path,
    follow: bool,
    accessed: Option<std::time::SystemTime>,
    modified: Option<std::time::SystemTime>,
) -> io::Result<()> {
    imp::set_times(path, follow, accessed, modified)
}

/// Gives `target` the mode and times of `source` (its metadata `meta`), as gzip and bzip2
/// give the file they make from another; a failure leaves them as they are.
pub fn copy_mode_and_times(source: &Path, meta: &std::fs::Metadata, target: &Path) {
    let _ = set_mode(target, true, crate::filemode::permissions(source, meta));
    let _ = set_times(target, true, meta.accessed().ok(), meta.modified().ok());
}

/// Makes a named pipe at `path` with `mode` less the umask, as mkfifo(3).
pub fn make_fifo(path: &Path, mode: u32) -> io::Result<()> {
    imp::make_fifo(path, mode)
}

/// What a file is, FIFOs told apart (`follow`: what a symlink points to).
pub fn kind(path: &Path, follow: bool) -> io::Result<EntryKind> {
    imp::kind(path, follow)
}

/// The process's umask: the bits the files and directories it creates do not get.
pub fn umask() -> u32 {
    imp::umask()
}
