//! cp: copy files and directories.

use std::fs;
use wasmix_common::{Arg, Program, args, describe_io_error, tree};

static PROGRAM: Program = Program::new(
    "cp",
    "Usage: cp [OPTION]... SOURCE DEST\n  \
     or:  cp [OPTION]... SOURCE... DIRECTORY\n\
     Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.\n\n  \
     -r, -R, --recursive   copy directories recursively\n  \
     -v, --verbose         explain what is being done\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        use std::io::Write;
        let mut recursive = false;
        let mut verbose = false;
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('r' | 'R') | Arg::Long("recursive") => recursive = true,
                Arg::Short('v') | Arg::Long("verbose") => verbose = true,
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let plan = tree::targets(&operands)?;
        let mut status = 0;
        for (source, target) in plan {
            let meta = match fs::metadata(&source) {
                Ok(meta) => meta,
                Err(e) => {
                    let reason = describe_io_error(&e);
                    PROGRAM.warn(format!("cannot stat '{}': {reason}", source.display()));
                    status = 1;
                    continue;
                }
            };
            if meta.is_dir() && !recursive {
                PROGRAM.warn(format!(
                    "-r not specified; omitting directory '{}'",
                    source.display()
                ));
                status = 1;
                continue;
            }
            if tree::same_file(&source, &target) {
                PROGRAM.warn(format!(
                    "'{}' and '{}' are the same file",
                    source.display(),
                    target.display()
                ));
                status = 1;
                continue;
            }
            if meta.is_dir() && target.starts_with(&source) {
                PROGRAM.warn(format!(
                    "cannot copy a directory, '{}', into itself, '{}'",
                    source.display(),
                    target.display()
                ));
                status = 1;
                continue;
            }
            let copied = if meta.is_dir() {
                tree::copy(&source, &target, &mut |path, e| {
                    let reason = describe_io_error(&e);
                    PROGRAM.warn(format!("cannot copy '{}': {reason}", path.display()));
                })
            } else {
                match wasmix_common::file_out::copy_file(&source, &target) {
                    Ok(_) => true,
                    Err(e) => {
                        let reason = describe_io_error(&e);
                        PROGRAM.warn(format!(
                            "cannot create regular file '{}': {reason}",
                            target.display()
                        ));
                        false
                    }
                }
            };
            if !copied {
                status = 1;
            } else if verbose {
                writeln!(out, "'{}' -> '{}'", source.display(), target.display())?;
            }
        }
        Ok(status)
    })
}
