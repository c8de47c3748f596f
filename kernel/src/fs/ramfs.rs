//! ramfs: files kept in memory (/tmp, and the whole writable layer with `--ephemeral`).
//!
//! File contents are one growable buffer each, shared by every open handle, so a write at
//! an offset touches only the bytes written and appending is amortised O(size): writing
//! 100 MiB through `cat > file` never copies the file per write. Every byte a buffer holds
//! (its capacity, which is what the host pays for) is taken from the kernel's ramfs
//! budget first; past it, writes fail with "No space left on device".

use super::{
    DirEntry, FileHandle, FileServer, FileType, FsError, FsResult, Metadata, NEW_DIR_MODE,
    NEW_FILE_MODE, OpenOptions, SYMLINK_MODE, split_last,
};
use crate::budget::Budget;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::SystemTime;

struct Times {
    modified: SystemTime,
    accessed: SystemTime,
    /// The status-change time (ctime): contents, names, link count or times changed.
    changed: SystemTime,
}

impl Times {
    fn now() -> Times {
        let now = SystemTime::now();
        Times {
            modified: now,
            accessed: now,
            changed: now,
        }
    }
}

/// A file's bytes, whose capacity is reserved from the budget and given back when the
/// buffer shrinks or the file goes.
struct FileData {
    bytes: RwLock<Vec<u8>>,
    budget: Arc<Budget>,
}

impl FileData {
    /// Makes room for up to `len` bytes, reserving what the buffer grows by, and returns
    /// how many it can hold: less than `len` only when the budget runs out, so a write
    /// fills the last byte and comes up short, as on a full disk. The buffer at least
    /// doubles when the budget allows, so appending stays amortised O(size).
    fn grow(&self, bytes: &mut Vec<u8>, len: usize) -> FsResult<usize> {
        let capacity = bytes.capacity();
        if len <= capacity {
            return Ok(len);
        }
        let generous = len.max(capacity.saturating_mul(2));
        let target = if self.budget.try_reserve((generous - capacity) as u64) {
            generous
        } else {
            capacity + self.budget.reserve_up_to((len - capacity) as u64) as usize
        };
        if target <= bytes.len() {
            self.budget.release((target - capacity) as u64);
            return Err(FsError::NoSpace);
        }
        if bytes.try_reserve_exact(target - bytes.len()).is_err() {
            self.budget.release((target - capacity) as u64);
            return Err(FsError::NoSpace);
        }
        // The allocator may give more than asked; that is held too.
        let extra = bytes.capacity().saturating_sub(target) as u64;
        if extra > 0 && !self.budget.try_reserve(extra) {
            bytes.shrink_to(target);
        }
        Ok(target.min(len))
    }

    fn shrink(&self, bytes: &mut Vec<u8>, len: usize) {
        let before = bytes.capacity();
        bytes.truncate(len);
        bytes.shrink_to_fit();
        self.budget
            .release(before.saturating_sub(bytes.capacity()) as u64);
    }
}

impl Drop for FileData {
    fn drop(&mut self) {
        let capacity = self.bytes.get_mut().map_or(0, |b| b.capacity());
        self.budget.release(capacity as u64);
    }
}

enum Content {
    File(FileData),
    Dir(Mutex<BTreeMap<String, Arc<Node>>>),
    Symlink(String),
    /// A named pipe: nothing kept here (its pipe is `fifo.rs`'s).
    Fifo,
}

