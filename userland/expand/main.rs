//! expand: convert tabs to spaces.

use std::io::{BufRead, BufReader, Write};
use wasmix_common::tabstops::TabStops;
use wasmix_common::{Arg, Program, args, input};

static PROGRAM: Program = Program::new(
    "expand",
    "Usage: expand [OPTION]... [FILE]...\n\
     Convert tabs in each FILE to spaces, writing to standard output.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -i, --initial    do not convert tabs after non blanks\n  \
     -t, --tabs=N     have tabs N characters apart, not 8\n  \
     -t, --tabs=LIST  use comma separated list of tab positions\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut stops = TabStops::Every(8);
        let mut initial = false;
        let mut files = Vec::new();
        let mut digits = String::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('i') | Arg::Long("initial") => initial = true,
                Arg::Short('t') | Arg::Long("tabs") => stops = TabStops::parse(&args.value()?)?,
                // `-4`: the old form of -t 4.
                Arg::Short(d) if d.is_ascii_digit() => {
                    digits.push(d);
                    stops = TabStops::parse(&digits)?;
                }
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let describe =
            |name: &str, reason: &str| format!("{}: {reason}", wasmix_common::quote::quotef(name));
        input::for_each(&PROGRAM, files, describe, |_, reader| {
            let mut reader = BufReader::new(reader);
            let mut line = Vec::new();
            let mut expanded = Vec::new();
            while reader.read_until(b'\n', &mut line)? > 0 {
                expanded.clear();
                let (mut column, mut leading) = (0usize, true);
                for &byte in &line {
                    match byte {
                        b'\t' if !initial || leading => match stops.next(column) {
                            Some(stop) => {
                                expanded.resize(expanded.len() + stop - column, b' ');
                                column = stop;
                            }
                            // Past the last stop of a list: one space (GNU).
                            None => {
                                expanded.push(b' ');
                                column += 1;
                            }
                        },
                        0x08 => {
                            expanded.push(byte);
                            column = column.saturating_sub(1);
                            leading = false;
                        }
                        _ => {
                            leading &= byte == b' ' || byte == b'\t';
                            expanded.push(byte);
                            column += 1;
                        }
                    }
                }
                out.write_all(&expanded)?;
                line.clear();
            }
            Ok(())
        })
    })
}
