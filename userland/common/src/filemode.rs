//! File modes as `ls -l` and `stat` show them, and as chmod, `mkdir -m` and `find -perm`
//! write them. WASI reports no permission bits; the kernel keeps them and tells them
//! through `wasmix:filesystem/modes` (`wasi_fs::mode`).

use crate::wasi_fs;
use std::fs::Metadata;
use std::path::Path;

/// The permission bits (`0o7777`) of the file at `path`, whose metadata is `meta`. A
/// symlink's are always `0o777`; where the kernel cannot say, what it gives new files.
pub fn permissions(path: impl AsRef<Path>, meta: &Metadata) -> u32 {
    if meta.file_type().is_symlink() {
        return 0o777;
    }
    // `meta` is not a symlink's, so following a link at `path` reaches the same file.
    wasi_fs::mode(path.as_ref(), true).unwrap_or(if meta.is_dir() { 0o755 } else { 0o644 })
}

/// The ten-character mode string of the file at `path`: `drwxr-xr-x`.
pub fn mode_string(path: impl AsRef<Path>, meta: &Metadata) -> String {
    let kind = if meta.file_type().is_symlink() {
        'l'
    } else if meta.is_dir() {
        'd'
    } else if meta.is_file() {
        '-'
    } else if is_fifo(path.as_ref()) {
        'p'
    } else {
        'c'
    };
    let mut text = String::from(kind);
    text.push_str(&symbolic(permissions(path, meta)));
    text
}

/// `rwxr-xr-x` for `0o755`, with the set-ID and sticky bits as `ls` shows them (`s`/`S`,
/// `t`/`T` in place of the x they share a column with).
pub fn symbolic(mode: u32) -> String {
    let mut text = String::with_capacity(9);
    for (shift, special, letter) in [(6, 0o4000, 's'), (3, 0o2000, 's'), (0, 0o1000, 't')] {
        let part = (mode >> shift) & 7;
        text.push(if part & 4 != 0 { 'r' } else { '-' });
        text.push(if part & 2 != 0 { 'w' } else { '-' });
        text.push(match (part & 1 != 0, mode & special != 0) {
            (true, false) => 'x',
            (false, false) => '-',
            (true, true) => letter,
            (false, true) => letter.to_ascii_uppercase(),
        });
    }
    text
}

/// Whether what `path` names is a FIFO: asked only of what std calls neither a file, a
/// directory nor a symlink.
fn is_fifo(path: &Path) -> bool {
    wasi_fs::kind(path, true).is_ok_and(|kind| kind == wasi_fs::EntryKind::Fifo)
}

/// What `stat %F` calls a file's type.
pub fn type_name(path: impl AsRef<Path>, meta: &Metadata) -> &'static str {
    if meta.file_type().is_symlink() {
        "symbolic link"
    } else if meta.is_dir() {
        "directory"
    } else if meta.is_file() && meta.len() == 0 {
        "regular empty file"
    } else if meta.is_file() {
        "regular file"
    } else if is_fifo(path.as_ref()) {
        "fifo"
    } else {
        "character special file"
    }
}
