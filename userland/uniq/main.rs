//! uniq: report or omit repeated adjacent lines.

use std::io::{BufRead, BufReader, Read, Write};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, input};

static PROGRAM: Program = Program::new(
    "uniq",
    "Usage: uniq [OPTION]... [INPUT [OUTPUT]]\n\
     Filter adjacent matching lines from INPUT (or standard input),\n\
     writing to OUTPUT (or standard output).\n\n  \
     -c, --count           prefix lines by the number of occurrences\n  \
     -d, --repeated        only print duplicate lines, one for each group\n  \
     -u, --unique          only print unique lines\n  \
     -i, --ignore-case     ignore differences in case when comparing\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let (mut count, mut repeated, mut unique, mut ignore_case) = (false, false, false, false);
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('c') | Arg::Long("count") => count = true,
                Arg::Short('d') | Arg::Long("repeated") => repeated = true,
                Arg::Short('u') | Arg::Long("unique") => unique = true,
                Arg::Short('i') | Arg::Long("ignore-case") => ignore_case = true,
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if operands.len() > 2 {
            return Err(args::unexpected(Arg::Value(operands[2].clone().into())));
        }
        let name = operands.first().cloned().unwrap_or_else(|| "-".into());
        let reader = input::open(&name)
            .map_err(|e| Failure::Fatal(format!("{name}: {}", describe_io_error(&e))))?;
        let mut sink: Box<dyn Write> = match operands.get(1) {
            Some(path) => Box::new(
                wasmix_common::file_out::FileOut::create(path)
                    .map_err(|e| Failure::Fatal(format!("{path}: {}", describe_io_error(&e))))?,
            ),
            None => Box::new(&mut *out),
        };
        let same = |a: &[u8], b: &[u8]| {
            if ignore_case {
                a.eq_ignore_ascii_case(b)
            } else {
                a == b
            }
        };
        let mut emit = |line: &[u8], times: u64| -> std::io::Result<()> {
            if (repeated && times < 2) || (unique && times > 1) {
                return Ok(());
            }
            if count {
                write!(sink, "{times:>7} ")?;
            }
            sink.write_all(line)?;
            sink.write_all(b"\n")
        };
        // The group's line and the next one, in two buffers reused for every line.
        let mut reader = BufReader::with_capacity(256 * 1024, reader as Box<dyn Read>);
        let (mut held, mut times) = (Vec::new(), 0u64);
        let mut line = Vec::new();
        loop {
            line.clear();
            if reader.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            if line.last() == Some(&b'\n') {
                line.pop();
            }
            if times > 0 && same(&held, &line) {
                times += 1;
                continue;
            }
            if times > 0 {
                emit(&held, times)?;
            }
            std::mem::swap(&mut held, &mut line);
            times = 1;
        }
        if times > 0 {
            emit(&held, times)?;
        }
        Ok(0)
    })
}
