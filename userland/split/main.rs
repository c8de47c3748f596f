//! split: cut a file into pieces of so many lines or bytes.

use std::io::{Read, Write};
use wasmix_common::numbers::parse_size;
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, file_error, input};

static PROGRAM: Program = Program::new(
    "split",
    "Usage: split [OPTION]... [FILE [PREFIX]]\n\
     Output pieces of FILE to PREFIXaa, PREFIXab, ...;\n\
     default size is 1000 lines, and default PREFIX is 'x'.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -a, --suffix-length=N   generate suffixes of length N (default 2)\n  \
     -b, --bytes=SIZE        put SIZE bytes per output file\n  \
     -d                      use numeric suffixes starting at 0, not alphabetic\n  \
     -l, --lines=NUMBER      put NUMBER lines/records per output file\n  \
     -n, --number=CHUNKS     generate CHUNKS output files of equal size\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

enum Size {
    Lines(u64),
    Bytes(u64),
    Chunks(u64),
}

fn main() {
    PROGRAM.run(|mut args, _| {
        let mut size = Size::Lines(1000);
        let mut suffix_length = 2;
        let mut numeric = false;
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('l') | Arg::Long("lines") => {
                    size = Size::Lines(positive(&args.value()?, "number of lines")?)
                }
                Arg::Short('b') | Arg::Long("bytes") => {
                    size = Size::Bytes(positive(&args.value()?, "number of bytes")?)
                }
                Arg::Short('n') | Arg::Long("number") => {
                    size = Size::Chunks(positive(&args.value()?, "number of chunks")?)
                }
                Arg::Short('a') | Arg::Long("suffix-length") => {
                    let text = args.value()?;
                    suffix_length = text
                        .parse()
                        .map_err(|_| Failure::Fatal(format!("{text}: invalid suffix length")))?;
                }
                Arg::Short('d') => numeric = true,
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if operands.len() > 2 {
            return Err(Failure::Usage(format!("extra operand '{}'", operands[2])));
        }
        let name = operands.first().cloned().unwrap_or_else(|| "-".into());
        let prefix = operands.get(1).cloned().unwrap_or_else(|| "x".into());
        let fail = |e: std::io::Error| {
            Failure::Fatal(format!(
                "cannot open '{name}' for reading: {}",
                describe_io_error(&e)
            ))
        };
        let mut data = Vec::new();
        input::open(&name)
            .and_then(|mut r| r.read_to_end(&mut data))
            .map_err(fail)?;
        let pieces: Vec<&[u8]> = match size {
            Size::Bytes(n) => data.chunks(n as usize).collect(),
            Size::Lines(n) => by_lines(&data, n as usize),
            Size::Chunks(n) => {
                let n = n as usize;
                (0..n)
                    .map(|k| &data[data.len() * k / n..data.len() * (k + 1) / n])
                    .collect()
            }
        };
        for (index, piece) in pieces.into_iter().enumerate() {
            let name = suffix(index, suffix_length, numeric)
                .map(|s| format!("{prefix}{s}"))
                .ok_or_else(|| Failure::Fatal("output file suffixes exhausted".into()))?;
            wasmix_common::file_out::FileOut::create(&name)
                .and_then(|mut file| file.write_all(piece))
                .map_err(|e| Failure::Fatal(file_error(&name, &e)))?;
        }
        Ok(0)
    })
}

fn positive(text: &str, what: &str) -> Result<u64, Failure> {
    match parse_size(text) {
        Some(0) => Err(Failure::Fatal(format!(
            "invalid {what}: '{text}': Numerical result out of range"
        ))),
        Some(n) => Ok(n),
        None => Err(Failure::Fatal(format!("invalid {what}: '{text}'"))),
    }
}

fn by_lines(data: &[u8], lines: usize) -> Vec<&[u8]> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut count = 0;
    for (at, &byte) in data.iter().enumerate() {
        if byte == b'\n' {
            count += 1;
            if count == lines {
                pieces.push(&data[start..=at]);
                start = at + 1;
                count = 0;
            }
        }
    }
    if start < data.len() {
        pieces.push(&data[start..]);
    }
    pieces
}

/// The suffix of the piece at `index`: aa, ab, ... or 00, 01, ...
fn suffix(mut index: usize, length: usize, numeric: bool) -> Option<String> {
    let (base, first) = if numeric { (10, b'0') } else { (26, b'a') };
    let mut letters = vec![first; length];
    for slot in letters.iter_mut().rev() {
        *slot = first + (index % base) as u8;
        index /= base;
    }
    (index == 0).then(|| String::from_utf8_lossy(&letters).into_owned())
}
