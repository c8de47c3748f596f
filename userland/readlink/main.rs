//! readlink: print where a symbolic link points, or with -f, -e or -m the canonical path.

use std::io::Write;
use wasmix_common::canonical::{Existing, resolve};
use wasmix_common::{Arg, Failure, Program, args, file_error};

static PROGRAM: Program = Program::new(
    "readlink",
    "Usage: readlink [OPTION]... FILE...\n\
     Print value of a symbolic link or canonical file name\n\n  \
     -f, --canonicalize            canonicalize by following every symlink in\n                                \
     every component of the given name recursively;\n                                \
     all but the last component must exist\n  \
     -e, --canonicalize-existing   canonicalize by following every symlink in\n                                \
     every component of the given name recursively,\n                                \
     all components must exist\n  \
     -m, --canonicalize-missing    canonicalize by following every symlink in\n                                \
     every component of the given name recursively,\n                                \
     without requirements on components existence\n  \
     -n, --no-newline              do not output the trailing delimiter\n  \
     -q, --quiet\n  \
     -s, --silent                  suppress most error messages (on by default)\n  \
     -v, --verbose                 report error messages\n  \
     -z, --zero                    end each output line with NUL, not newline\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut canonical = None;
        let mut newline = true;
        let mut verbose = false;
        let mut end = b'\n';
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('f') | Arg::Long("canonicalize") => {
                    canonical = Some(Existing::AllButLast);
                }
                Arg::Short('e') | Arg::Long("canonicalize-existing") => {
                    canonical = Some(Existing::All);
                }
                Arg::Short('m') | Arg::Long("canonicalize-missing") => {
                    canonical = Some(Existing::None);
                }
                Arg::Short('n') | Arg::Long("no-newline") => newline = false,
                Arg::Short('q' | 's') | Arg::Long("quiet" | "silent") => verbose = false,
                Arg::Short('v') | Arg::Long("verbose") => verbose = true,
                Arg::Short('z') | Arg::Long("zero") => end = b'\0',
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if files.is_empty() {
            return Err(Failure::Usage("missing operand".into()));
        }
        if !newline && files.len() > 1 {
            PROGRAM.warn("ignoring --no-newline with multiple arguments");
            newline = true;
        }
        let cwd = std::env::current_dir()?;
        let mut status = 0;
        for name in files {
            let answer = match canonical {
                Some(existing) => resolve(&cwd.join(&name), existing, true),
                None => std::fs::read_link(&name),
            };
            match answer {
                Ok(path) => {
                    out.write_all(path.to_string_lossy().as_bytes())?;
                    if newline {
                        out.write_all(&[end])?;
                    }
                }
                Err(e) => {
                    if verbose {
                        PROGRAM.warn(file_error(&name, &e));
                    }
                    status = 1;
                }
            }
        }
        Ok(status)
    })
}
