//! A process's namespace: its mount table, and the walk that turns a path into a server and
//! a path on it. Each process gets a copy of its parent's namespace at spawn; changing it
//! (mount, bind, unmount) never touches another process's copy, so a child can never hold
//! a mount its parent lacked.
//!
//! As in Plan 9, a mount point can hold several layers (a union directory): lookups take
//! the first layer that has the name, listings merge all layers, and new files go to the
//! first layer.

use super::permission::{self, Access};
use super::{
    DirEntry, FileHandle, FileServer, FileType, FsError, FsResult, Metadata, OpenOptions, join,
};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::SystemTime;

/// Longest name of one path component, and of a whole path, as on Linux.
const NAME_MAX: usize = 255;
const PATH_MAX: usize = 4096;
/// Symbolic links followed in one walk before giving up, as on Linux.
const MAX_LINKS: usize = 40;

#[derive(Clone)]
struct Layer {
    server: Arc<dyn FileServer>,
    /// The part of the server shown: "" for all of it, a subtree for a bind.
    root: String,
}

impl Layer {
    fn path(&self, relative: &str) -> String {
        // The mount point itself is the layer's root (a trailing slash names nothing).
        if relative.is_empty() {
            return self.root.clone();
        }
        join(&self.root, relative)
    }

    /// `path`, borrowed where the layer shows its server whole (the usual case).
    fn on_server<'p>(&self, relative: &'p str) -> Cow<'p, str> {
        if self.root.is_empty() {
            Cow::Borrowed(relative)
        } else {
            Cow::Owned(self.path(relative))
        }
    }
}

#[derive(Clone)]
struct Mount {
    /// Where it is mounted, as a normalised absolute path ("/" or "/a/b").
    at: String,
    layers: Vec<Layer>,
}

/// Where a bind puts the new layer in a union.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BindMode {
    Replace,
    Before,
    After,
}

#[derive(Clone)]
pub struct Namespace {
    mounts: Vec<Mount>,
    /// The directories a program is handed at start (WASI preopens): its name for each,
    /// and where it is in this namespace. Every wasmix process gets `/`; `wasmix run`
    /// gives exactly its `--dir`s.
    preopens: Vec<(String, String)>,
    /// Whether the preopens are `wasmix run`'s `--dir`s, each a wall as under wasmtime
    /// (`..` above one is EPERM, even above one at `/`), rather than the whole tree.
    preopens_confine: bool,
}

impl Default for Namespace {
    fn default() -> Namespace {
        Namespace {
            mounts: Vec::new(),
            preopens: vec![("/".into(), "/".into())],
            preopens_confine: false,
        }
    }
}

/// Normalises an absolute path lexically: `.` and empty components go, `..` climbs
/// (clamped at `/`). Symlinks are not considered.
pub fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            name => parts.push(name),
        }
    }
    format!("/{}", parts.join("/"))
}

/// Joins a possibly relative path onto a directory.
pub fn absolute(base: &str, path: &str) -> String {
    if path.starts_with('/') {
        path.to_string()
    } else {
        format!("{}/{path}", base.trim_end_matches('/'))
    }
}

/// A number that tells servers apart for as long as they exist.
fn server_id(server: &Arc<dyn FileServer>) -> u64 {
    Arc::as_ptr(server).cast::<()>() as usize as u64
}

/// The part of `path` below mount point `at`, if `at` contains it.
fn below<'a>(at: &str, path: &'a str) -> Option<&'a str> {
    if at == "/" {
        return Some(path.trim_start_matches('/'));
    }
    let rest = path.strip_prefix(at)?;
    if rest.is_empty() {
        Some("")
    } else {
        rest.strip_prefix('/')
    }
}

impl Namespace {
    pub fn preopens(&self) -> &[(String, String)] {
        &self.preopens
    }

    /// Hands programs these directories at start: (their name, a path of this namespace).
    pub fn set_preopens(&mut self, preopens: Vec<(String, String)>) {
        self.preopens = preopens;
        self.preopens_confine = true;
    }

