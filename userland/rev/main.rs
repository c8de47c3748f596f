//! rev: reverse the characters of each line.

use std::io::{BufRead, BufReader, Write};
use wasmix_common::{Arg, Program, args, input};

static PROGRAM: Program = Program::new(
    "rev",
    "Usage: rev [FILE]...\n\
     Reverse the characters of each line of the FILEs (or standard input).\n\n      \
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
        let describe = |name: &str, reason: &str| format!("cannot open {name}: {reason}");
        input::for_each(&PROGRAM, files, describe, |_, reader| {
            let mut reader = BufReader::new(reader);
            let mut line = Vec::new();
            while reader.read_until(b'\n', &mut line)? > 0 {
                let mut newline = line.last() == Some(&b'\n');
                if newline {
                    line.pop();
                }
                // As util-linux rev, which reads C strings: a NUL ends the line, and its
                // newline is lost with the rest.
                if let Some(at) = line.iter().position(|&b| b == 0) {
                    line.truncate(at);
                    newline = false;
                }
                let reversed: String = String::from_utf8_lossy(&line).chars().rev().collect();
                out.write_all(reversed.as_bytes())?;
                if newline {
                    out.write_all(b"\n")?;
                }
                line.clear();
            }
            Ok(())
        })
    })
}
