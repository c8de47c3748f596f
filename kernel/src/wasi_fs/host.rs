//! The `wasi:filesystem` interfaces, implemented over the process's namespace.

use super::bindings::preopens;
use super::bindings::types::{
    self, Advice, DescriptorFlags, DescriptorStat, DescriptorType, DirectoryEntry, ErrorCode,
    Filesize, MetadataHashValue, NewTimestamp, OpenFlags, PathFlags,
};
use super::streams::{FileReader, FileWriter, WritePosition};
use super::{Descriptor, DirectoryEntries, FsFailure, FsView, error_code};
use crate::fs::namespace::absolute;
use crate::fs::sizelimit::limit_file_size;
use crate::fs::{FileType, FsError, Metadata, OpenOptions};
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::time::SystemTime;
use wasmtime::component::Resource;
use wasmtime_wasi::p2::bindings::clocks::wall_clock::Datetime;
use wasmtime_wasi::p2::{DynInputStream, DynOutputStream};

type FsResult<T> = Result<T, FsFailure>;

/// The flags that ask for each write to reach the disk (O_SYNC, O_DSYNC, O_RSYNC), which
/// wasmtime refuses at open as unsupported.
fn sync_flags() -> DescriptorFlags {
    DescriptorFlags::FILE_INTEGRITY_SYNC
        | DescriptorFlags::DATA_INTEGRITY_SYNC
        | DescriptorFlags::REQUESTED_WRITE_SYNC
}

/// The most one `read` call returns.
pub(super) const MAX_READ: u64 = 1 << 20;

fn descriptor_type(file_type: FileType) -> DescriptorType {
    match file_type {
        FileType::File => DescriptorType::RegularFile,
        FileType::Directory => DescriptorType::Directory,
        FileType::Symlink => DescriptorType::SymbolicLink,
        FileType::CharDevice => DescriptorType::CharacterDevice,
        FileType::Fifo => DescriptorType::Fifo,
    }
}

fn datetime(time: SystemTime) -> Option<Datetime> {
    let since = time.duration_since(SystemTime::UNIX_EPOCH).ok()?;
    Some(Datetime {
        seconds: since.as_secs(),
        nanoseconds: since.subsec_nanos(),
    })
}

fn stat(meta: &Metadata) -> DescriptorStat {
    DescriptorStat {
        type_: descriptor_type(meta.file_type),
        link_count: meta.links,
        size: meta.size,
        data_access_timestamp: datetime(meta.accessed),
        data_modification_timestamp: datetime(meta.modified),
        status_change_timestamp: datetime(meta.changed),
    }
}

/// A new time; `now` is read once for both times of a call (`touch` leaves them equal).
fn new_time(timestamp: NewTimestamp, now: SystemTime) -> Option<SystemTime> {
    match timestamp {
        NewTimestamp::NoChange => None,
        NewTimestamp::Now => Some(now),
        NewTimestamp::Timestamp(t) => Some(
            SystemTime::UNIX_EPOCH
                + std::time::Duration::new(t.seconds, t.nanoseconds.min(999_999_999)),
        ),
    }
}

fn metadata_hash(meta: &Metadata) -> MetadataHashValue {
    let mut lower = std::collections::hash_map::DefaultHasher::new();
    (meta.device, meta.inode).hash(&mut lower);
    let mut upper = std::collections::hash_map::DefaultHasher::new();
    (meta.inode, meta.device, "wasmix").hash(&mut upper);
    MetadataHashValue {
        lower: lower.finish(),
        upper: upper.finish(),
    }
}

