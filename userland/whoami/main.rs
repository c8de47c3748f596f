//! whoami: print the user name, which the shell passes in $USER.

use std::io::Write;
use wasmix_common::{Program, args};

static PROGRAM: Program = Program::new(
    "whoami",
    "Usage: whoami [OPTION]...\n\
     Print the user name associated with the current session.\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        if let Some(arg) = args.next()? {
            return Err(args::unexpected(arg));
        }
        let user = std::env::var("USER").unwrap_or_else(|_| "user".into());
        writeln!(out, "{user}")?;
        Ok(0)
    })
}
