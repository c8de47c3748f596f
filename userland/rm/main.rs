//! rm: remove files or directories.

use std::fs;
use std::io;
use std::path::Path;
use wasmix_common::wasi_fs::{EntryKind, list_dir};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error};

static PROGRAM: Program = Program::new(
    "rm",
    "Usage: rm [OPTION]... [FILE]...\n\
     Remove (unlink) the FILE(s).\n\n  \
     -f, --force           ignore nonexistent files and arguments, never prompt\n  \
     -r, -R, --recursive   remove directories and their contents recursively\n  \
     -d, --dir             remove empty directories\n  \
     -v, --verbose         explain what is being done\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

struct Options {
    force: bool,
    recursive: bool,
    empty_dirs: bool,
    verbose: bool,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut options = Options {
            force: false,
            recursive: false,
            empty_dirs: false,
            verbose: false,
        };
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('f') | Arg::Long("force") => options.force = true,
                Arg::Short('r' | 'R') | Arg::Long("recursive") => options.recursive = true,
                Arg::Short('d') | Arg::Long("dir") => options.empty_dirs = true,
                Arg::Short('v') | Arg::Long("verbose") => options.verbose = true,
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if files.is_empty() && !options.force {
            return Err(Failure::Usage("missing operand".into()));
        }
        let mut status = 0;
        for file in files {
            let trimmed = file.trim_end_matches('/');
            if matches!(trimmed.rsplit('/').next(), Some("." | "..")) {
                PROGRAM.warn(format!(
                    "refusing to remove '.' or '..' directory: skipping '{file}'"
                ));
                status = 1;
                continue;
            }
            if !remove(&file, None, &options, out)? {
                status = 1;
            }
        }
        Ok(status)
    })
}

/// Removes one operand; false if something could not be removed (already reported).
/// `listed` is what its directory's listing said it is, which saves a lookup of its own.
fn remove(
    path: &str,
    listed: Option<EntryKind>,
    options: &Options,
    out: &mut wasmix_common::Output,
) -> Result<bool, Failure> {
    use std::io::Write;
    let is_dir = match listed {
        Some(kind) => kind == EntryKind::Directory,
        None => match fs::symlink_metadata(path) {
            Ok(meta) => meta.is_dir(),
            Err(e) if e.kind() == io::ErrorKind::NotFound && options.force => return Ok(true),
            Err(e) => {
                let reason = describe_io_error(&e);
                PROGRAM.warn(format!("cannot remove '{path}': {reason}"));
                return Ok(false);
            }
        },
    };
    let removed = if is_dir {
        if options.recursive {
            let mut all = true;
            let entries = match list_dir(Path::new(path)) {
                Ok(entries) => entries,
                Err(e) => {
                    let reason = describe_io_error(&e);
                    PROGRAM.warn(format!("cannot remove '{path}': {reason}"));
                    return Ok(false);
                }
            };
            for (name, kind) in entries {
                let child = format!("{}/{name}", path.trim_end_matches('/'));
                all &= remove(&child, Some(kind), options, out)?;
            }
            if !all {
                return Ok(false);
            }
            fs::remove_dir(path)
        } else if options.empty_dirs {
            fs::remove_dir(path)
        } else {
            PROGRAM.warn(format!("cannot remove '{path}': Is a directory"));
            return Ok(false);
        }
    } else {
        fs::remove_file(path)
    };
    match removed {
        Ok(()) => {
            if options.verbose {
                let what = if is_dir {
                    "removed directory"
                } else {
                    "removed"
                };
                writeln!(out, "{what} '{path}'")?;
            }
            Ok(true)
        }
        Err(e) => {
            let reason = describe_io_error(&e);
            PROGRAM.warn(format!("cannot remove '{path}': {reason}"));
            Ok(false)
        }
    }
}
