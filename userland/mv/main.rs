//! mv: move (rename) files. Across file servers, where a rename cannot work, the tree is
//! copied and then removed, as GNU mv does across devices.

use std::fs;
use std::io::{self, Write};
use std::path::Path;
use wasmix_common::backup::Backups;
use wasmix_common::tree::Destination;
use wasmix_common::{Arg, Program, args, describe_io_error, prompt, tree};

static PROGRAM: Program = Program::new(
    "mv",
    concat!(
        "Usage: mv [OPTION]... [-T] SOURCE DEST\n  \
     or:  mv [OPTION]... SOURCE... DIRECTORY\n  \
     or:  mv [OPTION]... -t DIRECTORY SOURCE...\n\
     Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.\n\n      \
     --backup[=CONTROL]       make a backup of each existing destination file\n  \
     -b                           like --backup but does not accept an argument\n  \
     -f, --force                  do not prompt before overwriting\n  \
     -i, --interactive            prompt before overwrite\n  \
     -n, --no-clobber             do not overwrite an existing file\n\
     If you specify more than one of -i, -f, -n, only the final one takes effect.\n  \
     --strip-trailing-slashes  remove any trailing slashes from each SOURCE\n                                 \
     argument\n  \
     -S, --suffix=SUFFIX          override the usual backup suffix\n  \
     -t, --target-directory=DIRECTORY  move all SOURCE arguments into DIRECTORY\n  \
     -T, --no-target-directory    treat DEST as a normal file\n  \
     -u, --update                 move only when the SOURCE file is newer\n                                 \
     than the destination file or when the\n                                 \
     destination file is missing\n  \
     -v, --verbose                explain what is being done\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
        wasmix_common::backup_help!()
    ),
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut verbose = false;
        let mut existing = Existing::Replace;
        let mut update = false;
        let mut destination = Destination::default();
        let mut operands = Vec::new();
        let mut backups = Backups::default();
        let mut strip_slashes = false;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('b') => backups.ask(None),
                Arg::Long("backup") => backups.ask(args.optional_value()),
                Arg::Short('S') | Arg::Long("suffix") => backups.suffix(args.value()?),
                Arg::Long("strip-trailing-slashes") => strip_slashes = true,
                Arg::Short('f') | Arg::Long("force") => existing = Existing::Replace,
                Arg::Short('i') | Arg::Long("interactive") => existing = Existing::Ask,
                Arg::Short('n') | Arg::Long("no-clobber") => existing = Existing::Keep,
                Arg::Short('t') | Arg::Long("target-directory") => {
                    destination.directory = Some(args.value()?)
                }
                Arg::Short('T') | Arg::Long("no-target-directory") => destination.not_into = true,
                Arg::Short('u') | Arg::Long("update") => update = true,
                Arg::Short('v') | Arg::Long("verbose") => verbose = true,
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let backups = backups.policy()?;
        if strip_slashes {
            // Each source, not the destination the last operand names without -t.
            let sources = match destination.directory {
                Some(_) => operands.len(),
                None => operands.len().saturating_sub(1),
            };
            for operand in &mut operands[..sources] {
                while operand.len() > 1 && operand.ends_with('/') {
                    operand.pop();
                }
            }
        }
        let mut status = 0;
        for (source, target) in tree::targets(&operands, &destination)? {
            let source_meta = match fs::symlink_metadata(&source) {
                Ok(meta) => meta,
                Err(e) => {
                    let reason = describe_io_error(&e);
                    PROGRAM.warn(format!("cannot stat '{}': {reason}", source.display()));
                    status = 1;
                    continue;
                }
            };
            if tree::same_file(&source, &target) {
                PROGRAM.warn(format!(
                    "'{}' and '{}' are the same file",
                    source.display(),
                    target.display()
                ));
                status = 1;
                continue;
            }
            if source_meta.is_dir() && tree::is_within(&source, &target) {
                PROGRAM.warn(format!(
                    "cannot move '{}' to a subdirectory of itself, '{}'",
                    source.display(),
                    target.display()
                ));
                status = 1;
                continue;
            }
            if let Ok(target_meta) = fs::symlink_metadata(&target) {
                let newer = |a: &fs::Metadata, b: &fs::Metadata| {
                    matches!((a.modified(), b.modified()), (Ok(a), Ok(b)) if a > b)
                };
                if update && !newer(&source_meta, &target_meta) {
                    continue;
                }
                let keep = match existing {
                    Existing::Keep => true,
                    Existing::Ask => !prompt::ask(
                        &PROGRAM,
                        &format!("overwrite '{}'? ", target.display()),
                    ),
                    Existing::Replace => false,
                };
                if keep {
                    continue;
                }
                if let Some(message) = kind_clash(&source, &source_meta, &target, &target_meta) {
                    PROGRAM.warn(message);
                    status = 1;
                    continue;
                }
            }
            let backup = match backups.back_up(&target) {
                Ok(backup) => backup,
                Err(e) => {
                    let reason = describe_io_error(&e);
                    PROGRAM.warn(format!("cannot back up '{}': {reason}", target.display()));
                    status = 1;
                    continue;
                }
            };
            let moved = match fs::rename(&source, &target) {
                Err(e) if e.kind() == io::ErrorKind::CrossesDevices => {
                    let mut ok = tree::copy(&source, &target, &mut |path, e| {
                        let reason = describe_io_error(&e);
                        PROGRAM.warn(format!("cannot move '{}': {reason}", path.display()));
                    });
                    if ok && let Err(e) = tree::remove(&source) {
                        let reason = describe_io_error(&e);
                        PROGRAM.warn(format!("cannot remove '{}': {reason}", source.display()));
                        ok = false;
                    }
                    ok
                }
                Err(e) => {
                    let reason = describe_io_error(&e);
                    PROGRAM.warn(format!(
                        "cannot move '{}' to '{}': {reason}",
                        source.display(),
                        target.display()
                    ));
                    false
                }
                Ok(()) => true,
            };
            if !moved {
                status = 1;
            } else if verbose {
                write!(
                    out,
                    "renamed '{}' -> '{}'",
                    source.display(),
                    target.display()
                )?;
                match backup {
                    Some(backup) => writeln!(out, " (backup: '{}')", backup.display())?,
                    None => writeln!(out)?,
                }
            }
        }
        Ok(status)
    })
}

/// What becomes of a destination that exists (`-f`, `-i`, `-n`: the last given counts).
#[derive(Clone, Copy)]
enum Existing {
    Replace,
    Ask,
    Keep,
}

/// GNU's words where a directory would replace a file, or a file a directory.
fn kind_clash(
    source: &Path,
    source_meta: &fs::Metadata,
    target: &Path,
    target_meta: &fs::Metadata,
) -> Option<String> {
    match (source_meta.is_dir(), target_meta.is_dir()) {
        (false, true) => Some(format!(
            "cannot overwrite directory '{}' with non-directory",
            target.display()
        )),
        (true, false) => Some(format!(
            "cannot overwrite non-directory '{}' with directory '{}'",
            target.display(),
            source.display()
        )),
        _ => None,
    }
}
