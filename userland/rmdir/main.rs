//! rmdir: remove empty directories.

use std::fs;
use std::io::{ErrorKind, Write};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, quote};

static PROGRAM: Program = Program::new(
    "rmdir",
    "Usage: rmdir [OPTION]... DIRECTORY...\n\
     Remove the DIRECTORY(ies), if they are empty.\n\n      \
     --ignore-fail-on-non-empty\n                    \
     ignore each failure to remove a non-empty directory\n  \
     -p, --parents   remove DIRECTORY and its ancestors; e.g., 'rmdir -p a/b' is\n                  \
     similar to 'rmdir a/b a'\n  \
     -v, --verbose   output a diagnostic for every directory processed\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let (mut parents, mut verbose, mut ignore_non_empty) = (false, false, false);
        let mut dirs = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('p') | Arg::Long("parents") => parents = true,
                Arg::Short('v') | Arg::Long("verbose") => verbose = true,
                Arg::Long("ignore-fail-on-non-empty") => ignore_non_empty = true,
                Arg::Value(v) => dirs.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if dirs.is_empty() {
            return Err(Failure::Usage("missing operand".into()));
        }
        let mut status = 0;
        for dir in dirs {
            // The name as given first (GNU's messages keep its slashes), then its parents.
            let mut current = dir.clone();
            let mut ancestor = false;
            loop {
                if verbose {
                    writeln!(
                        out,
                        "rmdir: removing directory, {}",
                        quote::quoteaf(&current)
                    )?;
                }
                if let Err(e) = fs::remove_dir(&current) {
                    // WASI's libc does not give every errno its kind: the words tell.
                    let non_empty = e.kind() == ErrorKind::DirectoryNotEmpty
                        || describe_io_error(&e) == "Directory not empty";
                    if !(ignore_non_empty && non_empty) {
                        out.flush()?;
                        let what = if ancestor { "directory " } else { "" };
                        PROGRAM.warn(format!(
                            "failed to remove {what}{}: {}",
                            quote::quoteaf(&current),
                            describe_io_error(&e)
                        ));
                        status = 1;
                    }
                    break;
                }
                let trimmed = current.trim_end_matches('/');
                match trimmed.rfind('/') {
                    Some(cut) if parents && cut > 0 => {
                        current = trimmed[..cut].trim_end_matches('/').to_string();
                    }
                    _ => break,
                }
                ancestor = true;
            }
        }
        Ok(status)
    })
}
