//! Opening, stating and listing for preview 1, and the conversions between preview 1's
//! numbers and flags and WASI 0.2's types.

use super::bindings::types::{self, Errno};
use super::fds::{Fd, borrow};
use crate::proc::ProcessCtx;
use crate::wasi_fs::bindings::types::{
    DescriptorFlags, DescriptorStat, DescriptorType, HostDescriptor, HostDirectoryEntryStream,
    MetadataHashValue, NewTimestamp, OpenFlags, PathFlags,
};
use crate::wasi_fs::{Descriptor, WasiFsView};
use wasmtime::component::Resource;
use wasmtime_wasi::p2::bindings::clocks::wall_clock::Datetime;
use wiggle::{GuestMemory, GuestPtr, GuestType};

type Result<T> = std::result::Result<T, types::Error>;

pub fn filetype(kind: DescriptorType) -> types::Filetype {
    match kind {
        DescriptorType::RegularFile => types::Filetype::RegularFile,
        DescriptorType::Directory => types::Filetype::Directory,
        DescriptorType::BlockDevice => types::Filetype::BlockDevice,
        DescriptorType::CharacterDevice => types::Filetype::CharacterDevice,
        DescriptorType::SymbolicLink => types::Filetype::SymbolicLink,
        // Preview 1 has no FIFO type; the kernel serves no sockets by path.
        DescriptorType::Fifo | DescriptorType::Socket | DescriptorType::Unknown => {
            types::Filetype::Unknown
        }
    }
}

/// A time as preview 1's nanoseconds since the epoch; none is 0, as wasmtime reports it.
pub fn nanoseconds(time: Option<Datetime>) -> Result<types::Timestamp> {
    let time = time.unwrap_or(Datetime {
        seconds: 0,
        nanoseconds: 0,
    });
    time.seconds
        .checked_mul(1_000_000_000)
        .and_then(|ns| ns.checked_add(u64::from(time.nanoseconds)))
        .ok_or_else(|| Errno::Overflow.into())
}

/// A file's attributes as preview 1 reports them: the device is always 1 and the inode
/// is the lower half of the metadata hash, as under wasmtime.
pub fn filestat(stat: DescriptorStat, hash: MetadataHashValue) -> Result<types::Filestat> {
    Ok(types::Filestat {
        dev: 1,
        ino: hash.lower,
        filetype: filetype(stat.type_),
        nlink: stat.link_count,
        size: stat.size,
        atim: nanoseconds(stat.data_access_timestamp)?,
        mtim: nanoseconds(stat.data_modification_timestamp)?,
        ctim: nanoseconds(stat.status_change_timestamp)?,
    })
}

pub fn path_flags(flags: types::Lookupflags) -> PathFlags {
    if flags.contains(types::Lookupflags::SYMLINK_FOLLOW) {
        PathFlags::SYMLINK_FOLLOW
    } else {
        PathFlags::empty()
    }
}

fn one_time(set: bool, now: bool, time: types::Timestamp) -> Result<NewTimestamp> {
    Ok(match (set, now) {
        (true, true) => return Err(Errno::Inval.into()),
        (true, false) => NewTimestamp::Timestamp(Datetime {
            seconds: time / 1_000_000_000,
            nanoseconds: (time % 1_000_000_000) as u32,
        }),
        (false, true) => NewTimestamp::Now,
        (false, false) => NewTimestamp::NoChange,
    })
}

/// The access and modification times `flags` ask for; a time both given and `now` is
/// EINVAL.
pub fn new_timestamp(
    atim: types::Timestamp,
    mtim: types::Timestamp,
    flags: types::Fstflags,
) -> Result<(NewTimestamp, NewTimestamp)> {
    Ok((
        one_time(
            flags.contains(types::Fstflags::ATIM),
            flags.contains(types::Fstflags::ATIM_NOW),
            atim,
        )?,
        one_time(
            flags.contains(types::Fstflags::MTIM),
            flags.contains(types::Fstflags::MTIM_NOW),
            mtim,
        )?,
    ))
}

