//! head: output the first part of files.

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read, Write};
use wasmix_common::{Arg, Args, Failure, Output, Program, args, input, numbers, process};

static PROGRAM: Program = Program::new(
    "head",
    "Usage: head [OPTION]... [FILE]...\n\
     Print the first 10 lines of each FILE to standard output.\n\
     With more than one FILE, precede each with a header giving the file name.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -c, --bytes=[-]NUM       print the first NUM bytes of each file;\n                             \
     with the leading '-', print all but the last\n                             \
     NUM bytes of each file\n  \
     -n, --lines=[-]NUM       print the first NUM lines instead of the first 10;\n                             \
     with the leading '-', print all but the last\n                             \
     NUM lines of each file\n  \
     -q, --quiet, --silent    never print headers giving file names\n  \
     -v, --verbose            always print headers giving file names\n  \
     -z, --zero-terminated    line delimiter is NUL, not newline\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     NUM may have a multiplier suffix: b 512, kB 1000, K 1024, MB 1000*1000, M 1024*1024,\n\
     GB, G, and so on for T, P, E.\n",
);

#[derive(Clone, Copy)]
enum Unit {
    Lines,
    Bytes,
}

#[derive(Clone, Copy)]
struct Amount {
    unit: Unit,
    count: u64,
    /// `-n -K`: everything except the last K.
    all_but_last: bool,
}

fn main() {
    PROGRAM.run(|_, out| {
        let mut args = Args::from_vec(&PROGRAM, args::with_obsolete_count());
        let mut amount = Amount {
            unit: Unit::Lines,
            count: 10,
            all_but_last: false,
        };
        let mut headers: Option<bool> = None;
        let mut end = b'\n';
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('n') | Arg::Long("lines") => {
                    amount = parse_amount(Unit::Lines, &args.value()?)?;
                }
                Arg::Short('c') | Arg::Long("bytes") => {
                    amount = parse_amount(Unit::Bytes, &args.value()?)?;
                }
                Arg::Short('q') | Arg::Long("quiet") | Arg::Long("silent") => headers = Some(false),
                Arg::Short('v') | Arg::Long("verbose") => headers = Some(true),
                Arg::Short('z') | Arg::Long("zero-terminated") => end = 0,
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let files = input::operands_or_stdin(files);
        let headers = headers.unwrap_or(files.len() > 1);
        let status =
            input::for_each_with_headers(&PROGRAM, &files, headers, out, |name, reader, out| {
                let unread = copy_head(reader, out, amount, end)?;
                // What was read past the part copied goes back to a file stdin, for the
                // next reader, as GNU's head seeks back (`{ head -n 1; cat; } < file`).
                if name == "-" && unread > 0 {
                    process::give_back_stdin(unread as u64);
                }
                Ok(())
            })?;
        Ok(status)
    })
}

fn parse_amount(unit: Unit, text: &str) -> Result<Amount, Failure> {
    let what = match unit {
        Unit::Lines => "lines",
        Unit::Bytes => "bytes",
    };
    let parsed = numbers::parse_signed_count(text, what)?;
    Ok(Amount {
        unit,
        count: parsed.count,
        all_but_last: parsed.sign == Some('-'),
    })
}

/// Copies what `amount` asks for; lines end with `end`. Returns how many bytes it read
/// past them (for `-n -N` and `-c -N`, the ones held back).
fn copy_head(
    reader: &mut dyn Read,
    out: &mut Output,
    amount: Amount,
    end: u8,
) -> io::Result<usize> {
    let mut reader = BufReader::with_capacity(64 * 1024, reader);
    match (amount.unit, amount.all_but_last) {
        (Unit::Bytes, false) => {
            io::copy(&mut (&mut reader).take(amount.count), out)?;
        }
        (Unit::Lines, false) => {
            let mut left = amount.count;
            while left > 0 {
                let chunk = reader.fill_buf()?;
                if chunk.is_empty() {
                    break;
                }
                let mut taken = chunk.len();
                for (i, _) in chunk.iter().enumerate().filter(|(_, b)| **b == end) {
                    left -= 1;
                    if left == 0 {
                        taken = i + 1;
                        break;
                    }
                }
                out.write_all(&chunk[..taken])?;
                reader.consume(taken);
            }
            // Interactive readers expect to see the lines now, not when head exits.
            out.flush()?;
        }
        (Unit::Bytes, true) => {
            let mut data = Vec::new();
            reader.read_to_end(&mut data)?;
            let keep = data.len().saturating_sub(amount.count as usize);
            out.write_all(&data[..keep])?;
            return Ok(data.len() - keep);
        }
        (Unit::Lines, true) => {
            let mut held: VecDeque<Vec<u8>> = VecDeque::new();
            let mut line = Vec::new();
            while reader.read_until(end, &mut line)? > 0 {
                held.push_back(std::mem::take(&mut line));
                if held.len() as u64 > amount.count {
                    out.write_all(&held.pop_front().unwrap_or_default())?;
                }
            }
            return Ok(held.iter().map(Vec::len).sum());
        }
    }
    Ok(reader.buffer().len())
}
