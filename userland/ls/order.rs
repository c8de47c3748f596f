//! The order ls lists entries in: by name (bytes, as in the C locale), time, size,
//! version, extension or width, or as the directory gave them.

use crate::options::{SortBy, Stamp};
use crate::{Entry, Lister};
use std::time::SystemTime;

impl Lister<'_> {
    /// Puts a directory's entries in the order the options ask for.
    pub(crate) fn sort(&self, entries: &mut Vec<Entry>) {
        let by_name = |a: &Entry, b: &Entry| a.name.as_bytes().cmp(b.name.as_bytes());
        match self.options.sort {
            SortBy::Name => entries.sort_by(by_name),
            SortBy::Unsorted => {}
            SortBy::Version => entries.sort_by(|a, b| {
                wasmix_common::version::compare(a.name.as_bytes(), b.name.as_bytes())
                    .then_with(|| by_name(a, b))
            }),
            // By what follows the last `.` (none first), then by name.
            SortBy::Extension => entries.sort_by(|a, b| {
                extension(&a.name)
                    .cmp(extension(&b.name))
                    .then_with(|| by_name(a, b))
            }),
            // Narrowest name first, then by name.
            SortBy::Width => entries.sort_by(|a, b| {
                let width = |e: &Entry| self.options.quoting.quote(&e.name).1;
                width(a).cmp(&width(b)).then_with(|| by_name(a, b))
            }),
            SortBy::Time | SortBy::Size => {
                let key = |e: &Entry| {
                    let meta = e.looked_up.metadata();
                    match self.options.sort {
                        SortBy::Time => meta
                            .and_then(|m| self.stamp(&e.path, m))
                            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                            .map_or(0, |d| d.as_nanos()),
                        _ => meta.map_or(0, |m| u128::from(m.len())),
                    }
                };
                // Newest or largest first; ties by name.
                let mut keyed: Vec<(u128, Entry)> =
                    entries.drain(..).map(|e| (key(&e), e)).collect();
                keyed.sort_by(|(x, a), (y, b)| y.cmp(x).then_with(|| by_name(a, b)));
                entries.extend(keyed.into_iter().map(|(_, e)| e));
            }
        }
        if self.options.reverse {
            entries.reverse();
        }
        // Directories ahead of the rest, each part in its order (`-r` too), as GNU's.
        if self.options.directories_first && self.options.sort != SortBy::Unsorted {
            let (directories, others): (Vec<Entry>, Vec<Entry>) = entries
                .drain(..)
                .partition(|entry| entry.kind == wasmix_common::wasi_fs::EntryKind::Directory);
            entries.extend(directories);
            entries.extend(others);
        }
    }
}

impl Lister<'_> {
    /// The time of an entry that `-l` shows and `-t` sorts by (`-c`, `-u`, `--time`).
    pub(crate) fn stamp(&self, path: &str, meta: &std::fs::Metadata) -> Option<SystemTime> {
        match self.options.stamp {
            Stamp::Modified => meta.modified().ok(),
            Stamp::Accessed => meta.accessed().ok(),
            Stamp::Changed => {
                let follow = self.options.dereference;
                wasmix_common::wasi_fs::identity(std::path::Path::new(path), follow)
                    .ok()
                    .and_then(|id| id.changed)
                    .or_else(|| meta.modified().ok())
            }
        }
    }
}

/// What follows a name's last `.`, the dot included (nothing when it has none).
fn extension(name: &str) -> &str {
    name.rfind('.').map_or("", |at| &name[at..])
}
