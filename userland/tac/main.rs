//! tac: concatenate and print files, last line first.

use std::io::{Read, Write};
use wasmix_common::{Arg, Program, args, describe_io_error, input};

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
        let mut status = 0;
        for name in input::operands_or_stdin(files) {
            let mut data = Vec::new();
            let read = input::open(&name).and_then(|mut reader| reader.read_to_end(&mut data));
            if let Err(e) = read {
                PROGRAM.warn(format!(
                    "failed to open '{name}' for reading: {}",
                    describe_io_error(&e)
                ));
                status = 1;
                continue;
            }
            // Lines keep their newline; a last line without one is printed as it is.
            let mut lines: Vec<&[u8]> = data.split_inclusive(|b| *b == b'\n').collect();
            lines.reverse();
            for line in lines {
                out.write_all(line)?;
            }
        }
        Ok(status)
    })
}
