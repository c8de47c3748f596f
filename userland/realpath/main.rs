//! realpath: print the resolved absolute name of each file.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error};

static PROGRAM: Program = Program::new(
    "realpath",
    "Usage: realpath [OPTION]... FILE...\n\
     Print the resolved absolute file name;\n\
     all but the last component must exist\n\n  \
     -e, --canonicalize-existing  all components of the path must exist\n  \
     -m, --canonicalize-missing   no path components need exist or be a directory\n  \
     -s, --strip, --no-symlinks   don't expand symlinks\n  \
     -q, --quiet                  suppress most error messages\n  \
     -z, --zero                   end each output line with NUL, not newline\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

#[derive(Clone, Copy, PartialEq)]
enum Existing {
    All,
    AllButLast,
    None,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut existing = Existing::AllButLast;
        let mut follow = true;
        let mut quiet = false;
        let mut terminator = b'\n';
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('e') | Arg::Long("canonicalize-existing") => existing = Existing::All,
                Arg::Short('m') | Arg::Long("canonicalize-missing") => existing = Existing::None,
                Arg::Short('s') | Arg::Long("strip" | "no-symlinks") => follow = false,
                Arg::Short('q') | Arg::Long("quiet") => quiet = true,
                Arg::Short('z') | Arg::Long("zero") => terminator = b'\0',
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if files.is_empty() {
            return Err(Failure::Usage("missing operand".into()));
        }
        let cwd = std::env::current_dir()?;
        let mut status = 0;
        for name in files {
            match resolve(&cwd.join(&name), existing, follow) {
                Ok(path) => {
                    out.write_all(path.to_string_lossy().as_bytes())?;
                    out.write_all(&[terminator])?;
                }
                Err(e) => {
                    if !quiet {
                        PROGRAM.warn(format!("{name}: {}", describe_io_error(&e)));
                    }
                    status = 1;
                }
            }
        }
        Ok(status)
    })
}

/// Walks `path` a component at a time, following links when asked, checking existence as
/// the mode says.
fn resolve(path: &Path, existing: Existing, follow: bool) -> std::io::Result<PathBuf> {
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
