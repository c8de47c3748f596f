//! rm: remove files or directories.

use std::fs;
use std::io;
use std::path::Path;
use wasmix_common::wasi_fs::{self, EntryKind, list_dir};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, prompt};

static PROGRAM: Program = Program::new(
    "rm",
    "Usage: rm [OPTION]... [FILE]...\n\
     Remove (unlink) the FILE(s).\n\n  \
     -f, --force           ignore nonexistent files and arguments, never prompt\n  \
     -i                    prompt before every removal\n  \
     -I                    prompt once before removing more than three files, or\n                          \
     when removing recursively\n      \
     --interactive[=WHEN]  prompt according to WHEN: never, once (-I), or\n                          \
     always (-i); without WHEN, prompt always\n      \
     --no-preserve-root  do not treat '/' specially\n      \
     --preserve-root   do not remove '/' (default)\n  \
     -r, -R, --recursive   remove directories and their contents recursively\n  \
     -d, --dir             remove empty directories\n  \
     -v, --verbose         explain what is being done\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

struct Options {
    force: bool,
    /// `-i`: every removal is asked about.
    ask_each: bool,
    recursive: bool,
    empty_dirs: bool,
    verbose: bool,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut options = Options {
            force: false,
            ask_each: false,
            recursive: false,
            empty_dirs: false,
            verbose: false,
        };
        let mut files = Vec::new();
        let mut ask_once = false;
        let mut preserve_root = true;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('f') | Arg::Long("force") => {
                    options.force = true;
                    options.ask_each = false;
                    ask_once = false;
                }
                Arg::Short('i') => {
                    (options.force, options.ask_each, ask_once) = (false, true, false);
                }
                Arg::Short('I') => (options.ask_each, ask_once) = (false, true),
                Arg::Long("interactive") => match args.optional_value().as_deref() {
                    None | Some("always" | "yes") => {
                        (options.force, options.ask_each, ask_once) = (false, true, false);
                    }
                    Some("once") => (options.ask_each, ask_once) = (false, true),
                    Some("never" | "no" | "none") => (options.ask_each, ask_once) = (false, false),
                    Some(other) => {
                        return Err(Failure::Usage(format!(
                            "invalid argument '{other}' for '--interactive'\n\
                             Valid arguments are:\n  - 'never', 'no', 'none'\n  \
                             - 'once'\n  - 'always', 'yes'"
                        )));
                    }
                },
                Arg::Long("preserve-root") => preserve_root = true,
                Arg::Long("no-preserve-root") => preserve_root = false,
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
        if ask_once && (files.len() > 3 || options.recursive && !files.is_empty()) {
            let count = files.len();
            let plural = if count == 1 { "" } else { "s" };
            let how = if options.recursive {
                " recursively"
            } else {
                ""
            };
            if !prompt::ask(&PROGRAM, &format!("remove {count} argument{plural}{how}? ")) {
                return Ok(0);
            }
        }
        let mut status = 0;
        for file in files {
            let trimmed = file.trim_end_matches('/');
            if options.recursive && preserve_root && !file.is_empty() && trimmed.is_empty() {
                PROGRAM.warn("it is dangerous to operate recursively on '/'");
                PROGRAM.warn("use --no-preserve-root to override this failsafe");
                status = 1;
                continue;
            }
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
        None => match wasmix_common::names::nonempty(path).and_then(fs::symlink_metadata) {
            Ok(meta) => meta.is_dir(),
            Err(e) if e.kind() == io::ErrorKind::NotFound && options.force => return Ok(true),
            Err(e) => {
                let reason = describe_io_error(&e);
                PROGRAM.warn(format!("cannot remove '{path}': {reason}"));
                return Ok(false);
            }
        },
    };
    if options.ask_each
        && !is_dir
        && !prompt::ask(&PROGRAM, &format!("remove {}? ", described(path)))
    {
        return Ok(true);
    }
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
            let ask = |question: &str| prompt::ask(&PROGRAM, &format!("{question} '{path}'? "));
            if options.ask_each && !entries.is_empty() && !ask("descend into directory") {
                return Ok(true);
            }
            for (name, kind) in entries {
                let child = format!("{}/{name}", path.trim_end_matches('/'));
                all &= remove(&child, Some(kind), options, out)?;
            }
            if !all {
                return Ok(false);
            }
            if options.ask_each && !ask("remove directory") {
                return Ok(true);
            }
            fs::remove_dir(path)
        } else if options.empty_dirs {
            if options.ask_each && !prompt::ask(&PROGRAM, &format!("remove directory '{path}'? ")) {
                return Ok(true);
            }
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

/// What -i calls a file it asks about: `regular empty file 'a'`, `symbolic link 'l'`.
fn described(path: &str) -> String {
    let what = match (
        wasi_fs::kind(Path::new(path), false),
        fs::symlink_metadata(path),
    ) {
        (Ok(EntryKind::Symlink), _) => "symbolic link",
        (Ok(EntryKind::Fifo), _) => "fifo",
        (Ok(EntryKind::File), Ok(meta)) if meta.len() == 0 => "regular empty file",
        (Ok(EntryKind::File), _) => "regular file",
        _ => "file",
    };
    format!("{what} '{path}'")
}
