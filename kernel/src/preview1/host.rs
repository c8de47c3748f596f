//! The preview 1 calls, one method each, in terms of the kernel's `wasi:filesystem` and
//! wasmtime-wasi's streams, clocks and environment. Behaviour follows wasmtime's own
//! preview 1 host where the two could differ (errno choices, rights reported, `.` and
//! `..` in listings).

use super::bindings::types::{self, Errno};
use super::bindings::wasi_snapshot_preview1::WasiSnapshotPreview1;
use super::fds::{Fd, OpenFile, borrow};
use super::io::{At, buffers, gather};
use super::paths::{filestat, nanoseconds, new_timestamp};
use crate::proc::ProcessCtx;
use crate::wasi_fs::bindings::types::{DescriptorFlags, HostDescriptor};
use crate::wasi_fs::{Descriptor, WasiFsView};
use wasmtime::component::Resource;
use wasmtime_wasi::cli::WasiCliView;
use wasmtime_wasi::clocks::WasiClocksView;
use wasmtime_wasi::p2::bindings::cli::environment::Host as _;
use wasmtime_wasi::p2::bindings::clocks::{monotonic_clock, wall_clock};
use wasmtime_wasi::p2::bindings::io::streams::{HostInputStream, HostOutputStream};
use wasmtime_wasi::p2::bindings::random::random::Host as _;
use wasmtime_wasi::random::WasiRandomView;
use wiggle::{GuestMemory, GuestPtr};

type Result<T> = std::result::Result<T, types::Error>;

fn trap(e: wasmtime::Error) -> types::Error {
    types::Error::trap(e)
}

/// Writes `strings` NUL-terminated into `buffer`, and a pointer to each into `pointers`.
fn write_strings(
    memory: &mut GuestMemory<'_>,
    strings: impl Iterator<Item = String>,
    mut pointers: GuestPtr<GuestPtr<u8>>,
    mut buffer: GuestPtr<u8>,
) -> Result<()> {
    for string in strings {
        memory.write(pointers, buffer)?;
        pointers = pointers.add(1)?;
        let bytes = string.as_bytes();
        let length = u32::try_from(bytes.len())?;
        memory.copy_from_slice(bytes, buffer.as_array(length))?;
        buffer = buffer.add(length)?;
        memory.write(buffer, 0)?;
        buffer = buffer.add(1)?;
    }
    Ok(())
}

/// How many strings, and the bytes they take with their NULs.
fn sizes(strings: impl Iterator<Item = usize>) -> Result<(types::Size, types::Size)> {
    let (mut count, mut bytes) = (0usize, 0usize);
    for length in strings {
        count += 1;
        bytes += length + 1;
    }
    Ok((u32::try_from(count)?, u32::try_from(bytes)?))
}

impl ProcessCtx {
    fn environment(&mut self) -> Result<Vec<String>> {
        let variables = self.cli().get_environment().map_err(trap)?;
        Ok(variables
            .into_iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect())
    }

    fn read_path(memory: &GuestMemory<'_>, path: GuestPtr<str>) -> Result<String> {
        Ok(memory.as_cow_str(path)?.into_owned())
    }

    /// Ends what a descriptor stood for.
    async fn close(&mut self, fd: Fd) -> Result<()> {
        match fd {
            Fd::Stdin { stream, .. } => HostInputStream::drop(&mut self.table, stream)
                .await
                .map_err(trap),
            Fd::Output { stream, .. } => HostOutputStream::drop(&mut self.table, stream)
                .await
                .map_err(trap),
            Fd::Directory { descriptor, .. } => self.fs().drop(descriptor).map_err(trap),
            Fd::File(OpenFile {
                descriptor, input, ..
            }) => {
                if let Some(input) = input {
                    HostInputStream::drop(&mut self.table, input)
                        .await
                        .map_err(trap)?;
                }
                self.fs().drop(descriptor).map_err(trap)
            }
        }
    }
}

