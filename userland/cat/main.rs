//! cat: concatenate files to standard output.

use std::io::{self, Read, Write};
use wasmix_common::{Arg, Failure, Output, Program, args, input};

static PROGRAM: Program = Program::new(
    "cat",
    "Usage: cat [OPTION]... [FILE]...\n\
     Concatenate FILE(s) to standard output.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -n, --number             number all output lines\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut number = false;
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('n') | Arg::Long("number") => number = true,
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let mut numberer = number.then(LineNumberer::default);
        let mut status = 0;
        for name in input::operands_or_stdin(files) {
            let copied = input::open(&name).and_then(|mut reader| match &mut numberer {
                Some(numberer) => numberer.copy(&mut reader, out),
                None => copy(&mut reader, out),
            });
            if let Err(e) = copied {
                match Failure::from(e) {
                    Failure::Fatal(reason) => {
                        PROGRAM.warn(format!("{name}: {reason}"));
                        status = 1;
                    }
                    other => return Err(other),
                }
            }
        }
        Ok(status)
    })
}

/// Copies as the data arrives: a reader at a terminal sees each line when it is typed.
fn copy(reader: &mut dyn Read, out: &mut Output) -> io::Result<()> {
    input::each_chunk(reader, |chunk| {
        out.write_all(chunk)?;
        out.flush()
    })
}

/// Numbers lines across all files, as `cat -n` does: the count does not restart per file.
struct LineNumberer {
    line: u64,
    at_line_start: bool,
}

impl Default for LineNumberer {
    fn default() -> LineNumberer {
        LineNumberer {
            line: 0,
            at_line_start: true,
        }
    }
}

impl LineNumberer {
    fn copy(&mut self, reader: &mut dyn Read, out: &mut Output) -> io::Result<()> {
        input::each_chunk(reader, |chunk| {
            for line in chunk.split_inclusive(|b| *b == b'\n') {
                if self.at_line_start {
                    self.line += 1;
                    write!(out, "{:6}\t", self.line)?;
                }
                out.write_all(line)?;
                self.at_line_start = line.ends_with(b"\n");
            }
            out.flush()
        })
    }
}
