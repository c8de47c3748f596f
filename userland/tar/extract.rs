//! Reading an archive: listing its members (`-t`) or making them (`-x`).

use crate::{Options, PROGRAM, display_name, long_line};
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};
use wasmix_common::wasi_fs::{self, EntryKind, symlink};
use wasmix_common::{Failure, describe_io_error};

/// A member's name without its first `strip` components; None when nothing is left.
fn stripped(name: &str, strip: usize) -> Option<String> {
    let parts: Vec<&str> = name.split('/').filter(|p| !p.is_empty()).collect();
    (parts.len() > strip).then(|| parts[strip..].join("/"))
}

/// Whether a member was asked for: no names asks for all; a name asks for itself and
/// what is under it.
fn wanted(name: &str, names: &[String]) -> bool {
    let name = name.trim_end_matches('/');
    names.is_empty()
        || names.iter().any(|n| {
            let n = n.trim_end_matches('/');
            name == n || name.starts_with(&format!("{n}/"))
        })
}

pub fn read_archive(
    reader: Box<dyn Read>,
    extract: bool,
    names: &[String],
    options: &Options,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let mut archive = tar::Archive::new(reader);
    let mut status = 0;
    let mut seen: Vec<String> = Vec::new();
    // Directories get their modes last, as GNU tar sets them: a directory archived
    // without write permission still takes its members first.
    let mut directory_modes = Vec::new();
    let mut directory_times = Vec::new();
    let entries = archive
        .entries()
        .map_err(|e| Failure::Fatal(format!("This does not look like a tar archive: {e}")))?;
    for entry in entries {
        let mut entry = entry.map_err(|e| {
            PROGRAM.warn(format!("This does not look like a tar archive ({e})"));
            Failure::Fatal("Exiting with failure status due to previous errors".into())
        })?;
        let header = entry.header().clone();
        let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let hard_link = header.entry_type() == tar::EntryType::Link;
        let kind = match header.entry_type() {
            tar::EntryType::Directory => EntryKind::Directory,
            tar::EntryType::Symlink => EntryKind::Symlink,
            _ => EntryKind::File,
        };
        if !wanted(&name, names) {
            continue;
        }
        seen.push(name.clone());
        if options.exclude.excludes(&name) {
            continue;
        }
        let link = entry
            .link_name_bytes()
            .map(|l| String::from_utf8_lossy(&l).into_owned());
        if !extract || options.verbose {
            // With --show-transformed-names, as stripping leaves it (nothing, for a
            // name that is stripped away whole, as GNU shows it).
            let shown = match options.show_transformed {
                true => stripped(&name, options.strip).unwrap_or_default(),
                false => name.clone(),
            };
            let line = if options.verbose && !extract {
                let owner = format!(
                    "{}/{}",
                    header.username().ok().flatten().unwrap_or("user"),
                    header.groupname().ok().flatten().unwrap_or("user")
                );
                let letter = match kind {
                    EntryKind::Directory => 'd',
                    EntryKind::Symlink => 'l',
                    _ if hard_link => 'h',
                    _ => '-',
                };
                let size = if kind == EntryKind::File && !hard_link {
                    header.size().unwrap_or(0)
                } else {
                    0
                };
                let mut line = long_line(
                    header.mode().unwrap_or(0o644),
                    letter,
                    &owner,
                    size,
                    header.mtime().unwrap_or(0),
                    &display_name(&shown, kind),
                );
                match &link {
                    Some(target) if hard_link => line.push_str(&format!(" link to {target}")),
                    Some(target) => line.push_str(&format!(" -> {target}")),
                    None => {}
                }
                line
            } else {
                display_name(&shown, kind)
            };
            writeln!(out, "{line}")?;
        }
        if !extract {
            continue;
        }
        if options.to_stdout {
            if kind == EntryKind::File {
                io::copy(&mut entry, out)?;
            }
            continue;
        }
        let Some(target) = stripped(&name, options.strip) else {
            continue;
        };
        if target.split('/').any(|part| part == "..") {
            PROGRAM.warn(format!("{name}: Member name contains '..'"));
            status = 2;
            continue;
        }
        let made = if hard_link {
            // The file it names was made from an earlier member, under the same strip.
            let existing = link.as_deref().and_then(|l| stripped(l, options.strip));
            link_to(existing.as_deref(), Path::new(&target), options)
        } else {
            make(
                &mut entry,
                Path::new(&target),
                kind,
                link.as_deref(),
                options,
            )
        };
        if let Err(e) = made {
            PROGRAM.warn(format!("{target}: Cannot open: {}", describe_io_error(&e)));
            status = 2;
            continue;
        }
        if let Ok(mtime) = header.mtime() {
            match kind {
                EntryKind::File => set_mtime(&target, mtime),
                // After their members are made, which would change them again.
                EntryKind::Directory => directory_times.push((target.clone(), mtime)),
                _ => {}
            }
        }
        // A hard link shares its file's mode, set when that file was made.
        if !hard_link && let Ok(mut mode) = header.mode() {
            if !options.same_permissions {
                mode &= !wasi_fs::umask();
            }
            match kind {
                EntryKind::Directory => directory_modes.push((target.clone(), mode)),
                EntryKind::Symlink => {}
                _ => {
                    let _ = wasi_fs::set_mode(Path::new(&target), false, mode & 0o7777);
                }
            }
        }
    }
    for (directory, mtime) in directory_times.into_iter().rev() {
        set_mtime(&directory, mtime);
    }
    for (directory, mode) in directory_modes.into_iter().rev() {
        let _ = wasi_fs::set_mode(Path::new(&directory), false, mode & 0o7777);
    }
    for name in names {
        if !seen.iter().any(|s| wanted(s, std::slice::from_ref(name))) {
            PROGRAM.warn(format!("{name}: Not found in archive"));
            status = 2;
        }
    }
    if status != 0 {
        PROGRAM.warn("Exiting with failure status due to previous errors");
    }
    Ok(status)
}