impl FsView<'_> {
    fn descriptor(&self, fd: &Resource<Descriptor>) -> FsResult<&Descriptor> {
        Ok(self.table.get(fd)?)
    }

    /// The absolute path that `path` names relative to directory descriptor `fd`, which
    /// it may not leave, as under wasmtime: an absolute path or a `..` above the
    /// descriptor is refused. Above the namespace's own root there is nothing, so there
    /// `..` stays at `/`, as on Linux. A trailing slash asks for a directory.
    pub(super) fn path_at(&self, fd: &Resource<Descriptor>, path: &str) -> FsResult<String> {
        let dir = match self.descriptor(fd)? {
            Descriptor::Directory { path: dir, .. } => dir,
            Descriptor::File { .. } => return Err(FsError::NotDirectory.into()),
        };
        if path.is_empty() {
            return Err(FsError::NotFound.into());
        }
        if path.starts_with('/') {
            return Err(FsError::NotPermitted.into());
        }
        if dir != "/" || self.namespace.root_confines() {
            // Names before a `..` must exist, as in a real lookup: `x/../..` is ENOENT
            // when there is no `x`, not EPERM.
            let mut walked = Vec::new();
            for name in path.split('/') {
                match name {
                    "" | "." => {}
                    ".." => {
                        if walked.is_empty() {
                            return Err(FsError::NotPermitted.into());
                        }
                        let left = absolute(dir, &walked.join("/"));
                        if !self.namespace.stat(&left, true)?.is_dir() {
                            return Err(FsError::NotDirectory.into());
                        }
                        walked.pop();
                    }
                    _ => walked.push(name),
                }
            }
        }
        let full = absolute(dir, path);
        if path.ends_with('/')
            && let Ok(meta) = self.namespace.stat(&full, true)
            && !meta.is_dir()
        {
            return Err(FsError::NotDirectory.into());
        }
        Ok(full)
    }

    /// `path_at`, with how much of the path is the descriptor's directory: the walk can
    /// start there (`Namespace::lookup_below`).
    fn path_below(&self, fd: &Resource<Descriptor>, path: &str) -> FsResult<(String, usize)> {
        let full = self.path_at(fd, path)?;
        let dir_len = match self.descriptor(fd)? {
            Descriptor::Directory { path: dir, .. } => dir.trim_end_matches('/').len(),
            Descriptor::File { .. } => 0,
        };
        Ok((full, dir_len))
    }

    /// What `path` names below directory descriptor `fd`.
    fn stat_below(
        &self,
        fd: &Resource<Descriptor>,
        path: &str,
        follow: bool,
    ) -> FsResult<Metadata> {
        let (full, dir_len) = self.path_below(fd, path)?;
        Ok(self.namespace.lookup_below(&full, dir_len, follow)?.1?)
    }

    /// An open file; a directory is a bad descriptor for file calls, as under wasmtime.
    pub(super) fn file(&self, fd: &Resource<Descriptor>) -> FsResult<&Descriptor> {
        match self.descriptor(fd)? {
            Descriptor::Directory { .. } => Err(FsError::BadDescriptor.into()),
            file => Ok(file),
        }
    }

    fn metadata_of(&self, fd: &Resource<Descriptor>) -> FsResult<Metadata> {
        match self.descriptor(fd)? {
            Descriptor::Directory { path, .. } => Ok(self.namespace.stat(path, true)?),
            Descriptor::File { handle, device, .. } => {
                let mut meta = handle.metadata()?;
                meta.device = *device;
                Ok(meta)
            }
        }
    }
}

impl FsView<'_> {
    /// A new descriptor, within the process's limit on open files.
    fn push_descriptor(&mut self, descriptor: Descriptor) -> FsResult<Resource<Descriptor>> {
        if self.open_files.count >= self.open_files.limit {
            return Err(FsError::TooManyOpenFiles.into());
        }
        let resource = self.table.push(descriptor)?;
        self.open_files.count += 1;
        Ok(resource)
    }
}

impl types::Host for FsView<'_> {
    fn convert_error_code(&mut self, failure: FsFailure) -> wasmtime::Result<ErrorCode> {
        match failure {
            FsFailure::Code(code) => Ok(code),
            FsFailure::Trap(trap) => Err(trap),
        }
    }

    fn filesystem_error_code(
        &mut self,
        err: Resource<wasmtime::Error>,
    ) -> wasmtime::Result<Option<ErrorCode>> {
        // The kernel's own errors, and the host's (a host stdin that is a directory).
        let err = self.table.get(&err)?;
        if let Some(fs) = err.downcast_ref::<FsError>() {
            return Ok(Some(error_code(fs)));
        }
        let os_error = err
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::raw_os_error);
        Ok(os_error.map(|code| error_code(&std::io::Error::from_raw_os_error(code).into())))
    }
}

