//! A host directory, reached only through a cap-std `Dir` handle opened at mount time: no
//! path can leave it, neither by `..` nor by an absolute path nor by a symlink (the
//! namespace resolves links itself, and cap-std refuses to follow any that leave).
//! Also the persistent writable layer under `--state`.
//!
//! What a guest leaves on a host mount must not harm the host user who later walks it: a
//! symbolic link whose target is absolute or climbs out of the mount is refused, as
//! `wasmtime run --dir` refuses it. Only files and directories are opened: a socket or
//! device on the host would block or reach beyond the tree, so opening one is refused, and
//! a FIFO here is a name only (the namespace opens FIFOs through `fifo.rs`).

use super::bytenames::{to_guest, to_host};
use super::{
    DirEntry, FileHandle, FileServer, FileType, FsError, FsResult, Metadata, NEW_DIR_MODE,
    NEW_FILE_MODE, OpenOptions, split_last,
};
use cap_fs_ext::{DirExt, SystemTimeSpec};
use cap_fs_ext::{FollowSymlinks, OpenOptionsFollowExt, Reopen};
use cap_std::fs::{Dir, DirBuilderExt, FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

pub struct HostFs {
    dir: Dir,
    host_path: PathBuf,
    read_only: bool,
    /// Symbolic links must point inside the tree (host mounts); wasmix's own state
    /// directory keeps whatever the guest's namespace needs (`/bin/sh -> ...`).
    confine_links: bool,
}

impl HostFs {
    /// A host directory given on the command line.
    pub fn open(host_path: &Path, read_only: bool) -> std::io::Result<HostFs> {
        let dir = Dir::open_ambient_dir(host_path, cap_std::ambient_authority())?;
        Ok(HostFs {
            dir,
            host_path: host_path.to_path_buf(),
            read_only,
            confine_links: true,
        })
    }

    /// The writable layer at `state_dir/root`, created if missing. `root` itself is
    /// never followed as a link: a guest that once reached the state directory could
    /// otherwise make the next session's layer any host directory.
    pub fn open_state_layer(state_dir: &Path) -> std::io::Result<HostFs> {
        std::fs::create_dir_all(state_dir)?;
        let state = Dir::open_ambient_dir(state_dir, cap_std::ambient_authority())?;
        match state.create_dir("root") {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
        Ok(HostFs {
            dir: state.open_dir_nofollow("root")?,
            host_path: state_dir.join("root"),
            read_only: false,
            confine_links: false,
        })
    }

    fn writable(&self) -> FsResult<()> {
        if self.read_only {
            Err(FsError::ReadOnly)
        } else {
            Ok(())
        }
    }
}

fn convert(meta: &cap_std::fs::Metadata) -> Metadata {
    let file_type = if meta.is_dir() {
        FileType::Directory
    } else if meta.is_symlink() {
        FileType::Symlink
    } else if meta.is_file() {
        FileType::File
    } else if meta.file_type().is_fifo() {
        FileType::Fifo
    } else {
        FileType::CharDevice
    };
    let time = |t: std::io::Result<cap_std::time::SystemTime>| {
        t.map(|t| t.into_std()).unwrap_or(SystemTime::UNIX_EPOCH)
    };
    Metadata {
        file_type,
        size: meta.len(),
        inode: meta.ino(),
        device: 0,
        links: meta.nlink(),
        modified: time(meta.modified()),
        accessed: time(meta.accessed()),
        changed: SystemTime::UNIX_EPOCH
            + std::time::Duration::new(
                u64::try_from(meta.ctime()).unwrap_or(0),
                u32::try_from(meta.ctime_nsec()).unwrap_or(0),
            ),
        mode: meta.permissions().mode() & 0o7777,
    }
}

impl FileServer for HostFs {
    fn describe(&self) -> String {
        let mode = if self.read_only { " (read-only)" } else { "" };
        format!("host:{}{mode}", self.host_path.display())
    }

    fn lstat(&self, path: &str) -> FsResult<Metadata> {
        let meta = if path.is_empty() {
            self.dir.dir_metadata()?
        } else {
            self.dir.symlink_metadata(to_host(path))?
        };
        Ok(convert(&meta))
    }

    fn open(&self, path: &str, options: OpenOptions) -> FsResult<Arc<dyn FileHandle>> {
        if options.mutates() {
            self.writable()?;
        }
        let mut open = cap_std::fs::OpenOptions::new();
        // Never wait in open: a FIFO with no writer would hold the kernel's thread. The
        // host needs write access to create; the descriptor keeps what was asked for.
        // A new file gets the mode every server gives one, not the host's 0o666 less its
        // umask: the guest's umask is what counts (the host's may take more).
        open.read(true)
            .write(options.write || options.truncate || options.create)
            .custom_flags(libc::O_NONBLOCK)
            .mode(NEW_FILE_MODE)
            .follow(FollowSymlinks::No);
        if options.create && options.exclusive {
            open.create_new(true);
        } else if options.create {
            open.create(true);
        }
        let file = self.dir.open_with(to_host(path), &open)?;
        let kind = file.metadata()?.file_type();
        if kind.is_dir() {
            return Err(FsError::IsDirectory);
        }
        if !kind.is_file() {
            // FIFOs, sockets and devices of the host are not files of this tree.
            return Err(FsError::Unsupported);
        }
        // Truncation after the type check, so opening a device never truncates it.
        if options.truncate {
            file.set_len(0)?;
        }
        Ok(Arc::new(HostFile {
            file: file.into_std(),
            appender: std::sync::OnceLock::new(),
            read_only: self.read_only,
        }))
    }

    fn read_dir(&self, path: &str) -> FsResult<Vec<DirEntry>> {
        let entries = if path.is_empty() {
            self.dir.entries()?
        } else {
            self.dir.read_dir(to_host(path))?
        };
        let mut listed = Vec::new();
        for entry in entries {
            let entry = entry?;
            let kind = entry.file_type()?;
            let file_type = if kind.is_dir() {
                FileType::Directory
            } else if kind.is_symlink() {
                FileType::Symlink
            } else if kind.is_fifo() {
                FileType::Fifo
            } else {
                FileType::File
            };
            listed.push(DirEntry {
                name: to_guest(&entry.file_name()),
                file_type,
            });
        }
        Ok(listed)
    }

    fn readlink(&self, path: &str) -> FsResult<String> {
        let target = self.dir.read_link_contents(to_host(path))?;
        Ok(to_guest(target.as_os_str()))
    }

    fn create_dir(&self, path: &str) -> FsResult<()> {
        self.writable()?;
        // The mode every server gives a new directory (the host's umask may take more).
        let mut builder = cap_std::fs::DirBuilder::new();
        builder.mode(NEW_DIR_MODE);
        Ok(self.dir.create_dir_with(to_host(path), &builder)?)
    }

    /// A FIFO on the host, made through a handle on its parent directory, so that only
    /// its last name is looked up by the call (and never followed).
    fn make_fifo(&self, path: &str) -> FsResult<()> {
        self.writable()?;
        let (parent, name) = split_last(path);
        let parent = if parent.is_empty() {
            self.dir.try_clone()?
        } else {
            self.dir.open_dir(to_host(parent))?
        };
        let mode = rustix::fs::Mode::from_raw_mode(NEW_FILE_MODE);
        rustix::fs::mknodat(&parent, to_host(name), rustix::fs::FileType::Fifo, mode, 0)
            .map_err(std::io::Error::from)?;
        // The mode every server gives a new file, whatever the host's umask took.
        let permissions = cap_std::fs::Permissions::from_mode(NEW_FILE_MODE);
        Ok(parent.set_permissions(to_host(name), permissions)?)
    }

    fn remove_dir(&self, path: &str) -> FsResult<()> {
        self.writable()?;
        Ok(self.dir.remove_dir(to_host(path))?)
    }

    fn unlink(&self, path: &str) -> FsResult<()> {
        self.writable()?;
        if self.dir.symlink_metadata(to_host(path))?.is_dir() {
            return Err(FsError::IsDirectory);
        }
        Ok(self.dir.remove_file(to_host(path))?)
    }

    fn rename(&self, from: &str, to: &str) -> FsResult<()> {
        self.writable()?;
        Ok(self.dir.rename(to_host(from), &self.dir, to_host(to))?)
    }

    fn symlink(&self, target: &str, path: &str) -> FsResult<()> {
        self.writable()?;
        if self.confine_links && !stays_inside(target, path) {
            return Err(FsError::NotPermitted);
        }
        // The target is stored as written; the namespace resolves it inside the guest's
        // namespace, never on the host.
        Ok(self.dir.symlink_contents(to_host(target), to_host(path))?)
    }

    fn link(&self, existing: &str, new: &str) -> FsResult<()> {
        self.writable()?;
        Ok(self
            .dir
            .hard_link(to_host(existing), &self.dir, to_host(new))?)
    }

    fn set_times(
        &self,
        path: &str,
        accessed: Option<SystemTime>,
        modified: Option<SystemTime>,
    ) -> FsResult<()> {
        self.writable()?;
        let spec = |t: Option<SystemTime>| {
            t.map(|t| SystemTimeSpec::Absolute(cap_std::time::SystemTime::from_std(t)))
        };
        Ok(self
            .dir
            .set_symlink_times(to_host(path), spec(accessed), spec(modified))?)
    }

    /// Sets the host file's own mode, so a script made executable inside is executable
    /// outside too. Only the permission bits: a guest never makes a host file set-user-ID,
    /// set-group-ID or sticky. The directory the host granted (or wasmix's state layer)
    /// keeps its mode, as a mount point is the kernel's, not the guest's.
    fn set_mode(&self, path: &str, mode: u32) -> FsResult<()> {
        self.writable()?;
        if path.is_empty() {
            return Err(FsError::NotPermitted);
        }
        let permissions = cap_std::fs::Permissions::from_mode(mode & 0o777);
        Ok(self.dir.set_permissions(to_host(path), permissions)?)
    }
}

/// Whether a link at `path` (relative to the tree's root) pointing at `target` stays
/// within the tree: a relative target whose `..`s never climb above the root.
fn stays_inside(target: &str, path: &str) -> bool {
    if target.starts_with('/') {
        return false;
    }
    let mut depth = path.split('/').filter(|n| !n.is_empty()).count() as isize - 1;
    for name in target.split('/') {
        match name {
            "" | "." => {}
            ".." => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => depth += 1,
        }
    }
    true
}

struct HostFile {
    file: std::fs::File,
    /// The same file opened with the host's own O_APPEND, made on the first append, so
    /// that appends from every process and every wasmix on the host land whole.
    appender: std::sync::OnceLock<std::fs::File>,
    /// On a read-only mount: even a handle cannot change the file's times.
    read_only: bool,
}

impl FileHandle for HostFile {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> FsResult<usize> {
        Ok(self.file.read_at(buf, offset)?)
    }

    /// Read into the buffer's spare capacity: nothing to zero first.
    fn read_vec(&self, max: usize, offset: u64) -> FsResult<Vec<u8>> {
        let mut buffer = Vec::with_capacity(max);
        rustix::io::pread(
            &self.file,
            rustix::buffer::spare_capacity(&mut buffer),
            offset,
        )
        .map_err(std::io::Error::from)?;
        Ok(buffer)
    }

    fn write_at(&self, data: &[u8], offset: u64) -> FsResult<usize> {
        Ok(self.file.write_at(data, offset)?)
    }

    fn append(&self, data: &[u8]) -> FsResult<usize> {
        let appender = match self.appender.get() {
            Some(appender) => appender,
            None => {
                let mut options = cap_std::fs::OpenOptions::new();
                options.append(true);
                let reopened = self.file.reopen(&options)?;
                self.appender.get_or_init(|| reopened)
            }
        };
        let mut writer = appender;
        std::io::Write::write_all(&mut writer, data)?;
        Ok(data.len())
    }

    fn set_len(&self, len: u64) -> FsResult<()> {
        Ok(self.file.set_len(len)?)
    }

    fn metadata(&self) -> FsResult<Metadata> {
        let meta = cap_std::fs::Metadata::from_just_metadata(self.file.metadata()?);
        Ok(convert(&meta))
    }

    fn set_times(
        &self,
        accessed: Option<SystemTime>,
        modified: Option<SystemTime>,
    ) -> FsResult<()> {
        if self.read_only {
            return Err(FsError::ReadOnly);
        }
        let mut times = std::fs::FileTimes::new();
        if let Some(accessed) = accessed {
            times = times.set_accessed(accessed);
        }
        if let Some(modified) = modified {
            times = times.set_modified(modified);
        }
        Ok(self.file.set_times(times)?)
    }

    fn sync(&self) -> FsResult<()> {
        Ok(self.file.sync_all()?)
    }
}
