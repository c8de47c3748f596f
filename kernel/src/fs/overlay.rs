//! The overlay: a writable layer unioned over the read-only root image.
//!
//! Reads fall through to the image; the first write to an image file copies it up. Deleting
//! an image file leaves a whiteout (an empty `.wh.NAME` file) in the upper layer, and a
//! directory recreated over a deleted one carries an opaque marker (`.wh..wh..opq`) so the
//! image's old contents stay hidden, as in Linux's overlayfs and AUFS. The markers are plain
//! files, so the upper layer can be any server: ramfs, or a host directory for persistence.

use super::{
    DirEntry, FileHandle, FileServer, FileType, FsError, FsResult, Metadata, OpenOptions, join,
    split_last,
};
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::SystemTime;

const WHITEOUT_PREFIX: &str = ".wh.";
const OPAQUE_MARKER: &str = ".wh..wh..opq";
/// A copy-up in progress: hidden like every marker, and never a whiteout of a real name
/// (no entry can be created with the whiteout prefix).
const COPY_UP_PREFIX: &str = ".wh..wh..copy.";

static COPY_UPS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

pub struct Overlay {
    upper: Arc<dyn FileServer>,
    lower: Arc<dyn FileServer>,
}

fn whiteout_of(path: &str) -> String {
    let (parent, name) = split_last(path);
    join(parent, &format!("{WHITEOUT_PREFIX}{name}"))
}

fn create_marker(server: &dyn FileServer, path: &str) -> FsResult<()> {
    let options = OpenOptions {
        write: true,
        create: true,
        ..OpenOptions::default()
    };
    server.open(path, options).map(drop)
}