impl ProcessCtx {
    pub(super) fn open(
        &mut self,
        directory: Resource<Descriptor>,
        dirflags: types::Lookupflags,
        path: String,
        oflags: types::Oflags,
        rights: types::Rights,
        fdflags: types::Fdflags,
    ) -> Result<Fd> {
        let mut flags = DescriptorFlags::empty();
        for (right, flag) in [
            (types::Rights::FD_READ, DescriptorFlags::READ),
            (types::Rights::FD_WRITE, DescriptorFlags::WRITE),
        ] {
            if rights.contains(right) {
                flags |= flag;
            }
        }
        for (fdflag, flag) in [
            (types::Fdflags::SYNC, DescriptorFlags::FILE_INTEGRITY_SYNC),
            (types::Fdflags::DSYNC, DescriptorFlags::DATA_INTEGRITY_SYNC),
            (types::Fdflags::RSYNC, DescriptorFlags::REQUESTED_WRITE_SYNC),
        ] {
            if fdflags.contains(fdflag) {
                flags |= flag;
            }
        }
        let mut open_flags = OpenFlags::empty();
        for (oflag, flag) in [
            (types::Oflags::CREAT, OpenFlags::CREATE),
            (types::Oflags::DIRECTORY, OpenFlags::DIRECTORY),
            (types::Oflags::EXCL, OpenFlags::EXCLUSIVE),
            (types::Oflags::TRUNC, OpenFlags::TRUNCATE),
        ] {
            if oflags.contains(oflag) {
                open_flags |= flag;
            }
        }
        let descriptor =
            self.fs()
                .open_at(directory, path_flags(dirflags), path, open_flags, flags)?;
        let is_dir = matches!(self.table.get(&descriptor)?, Descriptor::Directory { .. });
        Ok(super::host::opened(descriptor, is_dir, fdflags))
    }

    /// `fd_readdir`: `.` and `..`, then the directory's entries, from entry number
    /// `cookie` on, as many as fit; the last one is cut at the end of the buffer, which
    /// tells the program to ask again with a larger one.
    pub(super) fn read_directory(
        &mut self,
        memory: &mut GuestMemory<'_>,
        directory: Resource<Descriptor>,
        buffer: GuestPtr<u8>,
        length: types::Size,
        cookie: types::Dircookie,
    ) -> Result<types::Size> {
        let own_hash = self.fs().metadata_hash(borrow(&directory))?.lower;
        let mut entries = vec![
            (types::Filetype::Directory, own_hash, ".".to_string()),
            (types::Filetype::Directory, own_hash, "..".to_string()),
        ];
        let skip = usize::try_from(cookie).map_err(|_| Errno::Overflow)?;
        let stream = self.fs().read_directory(borrow(&directory))?;
        let listed = (|| -> Result<()> {
            while let Some(entry) = self.fs().read_directory_entry(borrow(&stream))? {
                // Entries before the cookie need no inode.
                let inode = if entries.len() < skip {
                    0
                } else {
                    self.fs()
                        .metadata_hash_at(
                            borrow(&directory),
                            PathFlags::empty(),
                            entry.name.clone(),
                        )?
                        .lower
                };
                entries.push((filetype(entry.type_), inode, entry.name));
            }
            Ok(())
        })();
        HostDirectoryEntryStream::drop(&mut self.fs(), stream).map_err(types::Error::trap)?;
        listed?;

        let header = types::Dirent::guest_size() as usize;
        let mut out = Vec::new();
        for (index, (kind, inode, name)) in entries.into_iter().enumerate().skip(skip) {
            out.extend_from_slice(&(index as u64 + 1).to_le_bytes());
            out.extend_from_slice(&inode.to_le_bytes());
            out.extend_from_slice(&u32::try_from(name.len())?.to_le_bytes());
            out.push(kind as u8);
            out.resize(out.len() + header - 21, 0);
            out.extend_from_slice(name.as_bytes());
            if out.len() >= length as usize {
                break;
            }
        }
        out.truncate(length as usize);
        let written = u32::try_from(out.len())?;
        memory.copy_from_slice(&out, buffer.as_array(written))?;
        Ok(written)
    }
}
