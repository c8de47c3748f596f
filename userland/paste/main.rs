//! paste: merge lines of files side by side (or, with -s, each file onto one line).

use std::io::{BufRead, BufReader, Write};
use wasmix_common::escapes::{Octal, decode_all};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, input};

static PROGRAM: Program = Program::new(
    "paste",
    "Usage: paste [OPTION]... [FILE]...\n\
     Write lines consisting of the sequentially corresponding lines from\n\
     each FILE, separated by TABs, to standard output.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -d, --delimiters=LIST   reuse characters from LIST instead of TABs\n  \
     -s, --serial            paste one file at a time instead of in parallel\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut delimiters = b"\t".to_vec();
        let mut serial = false;
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('d') | Arg::Long("delimiters") => {
                    // "\0" means no delimiter at all.
                    let text = args.value()?.replace("\\0", "");
                    delimiters = decode_all(text.as_bytes(), Octal::Plain).0;
                }
                Arg::Short('s') | Arg::Long("serial") => serial = true,
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let files = input::operands_or_stdin(files);
        let mut contents = Vec::new();
        for name in &files {
            let reader = input::open(name)
                .map_err(|e| Failure::Fatal(format!("{name}: {}", describe_io_error(&e))))?;
            let lines: Result<Vec<Vec<u8>>, _> = BufReader::new(reader).split(b'\n').collect();
            contents.push(
                lines.map_err(|e| Failure::Fatal(format!("{name}: {}", describe_io_error(&e))))?,
            );
        }
        let delimiter = |index: usize| delimiters.get(index % delimiters.len().max(1)).copied();
        if serial {
            for lines in &contents {
                for (index, line) in lines.iter().enumerate() {
                    if index > 0
                        && let Some(d) = delimiter(index - 1)
                    {
                        out.write_all(&[d])?;
                    }
                    out.write_all(line)?;
                }
                out.write_all(b"\n")?;
            }
            return Ok(0);
        }
        let rows = contents.iter().map(Vec::len).max().unwrap_or(0);
        for row in 0..rows {
            for (column, lines) in contents.iter().enumerate() {
                if column > 0
                    && let Some(d) = delimiter(column - 1)
                {
                    out.write_all(&[d])?;
                }
                if let Some(line) = lines.get(row) {
                    out.write_all(line)?;
                }
            }
            out.write_all(b"\n")?;
        }
        Ok(0)
    })
}
