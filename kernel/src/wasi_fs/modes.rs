//! `wasmix:filesystem/modes`: the permission bits the kernel's servers keep, read and set
//! through a directory descriptor the way `stat-at` and `set-times-at` go.

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

    fn umask(&mut self) -> wasmtime::Result<u32> {
        Ok(self.umask)
    }
}
