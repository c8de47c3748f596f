//! The `wasi:filesystem` interfaces, implemented over the process's namespace.

use super::bindings::preopens;
use super::bindings::types::{
    self, Advice, DescriptorFlags, DescriptorStat, DescriptorType, DirectoryEntry, ErrorCode,
    Filesize, MetadataHashValue, NewTimestamp, OpenFlags, PathFlags,
};
use super::streams::{FileReader, FileWriter, WritePosition};
use super::{Descriptor, DirectoryEntries, FsFailure, FsView, error_code};
use crate::fs::namespace::absolute;
use crate::fs::{FileType, FsError, Metadata, OpenOptions};
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::time::SystemTime;
use wasmtime::component::Resource;
use wasmtime_wasi::p2::bindings::clocks::wall_clock::Datetime;
use wasmtime_wasi::p2::{DynInputStream, DynOutputStream};

type FsResult<T> = Result<T, FsFailure>;

/// The most one `read` call returns.
const MAX_READ: u64 = 1 << 20;

fn descriptor_type(file_type: FileType) -> DescriptorType {
    match file_type {
        FileType::File => DescriptorType::RegularFile,
        FileType::Directory => DescriptorType::Directory,
        FileType::Symlink => DescriptorType::SymbolicLink,
        FileType::CharDevice => DescriptorType::CharacterDevice,
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
        status_change_timestamp: datetime(meta.modified),
    }
}

fn new_time(timestamp: NewTimestamp) -> Option<SystemTime> {
    match timestamp {
        NewTimestamp::NoChange => None,
        NewTimestamp::Now => Some(SystemTime::now()),
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

    /// The absolute path that `path` names relative to directory descriptor `fd`.
    fn path_at(&self, fd: &Resource<Descriptor>, path: &str) -> FsResult<String> {
        match self.descriptor(fd)? {
            Descriptor::Directory { path: dir } => Ok(absolute(dir, path)),
            Descriptor::File { .. } => Err(FsError::NotDirectory.into()),
        }
    }

    fn file(&self, fd: &Resource<Descriptor>) -> FsResult<&Descriptor> {
        match self.descriptor(fd)? {
            Descriptor::Directory { .. } => Err(FsError::IsDirectory.into()),
            file => Ok(file),
        }
    }

    fn metadata_of(&self, fd: &Resource<Descriptor>) -> FsResult<Metadata> {
        match self.descriptor(fd)? {
            Descriptor::Directory { path } => Ok(self.namespace.stat(path, true)?),
            Descriptor::File { handle, path, .. } => {
                // By path while it still names this file, for the device number the
                // namespace adds; the handle alone once the file was renamed or removed.
                let by_handle = handle.metadata()?;
                match self.namespace.stat(path, false) {
                    Ok(meta) if meta.inode == by_handle.inode => Ok(meta),
                    _ => Ok(by_handle),
                }
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
        let err = self.table.get(&err)?;
        Ok(err.downcast_ref::<FsError>().map(error_code))
    }
}

impl types::HostDescriptor for FsView<'_> {
    fn read_via_stream(
        &mut self,
        fd: Resource<Descriptor>,
        offset: Filesize,
    ) -> FsResult<Resource<DynInputStream>> {
        let Descriptor::File { handle, read, .. } = self.file(&fd)? else {
            unreachable!("file() returns files")
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
            Descriptor::Directory { .. } => {
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
            _ => Err(FsError::BadDescriptor.into()),
        }
    }

    fn set_times(
        &mut self,
        fd: Resource<Descriptor>,
        accessed: NewTimestamp,
        modified: NewTimestamp,
    ) -> FsResult<()> {
        let path = match self.descriptor(&fd)? {
            Descriptor::Directory { path } | Descriptor::File { path, .. } => path.clone(),
        };
        Ok(self
            .namespace
            .set_times(&path, true, new_time(accessed), new_time(modified))?)
    }

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
        let end = (n as u64) < length;
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
        let path = self.path_at(&fd, ".")?;
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
        let path = self.path_at(&fd, &path)?;
        Ok(self.namespace.create_dir(&path)?)
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
        let path = self.path_at(&fd, &path)?;
        let follow = flags.contains(PathFlags::SYMLINK_FOLLOW);
        Ok(stat(&self.namespace.stat(&path, follow)?))
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
        Ok(self
            .namespace
            .set_times(&path, follow, new_time(accessed), new_time(modified))?)
    }

    fn link_at(
        &mut self,
        fd: Resource<Descriptor>,
        _: PathFlags,
        old_path: String,
        new_fd: Resource<Descriptor>,
        new_path: String,
    ) -> FsResult<()> {
        let existing = self.path_at(&fd, &old_path)?;
        let new = self.path_at(&new_fd, &new_path)?;
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
        let path = self.path_at(&fd, &path)?;
        let follow = path_flags.contains(PathFlags::SYMLINK_FOLLOW);
        let resolved = self.namespace.resolve(&path, follow)?;
        let write = flags.contains(DescriptorFlags::WRITE);
        let existing = self.namespace.stat(&resolved, false);
        let descriptor = match existing {
            Ok(meta) if meta.is_dir() => {
                if open_flags.contains(OpenFlags::CREATE | OpenFlags::EXCLUSIVE) {
                    return Err(FsError::Exists.into());
                }
                if write || open_flags.contains(OpenFlags::TRUNCATE) {
                    return Err(FsError::IsDirectory.into());
                }
                Descriptor::Directory { path: resolved }
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
                let handle = self.namespace.open(&resolved, options)?;
                Descriptor::File {
                    handle,
                    path: resolved,
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
        let path = self.path_at(&fd, &path)?;
        Ok(self.namespace.symlink(&target, &path)?)
    }

    fn unlink_file_at(&mut self, fd: Resource<Descriptor>, path: String) -> FsResult<()> {
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
        let path = self.path_at(&fd, &path)?;
        let follow = flags.contains(PathFlags::SYMLINK_FOLLOW);
        Ok(metadata_hash(&self.namespace.stat(&path, follow)?))
    }

    fn drop(&mut self, fd: Resource<Descriptor>) -> wasmtime::Result<()> {
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
        match self.push_descriptor(Descriptor::Directory { path: "/".into() }) {
            Ok(root) => Ok(vec![(root, "/".into())]),
            Err(FsFailure::Trap(trap)) => Err(trap),
            Err(FsFailure::Code(_)) => Ok(Vec::new()),
        }
    }
}
