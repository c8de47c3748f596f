//! strings: print the runs of printable characters in files, as GNU binutils' strings
//! does with its default of scanning whole files.

use std::io::Write;
use wasmix_common::{Arg, Failure, Output, Program, args, input};

static PROGRAM: Program = Program::new(
    "strings",
    "Usage: strings [option(s)] [file(s)]\n \
     Display printable strings in [file(s)] (stdin by default)\n \
     The options are:\n  \
     -a - --all                Scan the entire file (the default)\n  \
     -f --print-file-name      Print the name of the file before each string\n  \
     -n <number>               Locate & print any sequence of at least <number>\n    \
     --bytes=<number>          displayable characters.  (The default is 4).\n  \
     -<number>                 Same as -n <number>\n  \
     -t --radix={o,d,x}        Print the location of the string in base 8, 10 or 16\n  \
     -o                        An alias for --radix=o\n  \
     -h --help                 Display this information\n  \
     -v -V --version           Print the program's version number\n",
);

struct Options {
    minimum: usize,
    radix: Option<char>,
    print_name: bool,
}

fn printable(byte: u8) -> bool {
    (0x20..0x7f).contains(&byte) || byte == b'\t'
}

fn scan(name: &str, shown_name: &str, options: &Options, out: &mut Output) -> std::io::Result<()> {
    let mut reader = input::open(name)?;
    let mut run: Vec<u8> = Vec::new();
    let mut offset = 0u64;
    let flush = |run: &mut Vec<u8>, end: u64, out: &mut Output| -> std::io::Result<()> {
        if run.len() >= options.minimum {
            if options.print_name {
                write!(out, "{shown_name}: ")?;
            }
            let start = end - run.len() as u64;
            match options.radix {
                Some('o') => write!(out, "{start:7o} ")?,
                Some('d') => write!(out, "{start:7} ")?,
                Some(_) => write!(out, "{start:7x} ")?,
                None => {}
            }
            out.write_all(run)?;
            out.write_all(b"\n")?;
        }
        run.clear();
        Ok(())
    };
    input::each_chunk(&mut reader, |chunk| {
        for &byte in chunk {
            if printable(byte) {
                run.push(byte);
            } else {
                flush(&mut run, offset, out)?;
            }
            offset += 1;
        }
        Ok(())
    })?;
    flush(&mut run, offset, out)
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut options = Options {
            minimum: 4,
            radix: None,
            print_name: false,
        };
        let mut files = Vec::new();
        let minimum = |text: &str| match text.parse::<usize>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(Failure::Fatal(format!(
                "invalid minimum string length {text}"
            ))),
        };
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('a') | Arg::Long("all") => {}
                Arg::Short('f') | Arg::Long("print-file-name") => options.print_name = true,
                Arg::Short('n') | Arg::Long("bytes") => options.minimum = minimum(&args.value()?)?,
                Arg::Short('o') => options.radix = Some('o'),
                Arg::Short('t') | Arg::Long("radix") => {
                    let radix = args.value()?;
                    match radix.as_str() {
                        "o" | "d" | "x" => options.radix = radix.chars().next(),
                        _ => return Err(Failure::Fatal(format!("invalid radix: {radix}"))),
                    }
                }
                Arg::Short(digit) if digit.is_ascii_digit() => {
                    // `-3` or `-12`: the digits after the first come as the option's value.
                    let rest = args.optional_value().unwrap_or_default();
                    options.minimum = minimum(&format!("{digit}{rest}"))?;
                }
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let mut status = 0;
        let names = if files.is_empty() {
            vec!["-".to_string()]
        } else {
            files
        };
        for name in names {
            let shown = if name == "-" {
                "{standard input}"
            } else {
                name.as_str()
            };
            if let Err(e) = scan(&name, shown, &options, out) {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    return Err(e.into());
                }
                // binutils' words: a missing file is "No such file", a directory only
                // a warning (that still fails the run).
                match e.kind() {
                    std::io::ErrorKind::NotFound => PROGRAM.warn(format!("'{name}': No such file")),
                    std::io::ErrorKind::IsADirectory => {
                        PROGRAM.warn(format!("Warning: '{name}' is a directory"))
                    }
                    _ => PROGRAM.warn(format!(
                        "'{name}': {}",
                        wasmix_common::describe_io_error(&e)
                    )),
                }
                status = 1;
            }
        }
        Ok(status)
    })
}
