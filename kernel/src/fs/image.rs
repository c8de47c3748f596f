//! The root image: the files of `rootfs/` and the built `/bin`, embedded in the binary by
//! `build.rs` so that wasmix boots with no other files. Read-only; the overlay puts a
//! writable layer over it.

use super::{
    BuiltIn, DirEntry, FileHandle, FileServer, FileType, FsError, FsResult, Metadata, OpenOptions,
};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

include!(concat!(env!("OUT_DIR"), "/image.rs"));

enum Entry {
    /// The bytes, and their SHA-256 for a program ("" for another file).
    File(&'static [u8], &'static str),
    Dir(BTreeSet<&'static str>),
}

pub struct ImageFs {
    entries: BTreeMap<&'static str, (u64, Entry)>,
    built: SystemTime,
}

impl Default for ImageFs {
    fn default() -> ImageFs {
        let mut entries: BTreeMap<&'static str, (u64, Entry)> = BTreeMap::new();
        entries.insert("", (1, Entry::Dir(BTreeSet::new())));
        let files = IMAGE_PATHS.split_terminator('\n').zip(IMAGE_BYTES);
        for ((path, bytes), sha256) in files.zip(IMAGE_SHA256.split_terminator('\n')) {
            let path = path.trim_start_matches('/');
            let inode = entries.len() as u64 + 1;
            entries.insert(path, (inode, Entry::File(bytes, sha256)));
            // Every ancestor is a directory listing its child.
            let mut child = path;
            while !child.is_empty() {
                let (parent, name) = super::split_last(child);
                let next_inode = entries.len() as u64 + 1;
                let (_, entry) = entries
                    .entry(parent)
                    .or_insert_with(|| (next_inode, Entry::Dir(BTreeSet::new())));
                if let Entry::Dir(names) = entry {
                    names.insert(name);
                }
                child = parent;
            }
        }
        ImageFs {
            entries,
            built: SystemTime::UNIX_EPOCH + Duration::from_secs(IMAGE_TIME),
        }
    }
}

/// Whether an image file runs: a WebAssembly program or a `#!` script.
fn is_program(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\0asm") || bytes.starts_with(b"#!")
}

impl ImageFs {
    fn entry(&self, path: &str) -> FsResult<&(u64, Entry)> {
        self.entries.get(path).ok_or(FsError::NotFound)
    }

    fn metadata(&self, inode: u64, entry: &Entry) -> Metadata {
        let (file_type, size, mode) = match entry {
            Entry::File(bytes, _) if is_program(bytes) => {
                (FileType::File, bytes.len() as u64, 0o755)
            }
            Entry::File(bytes, _) => (FileType::File, bytes.len() as u64, 0o644),
            Entry::Dir(names) => (FileType::Directory, names.len() as u64, 0o755),
        };
        Metadata {
            file_type,
            size,
            inode,
            device: 0,
            links: 1,
            modified: self.built,
            accessed: self.built,
            changed: self.built,
            mode,
        }
    }
}

impl FileServer for ImageFs {
    fn describe(&self) -> String {
        "image".into()
    }

    fn lstat(&self, path: &str) -> FsResult<Metadata> {
        let (inode, entry) = self.entry(path)?;
        Ok(self.metadata(*inode, entry))
    }

    fn open(&self, path: &str, options: OpenOptions) -> FsResult<Arc<dyn FileHandle>> {
        let (inode, entry) = self.entry(path)?;
        match entry {
            _ if options.mutates() => Err(FsError::ReadOnly),
            Entry::Dir(_) => Err(FsError::IsDirectory),
            Entry::File(bytes, sha256) => Ok(Arc::new(ImageFile {
                bytes,
                sha256,
                metadata: self.metadata(*inode, entry),
            })),
        }
    }

    fn read_dir(&self, path: &str) -> FsResult<Vec<DirEntry>> {
        let (_, entry) = self.entry(path)?;
        let Entry::Dir(names) = entry else {
            return Err(FsError::NotDirectory);
        };
        Ok(names
            .iter()
            .map(|name| {
                let child = super::join(path, name);
                let file_type = match self.entries.get(child.as_str()) {
                    Some((_, Entry::Dir(_))) => FileType::Directory,
                    _ => FileType::File,
                };
                DirEntry {
                    name: name.to_string(),
                    file_type,
                }
            })
            .collect())
    }
}

struct ImageFile {
    bytes: &'static [u8],
    sha256: &'static str,
    metadata: Metadata,
}

impl FileHandle for ImageFile {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> FsResult<usize> {
        let start = (offset as usize).min(self.bytes.len());
        let n = buf.len().min(self.bytes.len() - start);
        buf[..n].copy_from_slice(&self.bytes[start..start + n]);
        Ok(n)
    }

    fn metadata(&self) -> FsResult<Metadata> {
        Ok(self.metadata.clone())
    }

    fn built_in(&self) -> Option<BuiltIn> {
        (!self.sha256.is_empty()).then_some(BuiltIn {
            bytes: self.bytes,
            sha256: self.sha256,
        })
    }
}
