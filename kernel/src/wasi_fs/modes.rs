//! `wasmix:filesystem/modes`: the permission bits the kernel's servers keep, read and set
//! through a directory descriptor the way `stat-at` and `set-times-at` go, and named
//! pipes made the same way.

use super::bindings::modes;
use super::bindings::types::PathFlags;
use super::{Descriptor, FsFailure, FsView};
use wasmtime::component::Resource;

impl modes::Host for FsView<'_> {
    fn mode_at(
        &mut self,
        dir: Resource<Descriptor>,
        flags: PathFlags,
        path: String,
    ) -> Result<u32, FsFailure> {
        let path = self.path_at(&dir, &path)?;
        let follow = flags.contains(PathFlags::SYMLINK_FOLLOW);
        Ok(self.namespace.stat(&path, follow)?.mode)
    }

    fn set_mode_at(
        &mut self,
        dir: Resource<Descriptor>,
        flags: PathFlags,
        path: String,
        mode: u32,
    ) -> Result<(), FsFailure> {
        let path = self.path_at(&dir, &path)?;
        let follow = flags.contains(PathFlags::SYMLINK_FOLLOW);
        Ok(self.namespace.set_mode(&path, follow, mode & 0o7777)?)
    }

    fn make_fifo_at(
        &mut self,
        dir: Resource<Descriptor>,
        path: String,
        mode: u32,
    ) -> Result<(), FsFailure> {
        self.last_stat.forget();
        let path = self.path_at(&dir, &path)?;
        self.namespace.make_fifo(&path)?;
        Ok(self
            .namespace
            .set_mode(&path, false, mode & 0o7777 & !self.umask)?)
    }

    fn umask(&mut self) -> wasmtime::Result<u32> {
        Ok(self.umask)
    }
}
