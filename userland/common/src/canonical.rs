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
            Ok(meta) if follow && meta.file_type().is_symlink() => {
                hops += 1;
                if hops > 40 {
                    return Err(std::io::Error::other("Too many levels of symbolic links"));
                }
                let target = std::fs::read_link(&candidate)?;
                if target.is_absolute() {
                    resolved = PathBuf::from("/");
                }
                for component in target.components().rev() {
                    queue.push_front(PathBuf::from(component.as_os_str()));
                }
            }
            Ok(meta) => {
                if !last && !meta.is_dir() && existing != Existing::None {
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
