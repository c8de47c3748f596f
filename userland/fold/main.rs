//! fold: wrap input lines to fit a width.

use std::io::{BufRead, BufReader, Write};
use wasmix_common::{Arg, Failure, Output, Program, args, input};

static PROGRAM: Program = Program::new(
    "fold",
    "Usage: fold [OPTION]... [FILE]...\n\
     Wrap input lines in each FILE, writing to standard output.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -b, --bytes         count bytes rather than columns\n  \
     -s, --spaces        break at spaces\n  \
     -w, --width=WIDTH   use WIDTH columns instead of 80\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

struct Options {
    width: usize,
    bytes: bool,
    spaces: bool,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut options = Options {
            width: 80,
            bytes: false,
            spaces: false,
        };
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('b') | Arg::Long("bytes") => options.bytes = true,
                Arg::Short('s') | Arg::Long("spaces") => options.spaces = true,
                Arg::Short('w') | Arg::Long("width") => {
                    let text = args.value()?;
                    options.width = match text.parse::<usize>() {
                        Ok(0) => Err(Failure::Fatal(format!(
                            "invalid number of columns: '{text}': Numerical result out of range"
                        ))),
                        Ok(width) => Ok(width),
                        Err(_) => Err(Failure::Fatal(format!(
                            "invalid number of columns: '{text}'"
                        ))),
                    }?;
                }
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        input::for_each(
            &PROGRAM,
            files,
            |name, reason| format!("{}: {reason}", wasmix_common::quote::quotef(name)),
            |_, reader| {
                let mut reader = BufReader::new(reader);
                let mut line = Vec::new();
                loop {
                    line.clear();
                    let read = reader.read_until(b'\n', &mut line);
                    match read {
                        Ok(0) => return Ok(()),
                        Ok(_) => fold_line(&line, &options, out)?,
                        Err(e) => {
                            return Err(Failure::Fatal(wasmix_common::describe_io_error(&e)));
                        }
                    }
                }
            },
        )
    })
}

/// The column after writing `byte` at `column`, as a terminal moves.
fn advance(column: usize, byte: u8, options: &Options) -> usize {
    if options.bytes {
        return column + 1;
    }
    match byte {
        b'\t' => column + 8 - column % 8,
        b'\x08' => column.saturating_sub(1),
        b'\r' => 0,
        _ => column + 1,
    }
}

fn fold_line(line: &[u8], options: &Options, out: &mut Output) -> std::io::Result<()> {
    let (body, newline) = match line.strip_suffix(b"\n") {
        Some(body) => (body, true),
        None => (line, false),
    };
    let mut pending: Vec<u8> = Vec::new();
    let mut column = 0;
    for &byte in body {
        let next = advance(column, byte, options);
        if next > options.width && !pending.is_empty() {
            let cut = if options.spaces {
                pending
                    .iter()
                    .rposition(|&b| b == b' ' || b == b'\t')
                    .map(|at| at + 1)
            } else {
                None
            }
            .unwrap_or(pending.len());
            out.write_all(&pending[..cut])?;
            out.write_all(b"\n")?;
            pending.drain(..cut);
            column = pending.iter().fold(0, |c, &b| advance(c, b, options));
        }
        column = advance(column, byte, options);
        pending.push(byte);
    }
    out.write_all(&pending)?;
    if newline {
        out.write_all(b"\n")?;
    }
    Ok(())
}