/// Removes a marker file, if there is one.
fn remove_marker(server: &dyn FileServer, path: &str) -> FsResult<()> {
    match server.unlink(path) {
        Ok(()) | Err(FsError::NotFound) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Removes `path` from a layer, a directory with all it holds.
fn remove_tree(server: &dyn FileServer, path: &str) -> FsResult<()> {
    if !server.lstat(path)?.is_dir() {
        return server.unlink(path);
    }
    for entry in server.read_dir(path)? {
        remove_tree(server, &join(path, &entry.name))?;
    }
    server.remove_dir(path)
}

impl Overlay {
    pub fn new(upper: Arc<dyn FileServer>, lower: Arc<dyn FileServer>) -> Overlay {
        Overlay { upper, lower }
    }

    /// Brings the image's `path` back as the image has it (`wasmix reset`): whiteouts
    /// and opaque markers for it and below it go, and so do the upper layer's copies of
    /// image files, so the image shows through again; files the image does not have are
    /// kept. A deleted directory above `path` shows its image entries again too. The
    /// number of image entries that now show the image's own.
    pub fn reset(&self, path: &str) -> FsResult<usize> {
        let path = path.trim_matches('/');
        self.lower.lstat(path)?;
        let mut prefix = String::new();
        for name in path.split('/').filter(|n| !n.is_empty()) {
            remove_marker(self.upper.as_ref(), &join(&prefix, OPAQUE_MARKER))?;
            remove_marker(
                self.upper.as_ref(),
                &join(&prefix, &format!("{WHITEOUT_PREFIX}{name}")),
            )?;
            prefix = join(&prefix, name);
        }
        self.reset_below(path)
    }

    fn reset_below(&self, path: &str) -> FsResult<usize> {
        let image = self.lower.lstat(path)?;
        match self.upper.lstat(path) {
            Ok(upper) if upper.is_dir() && image.is_dir() => {
                remove_marker(self.upper.as_ref(), &join(path, OPAQUE_MARKER))?
            }
            Ok(_) => remove_tree(self.upper.as_ref(), path)?,
            Err(FsError::NotFound) => {}
            Err(e) => return Err(e),
        }
        let mut restored = 1;
        if image.is_dir() {
            for entry in self.lower.read_dir(path)? {
                let child = join(path, &entry.name);
                remove_marker(self.upper.as_ref(), &whiteout_of(&child))?;
                restored += self.reset_below(&child)?;
            }
        }
        Ok(restored)
    }

    fn in_upper(&self, path: &str) -> bool {
        self.upper.lstat(path).is_ok()
    }

    /// Whether the image's entry at `path` still shows: no whiteout for it or an ancestor,
    /// and no opaque directory above it.
    fn lower_visible(&self, path: &str) -> bool {
        let mut prefix = String::new();
        for name in path.split('/').filter(|n| !n.is_empty()) {
            if self.in_upper(&join(&prefix, OPAQUE_MARKER))
                || self.in_upper(&join(&prefix, &format!("{WHITEOUT_PREFIX}{name}")))
            {
                return false;
            }
            prefix = join(&prefix, name);
        }
        true
    }

    fn lower_lstat(&self, path: &str) -> FsResult<Metadata> {
        if self.lower_visible(path) {
            self.lower.lstat(path)
        } else {
            Err(FsError::NotFound)
        }
    }

    fn merged_lstat(&self, path: &str) -> FsResult<Metadata> {
        match self.upper.lstat(path) {
            Err(FsError::NotFound) => self.lower_lstat(path),
            other => other,
        }
    }

    /// Makes every directory of `dir` exist in the upper layer.
    fn ensure_upper_dirs(&self, dir: &str) -> FsResult<()> {
        let mut prefix = String::new();
        for name in dir.split('/').filter(|n| !n.is_empty()) {
            prefix = join(&prefix, name);
            match self.upper.lstat(&prefix) {
                Ok(meta) if meta.is_dir() => {}
                Ok(_) => return Err(FsError::NotDirectory),
                Err(FsError::NotFound) => {
                    if !self.lower_lstat(&prefix)?.is_dir() {
                        return Err(FsError::NotDirectory);
                    }
                    match self.upper.create_dir(&prefix) {
                        // Another wasmix on the same state directory made it first.
                        Err(FsError::Exists) if self.upper.lstat(&prefix)?.is_dir() => {}
                        other => other?,
                    }
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Copies an image entry into the upper layer, so it can be changed there.
    fn copy_up(&self, path: &str, with_contents: bool) -> FsResult<()> {
        let meta = self.lower_lstat(path)?;
        self.ensure_upper_dirs(split_last(path).0)?;
        match meta.file_type {
            FileType::Directory => self
                .upper
                .create_dir(path)
                .and_then(|()| self.upper.set_mode(path, meta.mode)),
            FileType::Symlink => self.upper.symlink(&self.lower.readlink(path)?, path),
            _ => {
                // Copied whole under a hidden name, then linked into place: a crash or a
                // full disk leaves the image's file showing, never a torn copy, and when
                // two wasmix copy up at once the first copy wins and keeps its writes.
                let (parent, _) = split_last(path);
                let temporary = join(
                    parent,
                    &format!(
                        "{COPY_UP_PREFIX}{}.{}",
                        std::process::id(),
                        COPY_UPS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
                    ),
                );
                let copied = self
                    .copy_file(path, &temporary, with_contents)
                    .and_then(|()| self.upper.set_mode(&temporary, meta.mode));
                let placed = copied.and_then(|()| match self.upper.link(&temporary, path) {
                    Ok(()) | Err(FsError::Exists) => Ok(()),
                    Err(e) => Err(e),
                });
                let _ = self.upper.unlink(&temporary);
                placed
            }
        }
    }

    fn copy_file(&self, path: &str, temporary: &str, with_contents: bool) -> FsResult<()> {
        let options = OpenOptions {
            write: true,
            create: true,
            exclusive: true,
            ..OpenOptions::default()
        };
        let target = self.upper.open(temporary, options)?;
        if with_contents {
            let source = self.lower.open(path, OpenOptions::read_only())?;
            let mut buffer = vec![0; 64 * 1024];
            let mut offset = 0;
            loop {
                let n = source.read_at(&mut buffer, offset)?;
                if n == 0 {
                    break;
                }
                let mut written = 0;
                while written < n {
                    written += target.write_at(&buffer[written..n], offset + written as u64)?;
                }
                offset += n as u64;
            }
            target.sync()?;
        }
        Ok(())
    }

    /// Prepares the upper layer for a new entry at `path`.
    fn make_room(&self, path: &str) -> FsResult<()> {
        if split_last(path).1.starts_with(WHITEOUT_PREFIX) {
            return Err(FsError::Invalid);
        }
        self.ensure_upper_dirs(split_last(path).0)?;
        match self.upper.unlink(&whiteout_of(path)) {
            Ok(()) | Err(FsError::NotFound) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Hides the image's entry at `path`, if it has one.
    fn hide_lower(&self, path: &str) -> FsResult<()> {
        if self.lower_lstat(path).is_ok() {
            self.ensure_upper_dirs(split_last(path).0)?;
            create_marker(self.upper.as_ref(), &whiteout_of(path))?;
        }
        Ok(())
    }
}

impl FileServer for Overlay {
    fn describe(&self) -> String {
        format!(
            "overlay ({} over {})",
            self.upper.describe(),
            self.lower.describe()
        )
    }

    fn lstat(&self, path: &str) -> FsResult<Metadata> {
        self.merged_lstat(path)
    }

    fn open(&self, path: &str, options: OpenOptions) -> FsResult<Arc<dyn FileHandle>> {
        if self.in_upper(path) {
            return self.upper.open(path, options);
        }
        match self.lower_lstat(path) {
            Ok(_) if options.create && options.exclusive => Err(FsError::Exists),
            Ok(_) if !options.mutates() => self.lower.open(path, options),
            Ok(meta) if meta.is_dir() => Err(FsError::IsDirectory),
            Ok(_) => {
                self.copy_up(path, !options.truncate)?;
                self.upper.open(path, options)
            }
            Err(FsError::NotFound) if options.create => {
                self.make_room(path)?;
                self.upper.open(path, options)
            }
            Err(e) => Err(e),
        }
    }

    fn read_dir(&self, path: &str) -> FsResult<Vec<DirEntry>> {
        let upper = match self.upper.read_dir(path) {
            Ok(entries) => Some(entries),
            Err(FsError::NotFound) => None,
            Err(e) => return Err(e),
        };
        let lower = match self.lower_lstat(path) {
            Ok(meta) if meta.is_dir() => Some(self.lower.read_dir(path)?),
            _ => None,
        };
        if upper.is_none() && lower.is_none() {
            return self.merged_lstat(path).and(Err(FsError::NotDirectory));
        }
        let upper = upper.unwrap_or_default();
        let opaque = upper.iter().any(|e| e.name == OPAQUE_MARKER);
        let hidden: BTreeSet<&str> = upper
            .iter()
            .filter_map(|e| e.name.strip_prefix(WHITEOUT_PREFIX))
            .collect();
        let mut merged: Vec<DirEntry> = upper
            .iter()
            .filter(|e| !e.name.starts_with(WHITEOUT_PREFIX))
            .cloned()
            .collect();
        if !opaque {
            let shown: BTreeSet<String> = merged.iter().map(|e| e.name.clone()).collect();
            merged.extend(
                lower
                    .into_iter()
                    .flatten()
                    .filter(|e| !hidden.contains(e.name.as_str()) && !shown.contains(&e.name)),
            );
        }
        merged.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(merged)
    }

    fn readlink(&self, path: &str) -> FsResult<String> {
        if self.in_upper(path) {
            self.upper.readlink(path)
        } else {
            self.lower_lstat(path)?;
            self.lower.readlink(path)
        }
    }

    fn create_dir(&self, path: &str) -> FsResult<()> {
        if self.merged_lstat(path).is_ok() {
            return Err(FsError::Exists);
        }
        let was_hidden = self.in_upper(&whiteout_of(path));
        self.make_room(path)?;
        self.upper.create_dir(path)?;
        if was_hidden && self.lower.lstat(path).is_ok() {
            create_marker(self.upper.as_ref(), &join(path, OPAQUE_MARKER))?;
        }
        Ok(())
    }

    fn remove_dir(&self, path: &str) -> FsResult<()> {
        if !self.merged_lstat(path)?.is_dir() {
            return Err(FsError::NotDirectory);
        }
        if !self.read_dir(path)?.is_empty() {
            return Err(FsError::NotEmpty);
        }
        if self.in_upper(path) {
            for marker in self.upper.read_dir(path)? {
                self.upper.unlink(&join(path, &marker.name))?;
            }
            self.upper.remove_dir(path)?;
        }
        self.hide_lower(path)
    }

    fn unlink(&self, path: &str) -> FsResult<()> {
        if self.merged_lstat(path)?.is_dir() {
            return Err(FsError::IsDirectory);
        }
        if self.in_upper(path) {
            self.upper.unlink(path)?;
        }
        self.hide_lower(path)
    }

    fn rename(&self, from: &str, to: &str) -> FsResult<()> {
        let meta = self.merged_lstat(from)?;
        if meta.is_dir() && self.lower_lstat(from).is_ok() {
            // Moving a directory of the image would mean copying it all; like overlayfs,
            // say so and let the program copy instead.
            return Err(FsError::CrossDevice);
        }
        if !self.in_upper(from) {
            self.copy_up(from, true)?;
        }
        self.make_room(to)?;
        self.upper.rename(from, to)?;
        self.hide_lower(from)
    }

    fn symlink(&self, target: &str, path: &str) -> FsResult<()> {
        if self.merged_lstat(path).is_ok() {
            return Err(FsError::Exists);
        }
        self.make_room(path)?;
        self.upper.symlink(target, path)
    }

    fn make_fifo(&self, path: &str) -> FsResult<()> {
        if self.merged_lstat(path).is_ok() {
            return Err(FsError::Exists);
        }
        self.make_room(path)?;
        self.upper.make_fifo(path)
    }

    fn link(&self, existing: &str, new: &str) -> FsResult<()> {
        if self.merged_lstat(existing)?.is_dir() {
            return Err(FsError::NotPermitted);
        }
        if self.merged_lstat(new).is_ok() {
            return Err(FsError::Exists);
        }
        if !self.in_upper(existing) {
            self.copy_up(existing, true)?;
        }
        self.make_room(new)?;
        self.upper.link(existing, new)
    }

    fn set_times(
        &self,
        path: &str,
        accessed: Option<SystemTime>,
        modified: Option<SystemTime>,
    ) -> FsResult<()> {
        if !self.in_upper(path) {
            self.copy_up(path, true)?;
        }
        self.upper.set_times(path, accessed, modified)
    }

    fn set_mode(&self, path: &str, mode: u32) -> FsResult<()> {
        if !self.in_upper(path) {
            self.copy_up(path, true)?;
        }
        self.upper.set_mode(path, mode)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::ramfs::RamFs;

    fn layered() -> Overlay {
        let lower = RamFs::default();
        lower.create_dir("etc").unwrap();
        let motd = lower
            .open(
                "etc/motd",
                OpenOptions {
                    write: true,
                    create: true,
                    ..OpenOptions::default()
                },
            )
            .unwrap();
        motd.write_at(b"image text\n", 0).unwrap();
        lower.create_dir("etc/skel").unwrap();
        Overlay::new(Arc::new(RamFs::default()), Arc::new(lower))
    }

    fn read(fs: &dyn FileServer, path: &str) -> String {
        let file = fs.open(path, OpenOptions::read_only()).unwrap();
        let mut buf = vec![0; 100];
        let n = file.read_at(&mut buf, 0).unwrap();
        String::from_utf8(buf[..n].to_vec()).unwrap()
    }

    #[test]
    fn writing_copies_up_and_leaves_the_image_alone() {
        let fs = layered();
        let options = OpenOptions {
            write: true,
            ..OpenOptions::default()
        };
        fs.open("etc/motd", options)
            .unwrap()
            .write_at(b"IMAGE", 0)
            .unwrap();
        assert_eq!(read(&fs, "etc/motd"), "IMAGE text\n");
        assert_eq!(read(fs.lower.as_ref(), "etc/motd"), "image text\n");
    }

    #[test]
    fn deleting_an_image_file_hides_it() {
        let fs = layered();
        fs.unlink("etc/motd").unwrap();
        assert_eq!(fs.lstat("etc/motd").unwrap_err(), FsError::NotFound);
        let names: Vec<_> = fs
            .read_dir("etc")
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["skel"]);
    }

    #[test]
    fn a_recreated_directory_does_not_show_old_contents() {
        let fs = layered();
        fs.unlink("etc/motd").unwrap();
        fs.remove_dir("etc/skel").unwrap();
        fs.remove_dir("etc").unwrap();
        fs.create_dir("etc").unwrap();
        assert!(fs.read_dir("etc").unwrap().is_empty());
    }
}