/// Makes `target` another name of the file `existing` (a hard link member).
fn link_to(existing: Option<&str>, target: &Path, options: &Options) -> io::Result<()> {
    let existing = existing.ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))?;
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    if fs::symlink_metadata(target).is_ok() {
        if options.keep_old {
            return Err(io::Error::from(io::ErrorKind::AlreadyExists));
        }
        fs::remove_file(target)?;
    }
    fs::hard_link(existing, target)
}

/// Makes one member at `target`: a directory, a symlink, or a file with its contents.
fn make(
    entry: &mut impl Read,
    target: &Path,
    kind: EntryKind,
    link: Option<&str>,
    options: &Options,
) -> io::Result<()> {
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    let existing = fs::symlink_metadata(target).ok();
    let exists = existing.is_some();
    if exists && options.keep_old && kind != EntryKind::Directory {
        return Err(io::Error::from(io::ErrorKind::AlreadyExists));
    }
    // An empty directory where a file or link goes is removed, as GNU tar removes it.
    if kind != EntryKind::Directory && existing.is_some_and(|meta| meta.is_dir()) {
        // A full one stays, and GNU's message says the name is taken.
        fs::remove_dir(target).map_err(|_| io::Error::from(io::ErrorKind::AlreadyExists))?;
        return make(entry, target, kind, link, options);
    }
    match kind {
        EntryKind::Directory => match fs::create_dir(target) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
            other => other,
        },
        EntryKind::Symlink => {
            if exists {
                fs::remove_file(target)?;
            }
            symlink(&PathBuf::from(link.unwrap_or_default()), target)
        }
        _ => {
            // As GNU tar: an existing file is unlinked first (a hard link to it keeps
            // its contents), unless --overwrite asks to write into it.
            let symlink = exists && fs::symlink_metadata(target)?.file_type().is_symlink();
            if exists && (symlink || !options.overwrite) {
                fs::remove_file(target)?;
            }
            let mut file = wasmix_common::file_out::FileOut::create(target)?;
            io::copy(entry, &mut file)?;
            file.flush()
        }
    }
}

/// A member's modification time (and access time), as the archive has it.
fn set_mtime(path: &str, mtime: u64) {
    let when = UNIX_EPOCH + Duration::from_secs(mtime);
    let _ = wasi_fs::set_times(Path::new(path), false, Some(when), Some(when));
}
