//! unexpand: convert blanks to tabs.

use std::io::{BufRead, BufReader, Write};
use wasmix_common::tabstops::TabStops;
use wasmix_common::{Arg, Program, args, input};

static PROGRAM: Program = Program::new(
    "unexpand",
    "Usage: unexpand [OPTION]... [FILE]...\n\
     Convert blanks in each FILE to tabs, writing to standard output.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -a, --all        convert all blanks, instead of just initial blanks\n      \
     --first-only  convert only leading sequences of blanks (overrides -a)\n  \
     -t, --tabs=N     have tabs N characters apart instead of 8 (enables -a)\n  \
     -t, --tabs=LIST  use comma separated list of tab positions (enables -a)\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut stops = TabStops::Every(8);
        let (mut all, mut first_only) = (false, false);
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('a') | Arg::Long("all") => all = true,
                Arg::Long("first-only") => first_only = true,
                Arg::Short('t') | Arg::Long("tabs") => {
                    stops = TabStops::parse(&args.value()?)?;
                    all = true;
                }
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let all = all && !first_only;
        let describe =
            |name: &str, reason: &str| format!("{}: {reason}", wasmix_common::quote::quotef(name));
        input::for_each(&PROGRAM, files, describe, |_, reader| {
            let mut reader = BufReader::new(reader);
            let mut line = Vec::new();
            let mut result = Vec::new();
            while reader.read_until(b'\n', &mut line)? > 0 {
                result.clear();
                unexpand(&line, &stops, all, &mut result);
                out.write_all(&result)?;
                line.clear();
            }
            Ok(())
        })
    })
}

/// One line, as GNU's unexpand goes through it: blanks are held until a tab stop, where
/// they become a tab; a lone space that reaches a stop after a non-blank stays a space
/// unless more blanks follow. With `all` false only the blanks that begin the line count.
fn unexpand(line: &[u8], stops: &TabStops, all: bool, result: &mut Vec<u8>) {
    let mut column = 0usize;
    let mut pending: Vec<u8> = Vec::new();
    let (mut prev_blank, mut one_blank_before_stop, mut convert) = (true, false, true);
    for &byte in line {
        let mut c = byte;
        if convert {
            let blank = c == b' ' || c == b'\t';
            if blank {
                match stops.next(column) {
                    None => convert = false,
                    Some(next) if c == b'\t' => {
                        column = next;
                        if let Some(first) = pending.first_mut() {
                            *first = b'\t';
                        }
                        pending.truncate(usize::from(one_blank_before_stop));
                    }
                    Some(next) => {
                        column += 1;
                        if !(prev_blank && column == next) {
                            // Not yet at a stop: held for later.
                            if column == next {
                                one_blank_before_stop = true;
                            }
                            pending.push(c);
                            prev_blank = true;
                            continue;
                        }
                        if let Some(first) = pending.first_mut() {
                            *first = b'\t';
                        }
                        c = b'\t';
                        pending.truncate(usize::from(one_blank_before_stop));
                    }
                }
            } else if c == 0x08 {
                column = column.saturating_sub(1);
            } else {
                column += 1;
            }
            if !pending.is_empty() {
                if pending.len() > 1 && one_blank_before_stop {
                    pending[0] = b'\t';
                }
                result.append(&mut pending);
                one_blank_before_stop = false;
            }
            prev_blank = blank;
            convert &= all || blank;
        }
        result.push(c);
    }
    result.append(&mut pending);
}
