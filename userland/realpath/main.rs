//! realpath: print the resolved absolute name of each file.

use std::io::Write;
use wasmix_common::canonical::{Existing, resolve};
use wasmix_common::{Arg, Failure, Program, args, file_error};

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
                        PROGRAM.warn(file_error(&name, &e));
                    }
                    status = 1;
                }
            }
        }
        Ok(status)
    })
}
