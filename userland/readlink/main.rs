//! readlink: print where a symbolic link points, or with -f the canonical path.

use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use wasmix_common::{Arg, Failure, Program, args};

static PROGRAM: Program = Program::new(
    "readlink",
    "Usage: readlink [OPTION]... FILE...\n\
     Print value of a symbolic link or canonical file name\n\n  \
     -f, --canonicalize   canonicalize by following every symlink in every component\n                       \
     of the given name recursively; all but the last component must exist\n  \
     -n, --no-newline     do not output the trailing delimiter\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

/// Symbolic links followed before giving up, as on Linux.
const MAX_LINKS: usize = 40;

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut canonical = false;
        let mut newline = true;
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('f') | Arg::Long("canonicalize") => canonical = true,
                Arg::Short('n') | Arg::Long("no-newline") => newline = false,
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if files.is_empty() {
            return Err(Failure::Usage("missing operand".into()));
        }
        let mut status = 0;
        for file in files {
            let answer = if canonical {
                canonicalize(Path::new(&file))
            } else {
                fs::read_link(&file).ok()
            };
            match answer {
                Some(path) => {
                    write!(out, "{}", path.display())?;
                    if newline {
                        writeln!(out)?;
                    }
                }
                None => status = 1,
            }
        }
        Ok(status)
    })
}

/// Resolves every link and `..` in `path`; the last component need not exist.
fn canonicalize(path: &Path) -> Option<PathBuf> {
    let start = if path.is_absolute() {
        PathBuf::from("/")
    } else {
        std::env::current_dir().ok()?
    };
    let mut pending: Vec<PathBuf> = path
        .components()
        .rev()
        .map(|c| PathBuf::from(c.as_os_str()))
        .collect();
    let mut resolved = start;
    let mut links = 0;
    while let Some(part) = pending.pop() {
        match part.components().next() {
            Some(Component::RootDir) => resolved = PathBuf::from("/"),
            Some(Component::CurDir) | None => {}
            Some(Component::ParentDir) => {
                resolved.pop();
            }
            Some(_) => {
                let candidate = resolved.join(&part);
                match fs::symlink_metadata(&candidate) {
                    Ok(meta) if meta.file_type().is_symlink() => {
                        links += 1;
                        if links > MAX_LINKS {
                            return None;
                        }
                        let target = fs::read_link(&candidate).ok()?;
                        pending.extend(
                            target
                                .components()
                                .rev()
                                .map(|c| PathBuf::from(c.as_os_str())),
                        );
                    }
                    Ok(_) => resolved = candidate,
                    Err(_) if pending.is_empty() => resolved = candidate,
                    Err(_) => return None,
                }
            }
        }
    }
    Some(resolved)
}