impl WasiSnapshotPreview1 for ProcessCtx {
    fn args_get(
        &mut self,
        memory: &mut GuestMemory<'_>,
        argv: GuestPtr<GuestPtr<u8>>,
        argv_buf: GuestPtr<u8>,
    ) -> Result<()> {
        let arguments = self.cli().get_arguments().map_err(trap)?;
        write_strings(memory, arguments.into_iter(), argv, argv_buf)
    }

    fn args_sizes_get(&mut self, _: &mut GuestMemory<'_>) -> Result<(types::Size, types::Size)> {
        let arguments = self.cli().get_arguments().map_err(trap)?;
        sizes(arguments.iter().map(String::len))
    }

    fn environ_get(
        &mut self,
        memory: &mut GuestMemory<'_>,
        environ: GuestPtr<GuestPtr<u8>>,
        environ_buf: GuestPtr<u8>,
    ) -> Result<()> {
        let variables = self.environment()?;
        write_strings(memory, variables.into_iter(), environ, environ_buf)
    }

    fn environ_sizes_get(&mut self, _: &mut GuestMemory<'_>) -> Result<(types::Size, types::Size)> {
        let variables = self.environment()?;
        sizes(variables.iter().map(String::len))
    }

    fn clock_res_get(
        &mut self,
        _: &mut GuestMemory<'_>,
        id: types::Clockid,
    ) -> Result<types::Timestamp> {
        match id {
            types::Clockid::Realtime => {
                let resolution = wall_clock::Host::resolution(&mut self.clocks()).map_err(trap)?;
                nanoseconds(Some(resolution))
            }
            types::Clockid::Monotonic => {
                monotonic_clock::Host::resolution(&mut self.clocks()).map_err(trap)
            }
            // As wasmtime: there are no CPU-time clocks in WASI 0.2.
            types::Clockid::ProcessCputimeId | types::Clockid::ThreadCputimeId => {
                Err(Errno::Badf.into())
            }
        }
    }

    fn clock_time_get(
        &mut self,
        _: &mut GuestMemory<'_>,
        id: types::Clockid,
        _precision: types::Timestamp,
    ) -> Result<types::Timestamp> {
        match id {
            types::Clockid::Realtime => nanoseconds(Some(
                wall_clock::Host::now(&mut self.clocks()).map_err(trap)?,
            )),
            types::Clockid::Monotonic => {
                monotonic_clock::Host::now(&mut self.clocks()).map_err(trap)
            }
            types::Clockid::ProcessCputimeId | types::Clockid::ThreadCputimeId => {
                Err(Errno::Badf.into())
            }
        }
    }

    fn fd_advise(
        &mut self,
        _: &mut GuestMemory<'_>,
        fd: types::Fd,
        _offset: types::Filesize,
        _len: types::Filesize,
        _advice: types::Advice,
    ) -> Result<()> {
        // Advice changes nothing the program can see; only the descriptor is checked.
        self.file(fd)?;
        Ok(())
    }

    fn fd_allocate(
        &mut self,
        _: &mut GuestMemory<'_>,
        fd: types::Fd,
        _offset: types::Filesize,
        _len: types::Filesize,
    ) -> Result<()> {
        // WASI 0.2 has no allocate; wasmtime answers the same.
        self.file(fd)?;
        Err(Errno::Notsup.into())
    }

    async fn fd_close(&mut self, _: &mut GuestMemory<'_>, fd: types::Fd) -> Result<()> {
        let closed = self.remove_fd(fd)?;
        self.close(closed).await
    }

    fn fd_datasync(&mut self, _: &mut GuestMemory<'_>, fd: types::Fd) -> Result<()> {
        let descriptor = borrow(&self.file(fd)?.descriptor);
        Ok(self.fs().sync_data(descriptor)?)
    }

