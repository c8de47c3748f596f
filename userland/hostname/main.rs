//! hostname: print the name of the system, wasmix.

use std::io::Write;
use wasmix_common::{Program, args};

static PROGRAM: Program = Program::new(
    "hostname",
    "Usage: hostname\n\
     Print the host name of the system.\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        if let Some(arg) = args.next()? {
            return Err(args::unexpected(arg));
        }
        writeln!(out, "wasmix")?;
        Ok(0)
    })
}
