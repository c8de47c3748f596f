//! logname: print the login name, the session's one user ($USER, as whoami).

use std::io::Write;
use wasmix_common::{Program, args};

static PROGRAM: Program = Program::new(
    "logname",
    "Usage: logname [OPTION]\n\
     Print the user's login name.\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        // No operands: the first is an extra one.
        if let Some(arg) = args.next()? {
            return Err(args::unexpected(arg));
        }
        let user = std::env::var("USER").unwrap_or_else(|_| "user".into());
        writeln!(out, "{user}")?;
        Ok(0)
    })
}