    fn fd_fdstat_get(&mut self, _: &mut GuestMemory<'_>, fd: types::Fd) -> Result<types::Fdstat> {
        let (descriptor, append, nonblocking) = match self.fd(fd)? {
            Fd::Stdin { terminal, .. } => {
                return Ok(stream_fdstat(*terminal, types::Rights::FD_READ));
            }
            Fd::Output { terminal, .. } => {
                return Ok(stream_fdstat(*terminal, types::Rights::FD_WRITE));
            }
            Fd::Directory {
                preopen: Some(_), ..
            } => return Ok(preopen_fdstat()),
            Fd::Directory { descriptor, .. } => (borrow(descriptor), false, false),
            Fd::File(file) => (borrow(&file.descriptor), file.append, file.nonblocking),
        };
        let flags = self.fs().get_flags(borrow(&descriptor))?;
        let filetype = super::paths::filetype(self.fs().get_type(descriptor)?);
        let mut rights = types::Rights::all();
        if filetype == types::Filetype::Directory {
            rights &= !(types::Rights::FD_SEEK
                | types::Rights::FD_FILESTAT_SET_SIZE
                | types::Rights::PATH_FILESTAT_SET_SIZE);
        }
        if !flags.contains(DescriptorFlags::READ) {
            rights &= !(types::Rights::FD_READ | types::Rights::FD_READDIR);
        }
        if !flags.contains(DescriptorFlags::WRITE) {
            rights &= !types::Rights::FD_WRITE;
        }
        let mut fs_flags = types::Fdflags::empty();
        if append {
            fs_flags |= types::Fdflags::APPEND;
        }
        if nonblocking {
            fs_flags |= types::Fdflags::NONBLOCK;
        }
        Ok(types::Fdstat {
            fs_filetype: filetype,
            fs_flags,
            fs_rights_base: rights,
            fs_rights_inheriting: rights,
        })
    }

    fn fd_fdstat_set_flags(
        &mut self,
        _: &mut GuestMemory<'_>,
        fd: types::Fd,
        flags: types::Fdflags,
    ) -> Result<()> {
        let file = self.file(fd)?;
        // Only APPEND and NONBLOCK can change after opening, as under wasmtime.
        if flags.intersects(types::Fdflags::DSYNC | types::Fdflags::SYNC | types::Fdflags::RSYNC) {
            return Err(Errno::Inval.into());
        }
        file.append = flags.contains(types::Fdflags::APPEND);
        file.nonblocking = flags.contains(types::Fdflags::NONBLOCK);
        Ok(())
    }

    fn fd_fdstat_set_rights(
        &mut self,
        _: &mut GuestMemory<'_>,
        fd: types::Fd,
        _base: types::Rights,
        _inheriting: types::Rights,
    ) -> Result<()> {
        self.descriptor(fd)?;
        Err(Errno::Notsup.into())
    }

    fn fd_filestat_get(
        &mut self,
        _: &mut GuestMemory<'_>,
        fd: types::Fd,
    ) -> Result<types::Filestat> {
        let descriptor = match self.fd(fd)? {
            Fd::Stdin { terminal, .. } | Fd::Output { terminal, .. } => {
                return Ok(types::Filestat {
                    dev: 0,
                    ino: 0,
                    filetype: stream_filetype(*terminal),
                    nlink: 0,
                    size: 0,
                    atim: 0,
                    mtim: 0,
                    ctim: 0,
                });
            }
            Fd::Directory { descriptor, .. } => borrow(descriptor),
            Fd::File(file) => borrow(&file.descriptor),
        };
        let stat = self.fs().stat(borrow(&descriptor))?;
        let hash = self.fs().metadata_hash(descriptor)?;
        filestat(stat, hash)
    }

    fn fd_filestat_set_size(
        &mut self,
        _: &mut GuestMemory<'_>,
        fd: types::Fd,
        size: types::Filesize,
    ) -> Result<()> {
        let descriptor = borrow(&self.file(fd)?.descriptor);
        Ok(self.fs().set_size(descriptor, size)?)
    }

