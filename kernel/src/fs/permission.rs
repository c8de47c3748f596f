//! Permission checks, as Linux makes them for a file's owner. wasmix has one user, who
//! owns every file, so the owner's bits decide: `chmod 000 f` makes `cat f` fail with
//! "Permission denied" on every server alike (host directories too, even when wasmix
//! itself runs as root). The namespace checks a file when it is opened and a directory
//! when it is listed or its entries change; as on Linux, a path's other directories
//! need their x bit only to be searched, which is not checked.

use super::{FsError, FsResult, Metadata};

#[derive(Clone, Copy)]
pub enum Access {
    Read,
    Write,
    /// Adding or removing a directory's entries: write and search permission.
    ChangeEntries,
}

/// Whether the owner's bits of `meta` allow `access`.
pub fn check(meta: &Metadata, access: Access) -> FsResult<()> {
    let needed = match access {
        Access::Read => 0o400,
        Access::Write => 0o200,
        Access::ChangeEntries => 0o300,
    };
    if meta.mode & needed == needed {
        Ok(())
    } else {
        Err(FsError::Access)
    }
}