struct Node {
    inode: u64,
    /// Names this node has (hard links).
    links: AtomicU64,
    times: Mutex<Times>,
    /// Permission bits.
    mode: AtomicU32,
    content: Content,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Node {
    fn metadata(&self) -> Metadata {
        let times = lock(&self.times);
        let (file_type, size) = match &self.content {
            Content::File(data) => (
                FileType::File,
                data.bytes.read().map(|d| d.len()).unwrap_or(0) as u64,
            ),
            Content::Dir(entries) => (FileType::Directory, lock(entries).len() as u64),
            Content::Symlink(target) => (FileType::Symlink, target.len() as u64),
            Content::Fifo => (FileType::Fifo, 0),
        };
        let mode = self.mode.load(Ordering::Relaxed);
        Metadata {
            file_type,
            size,
            inode: self.inode,
            device: 0,
            links: self.links.load(Ordering::Relaxed),
            modified: times.modified,
            accessed: times.accessed,
            changed: times.changed,
            mode,
        }
    }

    fn file_type(&self) -> FileType {
        match self.content {
            Content::File(_) => FileType::File,
            Content::Dir(_) => FileType::Directory,
            Content::Symlink(_) => FileType::Symlink,
            Content::Fifo => FileType::Fifo,
        }
    }

    fn touch(&self) {
        let mut times = lock(&self.times);
        times.modified = SystemTime::now();
        times.changed = times.modified;
    }

    /// Its names or link count changed.
    fn mark_changed(&self) {
        lock(&self.times).changed = SystemTime::now();
    }

    fn set_times(&self, accessed: Option<SystemTime>, modified: Option<SystemTime>) {
        let mut times = lock(&self.times);
        if let Some(accessed) = accessed {
            times.accessed = accessed;
        }
        if let Some(modified) = modified {
            times.modified = modified;
        }
        times.changed = SystemTime::now();
    }
}

pub struct RamFs {
    root: Arc<Node>,
    next_inode: AtomicU64,
    /// Held by calls that change the tree's shape, so a rename sees both directories still.
    shape: Mutex<()>,
    budget: Arc<Budget>,
}

impl Default for RamFs {
    fn default() -> RamFs {
        RamFs::new(Budget::unlimited())
    }
}

impl RamFs {
    /// A ramfs whose file contents all come out of `budget`.
    pub fn new(budget: Arc<Budget>) -> RamFs {
        RamFs {
            budget,
            root: Arc::new(Node {
                inode: 1,
                links: AtomicU64::new(1),
                times: Mutex::new(Times::now()),
                mode: AtomicU32::new(NEW_DIR_MODE),
                content: Content::Dir(Mutex::new(BTreeMap::new())),
            }),
            next_inode: AtomicU64::new(2),
            shape: Mutex::new(()),
        }
    }

    fn find(&self, path: &str) -> FsResult<Arc<Node>> {
        let mut node = self.root.clone();
        for name in path.split('/').filter(|n| !n.is_empty()) {
            let next = match &node.content {
                Content::Dir(entries) => lock(entries).get(name).cloned(),
                _ => return Err(FsError::NotDirectory),
            };
            node = next.ok_or(FsError::NotFound)?;
        }
        Ok(node)
    }

    fn new_node(&self, content: Content) -> Arc<Node> {
        let mode = match content {
            Content::File(_) | Content::Fifo => NEW_FILE_MODE,
            Content::Dir(_) => NEW_DIR_MODE,
            Content::Symlink(_) => SYMLINK_MODE,
        };
        Arc::new(Node {
            inode: self.next_inode.fetch_add(1, Ordering::Relaxed),
            links: AtomicU64::new(1),
            times: Mutex::new(Times::now()),
            mode: AtomicU32::new(mode),
            content,
        })
    }

    /// Adds a new entry to the parent directory of `path`; fails if the name is taken.
    fn insert(&self, path: &str, content: Content) -> FsResult<Arc<Node>> {
        self.insert_node(path, || self.new_node(content))
    }

    fn insert_node(&self, path: &str, node: impl FnOnce() -> Arc<Node>) -> FsResult<Arc<Node>> {
        if path.contains('\0') {
            return Err(FsError::Invalid);
        }
        let (parent, name) = split_last(path);
        if name.is_empty() {
            return Err(FsError::Exists);
        }
        let parent = self.find(parent)?;
        let Content::Dir(entries) = &parent.content else {
            return Err(FsError::NotDirectory);
        };
        let mut entries = lock(entries);
        if entries.contains_key(name) {
            return Err(FsError::Exists);
        }
        let node = node();
        entries.insert(name.to_string(), node.clone());
        drop(entries);
        parent.touch();
        Ok(node)
    }

    fn remove(&self, path: &str, want_dir: bool) -> FsResult<()> {
        let _shape = lock(&self.shape);
        let (parent, name) = split_last(path);
        if name.is_empty() {
            return Err(FsError::Access);
        }
        let parent = self.find(parent)?;
        let Content::Dir(entries) = &parent.content else {
            return Err(FsError::NotDirectory);
        };
        let mut entries = lock(entries);
        let node = entries.get(name).ok_or(FsError::NotFound)?;
        match (&node.content, want_dir) {
            (Content::Dir(children), true) if !lock(children).is_empty() => {
                return Err(FsError::NotEmpty);
            }
            (Content::Dir(_), false) => return Err(FsError::IsDirectory),
            (Content::Dir(_), true) => {}
            (_, true) => return Err(FsError::NotDirectory),
            (_, false) => {}
        }
        node.links.fetch_sub(1, Ordering::Relaxed);
        node.mark_changed();
        entries.remove(name);
        drop(entries);
        parent.touch();
        Ok(())
    }

    fn new_file(&self) -> Content {
        Content::File(FileData {
            bytes: RwLock::new(Vec::new()),
            budget: self.budget.clone(),
        })
    }
}

impl FileServer for RamFs {
    fn describe(&self) -> String {
        "ramfs".into()
    }