    fn fd_filestat_set_times(
        &mut self,
        _: &mut GuestMemory<'_>,
        fd: types::Fd,
        atim: types::Timestamp,
        mtim: types::Timestamp,
        flags: types::Fstflags,
    ) -> Result<()> {
        let (accessed, modified) = new_timestamp(atim, mtim, flags)?;
        let descriptor = self.descriptor(fd)?;
        Ok(self.fs().set_times(descriptor, accessed, modified)?)
    }

    async fn fd_pread(
        &mut self,
        memory: &mut GuestMemory<'_>,
        fd: types::Fd,
        iovs: types::IovecArray,
        offset: types::Filesize,
    ) -> Result<types::Size> {
        let buffers = buffers(memory, iovs)?;
        self.read_fd(memory, fd, Some(offset), &buffers).await
    }

    fn fd_prestat_get(&mut self, _: &mut GuestMemory<'_>, fd: types::Fd) -> Result<types::Prestat> {
        match self.fd(fd)? {
            Fd::Directory {
                preopen: Some(name),
                ..
            } => Ok(types::Prestat::Dir(types::PrestatDir {
                pr_name_len: u32::try_from(name.len())?,
            })),
            _ => Err(Errno::Badf.into()),
        }
    }

    fn fd_prestat_dir_name(
        &mut self,
        memory: &mut GuestMemory<'_>,
        fd: types::Fd,
        path: GuestPtr<u8>,
        path_len: types::Size,
    ) -> Result<()> {
        match self.fd(fd)? {
            Fd::Directory {
                preopen: Some(name),
                ..
            } => {
                if name.len() > path_len as usize {
                    return Err(Errno::Nametoolong.into());
                }
                let length = u32::try_from(name.len())?;
                memory.copy_from_slice(name.as_bytes(), path.as_array(length))?;
                Ok(())
            }
            // wasmtime's answer for a descriptor that is not a preopen.
            _ => Err(Errno::Notdir.into()),
        }
    }

    async fn fd_pwrite(
        &mut self,
        memory: &mut GuestMemory<'_>,
        fd: types::Fd,
        ciovs: types::CiovecArray,
        offset: types::Filesize,
    ) -> Result<types::Size> {
        let bytes = gather(memory, ciovs)?;
        self.write_fd(fd, At::Offset(offset), bytes).await
    }

    async fn fd_read(
        &mut self,
        memory: &mut GuestMemory<'_>,
        fd: types::Fd,
        iovs: types::IovecArray,
    ) -> Result<types::Size> {
        let buffers = buffers(memory, iovs)?;
        self.read_fd(memory, fd, None, &buffers).await
    }

    fn fd_readdir(
        &mut self,
        memory: &mut GuestMemory<'_>,
        fd: types::Fd,
        buf: GuestPtr<u8>,
        buf_len: types::Size,
        cookie: types::Dircookie,
    ) -> Result<types::Size> {
        let directory = self.directory(fd)?;
        self.read_directory(memory, directory, buf, buf_len, cookie)
    }

    async fn fd_renumber(
        &mut self,
        _: &mut GuestMemory<'_>,
        from: types::Fd,
        to: types::Fd,
    ) -> Result<()> {
        // Both must be open, as wasmtime requires.
        self.fd(to)?;
        self.fd(from)?;
        if u32::from(from) == u32::from(to) {
            return Ok(());
        }
        let replaced = self.remove_fd(to)?;
        self.close(replaced).await?;
        let moved = self.remove_fd(from)?;
        self.place_fd(to, moved)
    }

    fn fd_seek(
        &mut self,
        _: &mut GuestMemory<'_>,
        fd: types::Fd,
        offset: types::Filedelta,
        whence: types::Whence,
    ) -> Result<types::Filesize> {
        let file = self.seekable(fd)?;
        let (position, descriptor) = (file.position, borrow(&file.descriptor));
        let new = match whence {
            types::Whence::Set => u64::try_from(offset).map_err(|_| Errno::Inval)?,
            types::Whence::Cur => position.checked_add_signed(offset).ok_or(Errno::Inval)?,
            types::Whence::End => {
                let size = self.fs().stat(descriptor)?.size;
                size.checked_add_signed(offset).ok_or(Errno::Inval)?
            }
        };
        self.seekable(fd)?.position = new;
        Ok(new)
    }

