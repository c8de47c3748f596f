//! Permission checks, as Linux makes them for a file's owner. wasmix has one user, who
//! owns every file, so the owner's bits decide: `chmod 000 f` makes `cat f` fail with
//! "Permission denied" on every server alike (host directories too, even when wasmix
//! itself runs as root). The namespace checks a file when it is opened and a directory
//! when it is listed or its entries change, and every directory a path passes through
//! for its search (x) bit. Paths are checked from `/`: wasmix walks every path from the
//! root, so a directory above the working directory counts too, where Linux would start
//! at the working directory.

use super::{FsError, FsResult, Metadata};

#[derive(Clone, Copy)]
pub enum Access {
    Read,
    Write,
    /// Adding or removing a directory's entries: write and search permission.
    ChangeEntries,
    /// Looking a name up in a directory.
    Search,
}

/// Whether the owner's bits of `meta` allow `access`.
pub fn check(meta: &Metadata, access: Access) -> FsResult<()> {
    let needed = match access {
        Access::Read => 0o400,
        Access::Write => 0o200,
        Access::ChangeEntries => 0o300,
        Access::Search => 0o100,
    };
    if meta.mode & needed == needed {
        Ok(())
    } else {
        Err(FsError::Access)
    }
}
