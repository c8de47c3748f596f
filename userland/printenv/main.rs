//! printenv: print all or part of the environment.

use std::io::Write;
use wasmix_common::{Arg, Program, args};

static PROGRAM: Program = Program {
    usage_status: 2,
    ..Program::new(
        "printenv",
        "Usage: printenv [OPTION]... [VARIABLE]...\n\
         Print the values of the specified environment VARIABLE(s).\n\
         If no VARIABLE is specified, print name and value pairs for them all.\n\n  \
         -0, --null     end each output line with NUL, not newline\n      \
         --help        display this help and exit\n      \
         --version     output version information and exit\n",
    )
};

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut end = b'\n';
        let mut names = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('0') | Arg::Long("null") => end = 0,
                Arg::Value(v) => names.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if names.is_empty() {
            for (name, value) in std::env::vars() {
                write!(out, "{name}={value}")?;
                out.write_all(&[end])?;
            }
            return Ok(0);
        }
        let mut status = 0;
        for name in names {
            match std::env::var(&name) {
                Ok(value) if !name.contains('=') => {
                    out.write_all(value.as_bytes())?;
                    out.write_all(&[end])?;
                }
                _ => status = 1,
            }
        }
        Ok(status)
    })
}
