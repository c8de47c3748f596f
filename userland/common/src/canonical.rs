//! A path resolved as realpath(3) resolves it: absolute, without `.`, `..` or (when asked)
//! symbolic links, for realpath and `pwd -P`.

use std::path::{Component, Path, PathBuf};

/// Which components of the path must exist.
#[derive(Clone, Copy, PartialEq)]
pub enum Existing {
    All,
    AllButLast,
    None,
}

/// Walks `path` a component at a time, following links when asked, checking existence as
/// the mode says.
pub fn resolve(path: &Path, existing: Existing, follow: bool) -> std::io::Result<PathBuf> {
    // `a/` and `a/.` name a directory: the last component must be one, as any other is.
    let text = path.as_os_str().as_encoded_bytes();
    let trailing = text.ends_with(b"/") || text.ends_with(b"/.");
    if !follow {
        return unfollowed(path, existing, trailing);
    }
    let mut resolved = PathBuf::from("/");
    let components: Vec<Component> = path.components().collect();
    let mut hops = 0;
    let mut queue: std::collections::VecDeque<PathBuf> = components
        .iter()
        .map(|c| PathBuf::from(c.as_os_str()))
        .collect();
    while let Some(part) = queue.pop_front() {
        match part.to_str() {
            Some("/") | Some(".") => continue,
            Some("..") => {
                resolved.pop();
                continue;
            }
            _ => {}
        }
        let candidate = resolved.join(&part);
        let last = queue.is_empty();
        match std::fs::symlink_metadata(&candidate) {
            // A loop of links is, where nothing need exist, a name like any other.
            Ok(meta) if meta.file_type().is_symlink() && hops == 40 => {
                if existing != Existing::None {
                    return Err(std::io::Error::other("Too many levels of symbolic links"));
                }
                resolved = candidate;
            }
            Ok(meta) if meta.file_type().is_symlink() => {
                hops += 1;
                let target = std::fs::read_link(&candidate)?;
                if target.is_absolute() {
                    resolved = PathBuf::from("/");
                }
                for component in target.components().rev() {
                    queue.push_front(PathBuf::from(component.as_os_str()));
                }
            }
            Ok(meta) => {
                if (!last || trailing) && !meta.is_dir() && existing != Existing::None {
                    return Err(std::io::ErrorKind::NotADirectory.into());
                }
                resolved = candidate;
            }
            Err(e) => {
                let allowed = match existing {
                    Existing::None => true,
                    Existing::AllButLast => last,
                    Existing::All => false,
                };
                if !allowed {
                    return Err(e);
                }
                resolved = candidate;
            }
        }
    }
    Ok(resolved)
}

/// Without following links (`realpath -s`), as GNU's: the name is taken apart as written,
/// and only what it names as a whole, and what a `..` climbs out of, is looked at (through
/// any links) for the mode's checks.
fn unfollowed(path: &Path, existing: Existing, trailing: bool) -> std::io::Result<PathBuf> {
    let directory = |path: &Path| match std::fs::metadata(path)?.is_dir() {
        true => Ok(()),
        false => Err(std::io::Error::from(std::io::ErrorKind::NotADirectory)),
    };
    let mut resolved = PathBuf::from("/");
    for component in path.components() {
        match component {
            Component::Normal(name) => resolved.push(name),
            Component::ParentDir => {
                if existing != Existing::None {
                    directory(&resolved)?;
                }
                resolved.pop();
            }
            Component::RootDir | Component::CurDir | Component::Prefix(_) => {}
        }
    }
    let found = match existing {
        Existing::None => return Ok(resolved),
        _ if trailing => directory(&resolved),
        _ => std::fs::metadata(&resolved).map(|_| ()),
    };
    match found {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && existing == Existing::AllButLast => {}
        other => other?,
    }
    Ok(resolved)
}

/// `path` relative to `base`, both canonical: up out of what `base` has beyond their
/// common part, then down into the rest of `path`.
pub fn relative(path: &Path, base: &Path) -> PathBuf {
    let (ours, theirs): (Vec<_>, Vec<_>) =
        (path.components().collect(), base.components().collect());
    let common = ours.iter().zip(&theirs).take_while(|(a, b)| a == b).count();
    let mut relative: PathBuf = theirs[common..].iter().map(|_| "..").collect();
    relative.extend(&ours[common..]);
    if relative.as_os_str().is_empty() {
        relative.push(".");
    }
    relative
}
