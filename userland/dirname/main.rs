//! dirname: strip the last component from file names.

use std::io::Write;
use wasmix_common::{Arg, Failure, Program, args};

static PROGRAM: Program = Program::new(
    "dirname",
    "Usage: dirname [OPTION] NAME...\n\
     Output each NAME with its last non-slash component and trailing slashes\n\
     removed; if NAME contains no /'s, output '.' (meaning the current directory).\n\n  \
     -z, --zero     end each output line with NUL, not newline\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut names = Vec::new();
        let mut end = '\n';
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('z') | Arg::Long("zero") => end = '\0',
                Arg::Value(v) => names.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if names.is_empty() {
            return Err(Failure::Usage("missing operand".into()));
        }
        for name in names {
            write!(out, "{}{end}", parent(&name))?;
        }
        Ok(0)
    })
}

fn parent(name: &str) -> &str {
    let trimmed = name.trim_end_matches('/');
    if trimmed.is_empty() {
        return if name.starts_with('/') { "/" } else { "." };
    }
    match trimmed.rfind('/') {
        None => ".",
        Some(at) => {
            let dir = trimmed[..at].trim_end_matches('/');
            if dir.is_empty() { "/" } else { dir }
        }
    }
}