impl types::HostDescriptor for FsView<'_> {
    fn read_via_stream(
        &mut self,
        fd: Resource<Descriptor>,
        offset: Filesize,
    ) -> FsResult<Resource<DynInputStream>> {
        // Reading a directory as a stream is EISDIR (what `cat dir` reports), as wasmtime.
        let Descriptor::File { handle, read, .. } = self.descriptor(&fd)? else {
            return Err(FsError::IsDirectory.into());
        };
        if !read {
            return Err(FsError::BadDescriptor.into());
        }
        if let Some(stream) = handle.input_stream() {
            return Ok(self.table.push(stream)?);
        }
        let stream: DynInputStream = Box::new(FileReader {
            handle: handle.clone(),
            offset: Arc::new(AtomicU64::new(offset)),
        });
        Ok(self.table.push(stream)?)
    }

    fn write_via_stream(
        &mut self,
        fd: Resource<Descriptor>,
        offset: Filesize,
    ) -> FsResult<Resource<DynOutputStream>> {
        self.writer(fd, WritePosition::At(offset))
    }

    fn append_via_stream(
        &mut self,
        fd: Resource<Descriptor>,
    ) -> FsResult<Resource<DynOutputStream>> {
        self.writer(fd, WritePosition::Append)
    }

    fn advise(
        &mut self,
        _: Resource<Descriptor>,
        _: Filesize,
        _: Filesize,
        _: Advice,
    ) -> FsResult<()> {
        Ok(())
    }

    fn sync_data(&mut self, fd: Resource<Descriptor>) -> FsResult<()> {
        self.sync(fd)
    }

    fn get_flags(&mut self, fd: Resource<Descriptor>) -> FsResult<DescriptorFlags> {
        Ok(match self.descriptor(&fd)? {
            Descriptor::Directory { mutate: false, .. } => DescriptorFlags::READ,
            Descriptor::Directory { mutate: true, .. } => {
                DescriptorFlags::READ | DescriptorFlags::MUTATE_DIRECTORY
            }
            Descriptor::File { read, write, .. } => {
                let mut flags = DescriptorFlags::empty();
                if *read {
                    flags |= DescriptorFlags::READ;
                }
                if *write {
                    flags |= DescriptorFlags::WRITE;
                }
                flags
            }
        })
    }

    fn get_type(&mut self, fd: Resource<Descriptor>) -> FsResult<DescriptorType> {
        Ok(descriptor_type(self.metadata_of(&fd)?.file_type))
    }

    fn set_size(&mut self, fd: Resource<Descriptor>, size: Filesize) -> FsResult<()> {
        match self.file(&fd)? {
            Descriptor::File {
                handle,
                write: true,
                ..
            } => Ok(handle.set_len(size)?),
            // As wasmtime: a file open for reading only cannot change its size.
            _ => Err(FsError::Invalid.into()),
        }
    }

    fn set_times(
        &mut self,
        fd: Resource<Descriptor>,
        accessed: NewTimestamp,
        modified: NewTimestamp,
    ) -> FsResult<()> {
        let now = SystemTime::now();
        let (accessed, modified) = (new_time(accessed, now), new_time(modified, now));
        let path = match self.descriptor(&fd)? {
            // The open file itself, whatever it is called now (it may have been renamed);
            // by the name it was opened with where its server cannot (a FIFO).
            Descriptor::File { handle, path, .. } => match handle.set_times(accessed, modified) {
                Err(FsError::Unsupported) => path.clone(),
                done => return Ok(done?),
            },
            Descriptor::Directory { path, .. } => path.clone(),
        };
        Ok(self.namespace.set_times(&path, true, accessed, modified)?)
    }

    /// The generated bindings' `read`, which the trait asks for; the linker serves
    /// `direct_read.rs`'s in its place, which reads into the program's memory.
    fn read(
        &mut self,
        fd: Resource<Descriptor>,
        length: Filesize,
        offset: Filesize,
    ) -> FsResult<(Vec<u8>, bool)> {
        let Descriptor::File {
            handle, read: true, ..
        } = self.file(&fd)?
        else {
            return Err(FsError::BadDescriptor.into());
        };
        let mut buffer = vec![0; length.min(MAX_READ) as usize];
        let n = handle.read_at(&mut buffer, offset)?;
        buffer.truncate(n);
        // At the end only when nothing more could be read, as wasmtime reports it.
        let end = n == 0;
        Ok((buffer, end))
    }

    fn write(
        &mut self,
        fd: Resource<Descriptor>,
        buffer: Vec<u8>,
        offset: Filesize,
    ) -> FsResult<Filesize> {
        let Descriptor::File {
            handle,
            write: true,
            ..
        } = self.file(&fd)?
        else {
            return Err(FsError::BadDescriptor.into());
        };
        Ok(handle.write_at(&buffer, offset)? as Filesize)
    }

    fn read_directory(&mut self, fd: Resource<Descriptor>) -> FsResult<Resource<DirectoryEntries>> {
        // The directory itself: listing an open directory needs no search of it.
        let path = match self.descriptor(&fd)? {
            Descriptor::Directory { path, .. } => path.clone(),
            Descriptor::File { .. } => return Err(FsError::NotDirectory.into()),
        };
        let entries = self.namespace.read_dir(&path)?;
        Ok(self.table.push(DirectoryEntries(entries.into_iter()))?)
    }

    fn sync(&mut self, fd: Resource<Descriptor>) -> FsResult<()> {
        match self.descriptor(&fd)? {
            Descriptor::File { handle, .. } => Ok(handle.sync()?),
            Descriptor::Directory { .. } => Ok(()),
        }
    }

    fn create_directory_at(&mut self, fd: Resource<Descriptor>, path: String) -> FsResult<()> {
        self.last_stat.forget();
        let path = self.path_at(&fd, &path)?;
        self.namespace.create_dir(&path)?;
        Ok(self.namespace.apply_umask(&path, true, self.umask)?)
    }

    fn stat(&mut self, fd: Resource<Descriptor>) -> FsResult<DescriptorStat> {
        Ok(stat(&self.metadata_of(&fd)?))
    }

    fn stat_at(
        &mut self,
        fd: Resource<Descriptor>,
        flags: PathFlags,
        path: String,
    ) -> FsResult<DescriptorStat> {
        let follow = flags.contains(PathFlags::SYMLINK_FOLLOW);
        let meta = self.stat_below(&fd, &path, follow)?;
        self.last_stat.remember(fd.rep(), path, follow, &meta);
        Ok(stat(&meta))
    }

    fn set_times_at(
        &mut self,
        fd: Resource<Descriptor>,
        flags: PathFlags,
        path: String,
        accessed: NewTimestamp,
        modified: NewTimestamp,
    ) -> FsResult<()> {
        let path = self.path_at(&fd, &path)?;
        let follow = flags.contains(PathFlags::SYMLINK_FOLLOW);
        let now = SystemTime::now();
        let (accessed, modified) = (new_time(accessed, now), new_time(modified, now));
        Ok(self
            .namespace
            .set_times(&path, follow, accessed, modified)?)
    }

    fn link_at(
        &mut self,
        fd: Resource<Descriptor>,
        old_flags: PathFlags,
        old_path: String,
        new_fd: Resource<Descriptor>,
        new_path: String,
    ) -> FsResult<()> {
        self.last_stat.forget();
        // As wasmtime: a hard link names the link itself, never what it points to.
        if old_flags.contains(PathFlags::SYMLINK_FOLLOW) {
            return Err(FsError::Invalid.into());
        }
        let existing = self.path_at(&fd, &old_path)?;
        let new = self.path_at(&new_fd, &new_path)?;
        if new_path.ends_with('/') {
            // A file's second name cannot end in a slash.
            return Err(match self.namespace.stat(&new, false) {
                Ok(_) => FsError::Exists,
                Err(_) => FsError::NotFound,
            }
            .into());
        }
        Ok(self.namespace.link(&existing, &new)?)
    }

    fn open_at(
        &mut self,
        fd: Resource<Descriptor>,
        path_flags: PathFlags,
        path: String,
        open_flags: OpenFlags,
        flags: DescriptorFlags,
    ) -> FsResult<Resource<Descriptor>> {
        self.last_stat.forget();
        let (path, dir_len) = self.path_below(&fd, &path)?;
        if flags.intersects(sync_flags()) {
            return Err(FsError::Unsupported.into());
        }
        let follow = path_flags.contains(PathFlags::SYMLINK_FOLLOW);
        let (resolved, existing) = self.namespace.lookup_below(&path, dir_len, follow)?;
        let write = flags.contains(DescriptorFlags::WRITE);
        let descriptor = match existing {
            Ok(meta) if meta.is_dir() => {
                if open_flags.contains(OpenFlags::CREATE | OpenFlags::EXCLUSIVE) {
                    return Err(FsError::Exists.into());
                }
                if write || open_flags.contains(OpenFlags::TRUNCATE) {
                    return Err(FsError::IsDirectory.into());
                }
                Descriptor::Directory {
                    path: resolved,
                    mutate: flags.contains(DescriptorFlags::MUTATE_DIRECTORY),
                }
            }
            Ok(meta) if meta.file_type == FileType::Symlink => {
                return Err(FsError::Loop.into());
            }
            _ if open_flags.contains(OpenFlags::DIRECTORY) => {
                existing?;
                return Err(FsError::NotDirectory.into());
            }
            _ => {
                let options = OpenOptions {
                    read: flags.contains(DescriptorFlags::READ),
                    write,
                    create: open_flags.contains(OpenFlags::CREATE),
                    exclusive: open_flags.contains(OpenFlags::EXCLUSIVE),
                    truncate: open_flags.contains(OpenFlags::TRUNCATE),
                };
                let (mut handle, device) = self.namespace.open_resolved(&resolved, options)?;
                if let Some(fd) = standard_stream(&resolved) {
                    handle = self.stdio.standard_file(fd)?;
                }
                let handle = limit_file_size(handle, self.file_size);
                if options.create && existing.is_err() {
                    self.namespace.apply_umask(&resolved, false, self.umask)?;
                }
                Descriptor::File {
                    handle,
                    path: resolved,
                    device,
                    read: flags.contains(DescriptorFlags::READ),
                    write,
                }
            }
        };
        self.push_descriptor(descriptor)
    }

    fn readlink_at(&mut self, fd: Resource<Descriptor>, path: String) -> FsResult<String> {
        let path = self.path_at(&fd, &path)?;
        Ok(self.namespace.readlink(&path)?)
    }

    fn remove_directory_at(&mut self, fd: Resource<Descriptor>, path: String) -> FsResult<()> {
        self.last_stat.forget();
        let path = self.path_at(&fd, &path)?;
        Ok(self.namespace.remove_dir(&path)?)
    }

    fn rename_at(
        &mut self,
        fd: Resource<Descriptor>,
        old_path: String,
        new_fd: Resource<Descriptor>,
        new_path: String,
    ) -> FsResult<()> {
        self.last_stat.forget();
        let from = self.path_at(&fd, &old_path)?;
        let to = self.path_at(&new_fd, &new_path)?;
        Ok(self.namespace.rename(&from, &to)?)
    }

    fn symlink_at(
        &mut self,
        fd: Resource<Descriptor>,
        target: String,
        path: String,
    ) -> FsResult<()> {
        self.last_stat.forget();
        let slash = path.ends_with('/');
        let path = self.path_at(&fd, &path)?;
        if slash && self.namespace.stat(&path, false).is_err() {
            // A link is never a directory: `ln -s x new/` has nothing to name.
            return Err(FsError::NotFound.into());
        }
        Ok(self.namespace.symlink(&target, &path)?)
    }

    fn unlink_file_at(&mut self, fd: Resource<Descriptor>, path: String) -> FsResult<()> {
        self.last_stat.forget();
        let path = self.path_at(&fd, &path)?;
        Ok(self.namespace.unlink(&path)?)
    }

    fn is_same_object(
        &mut self,
        fd: Resource<Descriptor>,
        other: Resource<Descriptor>,
    ) -> wasmtime::Result<bool> {
        let same = match (self.metadata_of(&fd), self.metadata_of(&other)) {
            (Ok(a), Ok(b)) => a.device == b.device && a.inode == b.inode,
            _ => false,
        };
        Ok(same)
    }

    fn metadata_hash(&mut self, fd: Resource<Descriptor>) -> FsResult<MetadataHashValue> {
        Ok(metadata_hash(&self.metadata_of(&fd)?))
    }

    fn metadata_hash_at(
        &mut self,
        fd: Resource<Descriptor>,
        flags: PathFlags,
        path: String,
    ) -> FsResult<MetadataHashValue> {
        let follow = flags.contains(PathFlags::SYMLINK_FOLLOW);
        if let Some(meta) = self.last_stat.take(fd.rep(), &path, follow) {
            return Ok(metadata_hash(&meta));
        }
        Ok(metadata_hash(&self.stat_below(&fd, &path, follow)?))
    }

    fn drop(&mut self, fd: Resource<Descriptor>) -> wasmtime::Result<()> {
        self.last_stat.forget();
        self.table.delete(fd)?;
        self.open_files.count = self.open_files.count.saturating_sub(1);
        Ok(())
    }
}

