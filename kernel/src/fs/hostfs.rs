//! A host directory, reached only through a cap-std `Dir` handle opened at mount time: no
//! path can leave it, neither by `..` nor by an absolute path nor by a symlink (the
//! namespace resolves links itself, and cap-std refuses to follow any that leave).
//! Also the persistent writable layer under `--state`.

use super::{DirEntry, FileHandle, FileServer, FileType, FsError, FsResult, Metadata, OpenOptions};
use cap_fs_ext::{DirExt, SystemTimeSpec};
use cap_std::fs::{Dir, MetadataExt, PermissionsExt};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

pub struct HostFs {
    dir: Dir,
    host_path: PathBuf,
    read_only: bool,
}

impl HostFs {
    pub fn open(host_path: &Path, read_only: bool) -> std::io::Result<HostFs> {
        let dir = Dir::open_ambient_dir(host_path, cap_std::ambient_authority())?;
        Ok(HostFs {
            dir,
            host_path: host_path.to_path_buf(),
            read_only,
        })
    }

    fn writable(&self) -> FsResult<()> {
        if self.read_only {
            Err(FsError::ReadOnly)
        } else {
            Ok(())
        }
    }

    fn at(path: &str) -> &Path {
        Path::new(if path.is_empty() { "." } else { path })
    }
}

fn convert(meta: &cap_std::fs::Metadata) -> Metadata {
    let file_type = if meta.is_dir() {
        FileType::Directory
    } else if meta.is_symlink() {
        FileType::Symlink
    } else if meta.is_file() {
        FileType::File
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
            self.dir.symlink_metadata(path)?
        };
        Ok(convert(&meta))
    }

    fn open(&self, path: &str, options: OpenOptions) -> FsResult<Arc<dyn FileHandle>> {
        if options.mutates() {
            self.writable()?;
        }
        let mut open = cap_std::fs::OpenOptions::new();
        open.read(true)
            .write(options.write || options.truncate)
            .truncate(options.truncate);
        if options.create && options.exclusive {
            open.create_new(true);
        } else if options.create {
            open.create(true);
        }
        let file = self.dir.open_with(Self::at(path), &open)?;
        if file.metadata()?.is_dir() {
            return Err(FsError::IsDirectory);
        }
        Ok(Arc::new(HostFile {
            file: file.into_std(),
        }))
    }

    fn read_dir(&self, path: &str) -> FsResult<Vec<DirEntry>> {
        let entries = if path.is_empty() {
            self.dir.entries()?
        } else {
            self.dir.read_dir(path)?
        };
        let mut listed = Vec::new();
        for entry in entries {
            let entry = entry?;
            let kind = entry.file_type()?;
            let file_type = if kind.is_dir() {
                FileType::Directory
            } else if kind.is_symlink() {
                FileType::Symlink
            } else {
                FileType::File
            };
            listed.push(DirEntry {
                name: entry.file_name().to_string_lossy().into_owned(),
                file_type,
            });
        }
        listed.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(listed)
    }

    fn readlink(&self, path: &str) -> FsResult<String> {
        let target = self.dir.read_link_contents(path)?;
        Ok(target.to_string_lossy().into_owned())
    }

    fn create_dir(&self, path: &str) -> FsResult<()> {
        self.writable()?;
        Ok(self.dir.create_dir(path)?)
    }

    fn remove_dir(&self, path: &str) -> FsResult<()> {
        self.writable()?;
        Ok(self.dir.remove_dir(path)?)
    }

    fn unlink(&self, path: &str) -> FsResult<()> {
        self.writable()?;
        if self.dir.symlink_metadata(path)?.is_dir() {
            return Err(FsError::IsDirectory);
        }
        Ok(self.dir.remove_file(path)?)
    }

    fn rename(&self, from: &str, to: &str) -> FsResult<()> {
        self.writable()?;
        Ok(self.dir.rename(from, &self.dir, to)?)
    }

    fn symlink(&self, target: &str, path: &str) -> FsResult<()> {
        self.writable()?;
        // The target is a path in the guest's namespace, stored as written; the namespace
        // resolves it there, never on the host.
        Ok(self.dir.symlink_contents(target, path)?)
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
            .set_symlink_times(Self::at(path), spec(accessed), spec(modified))?)
    }
}

struct HostFile {
    file: std::fs::File,
}

impl FileHandle for HostFile {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> FsResult<usize> {
        Ok(self.file.read_at(buf, offset)?)
    }

    fn write_at(&self, data: &[u8], offset: u64) -> FsResult<usize> {
        Ok(self.file.write_at(data, offset)?)
    }

    fn set_len(&self, len: u64) -> FsResult<()> {
        Ok(self.file.set_len(len)?)
    }

    fn metadata(&self) -> FsResult<Metadata> {
        let meta = cap_std::fs::Metadata::from_just_metadata(self.file.metadata()?);
        Ok(convert(&meta))
    }

    fn sync(&self) -> FsResult<()> {
        Ok(self.file.sync_all()?)
    }
}
