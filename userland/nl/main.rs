//! nl: number lines of files.

use std::io::{BufRead, BufReader, Write};
use wasmix_common::{Arg, Failure, Program, args, input};

static PROGRAM: Program = Program::new(
    "nl",
    "Usage: nl [OPTION]... [FILE]...\n\
     Write each FILE to standard output, with line numbers added.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -b, --body-numbering=STYLE      use STYLE for numbering body lines (a: all, t: non-empty,\n                                  \
     n: none; default t)\n  \
     -i, --line-increment=NUMBER     line number increment at each line (default 1)\n  \
     -n, --number-format=FORMAT      insert line numbers according to FORMAT: ln (left\n                                  \
     justified), rn (right justified, the default) or rz (leading zeros)\n  \
     -s, --number-separator=STRING   add STRING after (possible) line number (default TAB)\n  \
     -v, --starting-line-number=NUMBER  first line number (default 1)\n  \
     -w, --number-width=NUMBER       use NUMBER columns for line numbers (default 6)\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

/// How a line number is laid out in its columns.
enum Format {
    Left,
    Right,
    Zeros,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut style = 't';
        let mut separator = "\t".to_string();
        let mut number: i64 = 1;
        let mut width = 6;
        let mut increment: i64 = 1;
        let mut format = Format::Right;
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('b') | Arg::Long("body-numbering") => {
                    let value = args.value()?;
                    style = match value.as_str() {
                        "a" | "t" | "n" => value.chars().next().unwrap_or('t'),
                        _ => {
                            return Err(Failure::Fatal(format!(
                                "invalid body numbering style: '{value}'"
                            )));
                        }
                    };
                }
                Arg::Short('i') | Arg::Long("line-increment") => {
                    increment = line_number(&args.value()?, "line number increment")?;
                }
                Arg::Short('n') | Arg::Long("number-format") => {
                    let value = args.value()?;
                    format = match value.as_str() {
                        "ln" => Format::Left,
                        "rn" => Format::Right,
                        "rz" => Format::Zeros,
                        _ => {
                            return Err(Failure::Usage(format!(
                                "invalid line numbering format: '{value}'"
                            )));
                        }
                    };
                }
                Arg::Short('s') | Arg::Long("number-separator") => separator = args.value()?,
                Arg::Short('v') | Arg::Long("starting-line-number") => {
                    number = line_number(&args.value()?, "starting line number")?;
                }
                Arg::Short('w') | Arg::Long("number-width") => {
                    let value = args.value()?;
                    width = value.parse().ok().filter(|w| *w > 0).ok_or_else(|| {
                        Failure::Fatal(format!("invalid line number field width: '{value}'"))
                    })?;
                }
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let describe =
            |name: &str, reason: &str| format!("{}: {reason}", wasmix_common::quote::quotef(name));
        input::for_each(&PROGRAM, files, describe, |_, reader| {
            for line in BufReader::new(reader).split(b'\n') {
                let line = line?;
                let numbered = match style {
                    'a' => true,
                    't' => !line.is_empty(),
                    _ => false,
                };
                if numbered {
                    match format {
                        Format::Left => write!(out, "{number:<width$}{separator}")?,
                        Format::Right => write!(out, "{number:>width$}{separator}")?,
                        Format::Zeros => write!(out, "{number:0width$}{separator}")?,
                    }
                    number += increment;
                } else {
                    write!(out, "{:width$}", "", width = width + separator.len())?;
                }
                out.write_all(&line)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        })
    })
}

/// A number given for `what` (`-v`, `-i`).
fn line_number(value: &str, what: &str) -> Result<i64, Failure> {
    value
        .parse()
        .map_err(|_| Failure::Fatal(format!("invalid {what}: '{value}'")))
}
