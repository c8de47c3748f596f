//! `wasi:filesystem` served by the kernel over each process's namespace.
//!
//! wasmtime-wasi can only hand a guest host directories; wasmix programs instead see the
//! kernel's tree (image, overlay, ramfs, mounts). The generated bindings are in
//! `bindings.rs`; the interface is implemented in `host.rs`; this module holds the
//! resources and the plumbing. `modes.rs` serves the permission bits WASI leaves out.

pub mod bindings;
mod direct_read;
mod host;
mod modes;
pub mod streams;

use crate::fs::namespace::Namespace;
use crate::fs::sizelimit::FileSizeLimitExceeded;
use crate::fs::{DirEntry, FileHandle, FsError};
use bindings::types::ErrorCode;
use std::sync::Arc;
use wasmtime::component::{HasData, Linker, ResourceTable};

/// A process's open file or directory.
pub enum Descriptor {
    /// A directory, known by its absolute path in the process's namespace; `mutate` is
    /// whether it was opened asking to change it (get-flags reports it, as wasmtime's).
    Directory { path: String, mutate: bool },
    File {
        handle: Arc<dyn FileHandle>,
        path: String,
        /// The file server's number, which `stat` reports with the handle's metadata.
        device: u64,
        read: bool,
        write: bool,
    },
}

/// What `read-directory` returns: the listing taken when it was called.
pub struct DirectoryEntries(std::vec::IntoIter<DirEntry>);

/// A filesystem failure as the bindings carry it: an error code for the guest, or a trap.
pub enum FsFailure {
    Code(ErrorCode),
    Trap(wasmtime::Error),
}

impl From<FsError> for FsFailure {
    fn from(e: FsError) -> FsFailure {
        if let FsError::FileSizeLimit = e {
            return FsFailure::Trap(FileSizeLimitExceeded.into());
        }
        FsFailure::Code(error_code(&e))
    }
}

impl From<wasmtime::component::ResourceTableError> for FsFailure {
    fn from(e: wasmtime::component::ResourceTableError) -> FsFailure {
        FsFailure::Trap(e.into())
    }
}

pub fn error_code(e: &FsError) -> ErrorCode {
    match e {
        FsError::NotFound => ErrorCode::NoEntry,
        FsError::Exists => ErrorCode::Exist,
        FsError::NotDirectory => ErrorCode::NotDirectory,
        FsError::IsDirectory => ErrorCode::IsDirectory,
        FsError::NotEmpty => ErrorCode::NotEmpty,
        FsError::ReadOnly => ErrorCode::ReadOnly,
        FsError::Access => ErrorCode::Access,
        FsError::BadDescriptor => ErrorCode::BadDescriptor,
        FsError::Invalid => ErrorCode::Invalid,
        FsError::NameTooLong => ErrorCode::NameTooLong,
        FsError::Loop => ErrorCode::Loop,
        FsError::CrossDevice => ErrorCode::CrossDevice,
        FsError::NoSpace => ErrorCode::InsufficientSpace,
        FsError::QuotaExceeded => ErrorCode::Quota,
        FsError::FileTooLarge | FsError::FileSizeLimit => ErrorCode::FileTooLarge,
        FsError::NotPermitted => ErrorCode::NotPermitted,
        FsError::NoSuchDevice => ErrorCode::NoSuchDevice,
        FsError::InvalidSeek => ErrorCode::InvalidSeek,
        // WASI 0.2 has no EMFILE; insufficient-memory is what an allocation-bound
        // limit on resources comes closest to, and what wasi-libc reports as ENOMEM.
        FsError::TooManyOpenFiles => ErrorCode::InsufficientMemory,
        FsError::Unsupported => ErrorCode::Unsupported,
        FsError::Io(_) => ErrorCode::Io,
    }
}

/// What the filesystem host needs of a process: its resources, its namespace, and how
/// many descriptors it holds against its limit.
pub struct FsView<'a> {
    pub table: &'a mut ResourceTable,
    pub namespace: &'a Namespace,
    pub open_files: &'a mut OpenFiles,
    /// The process's umask, for what it creates.
    pub umask: u32,
    /// How far it may write a regular file (`ulimit -f`).
    pub file_size: Option<u64>,
    pub last_stat: &'a mut LastStat,
    /// The process's standard streams, which `/dev/stdin`, `/dev/stdout` and `/dev/stderr`
    /// open.
    pub stdio: &'a crate::file::Stdio,
}

/// The last `stat-at` a process made. wasi-libc's `stat` asks `metadata-hash-at` of the
/// same name right after it (for `st_ino`); answered from here, the path is walked once
/// for both. A call of the process that changes names, or closes the descriptor, forgets it.
#[derive(Default)]
pub struct LastStat(Option<StatKey>);

struct StatKey {
    descriptor: u32,
    path: String,
    follow: bool,
    metadata: crate::fs::Metadata,
}

impl LastStat {
    fn remember(
        &mut self,
        descriptor: u32,
        path: String,
        follow: bool,
        metadata: &crate::fs::Metadata,
    ) {
        self.0 = Some(StatKey {
            descriptor,
            path,
            follow,
            metadata: metadata.clone(),
        });
    }

    /// What the last `stat-at` found, if it asked of this same name.
    fn take(&mut self, descriptor: u32, path: &str, follow: bool) -> Option<crate::fs::Metadata> {
        let key = self.0.take()?;
        (key.descriptor == descriptor && key.path == path && key.follow == follow)
            .then_some(key.metadata)
    }

    fn forget(&mut self) {
        self.0 = None;
    }
}

/// The descriptors a process holds, and how many it may (`ulimit -n`).
pub struct OpenFiles {
    pub count: usize,
    pub limit: usize,
}

/// Implemented by the `Store` data of a process.
pub trait WasiFsView: Send {
    fn fs(&mut self) -> FsView<'_>;
}

struct WasiFs;

impl HasData for WasiFs {
    type Data<'a> = FsView<'a>;
}

/// Puts the kernel's filesystem in place of wasmtime-wasi's, which must be linked already.
pub fn add_to_linker<T: WasiFsView + 'static>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    linker.allow_shadowing(true);
    bindings::types::add_to_linker::<T, WasiFs>(linker, T::fs)?;
    bindings::preopens::add_to_linker::<T, WasiFs>(linker, T::fs)?;
    direct_read::add_to_linker(linker)?;
    linker.allow_shadowing(false);
    bindings::modes::add_to_linker::<T, WasiFs>(linker, T::fs)?;
    Ok(())
}
