//! File modes as `ls -l` and `stat` show them. WASI reports no permission bits, so the
//! mode follows from the type: what the kernel's servers give every file.

use std::fs::Metadata;

/// The permission bits shown for a file.
pub fn permissions(meta: &Metadata) -> u32 {
    if meta.file_type().is_symlink() {
        0o777
    } else if meta.is_dir() {
        0o755
    } else {
        0o644
    }
}

/// The ten-character mode string: `drwxr-xr-x`.
pub fn mode_string(meta: &Metadata) -> String {
    let kind = if meta.file_type().is_symlink() {
        'l'
    } else if meta.is_dir() {
        'd'
    } else if meta.is_file() {
        '-'
    } else {
        'c'
    };
    let bits = permissions(meta);
    let mut text = String::from(kind);
    for shift in [6, 3, 0] {
        let part = (bits >> shift) & 7;
        text.push(if part & 4 != 0 { 'r' } else { '-' });
        text.push(if part & 2 != 0 { 'w' } else { '-' });
        text.push(if part & 1 != 0 { 'x' } else { '-' });
    }
    text
}

/// What `stat %F` calls a file's type.
pub fn type_name(meta: &Metadata) -> &'static str {
    if meta.file_type().is_symlink() {
        "symbolic link"
    } else if meta.is_dir() {
        "directory"
    } else if meta.is_file() && meta.len() == 0 {
        "regular empty file"
    } else if meta.is_file() {
        "regular file"
    } else {
        "character special file"
    }
}
