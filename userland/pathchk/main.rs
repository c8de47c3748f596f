//! pathchk: diagnose file names that are invalid here or not portable, as GNU's does.

use std::io::ErrorKind;
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, names, quote};

static PROGRAM: Program = Program::new(
    "pathchk",
    "Usage: pathchk [OPTION]... NAME...\n\
     Diagnose invalid or unportable file names.\n\n  \
     -p                  check for most POSIX systems\n  \
     -P                  check for empty names and leading \"-\"\n      \
     --portability   check for all POSIX systems (equivalent to -p -P)\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

/// POSIX's smallest allowed limits (`_POSIX_PATH_MAX`, `_POSIX_NAME_MAX`), what `-p` checks.
const POSIX_PATH_MAX: usize = 256;
const POSIX_NAME_MAX: usize = 14;
/// wasmix's own limits, those its filesystems report (`PATH_MAX`, `NAME_MAX`).
const PATH_MAX: usize = 4096;
const NAME_MAX: usize = 255;

fn main() {
    PROGRAM.run(|mut args, _| {
        let (mut basic, mut extra) = (false, false);
        let mut names = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('p') => basic = true,
                Arg::Short('P') => extra = true,
                Arg::Long("portability") => (basic, extra) = (true, true),
                Arg::Value(v) => names.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if names.is_empty() {
            return Err(Failure::Usage("missing operand".into()));
        }
        let mut status = 0;
        for name in &names {
            if let Err(problem) = check(name, basic, extra) {
                PROGRAM.warn(problem);
                status = 1;
            }
        }
        Ok(status)
    })
}

/// The first thing wrong with `name`, in the order GNU's pathchk looks (at the name's
/// bytes, as the host has them).
fn check(name: &str, basic: bool, extra: bool) -> Result<(), String> {
    let bytes = names::to_bytes(name);
    let components = || bytes.split(|&b| b == b'/').filter(|c| !c.is_empty());
    if extra && components().any(|c| c.starts_with(b"-")) {
        return Err(format!(
            "leading '-' in a component of file name {}",
            quote::quoteaf(name)
        ));
    }
    if (basic || extra) && name.is_empty() {
        return Err("empty file name".into());
    }
    let mut exists = false;
    if basic {
        if let Some(&c) = bytes
            .iter()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'/' | b'.' | b'_' | b'-')))
        {
            return Err(format!(
                "nonportable character {} in file name {}",
                quote::quote_bytes(&[c]),
                quote::quoteaf(name)
            ));
        }
    } else {
        let too_long = bytes.len() >= PATH_MAX || components().any(|c| c.len() > NAME_MAX);
        match std::fs::symlink_metadata(name) {
            _ if too_long => return Err(format!("{}: File name too long", quote::quotef(name))),
            // Linux finds no file named "" (WASI takes it for the directory itself).
            _ if name.is_empty() => return Err("'': No such file or directory".into()),
            Ok(_) => exists = true,
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            Err(e) => {
                return Err(format!(
                    "{}: {}",
                    quote::quotef(name),
                    describe_io_error(&e)
                ));
            }
        }
    }
    if basic || (!exists && bytes.len() >= POSIX_PATH_MAX) {
        let most = if basic { POSIX_PATH_MAX } else { PATH_MAX };
        if bytes.len() >= most {
            return Err(format!(
                "limit {} exceeded by length {} of file name {}",
                most - 1,
                bytes.len(),
                quote::quoteaf(name)
            ));
        }
    }
    if basic || !exists {
        let most = if basic { POSIX_NAME_MAX } else { NAME_MAX };
        if let Some(long) = components().find(|c| c.len() > most) {
            return Err(format!(
                "limit {most} exceeded by length {} of file name component {}",
                long.len(),
                quote::quote_bytes(long)
            ));
        }
    }
    Ok(())
}