    fn lstat(&self, path: &str) -> FsResult<Metadata> {
        Ok(self.find(path)?.metadata())
    }

    fn open(&self, path: &str, options: OpenOptions) -> FsResult<Arc<dyn FileHandle>> {
        let _shape = lock(&self.shape);
        let node = match self.find(path) {
            Ok(_) if options.create && options.exclusive => return Err(FsError::Exists),
            Ok(node) => node,
            Err(FsError::NotFound) if options.create => self.insert(path, self.new_file())?,
            Err(e) => return Err(e),
        };
        match &node.content {
            Content::File(data) => {
                if options.truncate {
                    let mut bytes = data.bytes.write().map_err(poisoned)?;
                    data.shrink(&mut bytes, 0);
                    drop(bytes);
                    node.touch();
                }
                Ok(Arc::new(RamFile { node: node.clone() }))
            }
            Content::Dir(_) => Err(FsError::IsDirectory),
            Content::Symlink(_) => Err(FsError::Loop),
            // The namespace opens FIFOs through `fifo.rs`.
            Content::Fifo => Err(FsError::NoSuchDevice),
        }
    }

    fn read_dir(&self, path: &str) -> FsResult<Vec<DirEntry>> {
        let node = self.find(path)?;
        let Content::Dir(entries) = &node.content else {
            return Err(FsError::NotDirectory);
        };
        Ok(lock(entries)
            .iter()
            .map(|(name, child)| DirEntry {
                name: name.clone(),
                file_type: child.file_type(),
            })
            .collect())
    }

    fn readlink(&self, path: &str) -> FsResult<String> {
        match &self.find(path)?.content {
            Content::Symlink(target) => Ok(target.clone()),
            _ => Err(FsError::Invalid),
        }
    }

    fn create_dir(&self, path: &str) -> FsResult<()> {
        let _shape = lock(&self.shape);
        self.insert(path, Content::Dir(Mutex::new(BTreeMap::new())))
            .map(drop)
    }

    fn remove_dir(&self, path: &str) -> FsResult<()> {
        self.remove(path, true)
    }

    fn unlink(&self, path: &str) -> FsResult<()> {
        self.remove(path, false)
    }

    fn rename(&self, from: &str, to: &str) -> FsResult<()> {
        let _shape = lock(&self.shape);
        if to == from {
            return Ok(());
        }
        if to.starts_with(&format!("{from}/")) {
            return Err(FsError::Invalid);
        }
        let (from_parent, from_name) = split_last(from);
        let (to_parent, to_name) = split_last(to);
        let source_dir = self.find(from_parent)?;
        let target_dir = self.find(to_parent)?;
        let (Content::Dir(source), Content::Dir(target)) =
            (&source_dir.content, &target_dir.content)
        else {
            return Err(FsError::NotDirectory);
        };
        let node = lock(source)
            .get(from_name)
            .cloned()
            .ok_or(FsError::NotFound)?;
        if let Some(existing) = lock(target).get(to_name) {
            match (&existing.content, &node.content) {
                (Content::Dir(children), Content::Dir(_)) if !lock(children).is_empty() => {
                    return Err(FsError::NotEmpty);
                }
                (Content::Dir(_), Content::Dir(_)) => {}
                (Content::Dir(_), _) => return Err(FsError::IsDirectory),
                (_, Content::Dir(_)) => return Err(FsError::NotDirectory),
                _ => {}
            }
        }
        lock(source).remove(from_name);
        node.mark_changed();
        if let Some(replaced) = lock(target).insert(to_name.to_string(), node) {
            replaced.links.fetch_sub(1, Ordering::Relaxed);
            replaced.mark_changed();
        }
        source_dir.touch();
        target_dir.touch();
        Ok(())
    }

    fn symlink(&self, target: &str, path: &str) -> FsResult<()> {
        let _shape = lock(&self.shape);
        self.insert(path, Content::Symlink(target.to_string()))
            .map(drop)
    }

    fn make_fifo(&self, path: &str) -> FsResult<()> {
        let _shape = lock(&self.shape);
        self.insert(path, Content::Fifo).map(drop)
    }

    fn link(&self, existing: &str, new: &str) -> FsResult<()> {
        let _shape = lock(&self.shape);
        let node = self.find(existing)?;
        if matches!(node.content, Content::Dir(_)) {
            return Err(FsError::NotPermitted);
        }
        self.insert_node(new, || node.clone())?;
        node.links.fetch_add(1, Ordering::Relaxed);
        node.mark_changed();
        Ok(())
    }

    fn set_times(
        &self,
        path: &str,
        accessed: Option<SystemTime>,
        modified: Option<SystemTime>,
    ) -> FsResult<()> {
        self.find(path)?.set_times(accessed, modified);
        Ok(())
    }

