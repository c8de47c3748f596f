//! realpath: print the resolved absolute name of each file.

use std::io::Write;
use std::path::{Path, PathBuf};
use wasmix_common::canonical::{Existing, relative, resolve};
use wasmix_common::{Arg, Failure, Program, args, file_error};

static PROGRAM: Program = Program::new(
    "realpath",
    "Usage: realpath [OPTION]... FILE...\n\
     Print the resolved absolute file name;\n\
     all but the last component must exist\n\n  \
     -e, --canonicalize-existing  all components of the path must exist\n  \
     -m, --canonicalize-missing   no path components need exist or be a directory\n  \
     -L, --logical                resolve '..' components before symlinks\n  \
     -P, --physical               resolve symlinks as encountered (default)\n  \
     -q, --quiet                  suppress most error messages\n      \
     --relative-to=DIR        print the resolved path relative to DIR\n      \
     --relative-base=DIR      print absolute paths unless paths below DIR\n  \
     -s, --strip, --no-symlinks   don't expand symlinks\n  \
     -z, --zero                   end each output line with NUL, not newline\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

/// How links are met: as they come (`-P`), after `..` is taken from the name as written
/// (`-L`), or not at all (`-s`).
#[derive(Clone, Copy, PartialEq)]
enum Links {
    Physical,
    Logical,
    Unfollowed,
}

/// A name made absolute and resolved as asked.
fn canonical(name: &Path, existing: Existing, links: Links) -> std::io::Result<PathBuf> {
    let absolute = std::env::current_dir()?.join(name);
    match links {
        Links::Physical => resolve(&absolute, existing, true),
        Links::Unfollowed => resolve(&absolute, existing, false),
        Links::Logical => resolve(&resolve(&absolute, existing, false)?, existing, true),
    }
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut existing = Existing::AllButLast;
        let mut links = Links::Physical;
        let (mut relative_to, mut relative_base) = (None, None);
        let mut quiet = false;
        let mut terminator = b'\n';
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('e') | Arg::Long("canonicalize-existing") => existing = Existing::All,
                Arg::Short('m') | Arg::Long("canonicalize-missing") => existing = Existing::None,
                Arg::Short('L') | Arg::Long("logical") => links = Links::Logical,
                Arg::Short('P') | Arg::Long("physical") => links = Links::Physical,
                Arg::Short('s') | Arg::Long("strip" | "no-symlinks") => links = Links::Unfollowed,
                Arg::Long("relative-to") => relative_to = Some(args.value()?),
                Arg::Long("relative-base") => relative_base = Some(args.value()?),
                Arg::Short('q') | Arg::Long("quiet") => quiet = true,
                Arg::Short('z') | Arg::Long("zero") => terminator = b'\0',
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if files.is_empty() {
            return Err(Failure::Usage("missing operand".into()));
        }
        let directory = |name: &String| {
            canonical(Path::new(name), existing, links)
                .map_err(|e| Failure::Fatal(file_error(name, &e)))
        };
        // A base alone is also what names below it are shown relative to; a base that
        // is not above the directory to show them relative to sets both aside, as GNU's.
        let mut to = relative_to
            .as_ref()
            .or(relative_base.as_ref())
            .map(directory)
            .transpose()?;
        let mut base = relative_base.as_ref().map(directory).transpose()?;
        if let (Some(under), Some(above)) = (&to, &base)
            && !under.starts_with(above)
        {
            (to, base) = (None, None);
        }
        let mut status = 0;
        for name in files {
            match canonical(Path::new(&name), existing, links) {
                Ok(path) => {
                    let path = match (&to, &base) {
                        (Some(_), Some(base)) if !path.starts_with(base) => path,
                        (Some(to), _) => relative(&path, to),
                        _ => path,
                    };
                    out.write_all(path.to_string_lossy().as_bytes())?;
                    out.write_all(&[terminator])?;
                }
                Err(e) => {
                    if !quiet {
                        PROGRAM.warn(file_error(&name, &e));
                    }
                    status = 1;
                }
            }
        }
        Ok(status)
    })
}
