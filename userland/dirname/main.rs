//! dirname: strip the last component from file names.

use std::io::Write;
use wasmix_common::{Arg, Failure, Program, args};

static PROGRAM: Program = Program::new(
    "dirname",
    "Usage: dirname [OPTION] NAME...\n\
     Output each NAME with its last non-slash component and trailing slashes\n\
     removed; if NAME contains no /'s, output '.' (meaning the current directory).\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut names = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Value(v) => names.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if names.is_empty() {
            return Err(Failure::Usage("missing operand".into()));
        }
        for name in names {
            writeln!(out, "{}", parent(&name))?;
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
