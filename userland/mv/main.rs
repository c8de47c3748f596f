//! mv: move (rename) files. Across file servers, where a rename cannot work, the tree is
//! copied and then removed, as GNU mv does across devices.

use std::fs;
use std::io::{self, Write};
use wasmix_common::{Arg, Program, args, describe_io_error, tree};

static PROGRAM: Program = Program::new(
    "mv",
    "Usage: mv [OPTION]... SOURCE DEST\n  \
     or:  mv [OPTION]... SOURCE... DIRECTORY\n\
     Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.\n\n  \
     -v, --verbose         explain what is being done\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut verbose = false;
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('v') | Arg::Long("verbose") => verbose = true,
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let mut status = 0;
        for (source, target) in tree::targets(&operands)? {
            if let Err(e) = fs::symlink_metadata(&source) {
                let reason = describe_io_error(&e);
                PROGRAM.warn(format!("cannot stat '{}': {reason}", source.display()));
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
                writeln!(
                    out,
                    "renamed '{}' -> '{}'",
                    source.display(),
                    target.display()
                )?;
            }
        }
        Ok(status)
    })
}
