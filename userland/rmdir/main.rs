//! rmdir: remove empty directories.

use std::fs;
use wasmix_common::{Arg, Failure, Program, args, describe_io_error};

static PROGRAM: Program = Program::new(
    "rmdir",
    "Usage: rmdir [OPTION]... DIRECTORY...\n\
     Remove the DIRECTORY(ies), if they are empty.\n\n  \
     -p, --parents   remove DIRECTORY and its ancestors; e.g., 'rmdir -p a/b' is\n                  \
     similar to 'rmdir a/b a'\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, _| {
        let mut parents = false;
        let mut dirs = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('p') | Arg::Long("parents") => parents = true,
                Arg::Value(v) => dirs.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if dirs.is_empty() {
            return Err(Failure::Usage("missing operand".into()));
        }
        let mut status = 0;
        for dir in dirs {
            let mut current = dir.trim_end_matches('/').to_string();
            loop {
                if let Err(e) = fs::remove_dir(&current) {
                    let reason = describe_io_error(&e);
                    PROGRAM.warn(format!("failed to remove '{current}': {reason}"));
                    status = 1;
                    break;
                }
                match current.rfind('/') {
                    Some(cut) if parents && cut > 0 => current.truncate(cut),
                    _ => break,
                }
            }
        }
        Ok(status)
    })
}
