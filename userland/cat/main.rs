//! cat: concatenate files to standard output.

use std::io::{self, Write};
use wasmix_common::{Arg, Failure, Output, Program, args, input};

static PROGRAM: Program = Program::new(
    "cat",
    "Usage: cat [OPTION]... [FILE]...\n\
     Concatenate FILE(s) to standard output.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -A, --show-all           equivalent to -vET\n  \
     -b, --number-nonblank    number nonempty output lines, overrides -n\n  \
     -e                       equivalent to -vE\n  \
     -E, --show-ends          display $ at end of each line\n  \
     -n, --number             number all output lines\n  \
     -s, --squeeze-blank      suppress repeated empty output lines\n  \
     -t                       equivalent to -vT\n  \
     -T, --show-tabs          display TAB characters as ^I\n  \
     -u                       (ignored)\n  \
     -v, --show-nonprinting   use ^ and M- notation, except for LFD and TAB\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

#[derive(Default)]
struct Options {
    number: bool,
    number_nonblank: bool,
    squeeze: bool,
    ends: bool,
    tabs: bool,
    nonprinting: bool,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut options = Options::default();
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('A') | Arg::Long("show-all") => {
                    (options.nonprinting, options.ends, options.tabs) = (true, true, true)
                }
                Arg::Short('b') | Arg::Long("number-nonblank") => options.number_nonblank = true,
                Arg::Short('e') => (options.nonprinting, options.ends) = (true, true),
                Arg::Short('E') | Arg::Long("show-ends") => options.ends = true,
                Arg::Short('n') | Arg::Long("number") => options.number = true,
                Arg::Short('s') | Arg::Long("squeeze-blank") => options.squeeze = true,
                Arg::Short('t') => (options.nonprinting, options.tabs) = (true, true),
                Arg::Short('T') | Arg::Long("show-tabs") => options.tabs = true,
                Arg::Short('u') => {}
                Arg::Short('v') | Arg::Long("show-nonprinting") => options.nonprinting = true,
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let plain = !(options.number
            || options.number_nonblank
            || options.squeeze
            || options.ends
            || options.tabs
            || options.nonprinting);
        let mut formatter = Formatter {
            options,
            line: 0,
            at_line_start: true,
            blank_lines: 0,
        };
        let mut status = 0;
        for name in input::operands_or_stdin(files) {
            let copied = input::Chunks::open(&name).and_then(|mut reader| {
                if plain {
                    copy(&mut reader, out)
                } else {
                    formatter.copy(&mut reader, out)
                }
            });
            if let Err(e) = copied {
                match Failure::from(e) {
                    Failure::Fatal(reason) => {
                        PROGRAM.warn(format!("{}: {reason}", wasmix_common::quote::quotef(&name)));
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
fn copy(reader: &mut input::Chunks, out: &mut Output) -> io::Result<()> {
    reader.each_chunk(|chunk| {
        out.write_all(chunk)?;
        out.flush()
    })
}

/// Numbers, squeezes and shows lines; the count and the blank run go on across files,
/// as with GNU cat.
struct Formatter {
    options: Options,
    line: u64,
    at_line_start: bool,
    /// Empty lines in a row just written (or dropped).
    blank_lines: u64,
}

impl Formatter {
    fn copy(&mut self, reader: &mut input::Chunks, out: &mut Output) -> io::Result<()> {
        let mut shown = Vec::new();
        reader.each_chunk(|chunk| {
            shown.clear();
            for &byte in chunk {
                self.byte(byte, &mut shown);
            }
            out.write_all(&shown)?;
            out.flush()
        })
    }

    fn byte(&mut self, byte: u8, shown: &mut Vec<u8>) {
        let o = &self.options;
        if self.at_line_start {
            if byte == b'\n' {
                self.blank_lines += 1;
                if o.squeeze && self.blank_lines > 1 {
                    return;
                }
            } else {
                self.blank_lines = 0;
            }
            if o.number_nonblank && byte != b'\n' || o.number && !o.number_nonblank {
                self.line += 1;
                shown.extend_from_slice(format!("{:6}\t", self.line).as_bytes());
            }
        }
        self.at_line_start = byte == b'\n';
        match byte {
            b'\n' => {
                if o.ends {
                    shown.push(b'$');
                }
                shown.push(b'\n');
            }
            b'\t' if o.tabs => shown.extend_from_slice(b"^I"),
            b'\t' => shown.push(b'\t'),
            _ if o.nonprinting => {
                let mut low = byte;
                if low >= 0x80 {
                    shown.extend_from_slice(b"M-");
                    low -= 0x80;
                }
                match low {
                    0x7f => shown.extend_from_slice(b"^?"),
                    0..0x20 => shown.extend_from_slice(&[b'^', low + 0x40]),
                    _ => shown.push(low),
                }
            }
            _ => shown.push(byte),
        }
    }
}