impl FsView<'_> {
    fn writer(
        &mut self,
        fd: Resource<Descriptor>,
        position: WritePosition,
    ) -> FsResult<Resource<DynOutputStream>> {
        let Descriptor::File {
            handle,
            write: true,
            ..
        } = self.file(&fd)?
        else {
            return Err(FsError::BadDescriptor.into());
        };
        if let Some(writer) = handle.pipe_writer() {
            return Ok(self.table.push(writer.into_stream())?);
        }
        let stream: DynOutputStream = Box::new(FileWriter {
            handle: handle.clone(),
            position,
        });
        Ok(self.table.push(stream)?)
    }
}

impl types::HostDirectoryEntryStream for FsView<'_> {
    fn read_directory_entry(
        &mut self,
        entries: Resource<DirectoryEntries>,
    ) -> FsResult<Option<DirectoryEntry>> {
        let entries = self.table.get_mut(&entries)?;
        Ok(entries.0.next().map(|entry| DirectoryEntry {
            type_: descriptor_type(entry.file_type),
            name: entry.name,
        }))
    }

    fn drop(&mut self, entries: Resource<DirectoryEntries>) -> wasmtime::Result<()> {
        self.table.delete(entries)?;
        Ok(())
    }
}

impl preopens::Host for FsView<'_> {
    fn get_directories(&mut self) -> wasmtime::Result<Vec<(Resource<Descriptor>, String)>> {
        let mut given = Vec::new();
        for (name, path) in self.namespace.preopens().to_vec() {
            // Resolved, as every directory descriptor's path is: walks start below it.
            let path = self.namespace.resolve(&path, true).unwrap_or(path);
            let preopen = Descriptor::Directory { path, mutate: true };
            match self.push_descriptor(preopen) {
                Ok(descriptor) => given.push((descriptor, name)),
                Err(FsFailure::Trap(trap)) => return Err(trap),
                Err(FsFailure::Code(_)) => break,
            }
        }
        Ok(given)
    }
}

/// The standard stream a path of `/dev` names, when it names one.
fn standard_stream(path: &str) -> Option<u32> {
    match path {
        "/dev/stdin" => Some(0),
        "/dev/stdout" => Some(1),
        "/dev/stderr" => Some(2),
        _ => None,
    }
}
