//! The root image: the files of `rootfs/` and the built `/bin`, embedded in the binary by
//! `build.rs` so that wasmix boots with no other files.

use std::collections::BTreeMap;

include!(concat!(env!("OUT_DIR"), "/image.rs"));

pub struct RootImage {
    files: BTreeMap<&'static str, &'static [u8]>,
}

impl Default for RootImage {
    fn default() -> RootImage {
        RootImage {
            files: IMAGE_FILES.iter().copied().collect(),
        }
    }
}

impl RootImage {
    /// The contents of the file at an absolute path.
    pub fn read(&self, path: &str) -> Option<&'static [u8]> {
        self.files.get(path).copied()
    }

    /// The names in a directory, in order.
    pub fn list(&self, dir: &str) -> Vec<&'static str> {
        let prefix = format!("{}/", dir.trim_end_matches('/'));
        let mut names: Vec<&'static str> = self
            .files
            .keys()
            .filter_map(|path| path.strip_prefix(prefix.as_str()))
            .map(|rest| rest.split('/').next().unwrap_or(rest))
            .collect();
        names.dedup();
        names
    }
}
