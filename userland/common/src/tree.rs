//! Copying and removing whole trees, shared by `cp`, `mv` and `rm`.

use crate::Failure;
use crate::wasi_fs::{EntryKind, list_dir};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Copies `source` to `target`: a file's contents, a symlink as a link, a directory with
/// all it holds. Failures are passed to `report` as (path, error) and copying goes on;
/// the result says whether everything was copied.
pub fn copy(source: &Path, target: &Path, report: &mut dyn FnMut(&Path, io::Error)) -> bool {
    match fs::symlink_metadata(source) {
        Ok(meta) => copy_entry(source, EntryKind::at(source, &meta), target, report),
        Err(e) => {
            report(source, e);
            false
        }
    }
}

/// `copy`, for a `source` whose kind is known (from its directory's listing).
fn copy_entry(
    source: &Path,
    kind: EntryKind,
    target: &Path,
    report: &mut dyn FnMut(&Path, io::Error),
) -> bool {
    let copied = match kind {
        EntryKind::Symlink => {
            fs::read_link(source).and_then(|link| crate::wasi_fs::symlink(&link, target))
        }
        EntryKind::Directory => match fs::create_dir(target) {
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => Err(e),
            _ => {
                return match list_dir(source) {
                    Ok(entries) => entries.into_iter().fold(true, |all, (name, kind)| {
                        copy_entry(&source.join(&name), kind, &target.join(&name), report) && all
                    }),
                    Err(e) => {
                        report(source, e);
                        false
                    }
                };
            }
        },
        // A FIFO is made anew, as GNU's `cp -R` makes one: reading it would wait for a writer.
        EntryKind::Fifo => crate::wasi_fs::mode(source, false)
            .and_then(|mode| crate::wasi_fs::make_fifo(target, mode)),
        EntryKind::File | EntryKind::Other => crate::file_out::copy_file(source, target).map(drop),
    };
    match copied {
        Ok(()) => true,
        Err(e) => {
            report(target, e);
            false
        }
    }
}

/// Removes a file, a symlink, or a directory with everything in it.
pub fn remove(path: &Path) -> io::Result<()> {
    remove_entry(path, EntryKind::of(&fs::symlink_metadata(path)?))
}

fn remove_entry(path: &Path, kind: EntryKind) -> io::Result<()> {
    if kind == EntryKind::Directory {
        for (name, kind) in list_dir(path)? {
            remove_entry(&path.join(name), kind)?;
        }
        fs::remove_dir(path)
    } else {
        fs::remove_file(path)
    }
}

/// What `-t DIRECTORY` and `-T` say of the destination.
#[derive(Default)]
pub struct Destination {
    /// `-t`: every operand is a source, to go into this directory.
    pub directory: Option<String>,
    /// `-T`: the last operand is the destination itself, even if it is a directory.
    pub not_into: bool,
}

/// Pairs each source with where it goes, for `mv` and `ln`: into DEST when DEST is a
/// directory, else DEST itself (and then there may be only one source); with `-t` and
/// `-T` as GNU's mv and ln take them.
pub fn targets(
    operands: &[String],
    destination: &Destination,
) -> Result<Vec<(PathBuf, PathBuf)>, Failure> {
    if let Some(directory) = &destination.directory {
        if operands.is_empty() {
            return Err(Failure::Usage("missing file operand".into()));
        }
        check_target_directory(directory)?;
        let target = Path::new(directory);
        return Ok(operands
            .iter()
            .map(|source| (PathBuf::from(source), into(target, source)))
            .collect());
    }
    let (target, sources) = match operands {
        [] => return Err(Failure::Usage("missing file operand".into())),
        [only] => {
            return Err(Failure::Usage(format!(
                "missing destination file operand after '{only}'"
            )));
        }
        [sources @ .., target] => (Path::new(target), sources),
    };
    if destination.not_into {
        if let [_, _, extra, ..] = operands {
            return Err(Failure::Usage(format!("extra operand '{extra}'")));
        }
        return Ok(vec![(PathBuf::from(&operands[0]), target.to_path_buf())]);
    }
    let into_dir = target.is_dir();
    if sources.len() > 1 && !into_dir {
        let reason = match fs::metadata(target) {
            Ok(_) => "Not a directory".to_string(),
            Err(e) => crate::describe_io_error(&e),
        };
        return Err(Failure::Fatal(format!(
            "target '{}': {reason}",
            target.display()
        )));
    }
    Ok(sources
        .iter()
        .map(|source| {
            let destination = if into_dir {
                into(target, source)
            } else {
                target.to_path_buf()
            };
            (PathBuf::from(source), destination)
        })
        .collect())
}

/// `-t DIRECTORY` of mv and cp: it must be a directory, or GNU's words say why not.
pub fn check_target_directory(directory: &str) -> Result<(), Failure> {
    let reason = match fs::metadata(directory) {
        Ok(meta) if meta.is_dir() => return Ok(()),
        Ok(_) => "Not a directory".to_string(),
        Err(e) => crate::describe_io_error(&e),
    };
    Err(Failure::Fatal(format!(
        "target directory '{directory}': {reason}"
    )))
}

/// Where `source` goes in the directory `target`: under its last name.
fn into(target: &Path, source: &str) -> PathBuf {
    match Path::new(source).file_name() {
        Some(name) => target.join(name),
        None => target.to_path_buf(),
    }
}

/// Whether two paths name the same file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (
        crate::wasi_fs::identity(a, true),
        crate::wasi_fs::identity(b, true),
    ) {
        (Ok(a), Ok(b)) => a.inode == b.inode,
        _ => false,
    }
}

/// Replaces a file's contents all at once, as `sed -i` does: the new contents are written
/// beside it under a temporary name and renamed over it, so a crash or a full disk leaves
/// the old file or the new one, never a torn one. The file keeps its permissions.
pub fn replace_contents(path: &Path, contents: &[u8]) -> io::Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?;
    // A random suffix (WASI has no pid to use), created exclusively.
    let suffix = {
        use std::hash::{BuildHasher, Hasher};
        std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish()
    };
    let temporary = path.with_file_name(format!(".{}.{suffix:016x}.tmp", name.to_string_lossy()));
    let written = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .and_then(|file| io::Write::write_all(&mut crate::file_out::FileOut::new(file), contents))
        .and_then(|()| match std::fs::metadata(path) {
            Ok(meta) => std::fs::set_permissions(&temporary, meta.permissions()).or(Ok(())),
            Err(_) => Ok(()),
        })
        .and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

/// Whether `target` lies inside the directory `source` (or is it).
pub fn is_within(source: &Path, target: &Path) -> bool {
    let absolute = |p: &Path| {
        let parent = p.parent().filter(|p| !p.as_os_str().is_empty());
        let base = parent.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        fs::canonicalize(base)
            .ok()
            .map(|dir| dir.join(p.file_name().unwrap_or_default()))
    };
    match (fs::canonicalize(source).ok(), absolute(target)) {
        (Some(source), Some(target)) => target.starts_with(source),
        _ => false,
    }
}