    /// Whether `..` above `/` is refused, as above a `wasmix run --dir` preopen; in a
    /// wasmix session it stays at `/`, as on Linux.
    pub fn root_confines(&self) -> bool {
        self.preopens_confine
    }

    /// Mounts a server at a path. A mount point is kernel state: it need not exist in the
    /// tree below (its parent must), so nothing is ever created in a host directory to
    /// hold one; listings of the parent show it.
    pub fn mount(&mut self, at: &str, server: Arc<dyn FileServer>, mode: BindMode) -> FsResult<()> {
        let at = normalize(at);
        if !self.mounts.is_empty() {
            match self.stat(&at, true) {
                Ok(meta) if !meta.is_dir() => return Err(FsError::NotDirectory),
                Ok(_) => {}
                Err(FsError::NotFound) => {
                    if !self.stat(&normalize(&format!("{at}/..")), true)?.is_dir() {
                        return Err(FsError::NotDirectory);
                    }
                }
                Err(e) => return Err(e),
            }
        }
        self.add_layers(
            &at,
            vec![Layer {
                server,
                root: String::new(),
            }],
            mode,
        );
        Ok(())
    }

    /// Makes `new` show what is at `old`, as Plan 9's bind.
    pub fn bind(&mut self, old: &str, new: &str, mode: BindMode) -> FsResult<()> {
        let old = self.resolve(old, true)?;
        let new = self.resolve(new, true)?;
        if !self.stat(&old, false)?.is_dir() || !self.stat(&new, false)?.is_dir() {
            return Err(FsError::NotDirectory);
        }
        let (mount, relative) = self.route(&old)?;
        let layers = mount
            .layers
            .iter()
            .map(|layer| Layer {
                server: layer.server.clone(),
                root: layer.path(relative),
            })
            .collect();
        self.add_layers(&new, layers, mode);
        Ok(())
    }

    fn add_layers(&mut self, at: &str, layers: Vec<Layer>, mode: BindMode) {
        match self.mounts.iter_mut().find(|m| m.at == at) {
            Some(mount) => match mode {
                BindMode::Replace => mount.layers = layers,
                BindMode::Before => {
                    mount.layers.splice(0..0, layers);
                }
                BindMode::After => mount.layers.extend(layers),
            },
            None => {
                let mut layers = layers;
                // A union keeps showing what was there before the mount.
                if mode != BindMode::Replace
                    && let Ok((below, relative)) = self.route(at)
                {
                    let underneath = below.layers.iter().map(|layer| Layer {
                        server: layer.server.clone(),
                        root: layer.path(relative),
                    });
                    match mode {
                        BindMode::Before => layers.extend(underneath),
                        _ => layers.splice(0..0, underneath).for_each(drop),
                    }
                }
                self.mounts.push(Mount {
                    at: at.to_string(),
                    layers,
                });
                // Longest first, so routing finds the deepest mount point.
                self.mounts.sort_by_key(|m| std::cmp::Reverse(m.at.len()));
            }
        }
    }

    /// Removes the mount at a path.
    pub fn unmount(&mut self, at: &str) -> FsResult<()> {
        let at = normalize(at);
        if at == "/" {
            return Err(FsError::Access);
        }
        let before = self.mounts.len();
        self.mounts.retain(|m| m.at != at);
        if self.mounts.len() == before {
            Err(FsError::Invalid)
        } else {
            Ok(())
        }
    }

    /// The mount table, one line per mount point: where, and its layers in order.
    pub fn describe(&self) -> Vec<(String, Vec<String>)> {
        let mut table: Vec<(String, Vec<String>)> = self
            .mounts
            .iter()
            .map(|m| {
                let layers = m
                    .layers
                    .iter()
                    .map(|l| match l.root.as_str() {
                        "" => l.server.describe(),
                        root => format!("{} /{root}", l.server.describe()),
                    })
                    .collect();
                (m.at.clone(), layers)
            })
            .collect();
        table.sort();
        table
    }