    fn fd_sync(&mut self, _: &mut GuestMemory<'_>, fd: types::Fd) -> Result<()> {
        let descriptor = borrow(&self.file(fd)?.descriptor);
        Ok(self.fs().sync(descriptor)?)
    }

    fn fd_tell(&mut self, _: &mut GuestMemory<'_>, fd: types::Fd) -> Result<types::Filesize> {
        Ok(self.seekable(fd)?.position)
    }

    async fn fd_write(
        &mut self,
        memory: &mut GuestMemory<'_>,
        fd: types::Fd,
        ciovs: types::CiovecArray,
    ) -> Result<types::Size> {
        // The descriptor is checked before the buffers: a write of nothing to a closed
        // descriptor is EBADF.
        self.fd(fd)?;
        let bytes = gather(memory, ciovs)?;
        self.write_fd(fd, At::Position, bytes).await
    }

    fn path_create_directory(
        &mut self,
        memory: &mut GuestMemory<'_>,
        fd: types::Fd,
        path: GuestPtr<str>,
    ) -> Result<()> {
        let directory = self.directory(fd)?;
        let path = Self::read_path(memory, path)?;
        Ok(self.fs().create_directory_at(directory, path)?)
    }

    fn path_filestat_get(
        &mut self,
        memory: &mut GuestMemory<'_>,
        fd: types::Fd,
        flags: types::Lookupflags,
        path: GuestPtr<str>,
    ) -> Result<types::Filestat> {
        let directory = self.directory(fd)?;
        let path = Self::read_path(memory, path)?;
        let flags = super::paths::path_flags(flags);
        let stat = self.fs().stat_at(borrow(&directory), flags, path.clone())?;
        let hash = self.fs().metadata_hash_at(directory, flags, path)?;
        filestat(stat, hash)
    }

    fn path_filestat_set_times(
        &mut self,
        memory: &mut GuestMemory<'_>,
        fd: types::Fd,
        flags: types::Lookupflags,
        path: GuestPtr<str>,
        atim: types::Timestamp,
        mtim: types::Timestamp,
        fst_flags: types::Fstflags,
    ) -> Result<()> {
        let (accessed, modified) = new_timestamp(atim, mtim, fst_flags)?;
        let directory = self.directory(fd)?;
        let path = Self::read_path(memory, path)?;
        let flags = super::paths::path_flags(flags);
        Ok(self
            .fs()
            .set_times_at(directory, flags, path, accessed, modified)?)
    }

    fn path_link(
        &mut self,
        memory: &mut GuestMemory<'_>,
        old_fd: types::Fd,
        old_flags: types::Lookupflags,
        old_path: GuestPtr<str>,
        new_fd: types::Fd,
        new_path: GuestPtr<str>,
    ) -> Result<()> {
        let old_directory = self.directory(old_fd)?;
        let new_directory = self.directory(new_fd)?;
        let old_path = Self::read_path(memory, old_path)?;
        let new_path = Self::read_path(memory, new_path)?;
        let flags = super::paths::path_flags(old_flags);
        Ok(self
            .fs()
            .link_at(old_directory, flags, old_path, new_directory, new_path)?)
    }

    fn path_open(
        &mut self,
        memory: &mut GuestMemory<'_>,
        fd: types::Fd,
        dirflags: types::Lookupflags,
        path: GuestPtr<str>,
        oflags: types::Oflags,
        fs_rights_base: types::Rights,
        _fs_rights_inheriting: types::Rights,
        fdflags: types::Fdflags,
    ) -> Result<types::Fd> {
        let directory = match self.fd(fd)? {
            Fd::Directory { descriptor, .. } => borrow(descriptor),
            Fd::File(_) => return Err(Errno::Notdir.into()),
            _ => return Err(Errno::Badf.into()),
        };
        let path = Self::read_path(memory, path)?;
        let opened = self.open(directory, dirflags, path, oflags, fs_rights_base, fdflags)?;
        self.insert_fd(opened)
    }