    fn set_mode(&self, path: &str, mode: u32) -> FsResult<()> {
        let node = self.find(path)?;
        if let Content::Symlink(_) = node.content {
            return Err(FsError::Unsupported);
        }
        node.mode.store(mode & 0o7777, Ordering::Relaxed);
        node.mark_changed();
        Ok(())
    }
}

struct RamFile {
    node: Arc<Node>,
}

impl RamFile {
    fn data(&self) -> &FileData {
        match &self.node.content {
            Content::File(data) => data,
            _ => unreachable!("RamFile is only made for files"),
        }
    }
}

fn poisoned<T>(_: T) -> FsError {
    FsError::Io("file lock poisoned".into())
}

impl FileHandle for RamFile {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> FsResult<usize> {
        let data = self.data().bytes.read().map_err(poisoned)?;
        let start = (offset as usize).min(data.len());
        let n = buf.len().min(data.len() - start);
        buf[..n].copy_from_slice(&data[start..start + n]);
        Ok(n)
    }

    fn read_vec(&self, max: usize, offset: u64) -> FsResult<Vec<u8>> {
        let data = self.data().bytes.read().map_err(poisoned)?;
        let start = (offset as usize).min(data.len());
        let n = max.min(data.len() - start);
        Ok(data[start..start + n].to_vec())
    }

    fn write_at(&self, bytes: &[u8], offset: u64) -> FsResult<usize> {
        if bytes.is_empty() {
            return Ok(0);
        }
        let file = self.data();
        let mut data = file.bytes.write().map_err(poisoned)?;
        let start = usize::try_from(offset).map_err(|_| FsError::FileTooLarge)?;
        let end = start
            .checked_add(bytes.len())
            .ok_or(FsError::FileTooLarge)?;
        let end = if end > data.len() {
            let room = file.grow(&mut data, end)?;
            if room <= start {
                return Err(FsError::NoSpace);
            }
            data.resize(room, 0);
            room
        } else {
            end
        };
        let bytes = &bytes[..end - start];
        data[start..end].copy_from_slice(bytes);
        drop(data);
        self.node.touch();
        Ok(bytes.len())
    }

    fn append(&self, bytes: &[u8]) -> FsResult<usize> {
        let file = self.data();
        let mut data = file.bytes.write().map_err(poisoned)?;
        let start = data.len();
        let room = file.grow(&mut data, start + bytes.len())?;
        let bytes = &bytes[..room - start];
        data.extend_from_slice(bytes);
        drop(data);
        self.node.touch();
        Ok(bytes.len())
    }

    fn set_len(&self, len: u64) -> FsResult<()> {
        let len = usize::try_from(len).map_err(|_| FsError::FileTooLarge)?;
        let file = self.data();
        let mut data = file.bytes.write().map_err(poisoned)?;
        if len > data.len() {
            if file.grow(&mut data, len)? < len {
                return Err(FsError::NoSpace);
            }
            data.resize(len, 0);
        } else {
            file.shrink(&mut data, len);
        }
        drop(data);
        self.node.touch();
        Ok(())
    }

    fn metadata(&self) -> FsResult<Metadata> {
        Ok(self.node.metadata())
    }

    fn set_times(
        &self,
        accessed: Option<SystemTime>,
        modified: Option<SystemTime>,
    ) -> FsResult<()> {
        self.node.set_times(accessed, modified);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_options() -> OpenOptions {
        OpenOptions {
            write: true,
            create: true,
            ..OpenOptions::default()
        }
    }

    #[test]
    fn files_grow_and_read_back_at_offsets() {
        let fs = RamFs::default();
        let file = fs.open("a", write_options()).unwrap();
        file.write_at(b"hello world", 0).unwrap();
        file.write_at(b"W", 6).unwrap();
        file.write_at(b"!", 13).unwrap();
        let mut buf = [0; 20];
        let n = file.read_at(&mut buf, 0).unwrap();
        assert_eq!(&buf[..n], b"hello World\0\0!");
        file.set_len(5).unwrap();
        assert_eq!(fs.lstat("a").unwrap().size, 5);
    }

    #[test]
    fn directories_hold_entries_and_refuse_removal_when_full() {
        let fs = RamFs::default();
        fs.create_dir("d").unwrap();
        fs.open("d/f", write_options()).unwrap();
        assert_eq!(fs.remove_dir("d"), Err(FsError::NotEmpty));
        assert_eq!(fs.create_dir("d"), Err(FsError::Exists));
        assert_eq!(fs.unlink("d"), Err(FsError::IsDirectory));
        fs.rename("d/f", "g").unwrap();
        fs.remove_dir("d").unwrap();
        assert_eq!(fs.read_dir("").unwrap()[0].name, "g");
    }
}
