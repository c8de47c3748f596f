//! yes: output a line over and over until killed or until the reader goes away.

use std::io::Write;
use wasmix_common::{Arg, Program, args};

static PROGRAM: Program = Program::new(
    "yes",
    "Usage: yes [STRING]...\n  \
     or:  yes OPTION\n\
     Repeatedly output a line with all specified STRING(s), or 'y'.\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

/// Lines are written in batches of about this many bytes, one host call each.
const BATCH: usize = 16 * 1024;

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut words = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Value(v) => words.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let line = if words.is_empty() {
            "y\n".to_string()
        } else {
            words.join(" ") + "\n"
        };
        let batch = line.repeat(BATCH.div_ceil(line.len()));
        loop {
            out.write_all(batch.as_bytes())?;
        }
    })
}