    fn path_readlink(
        &mut self,
        memory: &mut GuestMemory<'_>,
        fd: types::Fd,
        path: GuestPtr<str>,
        buf: GuestPtr<u8>,
        buf_len: types::Size,
    ) -> Result<types::Size> {
        let directory = self.directory(fd)?;
        let path = Self::read_path(memory, path)?;
        let target = self.fs().readlink_at(directory, path)?;
        // Cut to the buffer, as readlink does.
        let bytes = &target.as_bytes()[..target.len().min(buf_len as usize)];
        let length = u32::try_from(bytes.len())?;
        memory.copy_from_slice(bytes, buf.as_array(length))?;
        Ok(length)
    }

    fn path_remove_directory(
        &mut self,
        memory: &mut GuestMemory<'_>,
        fd: types::Fd,
        path: GuestPtr<str>,
    ) -> Result<()> {
        let directory = self.directory(fd)?;
        let path = Self::read_path(memory, path)?;
        Ok(self.fs().remove_directory_at(directory, path)?)
    }

    fn path_rename(
        &mut self,
        memory: &mut GuestMemory<'_>,
        fd: types::Fd,
        old_path: GuestPtr<str>,
        new_fd: types::Fd,
        new_path: GuestPtr<str>,
    ) -> Result<()> {
        let old_directory = self.directory(fd)?;
        let new_directory = self.directory(new_fd)?;
        let old_path = Self::read_path(memory, old_path)?;
        let new_path = Self::read_path(memory, new_path)?;
        Ok(self
            .fs()
            .rename_at(old_directory, old_path, new_directory, new_path)?)
    }

    fn path_symlink(
        &mut self,
        memory: &mut GuestMemory<'_>,
        old_path: GuestPtr<str>,
        fd: types::Fd,
        new_path: GuestPtr<str>,
    ) -> Result<()> {
        let directory = self.directory(fd)?;
        let old_path = Self::read_path(memory, old_path)?;
        let new_path = Self::read_path(memory, new_path)?;
        Ok(self.fs().symlink_at(directory, old_path, new_path)?)
    }

    fn path_unlink_file(
        &mut self,
        memory: &mut GuestMemory<'_>,
        fd: types::Fd,
        path: GuestPtr<str>,
    ) -> Result<()> {
        let directory = self.directory(fd)?;
        let path = Self::read_path(memory, path)?;
        Ok(self.fs().unlink_file_at(directory, path)?)
    }

    async fn poll_oneoff(
        &mut self,
        memory: &mut GuestMemory<'_>,
        subscriptions: GuestPtr<types::Subscription>,
        events: GuestPtr<types::Event>,
        count: types::Size,
    ) -> Result<types::Size> {
        self.poll(memory, subscriptions, events, count).await
    }

    fn proc_exit(&mut self, _: &mut GuestMemory<'_>, status: types::Exitcode) -> wasmtime::Error {
        // The whole status, 0 to 255, reaches the parent (wasmtime refuses 126 and up).
        wasmtime_wasi::I32Exit(status as i32).into()
    }

    fn proc_raise(&mut self, _: &mut GuestMemory<'_>, _signal: types::Signal) -> Result<()> {
        Err(Errno::Notsup.into())
    }

    fn sched_yield(&mut self, _: &mut GuestMemory<'_>) -> Result<()> {
        // Processes are preempted every time slice anyway.
        Ok(())
    }

    fn random_get(
        &mut self,
        memory: &mut GuestMemory<'_>,
        buf: GuestPtr<u8>,
        buf_len: types::Size,
    ) -> Result<()> {
        let bytes = self
            .random()
            .get_random_bytes(u64::from(buf_len))
            .map_err(trap)?;
        memory.copy_from_slice(&bytes, buf.as_array(buf_len))?;
        Ok(())
    }

