//! tac: concatenate and print files, last line first.

use std::io::{Read, Write};
use wasmix_common::{Arg, Program, args, input};

static PROGRAM: Program = Program::new(
    "tac",
    "Usage: tac [OPTION]... [FILE]...\n\
     Write each FILE to standard output, last line first.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let describe =
            |name: &str, reason: &str| format!("failed to open '{name}' for reading: {reason}");
        input::for_each(&PROGRAM, files, describe, |_, mut reader| {
            let mut data = Vec::new();
            reader.read_to_end(&mut data)?;
            // Lines keep their newline; a last line without one is printed as it is.
            let mut lines: Vec<&[u8]> = data.split_inclusive(|b| *b == b'\n').collect();
            lines.reverse();
            for line in lines {
                out.write_all(line)?;
            }
            Ok(())
        })
    })
}
