//! shuf: write a random permutation of the input lines (or of `-e` arguments, or of a
//! `-i` range), drawing on the kernel's random source.

use std::io::{Read, Write};
use wasmix_common::{Arg, Failure, Program, args, file_error, input};

static PROGRAM: Program = Program::new(
    "shuf",
    "Usage: shuf [OPTION]... [FILE]\n  \
     or:  shuf -e [OPTION]... [ARG]...\n  \
     or:  shuf -i LO-HI [OPTION]...\n\
     Write a random permutation of the input lines to standard output.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -e, --echo                treat each ARG as an input line\n  \
     -i, --input-range=LO-HI   treat each number LO through HI as an input line\n  \
     -n, --head-count=COUNT    output at most COUNT lines\n  \
     -o, --output=FILE         write result to FILE instead of standard output\n  \
     -r, --repeat              output lines can be repeated\n  \
     -z, --zero-terminated     line delimiter is NUL, not newline\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

/// A uniform number below `bound`, without modulo bias.
fn below(bound: u64) -> u64 {
    let zone = u64::MAX - u64::MAX % bound;
    loop {
        let r = wasip2::random::random::get_random_u64();
        if r < zone {
            return r % bound;
        }
    }
}

fn range(text: &str) -> Result<(u64, u64), Failure> {
    let invalid = || Failure::Fatal(format!("invalid input range: '{text}'"));
    let (low, high) = text.split_once('-').ok_or_else(invalid)?;
    let (low, high): (u64, u64) = (
        low.parse().map_err(|_| invalid())?,
        high.parse().map_err(|_| invalid())?,
    );
    if high.checked_add(1).is_none_or(|end| end < low) {
        return Err(invalid());
    }
    Ok((low, high))
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let (mut echo, mut repeat, mut delimiter) = (false, false, b'\n');
        let (mut count, mut input_range, mut output) = (None, None, None);
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('e') | Arg::Long("echo") => echo = true,
                Arg::Short('r') | Arg::Long("repeat") => repeat = true,
                Arg::Short('z') | Arg::Long("zero-terminated") => delimiter = 0,
                Arg::Short('i') | Arg::Long("input-range") => {
                    input_range = Some(range(&args.value()?)?)
                }
                Arg::Short('o') | Arg::Long("output") => output = Some(args.value()?),
                Arg::Short('n') | Arg::Long("head-count") => {
                    let text = args.value()?;
                    let n = text
                        .parse::<u64>()
                        .map_err(|_| Failure::Fatal(format!("invalid line count: '{text}'")))?;
                    count = Some(count.map_or(n, |c: u64| c.min(n)));
                }
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let lines: Vec<Vec<u8>> = if let Some((low, high)) = input_range {
            if let Some(extra) = operands.first() {
                return Err(Failure::Usage(format!("extra operand '{extra}'")));
            }
            (low..=high).map(|n| n.to_string().into_bytes()).collect()
        } else if echo {
            operands.into_iter().map(String::into_bytes).collect()
        } else {
            if operands.len() > 1 {
                return Err(Failure::Usage(format!("extra operand '{}'", operands[1])));
            }
            let name = operands.pop().unwrap_or_else(|| "-".into());
            let mut data = Vec::new();
            input::open(&name)
                .map_err(|e| Failure::Fatal(file_error(&name, &e)))?
                .read_to_end(&mut data)
                .map_err(|e| Failure::Fatal(wasmix_common::read_error(&e)))?;
            if data.last() == Some(&delimiter) {
                data.pop();
            }
            if data.is_empty() {
                Vec::new()
            } else {
                data.split(|&b| b == delimiter)
                    .map(<[u8]>::to_vec)
                    .collect()
            }
        };
        let mut file = match &output {
            Some(name) => Some(
                std::fs::File::create(name).map_err(|e| Failure::Fatal(file_error(name, &e)))?,
            ),
            None => None,
        };
        let sink: &mut dyn Write = match &mut file {
            Some(f) => f,
            None => out,
        };
        if repeat {
            if lines.is_empty() {
                return if count == Some(0) {
                    Ok(0)
                } else {
                    Err(Failure::Fatal("no lines to repeat".into()))
                };
            }
            let mut left = count;
            while left != Some(0) {
                let line = &lines[below(lines.len() as u64) as usize];
                sink.write_all(line)?;
                sink.write_all(&[delimiter])?;
                left = left.map(|n| n - 1);
            }
            return Ok(0);
        }
        let mut lines = lines;
        let wanted = count.map_or(lines.len(), |n| n.min(lines.len() as u64) as usize);
        for i in 0..wanted {
            let j = i + below((lines.len() - i) as u64) as usize;
            lines.swap(i, j);
            sink.write_all(&lines[i])?;
            sink.write_all(&[delimiter])?;
        }
        Ok(0)
    })
}