    fn sock_accept(
        &mut self,
        _: &mut GuestMemory<'_>,
        fd: types::Fd,
        _flags: types::Fdflags,
    ) -> Result<types::Fd> {
        self.fd(fd)?;
        Err(Errno::Notsock.into())
    }

    fn sock_recv(
        &mut self,
        _: &mut GuestMemory<'_>,
        fd: types::Fd,
        _ri_data: types::IovecArray,
        _ri_flags: types::Riflags,
    ) -> Result<(types::Size, types::Roflags)> {
        self.fd(fd)?;
        Err(Errno::Notsock.into())
    }

    fn sock_send(
        &mut self,
        _: &mut GuestMemory<'_>,
        fd: types::Fd,
        _si_data: types::CiovecArray,
        _si_flags: types::Siflags,
    ) -> Result<types::Size> {
        self.fd(fd)?;
        Err(Errno::Notsock.into())
    }

    fn sock_shutdown(
        &mut self,
        _: &mut GuestMemory<'_>,
        fd: types::Fd,
        _how: types::Sdflags,
    ) -> Result<()> {
        self.fd(fd)?;
        Err(Errno::Notsock.into())
    }
}

/// A standard stream's type: a character device when it is a terminal, else unknown (a
/// pipe has no preview 1 type), as wasmtime reports.
fn stream_filetype(terminal: bool) -> types::Filetype {
    if terminal {
        types::Filetype::CharacterDevice
    } else {
        types::Filetype::Unknown
    }
}

fn stream_fdstat(terminal: bool, rights: types::Rights) -> types::Fdstat {
    types::Fdstat {
        fs_filetype: stream_filetype(terminal),
        fs_flags: types::Fdflags::empty(),
        fs_rights_base: rights,
        fs_rights_inheriting: rights,
    }
}

/// The rights wasmtime reports for a preopened directory, which libraries check before
/// they try an operation.
fn preopen_fdstat() -> types::Fdstat {
    use types::Rights as R;
    let base = R::PATH_CREATE_DIRECTORY
        | R::PATH_CREATE_FILE
        | R::PATH_LINK_SOURCE
        | R::PATH_LINK_TARGET
        | R::PATH_OPEN
        | R::FD_READDIR
        | R::PATH_READLINK
        | R::PATH_RENAME_SOURCE
        | R::PATH_RENAME_TARGET
        | R::PATH_SYMLINK
        | R::PATH_REMOVE_DIRECTORY
        | R::PATH_UNLINK_FILE
        | R::PATH_FILESTAT_GET
        | R::PATH_FILESTAT_SET_TIMES
        | R::FD_FILESTAT_GET
        | R::FD_FILESTAT_SET_TIMES;
    let inheriting = base
        | R::FD_DATASYNC
        | R::FD_READ
        | R::FD_SEEK
        | R::FD_FDSTAT_SET_FLAGS
        | R::FD_SYNC
        | R::FD_TELL
        | R::FD_WRITE
        | R::FD_ADVISE
        | R::FD_ALLOCATE
        | R::FD_FILESTAT_GET
        | R::FD_FILESTAT_SET_SIZE
        | R::FD_FILESTAT_SET_TIMES
        | R::POLL_FD_READWRITE;
    types::Fdstat {
        fs_filetype: types::Filetype::Directory,
        fs_flags: types::Fdflags::empty(),
        fs_rights_base: base,
        fs_rights_inheriting: inheriting,
    }
}

/// What a kernel descriptor just opened becomes in the table.
pub(super) fn opened(descriptor: Resource<Descriptor>, is_dir: bool, flags: types::Fdflags) -> Fd {
    if is_dir {
        Fd::Directory {
            descriptor,
            preopen: None,
        }
    } else {
        Fd::File(OpenFile {
            descriptor,
            position: 0,
            append: flags.contains(types::Fdflags::APPEND),
            nonblocking: flags.contains(types::Fdflags::NONBLOCK),
            input: None,
        })
    }
}