    fn route<'p>(&self, path: &'p str) -> FsResult<(&Mount, &'p str)> {
        self.mounts
            .iter()
            .find_map(|m| below(&m.at, path).map(|relative| (m, relative)))
            .ok_or(FsError::NotFound)
    }

    /// The first layer that has `path`, with the path on it.
    fn find<'p>(&self, path: &'p str) -> FsResult<(&Layer, Cow<'p, str>, Metadata)> {
        let (mount, relative) = self.route(path)?;
        let mut first_error = FsError::NotFound;
        for layer in &mount.layers {
            let on_server = layer.on_server(relative);
            match layer.server.lstat(&on_server) {
                Ok(mut meta) => {
                    meta.device = server_id(&layer.server);
                    return Ok((layer, on_server, meta));
                }
                Err(FsError::NotFound) => {}
                Err(e) => first_error = e,
            }
        }
        Err(first_error)
    }

    /// Where a new entry at `path` goes: the first layer of its mount.
    fn creation_layer(&self, path: &str) -> FsResult<(&Layer, String)> {
        let (mount, relative) = self.route(path)?;
        let layer = mount.layers.first().ok_or(FsError::NotFound)?;
        Ok((layer, layer.path(relative)))
    }

    /// Resolves symbolic links: returns the absolute path with no link left in it (the last
    /// component is followed only if `follow_last`). The last component may not exist.
    pub fn resolve(&self, path: &str, follow_last: bool) -> FsResult<String> {
        self.walk(path, follow_last).map(|(resolved, _)| resolved)
    }

    /// `resolve`, also giving the metadata of what the path names, if it exists.
    ///
    /// Every spawn, stat and open comes through here, so it builds one string: the
    /// resolved path grows and shrinks in place, and each prefix is looked up as a slice
    /// of it. Names are slices of `path` until a symbolic link adds its target's.
    fn walk(&self, path: &str, follow_last: bool) -> FsResult<(String, Option<Metadata>)> {
        self.walk_below(path, 0, follow_last)
    }

    /// `walk` of the names after the first `dir_len` bytes of `path`, which name a resolved
    /// directory (a descriptor's), as `openat` walks from its directory: what lies above
    /// it is not looked at again.
    fn walk_below(
        &self,
        path: &str,
        dir_len: usize,
        follow_last: bool,
    ) -> FsResult<(String, Option<Metadata>)> {
        if path.len() > PATH_MAX {
            return Err(FsError::NameTooLong);
        }
        let (dir, rest) = path.split_at(dir_len);
        // `.` stays among the names to walk: as on Linux, `d/.` needs `d` searchable.
        let mut pending: Vec<Cow<str>> = rest
            .split('/')
            .rev()
            .filter(|c| !c.is_empty())
            .map(Cow::Borrowed)
            .collect();
        // "" stands for `/`; each name walked adds `/name`.
        let mut resolved = String::with_capacity(path.len() + 1);
        resolved.push_str(dir.trim_end_matches('/'));
        let mut found = None;
        let mut links = 0;
        while let Some(name) = pending.pop() {
            if name == "." {
                continue;
            }
            found = None;
            if name == ".." {
                resolved.truncate(resolved.rfind('/').unwrap_or(0));
                continue;
            }
            if name.len() > NAME_MAX {
                return Err(FsError::NameTooLong);
            }
            let parent_len = resolved.len();
            resolved.push('/');
            resolved.push_str(&name);
            let is_last = pending.is_empty();
            let follow = !is_last || follow_last;
            // A link's target is read while the lookup still borrows `resolved`.
            let looked_up = self.find(&resolved).map(|(layer, on_server, meta)| {
                let target = (meta.file_type == FileType::Symlink && follow)
                    .then(|| layer.server.readlink(&on_server));
                (meta, target)
            });
            match looked_up {
                Ok((_, Some(target))) => {
                    let target = target?;
                    links += 1;
                    if links > MAX_LINKS {
                        return Err(FsError::Loop);
                    }
                    resolved.truncate(if target.starts_with('/') {
                        0
                    } else {
                        parent_len
                    });
                    pending.extend(
                        target
                            .split('/')
                            .rev()
                            .filter(|c| !c.is_empty())
                            .map(|c| Cow::Owned(c.to_string())),
                    );
                }
                Ok((meta, None)) => match meta.file_type {
                    FileType::Directory => {
                        if !is_last {
                            permission::check(&meta, Access::Search)?;
                        }
                        found = Some(meta);
                    }
                    _ if is_last => found = Some(meta),
                    _ => return Err(FsError::NotDirectory),
                },
                Err(FsError::NotFound) if is_last => {}
                Err(e) => return Err(e),
            }
        }
        if resolved.is_empty() {
            resolved.push('/');
        }
        Ok((resolved, found))
    }

    pub fn stat(&self, path: &str, follow: bool) -> FsResult<Metadata> {
        self.lookup_below(path, 0, follow)
            .and_then(|(_, meta)| meta)
    }

    /// `resolve`, with the metadata of what the path names: one walk for both. Only the
    /// names after its first `dir_len` bytes are walked (see `walk_below`).
    pub fn lookup_below(
        &self,
        path: &str,
        dir_len: usize,
        follow: bool,
    ) -> FsResult<(String, FsResult<Metadata>)> {
        let (resolved, found) = self.walk_below(path, dir_len, follow)?;
        let meta = match found {
            Some(meta) => Ok(meta),
            None => self.find(&resolved).map(|(_, _, meta)| meta),
        };
        Ok((resolved, meta))
    }

    pub fn open(&self, path: &str, options: OpenOptions) -> FsResult<Arc<dyn FileHandle>> {
        let (handle, _device) = self.open_resolved(&self.resolve(path, true)?, options)?;
        Ok(handle)
    }

    /// `open` of a path `resolve` gave (every directory on the way was searched then),
    /// with the device the file is on, which its handle does not know.
    pub fn open_resolved(
        &self,
        path: &str,
        options: OpenOptions,
    ) -> FsResult<(Arc<dyn FileHandle>, u64)> {
        match self.find(path) {
            Ok((_, _, meta)) if meta.is_dir() => Err(FsError::IsDirectory),
            Ok((layer, on_server, meta)) => {
                if options.read {
                    permission::check(&meta, Access::Read)?;
                }
                if options.write || options.truncate {
                    permission::check(&meta, Access::Write)?;
                }
                let device = meta.device;
                if meta.file_type == FileType::Fifo {
                    if options.create && options.exclusive {
                        return Err(FsError::Exists);
                    }
                    return Ok((crate::fifo::open(meta, options)?, device));
                }
                Ok((layer.server.open(&on_server, options)?, device))
            }
            Err(FsError::NotFound) if options.create => {
                self.parent_takes_entries(path)?;
                let (layer, on_server) = self.creation_layer(path)?;
                let handle = layer.server.open(&on_server, options)?;
                Ok((handle, server_id(&layer.server)))
            }
            Err(e) => Err(e),
        }
    }

    /// The directory `path` (a resolved path) is in exists, is a directory, and lets its
    /// entries change.
    fn parent_takes_entries(&self, path: &str) -> FsResult<()> {
        let parent = match path.rfind('/') {
            Some(0) | None => "/",
            Some(end) => &path[..end],
        };
        match self.find(parent) {
            Ok((_, _, meta)) if meta.is_dir() => permission::check(&meta, Access::ChangeEntries),
            Ok(_) => Err(FsError::NotDirectory),
            Err(e) => Err(e),
        }
    }

    /// The entries of a directory, with union layers merged and mount points included.
    pub fn read_dir(&self, path: &str) -> FsResult<Vec<DirEntry>> {
        let path = self.resolve(path, true)?;
        if let Ok((_, _, meta)) = self.find(&path) {
            permission::check(&meta, Access::Read)?;
        }
        let (mount, relative) = self.route(&path)?;
        let mut seen = BTreeSet::new();
        let mut entries = Vec::new();
        let mut found = false;
        for layer in &mount.layers {
            match layer.server.read_dir(&layer.path(relative)) {
                Ok(listed) => {
                    found = true;
                    entries.extend(listed.into_iter().filter(|e| seen.insert(e.name.clone())));
                }
                Err(FsError::NotFound) => {}
                Err(e) => return Err(e),
            }
        }
        if !found {
            return Err(FsError::NotFound);
        }
        let mut merged = mount.layers.len() > 1;
        for mount in &self.mounts {
            let parent = normalize(&format!("{}/..", mount.at));
            let name = super::split_last(mount.at.trim_start_matches('/')).1;
            if mount.at != "/" && parent == path && seen.insert(name.to_string()) {
                entries.push(DirEntry {
                    name: name.to_string(),
                    file_type: super::FileType::Directory,
                });
                merged = true;
            }
        }
        // One server's listing keeps its order (a host directory's is the host's, which
        // GNU's find, du and `ls -U` show); a merged one is put in name order.
        if merged {
            entries.sort_by(|a, b| a.name.cmp(&b.name));
        }
        Ok(entries)
    }

    pub fn readlink(&self, path: &str) -> FsResult<String> {
        let path = self.resolve(path, false)?;
        let (layer, on_server, _) = self.find(&path)?;
        layer.server.readlink(&on_server)
    }

    pub fn create_dir(&self, path: &str) -> FsResult<()> {
        self.create(path, |server, on_server| server.create_dir(on_server))
    }

    /// Makes a new entry at `path` (not followed if a link) with `make`, on the layer new
    /// entries go to, if nothing is there and its directory lets entries be added.
    fn create(
        &self,
        path: &str,
        make: impl FnOnce(&dyn FileServer, &str) -> FsResult<()>,
    ) -> FsResult<()> {
        let path = self.resolve(path, false)?;
        if self.find(&path).is_ok() {
            return Err(FsError::Exists);
        }
        self.parent_takes_entries(&path)?;
        let (layer, on_server) = self.creation_layer(&path)?;
        make(layer.server.as_ref(), &on_server)
    }

    pub fn remove_dir(&self, path: &str) -> FsResult<()> {
        let path = self.resolve(path, false)?;
        if self.mounts.iter().any(|m| m.at == path) {
            return Err(FsError::Access);
        }
        let (layer, on_server, _) = self.find(&path)?;
        self.parent_takes_entries(&path)?;
        layer.server.remove_dir(&on_server)
    }

    pub fn unlink(&self, path: &str) -> FsResult<()> {
        let path = self.resolve(path, false)?;
        let (layer, on_server, _) = self.find(&path)?;
        self.parent_takes_entries(&path)?;
        layer.server.unlink(&on_server)
    }

    pub fn symlink(&self, target: &str, path: &str) -> FsResult<()> {
        self.create(path, |server, on_server| server.symlink(target, on_server))
    }

    pub fn make_fifo(&self, path: &str) -> FsResult<()> {
        self.create(path, |server, on_server| server.make_fifo(on_server))
    }

    /// Renames within one file server; across servers it fails as Linux does (EXDEV), and
    /// `mv` copies instead.
    pub fn rename(&self, from: &str, to: &str) -> FsResult<()> {
        let from = self.resolve(from, false)?;
        let to = self.resolve(to, false)?;
        let (from_layer, from_on_server, _) = self.find(&from)?;
        self.parent_takes_entries(&from)?;
        self.parent_takes_entries(&to)?;
        let (to_layer, to_on_server) = match self.find(&to) {
            Ok((layer, on_server, _)) => (layer, on_server.into_owned()),
            Err(FsError::NotFound) => self.creation_layer(&to)?,
            Err(e) => return Err(e),
        };
        if !Arc::ptr_eq(&from_layer.server, &to_layer.server) {
            return Err(FsError::CrossDevice);
        }
        from_layer.server.rename(&from_on_server, &to_on_server)
    }

    /// A hard link, within one file server as on Linux (EXDEV across).
    pub fn link(&self, existing: &str, new: &str) -> FsResult<()> {
        let existing = self.resolve(existing, false)?;
        let new = self.resolve(new, false)?;
        let (from_layer, from_on_server, _) = self.find(&existing)?;
        if self.find(&new).is_ok() {
            return Err(FsError::Exists);
        }
        self.parent_takes_entries(&new)?;
        let (to_layer, to_on_server) = self.creation_layer(&new)?;
        if !Arc::ptr_eq(&from_layer.server, &to_layer.server) {
            return Err(FsError::CrossDevice);
        }
        from_layer.server.link(&from_on_server, &to_on_server)
    }

    pub fn set_times(
        &self,
        path: &str,
        follow: bool,
        accessed: Option<SystemTime>,
        modified: Option<SystemTime>,
    ) -> FsResult<()> {
        let path = self.resolve(path, follow)?;
        let (layer, on_server, _) = self.find(&path)?;
        layer.server.set_times(&on_server, accessed, modified)
    }

    /// Gives a file or directory just made at `path` the mode its creator's umask allows,
    /// when that is not the one every server gives (`NEW_FILE_MODE`, `NEW_DIR_MODE`).
    pub fn apply_umask(&self, path: &str, is_dir: bool, umask: u32) -> FsResult<()> {
        if umask == super::DEFAULT_UMASK {
            return Ok(());
        }
        let full = if is_dir { 0o777 } else { 0o666 };
        self.set_mode(path, true, full & !umask)
    }

    /// chmod: a symlink itself has no mode of its own to set (Linux's lchmod fails too).
    pub fn set_mode(&self, path: &str, follow: bool, mode: u32) -> FsResult<()> {
        let path = self.resolve(path, follow)?;
        let (layer, on_server, meta) = self.find(&path)?;
        if meta.file_type == FileType::Symlink {
            return Err(FsError::Unsupported);
        }
        layer.server.set_mode(&on_server, mode)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::ramfs::RamFs;

    fn namespace() -> Namespace {
        let mut ns = Namespace::default();
        ns.mount("/", Arc::new(RamFs::default()), BindMode::Replace)
            .unwrap();
        ns.create_dir("/a").unwrap();
        ns.create_dir("/b").unwrap();
        ns
    }

    fn touch(ns: &Namespace, path: &str) {
        let options = OpenOptions {
            write: true,
            create: true,
            ..OpenOptions::default()
        };
        ns.open(path, options).unwrap();
    }

    fn names(ns: &Namespace, path: &str) -> Vec<String> {
        ns.read_dir(path)
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect()
    }

    #[test]
    fn dot_dot_never_climbs_above_root() {
        assert_eq!(normalize("/../../a/./b/../c"), "/a/c");
        let ns = namespace();
        touch(&ns, "/a/f");
        assert!(ns.stat("/../../../a/f", true).is_ok());
    }

    #[test]
    fn symlinks_resolve_inside_the_namespace() {
        let ns = namespace();
        touch(&ns, "/b/target");
        ns.symlink("/b", "/a/link").unwrap();
        assert!(ns.stat("/a/link/target", true).is_ok());
        ns.symlink("loop", "/a/loop").unwrap();
        assert_eq!(ns.stat("/a/loop", true).unwrap_err(), FsError::Loop);
        assert_eq!(ns.readlink("/a/link").unwrap(), "/b");
    }

    #[test]
    fn union_binds_merge_listings() {
        let mut ns = namespace();
        touch(&ns, "/a/one");
        touch(&ns, "/b/two");
        ns.bind("/a", "/b", BindMode::After).unwrap();
        assert_eq!(names(&ns, "/b"), ["one", "two"]);
        let child = ns.clone();
        ns.unmount("/b").unwrap();
        assert_eq!(names(&ns, "/b"), ["two"]);
        assert_eq!(
            names(&child, "/b"),
            ["one", "two"],
            "the copy keeps its mounts"
        );
    }

    #[test]
    fn mount_points_show_in_their_parent() {
        let mut ns = namespace();
        ns.create_dir("/a/tmp").unwrap();
        ns.mount("/a/tmp", Arc::new(RamFs::default()), BindMode::Replace)
            .unwrap();
        touch(&ns, "/a/tmp/x");
        assert_eq!(names(&ns, "/a"), ["tmp"]);
        assert_eq!(
            ns.rename("/a/tmp/x", "/a/y").unwrap_err(),
            FsError::CrossDevice
        );
    }
}
